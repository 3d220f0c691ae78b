// Proves the test infrastructure itself: howler under wtr, the range-serving media middleware, its fault
// routes and its request log (see test/support/media-server.js for the routes).
import { expect } from '@open-wc/testing';
import { Howl, Howler } from 'howler';

// A file that is always in the repo; tests of the player use test/fixtures/* the same way.
const FILE = 'package.json';
const token = () => `infra-${Date.now()}-${Math.random().toString(36).slice(2)}`;

interface RequestRecord {
  id: number;
  time: number;
  method: string;
  url: string;
  path: string;
  fault: string | null;
  range: string | null;
  status: number | null;
  bytesSent: number;
  done: boolean;
}

async function requests(match: string): Promise<RequestRecord[]> {
  const res = await fetch(`/__requests?match=${encodeURIComponent(match)}`);
  return (await res.json()) as RequestRecord[];
}

describe('test infrastructure', () => {
  describe('howler', () => {
    it('imports Howl and Howler as ES exports, one shared instance', async () => {
      expect(Howl).to.be.a('function');
      expect(Howler).to.be.an('object');
      Howler.usingWebAudio = false;
      expect(Howler.usingWebAudio).to.equal(false);
      const w = window as unknown as { Howl?: unknown; Howler?: unknown };
      expect(w.Howler).to.equal(Howler);
      expect(w.Howl).to.equal(Howl);
      const howl = new Howl({ src: [`/media/${FILE}?${token()}`], html5: true, preload: false });
      expect(howl.state()).to.equal('unloaded');
      howl.unload();
    });
  });

  describe('media server', () => {
    it('serves a whole file with length, type, CORS and Accept-Ranges', async () => {
      const res = await fetch(`/media/${FILE}`);
      expect(res.status).to.equal(200);
      expect(res.headers.get('accept-ranges')).to.equal('bytes');
      expect(res.headers.get('content-type')).to.contain('application/json');
      expect(res.headers.get('access-control-allow-origin')).to.equal('*');
      const body = await res.arrayBuffer();
      expect(body.byteLength).to.equal(Number(res.headers.get('content-length')));
    });

    it('answers Range: bytes=0-9 with 206 and 10 bytes', async () => {
      const full = new Uint8Array(await (await fetch(`/media/${FILE}`)).arrayBuffer());
      const res = await fetch(`/media/${FILE}`, { headers: { Range: 'bytes=0-9' } });
      expect(res.status).to.equal(206);
      expect(res.headers.get('content-range')).to.equal(`bytes 0-9/${full.length}`);
      const part = new Uint8Array(await res.arrayBuffer());
      expect(part.length).to.equal(10);
      expect([...part]).to.deep.equal([...full.slice(0, 10)]);

      const tail = await fetch(`/media/${FILE}`, { headers: { Range: 'bytes=-5' } });
      expect(tail.status).to.equal(206);
      expect([...new Uint8Array(await tail.arrayBuffer())]).to.deep.equal([...full.slice(-5)]);
    });

    it('answers an unsatisfiable range with 416', async () => {
      const res = await fetch(`/media/${FILE}`, { headers: { Range: 'bytes=99999999-' } });
      expect(res.status).to.equal(416);
      expect(res.headers.get('content-range')).to.match(/^bytes \*\/\d+$/);
    });

    it('refuses paths outside the repo and 404s missing files', async () => {
      expect((await fetch('/media/..%2F..%2F..%2Fetc%2Fpasswd')).status).to.equal(403);
      expect((await fetch('/media/no/such/file.mp3')).status).to.equal(404);
    });
  });

  describe('fault routes', () => {
    it('/fault/404 and /fault/500', async () => {
      expect((await fetch(`/fault/404/${FILE}`)).status).to.equal(404);
      expect((await fetch(`/fault/500/${FILE}`)).status).to.equal(500);
    });

    it('/fault/drop sends headers, then part of the body, then cuts the connection', async () => {
      const res = await fetch(`/fault/drop/${FILE}?${token()}`);
      expect(res.status).to.equal(200);
      const declared = Number(res.headers.get('content-length'));
      expect(declared).to.be.greaterThan(0);
      let received: number | null = null;
      try {
        received = (await res.arrayBuffer()).byteLength;
      } catch (error) {
        expect(error).to.be.instanceOf(TypeError);
      }
      if (received !== null) expect(received).to.be.lessThan(declared);
    });

    it('/fault/cut never delivers a byte past the cut, and answers a resume with 500', async () => {
      const res = await fetch(`/fault/cut/${FILE}?at=100`);
      expect(res.status).to.equal(200);
      let received: number | null = null;
      try {
        received = (await res.arrayBuffer()).byteLength;
      } catch (error) {
        expect(error).to.be.instanceOf(TypeError);
      }
      if (received !== null) expect(received).to.be.at.most(100);
      const resume = await fetch(`/fault/cut/${FILE}?at=100`, { headers: { Range: 'bytes=100-' } });
      expect(resume.status).to.equal(500);
      const before = await fetch(`/fault/cut/${FILE}?at=100`, { headers: { Range: 'bytes=0-9' } });
      expect(before.status).to.equal(206);
      expect((await before.arrayBuffer()).byteLength).to.equal(10);
    });

    it('/fault/slow/<ms> waits before answering', async () => {
      const started = performance.now();
      const res = await fetch(`/fault/slow/300/${FILE}`);
      expect(res.status).to.equal(200);
      await res.arrayBuffer();
      expect(performance.now() - started).to.be.at.least(290);
    });

    it('/fault/type/<mime> serves with that content type', async () => {
      const res = await fetch(`/fault/type/${encodeURIComponent('audio/mpeg')}/${FILE}`);
      expect(res.status).to.equal(200);
      expect(res.headers.get('content-type')).to.equal('audio/mpeg');
    });

    it('/fault/html serves a web page, /fault/corrupt scrambled bytes', async () => {
      const html = await fetch(`/fault/html/${FILE}`);
      expect(html.headers.get('content-type')).to.contain('text/html');
      expect(await html.text()).to.contain('<html');
      const plain = new Uint8Array(await (await fetch(`/media/${FILE}`)).arrayBuffer());
      const corrupt = new Uint8Array(await (await fetch(`/fault/corrupt/${FILE}`)).arrayBuffer());
      expect(corrupt.length).to.equal(plain.length);
      expect([...corrupt]).to.not.deep.equal([...plain]);
    });
  });

  describe('request log', () => {
    it('records /media and /fault requests with their Range header, and clears them', async () => {
      const t = token();
      const before = Date.now();
      await (await fetch(`/media/${FILE}?${t}`, { headers: { Range: 'bytes=0-9' } })).arrayBuffer();
      await fetch(`/fault/404/${FILE}?${t}`);
      const log = await requests(t);
      expect(log.map(r => r.url)).to.deep.equal([`/media/${FILE}?${t}`, `/fault/404/${FILE}?${t}`]);
      expect(log[0].range).to.equal('bytes=0-9');
      expect(log[0].status).to.equal(206);
      expect(log[0].path).to.equal(FILE);
      expect(log[1].fault).to.equal('404');
      expect(log[1].status).to.equal(404);
      expect(log[0].time).to.be.at.least(before - 1000);

      const cleared = await fetch(`/__requests/clear?match=${t}`, { method: 'POST' });
      expect(((await cleared.json()) as { removed: number }).removed).to.equal(2);
      expect(await requests(t)).to.deep.equal([]);
    });

    it('shows that nothing was fetched for an unloaded Howl', async () => {
      const t = token();
      const howl = new Howl({ src: [`/media/${FILE}?${t}`], html5: true, preload: false, format: ['mp3'] });
      await new Promise(resolve => setTimeout(resolve, 200));
      expect(await requests(t)).to.deep.equal([]);
      howl.unload();
    });
  });
});
