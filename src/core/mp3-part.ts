/**
 * "Download this part" for MP3: the frames of a part of a file, cut at frame boundaries without re-encoding,
 * and the times the cut really covers. Bytes in, bytes out; nothing here throws on bad input.
 */
import { downloadFilename } from './formats.js';
import { formatTime } from './time.js';

/** One MPEG audio frame header, read. */
export interface Mp3FrameHeader {
  version: 1 | 2 | 2.5;
  layer: 1 | 2 | 3;
  /** Bits per second. */
  bitrate: number;
  sampleRate: number;
  padding: boolean;
  /** A 16-bit CRC follows the header. */
  crc: boolean;
  channels: 1 | 2;
  samplesPerFrame: number;
  /** Bytes, header included. */
  length: number;
}

/** A part ready to save, with the times it covers in the original's timeline (seconds), or why there is none. */
export type Mp3Part =
  | { ok: true; bytes: Uint8Array; start: number; end: number; frames: number }
  | { ok: false; reason: string };

// kbps by bitrate index: MPEG-1 Layers I, II, III, then MPEG-2/2.5 Layer I, then MPEG-2/2.5 Layers II and III.
const BITRATES = [
  [0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448],
  [0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384],
  [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
  [0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256],
  [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
] as const;
// Hz by sample-rate index, for MPEG-1, MPEG-2, MPEG-2.5.
const SAMPLE_RATES = [
  [44100, 48000, 32000],
  [22050, 24000, 16000],
  [11025, 12000, 8000],
] as const;

const FREE_FORMAT = -1;
/** Frames started before the asked start: the decoder's overlap and synthesis filter need the previous output. */
const PRIME_FRAMES = 2;
/** Enough past frames to find the start of any Layer III main data (255 bytes back over 11-byte frames at worst). */
const RING = 32;
/** How far past the tags the first frame may be: further, and a long non-MP3 file could fake one by chance. */
const FIRST_FRAME_WITHIN = 128 * 1024;
/** Samples every MP3 decoder outputs before the first real one; LAME's tag counts its delay without them. */
const DECODER_DELAY = 529;

const versionIndex = (b1: number) => [2, -1, 1, 0][(b1 >> 3) & 3]!;

/** Frame length in bytes at `i` (which must have 4 bytes), 0 when no valid header is there, FREE_FORMAT for one. */
function frameLength(b: Uint8Array, i: number): number {
  const b1 = b[i + 1]!;
  const b2 = b[i + 2]!;
  if (b[i] !== 0xff || (b1 & 0xe0) !== 0xe0) return 0;
  const version = versionIndex(b1);
  const layer = 4 - ((b1 >> 1) & 3);
  const bitrateIndex = b2 >> 4;
  const rateIndex = (b2 >> 2) & 3;
  // reserved values; a reserved emphasis too, since real encoders never write it and garbage often does
  if (version < 0 || layer === 4 || bitrateIndex === 15 || rateIndex === 3 || (b[i + 3]! & 3) === 2) return 0;
  if (bitrateIndex === 0) return FREE_FORMAT;
  const kbps = BITRATES[version === 0 ? layer - 1 : layer === 1 ? 3 : 4][bitrateIndex]!;
  const rate = SAMPLE_RATES[version][rateIndex]!;
  const padding = (b2 >> 1) & 1;
  if (layer === 1) return (Math.floor((12000 * kbps) / rate) + padding) * 4;
  return Math.floor(((layer === 3 && version > 0 ? 72000 : 144000) * kbps) / rate) + padding;
}

/** What must stay the same from frame to frame of one stream: version, layer, sample rate. */
const streamKey = (b: Uint8Array, i: number) => ((b[i + 1]! & 0x1e) << 8) | (b[i + 2]! & 0x0c);

/** Reads the frame header at `offset`; null when there is none (or a free-format one, which has no length). */
export function parseFrameHeader(bytes: Uint8Array, offset = 0): Mp3FrameHeader | null {
  if (offset < 0 || offset + 4 > bytes.length) return null;
  const length = frameLength(bytes, offset);
  if (length <= 0) return null;
  const b1 = bytes[offset + 1]!;
  const b2 = bytes[offset + 2]!;
  const version = versionIndex(b1);
  const layer = (4 - ((b1 >> 1) & 3)) as 1 | 2 | 3;
  const sampleRate = SAMPLE_RATES[version]![(b2 >> 2) & 3]!;
  return {
    version: ([1, 2, 2.5] as const)[version]!,
    layer,
    bitrate: BITRATES[version === 0 ? layer - 1 : layer === 1 ? 3 : 4][b2 >> 4]! * 1000,
    sampleRate,
    padding: (b2 & 2) !== 0,
    crc: (b1 & 1) === 0,
    channels: bytes[offset + 3]! >> 6 === 3 ? 1 : 2,
    samplesPerFrame: layer === 1 ? 384 : layer === 3 && version > 0 ? 576 : 1152,
    length,
  };
}

/**
 * The first frame at or after `from` that a second valid frame of the same stream follows (or that ends the
 * audio exactly): one valid-looking header alone is too easy to find in garbage. -1 when there is none.
 */
function findFrame(b: Uint8Array, from: number, end: number, key: number, limit = end): number {
  for (let i = from; i + 4 <= end && i < limit; i++) {
    if (b[i] !== 0xff || (b[i + 1]! & 0xe0) !== 0xe0) continue;
    const length = frameLength(b, i);
    if (length <= 0 || i + length > end) continue;
    const k = streamKey(b, i);
    if (key >= 0 && k !== key) continue;
    const next = i + length;
    if (next === end || (next + 4 <= end && frameLength(b, next) > 0 && streamKey(b, next) === k)) return i;
  }
  return -1;
}

const sideInfoSize = (lsf: boolean, mono: boolean) => (lsf ? (mono ? 9 : 17) : mono ? 17 : 32);

const isText = (b: Uint8Array, i: number, text: string) => {
  for (let j = 0; j < text.length; j++) if (b[i + j] !== text.charCodeAt(j)) return false;
  return true;
};

/**
 * A Xing/Info or VBRI frame describes the whole file (frame count, seek table) and holds no sound: null when
 * the frame at `at` is audio; otherwise the encoder delay and padding its LAME tag gives (0 without one).
 */
function readInfoFrame(b: Uint8Array, at: number, length: number): { delay: number; padding: number } | null {
  const header = parseFrameHeader(b, at);
  if (!header || header.layer !== 3) return null;
  const side = sideInfoSize(header.version !== 1, header.channels === 1);
  for (const offset of header.crc ? [4 + side, 6 + side] : [4 + side]) {
    if (offset + 8 > length || !(isText(b, at + offset, 'Xing') || isText(b, at + offset, 'Info'))) continue;
    const flags = b[at + offset + 7]!;
    // frames, bytes, seek table, quality: each there only if its flag is set; the LAME tag follows
    const tag = at + offset + 8 + (flags & 1 ? 4 : 0) + (flags & 2 ? 4 : 0) + (flags & 4 ? 100 : 0) + (flags & 8 ? 4 : 0);
    if (tag + 24 <= at + length && (isText(b, tag, 'LAME') || isText(b, tag, 'Lavf') || isText(b, tag, 'Lavc'))) {
      const v = (b[tag + 21]! << 16) | (b[tag + 22]! << 8) | b[tag + 23]!;
      return { delay: v >> 12, padding: v & 0xfff };
    }
    return { delay: 0, padding: 0 };
  }
  return 36 + 4 <= length && isText(b, at + 36, 'VBRI') ? { delay: 0, padding: 0 } : null;
}

const synchsafe = (b: Uint8Array, i: number) =>
  (b[i]! | b[i + 1]! | b[i + 2]! | b[i + 3]!) & 0x80 ? -1 : (b[i]! << 21) | (b[i + 1]! << 14) | (b[i + 2]! << 7) | b[i + 3]!;

/** Other formats a publisher's "MP3" may really be, told by their first bytes. */
function otherFormat(b: Uint8Array): string | null {
  if (isText(b, 0, 'OggS')) return 'Ogg';
  if (isText(b, 0, 'fLaC')) return 'FLAC';
  if (isText(b, 0, 'RIFF')) return 'WAV';
  if (isText(b, 4, 'ftyp')) return 'MP4/M4A';
  if (b[0] === 0x1a && b[1] === 0x45 && b[2] === 0xdf && b[3] === 0xa3) return 'WebM';
  if (/^\s*</.test(String.fromCharCode(...b.subarray(0, 16)))) return 'a web page';
  return null;
}

/**
 * The frames of `[start, end)` (seconds; `end` may be Infinity) of the MP3 in `input`, as a file of their own:
 * no ID3 tags, no Xing/Info/VBRI frame (its frame count and seek table would describe the whole file, and
 * players would show the wrong length). `start`/`end` in the result are the times the frames really cover,
 * in the timeline a player shows for the whole file: they bracket the asked ones.
 *
 * Bit reservoir: a Layer III frame may keep its data in the frames before it, and every frame's sound overlaps
 * the previous one's. So the cut starts early: two frames before the asked start, plus the frames holding the
 * data the first of those reaches back into (read from its side info). Those first frames may decode to
 * silence; the asked part decodes as it does in the whole file. The reported start includes them.
 */
export function cutMp3Part(input: ArrayBuffer | Uint8Array, start: number, end: number): Mp3Part {
  const bytes = input instanceof Uint8Array ? input : input instanceof ArrayBuffer ? new Uint8Array(input) : null;
  if (!bytes || bytes.length === 0) return { ok: false, reason: 'not an MP3 file: there are no bytes' };
  if (Number.isNaN(start) || Number.isNaN(end)) return { ok: false, reason: 'the part needs a start and an end in seconds' };
  start = Math.max(0, start);
  if (!(end > start)) return { ok: false, reason: 'the part must end after it starts' };

  let pos = 0;
  let audioEnd = bytes.length;
  // ID3v2 tags, some files carry two: a size in a synchsafe integer, plus 10 bytes when a footer follows
  while (pos + 10 <= audioEnd && isText(bytes, pos, 'ID3') && bytes[pos + 3]! < 0xff && bytes[pos + 4]! < 0xff) {
    const size = synchsafe(bytes, pos + 6);
    if (size < 0) break;
    pos += 10 + size + (bytes[pos + 5]! & 0x10 ? 10 : 0);
  }
  if (audioEnd - pos >= 128 && isText(bytes, audioEnd - 128, 'TAG')) audioEnd -= 128; // ID3v1

  const other = pos === 0 ? otherFormat(bytes) : null;
  if (other) return { ok: false, reason: `not an MP3 file: it looks like ${other === 'a web page' ? other : `${other} audio`}` };
  const first = findFrame(bytes, pos, audioEnd, -1, pos + FIRST_FRAME_WITHIN);
  if (first < 0) return { ok: false, reason: noFrameReason(bytes, pos, audioEnd) };

  const key = streamKey(bytes, first);
  const header = parseFrameHeader(bytes, first)!;
  const { sampleRate, samplesPerFrame } = header;
  const lsf = header.version !== 1;
  let at = first;
  // Gapless: with a LAME tag, players drop its encoder delay (plus the decoder's) at the start and its padding at the end.
  let skip = 0;
  let trailing = 0;
  const info = readInfoFrame(bytes, first, header.length);
  if (info) {
    at += header.length;
    if (info.delay || info.padding) {
      skip = info.delay + DECODER_DELAY;
      trailing = info.padding - DECODER_DELAY;
    }
  }

  const wantFirst = Math.floor((start * sampleRate + skip) / samplesPerFrame);
  const wantEnd = end === Infinity ? Infinity : Math.max(wantFirst + 1, Math.ceil((end * sampleRate + skip) / samplesPerFrame));
  const primeFrom = Math.max(0, wantFirst - PRIME_FRAMES);

  // the offsets and main-data room of the frames just walked, for the reach back into the reservoir
  const ringOffset = new Int32Array(RING);
  const ringRoom = new Int32Array(RING);
  let ringCount = 0;
  // [from, to) byte ranges to copy: one, unless garbage sits between frames of the part
  const runs: number[] = [];
  let runStart = -1;
  let firstIndex = -1;
  let previousEnd = at;
  let index = 0;
  while (index < wantEnd) {
    let length = at + 4 <= audioEnd && streamKey(bytes, at) === key ? frameLength(bytes, at) : 0;
    if (length <= 0 || at + length > audioEnd) {
      at = findFrame(bytes, at + 1, audioEnd, key);
      if (at < 0) break;
      length = frameLength(bytes, at);
      ringCount = 0; // a reservoir does not reach across garbage
      if (runStart >= 0) {
        runs.push(runStart, previousEnd);
        runStart = at;
      }
    }
    const crc = (bytes[at + 1]! & 1) === 0;
    const mono = bytes[at + 3]! >> 6 === 3;
    if (index === primeFrom) {
      let need = header.layer === 3 ? mainDataBegin(bytes, at + (crc ? 6 : 4), lsf) : 0;
      let back = 0;
      while (need > 0 && back < ringCount) {
        back++;
        need -= ringRoom[(index - back) % RING]!;
      }
      firstIndex = index - back;
      runStart = back > 0 ? ringOffset[firstIndex % RING]! : at;
    }
    ringOffset[index % RING] = at;
    ringRoom[index % RING] = Math.max(0, length - (crc ? 6 : 4) - sideInfoSize(lsf, mono));
    ringCount = Math.min(RING, ringCount + 1);
    at += length;
    previousEnd = at;
    index++;
  }

  const timeOf = (frame: number) => (frame * samplesPerFrame - skip) / sampleRate;
  const ranOut = index < wantEnd || at >= audioEnd;
  const coveredEnd = timeOf(index) - (ranOut ? Math.max(0, trailing) / sampleRate : 0);
  // the second test: a start inside the padding a gapless player never plays
  if (index <= wantFirst || coveredEnd <= start) {
    const length = index > 0 ? ` (${formatTime(coveredEnd)})` : '';
    return { ok: false, reason: `the part starts after the end of the recording${length}` };
  }
  runs.push(runStart, previousEnd);
  let total = 0;
  for (let r = 0; r < runs.length; r += 2) total += runs[r + 1]! - runs[r]!;
  const out = new Uint8Array(total);
  let written = 0;
  for (let r = 0; r < runs.length; r += 2) {
    out.set(bytes.subarray(runs[r]!, runs[r + 1]!), written);
    written += runs[r + 1]! - runs[r]!;
  }
  return { ok: true, bytes: out, start: Math.max(0, timeOf(firstIndex)), end: coveredEnd, frames: index - firstIndex };
}

/** How many bytes back, into earlier frames, a Layer III frame's main data starts (its side info's first field). */
function mainDataBegin(b: Uint8Array, side: number, lsf: boolean): number {
  return lsf ? b[side]! : (b[side]! << 1) | (b[side + 1]! >> 7);
}

/** Why no frame was found: free format, a file cut short before its first frame, or not MP3 at all. */
function noFrameReason(b: Uint8Array, from: number, end: number): string {
  for (let i = from; i + 4 <= end && i < from + FIRST_FRAME_WITHIN; i++) {
    if (b[i] !== 0xff || (b[i + 1]! & 0xe0) !== 0xe0) continue;
    const length = frameLength(b, i);
    if (length === FREE_FORMAT) return 'free-format MP3 (no bitrate in its frame headers) cannot be cut';
    if (length > 0 && i + length > end && i === from) return 'the MP3 file is cut short: not one whole frame in it';
  }
  return 'not an MP3 file: no MPEG audio frames in it';
}

const clock = (seconds: number) => {
  const whole = Number.isFinite(seconds) && seconds > 0 ? Math.round(seconds) : 0;
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = String(whole % 60).padStart(2, '0');
  return h > 0 ? `${h}h${String(m).padStart(2, '0')}m${s}s` : m > 0 ? `${m}m${s}s` : `${whole}s`;
};

/** "The Gale of 1962", 83, 105 → `the-gale-of-1962-1m23s-1m45s.mp3` (times to the nearest second). */
export function partFilename(title: string, start: number, end: number): string {
  // the title slugged as a whole-file download names it, so the two files sort together
  const slug = downloadFilename(title, '', 'audio/mpeg').replace(/\.mp3$/, '');
  return `${slug}-${clock(start)}-${clock(end)}.mp3`;
}
