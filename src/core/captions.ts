/**
 * Transcripts (WebVTT or SRT) and chapters (podcast-namespace JSON or WebVTT) read into plain data.
 * This module pulls in the captions parser: load it with a dynamic import, only when a track has a
 * transcript or chapters, so the player's first load stays small.
 */
import { parseText, parseVTTTimestamp, tokenizeVTTCue, type VTTCue, type VTTNode } from 'media-captions';
import { cleanText } from './manifest.js';
import { MAX_TIME, parseTime } from './time.js';

export const MAX_CUES = 20_000;
export const MAX_CUE_TEXT = 1000;
export const MAX_CHAPTERS = 500;
export const CHAPTER_TITLE_LIMIT = 300;

/** One timed piece of a transcript; times in seconds from the start of the file. */
export interface Cue {
  start: number;
  end: number;
  text: string;
}

/** `warning` says, in one sentence or two, what was left out of a transcript that could be read. */
export type TranscriptResult = { ok: true; cues: Cue[]; warning?: string } | { ok: false; message: string };

export interface Chapter {
  start: number;
  title: string;
}

export type ChaptersResult = { ok: true; chapters: Chapter[] } | { ok: false; message: string };

type CaptionsFormat = 'vtt' | 'srt';

const TRANSCRIPT_FAILED = 'This transcript could not be read';
const CHAPTERS_FAILED = 'These chapters could not be read';

const DECLARED_FORMATS: Record<string, CaptionsFormat> = {
  'text/vtt': 'vtt',
  'application/x-subrip': 'srt',
  'application/srt': 'srt',
  'text/srt': 'srt',
};

// The same separators the parser splits a timing line with, so the check below agrees with it.
const TIMING_SEPARATOR = /[\s\t]*-->[\s\t]+/;
const SPACES = /[\s\t]+/;
const VTT_SIGNATURE = /^WEBVTT(?:[ \t]|$)/;
const SRT_INDEX = /^\d+$/;
const SRT_TIMING = /^\d+:\d{2}:\d{2},\d{1,3}[ \t]+-->/;
const WEB_PAGE = /^\s*<(?:!doctype|html|head|body)\b/i;
// SRT files from subtitle editors carry ASS positioning codes such as {\an8}: not words.
const ASS_OVERRIDE = /\{\\[^}]*\}/g;

/** The media type without parameters: `text/vtt; charset=utf-8` → `text/vtt`. */
function mediaType(type: string | undefined): string {
  return (type ?? '').split(';')[0].trim().toLowerCase();
}

/** The first two lines that hold something (SRT files often open with blank lines). */
function firstLines(lines: string[]): string[] {
  const found: string[] = [];
  for (const line of lines) {
    if (line !== '' && found.push(line) === 2) break;
  }
  return found;
}

/**
 * What the text is. Its own signature (a WEBVTT first line, an SRT index and timing) wins over the
 * declared type, since servers often send SRT as text/plain or text/vtt; the type decides otherwise.
 */
function detectFormat(lines: string[], type?: string): CaptionsFormat | null {
  if (VTT_SIGNATURE.test(lines[0] ?? '')) return 'vtt';
  const [first = '', second = ''] = firstLines(lines);
  if ((SRT_INDEX.test(first) && second.includes('-->')) || SRT_TIMING.test(first)) return 'srt';
  return DECLARED_FORMATS[mediaType(type)] ?? null;
}

/** A line of the file as a message may quote it: short, and only what a reader can see. */
function quote(line: string): string {
  const text = cleanText(line, MAX_CUE_TEXT) ?? '';
  return text.length > 40 ? `${cleanText(text, 40)} …` : text;
}

interface TimingScan {
  /** Line numbers (1-based) of timing lines the parser will refuse. */
  bad: number[];
  /** Where to cut the lines so that no more than MAX_CUES cues are parsed, if there are more. */
  cutAt: number | null;
}

/**
 * Finds the timing lines and checks them as the parser will. The parser drops a cue with a bad time
 * without saying so (it reports no error for an end before its start, and strict mode would give up on
 * the whole file for one unknown cue setting), so this is where bad cues are counted and located.
 */
