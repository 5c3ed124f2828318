// A worker thread of the content check (see parse-in-parallel.ts): parses its share of the files from disk and
// sends the results back. Entries go back without their file (its bytes are read on demand, which does not
// cross threads); the main thread puts its own in place.
import { parentPort, workerData } from 'node:worker_threads';
import { contentFile, type ContentFile } from './content-files.ts';
import type { WorkerReply, WorkerTask } from './parse-in-parallel.ts';
import { parseEntry, type ParseResult } from './parse-entry.ts';

const task = workerData as WorkerTask;
let reply: WorkerReply;
try {
  const results: ParseResult[] = [];
  for (const relativePath of task.relativePaths) {
    const file = contentFile(task.root, relativePath, task.cwd);
    const result = await parseEntry(file, task.options);
    const plain = { path: file.path, relativePath: file.relativePath, kind: file.kind, id: file.id } as ContentFile;
    results.push(result.entry ? { ...result, entry: { ...result.entry, file: plain } } : result);
  }
  reply = { ok: true, results };
} catch (error) {
  reply = { ok: false, message: (error as Error).message, stack: (error as Error).stack };
}
try {
  parentPort!.postMessage(reply);
} catch (error) {
  parentPort!.postMessage({ ok: false, message: `its results could not be sent back: ${(error as Error).message}` } satisfies WorkerReply);
}
