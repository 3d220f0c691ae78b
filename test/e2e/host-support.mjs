// Shared by the host-control tests (host-*.test.mjs): a fourth origin for pages that must NOT command the
// player, the real player.js client served from the blog, embed URLs, and a record of every uncaught
// error in every frame. The servers and the browser come from servers.mjs.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serveSite } from '../../scripts/serve.js';
import { at } from './servers.mjs';

export const VERSION = '0.0.11';
export const PROTOCOL_METHODS = [
  'play', 'pause', 'getPaused', 'mute', 'unmute', 'getMuted', 'setVolume', 'getVolume', 'getDuration',
  'setCurrentTime', 'getCurrentTime', 'setLoop', 'getLoop', 'addEventListener', 'removeEventListener',
  'setPlaybackRate', 'getPlaybackRate', 'next', 'previous', 'getTrack',
];
export const PROTOCOL_EVENTS = ['ready', 'play', 'pause', 'ended', 'timeupdate', 'progress', 'seeked', 'error'];
/** speech.mp3 lasts 7.9935 s. */
export const SPEECH_SECONDS = 7.9935;
export const TITLE = 'The test recording';

/** A static site on yet another origin (another port of 127.0.0.1): the foreign pages. */
export async function startForeign() {
  const dir = mkdtempSync(path.join(tmpdir(), 'earshot-e2e-foreign-'));
  const site = await serveSite({ mounts: [['/', dir]] });
  let pages = 0;
  return {
    origin: site.url,
    page(name, html) {
      const file = `${++pages}-${name}`;
      writeFileSync(path.join(dir, file), html);
      return `${site.url}/${file}`;
    },
    async close() {
      await site.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The real player.js client from npm, as a file of the blog; returns its URL. */
export function servePlayerJs(servers) {
  return servers.blogPage('player.js', readFileSync(at('node_modules/player.js/dist/player-0.1.0.min.js')));
}

/** The embed page for speech.mp3 with these extra parameters. */
export function embedUrl(servers, params = {}, page = 'embed.html') {
  const query = new URLSearchParams({ src: `${servers.newsroom}/fixtures/speech.mp3`, title: TITLE, ...params });
  return `${servers.newsroom}/dist/${page}?${query}`;
}

/** Runs in every frame before its scripts: keeps every uncaught error and unhandled rejection. */
export function recordErrors() {
  window.__errors = [];
  addEventListener('error', (event) => window.__errors.push(`error: ${event.message}`));
  addEventListener('unhandledrejection', (event) => window.__errors.push(`unhandled rejection: ${event.reason}`));
}

/** The uncaught errors of every frame of `page` (and its pageerror events, collected by `watch`). */
export async function allErrors(page, watch) {
  const errors = watch.errors.map(String);
  for (const frame of page.frames()) {
    try {
      errors.push(...((await frame.evaluate(() => window.__errors ?? [])) ?? []).map((e) => `${frame.url()}: ${e}`));
    } catch {
      // a frame that went away
    }
  }
  return errors;
}

/** The frame of `page` whose URL starts with `prefix`. */
export async function frameStartingWith(page, prefix, timeout = 10_000) {
  const until = Date.now() + timeout;
  for (;;) {
    const frame = page.frames().find((f) => f.url().startsWith(prefix));
    if (frame) {
      await frame.waitForLoadState('load');
      return frame;
    }
    if (Date.now() > until) throw new Error(`no frame at ${prefix}: ${page.frames().map((f) => f.url()).join(', ')}`);
    await new Promise((done) => setTimeout(done, 50));
  }
}

/** What the <earshot-player> in `frame` says about itself. */
export function playerState(frame) {
  return frame.evaluate(() => {
    const player = document.querySelector('earshot-player');
    return {
      paused: player.paused,
      status: player.status,
      currentTime: player.currentTime,
      duration: player.duration,
      volume: player.volume,
      muted: player.muted,
      playbackRate: player.playbackRate,
    };
  });
}

/** Polls `check` (async, returns truthy when done) every 50 ms; fails with `why` after `timeout` ms. */
export async function until(check, why, timeout = 8000) {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out after ${timeout} ms: ${why}`);
    await new Promise((done) => setTimeout(done, 50));
  }
}

export const sleep = (ms) => new Promise((done) => setTimeout(done, ms));
