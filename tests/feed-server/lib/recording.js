'use strict';

const fs = require('node:fs');
const readline = require('node:readline');
const { rawMember, rawElements } = require('./raw-json');

/** Microseconds since the epoch from a journal meta_ts: an ISO-8601 UTC text or a number of µs. */
function microsOf(metaTs) {
  if (typeof metaTs === 'number') return metaTs;
  if (typeof metaTs !== 'string') return undefined;
  const millis = Date.parse(metaTs);
  if (Number.isNaN(millis)) return undefined;
  const fraction = /\.(\d+)/.exec(metaTs);
  const subMilliMicros = fraction ? Number(fraction[1].padEnd(6, '0').slice(3, 6)) : 0;
  return millis * 1000 + subMilliMicros;
}

/** One frame to emit: the event name, each argument's raw JSON text, and when it was recorded. */
function frameOf(line) {
  const record = JSON.parse(line);
  if (typeof record.event !== 'string' || !Array.isArray(record.args)) {
    throw new SyntaxError('not a journal record');
  }
  return {
    event: record.event,
    argTexts: rawElements(rawMember(line, 'args')),
    micros: microsOf(record.meta_ts),
  };
}

/**
 * Reads a journal JSONL recording frame by frame. System records (event starting with `$`)
 * and torn lines are skipped; `skipped` counts both, `torn` only the unreadable lines.
 */
class Recording {
  constructor(path) {
    this.path = path;
    this.skipped = 0;
    this.torn = 0;
  }

  /** Reads and parses every frame now, so that playing later only sends them (--preload). */
  async preload() {
    const frames = [];
    for await (const frame of this.read()) frames.push(frame);
    this.loaded = frames;
  }

  async *frames() {
    if (this.loaded) {
      yield* this.loaded;
      return;
    }
    yield* this.read();
  }

  async *read() {
    const lines = readline.createInterface({
      input: fs.createReadStream(this.path, { encoding: 'utf8' }),
      crlfDelay: Infinity,
    });
    for await (const line of lines) {
      if (line.trim() === '') continue;
      let frame;
      try {
        frame = frameOf(line);
      } catch {
        this.torn++;
        this.skipped++;
        continue;
      }
      if (frame.event.startsWith('$')) {
        this.skipped++;
        continue;
      }
      yield frame;
    }
  }
}

module.exports = { Recording };
