/**
 * "Download this part" for MP3: the part of a real fixture, cut at frame boundaries, decodes in the browser
 * to the same sound as the whole file over the asked times, carries no tag or whole-file header, and says
 * which times it covers. Tags and header frames the fixtures lack are built here around their real frames.
 */
import { expect } from '@open-wc/testing';
import { cutMp3Part, parseFrameHeader, partFilename, type Mp3FrameHeader, type Mp3Part } from '../../src/core/mp3-part.js';

const load = async (name: string) => new Uint8Array(await (await fetch(`/media/test/fixtures/${name}`)).arrayBuffer());
/** Decoded at the file's own rate, so that no resampling stands between the samples compared. */
const decode = (bytes: Uint8Array, rate: number) => new OfflineAudioContext(1, 1, rate).decodeAudioData(bytes.slice().buffer);

const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  parts.reduce((at, part) => (out.set(part, at), at + part.length), 0);
  return out;
}
function contains(bytes: Uint8Array, text: string): boolean {
  const needle = ascii(text);
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** Byte equality that fails with a line, not with two dumps of thousands of numbers. */
function expectBytes(actual: Uint8Array, expected: Uint8Array, what = 'bytes') {
  let at = 0;
  while (at < actual.length && at < expected.length && actual[at] === expected[at]) at++;
  const same = at === actual.length && at === expected.length;
  expect(same, `${what}: ${actual.length} bytes, expected ${expected.length}, first difference at byte ${at}`).to.equal(true);
}

function cut(bytes: ArrayBuffer | Uint8Array, start: number, end: number): Extract<Mp3Part, { ok: true }> {
  const result = cutMp3Part(bytes, start, end);
  if (!result.ok) throw new Error(`expected a part, got: ${result.reason}`);
  return result;
}

/** The headers of a file that is frames and nothing else, back to back, the last one whole. */
function framesOf(bytes: Uint8Array): Mp3FrameHeader[] {
  const frames: Mp3FrameHeader[] = [];
  for (let at = 0; at < bytes.length; ) {
    const header = parseFrameHeader(bytes, at);
    if (!header) throw new Error(`no frame header at byte ${at} of ${bytes.length}`);
    if (at + header.length > bytes.length) throw new Error(`the frame at byte ${at} is cut short`);
    frames.push(header);
    at += header.length;
  }
  return frames;
}

/** Byte offsets of each frame of a fixture (they begin with their first frame), and of the end. */
function frameOffsets(bytes: Uint8Array): number[] {
  const offsets = [0];
  for (const frame of framesOf(bytes)) offsets.push(offsets.at(-1)! + frame.length);
  return offsets;
}

const synchsafe = (n: number) => [(n >> 21) & 0x7f, (n >> 14) & 0x7f, (n >> 7) & 0x7f, n & 0x7f];

/** An ID3v2 tag around `body`; v2.4 may end with a footer ("3DI"), which its size does not count. */
function id3v2(major: 3 | 4, body: Uint8Array, footer = false): Uint8Array {
  const fields = [major, 0, footer ? 0x10 : 0, ...synchsafe(body.length)];
  return concat(ascii('ID3'), Uint8Array.from(fields), body, footer ? concat(ascii('3DI'), Uint8Array.from(fields)) : new Uint8Array(0));
}
/** An ID3v2.3 text frame and a PRIV frame that holds `payload` (here: real MP3 frames, to tempt a resync). */
function tagBody(title: string, payload: Uint8Array): Uint8Array {
  const frame = (id: string, data: Uint8Array) =>
    concat(ascii(id), Uint8Array.from([data.length >>> 24, (data.length >> 16) & 0xff, (data.length >> 8) & 0xff, data.length & 0xff, 0, 0]), data);
  return concat(frame('TIT2', concat(Uint8Array.from([0]), ascii(title))), frame('PRIV', concat(ascii('earshot\0'), payload)));
}

/** A frame of the fixture's stream (MPEG-2 Layer III, 22.05 kHz, mono) at 64 kbps: 208 bytes, room for a full Xing header. */
function headerFrame(tag: 'Xing' | 'Info' | 'VBRI', lame?: { delay: number; padding: number }): Uint8Array {
  const frame = new Uint8Array(208);
  frame.set([0xff, 0xf3, 0x80, 0xc4]);
  if (tag === 'VBRI') {
    frame.set(ascii('VBRI'), 36);
    frame.set([0, 1], 40); // version 1
    return frame;
  }
  const at = 4 + 9; // after the side info of an MPEG-2 mono frame
  frame.set(ascii(tag), at);
  frame.set([0, 0, 0, 0x0f], at + 4); // frames, bytes, seek table, quality
  frame.set([0, 0, 0x01, 0x32], at + 8); // 306 frames
  for (let i = 0; i < 100; i++) frame[at + 16 + i] = Math.floor((i * 256) / 100);
  if (lame) {
    const lameAt = at + 8 + 4 + 4 + 100 + 4;
    frame.set(ascii('LAME3.100'), lameAt);
    const v = (lame.delay << 12) | lame.padding;
    frame.set([v >> 16, (v >> 8) & 0xff, v & 0xff], lameAt + 21);
  }
  return frame;
}

/** MPEG-1 Layer III frames of silence (side info all zero), at the bitrates given, 44.1 kHz joint stereo. */
function silentFrames(kbps: number[], crc = false): Uint8Array {
  const index = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320];
  return concat(
    ...kbps.map((rate) => {
      const header = [0xff, crc ? 0xfa : 0xfb, index.indexOf(rate) << 4, 0x64];
      const frame = new Uint8Array(parseFrameHeader(Uint8Array.from(header))!.length);
      frame.set(header);
      return frame;
    }),
  );
}

