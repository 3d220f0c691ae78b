// A koa middleware for the test runner's dev server: serves repo files as media with real HTTP range
// support, injects faults on demand, and logs every media request so that tests can assert on traffic.
//
// Routes (all paths are relative to the repo root; every segment may be URL-encoded):
//   GET|HEAD /media/<path>                 the file, Accept-Ranges: bytes, 206 for `Range: bytes=a-b`
//                                          (also `a-` and `-n`), 416 when unsatisfiable. CORS open.
//                                          `?download=<name>` adds Content-Disposition: attachment.
//   /fault/404/<path>                      404, nothing else
//   /fault/500/<path>                      500, nothing else
//   /fault/drop/<path>                     headers for the whole file or the requested range (200 or 206),
//                                          then only the first ~15% of those bytes, then the socket is
//                                          destroyed
//   /fault/cut/<path>[?at=<n>][&then=<how>]
//                                          a server that dies mid-file: no byte at or past the cut (at=:
//                                          a byte offset, or a fraction < 1; default 0.15 of the file) is
//                                          ever sent. A request that starts before the cut gets its headers,
//                                          the bytes up to the cut, then a destroyed socket; one that starts
//                                          at or past it (a client resuming with Range) is answered by
//                                          then=500 (default; or any 4xx/5xx code), then=reset (socket
//                                          destroyed before any header) or then=empty (headers, no body,
//                                          destroyed socket)
//   /fault/slow/<ms>/<path>                waits <ms> (at most 60000) and then serves like /media
//   /fault/rate/<bytes per s>/<path>       serves like /media (ranges too), but no faster than that: a slow
//                                          network, so that a far seek has to ask for a new range
//   /fault/norange/<bytes per s>/<path>    a server without range support, no faster than that: no
//                                          Accept-Ranges, and every request, Range or not, gets 200 and the
//                                          whole file from its first byte
//   /fault/type/<mime>/<path>              serves like /media but with Content-Type <mime> (URL-encoded,
//                                          e.g. text%2Fhtml)
//   /fault/corrupt/<path>[?from=<0..1>]    serves like /media but every byte from that fraction of the file
//                                          on (default 0: the whole file) is scrambled: not decodable
//   /fault/html/<path>                     200 text/html: a small web page where audio was expected (a
//                                          CMS's soft 404 or a login page)
//   /fault/broken/<path>?t=<token>         404 until `POST /__repair?match=<token>`, then serves like /media:
//                                          a fault the newsroom fixes while the listener waits (for Retry)
//   Any query string is ignored for routing (use it to make URLs unique per test: ?t=<token>).
//
// How Chromium 156's <audio> meets these (measured here with plain `new Audio()`):
//   404, 500, a cut or drop within the first ~32 KB: error code 4 (SRC_NOT_SUPPORTED) with message
//     "MEDIA_ELEMENT_ERROR: Format error" within ~60 ms, one request, no retry (so speech.mp3, 32 KB,
//     can never show a mid-play network error)
//   bytes that are not audio (corrupt, HTML page, HTML served as audio/mpeg): code 4, message
//     "PipelineStatus::DEMUXER_ERROR_COULD_NOT_OPEN: FFmpegDemuxer: open context failed"
//   Content-Type is ignored: MP3 bytes served as text/html play
//   drop past the first 32 KB: Chromium resumes with Range requests and heals; no error, ever
//   cut past the first 32 KB: plays to the cut; with then=500, error code 2 (NETWORK) "PipelineStatus::
//     PIPELINE_ERROR_READ: FFmpegDemuxer: data source error" as soon as playback or a seek needs bytes past
//     the cut; with then=reset or empty, Chromium retries about 30 times and the same error comes ~30 s
//     later; a paused element gets only 'stalled' (never an error)
//   corrupt with ?from= on a playing file: no error; it plays the good part and fires 'ended' early
//
// Request log (every /media and /fault request, oldest first):
//   GET  /__requests?match=<substring>[&since=<epoch ms>]  JSON array of
//        {id, time, method, url, path, fault, range, status, bytesSent, done}
//        `time` is Date.now() on arrival (same clock as the page's Date.now()); `range` is the Range header
//        or null; `bytesSent` counts body bytes written; `done` turns true when the response has ended.
//   POST /__requests/clear[?match=<substring>]             clears all records (or only the matching ones)
// The log is shared by every test file of the run: match on a token unique to your test (?t=<random>)
// rather than clearing everything.
import { createReadStream, promises as fs } from 'node:fs';
import path from 'node:path';

