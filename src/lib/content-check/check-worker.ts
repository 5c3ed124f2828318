// The dev server's content check, on a thread of its own (see check-in-worker.ts): checks the whole content root each
// time it is asked and sends the result back. It lives as long as the dev server, so its own content model keeps
// every entry between checks and a check after an edit reads only the file that changed.
import { parentPort } from 'node:worker_threads';
import { checkContent } from './check-content.ts';
import type { CheckReply, CheckRequest } from './check-in-worker.ts';

parentPort!.on('message', (request: CheckRequest) => {
  // Files are parsed on this thread: the check is already off the server's, and a second core serves the pages.
  checkContent(request, { threads: 1 }).then(
    (result) => parentPort!.postMessage({ ok: true, result } satisfies CheckReply),
    (error: Error) => parentPort!.postMessage({ ok: false, message: error.message, stack: error.stack } satisfies CheckReply),
  );
});
