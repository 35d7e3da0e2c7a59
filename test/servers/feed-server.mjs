// Local HTTP behaviours for the feed tests: error statuses, slow answers, HTML bodies,
// a BOM, and a second origin without CORS headers. Nothing here leaves localhost.
import { createServer } from 'node:http';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';

const root = resolve(new URL('../..', import.meta.url).pathname);
const stash = new Map();
const switches = new Map();
let nextId = 1;
const bombs = new Map();

/**
 * A gzip bomb: `mb` MB of JSON-looking text, ≈ 1/1000 on the wire: one endless string in the first
 * structure (`?in=envelope`: in the envelope instead).
 */
function bomb(mb, where) {
  const key = `${mb}:${where}`;
  if (!bombs.has(key)) {
    const head = Buffer.from(where === 'envelope' ? '{"format":"sos-feed/1","padding":"' : '{"format":"sos-feed/1","structures":[{"id":"x","description":"');
    bombs.set(key, gzipSync(Buffer.concat([head, Buffer.alloc(mb * 1024 * 1024, 'a'), Buffer.from('"}')]), { level: 9 }));
  }
  return bombs.get(key);
}

/** A valid feed whose first structure's description is `mb` MB long, then two ordinary structures; streamed. */
function hugeFeed(mb) {
  const start = (id) => `{"id":"${id}","name":"Structure ${id}","kind":"association","address":{"postalCode":"33000","city":"Bordeaux","insee":"33063"},"location":{"lat":44.837,"lon":-0.579},"verifiedAt":"2026-10-01"`;
  const offers = (id) => `"offers":[{"id":"${id}-o","care":"psychologie","audiences":["patient"],"settings":["ville"]}]}`;
  const piece = 'x'.repeat(1024 * 1024);
  return Readable.from((function* () {
    yield '{"format":"sos-feed/1","publisher":{"id":"test-dsrc","name":"DSRC de test"},"generatedAt":"2026-11-20T08:00:00Z","structures":[';
    yield `${start('huge')},"description":"`;
    for (let i = 0; i < mb; i++) yield piece;
    yield `",${offers('huge')},${start('a')},${offers('a')},${start('b')},${offers('b')}]}`;
  })());
}

/** Koa middleware for WTR / @web/dev-server: test routes under /__test__/. */
export function feedTestRoutes({ foreignOrigin }) {
  return async (ctx, next) => {
    const url = new URL(ctx.url, 'http://x');
    if (!url.pathname.startsWith('/__test__/')) return next();
    const [, , route, arg] = url.pathname.split('/');
    const delay = Number(url.searchParams.get('delay') ?? 0);
    if (delay) await new Promise((r) => setTimeout(r, delay));
    switch (route) {
      case 'status': // an HTTP error with an HTML body, like a proxy's 502 page
        ctx.status = Number(arg);
        ctx.type = 'text/html';
        ctx.body = `<html><body><h1>${arg} Bad Gateway</h1></body></html>`;
        return;
      case 'html': // 200 but not JSON (a CMS error page, a login wall)
        ctx.type = 'text/html';
        ctx.body = '<!doctype html><html><body>Maintenance en cours</body></html>';
        return;
      case 'file': { // a project file, optionally with a UTF-8 BOM in front
        const text = await readFile(resolve(root, url.searchParams.get('path')), 'utf8');
        ctx.type = 'application/json';
        ctx.set('ETag', '"t1"');
        ctx.body = (url.searchParams.has('bom') ? '\uFEFF' : '') + text;
        return;
      }
      case 'stash': // POST a body, GET it back: lets a test serve any document it builds
        if (ctx.method === 'POST') {
          const chunks = [];
          for await (const c of ctx.req) chunks.push(c);
          const id = String(nextId++);
          stash.set(id, { body: Buffer.concat(chunks), type: ctx.get('content-type') || 'application/json' });
          ctx.body = { id, url: `/__test__/stash/${id}` };
          return;
        }
        if (!stash.has(arg)) { ctx.status = 404; return; }
        ctx.type = stash.get(arg).type;
        ctx.body = stash.get(arg).body;
        return;
      case 'switch': { // POST {status, body} to set what GET answers: a feed that later breaks
        if (ctx.method === 'POST') {
          const chunks = [];
          for await (const c of ctx.req) chunks.push(c);
          switches.set(arg, JSON.parse(Buffer.concat(chunks).toString('utf8')));
          ctx.body = { ok: true };
          return;
        }
        const conf = switches.get(arg) ?? { status: 404, body: '' };
        ctx.status = conf.status;
        ctx.type = conf.status === 200 ? 'application/json' : 'text/html';
        ctx.body = conf.body;
        return;
      }
      case 'bomb': // gzip bomb: small on the wire, `mb` MB once inflated
        ctx.set('Content-Encoding', 'gzip');
        ctx.type = 'application/json';
        ctx.body = bomb(Number(url.searchParams.get('mb') ?? 100), url.searchParams.get('in'));
        return;
      case 'huge': // a valid feed with one huge value, streamed
        ctx.type = 'application/json';
        ctx.body = hugeFeed(Number(url.searchParams.get('mb') ?? 100));
        return;
      case 'hang': // headers never come: a server that does not answer (until the client gives up)
        await new Promise((r) => { ctx.req.on('close', r); setTimeout(r, 60000); });
        ctx.status = 504;
        return;
      case 'foreign-origin':
        ctx.body = { origin: foreignOrigin };
        return;
      default:
        ctx.status = 404;
    }
  };
}

/**
 * A second origin. `/cors/...` answers with CORS headers, `/nocors/...` without (the browser blocks
 * it), `/drop/...` closes the connection without answering (a server that cannot be reached).
 */
export async function startForeignServer() {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    const [, mode, ...rest] = url.pathname.split('/');
    if (mode === 'drop') return req.socket.destroy();
    try {
      const body = await readFile(resolve(root, rest.join('/')));
      const headers = { 'content-type': 'application/json' };
      if (mode === 'cors') headers['access-control-allow-origin'] = '*';
      res.writeHead(200, headers).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  server.unref();
  return { origin: `http://127.0.0.1:${server.address().port}`, server };
}
