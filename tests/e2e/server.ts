import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const PAGES = path.resolve(import.meta.dirname, '../fixtures/pages');

/** Extra routes a test adds: path → HTML. */
export type Routes = Record<string, () => string>;

/** Serves the fixture pages (and generated ones) on 127.0.0.1, a free port. */
export async function startServer(routes: Routes = {}): Promise<{ url: (p: string) => string; close: () => Promise<void> }> {
  const server = http.createServer(async (req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://127.0.0.1');
    try {
      const body = routes[pathname] ? routes[pathname]() : await readFile(path.join(PAGES, path.normalize(pathname).replace(/^(\.\.[/\\])+/, '')), 'utf8');
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (p) => `http://127.0.0.1:${port}${p.startsWith('/') ? p : `/${p}`}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
