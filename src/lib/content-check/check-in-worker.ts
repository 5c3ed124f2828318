// The content check of a running dev server, off the thread that serves the pages. `astro dev` checks the whole
// content root again after every edit (the check's cross-file rules need every file): at 1,000 articles that is
// seconds of work, and on the server's own thread every page request made meanwhile waited for it, so an edit took
// as long to show as the check took to run. On a worker thread the page is rendered while the check runs. One check
// at a time: asked again while one runs, the next starts when it ends, and every caller waiting then gets its result.
import { Worker } from 'node:worker_threads';
import type { CheckOptions, CheckResult } from './check-content.ts';

export type CheckRequest = CheckOptions;
export type CheckReply = { ok: true; result: CheckResult } | { ok: false; message: string; stack?: string | undefined };

export class BackgroundCheck {
  readonly #options: CheckOptions;
  #worker: Worker | undefined;
  /** The check running now, and the one asked for meanwhile (which starts when it ends). */
  #running: Promise<CheckResult> | undefined;
  #next: Promise<CheckResult> | undefined;

  constructor(options: CheckOptions) {
    this.#options = options;
  }

  /** Checks the content as it is once this check starts. */
  check(): Promise<CheckResult> {
    if (!this.#running) {
      this.#running = this.#checkOnce().finally(() => (this.#running = undefined));
      return this.#running;
    }
    this.#next ??= this.#running
      .catch(() => undefined)
      .then(() => {
        this.#next = undefined;
        return this.check();
      });
    return this.#next;
  }

  /** Stops the worker (the dev server closes). */
  async close(): Promise<void> {
    const worker = this.#worker;
    this.#worker = undefined;
    await worker?.terminate();
  }

  #checkOnce(): Promise<CheckResult> {
    const worker = (this.#worker ??= this.#start());
    return new Promise((resolve, reject) => {
      const onExit = (code: number) => reject(new Error(`The content check's worker stopped with exit code ${code}.`));
      worker.once('exit', onExit);
      worker.once('message', (reply: CheckReply) => {
        worker.off('exit', onExit);
        if (reply.ok) resolve(reply.result);
        else reject(Object.assign(new Error(reply.message), { stack: reply.stack }));
      });
      worker.postMessage(this.#options satisfies CheckRequest);
    });
  }

  #start(): Worker {
    const worker = new Worker(new URL('./check-worker.ts', import.meta.url));
    // The dev server's own end ends the process: a waiting worker does not keep it alive.
    worker.unref();
    worker.on('error', () => (this.#worker = undefined));
    worker.on('exit', () => {
      if (this.#worker === worker) this.#worker = undefined;
    });
    return worker;
  }
}
