// `npm run oembed -- <manifest URL or file> --embed-base <URL of embed.html> [options]`: prints the oEmbed
// 1.0 JSON for one track of a manifest (toOEmbed from dist/lib/oembed.js, built first when missing).
//
//   --track N              the track to embed (0-based; default 0)
//   --maxwidth N           the consumer's limits in pixels
//   --maxheight N
//   --provider-name TEXT   default: the manifest's host name
//   --provider-url URL     default: the manifest's origin
//   --cache-age SECONDS
//   --manifest-url URL     where a local manifest file is served (the embed loads it from there, and its
//                          relative addresses resolve against it)
//   --thumbnail-size WxH   the artwork's size; by default it is read from the image itself
//
// Bad input ends in one line on stderr and exit code 1.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const USAGE = 'usage: npm run oembed -- <manifest URL or file> --embed-base <URL of embed.html> [--track N] [--maxwidth N] [--maxheight N] [--provider-name TEXT] [--provider-url URL] [--cache-age S] [--manifest-url URL] [--thumbnail-size WxH]';
const MAX_MANIFEST_BYTES = 2_000_000;
const MAX_IMAGE_BYTES = 256 * 1024;
const TIMEOUT_MS = 10_000;

class InputError extends Error {}

const OPTIONS = {
  '--embed-base': 'embedBase',
  '--track': 'index',
  '--maxwidth': 'maxwidth',
  '--maxheight': 'maxheight',
  '--provider-name': 'providerName',
  '--provider-url': 'providerUrl',
  '--cache-age': 'cacheAge',
  '--manifest-url': 'manifestUrl',
  '--thumbnail-size': 'thumbnailSize',
};
const NUMBERS = new Set(['index', 'maxwidth', 'maxheight', 'cacheAge']);

function readArgs(argv) {
  const args = {};
  const positional = [];
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].startsWith('--') ? argv[i].split(/=(.*)/s, 2) : [argv[i]];
    if (flag === '--help' || flag === '-h') {
      console.log(USAGE);
      process.exit(0);
    }
    if (!flag.startsWith('--')) {
      positional.push(flag);
      continue;
    }
    const name = OPTIONS[flag];
    if (!name) throw new InputError(`unknown option ${flag}`);
    const value = inline ?? argv[++i];
    if (value === undefined) throw new InputError(`${flag} needs a value`);
    if (NUMBERS.has(name)) {
      if (!/^\d+(\.\d+)?$/.test(value)) throw new InputError(`${flag} must be a number, not "${value}"`);
      args[name] = Number(value);
    } else args[name] = value;
  }
  if (positional.length !== 1) throw new InputError(positional.length ? `one manifest, not ${positional.length}` : 'no manifest given');
  if (!args.embedBase) throw new InputError('--embed-base is required: the absolute URL of your hosted embed.html');
  return { source: positional[0], ...args };
}

async function fetchLimited(url, limit, what, accept) {
  let response;
  try {
    response = await fetch(url, { headers: { accept }, signal: AbortSignal.timeout(TIMEOUT_MS), redirect: 'follow' });
  } catch (error) {
    throw new InputError(`the ${what} could not be fetched from ${url}: ${error.cause?.code ?? error.cause?.errors?.[0]?.code ?? error.cause?.message ?? error.message}`);
  }
  if (!response.ok) throw new InputError(`the ${what} could not be fetched from ${url}: the server answered ${response.status}`);
  const chunks = [];
  let size = 0;
  for await (const chunk of response.body) {
    chunks.push(chunk);
    size += chunk.length;
    if (size >= limit) break;
  }
  return { bytes: Buffer.concat(chunks), size, url: response.url || url };
}

