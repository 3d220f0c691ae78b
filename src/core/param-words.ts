/**
 * The embed page's warnings in words (params.ts gives them as codes): loaded only by a page whose address
 * has a parameter that cannot be used, so that the others never load these words.
 */
import type { ParamWarning } from './params.js';

const WHY: Record<ParamWarning['why'], string> = {
  address: '',
  url: 'only http, https and relative addresses are allowed',
  unknown: 'not a parameter of the embed page',
  wins: '',
  date: 'not an ISO 8601 date such as 2026-03-24',
  duration: 'not a length of time',
  track: 'not a track number (or, with "feed", an episode\'s guid)',
  t: 'not a time or a time range (90, 1:30, 1m30s or START,END)',
  theme: 'use light, dark or auto',
  // (params.ts's CONTROL_NAMES, written out: importing a value of params.ts from here splits the embed page's
  // first load into several chunks.)
  controls: 'is not one of playlist, download, embed',
  bool: 'use 1 or 0',
};

/** One warning as the console says it. */
export function explain({ name, why, detail }: ParamWarning): string {
  if (why === 'address') return 'Earshot: the embed address could not be read.';
  if (why === 'wins') {
    return name === 'src'
      ? `Earshot: "${detail}" wins over "src"; the one-track parameters were ignored.`
      : `Earshot: ignored "${name}": "${detail}" wins over it.`;
  }
  return `Earshot: ignored "${name}": ${why === 'controls' ? `"${detail}" ${WHY.controls}` : WHY[why]}.`;
}
