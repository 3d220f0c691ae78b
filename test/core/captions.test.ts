import { expect } from '@open-wc/testing';
import {
  CHAPTER_TITLE_LIMIT,
  MAX_CHAPTERS,
  MAX_CUE_TEXT,
  MAX_CUES,
  readChapters,
  readTranscript,
  type Chapter,
  type Cue,
} from '../../src/core/captions.js';

const FAILED = 'This transcript could not be read';
const CHAPTERS_FAILED = 'These chapters could not be read';

const VTT = [
  'WEBVTT - Harrow Point',
  'Kind: captions',
  '',
  'NOTE written by hand, with a note block',
  '',
  'STYLE',
  '::cue { color: yellow }',
  '',
  'intro',
  '00:00.000 --> 00:02.500 align:start position:10%',
  '<v Daniel Reyes>Good evening, and <b>welcome</b>.</v>',
  '',
  '00:00:02.500 --> 00:00:05.250 line:0',
  "<v.host Margaret Hale><i>Thank you</i>, <c.name>Daniel</c>.\nIt's lovely to be asked.",
  '',
  '01:00:00.000 --> 01:00:01.000',
  'Tom &amp; Jerry &lt;3 <00:00:00.500>later',
  '',
].join('\n');

const VTT_CUES: Cue[] = [
  { start: 0, end: 2.5, text: 'Good evening, and welcome.' },
  { start: 2.5, end: 5.25, text: "Thank you, Daniel. It's lovely to be asked." },
  { start: 3600, end: 3601, text: 'Tom & Jerry <3 later' },
];

const SRT = [
  '1',
  '00:00:01,000 --> 00:00:02,500',
  '<i>Hello</i> <font color="#ffcc00">there</font>',
  '',
  '2',
  '00:00:03,000 --> 00:00:04,120',
  '{\\an8}Second cue',
  'on two lines',
  '',
].join('\n');

const SRT_CUES: Cue[] = [
  { start: 1, end: 2.5, text: 'Hello there' },
  { start: 3, end: 4.12, text: 'Second cue on two lines' },
];

const TWO_VTT_CUES: Cue[] = [
  { start: 1, end: 2, text: 'One' },
  { start: 2, end: 3, text: 'Two' },
];

function vttOf(count: number): string {
  const blocks = ['WEBVTT'];
  for (let i = 0; i < count; i++) {
    const h = String(Math.floor(i / 3600)).padStart(2, '0');
    const m = String(Math.floor(i / 60) % 60).padStart(2, '0');
    const s = String(i % 60).padStart(2, '0');
    blocks.push(`${h}:${m}:${s}.000 --> ${h}:${m}:${s}.500\nCue ${i}`);
  }
  return blocks.join('\n\n');
}