const CONTENT_TYPES = {
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.oga': 'audio/ogg',
  '.opus': 'audio/ogg',
  '.m4a': 'audio/mp4',
  '.mp4': 'audio/mp4',
  '.aac': 'audio/aac',
  '.webm': 'audio/webm',
  '.wav': 'audio/wav',
  '.flac': 'audio/flac',
  '.json': 'application/json; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.vtt': 'text/vtt; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
};

export function contentTypeFor(file) {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

const CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'Content-Length, Content-Range, Content-Disposition, Accept-Ranges, Content-Type',
};

const HTML_PAGE =
  '<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>Sign in</title></head>\n' +
  '<body><h1>Please sign in</h1><p>This is a web page, not audio.</p></body></html>\n';

export const DROP_FRACTION = 0.15;
const MAX_SLOW_MS = 60000;

/**
 * Parses a Range header against a file size.
 * @returns {null | {start: number, end: number} | 'unsatisfiable'} null: serve the whole file
 */
export function parseRange(header, size) {
  if (!header) return null;
  const match = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header);
  if (!match) return null; // multiple ranges or nonsense: RFC 9110 lets us ignore Range
  const [, a, b] = match;
  if (a === '' && b === '') return null;
  let start;
  let end;
  if (a === '') {
    const suffix = Number(b);
    if (suffix === 0) return 'unsatisfiable';
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(a);
    end = b === '' ? size - 1 : Math.min(Number(b), size - 1);
    if (b !== '' && Number(b) < start) return null; // invalid: ignore
  }
  if (start >= size || size === 0) return 'unsatisfiable';
  return { start, end };
}

function decodeSegments(rest) {
  return rest.split('/').map(s => decodeURIComponent(s));
}

/** Parses /media/... and /fault/... paths. Returns null for anything else. */
export function parseMediaPath(pathname) {
  if (pathname.startsWith('/media/')) {
    return { fault: null, file: decodeSegments(pathname.slice('/media/'.length)).join('/') };
  }
  if (!pathname.startsWith('/fault/')) return null;
  const parts = pathname.slice('/fault/'.length).split('/');
  const kind = parts.shift();
  switch (kind) {
    case '404':
    case '500':
    case 'drop':
    case 'cut':
    case 'corrupt':
    case 'html':
    case 'broken':
      return { fault: kind, file: decodeSegments(parts.join('/')).join('/') };
    case 'slow': {
      const ms = Number(parts.shift());
      if (!Number.isFinite(ms) || ms < 0) return { fault: 'bad', file: '' };
      return { fault: 'slow', ms: Math.min(ms, MAX_SLOW_MS), file: decodeSegments(parts.join('/')).join('/') };
    }
    case 'rate':
    case 'norange': {
      const bps = Number(parts.shift());
      if (!Number.isFinite(bps) || bps < 1000) return { fault: 'bad', file: '' };
      return { fault: kind, bps, file: decodeSegments(parts.join('/')).join('/') };
    }
    case 'type': {
      const mime = decodeURIComponent(parts.shift() ?? '');
      return { fault: 'type', mime, file: decodeSegments(parts.join('/')).join('/') };
    }
    default:
      return { fault: 'bad', file: '' };
  }
}

/** Resolves a repo-relative path, refusing anything that escapes rootDir. */
export function resolveInside(rootDir, relative) {
  if (relative.includes('\0')) return null;
  const full = path.resolve(rootDir, relative);
  if (full !== rootDir && !full.startsWith(rootDir + path.sep)) return null;
  return full;
}

/** ?at= for /fault/cut: a byte offset (>= 1) or a fraction of the file (< 1); default 15%. */
export function cutPoint(at, size) {
  const n = Number(at);
  if (at == null || at === '' || !Number.isFinite(n) || n < 0) return Math.floor(size * DROP_FRACTION);
  return n < 1 ? Math.floor(size * n) : Math.min(size, Math.floor(n));
}

function scramble(buf, offset, fromByte) {
  // Deterministic garbage, position-dependent so that a range read agrees with a full read.
  for (let i = 0; i < buf.length; i++) {
    const pos = offset + i;
    if (pos >= fromByte) buf[i] = (buf[i] ^ 0xa5 ^ ((pos * 131) & 0xff)) & 0xff;
  }
  return buf;
}

/**
 * @param {{ rootDir?: string, log?: (msg: string) => void }} [options]
 * @returns koa middleware; its `.requests` array is the log.
 */
