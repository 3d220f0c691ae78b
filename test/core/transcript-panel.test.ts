/** The Transcript panel's and the Embed panel's pure parts, table by table, with broken and hostile input. */
import { expect } from '@open-wc/testing';
import { clipTime, readClip } from '../../src/elements/embed-panel.js';
import { cuesOfPart, currentCue, splitMatches, transcriptText } from '../../src/elements/transcript-panel.js';

const CUES = [
  { start: 0.25, end: 2.6, text: 'One' },
  { start: 2.6, end: 4.3, text: 'Two' },
  { start: 5, end: 7, text: 'Three' },
];

describe('currentCue', () => {
  const cases: [number, number][] = [
    [0, -1],
    [0.25, 0],
    [2.599, 0],
    [2.6, 1],
    [4.5, -1], // between cues: none
    [6.9, 2],
    [7, -1],
    [NaN, -1],
    [-1, -1],
  ];
  for (const [time, expected] of cases) it(`at ${time} s: ${expected}`, () => expect(currentCue(CUES, time)).to.equal(expected));
  it('an empty transcript has none', () => expect(currentCue([], 3)).to.equal(-1));
});

describe('splitMatches', () => {
  const cases: [string, string, string[]][] = [
    ['Eight seconds', '', ['Eight seconds']],
    ['Eight seconds', 'e', ['', 'E', 'ight s', 'e', 'conds']],
    ['aaaa', 'aa', ['', 'aa', '', 'aa', '']],
    ['<b>x</b>', '<b>', ['', '<b>', 'x</b>']],
    ['nothing', 'zz', ['nothing']],
  ];
  for (const [text, query, expected] of cases) it(`"${text}" / "${query}"`, () => expect(splitMatches(text, query)).to.deep.equal(expected));
});

describe('cuesOfPart', () => {
  it('keeps the cues within a segment, with times from its start', () => {
    const track = { id: '0', title: 'T', src: [{ src: 'a.mp3' }], start: 2, end: 6 };
    expect(cuesOfPart(CUES, track)).to.deep.equal([
      { text: 'One', start: 0, end: 0.6000000000000001 },
      { text: 'Two', start: 0.6000000000000001, end: 2.3 },
      { text: 'Three', start: 3, end: 4 },
    ]);
  });
  it('a whole track keeps them all', () => expect(cuesOfPart(CUES, { id: '0', title: 'T', src: [{ src: 'a.mp3' }] })).to.deep.equal(CUES));
  it('a part with no words has no cues', () => expect(cuesOfPart(CUES, { id: '0', title: 'T', src: [{ src: 'a.mp3' }], start: 100 })).to.deep.equal([]));
});

describe('transcriptText', () => {
  it('is the title, then each cue after its time, as plain text', () => {
    expect(transcriptText('Gale', CUES)).to.equal('Gale\n\n[0:00] One\n[0:03] Two\n[0:05] Three\n');
  });
});

describe('readClip (Clip start and Clip end)', () => {
  const cases: [string, string, number, ReturnType<typeof readClip>][] = [
    ['', '', 60, { problems: {} }],
    ['1:23', '1:45', 600, { start: 83, end: 105, problems: {} }],
    ['0', '10', 60, { end: 10, problems: {} }],
    ['1m', '', 600, { start: 60, problems: {} }],
    ['soon', '', 60, { problems: { start: 'Clip start: “soon” is not a time. Write it as 83, 1:23 or 1m23s.' } }],
    ['<img src=x onerror=alert(1)>', '', 60, { problems: { start: 'Clip start: “<img src=x onerror=a” is not a time. Write it as 83, 1:23 or 1m23s.' } }],
    ['-5', '', 60, { problems: { start: 'Clip start: “-5” is not a time. Write it as 83, 1:23 or 1m23s.' } }],
    ['10', '5', 60, { start: 10, problems: { end: 'Clip end must come after Clip start (0:10).' } }],
    ['', '0', 60, { problems: { end: 'Clip end must come after Clip start (0:00).' } }],
    ['90', '', 60, { problems: { start: 'Clip start is past the end (1:00).' } }],
    ['1', '99', NaN, { start: 1, end: 99, problems: {} }], // length unknown: taken as it is
    ['1', '8', 8, { start: 1, end: 8, problems: {} }], // to the very end
    ['1', '8.04', 8, { start: 1, end: 8.04, problems: {} }], // the end's tenth rounded up
  ];
  for (const [start, end, length, expected] of cases) {
    it(`"${start}"–"${end}" of ${length} s`, () => expect(readClip({ start, end }, length)).to.deep.equal(expected));
  }
  it('checks the end against "Start at current position" when Clip start is empty', () => {
    expect(readClip({ start: '', end: '1:00' }, 600, 120)).to.deep.equal({ start: 120, problems: { end: 'Clip end must come after the current position (2:00).' } });
    expect(readClip({ start: '', end: '3:00' }, 600, 120)).to.deep.equal({ start: 120, end: 180, problems: {} });
    expect(readClip({ start: '0:30', end: '1:00' }, 600, 120)).to.deep.equal({ start: 30, end: 60, problems: {} });
  });

  it('shows times to the tenth', () => {
    expect([0.25, 4.3, 83, 59.96, 3600.5].map((s) => clipTime(s))).to.deep.equal(['0:00.3', '0:04.3', '1:23', '1:00', '1:00:00.5']);
    expect([clipTime(0.25, Math.floor), clipTime(4.31, Math.ceil), clipTime(4.3, Math.ceil)]).to.deep.equal(['0:00.2', '0:04.4', '0:04.3']);
  });
});
