'use strict';

// Finds element boundaries in JSON text without re-serializing anything, so the
// bytes between the boundaries are exactly the bytes of the recording.

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);

function skipWhitespace(text, pos) {
  while (pos < text.length && WHITESPACE.has(text[pos])) pos++;
  return pos;
}

function expect(text, pos, char) {
  if (text[pos] !== char) {
    throw new SyntaxError(`expected '${char}' at ${pos}, found '${text[pos] ?? 'end'}'`);
  }
  return pos + 1;
}

/** Returns the index just past the string that starts at pos (text[pos] is the opening quote). */
function endOfString(text, pos) {
  pos = expect(text, pos, '"');
  while (pos < text.length) {
    const char = text[pos];
    if (char === '\\') pos += 2;
    else if (char === '"') return pos + 1;
    else pos++;
  }
  throw new SyntaxError('unterminated string');
}

/** Returns the index just past the object or array that starts at pos. */
function endOfContainer(text, pos) {
  let depth = 0;
  while (pos < text.length) {
    const char = text[pos];
    if (char === '"') {
      pos = endOfString(text, pos);
      continue;
    }
    if (char === '{' || char === '[') depth++;
    else if (char === '}' || char === ']') depth--;
    pos++;
    if (depth === 0) return pos;
  }
  throw new SyntaxError('unterminated object or array');
}

/** Returns the index just past a number, true, false or null that starts at pos. */
function endOfScalar(text, pos) {
  const start = pos;
  while (pos < text.length && !WHITESPACE.has(text[pos]) && !',:]}'.includes(text[pos])) pos++;
  if (pos === start) throw new SyntaxError(`expected a value at ${start}`);
  return pos;
}

/** Returns the index just past the JSON value that starts at pos. */
function endOfValue(text, pos) {
  const char = text[pos];
  if (char === '"') return endOfString(text, pos);
  if (char === '{' || char === '[') return endOfContainer(text, pos);
  return endOfScalar(text, pos);
}

/** The raw text of the value of a top-level member of a JSON object text, or undefined. */
function rawMember(objectText, name) {
  let pos = expect(objectText, skipWhitespace(objectText, 0), '{');
  pos = skipWhitespace(objectText, pos);
  if (objectText[pos] === '}') return undefined;
  for (;;) {
    const keyStart = pos;
    pos = endOfString(objectText, pos);
    const key = JSON.parse(objectText.slice(keyStart, pos));
    pos = skipWhitespace(objectText, expect(objectText, skipWhitespace(objectText, pos), ':'));
    const valueStart = pos;
    pos = endOfValue(objectText, pos);
    if (key === name) return objectText.slice(valueStart, pos);
    pos = skipWhitespace(objectText, pos);
    if (objectText[pos] === '}') return undefined;
    pos = skipWhitespace(objectText, expect(objectText, pos, ','));
  }
}

/** The raw texts of the elements of a JSON array text, each exactly as written. */
function rawElements(arrayText) {
  const elements = [];
  let pos = expect(arrayText, skipWhitespace(arrayText, 0), '[');
  pos = skipWhitespace(arrayText, pos);
  if (arrayText[pos] === ']') return elements;
  for (;;) {
    const start = pos;
    pos = endOfValue(arrayText, pos);
    elements.push(arrayText.slice(start, pos));
    pos = skipWhitespace(arrayText, pos);
    if (arrayText[pos] === ']') return elements;
    pos = skipWhitespace(arrayText, expect(arrayText, pos, ','));
  }
}

module.exports = { rawMember, rawElements };