/** The manifest's JSON, and the URL it is served at (undefined for a local file without --manifest-url). */
async function readSource(source, manifestUrl) {
  if (/^[a-z][a-z0-9+.-]+:/i.test(source)) {
    let url;
    try {
      url = new URL(source);
    } catch {
      throw new InputError(`"${source.slice(0, 200)}" is not a URL`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new InputError(`only http and https manifest addresses (or a local file), not ${url.protocol}`);
    const { bytes, size, url: finalUrl } = await fetchLimited(url.href, MAX_MANIFEST_BYTES + 1, 'manifest', 'application/json');
    if (size > MAX_MANIFEST_BYTES) throw new InputError(`the manifest at ${url.href} is larger than ${MAX_MANIFEST_BYTES} bytes`);
    return { data: parseJson(bytes.toString('utf8'), url.href), manifestUrl: manifestUrl ?? finalUrl };
  }
  const file = path.resolve(source);
  if (!existsSync(file)) throw new InputError(`no such file: ${source}`);
  const text = readFileSync(file, 'utf8');
  if (text.length > MAX_MANIFEST_BYTES) throw new InputError(`${source} is larger than ${MAX_MANIFEST_BYTES} bytes`);
  return { data: parseJson(text, source), manifestUrl, file };
}

function parseJson(text, where) {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InputError(`${where} is not valid JSON (${error.message})`);
  }
}

/** Width and height of a PNG, GIF, JPEG, WebP or SVG from its first bytes; null when unknown. */
export function imageSize(bytes) {
  const b = bytes;
  const u16 = (i) => (b[i] << 8) | b[i + 1];
  const le16 = (i) => b[i] | (b[i + 1] << 8);
  const le24 = (i) => b[i] | (b[i + 1] << 8) | (b[i + 2] << 16);
  const ascii = (i, n) => b.subarray(i, i + n).toString('latin1');
  if (ascii(1, 3) === 'PNG' && ascii(12, 4) === 'IHDR') return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
  if (ascii(0, 4) === 'GIF8') return { width: le16(6), height: le16(8) };
  if (ascii(0, 4) === 'RIFF' && ascii(8, 4) === 'WEBP') {
    const chunk = ascii(12, 4);
    if (chunk === 'VP8 ') return { width: le16(26) & 0x3fff, height: le16(28) & 0x3fff };
    if (chunk === 'VP8L') return { width: 1 + (((b[22] & 0x3f) << 8) | b[21]), height: 1 + (((b[24] & 0xf) << 10) | (b[23] << 2) | ((b[22] & 0xc0) >> 6)) };
    if (chunk === 'VP8X') return { width: 1 + le24(24), height: 1 + le24(27) };
    return null;
  }
  if (b[0] === 0xff && b[1] === 0xd8) {
    for (let i = 2; i + 9 < b.length; ) {
      if (b[i] !== 0xff) return null;
      const marker = b[i + 1];
      if (marker === 0xff) {
        i++;
        continue;
      }
      // SOF0–SOF15 hold the frame size; C4 (DHT), C8 and CC (DAC) share the range but are not frames.
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) return { width: u16(i + 7), height: u16(i + 5) };
      i += 2 + u16(i + 2);
    }
    return null;
  }
  const svg = /<svg\b[^>]*>/i.exec(b.toString('utf8'))?.[0];
  if (svg) {
    const attribute = (name) => new RegExp(`\\s${name}\\s*=\\s*["']([^"']*)["']`, 'i').exec(svg)?.[1];
    const px = (value) => (value !== undefined && /^\s*\d+(\.\d+)?\s*(px)?\s*$/.test(value) ? Math.round(parseFloat(value)) : undefined);
    let width = px(attribute('width'));
    let height = px(attribute('height'));
    const box = attribute('viewBox')?.trim().split(/[\s,]+/).map(Number);
    if ((width === undefined || height === undefined) && box?.length === 4 && box.every(Number.isFinite)) {
      width ??= Math.round(box[2]);
      height ??= Math.round(box[3]);
    }
    return width > 0 && height > 0 ? { width, height } : null;
  }
  return null;
}

/** The artwork's bytes: from beside a local manifest when it lives there, else from the web. */
async function readImage(imageUrl, source) {
  if (source.file && source.manifestUrl) {
    const folder = new URL('.', source.manifestUrl).href;
    if (imageUrl.startsWith(folder)) {
      const local = path.join(path.dirname(source.file), decodeURIComponent(imageUrl.slice(folder.length).split(/[?#]/)[0]));
      if (existsSync(local)) return readFileSync(local).subarray(0, MAX_IMAGE_BYTES);
    }
  }
  return (await fetchLimited(imageUrl, MAX_IMAGE_BYTES, 'artwork', 'image/*')).bytes;
}

async function main() {
  const { source: sourceArg, thumbnailSize, ...options } = readArgs(process.argv.slice(2));
  const entry = path.join(root, 'dist/lib/oembed.js');
  if (!existsSync(entry)) execFileSync(process.execPath, [path.join(root, 'scripts/build.js')], { stdio: ['ignore', 'ignore', 'inherit'] });
  const { toOEmbed, OEmbedError } = await import(pathToFileURL(entry).href);

  const source = await readSource(sourceArg, options.manifestUrl);
  const make = (extra = {}) => {
    try {
      return toOEmbed(source.data, { ...options, manifestUrl: source.manifestUrl, ...extra });
    } catch (error) {
      if (!(error instanceof OEmbedError)) throw error;
      const hint = source.file && !source.manifestUrl && error.code === 'manifest' ? ' Pass --manifest-url, the address the file is served at.' : '';
      throw new InputError(`${error.message}${hint}`);
    }
  };

  let size = null;
  if (thumbnailSize !== undefined) {
    const match = /^(\d+)x(\d+)$/.exec(thumbnailSize);
    if (!match) throw new InputError(`--thumbnail-size must be WIDTHxHEIGHT such as 1400x1400, not "${thumbnailSize}"`);
    size = { width: Number(match[1]), height: Number(match[2]) };
  }
  // The artwork toOEmbed would name, given a size: the validated track's image.
  const image = make({ thumbnailWidth: 1, thumbnailHeight: 1 }).thumbnail_url;
  if (image && !size) {
    try {
      size = imageSize(await readImage(image, source));
      if (!size) console.warn(`warning: the thumbnail is left out: the size of ${image} could not be read (pass --thumbnail-size WxH)`);
    } catch (error) {
      console.warn(`warning: the thumbnail is left out: ${error.message} (pass --thumbnail-size WxH)`);
    }
  }
  const response = make({
    ...(size ? { thumbnailWidth: size.width, thumbnailHeight: size.height } : {}),
    onProblem: (problem) => console.warn(`warning: ${problem.message}`),
  });
  process.stdout.write(`${JSON.stringify(response, null, 2)}\n`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error) => {
    const usage = error instanceof InputError && /^(unknown option|no manifest|one manifest|--)/.test(error.message);
    console.error(`oembed: ${error instanceof InputError ? error.message : error.stack ?? error}${usage ? ' (see npm run oembed -- --help)' : ''}`);
    process.exit(1);
  });
}
