'use strict';

/** Writes one JSON object per line on stdout: the feed server's machine-readable reports. */
function report(type, fields = {}) {
  process.stdout.write(`${JSON.stringify({ type, ...fields })}\n`);
}

module.exports = { report };
