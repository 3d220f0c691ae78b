import { expect } from '@open-wc/testing';
import { formatSeconds, formatTime, MAX_TIME, parseTime, parseTimeRange, speakTime } from '../../src/core/time.js';

describe('parseTime', () => {
  const cases: [string, number | null][] = [
    ['0', 0],
    ['90', 90],
    ['90.5', 90.5],
    ['1:05', 65],
    ['01:05', 65],
    ['75:00', 4500],
    ['1:02:03', 3723],
    ['1h2m3s', 3723],
    ['1h', 3600],
    ['2m', 120],
    ['45s', 45],
    ['1m30.5s', 90.5],
    [' 1:05 ', 65],
    ['1H2M', 3720],
    ['', null],
    ['-5', null],
    ['1:60', null],
    ['1:60:00', null],
    ['abc', null],
    ['1:2:3:4', null],
    ['1e3', null],
    ['Infinity', null],
    ['NaN', null],
    ['0x10', null],
    ['1,5', null],
    ['h', null],
    ['hms', null],
    [String(MAX_TIME + 1), null],
    ['9'.repeat(400), null],
    ['<script>', null],
  ];
  for (const [text, expected] of cases) {
    it(`reads ${JSON.stringify(text)} as ${expected}`, () => {
      expect(parseTime(text)).to.equal(expected);
    });
  }
});

describe('parseTimeRange', () => {
  const cases: [string, ReturnType<typeof parseTimeRange>][] = [
    ['90', { start: 90 }],
    ['90,120', { start: 90, end: 120 }],
    ['1:00,1:30', { start: 60, end: 90 }],
    ['1m,2m', { start: 60, end: 120 }],
    ['120,90', null],
    ['90,90', null],
    ['90,', null],
    [',90', null],
    ['1,2,3', null],
    ['x,10', null],
  ];
  for (const [text, expected] of cases) {
    it(`reads ${JSON.stringify(text)}`, () => {
      expect(parseTimeRange(text)).to.deep.equal(expected);
    });
  }
});

describe('formatTime', () => {
  const cases: [number, string][] = [
    [0, '0:00'],
    [5.4, '0:05'],
    [5.6, '0:06'],
    [7.99, '0:08'],
    [65, '1:05'],
    [270, '4:30'],
    [3599, '59:59'],
    [3723, '1:02:03'],
    [NaN, '--:--'],
    [Infinity, '--:--'],
    [-1, '--:--'],
  ];
  for (const [seconds, expected] of cases) {
    it(`writes ${seconds} as ${expected}`, () => expect(formatTime(seconds)).to.equal(expected));
  }
});

describe('speakTime', () => {
  const cases: [number, string][] = [
    [0, '0 seconds'],
    [1, '1 second'],
    [7.99, '8 seconds'],
    [65, '1 minute 5 seconds'],
    [270, '4 minutes 30 seconds'],
    [3600, '1 hour'],
    [3723, '1 hour 2 minutes 3 seconds'],
    [7260, '2 hours 1 minute'],
    [NaN, 'unknown'],
  ];
  for (const [seconds, expected] of cases) {
    it(`says ${seconds} as "${expected}"`, () => expect(speakTime(seconds)).to.equal(expected));
  }
});

describe('formatSeconds', () => {
  it('writes hundredths at most', () => {
    expect(formatSeconds(90)).to.equal('90');
    expect(formatSeconds(90.5)).to.equal('90.5');
    expect(formatSeconds(40.123)).to.equal('40.12');
    expect(formatSeconds(0.004)).to.equal('0');
  });
});