function scanTimings(lines: string[], format: CaptionsFormat): TimingScan {
  const bad: number[] = [];
  let good = 0;
  let blockStart = 0;
  // A WebVTT file's first block is its header, never a cue.
  let inHeader = format === 'vtt';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line === '') {
      blockStart = i + 1;
      inHeader = false;
      continue;
    }
    const position = i - blockStart;
    // A timing line opens a block, or follows the block's id (a WebVTT cue id, an SRT index).
    if (inHeader || !line.includes('-->') || position > 1 || (position === 1 && lines[i - 1].includes('-->'))) continue;
    if (validTiming(line, format)) {
      good++;
      if (good > MAX_CUES) return { bad, cutAt: blockStart };
    } else {
      bad.push(i + 1);
    }
  }
  return { bad, cutAt: null };
}

function validTiming(line: string, format: CaptionsFormat): boolean {
  const timing = format === 'srt' ? line.replace(/,/g, '.') : line;
  const [startText, rest = ''] = timing.split(TIMING_SEPARATOR);
  const start = parseVTTTimestamp(startText);
  const end = parseVTTTimestamp(rest.split(SPACES)[0]);
  // The parser keeps only cues that end after they start.
  return start !== null && end !== null && end > start;
}

/** A cue's words without its markup: voice names, class and timestamp tags go; entities are decoded. */
function plainText(cue: VTTCue, format: CaptionsFormat): string {
  const words: string[] = [];
  const collect = (nodes: VTTNode[]): void => {
    for (const node of nodes) {
      if (node.type === 'text') words.push(node.data);
      else collect(node.children);
    }
  };
  collect(tokenizeVTTCue(cue));
  const text = words.join('');
  return format === 'srt' ? text.replace(ASS_OVERRIDE, '') : text;
}

function toLines(text: string): string[] {
  // A blank line that holds spaces still ends a block to a reader, though not to the parser.
  return text
    .replace(/^\ufeff/, '')
    .split(/\r\n|\r|\n/)
    .map((line) => (line.trim() === '' ? '' : line));
}

interface ParsedCues {
  cues: { start: number; end: number; text: string }[];
  scan: TimingScan;
}

async function parseCues(lines: string[], format: CaptionsFormat, textLimit: number): Promise<ParsedCues> {
  const scan = scanTimings(lines, format);
  const kept = scan.cutAt === null ? lines : lines.slice(0, scan.cutAt);
  const result = await parseText(kept.join('\n'), { type: format });
  const cues: ParsedCues['cues'] = [];
  for (const cue of result.cues) {
    const text = cleanText(plainText(cue, format), textLimit);
    if (text === null || !validTimes(cue.startTime, cue.endTime)) continue;
    cues.push({ start: cue.startTime, end: cue.endTime, text });
  }
  // Cue order is the file's; a transcript is read and searched in time order.
  cues.sort((a, b) => a.start - b.start || a.end - b.end);
  return { cues, scan };
}

function validTimes(start: number, end: number): boolean {
  return Number.isFinite(start) && Number.isFinite(end) && start >= 0 && end >= start && end <= MAX_TIME;
}

function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

function transcriptWarning(bad: number[], capped: boolean): string | undefined {
  const parts: string[] = [];
  if (bad.length) {
    const count = plural(bad.length, 'cue was', 'cues were');
    parts.push(`${count} left out because ${bad.length === 1 ? 'its time is' : 'their times are'} not valid (line ${bad[0]}).`);
  }
  if (capped) parts.push(`Only the first ${MAX_CUES.toLocaleString('en-US')} cues are kept.`);
  return parts.length ? parts.join(' ') : undefined;
}

/** Why a file that does not look like WebVTT or SRT cannot be read. */
function unrecognised(lines: string[], declared: CaptionsFormat | null): string {
  const text = lines.join('\n');
  if (text.trim() === '') return `${TRANSCRIPT_FAILED}: the file is empty.`;
  if (WEB_PAGE.test(text)) return `${TRANSCRIPT_FAILED}: it is a web page, not WebVTT or SRT.`;
  // Declared WebVTT without its header: a browser's own track would refuse it too.
  if (declared === 'vtt') return `${TRANSCRIPT_FAILED}: it does not start with WEBVTT.`;
  return `${TRANSCRIPT_FAILED}: it is neither WebVTT nor SRT.`;
}

/**
 * Reads a WebVTT or SRT transcript into cues of plain text. `type` is the response's content-type, when
 * known. Never throws: a file that cannot be used comes back as a message in words.
 */
