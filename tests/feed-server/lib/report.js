'use strict';

/**
 * Writes one JSON object per line on stdout: the feed server's machine-readable reports. `at` is
 * when it happened (µs since the epoch, millisecond precision), so a test can compare it with the
 * meta_ts a capture journaled on the same machine.
 */
function report(type, fields = {}) {
  process.stdout.write(`${JSON.stringify({ type, ...fields, at: Date.now() * 1000 })}\n`);
}

module.exports = { report };
