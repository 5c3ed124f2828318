// `npm run check:lockfile`: fails when the committed package-lock.json is not what `npm install` would write for
// package.json. `npm ci` refuses a lockfile that lacks another platform's optional binaries (macOS's, Windows's),
// and a machine that installs with `npm install` instead gets versions resolved afresh; this check catches both
// before a contributor or a deploy does. It works on a copy in a temporary folder, so the checkout is never changed.
// Exit codes: 0 the lockfile is complete; 1 npm would change it (the fix is printed); 2 npm itself failed.

import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const scratch = mkdtempSync(join(tmpdir(), 'lockfile-check-'));
try {
  for (const file of ['package.json', 'package-lock.json']) copyFileSync(file, join(scratch, file));
  try {
    execFileSync('npm', ['install', '--package-lock-only', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], {
      cwd: scratch,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  } catch {
    process.stderr.write('check-lockfile: npm install --package-lock-only failed (see above).\n');
    process.exit(2);
  }
  const committed = readFileSync('package-lock.json', 'utf8');
  const resolved = readFileSync(join(scratch, 'package-lock.json'), 'utf8');
  if (committed !== resolved) {
    const before = new Set(committed.split('\n'));
    const added = resolved.split('\n').filter((line) => !before.has(line) && /"node_modules\//.test(line));
    process.stderr.write(
      'check-lockfile: package-lock.json is not what `npm install` writes for package.json, so `npm ci` may refuse it\n' +
        'or install a different tree.\n' +
        (added.length > 0
          ? `Entries npm would add:\n${added
              .slice(0, 20)
              .map((line) => `  ${line.trim()}`)
              .join('\n')}\n`
          : '') +
        'Fix: run `npm install` and commit package-lock.json as it leaves it.\n',
    );
    process.exit(1);
  }
  console.log('check-lockfile: package-lock.json is complete (npm ci accepts it on every platform).');
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
