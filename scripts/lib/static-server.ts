/** A small static file server for a built site, on loopback only: for screenshots and browser tests. */
import { createServer, type Server } from 'node:http';
import { createReadStream, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { stripBase } from '../../src/lib/build-target.ts';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.jpg': 'image/jpeg',
  '.png': 'image/png',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.yml': 'application/yaml',
  '.wasm': 'application/wasm',
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

export interface ServeOptions {
  /** Extra response headers for a request path (decoded, e.g. `/search/`), such as a Content-Security-Policy. */
  headers?: (pathname: string) => Record<string, string> | undefined;
  /**
   * The path the site was built for (BROADSHEET_BASE, e.g. `/pr-7/`): the
   * folder is served under it, and every address outside it is not found.
   * `headers` gets the path with the base taken off.
   */
  base?: string;
  /**
   * Compress text files (HTML, CSS, JavaScript, JSON, SVG, XML, text) with
   * brotli or gzip when the request accepts it, as every host the README
   * names does, so that transfer sizes are those readers get.
   */
  compress?: boolean;
}

/** Types a host compresses; photos and Pagefind's files are compressed already. */
const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.json', '.svg', '.xml', '.txt']);

type Encoding = 'br' | 'gzip';

function acceptedEncoding(header: string | string[] | undefined): Encoding | undefined {
  const accepted = new Set<string>();
  for (const token of String(header ?? '').split(',')) {
    const [name, ...params] = token.split(';').map((part) => part.trim().toLowerCase());
    // `br;q=0` refuses brotli.
    if (!params.some((param) => /^q=0(\.0*)?$/.test(param))) accepted.add(name!);
  }
  return accepted.has('br') ? 'br' : accepted.has('gzip') ? 'gzip' : undefined;
}

function compressFile(file: string, encoding: Encoding): Buffer {
  const body = readFileSync(file);
  // Brotli at quality 5: about what a CDN spends when it compresses on the fly.
  return encoding === 'br' ? brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 5 } }) : gzipSync(body);
}

export function serveDirectory(root: string, options: ServeOptions = {}): Promise<StaticServer> {
  const base = path.resolve(root);
  const sitePrefix = options.base ?? '/';
  // Compressed once per file, encoding and modification time: a page audited repeatedly costs one compression.
  const compressed = new Map<string, Buffer>();
  const server: Server = createServer((request, response) => {
    let requested: string;
    try {
      requested = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    } catch {
      // Broken percent-encoding ("%E0%A4%A"): the client's mistake, not a reason to stop serving.
      response.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('not a valid address: its percent-encoding is broken');
      return;
    }
    const pathname = stripBase(requested, sitePrefix);
    if (pathname === undefined) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end(`not found: the site is served under ${sitePrefix}`);
      return;
    }
    for (const [name, value] of Object.entries(options.headers?.(pathname) ?? {})) response.setHeader(name, value);
    let file = path.join(base, pathname);
    if (!file.startsWith(base)) {
      response.writeHead(403).end();
      return;
    }
    let modified: number;
    try {
      if (statSync(file).isDirectory()) file = path.join(file, 'index.html');
      modified = statSync(file).mtimeMs;
    } catch {
      response.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      createReadStream(path.join(base, '404.html')).on('error', () => response.end()).pipe(response);
      return;
    }
    const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
    const encoding = options.compress && COMPRESSIBLE.has(path.extname(file)) ? acceptedEncoding(request.headers['accept-encoding']) : undefined;
    if (encoding) {
      const key = `${encoding} ${modified} ${file}`;
      const body = compressed.get(key) ?? compressFile(file, encoding);
      compressed.set(key, body);
      response.writeHead(200, { 'content-type': type, 'content-encoding': encoding, vary: 'Accept-Encoding', 'content-length': body.length });
      response.end(body);
      return;
    }
    response.writeHead(200, { 'content-type': type });
    // A file that cannot be read after all (removed, unreadable) ends this response, not the server.
    createReadStream(file).on('error', () => response.destroy()).pipe(response);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({ url: `http://127.0.0.1:${port}`, close: () => new Promise((done) => server.close(() => done())) });
    });
  });
}
