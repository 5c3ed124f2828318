// `node src/cli/run-together.ts "<command>" "<command>" …`: runs independent commands side by side and exits with
// the first failure's code. `npm run check` uses it: astro check, type-checked ESLint and Prettier each keep about one
// core busy, so on a machine with two or more cores they take the time of the slowest instead of the sum. Each
// command's output (stdout and stderr together) is held back and printed whole, in the order given, so the log
// reads as if they had run one after another.
import { spawn } from 'node:child_process';

interface Finished {
  command: string;
  code: number;
  output: Buffer;
}

function run(command: string): Promise<Finished> {
  return new Promise((done) => {
    const child = spawn(command, { shell: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', (error) => chunks.push(Buffer.from(`${error.message}\n`)));
    child.on('close', (code) => done({ command, code: code ?? 1, output: Buffer.concat(chunks) }));
  });
}

const commands = process.argv.slice(2);
if (commands.length === 0) {
  console.error('Usage: node src/cli/run-together.ts "<command>" "<command>" …');
  process.exit(2);
}

let failure = 0;
for (const finished of commands.map(run)) {
  const { command, code, output } = await finished;
  process.stdout.write(`\n> ${command}\n`);
  process.stdout.write(output);
  if (code !== 0) {
    console.error(`\n✘ ${command} failed (exit code ${code}).`);
    failure ||= code;
  }
}
process.exitCode = failure;
