// The runner behind `npm run check` (src/cli/run-together.ts): commands run side by side, each one's output is
// printed whole in the order given (not in the order they finish), and any failure fails the whole.
import { spawnSync } from 'node:child_process';
import { expect, test } from 'vitest';

const NODE = process.execPath;
const together = (...commands: string[]) => spawnSync(NODE, ['src/cli/run-together.ts', ...commands], { encoding: 'utf8' });
const nodeCommand = (script: string) => `"${NODE}" -e "${script}"`;

test.each([
  {
    name: 'all succeed: exit 0, outputs in the order given though the first finishes last',
    commands: [nodeCommand("setTimeout(() => console.log('slow'), 300)"), nodeCommand("console.log('fast')")],
    status: 0,
    order: ['slow', 'fast'],
  },
  {
    name: "one fails: the run fails with its code, the others' output is still printed",
    commands: [nodeCommand("console.error('broken'); process.exit(3)"), nodeCommand("console.log('fine')")],
    status: 3,
    order: ['broken', 'fine'],
  },
])('$name', ({ commands, status, order }) => {
  const result = together(...commands);
  expect(result.status).toBe(status);
  const positions = order.map((text) => result.stdout.indexOf(text));
  expect(positions.every((at) => at >= 0)).toBe(true);
  expect(positions).toEqual([...positions].sort((a, b) => a - b));
  if (status !== 0) expect(result.stderr).toContain(`failed (exit code ${status})`);
});

test('without commands it prints its usage and exits 2', () => {
  const result = together();
  expect(result.status).toBe(2);
  expect(result.stderr).toContain('Usage: node src/cli/run-together.ts');
});