/** The server's "corrupt" fault: every byte from `from` on scrambled, deterministically. */
function scramble(bytes: Uint8Array, from: number): Uint8Array {
  return bytes.map((b, i) => (i >= from ? b ^ 0xa5 ^ ((i * 131) & 0xff) : b));
}

describe('parseFrameHeader: the MPEG audio tables', () => {
  const cases: [string, number[], Partial<Mp3FrameHeader> | null][] = [
    ['MPEG-1 Layer III 128 kbps 44.1 kHz', [0xff, 0xfb, 0x90, 0x64], { version: 1, layer: 3, bitrate: 128000, sampleRate: 44100, channels: 2, samplesPerFrame: 1152, length: 417, padding: false, crc: false }],
    ['the same, padded', [0xff, 0xfb, 0x92, 0x64], { length: 418, padding: true }],
    ['the same with a CRC', [0xff, 0xfa, 0x90, 0x64], { length: 417, crc: true }],
    ['MPEG-1 Layer III 320 kbps 48 kHz', [0xff, 0xfb, 0xe4, 0x00], { bitrate: 320000, sampleRate: 48000, length: 960 }],
    ['MPEG-1 Layer III 32 kbps 32 kHz mono', [0xff, 0xfb, 0x18, 0xc0], { bitrate: 32000, sampleRate: 32000, channels: 1, length: 144 }],
    ['MPEG-2 Layer III 32 kbps 22.05 kHz mono (speech.mp3)', [0xff, 0xf3, 0x40, 0xc4], { version: 2, layer: 3, bitrate: 32000, sampleRate: 22050, channels: 1, samplesPerFrame: 576, length: 104 }],
    ['MPEG-2 Layer III 160 kbps 24 kHz', [0xff, 0xf3, 0xe4, 0x44], { version: 2, bitrate: 160000, sampleRate: 24000, length: 480 }],
    ['MPEG-2.5 Layer III 8 kbps 8 kHz mono (long.mp3)', [0xff, 0xe3, 0x18, 0xc4], { version: 2.5, layer: 3, bitrate: 8000, sampleRate: 8000, samplesPerFrame: 576, length: 72 }],
    ['MPEG-2.5 Layer III 64 kbps 11.025 kHz, padded', [0xff, 0xe3, 0x82, 0x00], { version: 2.5, bitrate: 64000, sampleRate: 11025, length: 418 }],
    ['MPEG-1 Layer II 192 kbps 48 kHz', [0xff, 0xfd, 0xa4, 0x00], { version: 1, layer: 2, bitrate: 192000, sampleRate: 48000, samplesPerFrame: 1152, length: 576 }],
    ['MPEG-2 Layer II 160 kbps 24 kHz', [0xff, 0xf5, 0xe4, 0x00], { version: 2, layer: 2, bitrate: 160000, samplesPerFrame: 1152, length: 960 }],
    ['MPEG-1 Layer I 384 kbps 32 kHz', [0xff, 0xff, 0xc8, 0x00], { version: 1, layer: 1, bitrate: 384000, sampleRate: 32000, samplesPerFrame: 384, length: 576 }],
    ['the same, padded by a 4-byte slot', [0xff, 0xff, 0xca, 0x00], { length: 580 }],
    ['MPEG-2 Layer I 256 kbps 16 kHz', [0xff, 0xf7, 0xe8, 0x00], { version: 2, layer: 1, bitrate: 256000, sampleRate: 16000, samplesPerFrame: 384, length: 768 }],
    ['no sync', [0xff, 0x7b, 0x90, 0x64], null],
    ['the reserved MPEG version', [0xff, 0xeb, 0x90, 0x64], null],
    ['the reserved layer', [0xff, 0xf9, 0x90, 0x64], null],
    ['the bad bitrate index 15', [0xff, 0xfb, 0xf0, 0x64], null],
    ['the reserved sample rate', [0xff, 0xfb, 0x9c, 0x64], null],
    ['the reserved emphasis', [0xff, 0xfb, 0x90, 0x66], null],
    ['free format (bitrate index 0)', [0xff, 0xfb, 0x00, 0x64], null],
  ];
  for (const [what, bytes, expected] of cases) {
    it(`${what}: ${expected ? `${expected.length} bytes` : 'no frame'}`, () => {
      const header = parseFrameHeader(Uint8Array.from(bytes));
      if (expected === null) expect(header).to.equal(null);
      else expect(header).to.include(expected);
    });
  }

  it('reads nothing past the end of the bytes', () => {
    expect(parseFrameHeader(Uint8Array.from([0xff, 0xfb, 0x90]))).to.equal(null);
    expect(parseFrameHeader(Uint8Array.from([0xff, 0xfb, 0x90, 0x64]), 1)).to.equal(null);
    expect(parseFrameHeader(Uint8Array.from([0xff, 0xfb, 0x90, 0x64]), -1)).to.equal(null);
  });
});