describe('readTranscript', () => {
  const readable: [string, string, string | undefined, Cue[]][] = [
    ['WebVTT with and without hours, ids, settings, notes, voices and markup', VTT, undefined, VTT_CUES],
    ['WebVTT declared with a charset', VTT, 'text/vtt; charset=utf-8', VTT_CUES],
    ['SRT with comma decimals, font tags and ASS codes', SRT, undefined, SRT_CUES],
    ['SRT declared as SRT', SRT, 'application/x-subrip', SRT_CUES],
    ['SRT served as text/vtt (its content decides)', SRT, 'text/vtt', SRT_CUES],
    ['WebVTT served as SRT (its content decides)', VTT, 'application/srt', VTT_CUES],
    ['WebVTT with CRLF and a BOM', '\ufeffWEBVTT\r\n\r\n00:01.000 --> 00:02.000\r\nOne\r\n\r\n00:02.000 --> 00:03.000\r\nTwo\r\n', undefined, TWO_VTT_CUES],
    ['WebVTT with CR line endings', 'WEBVTT\r\r00:01.000 --> 00:02.000\rOne\r\r00:02.000 --> 00:03.000\rTwo', undefined, TWO_VTT_CUES],
    ['SRT with CRLF and a BOM', `\ufeff${SRT.replace(/\n/g, '\r\n')}`, undefined, SRT_CUES],
    ['SRT without indices, known by its comma decimals', '00:00:01,000 --> 00:00:02,000\nOne\n\n00:00:02,000 --> 00:00:03,000\nTwo', undefined, TWO_VTT_CUES],
    ['SRT without indices, declared by type', '00:00:01.000 --> 00:00:02.000\nOne\n\n00:00:02.000 --> 00:00:03.000\nTwo', 'text/srt', TWO_VTT_CUES],
    ['a blank line holding spaces still ends a cue', 'WEBVTT\n\n00:01.000 --> 00:02.000\nOne\n   \n00:02.000 --> 00:03.000\nTwo', undefined, TWO_VTT_CUES],
    ['cues out of order come back in time order', 'WEBVTT\n\n00:02.000 --> 00:03.000\nTwo\n\n00:01.000 --> 00:02.000\nOne', undefined, TWO_VTT_CUES],
    [
      'hostile text stays text: tags go, escaped tags are words, direction overrides go',
      'WEBVTT\n\n00:01.000 --> 00:02.000\n<script>alert(1)</script>\n\n00:02.000 --> 00:03.000\n&lt;script&gt;alert(2)&lt;/script&gt;\n\n00:03.000 --> 00:04.000\n<img src=x onerror=alert(3)>Caption \u202eevil\n\n00:04.000 --> 00:05.000\n<img src=x onerror=alert(4)>',
      undefined,
      [
        { start: 1, end: 2, text: 'alert(1)' },
        { start: 2, end: 3, text: '<script>alert(2)</script>' },
        { start: 3, end: 4, text: 'Caption evil' },
      ],
    ],
  ];
  for (const [name, text, type, cues] of readable) {
    it(`reads ${name}`, async () => {
      expect(await readTranscript(text, type)).to.deep.equal({ ok: true, cues });
    });
  }

  const unreadable: [string, string, string | undefined, string][] = [
    ['an empty file', '', undefined, `${FAILED}: the file is empty.`],
    ['a BOM and blank lines', '\ufeff  \r\n\r\n', 'text/vtt', `${FAILED}: the file is empty.`],
    ['an HTML page', '<!DOCTYPE html>\n<html><body>Not found</body></html>', undefined, `${FAILED}: it is a web page, not WebVTT or SRT.`],
    ['an HTML page served as text/vtt', '<html><body>00:01.000 --> 00:02.000</body></html>', 'text/vtt', `${FAILED}: it is a web page, not WebVTT or SRT.`],
    ['garbage', 'PK\u0003\u0004\u0000\u0000garbage', undefined, `${FAILED}: it is neither WebVTT nor SRT.`],
    ['cues with no signature or type', '00:00:01.000 --> 00:00:02.000\nOne', 'text/plain', `${FAILED}: it is neither WebVTT nor SRT.`],
    ['WebVTT without its header', 'Captions\n\n00:01.000 --> 00:02.000\nOne', 'text/vtt', `${FAILED}: it does not start with WEBVTT.`],
    ['a header and nothing else', 'WEBVTT\n\nNOTE nothing here\n', undefined, `${FAILED}: it has no cues.`],
    ['cues without text', 'WEBVTT\n\n00:01.000 --> 00:02.000\n\n00:02.000 --> 00:03.000\n<b></b>\n', undefined, `${FAILED}: it has no cues.`],
    ['a bad end time', 'WEBVTT\n\n00:01.000 --> nonsense\nOne', undefined, `${FAILED}: line 3 has no valid time (00:01.000 --> nonsense).`],
    ['an end before its start', 'WEBVTT\n\n00:05.000 --> 00:01.000\nBackwards', undefined, `${FAILED}: line 3 has no valid time (00:05.000 --> 00:01.000).`],
    ['seconds past 59', 'WEBVTT\n\nid\n00:01:75.000 --> 00:01:80.000\nOne', undefined, `${FAILED}: line 4 has no valid time (00:01:75.000 --> 00:01:80.000).`],
    ['an SRT with a bad time', '1\n00:00:01,000 --> 00:00:xx,000\nOne', undefined, `${FAILED}: line 2 has no valid time (00:00:01,000 --> 00:00:xx,000).`],
    [
      'a long bad line, quoted short',
      'WEBVTT\n\n00:01.000 --> 00:0x.000 align:start position:10% size:50%\nOne',
      undefined,
      `${FAILED}: line 3 has no valid time (00:01.000 --> 00:0x.000 align:start posi …).`,
    ],
  ];
  for (const [name, text, type, message] of unreadable) {
    it(`refuses ${name} in words`, async () => {
      expect(await readTranscript(text, type)).to.deep.equal({ ok: false, message });
    });
  }

  it('drops cues with bad times and counts them in one warning', async () => {
    const text = 'WEBVTT\n\n00:01.000 --> 00:02.000\nOne\n\n00:05.000 --> 00:04.000\nBackwards\n\n00:0x --> 00:09.000\nBroken\n\n00:02.000 --> 00:03.000\nTwo';
    expect(await readTranscript(text)).to.deep.equal({
      ok: true,
      cues: TWO_VTT_CUES,
      warning: '2 cues were left out because their times are not valid (line 6).',
    });
    const one = await readTranscript('1\n00:00:01,000 --> 00:00:02,000\nOne\n\n2\n00:00:03,000 --> 00:00:02,000\nBad');
    expect(one).to.deep.equal({
      ok: true,
      cues: [{ start: 1, end: 2, text: 'One' }],
      warning: '1 cue was left out because its time is not valid (line 6).',
    });
  });

  it(`keeps at most ${MAX_CUES} cues and says so`, async function () {
    this.timeout(20_000);
    const result = await readTranscript(vttOf(MAX_CUES + 1));
    expect(result.ok).to.equal(true);
    if (!result.ok) return;
    expect(result.cues.length).to.equal(MAX_CUES);
    expect(result.cues[MAX_CUES - 1]).to.deep.equal({ start: MAX_CUES - 1, end: MAX_CUES - 0.5, text: `Cue ${MAX_CUES - 1}` });
    expect(result.warning).to.equal('Only the first 20,000 cues are kept.');
    // Exactly at the cap nothing is left out.
    const full = await readTranscript(vttOf(MAX_CUES));
    expect(full.ok && full.cues.length).to.equal(MAX_CUES);
    expect(full.ok && full.warning).to.equal(undefined);
  });

  it(`cuts cue text to ${MAX_CUE_TEXT} characters`, async () => {
    const result = await readTranscript(`WEBVTT\n\n00:01.000 --> 00:02.000\n${'word '.repeat(400)}`);
    expect(result.ok).to.equal(true);
    if (!result.ok) return;
    expect(result.cues[0].text.length).to.be.at.most(MAX_CUE_TEXT);
    expect(result.cues[0].text.length).to.be.above(MAX_CUE_TEXT - 5);
    expect(result.cues[0].text.startsWith('word word')).to.equal(true);
  });

  it('reads the speech fixture: three cues inside its 8 seconds', async () => {
    const response = await fetch('/test/fixtures/speech.vtt');
    const result = await readTranscript(await response.text(), response.headers.get('content-type') ?? undefined);
    expect(result).to.deep.equal({
      ok: true,
      cues: [
        { start: 0.25, end: 2.6, text: 'This is the Earshot test recording.' },
        { start: 2.6, end: 4.3, text: 'It lasts eight seconds.' },
        { start: 4.3, end: 7, text: 'One, two, three, four, five.' },
      ],
    });
  });
});

