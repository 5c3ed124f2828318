// Why this exists: in `astro dev`, an edit to a content file must show at the next request, every time.
//
// Astro commits an edit by writing its content store, then invalidating the store's module: on the server, that
// module and (through Vite) every module that imports it, up to the pages; in the module runner that evaluates
// them for each request, only the store's module itself. The runner keeps every other module as it evaluated it
// for as long as the server says that module's code is cached, and the module that holds the loaded store keeps
// the store it loaded first. If the server transforms one of those importers again before the runner asks (a
// transform already under way when the store was written, or one started ahead of a request), the server answers
// "cached", the runner keeps its old evaluation and its old store, and every page shows the content from before
// the edit until the next one. Seen as a topic summary that did not show (tests/e2e/dev-overlay.spec.ts) in about one
// run of the whole end-to-end suite in seven. A script saving a topic as that test does, beside the rest of the
// suite, left the page stale in 3 of 65 saves, each time with the store's module transformed again and no new
// evaluation of the module that holds the store; with this integration, in 0 of 100 (2026-12-06).
//
// So when Astro tells a runner that content changed (its `astro:content-changed` message, sent right after it
// invalidated the store's module), the runner also forgets every module the server has no code for at that moment:
// the ones just invalidated. The next request evaluates them again, and the store is loaded as it was written.
// Only Vite's public module graph and runner API are used; nothing of Astro's is read but the message it sends.
import type { AstroIntegration } from 'astro';
import type { DevEnvironment, RunnableDevEnvironment } from 'vite';

/** What Astro sends over a dev environment's hot channel once the content store is written and invalidated. */
export const CONTENT_CHANGED = 'astro:content-changed';

/** The parts of a runnable dev environment this uses: the server's module graph and the runner's evaluated modules. */
export interface ServerAndRunner<Node> {
  moduleGraph: { idToModuleMap: ReadonlyMap<string, { transformResult: unknown }> };
  runner: { evaluatedModules: { getModuleById(id: string): Node | undefined; invalidateModule(node: Node): void } };
}

/** Makes the runner of `environment` evaluate again, when next imported, every module the server has no code for
 * (the ones just invalidated). Returns how many of the runner's modules it forgot. */
export function forgetInvalidatedModules<Node>(environment: ServerAndRunner<Node>): number {
  const evaluated = environment.runner.evaluatedModules;
  let forgotten = 0;
  for (const [id, module] of environment.moduleGraph.idToModuleMap) {
    if (module.transformResult) continue;
    const node = evaluated.getModuleById(id);
    if (!node) continue;
    evaluated.invalidateModule(node);
    forgotten++;
  }
  return forgotten;
}

/** Whether an environment runs modules on the server. Asks only whether it has a runner, without reading it: Vite
 * creates an environment's runner the first time it is read. */
function isRunnable(environment: DevEnvironment): environment is RunnableDevEnvironment {
  return 'runner' in environment;
}

export default function devContentFreshness(): AstroIntegration {
  return {
    name: 'dev-content-freshness',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        if (command !== 'dev') return;
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'dev-content-freshness',
                configureServer(server) {
                  for (const environment of Object.values(server.environments)) {
                    if (!isRunnable(environment)) continue;
                    const hot = environment.hot;
                    const send = hot.send.bind(hot);
                    hot.send = function (...args: unknown[]) {
                      // Astro sends its message as hot.send(name, data); Vite's other form is a { type: 'custom', event } payload.
                      const payload = args[0] as string | { type?: string; event?: string } | undefined;
                      const event = typeof payload === 'string' ? payload : payload?.type === 'custom' ? payload.event : undefined;
                      if (event === CONTENT_CHANGED) forgetInvalidatedModules(environment);
                      Reflect.apply(send, hot, args);
                    };
                  }
                },
              },
            ],
          },
        });
      },
    },
  };
}
