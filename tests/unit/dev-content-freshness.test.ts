// After a content edit, the dev server's module runner must evaluate again every module the server has just
// invalidated, whatever the server has transformed since (src/integrations/dev-content-freshness.ts says why).
import { expect, test } from 'vitest';
import { CONTENT_CHANGED, forgetInvalidatedModules } from '../../src/integrations/dev-content-freshness.ts';

interface Node {
  id: string;
  evaluated: boolean;
}

/** A server module graph and a runner built from a table: each module's id, whether the server has its code, and
 * whether the runner has evaluated it. */
function environment(modules: { id: string; serverHasCode: boolean; inRunner: boolean }[]) {
  const nodes = new Map(modules.filter((m) => m.inRunner).map((m) => [m.id, { id: m.id, evaluated: true }]));
  return {
    moduleGraph: { idToModuleMap: new Map(modules.map((m) => [m.id, { transformResult: m.serverHasCode ? { code: '' } : null }])) },
    runner: {
      evaluatedModules: {
        getModuleById: (id: string) => nodes.get(id),
        invalidateModule: (node: Node) => void (node.evaluated = false),
      },
    },
    stillEvaluated: () => [...nodes.values()].filter((n) => n.evaluated).map((n) => n.id),
  };
}

test.each([
  {
    case: 'the store module and its importers, invalidated on the server, are forgotten by the runner',
    modules: [
      { id: '\0store', serverHasCode: false, inRunner: true },
      { id: '/astro/data-store.js', serverHasCode: false, inRunner: true },
      { id: '/src/pages/topic.astro', serverHasCode: false, inRunner: true },
      { id: '/src/lib/urls.ts', serverHasCode: true, inRunner: true },
    ],
    forgotten: 3,
    stillEvaluated: ['/src/lib/urls.ts'],
  },
  {
    case: 'a module the server transformed again meanwhile is kept, as the server says it is current',
    modules: [
      { id: '/astro/data-store.js', serverHasCode: true, inRunner: true },
      { id: '/src/pages/topic.astro', serverHasCode: false, inRunner: true },
    ],
    forgotten: 1,
    stillEvaluated: ['/astro/data-store.js'],
  },
  {
    case: 'a module only the server knows (never evaluated, or externalized) is left alone',
    modules: [
      { id: '/src/pages/about.astro', serverHasCode: false, inRunner: false },
      { id: '/src/lib/site.ts', serverHasCode: true, inRunner: true },
    ],
    forgotten: 0,
    stillEvaluated: ['/src/lib/site.ts'],
  },
  { case: 'nothing loaded yet', modules: [], forgotten: 0, stillEvaluated: [] },
])('$case', ({ modules, forgotten, stillEvaluated }) => {
  const env = environment(modules);
  expect(forgetInvalidatedModules(env)).toBe(forgotten);
  expect(env.stillEvaluated()).toEqual(stillEvaluated);
});

test("the message it follows is the one Astro's dev server sends after writing its content store", async () => {
  // If Astro renames the message, this fails instead of the fix silently doing nothing.
  const { readFile } = await import('node:fs/promises');
  const source = await readFile(new URL('../../node_modules/astro/dist/content/vite-plugin-content-virtual-mod.js', import.meta.url), 'utf8');
  expect(source).toContain(`hot.send(${JSON.stringify(CONTENT_CHANGED)}`);
});
