'use strict';

// A looped recording (--loop) must not repeat itself: the capture's projections key games by
// their id and trades by theirs, so a second pass with the same ids would only be duplicates.
// Each pass after the first rewrites, in every argument text, the first four hex digits of every
// quoted game id ("YYYYMMDD-" and 16 hex digits) and of every quoted UUID (trade ids) to the
// pass number. The texts keep their length and stay valid JSON; pass 0 is the recording as is.
// Games of a later pass fail the provably-fair check (the seed was drawn for the original id).

const ID_PATTERN = /"(?:\d{8}-[0-9a-f]{16}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})"/g;
const GAME_ID_QUOTED = 27;
const DIGITS = 4;
const MAX_PASS = 16 ** DIGITS - 1;

/** Where the digits to rewrite start in `text`: one offset per quoted game id or UUID. */
function idOffsets(text) {
  const offsets = [];
  for (const match of text.matchAll(ID_PATTERN)) {
    // Game ids (27 characters with their quotes) keep their date and dash; UUIDs start with their hex digits.
    offsets.push(match.index + (match[0].length === GAME_ID_QUOTED ? 10 : 1));
  }
  return offsets;
}

/** `text` with the digits at `offsets` set to `pass` in hex. */
function withPass(text, offsets, pass) {
  if (offsets.length === 0 || pass === 0) return text;
  if (pass > MAX_PASS) throw new Error(`--loop supports ${MAX_PASS} passes`);
  const digits = pass.toString(16).padStart(DIGITS, '0');
  let result = '';
  let from = 0;
  for (const at of offsets) {
    result += text.slice(from, at) + digits;
    from = at + DIGITS;
  }
  return result + text.slice(from);
}

/** The frame as pass `pass` of the loop sends it; the offsets are found once per frame. */
function frameForPass(frame, pass) {
  if (pass === 0) return frame;
  frame.idOffsets ??= frame.argTexts.map(idOffsets);
  return { ...frame, argTexts: frame.argTexts.map((text, i) => withPass(text, frame.idOffsets[i], pass)) };
}

module.exports = { idOffsets, withPass, frameForPass };