describe('cutMp3Part: parts of the real fixtures', () => {
  const files = {
    'speech.mp3': { rate: 22050, duration: (306 * 576) / 22050, frame: 576 / 22050 },
    'long.mp3': { rate: 8000, duration: 360, frame: 0.072 },
  } as const;
  const bytes = new Map<string, Uint8Array>();
  const wholes = new Map<string, Float32Array>();
  before(async () => {
    for (const [name, { rate }] of Object.entries(files)) {
      bytes.set(name, await load(name));
      wholes.set(name, (await decode(bytes.get(name)!, rate)).getChannelData(0));
    }
  });

  const parts: [keyof typeof files, string, number, number][] = [
    ['speech.mp3', 'the start', 0, 1],
    ['speech.mp3', 'the middle, in a word', 2, 3],
    ['speech.mp3', 'the end', 6.5, (306 * 576) / 22050],
    ['speech.mp3', 'a part shorter than a frame', 2, 2.01],
    ['speech.mp3', 'a part that ends past the file', 7, 100],
    ['long.mp3', 'the start', 0, 30],
    ['long.mp3', 'the middle, "One minute."', 60, 90],
    ['long.mp3', 'the end', 330, 360],
    ['long.mp3', 'a part shorter than a frame', 180.01, 180.02],
    ['long.mp3', 'a part that runs to the end', 359, Infinity],
  ];
  for (const [name, what, start, end] of parts) {
    it(`${name}, ${what} (${start} to ${end} s): whole frames that decode to the asked sound, over times that bracket it`, async () => {
      const { rate, duration, frame } = files[name];
      const source = bytes.get(name)!;
      const part = cut(source, start, end);
      const frames = framesOf(part.bytes);
      expect(frames.length).to.equal(part.frames);
      // the asked times lie inside the covered ones, with at most the priming frames before and part of a frame after
      const askedEnd = Math.min(end, duration);
      expect(part.start).to.be.at.most(start + 1e-9).and.at.least(start - 10 * frame);
      expect(part.end).to.be.at.least(askedEnd - 1e-9).and.below(askedEnd + frame).and.at.most(duration + 1e-9);
      // the covered times are what the bytes hold: they start on a frame boundary of the whole file
      const offsets = frameOffsets(source);
      const first = Math.round(part.start / frame);
      expect(part.start).to.be.closeTo(first * frame, 1e-9);
      expectBytes(part.bytes, source.subarray(offsets[first], offsets[first + part.frames]));

      const decoded = await decode(part.bytes, rate);
      expect(decoded.duration).to.be.closeTo(part.end - part.start, frame / 2);
      // Over the asked times the part sounds as the whole file does: the priming frames gave the decoder its reservoir and history.
      const whole = wholes.get(name)!;
      const samples = decoded.getChannelData(0);
      const skip = Math.round((start - part.start) * rate);
      const offset = Math.round(part.start * rate);
      let worst = 0;
      let loudest = 0;
      for (let i = skip; i < Math.round((askedEnd - part.start) * rate); i++) {
        worst = Math.max(worst, Math.abs(samples[i]! - whole[offset + i]!));
        loudest = Math.max(loudest, Math.abs(whole[offset + i]!));
      }
      expect(worst, 'largest difference from the whole file').to.be.below(1e-5);
      if (!what.includes('shorter')) expect(loudest, 'the compared stretch is not silence').to.be.above(0.01);
    });
  }

  it('needs the reservoir: at the cuts above the first asked frame takes data from earlier frames', () => {
    // If the fixtures' frames never used the bit reservoir, the sound comparison above could not catch a cut without priming.
    for (const [name, at] of [['speech.mp3', 2], ['long.mp3', 60]] as const) {
      const source = bytes.get(name)!;
      const index = Math.floor(at / files[name].frame);
      expect(source[frameOffsets(source)[index]! + 4], `${name} frame ${index}'s main_data_begin`).to.be.above(0);
    }
  });

  it('from the start, the part is the file\'s first bytes; to the end, its last', () => {
    const source = bytes.get('speech.mp3')!;
    const head = cut(source, 0, 1);
    expect(head.start).to.equal(0);
    expectBytes(head.bytes, source.subarray(0, head.bytes.length));
    const all = cut(source, 0, Infinity);
    expectBytes(all.bytes, source);
    expect(all.frames).to.equal(306);
    expect(all.end).to.be.closeTo(files['speech.mp3'].duration, 1e-9);
    expect(cut(bytes.get('long.mp3')!, 0, 1e9).frames).to.equal(5000);
  });

  it('takes an ArrayBuffer as well as a Uint8Array, and a Uint8Array that views part of its buffer', () => {
    const source = bytes.get('speech.mp3')!;
    const expected = cut(source, 2, 3).bytes;
    expectBytes(cut(source.slice().buffer, 2, 3).bytes, expected);
    const padded = concat(new Uint8Array(7), source, new Uint8Array(9));
    expectBytes(cut(padded.subarray(7, 7 + source.length), 2, 3).bytes, expected);
  });

  it('skips garbage between frames, and a lone frame header inside it, without copying either', () => {
    const source = bytes.get('speech.mp3')!;
    const offsets = frameOffsets(source);
    // a valid-looking header inside the junk, whose "next frame" is junk: a resync that checks the following header skips it
    const junk = concat(new Uint8Array(20).fill(0x33), Uint8Array.from([0xff, 0xf3, 0x40, 0xc4]), new Uint8Array(150).fill(0x5a), Uint8Array.from([0xff, 0xff, 0xff, 0x00]));
    const damaged = concat(source.subarray(0, offsets[90]), junk, source.subarray(offsets[90]), junk);
    const expected = cut(source, 2, 3);
    const part = cut(damaged, 2, 3);
    expectBytes(part.bytes, expected.bytes);
    expect([part.start, part.end]).to.deep.equal([expected.start, expected.end]);
    // and before the first frame
    const late = cut(concat(new Uint8Array(300), junk, source), 0, 1);
    expectBytes(late.bytes, cut(source, 0, 1).bytes);
  });

  it('drops a truncated last frame and says where the audio stops', () => {
    const source = bytes.get('speech.mp3')!;
    const truncated = source.subarray(0, 16000);
    const part = cut(truncated, 3, 100);
    expect(framesOf(part.bytes).length).to.equal(part.frames);
    expect(part.end).to.be.closeTo((153 * 576) / 22050, 1e-9); // 153 whole frames in 16000 bytes
    const result = cutMp3Part(truncated, 5, 6);
    expect(result).to.deep.equal({ ok: false, reason: 'the part starts after the end of the recording (0:04)' });
  });
});