export function mediaServer(options = {}) {
  const rootDir = path.resolve(options.rootDir ?? process.cwd());
  /** @type {Array<Record<string, unknown>>} */
  const requests = [];
  /** Tokens of /fault/broken/ URLs that have been repaired. */
  const repaired = new Set();
  let nextId = 1;

  function send(res, status, headers, body) {
    if (res.headersSent) return;
    res.writeHead(status, { ...CORS_HEADERS, 'Cache-Control': 'no-store', ...headers });
    res.end(body);
  }

  function sendText(res, status, text, record) {
    const body = Buffer.from(text);
    if (record) record.bytesSent = body.length;
    send(res, status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': body.length }, body);
  }

  async function handleLog(ctx) {
    const url = new URL(ctx.url, 'http://localhost');
    const match = url.searchParams.get('match') ?? '';
    const headers = { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' };
    if (url.pathname === '/__requests/clear') {
      if (ctx.method !== 'POST') return send(ctx.res, 405, { Allow: 'POST' }, '');
      let removed = 0;
      for (let i = requests.length - 1; i >= 0; i--) {
        if (!match || String(requests[i].url).includes(match)) {
          requests.splice(i, 1);
          removed++;
        }
      }
      return send(ctx.res, 200, headers, JSON.stringify({ removed }));
    }
    const since = Number(url.searchParams.get('since') ?? 0) || 0;
    const list = requests.filter(r => String(r.url).includes(match) && Number(r.time) >= since);
    return send(ctx.res, 200, headers, JSON.stringify(list));
  }

  async function handleMedia(ctx, route, record) {
    const { req, res } = ctx;
    if (req.method === 'OPTIONS') {
      return send(res, 204, {
        'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
        'Access-Control-Allow-Headers': 'Range, Content-Type',
        'Access-Control-Max-Age': '600',
      });
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return send(res, 405, { Allow: 'GET, HEAD, OPTIONS' }, '');
    }
    if (route.fault === 'bad') return sendText(res, 400, 'bad fault route\n', record);
    if (route.fault === '404') return sendText(res, 404, 'not found (fault injected)\n', record);
    if (route.fault === '500') return sendText(res, 500, 'internal server error (fault injected)\n', record);
    if (route.fault === 'broken' && ![...repaired].some((token) => req.url.includes(token))) {
      return sendText(res, 404, 'not found until repaired (fault injected)\n', record);
    }

    const file = resolveInside(rootDir, route.file);
    if (!file) return sendText(res, 403, 'forbidden: outside the repo\n', record);

    if (route.fault === 'slow' && route.ms > 0) {
      await new Promise(resolve => setTimeout(resolve, route.ms));
      if (req.destroyed || res.destroyed) return undefined;
    }

    if (route.fault === 'html') {
      const body = Buffer.from(HTML_PAGE);
      record.bytesSent = body.length;
      return send(res, 200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': body.length },
        req.method === 'HEAD' ? undefined : body);
    }

    let stat;
    try {
      stat = await fs.stat(file);
    } catch {
      return sendText(res, 404, 'not found\n', record);
    }
    if (!stat.isFile()) return sendText(res, 404, 'not found\n', record);

    const size = stat.size;
    const url = new URL(ctx.url, 'http://localhost');
    const headers = {
      'Content-Type': route.fault === 'type' ? route.mime : contentTypeFor(file),
      'Accept-Ranges': 'bytes',
      'Last-Modified': stat.mtime.toUTCString(),
    };
    const download = url.searchParams.get('download');
    if (download) {
      headers['Content-Disposition'] = `attachment; filename="${download.replace(/["\\\r\n]/g, '_')}"`;
    }

    if (route.fault === 'norange') delete headers['Accept-Ranges'];
    const range = route.fault === 'norange' ? null : parseRange(req.headers.range, size);
    if (range === 'unsatisfiable') {
      record.status = 416;
      return send(res, 416, { ...headers, 'Content-Range': `bytes */${size}`, 'Content-Length': 0 }, '');
    }
    const start = range ? range.start : 0;
    const end = range ? range.end : size - 1;
    const cutAt = cutPoint(url.searchParams.get('at'), size);
    if (route.fault === 'cut' && start >= cutAt) {
      // Asked for bytes past the cut (a client resuming): ?then= says how the dead server answers.
      const then = url.searchParams.get('then') ?? '500';
      if (then === 'reset') {
        record.status = 0;
        req.socket?.destroy();
        return undefined;
      }
      if (/^[45]\d\d$/.test(then)) return sendText(res, Number(then), 'gone (fault injected)\n', record);
    }
    const length = Math.max(0, end - start + 1);
    const status = range ? 206 : 200;
    if (range) headers['Content-Range'] = `bytes ${start}-${end}/${size}`;
    headers['Content-Length'] = length;
    record.status = status;

    res.writeHead(status, { ...CORS_HEADERS, 'Cache-Control': 'no-store', ...headers });
    if (req.method === 'HEAD' || length === 0) {
      res.end();
      return undefined;
    }

    if (route.fault === 'drop' || route.fault === 'cut') {
      // drop: 15% of what was asked for, every time (a client that resumes with Range gets there in the end)
      // cut: nothing at or past 15% of the FILE is ever delivered (a server that dies mid-file)
      const cut = route.fault === 'drop'
        ? Math.max(1, Math.floor(length * DROP_FRACTION))
        : Math.max(0, Math.min(length, cutAt - start));
      const buf = Buffer.alloc(cut);
      if (cut > 0) {
        const handle = await fs.open(file, 'r');
        try {
          await handle.read(buf, 0, cut, start);
        } finally {
          await handle.close();
        }
      }
      record.bytesSent = cut;
      res.write(buf, () => {
        // Let the bytes reach the client, then cut the connection mid-body.
        setTimeout(() => {
          record.done = true;
          res.destroy();
          req.socket?.destroy();
        }, 50);
      });
      return undefined;
    }

    const corruptFrom = route.fault === 'corrupt'
      ? Math.floor(size * Math.min(1, Math.max(0, Number(url.searchParams.get('from') ?? 0) || 0)))
      : Infinity;
    // rate: a tenth of a second's worth of bytes at a time, then a pause.
    const paced = route.fault === 'rate' || route.fault === 'norange' ? route.bps : 0;
    const stream = createReadStream(file, { start, end, ...(paced ? { highWaterMark: Math.max(1, Math.floor(paced / 10)) } : {}) });
    let offset = start;
    stream.on('data', chunk => {
      let out = chunk;
      if (offset + chunk.length > corruptFrom) out = scramble(Buffer.from(chunk), offset, corruptFrom);
      offset += chunk.length;
      record.bytesSent = Number(record.bytesSent) + chunk.length;
      if (paced) {
        stream.pause();
        res.write(out);
        setTimeout(() => stream.resume(), (chunk.length / paced) * 1000);
      } else if (!res.write(out)) {
        stream.pause();
        res.once('drain', () => stream.resume());
      }
    });
    stream.on('end', () => res.end());
    stream.on('error', () => res.destroy());
    res.on('close', () => stream.destroy());
    return undefined;
  }

  const middleware = async function earshotMediaServer(ctx, next) {
    const pathname = ctx.path;
    if (pathname === '/__requests' || pathname === '/__requests/clear') {
      ctx.respond = false;
      return handleLog(ctx);
    }
    if (pathname === '/__repair' && ctx.method === 'POST') {
      ctx.respond = false;
      const token = new URL(ctx.url, 'http://localhost').searchParams.get('match');
      if (token) repaired.add(token);
      return send(ctx.res, 204, {}, '');
    }
    let route;
    try {
      route = parseMediaPath(pathname);
    } catch {
      route = { fault: 'bad', file: '' }; // malformed percent-encoding
    }
    if (!route) return next();

    ctx.respond = false;
    const record = {
      id: nextId++,
      time: Date.now(),
      method: ctx.method,
      url: ctx.url,
      path: route.file,
      fault: route.fault,
      range: ctx.get('range') || null,
      status: null,
      bytesSent: 0,
      done: false,
    };
    if (ctx.method !== 'OPTIONS') requests.push(record);
    ctx.res.on('close', () => {
      record.done = true;
      if (record.status == null) record.status = ctx.res.statusCode;
    });
    try {
      await handleMedia(ctx, route, record);
    } catch (error) {
      options.log?.(`media-server: ${ctx.url}: ${error?.stack ?? error}`);
      if (!ctx.res.headersSent) sendText(ctx.res, 500, 'media-server error\n', record);
      else ctx.res.destroy();
    }
    if (record.status == null && ctx.res.headersSent) record.status = ctx.res.statusCode;
    return undefined;
  };
  middleware.requests = requests;
  return middleware;
}

export default mediaServer;
