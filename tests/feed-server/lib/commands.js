'use strict';

const readline = require('node:readline');
const { report } = require('./report');

function millisOf(text) {
  const ms = Number(text);
  if (!Number.isFinite(ms) || ms < 0) throw new Error(`bad milliseconds '${text}'`);
  return ms;
}

/** Runs one stdin command line against the player and the endpoint. */
async function runCommand(line, { player, endpoint, quit }) {
  const [name, ...rest] = line.trim().split(' ');
  const argument = rest.join(' ');
  switch (name) {
    case '': return;
    case 'drop': case 'kick': await player.perform(name); break;
    case 'stall': case 'stop': await player.perform(name, millisOf(argument)); break;
    case 'pause': player.setPaused(true); break;
    case 'resume': player.setPaused(false); break;
    case 'raw': endpoint.sendRaw(argument); break;
    case 'binary': endpoint.emitBinary(rest[0] ?? 'binary'); break;
    case 'big': endpoint.emitBig(rest[0], Number(rest[1])); break;
    case 'slow': await endpoint.emitSlow(rest[0], Number(rest[1]), millisOf(rest[2])); break;
    case 'status':
      report('status', {
        emitted: player.emitted,
        skipped: player.recording.skipped,
        clients: endpoint.clientCount,
        paused: player.paused,
        stopped: player.stopped,
        done: player.done,
        port: endpoint.port,
      });
      return;
    case 'quit': await quit(); return;
    default: throw new Error(`unknown command '${name}'`);
  }
  report('ok', { command: name });
}

/** Reads commands from stdin, one per line; a bad command is reported, never fatal. */
function listenForCommands(context) {
  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  lines.on('line', (line) => {
    runCommand(line, context).catch((error) => report('error', { command: line, message: error.message }));
  });
  lines.on('close', () => context.quit());
}

module.exports = { listenForCommands };
