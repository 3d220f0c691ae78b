import { expect } from '@open-wc/testing';
import { MAX_MESSAGE_LENGTH, readCommand, readFlag, readRate, readTime, readVolume, type HostCommand } from '../../src/core/playerjs.js';

const base = { context: 'player.js', version: '0.0.11' };
const json = (message: object) => JSON.stringify({ ...base, ...message });

describe('readCommand: a player.js command, or null', () => {
  const taken: [string, unknown, HostCommand][] = [
    ['a JSON string', json({ method: 'play' }), { method: 'play', value: undefined, listener: null }],
    ['a plain object', { ...base, method: 'pause' }, { method: 'pause', value: undefined, listener: null }],
    ['a getter with a listener', json({ method: 'getPaused', listener: 'listener-1' }), { method: 'getPaused', value: undefined, listener: 'listener-1' }],
    ['a setter with a value', json({ method: 'setVolume', value: 40 }), { method: 'setVolume', value: 40, listener: null }],
    ['an extension', json({ method: 'setPlaybackRate', value: 1.5 }), { method: 'setPlaybackRate', value: 1.5, listener: null }],
    ['any version', { context: 'player.js', method: 'play' }, { method: 'play', value: undefined, listener: null }],
    ['a null listener', { ...base, method: 'play', listener: null }, { method: 'play', value: undefined, listener: null }],
    // JSON.parse makes "__proto__" an own key: the listener it smuggles is not the message's.
    ['a __proto__ key', '{"context":"player.js","method":"getPaused","__proto__":{"listener":"x"}}', { method: 'getPaused', value: undefined, listener: null }],
  ];
  for (const [what, data, expected] of taken) {
    it(`takes ${what}`, () => expect(readCommand(data)).to.deep.equal(expected));
  }

  const inherited = Object.create({ ...base, method: 'play' }) as object;
  const ignored: [string, unknown][] = [
    ['broken JSON', '{"context":"player.js","method":"play"'],
    ['not JSON', 'play'],
    ['an empty string', ''],
    ['JSON null', 'null'],
    ['a JSON array', JSON.stringify([{ ...base, method: 'play' }])],
    ['a JSON number', '42'],
    ['null', null],
    ['undefined', undefined],
    ['a number', 42],
    ['an array', [{ ...base, method: 'play' }]],
    ['a Date', new Date()],
    ['a Map', new Map([['method', 'play']])],
    ['another context', { context: 'other', method: 'play' }],
    ['no context', { method: 'play' }],
    ['no method', { ...base }],
    ['an unknown method', { ...base, method: 'destroy' }],
    ['a method in other case', { ...base, method: 'PLAY' }],
    ['__proto__', { ...base, method: '__proto__' }],
    ['constructor', { ...base, method: 'constructor' }],
    ['prototype', json({ method: 'prototype' })],
    ['toString', json({ method: 'toString' })],
    ['hasOwnProperty', json({ method: 'hasOwnProperty' })],
    ['a method that is not a string', { ...base, method: ['play'] }],
    ['fields inherited, not its own', inherited],
    ['a listener that is an object', { ...base, method: 'play', listener: {} }],
    ['a listener that is a number', { ...base, method: 'play', listener: 1 }],
    ['an empty listener', { ...base, method: 'play', listener: '' }],
    ['a huge listener', { ...base, method: 'play', listener: 'x'.repeat(10_000) }],
    ['a string longer than a command can be', json({ method: 'play', value: 'x'.repeat(MAX_MESSAGE_LENGTH) })],
    ['two megabytes', 'x'.repeat(2 * 1024 * 1024)],
    ['leading spaces', ` ${json({ method: 'play' })}`],
  ];
  for (const [what, data] of ignored) {
    it(`ignores ${what}`, () => expect(readCommand(data)).to.equal(null));
  }
});

describe('value readers: clamped numbers, or null for what is not one', () => {
  const cases: [string, (value: unknown) => unknown, unknown, unknown][] = [
    ['volume', readVolume, 40, 40],
    ['volume', readVolume, 33.3, 33.3],
    ['volume', readVolume, -20, 0],
    ['volume', readVolume, 1e9, 100],
    ['volume', readVolume, '50', null],
    ['volume', readVolume, NaN, null],
    ['volume', readVolume, Infinity, null],
    ['rate', readRate, 1.5, 1.5],
    ['rate', readRate, 1000, 4],
    ['rate', readRate, 0, 0.25],
    ['rate', readRate, -3, 0.25],
    ['rate', readRate, 'fast', null],
    ['rate', readRate, null, null],
    ['time of 8 s', (v) => readTime(v, 8), 3, 3],
    ['time of 8 s', (v) => readTime(v, 8), -5, 0],
    ['time of 8 s', (v) => readTime(v, 8), 1e12, 8],
    ['time of 8 s', (v) => readTime(v, 8), NaN, null],
    ['time of 8 s', (v) => readTime(v, 8), 'abc', null],
    ['time of 8 s', (v) => readTime(v, 8), '5', null],
    ['time of 8 s', (v) => readTime(v, 8), Infinity, null],
    ['time of unknown length', (v) => readTime(v, NaN), 1e12, 360_000],
    ['time of unknown length', (v) => readTime(v, NaN), 90, 90],
    ['flag', readFlag, true, true],
    ['flag', readFlag, false, false],
    ['flag', readFlag, 1, true],
    ['flag', readFlag, 0, false],
    ['flag', readFlag, 'true', null],
    ['flag', readFlag, 2, null],
  ];
  for (const [what, read, value, expected] of cases) {
    it(`${what}: ${typeof value === 'string' ? JSON.stringify(value) : String(value)} → ${String(expected)}`, () => expect(read(value)).to.equal(expected));
  }
});
