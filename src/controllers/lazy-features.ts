/**
 * The parts a player needs only sometimes, each loaded the first time it is needed: the Media Session with
 * the first play, Resume with the first long track, the panels with the first one the listener opens. A
 * player that never plays, or plays only short clips, never loads them.
 */
import type { LitElement, ReactiveController } from 'lit';
import type { EmbedCode } from '../core/embed-code.js';
import type { EmbedOptions } from '../core/embed-url.js';
import type { Panels } from '../elements/panels.js';
import type { Playback } from '../core/playback.js';
import { Status, type PlayerState } from '../core/state.js';
import { isLongTrack, type Track } from '../core/track.js';
import type { PanelName } from '../elements/player-template.js';
import type { ResumeController } from './resume-controller.js';

export type { Panels } from '../elements/panels.js';

/**
 * How long the sound plays before what it does not need loads (the Media Session, chapters, Resume): their
 * chunks are parsed and run on the main thread, which the start of the sound needs for itself.
 */
const AFTER_START_MS = 300;

export class LazyFeatures implements ReactiveController {
  readonly #host: LitElement;
  readonly #playback: Playback;
  #unsubscribe: (() => void) | undefined;
  #mediaSession = false;
  #resumeRequested = false;
  /** The track whose chapters were asked for last. */
  #chaptersOf: Track | undefined;
  #panels: Promise<Panels> | undefined;
  /** Set once the first sound has played for AFTER_START_MS, or never started before something else asked. */
  #underWay: ReturnType<typeof setTimeout> | true | undefined;
  /** Resume, once a long track has loaded it. */
  resume: ResumeController | undefined;

  constructor(host: LitElement, playback: Playback) {
    this.#host = host;
    this.#playback = playback;
    host.addController(this);
  }

  hostConnected(): void {
    this.#unsubscribe = this.#playback.store.subscribe((state) => this.#check(state));
    this.#check(this.#playback.state);
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#notUnderWay();
  }

  /** The panels' code and styles, loaded with the first panel the listener opens. */
  panels(embedCode: (options: EmbedOptions) => EmbedCode, say: (news: string) => void, open: (name: PanelName) => void): Promise<Panels> {
    this.#panels ??= import('../elements/panels.js').then(({ createPanels }) => createPanels(this.#host, this.#playback, embedCode, say, open));
    return this.#panels;
  }

  /** Forgets a start that was not yet under way (a pause, or the player left the page). */
  #notUnderWay(): void {
    if (this.#underWay === true) return;
    clearTimeout(this.#underWay);
    this.#underWay = undefined;
  }

  #check(state: PlayerState): void {
    // A sound that is starting, or has only just started, has the main thread to itself.
    if (state.status === Status.loading) return;
    if (state.status === Status.playing && this.#underWay !== true) {
      this.#underWay ??= setTimeout(() => {
        this.#underWay = true;
        this.#check(this.#playback.state);
      }, AFTER_START_MS);
      return;
    }
    // Paused before it was under way: the next start waits its 0.3 s again.
    this.#notUnderWay();
    if (!this.#mediaSession && state.status === Status.playing) {
      this.#mediaSession = true;
      void import('./media-session-controller.js').then(({ MediaSessionController }) => new MediaSessionController(this.#host, this.#playback));
    }
    const track = state.queue[state.index];
    // Chapters are read once the listener plays (or opens the Playlist): a page's first load fetches nothing more.
    if (track?.chapters && track !== this.#chaptersOf && state.status === Status.playing) {
      this.#chaptersOf = track;
      void import('./chapters.js').then(({ loadTrackChapters }) => loadTrackChapters(this.#host, this.#playback, track));
    }
    if (!this.#resumeRequested && track && isLongTrack(track, state.duration)) {
      this.#resumeRequested = true;
      void import('./resume-controller.js').then(({ ResumeController }) => {
        this.resume = new ResumeController(this.#host, this.#playback);
        this.#host.requestUpdate();
      });
    }
  }
}
