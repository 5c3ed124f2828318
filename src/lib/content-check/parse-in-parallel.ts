// Parsing each file on its own (YAML, Markdown or MDX, the per-file rules) is four fifths of the content check,
// and the check runs before every build. Files do not depend on each other in this pass, so on a machine with
// more than one core a large corpus is shared between this thread and worker threads, each parsing every n-th
// file from disk; the results come back in file order, exactly as parsing them here would give (a unit test
// compares the two). Small corpora are parsed here: starting a worker costs more than it saves.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ContentFile } from './content-files.ts';
import { parseEntry, type ParseOptions, type ParseResult } from './parse-entry.ts';

export interface ParallelOptions {
  /** Threads in all, this one included: one per core by default (at most 4). */
  threads?: number;
  /** Below this many files per thread, everything is parsed here. */
  minFilesPerThread?: number;
}

/** What a worker is given: where the files are, and which of them are its share. */
export interface WorkerTask {
  root: string;
  cwd: string;
  options: ParseOptions;
  relativePaths: string[];
}

/** What a worker sends back: each result's entry without its file (the main thread has it). */
export type WorkerReply = { ok: true; results: ParseResult[] } | { ok: false; message: string; stack?: string };

const MIN_FILES_PER_THREAD = 150;

async function parseHere(files: readonly ContentFile[], options: ParseOptions): Promise<ParseResult[]> {
  const results: ParseResult[] = [];
  for (const file of files) results.push(await parseEntry(file, options));
  return results;
}

function parseInWorker(task: WorkerTask): Promise<ParseResult[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./parse-worker.ts', import.meta.url), { workerData: task });
    worker.once('message', (reply: WorkerReply) => {
      void worker.terminate();
      if (reply.ok) resolve(reply.results);
      else reject(Object.assign(new Error(`The content check's worker failed: ${reply.message}`), { stack: reply.stack }));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`The content check's worker stopped with exit code ${code}.`));
    });
  });
}

/** Parses every file (read from `root`), in as many threads as help; results in the order of `files`. */
export async function parseFiles(
  files: readonly ContentFile[],
  options: ParseOptions & { cwd: string },
  parallel: ParallelOptions = {},
): Promise<ParseResult[]> {
  const wanted = parallel.threads ?? Math.min(4, availableParallelism());
  const threads = Math.max(1, Math.min(wanted, Math.floor(files.length / (parallel.minFilesPerThread ?? MIN_FILES_PER_THREAD))));
  const { cwd, ...parseOptions } = options;
  if (threads === 1) return parseHere(files, parseOptions);

  // Thread t takes files t, t + threads, t + 2·threads…: long and short files are spread evenly.
  const shares = Array.from({ length: threads }, (_, t) => files.filter((_, index) => index % threads === t));
  const [mine, ...theirs] = shares as [ContentFile[], ...ContentFile[][]];
  const replies = theirs.map((share) => parseInWorker({ root: options.root, cwd, options: parseOptions, relativePaths: share.map((f) => f.relativePath) }));
  const results = [await parseHere(mine, parseOptions), ...(await Promise.all(replies))];
  return files.map((file, index) => {
    const result = results[index % threads]![Math.floor(index / threads)]!;
    // The worker's entry carries a copy of the file without its bytes: give it back the real one.
    return result.entry ? { ...result, entry: { ...result.entry, file } } : result;
  });
}