describe('cutMp3Part: tags and whole-file headers stay out of the part', () => {
  let speech: Uint8Array;
  let offsets: number[];
  before(async () => {
    speech = await load('speech.mp3');
    offsets = frameOffsets(speech);
  });
  // real frames inside a tag: a parser that resynced instead of reading the tag's size would copy them
  const bait = () => speech.subarray(offsets[150], offsets[170]);

  const same = (tagged: Uint8Array, start: number, end: number) => {
    const part = cut(tagged, start, end);
    const plain = cut(speech, start, end);
    expectBytes(part.bytes, plain.bytes);
    expect([part.start, part.end]).to.deep.equal([plain.start, plain.end]);
    for (const text of ['ID3', '3DI', 'TAG', 'Xing', 'Info', 'VBRI', 'earshot']) expect(contains(part.bytes, text), text).to.equal(false);
    return part;
  };

  it('skips an ID3v2.3 tag by its synchsafe size', () => {
    const tag = id3v2(3, tagBody('The Gale of 1962', bait()));
    expect(tag.length).to.be.above(128); // a size that needs the synchsafe arithmetic
    same(concat(tag, speech), 0, 1);
    same(concat(tag, speech), 2, 3);
  });

  it('skips an ID3v2.4 tag with a footer, and a second tag after it', () => {
    // without the footer's 10 bytes the second tag would not be seen as one, and the frames in it would be copied
    same(concat(id3v2(4, tagBody('One', bait()), true), id3v2(3, tagBody('Two', bait())), speech), 0, 1);
  });

  it('skips an ID3v1 block at the end, even one holding a frame-like 104 bytes', () => {
    const frame = offsets.findIndex((at, i) => offsets[i + 1]! - at === 104);
    const tag = concat(ascii('TAG'), new Uint8Array(21), speech.subarray(offsets[frame], offsets[frame + 1]));
    expect(tag.length).to.equal(128);
    const tagged = concat(speech, tag);
    expect(cut(tagged, 7, Infinity).frames).to.equal(cut(speech, 7, Infinity).frames);
    same(tagged, 7, Infinity);
    same(concat(id3v2(3, tagBody('Both', bait())), tagged), 7, 100);
  });

  it('drops a Xing frame (frame count, seek table) and counts time from the first audio frame', () => {
    const part = same(concat(headerFrame('Xing'), speech), 0, 1);
    expect(part.start).to.equal(0);
    same(concat(headerFrame('Xing'), speech), 2, 3);
  });

  it('drops a VBRI frame', () => {
    same(concat(headerFrame('VBRI'), speech), 0, 1);
  });

  it('drops an Info frame and, with its LAME tag, counts time as a gapless player does', async () => {
    const delay = 576;
    const padding = 1000;
    const tagged = concat(id3v2(3, tagBody('Gapless', bait())), headerFrame('Info', { delay, padding }), speech);
    // the player drops the encoder's delay and the decoder's 529 samples at the start, and the padding at the end
    const decoded = await decode(tagged, 22050);
    expect(decoded.length).to.equal(306 * 576 - delay - padding);
    const shift = (delay + 529) / 22050;
    const part = cut(tagged, 2, 3);
    const plain = cut(speech, 2 + shift, 3 + shift);
    expectBytes(part.bytes, plain.bytes);
    expect(part.start).to.be.closeTo(plain.start - shift, 1e-9);
    expect(part.end).to.be.closeTo(plain.end - shift, 1e-9);
    expect(contains(part.bytes, 'LAME')).to.equal(false);
    const tail = cut(tagged, 7, Infinity);
    expect(tail.end).to.be.closeTo(decoded.duration, 1e-9);
    expect(cut(tagged, 0, 1).start).to.equal(0);
    // a start inside the padding, which the player never plays, is past the end
    expect(cutMp3Part(tagged, 7.93, 8)).to.deep.equal({ ok: false, reason: 'the part starts after the end of the recording (0:08)' });
  });

  it('drops the Xing frame of an MPEG-1 stereo VBR stream, whose side info is longer', async () => {
    const rates = Array.from({ length: 200 }, (_, i) => [128, 320, 160, 32, 256, 64][i % 6]!);
    const frames = silentFrames(rates);
    const xing = silentFrames([320]);
    xing.set(ascii('Xing'), 4 + 32);
    xing.set([0, 0, 0, 0x05, 0, 0, 0, 200], 4 + 32 + 4); // frames and seek table
    const part = cut(concat(xing, frames), 1, 2);
    const start = frames.subarray(0, rates.slice(0, 36).reduce((sum, kbps) => sum + parseFrameHeader(silentFrames([kbps]))!.length, 0));
    expectBytes(part.bytes, frames.subarray(start.length, start.length + part.bytes.length));
    expect(contains(part.bytes, 'Xing')).to.equal(false);
    expect(framesOf(part.bytes).map((frame) => frame.bitrate / 1000)).to.deep.equal(rates.slice(36, 77));
    expect(part.start).to.be.closeTo((36 * 1152) / 44100, 1e-9); // two frames before the one holding 1 s
    expect(part.end).to.be.closeTo((77 * 1152) / 44100, 1e-9);
    const decoded = await decode(part.bytes, 44100);
    expect(decoded.duration).to.be.closeTo(part.end - part.start, 1152 / 44100 / 2);
  });
});

