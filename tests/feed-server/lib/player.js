'use strict';

const { EventEmitter, once } = require('node:events');
const { setTimeout: delay } = require('node:timers/promises');
const { report } = require('./report');
const { frameForPass } = require('./fresh-ids');

const PROGRESS_EVERY = 1000;
// At --speed max, frames go out in batches; between batches the player waits until each
// connection has handed its data to the OS (bounded memory) and lets other I/O run.
const MAX_SPEED_BATCH = 200;
const MAX_BUFFERED_BYTES = 1 << 20;

/**
 * Plays a recording into the endpoint: at recorded pace × speed or as fast as possible, only
 * while a client is connected, never re-sending a frame. Frame actions (drop, kick, stall,
 * stop) run right after their frame has been emitted and flushed.
 */
class Player extends EventEmitter {
  constructor({ recording, endpoint, speed, actions, steady = false, loop = false }) {
    super();
    this.recording = recording;
    this.endpoint = endpoint;
    this.speed = speed;
    this.actionsByFrame = groupByFrame(actions);
    this.emitted = 0;
    this.done = false;
    this.paused = false;
    this.stopped = false;
    this.stallUntil = 0;
    this.lastEmit = null;
    // --steady: frames are due at their recorded offset from this frame (the first, or the first after a wait).
    this.steady = steady;
    this.anchor = null;
    // --loop: play the recording again and again, each pass with fresh ids (fresh-ids.js), until quit.
    this.loop = loop;
    this.pass = 0;
    endpoint.on('clients', () => this.wake());
  }

  wake() {
    this.emit('wake');
  }

  async play() {
    do {
      if (this.loop) report('pass', { pass: this.pass, emitted: this.emitted });
      await this.playPass();
      this.pass++;
    } while (this.loop);
    this.done = true;
    report('done', { emitted: this.emitted, skipped: this.recording.skipped, torn: this.recording.torn });
  }

  async playPass() {
    for await (const frame of this.recording.frames()) {
      await this.waitUntilAllowed();
      if (this.speed !== 'max') await this.waitForRecordedPace(frame);
      this.endpoint.emitFrame(frameForPass(frame, this.pass));
      this.emitted++;
      this.lastEmit = { at: performance.now(), micros: frame.micros };
      if (this.steady) this.anchor ??= this.lastEmit;
      if (this.emitted % PROGRESS_EVERY === 0) report('progress', { emitted: this.emitted });
      if (this.speed === 'max' && this.emitted % MAX_SPEED_BATCH === 0) await this.waitForDrain(MAX_BUFFERED_BYTES);
      await this.runActionsAt(this.emitted);
    }
  }

  async waitUntilAllowed() {
    for (;;) {
      const stallLeft = this.stallUntil - Date.now();
      if (stallLeft > 0) await delay(stallLeft);
      else if (this.paused || this.stopped || this.endpoint.clientCount === 0) await once(this, 'wake');
      else return;
      this.anchor = null; // after a wait the pace starts again, without a burst to catch up
    }
  }

  async waitForRecordedPace(frame) {
    if (!this.lastEmit || frame.micros === undefined || this.lastEmit.micros === undefined) return;
    const from = this.anchor?.micros !== undefined ? this.anchor : this.lastEmit;
    const gapMs = Math.max(0, frame.micros - from.micros) / 1000 / this.speed;
    const dueIn = from.at + gapMs - performance.now();
    if (dueIn > 0) await delay(dueIn);
    await this.waitUntilAllowed();
  }

  async waitForDrain(maxBufferedBytes) {
    await new Promise(setImmediate);
    while (!this.endpoint.isDrained(maxBufferedBytes)) await delay(1);
  }

  async runActionsAt(frameNumber) {
    const actions = this.actionsByFrame.get(frameNumber);
    if (!actions) return;
    await this.waitForDrain(0);
    for (const action of actions) {
      report('action', { frame: frameNumber, kind: action.kind, ms: action.ms });
      await this.perform(action.kind, action.ms);
    }
  }

  /** Runs drop, kick, stall or stop now; used by frame actions and stdin commands alike. */
  async perform(kind, ms) {
    switch (kind) {
      case 'drop': this.endpoint.drop(); break;
      case 'kick': this.endpoint.kick(); break;
      case 'stall': this.stallUntil = Date.now() + ms; break;
      case 'stop': await this.stopFor(ms); break;
      default: throw new Error(`unknown action '${kind}'`);
    }
  }

  async stopFor(ms) {
    this.stopped = true;
    await this.endpoint.close();
    setTimeout(() => this.listenAgain(), ms);
  }

  async listenAgain() {
    try {
      await this.endpoint.listen();
    } catch (error) {
      report('error', { message: `could not listen again: ${error.message}` });
      process.exit(3);
    }
    this.stopped = false;
    this.wake();
  }

  setPaused(paused) {
    this.paused = paused;
    this.wake();
  }
}

function groupByFrame(actions) {
  const byFrame = new Map();
  for (const action of actions) {
    if (!byFrame.has(action.frame)) byFrame.set(action.frame, []);
    byFrame.get(action.frame).push(action);
  }
  return byFrame;
}

module.exports = { Player };
