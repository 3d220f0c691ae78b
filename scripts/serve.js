// A static file server with range requests (sirv), for the demo, the end-to-end tests and the bench.
// Each site is a list of [URL prefix, folder] mounts, so one process can stand in for two origins:
// the newsroom that hosts Earshot and someone else's blog that pastes its snippet.
import http from 'node:http';
import sirv from 'sirv';

/**
 * Starts one server. `mounts`: [['/dist', 'dist'], ['/', 'demo']] (longest prefix first is not needed:
 * they are tried in order). Resolves with {url, close}.
 */
export function serveSite({ mounts, port = 0, host = '127.0.0.1', headers = {}, brotli = false }) {
  const handlers = mounts.map(([prefix, dir]) => [
    prefix.replace(/\/$/, ''),
    // brotli: a file's `.br` beside it is sent instead, to browsers that take it (as a CDN would).
    sirv(dir, { dev: true, etag: true, dotfiles: false, extensions: ['html'], brotli }),
  ]);
  const server = http.createServer((req, res) => {
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    const path = req.url ?? '/';
    const tryMount = (i) => {
      if (i >= handlers.length) {
        res.statusCode = 404;
        res.setHeader('content-type', 'text/plain; charset=utf-8');
        res.end('Not found');
        return;
      }
      const [prefix, handler] = handlers[i];
      if (prefix !== '' && path !== prefix && !path.startsWith(`${prefix}/`) && !path.startsWith(`${prefix}?`)) return tryMount(i + 1);
      const original = req.url;
      req.url = path.slice(prefix.length) || '/';
      handler(req, res, () => {
        req.url = original;
        tryMount(i + 1);
      });
    };
    tryMount(0);
  });
  // A port in use (another demo, another dev server): the next free one, up to 20 on.
  const listen = (at, triesLeft) =>
    new Promise((resolve, reject) => {
      const failed = (error) => {
        if (error.code === 'EADDRINUSE' && at !== 0 && triesLeft > 0) resolve(listen(at + 1, triesLeft - 1));
        else reject(error.code === 'EADDRINUSE' ? new Error(`ports ${port} to ${at} are all in use`) : error);
      };
      server.once('error', failed);
      server.listen(at, host, () => {
        // Listening: later errors are the server's own, not this attempt's.
        server.off('error', failed);
        const address = server.address();
        resolve({
          url: `http://${host === '0.0.0.0' ? 'localhost' : host}:${address.port}`,
          port: address.port,
          close: () => new Promise((done) => server.close(() => done())),
        });
      });
    });
  return listen(port, 20);
}