export async function readTranscript(text: string, type?: string): Promise<TranscriptResult> {
  const lines = toLines(typeof text === 'string' ? text : '');
  const format = detectFormat(lines, type);
  if (format === null || (format === 'vtt' && !VTT_SIGNATURE.test(lines[0]))) {
    return { ok: false, message: unrecognised(lines, format) };
  }
  let parsed: ParsedCues;
  try {
    parsed = await parseCues(lines, format, MAX_CUE_TEXT);
  } catch (error) {
    return { ok: false, message: `${TRANSCRIPT_FAILED}: ${String((error as Error)?.message ?? error).replace(/\.?$/, '.')}` };
  }
  const { cues, scan } = parsed;
  if (cues.length === 0) {
    const first = scan.bad[0];
    if (first !== undefined) {
      return { ok: false, message: `${TRANSCRIPT_FAILED}: line ${first} has no valid time (${quote(lines[first - 1])}).` };
    }
    return { ok: false, message: `${TRANSCRIPT_FAILED}: it has no cues.` };
  }
  const warning = transcriptWarning(scan.bad, scan.cutAt !== null);
  return warning ? { ok: true, cues, warning } : { ok: true, cues };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An own data property only: a hostile object's getters are never run. */
function field(record: Record<string, unknown>, name: string): unknown {
  const descriptor = Object.getOwnPropertyDescriptor(record, name);
  return descriptor && 'value' in descriptor ? descriptor.value : undefined;
}

function chapterStart(value: unknown): number | null {
  if (typeof value === 'string') return parseTime(value);
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= MAX_TIME ? value : null;
}

function finishChapters(chapters: Chapter[]): ChaptersResult {
  if (chapters.length === 0) {
    return { ok: false, message: `${CHAPTERS_FAILED}: none has a title and a valid start time.` };
  }
  // Array.prototype.sort is stable: chapters that start together keep the file's order.
  chapters.sort((a, b) => a.start - b.start);
  return { ok: true, chapters: chapters.slice(0, MAX_CHAPTERS) };
}

function readJsonChapters(data: unknown): ChaptersResult {
  const entries = Array.isArray(data) ? data : isRecord(data) ? field(data, 'chapters') : undefined;
  if (!Array.isArray(entries)) return { ok: false, message: `${CHAPTERS_FAILED}: there is no list of chapters.` };
  const chapters: Chapter[] = [];
  for (const entry of entries) {
    if (!isRecord(entry)) continue;
    // The podcast namespace marks chapters that are not to be listed with "toc": false.
    if (field(entry, 'toc') === false) continue;
    const start = chapterStart(field(entry, 'startTime'));
    const title = cleanText(field(entry, 'title'), CHAPTER_TITLE_LIMIT);
    if (start !== null && title !== null) chapters.push({ start, title });
  }
  return finishChapters(chapters);
}

async function readVttChapters(lines: string[]): Promise<ChaptersResult> {
  let parsed: ParsedCues;
  try {
    parsed = await parseCues(lines, 'vtt', CHAPTER_TITLE_LIMIT);
  } catch (error) {
    return { ok: false, message: `${CHAPTERS_FAILED}: ${String((error as Error)?.message ?? error).replace(/\.?$/, '.')}` };
  }
  return finishChapters(parsed.cues.map((cue) => ({ start: cue.start, title: cue.text })));
}

/**
 * Reads chapters: podcast-namespace JSON (parsed, or as text), a bare array of `{startTime, title}`,
 * or WebVTT chapters (each cue's text is a title). `type` is the response's content-type, when known.
 */
export async function readChapters(data: unknown, type?: string): Promise<ChaptersResult> {
  if (typeof data !== 'string') return readJsonChapters(data);
  const lines = toLines(data);
  const text = lines.join('\n');
  if (text.trim() === '') return { ok: false, message: `${CHAPTERS_FAILED}: the file is empty.` };
  if (WEB_PAGE.test(text)) return { ok: false, message: `${CHAPTERS_FAILED}: it is a web page, not chapters.` };
  if (VTT_SIGNATURE.test(lines[0])) return readVttChapters(lines);
  if (mediaType(type) === 'text/vtt') return { ok: false, message: `${CHAPTERS_FAILED}: they do not start with WEBVTT.` };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, message: `${CHAPTERS_FAILED}: they are neither JSON chapters nor WebVTT.` };
  }
  return readJsonChapters(json);
}