describe('cutMp3Part: the bit reservoir and other layers', () => {
  it('reaches back as far as the first primed frame\'s main data begins (MPEG-1: a 9-bit field)', () => {
    for (const crc of [false, true]) {
      const frames = silentFrames(Array.from({ length: 100 }, () => 128), crc);
      const side = (36 + 0) * 417 + (crc ? 6 : 4); // frame 36 is the first primed one for a part from 1 s
      const room = 417 - (crc ? 6 : 4) - 32;
      expect(cut(frames, 1, 2).start).to.be.closeTo((36 * 1152) / 44100, 1e-9);
      frames.set([room >> 1, (room & 1) << 7], side); // all of frame 35's room
      expect(cut(frames, 1, 2).start, `${room} bytes back${crc ? ', CRC' : ''}`).to.be.closeTo((35 * 1152) / 44100, 1e-9);
      frames.set([(room + 1) >> 1, ((room + 1) & 1) << 7], side); // one byte more: into frame 34
      expect(cut(frames, 1, 2).start, `${room + 1} bytes back${crc ? ', CRC' : ''}`).to.be.closeTo((34 * 1152) / 44100, 1e-9);
    }
  });

  it('walks Layer II and Layer I streams, which have no reservoir, priming two frames', () => {
    for (const [header, length, seconds] of [
      [[0xff, 0xfd, 0xa4, 0x00], 576, 1152 / 48000], // MPEG-1 Layer II 192 kbps 48 kHz
      [[0xff, 0xf7, 0xe8, 0x00], 768, 384 / 16000], // MPEG-2 Layer I 256 kbps 16 kHz
    ] as const) {
      const frame = new Uint8Array(length);
      frame.set(header);
      frame[4] = 0xff; // would be a large main_data_begin, were this Layer III
      const stream = concat(...Array.from({ length: 100 }, () => frame));
      const part = cut(stream, 0.5, 1);
      const first = Math.floor(0.5 / seconds) - 2;
      const last = Math.ceil(1 / seconds);
      expectBytes(part.bytes, stream.subarray(first * length, last * length));
      expect(part.start).to.be.closeTo(first * seconds, 1e-9);
      expect(part.end).to.be.closeTo(last * seconds, 1e-9);
    }
  });
});