describe('readChapters', () => {
  const podcast = {
    version: '1.2.0',
    chapters: [
      { startTime: 95.5, title: 'The gale of 1962' },
      { startTime: 0, title: 'Growing up at the light' },
      { startTime: 30, title: '   ' },
      { startTime: 40 },
      { startTime: '3:10', title: 'The keepers leave' },
      { startTime: '250', title: 'What comes next' },
      { startTime: -1, title: 'Before the start' },
      { startTime: 'soon', title: 'No time' },
      { startTime: null, title: 'Null time' },
      { startTime: Number.POSITIVE_INFINITY, title: 'Forever' },
      { startTime: 120, title: 'Hidden', toc: false },
      'not a chapter',
      null,
    ],
  };
  const podcastChapters: Chapter[] = [
    { start: 0, title: 'Growing up at the light' },
    { start: 95.5, title: 'The gale of 1962' },
    { start: 190, title: 'The keepers leave' },
    { start: 250, title: 'What comes next' },
  ];
  const VTT_CHAPTERS = 'WEBVTT\n\nchapter-1\n00:00.000 --> 01:35.500\nGrowing up at the light\n\n00:01:35.500 --> 00:03:10.000\nThe <b>gale</b> of 1962\n';

  const readable: [string, unknown, string | undefined, Chapter[]][] = [
    ['podcast JSON, out of order, with titles and times missing, string times and hidden chapters', podcast, undefined, podcastChapters],
    ['the same JSON as text, with a BOM', `\ufeff${JSON.stringify(podcast)}`, 'application/json+chapters', podcastChapters],
    ['a bare array of {startTime, title}', podcast.chapters, undefined, podcastChapters],
    [
      'WebVTT chapters, each cue text a title',
      VTT_CHAPTERS,
      'text/vtt',
      [
        { start: 0, title: 'Growing up at the light' },
        { start: 95.5, title: 'The gale of 1962' },
      ],
    ],
    ['WebVTT chapters with CRLF and no type', VTT_CHAPTERS.replace(/\n/g, '\r\n'), undefined, [
      { start: 0, title: 'Growing up at the light' },
      { start: 95.5, title: 'The gale of 1962' },
    ]],
    [
      'JSON titles as text: markup stays visible words, controls and overrides go',
      { chapters: [{ startTime: 1, title: '<script>alert(1)</script>\u202e\u0007 Intro' }] },
      undefined,
      [{ start: 1, title: '<script>alert(1)</script> Intro' }],
    ],
  ];
  for (const [name, data, type, chapters] of readable) {
    it(`reads ${name}`, async () => {
      expect(await readChapters(data, type)).to.deep.equal({ ok: true, chapters });
    });
  }

  it('never runs a getter on a chapter', async () => {
    let ran = false;
    const entry = { startTime: 5 } as Record<string, unknown>;
    Object.defineProperty(entry, 'title', { enumerable: true, get: () => ((ran = true), 'Got') });
    expect(await readChapters([entry, { startTime: 1, title: 'Kept' }])).to.deep.equal({ ok: true, chapters: [{ start: 1, title: 'Kept' }] });
    expect(ran).to.equal(false);
  });

  it(`keeps the first ${MAX_CHAPTERS} chapters in time order and cuts titles to ${CHAPTER_TITLE_LIMIT} characters`, async () => {
    const many = Array.from({ length: MAX_CHAPTERS + 100 }, (_, i) => ({ startTime: MAX_CHAPTERS + 100 - i, title: `Chapter ${MAX_CHAPTERS + 100 - i}` }));
    many.push({ startTime: 0, title: 'x'.repeat(CHAPTER_TITLE_LIMIT + 50) });
    const result = await readChapters({ chapters: many });
    expect(result.ok).to.equal(true);
    if (!result.ok) return;
    expect(result.chapters.length).to.equal(MAX_CHAPTERS);
    expect(result.chapters[0]).to.deep.equal({ start: 0, title: 'x'.repeat(CHAPTER_TITLE_LIMIT) });
    expect(result.chapters[1]).to.deep.equal({ start: 1, title: 'Chapter 1' });
    expect(result.chapters[MAX_CHAPTERS - 1]).to.deep.equal({ start: MAX_CHAPTERS - 1, title: `Chapter ${MAX_CHAPTERS - 1}` });
  });

  const unreadable: [string, unknown, string | undefined, string][] = [
    ['an empty file', '', undefined, `${CHAPTERS_FAILED}: the file is empty.`],
    ['an HTML page', '<html><body>Not found</body></html>', 'application/json', `${CHAPTERS_FAILED}: it is a web page, not chapters.`],
    ['text that is neither JSON nor WebVTT', 'Chapter 1 at 0:00', undefined, `${CHAPTERS_FAILED}: they are neither JSON chapters nor WebVTT.`],
    ['declared WebVTT without its header', '00:00.000 --> 00:05.000\nIntro', 'text/vtt', `${CHAPTERS_FAILED}: they do not start with WEBVTT.`],
    ['JSON without a list', { version: '1.2.0', chapters: 5 }, undefined, `${CHAPTERS_FAILED}: there is no list of chapters.`],
    ['a number', 42, undefined, `${CHAPTERS_FAILED}: there is no list of chapters.`],
    ['an empty list', '[]', undefined, `${CHAPTERS_FAILED}: none has a title and a valid start time.`],
    ['chapters all unusable', { chapters: [{ startTime: -5, title: 'Before' }, { startTime: 3 }] }, undefined, `${CHAPTERS_FAILED}: none has a title and a valid start time.`],
    ['WebVTT with no cues', 'WEBVTT\n\n', undefined, `${CHAPTERS_FAILED}: none has a title and a valid start time.`],
  ];
  for (const [name, data, type, message] of unreadable) {
    it(`refuses ${name} in words`, async () => {
      expect(await readChapters(data, type)).to.deep.equal({ ok: false, message });
    });
  }

  it('reads the speech fixture: three chapters inside its 8 seconds', async () => {
    const response = await fetch('/test/fixtures/speech-chapters.json');
    expect(await readChapters(await response.json())).to.deep.equal({
      ok: true,
      chapters: [
        { start: 0, title: 'The test recording' },
        { start: 2.6, title: 'How long it lasts' },
        { start: 4.3, title: 'Counting to five' },
      ],
    });
  });
});
