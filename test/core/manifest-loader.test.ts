/** Reading a manifest's answer: a deadline, a size limit counted as the bytes come, each refusal in words. */
import { expect } from '@open-wc/testing';
import { readManifest } from '../../src/core/manifest.js';
import { MAX_MANIFEST_BYTES, readManifestResponse } from '../../src/core/manifest-loader.js';

const URL_ = 'https://news.example/story.json';
const GOOD = JSON.stringify({ title: 'Story', tracks: [{ title: 'One', src: 'https://cdn.example/one.mp3' }] });

/** A body that gives `chunks` and then, unless `end`, never finishes; counts how much was pulled from it. */
function body(chunks: Uint8Array[], end: boolean) {
  const pulled = { bytes: 0, cancelled: false };
  let i = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = chunks[i++];
      if (chunk) {
        pulled.bytes += chunk.byteLength;
        controller.enqueue(chunk);
      } else if (end) controller.close();
      else return new Promise(() => {}); // never another byte
      return undefined;
    },
    cancel() {
      pulled.cancelled = true;
    },
  });
  return { stream, pulled };
}

describe('readManifestResponse', () => {
  it('reads a good answer', async () => {
    const result = await readManifestResponse(Promise.resolve(new Response(GOOD)), URL_, readManifest);
    expect(result.ok).to.equal(true);
  });

  it('gives up a request whose answer never comes, in words, and stops the request', async () => {
    const request = new AbortController();
    const started = performance.now();
    const result = await readManifestResponse(new Promise<Response>(() => {}), URL_, readManifest, undefined, request, 100);
    expect(performance.now() - started).to.be.below(1000);
    expect(result).to.deep.equal({ ok: false, message: 'The manifest did not arrive within 1 second: the server is too slow or not answering.', problems: [] });
    expect(request.signal.aborted).to.equal(true);
  });

  it('gives up a body that never finishes', async () => {
    const { stream } = body([new TextEncoder().encode('{"title": "Stuck", "tracks": [')], false);
    const request = new AbortController();
    const result = await readManifestResponse(Promise.resolve(new Response(stream)), URL_, readManifest, undefined, request, 1500);
    expect(result.ok).to.equal(false);
    expect((result as { message: string }).message).to.match(/did not arrive within 2 seconds/);
  });

  it('refuses a body past the limit as the bytes come, without reading the rest', async () => {
    const megabyte = new Uint8Array(1 << 20).fill(32);
    const { stream, pulled } = body(Array.from({ length: 150 }, () => megabyte), true);
    const result = await readManifestResponse(Promise.resolve(new Response(stream)), URL_, readManifest);
    expect((result as { message: string }).message).to.equal('The manifest is too large.');
    expect(pulled.cancelled).to.equal(true);
    expect(pulled.bytes).to.be.below(MAX_MANIFEST_BYTES + 3 * (1 << 20));
  });

  it('refuses a compressed bomb after the limit, not after decompressing all of it', async () => {
    // 150 MB of spaces, gzipped here (about 150 KB), then undone as the reader pulls: as a browser undoes a
    // Content-Encoding: gzip answer.
    const source = body(Array.from({ length: 150 }, () => new Uint8Array(1 << 20).fill(32)), true);
    const compressed = await new Response(source.stream.pipeThrough(new CompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>)).arrayBuffer();
    expect(compressed.byteLength).to.be.below(1 << 20);
    let inflated = 0;
    const counted = new Blob([compressed])
      .stream()
      .pipeThrough(new DecompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>)
      .pipeThrough(
        new TransformStream<Uint8Array, Uint8Array>({
          transform(chunk, controller) {
            inflated += chunk.byteLength;
            controller.enqueue(chunk);
          },
        }),
      );
    const result = await readManifestResponse(Promise.resolve(new Response(counted)), URL_, readManifest);
    expect((result as { message: string }).message).to.equal('The manifest is too large.');
    expect(inflated, 'bytes decompressed').to.be.below(8 * (1 << 20));
  });

  it('refuses a declared length past the limit at once', async () => {
    const request = new AbortController();
    const answer = new Response('{}', { headers: { 'content-length': String(MAX_MANIFEST_BYTES + 1) } });
    const result = await readManifestResponse(Promise.resolve(answer), URL_, readManifest, undefined, request);
    expect((result as { message: string }).message).to.equal('The manifest is too large.');
    expect(request.signal.aborted).to.equal(true);
  });

  it('says what the server answered, and what is not JSON', async () => {
    const missing = await readManifestResponse(Promise.resolve(new Response('nope', { status: 404, statusText: 'Not Found' })), URL_, readManifest);
    expect((missing as { message: string }).message).to.equal('The manifest could not be fetched: the server answered 404 Not Found.');
    const html = await readManifestResponse(Promise.resolve(new Response('<html>')), URL_, readManifest);
    expect((html as { message: string }).message).to.equal('The manifest is not valid JSON.');
  });

  it('throws when a newer load overtook it, rather than saying anything', async () => {
    const overtaken = new AbortController();
    const pending = Promise.reject(new DOMException('aborted', 'AbortError'));
    overtaken.abort();
    let thrown: unknown;
    try {
      await readManifestResponse(pending, URL_, readManifest, overtaken.signal);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).to.be.instanceOf(DOMException);
  });
});
