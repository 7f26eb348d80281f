'use strict';

const USAGE = `usage: node server.js --recording FILE.jsonl [--port 0] [--speed X|max] [--steady] [--preload] [--loop]
  [--drop-at N,N…] [--kick-at N,N…] [--stall-at N:MS,…] [--stop-at N:MS,…]
  [--origin-required ORIGIN] [--query-required KEY=VALUE]
Frame actions happen right after frame N has been emitted and flushed.
--preload reads and parses the whole recording before listening, so playing only sends.
--loop plays the recording again and again until quit, each pass after the first with fresh game and trade ids.
--steady keeps the recorded pace from the first frame on, so timer delays do not add up over many short gaps.`;

function frameNumbers(text) {
  return text.split(',').map((part) => {
    const number = Number(part);
    if (!Number.isSafeInteger(number) || number < 1) throw new Error(`bad frame number '${part}'`);
    return number;
  });
}

function framesWithMillis(text) {
  return text.split(',').map((part) => {
    const [frame, ms] = part.split(':');
    const [number] = frameNumbers(frame);
    const millis = Number(ms);
    if (!Number.isFinite(millis) || millis < 0) throw new Error(`bad milliseconds in '${part}'`);
    return { frame: number, ms: millis };
  });
}

function speedOf(text) {
  if (text === 'max') return 'max';
  const speed = Number(text);
  if (!(speed > 0)) throw new Error(`bad speed '${text}'`);
  return speed;
}

function keyValueOf(text) {
  const at = text.indexOf('=');
  if (at < 1) throw new Error(`expected KEY=VALUE, got '${text}'`);
  return { key: text.slice(0, at), value: text.slice(at + 1) };
}

/** Parses the command line into the server's settings and its frame-numbered actions. */
function parseOptions(argv) {
  const options = { port: 0, speed: 1, actions: [], admission: {}, preload: false, steady: false, loop: false };
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${name} needs a value`);
      return argv[++i];
    };
    switch (name) {
      case '--recording': options.recording = value(); break;
      case '--port': options.port = Number(value()); break;
      case '--speed': options.speed = speedOf(value()); break;
      case '--preload': options.preload = true; break;
      case '--steady': options.steady = true; break;
      case '--loop': options.loop = true; break;
      case '--drop-at': for (const frame of frameNumbers(value())) options.actions.push({ frame, kind: 'drop' }); break;
      case '--kick-at': for (const frame of frameNumbers(value())) options.actions.push({ frame, kind: 'kick' }); break;
      case '--stall-at': for (const at of framesWithMillis(value())) options.actions.push({ ...at, kind: 'stall' }); break;
      case '--stop-at': for (const at of framesWithMillis(value())) options.actions.push({ ...at, kind: 'stop' }); break;
      case '--origin-required': options.admission.originRequired = value(); break;
      case '--query-required': options.admission.queryRequired = keyValueOf(value()); break;
      case '--help': throw new Error(USAGE);
      default:
        if (name.startsWith('--') || options.recording) throw new Error(`unknown argument '${name}'\n${USAGE}`);
        options.recording = name;
    }
  }
  if (!options.recording) throw new Error(`a recording is required\n${USAGE}`);
  if (!Number.isInteger(options.port) || options.port < 0) throw new Error('bad --port');
  return options;
}

module.exports = { parseOptions };
