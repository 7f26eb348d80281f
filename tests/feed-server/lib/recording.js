'use strict';

const fs = require('node:fs');
const { StringDecoder } = require('node:string_decoder');
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
    const file = await fs.promises.open(this.path, 'r');
    try {
      yield* this.framesOf(linesOf(file));
    } finally {
      await file.close();
    }
  }

  async *framesOf(lines) {
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

// The player may wait a long time between two frames (no client connected), so lines are pulled
// from the file only when asked for, with nothing event-driven in between: readline's iterator
// pauses and resumes its input around such waits, and a capture test once saw a connected client
// get pings but no frame for a minute, with that iterator the only state the player waits on.
const CHUNK_BYTES = 1 << 20;

/** Yields the file's lines (without `\n` or `\r\n`), reading one chunk at a time on demand. */
async function* linesOf(file) {
  const chunk = Buffer.alloc(CHUNK_BYTES);
  const decoder = new StringDecoder('utf8');
  let pending = '';
  for (;;) {
    const { bytesRead } = await file.read(chunk, 0, chunk.length, null);
    if (bytesRead === 0) break;
    pending += decoder.write(chunk.subarray(0, bytesRead));
    let start = 0;
    for (let end = pending.indexOf('\n'); end >= 0; end = pending.indexOf('\n', start)) {
      yield withoutCarriageReturn(pending.slice(start, end));
      start = end + 1;
    }
    pending = pending.slice(start);
  }
  pending += decoder.end();
  if (pending.length > 0) yield withoutCarriageReturn(pending);
}

function withoutCarriageReturn(line) {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}

module.exports = { Recording, linesOf };