describe('cutMp3Part: what is not a part, in words', () => {
  const failures: [string, () => Promise<[Uint8Array, number, number]>, RegExp][] = [
    ['a part that ends where it starts', async () => [await load('speech.mp3'), 3, 3], /must end after it starts/],
    ['a part that ends before it starts', async () => [await load('speech.mp3'), 4, 2], /must end after it starts/],
    ['a part with no numbers', async () => [await load('speech.mp3'), NaN, 2], /start and an end in seconds/],
    ['a part after the end of the file', async () => [await load('speech.mp3'), 8.5, 9], /^the part starts after the end of the recording \(0:08\)$/],
    ['a part after the end of long.mp3', async () => [await load('long.mp3'), 360, 400], /after the end of the recording \(6:00\)/],
    ['random bytes (corrupt.mp3)', async () => [await load('corrupt.mp3'), 0, 1], /^not an MP3 file/],
    ['a web page (not-audio.mp3)', async () => [await load('not-audio.mp3'), 0, 1], /^not an MP3 file: it looks like a web page/],
    ['Ogg Opus', async () => [await load('speech.ogg'), 0, 1], /^not an MP3 file: it looks like Ogg/],
    ['AAC in MP4', async () => [await load('speech.m4a'), 0, 1], /^not an MP3 file: it looks like MP4/],
    ['Opus in WebM', async () => [await load('speech.webm'), 0, 1], /^not an MP3 file: it looks like WebM/],
    ['no bytes', async () => [new Uint8Array(0), 0, 1], /^not an MP3 file: there are no bytes/],
    ['a file cut short inside its first frame', async () => [(await load('speech.mp3')).subarray(0, 50), 0, 1], /cut short/],
    ['an ID3 tag and nothing else', async () => [id3v2(3, tagBody('Only a tag', new Uint8Array(40))), 0, 1], /^not an MP3 file/],
    ['an ID3 tag whose size runs past the file', async () => [concat(Uint8Array.from([0x49, 0x44, 0x33, 3, 0, 0, 0x7f, 0x7f, 0x7f, 0x7f]), await load('speech.mp3')), 0, 1], /^not an MP3 file/],
    ['free format', async () => [concat(...Array.from({ length: 20 }, () => concat(Uint8Array.from([0xff, 0xfb, 0x00, 0x64]), new Uint8Array(400)))), 0, 1], /free-format/],
    ['a file damaged from 30 % on, asked past the damage', async () => [scramble(await load('speech.mp3'), 9600), 5, 7], /after the end of the recording \(0:02\)/],
  ];
  for (const [what, input, reason] of failures) {
    it(`${what}: ${reason.source}`, async () => {
      const [bytes, start, end] = await input();
      const result = cutMp3Part(bytes, start, end);
      expect(result.ok).to.equal(false);
      if (!result.ok) expect(result.reason).to.match(reason);
    });
  }

  it('keeps the frames before the damage of a damaged file', async () => {
    const part = cut(scramble(await load('speech.mp3'), 9600), 0, 8);
    expect(framesOf(part.bytes).length).to.equal(part.frames);
    expect(part.frames).to.be.within(90, 93); // 9600 bytes: 92 whole frames of 104 or 105
  });

  it('never throws nor copies anything but whole frames, on 400 damaged files', async () => {
    const speech = await load('speech.mp3');
    let seed = 7;
    const next = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    let parts = 0;
    for (let round = 0; round < 400; round++) {
      let bytes: Uint8Array = speech.slice(0, 1 + Math.floor(next() * speech.length));
      for (let i = 0, n = Math.floor(next() * 40); i < n; i++) bytes[Math.floor(next() * bytes.length)] = Math.floor(next() * 256);
      if (next() < 0.3) bytes = concat(Uint8Array.from([0x49, 0x44, 0x33, 4, 0, next() < 0.5 ? 0x10 : 0, 0, 0, Math.floor(next() * 128), Math.floor(next() * 256)]), bytes);
      if (next() < 0.2) bytes = concat(bytes, ascii('TAG'));
      const start = next() * 10 - 1;
      const result = cutMp3Part(bytes, start, start + next() * 5);
      if (!result.ok) {
        expect(result.reason).to.be.a('string').and.not.equal('');
        continue;
      }
      parts++;
      expect(framesOf(result.bytes).length).to.equal(result.frames);
      expect(result.end).to.be.above(result.start);
    }
    expect(parts, 'some of them still have parts').to.be.above(100);
  });
});

describe('partFilename', () => {
  const cases: [string, number, number, string][] = [
    ['The Gale of 1962', 83, 105, 'the-gale-of-1962-1m23s-1m45s.mp3'],
    ['The Gale of 1962!', 82.97, 105.03, 'the-gale-of-1962-1m23s-1m45s.mp3'],
    ['Ünïcöde', 0, 9.4, 'unicode-0s-9s.mp3'],
    ['Coastlines', 59.6, 3723, 'coastlines-1m00s-1h02m03s.mp3'],
    ['', 5, 65, 'audio-5s-1m05s.mp3'],
    ['../../etc/passwd', 1, 2, 'etc-passwd-1s-2s.mp3'],
    ['x', NaN, Infinity, 'x-0s-0s.mp3'],
  ];
  for (const [title, start, end, expected] of cases) {
    it(`${JSON.stringify(title)}, ${start} to ${end} → ${expected}`, () => {
      expect(partFilename(title, start, end)).to.equal(expected);
    });
  }
});
