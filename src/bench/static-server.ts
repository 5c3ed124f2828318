// A minimal static file server for a built site, on 127.0.0.1 and a free port, for the benchmark's page weights
// and search timings and for the Lighthouse audit. `astro preview` would do, but it cannot serve an arbitrary
// folder with the cache headers a real host sends, and it costs seconds to start. Hashed bundles and the search
// index are cacheable (so a warm search measures a warm cache); HTML is revalidated. gzip is optional: byte
// budgets are counted uncompressed, while Lighthouse should see what a real host serves. Every response is
// recorded with both figures, uncompressed and as a host that gzips text would send it (transferBytes).
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { createGzip, gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
};
/** Text a host compresses on the fly, as GitHub Pages does. Pagefind's index files (.pf_meta, .pf_index,
 * .pf_fragment, .pf_filter) and its wasm (.pagefind) are written gzip-compressed already, and sent as they are. */
const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.mjs', '.json', '.svg', '.xml', '.txt']);

/** The bytes a host that gzips text (at zlib's default level) sends for a file: compressed when it is text. */
export function transferBytes(path: string, body: Uint8Array): number {
  return COMPRESSIBLE.has(extname(path)) ? gzipSync(body).byteLength : body.byteLength;
}

/** One response: its path, the file's bytes (uncompressed) and what it weighs on the wire from a host that
 * gzips text, whichever way this server sent it. */
export interface ServedFile {
  path: string;
  bytes: number;
  gzipBytes: number;
}

export interface StaticServer {
  url: string;
  /** Every response sent since the last reset. The search benchmark counts bytes here because Pagefind
   * fetches its index from a Web Worker, which the page's own network log misses. */
  served: ServedFile[];
  resetServed(): void;
  close(): Promise<void>;
}

async function fileFor(root: string, pathname: string): Promise<string | undefined> {
  let rel: string;
  try {
    rel = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
  } catch {
    return undefined;
  }
  if (rel.split(sep).includes('..')) return undefined;
  for (const candidate of [join(root, rel), join(root, rel, 'index.html')]) {
    const info = await stat(candidate).catch(() => undefined);
    if (info?.isFile()) return candidate;
  }
  return undefined;
}

export async function serveStatic(root: string, options: { gzip?: boolean; port?: number } = {}): Promise<StaticServer> {
  let served: ServedFile[] = [];
  const sizes = new Map<string, Promise<{ bytes: number; gzipBytes: number }>>();
  const sizesOf = (file: string) => {
    let known = sizes.get(file);
    if (!known) {
      known = readFile(file).then((body) => ({ bytes: body.byteLength, gzipBytes: transferBytes(file, body) }));
      sizes.set(file, known);
    }
    return known;
  };
  const respond = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    let file = await fileFor(root, pathname);
    let status = 200;
    if (!file && !pathname.endsWith('/') && !extname(pathname) && (await fileFor(root, `${pathname}/`))) {
      res.writeHead(301, { location: `${pathname}/` }).end();
      return;
    }
    if (!file) {
      status = 404;
      file = await fileFor(root, '/404.html');
      if (!file) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
        return;
      }
    }
    const ext = extname(file);
    const headers: Record<string, string> = {
      'content-type': TYPES[ext] ?? 'application/octet-stream',
      'cache-control': ext === '.html' ? 'no-cache' : 'public, max-age=31536000, immutable',
    };
    const gzip = options.gzip && COMPRESSIBLE.has(ext) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    if (gzip) headers['content-encoding'] = 'gzip';
    else headers['content-length'] = String((await stat(file)).size);
    res.writeHead(status, headers);
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    served.push({ path: pathname, ...(await sizesOf(file)) });
    (gzip ? createReadStream(file).pipe(createGzip()) : createReadStream(file)).pipe(res);
  };
  const server: Server = createServer((req, res) => void respond(req, res));
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    get served() {
      return served;
    },
    resetServed: () => {
      served = [];
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
