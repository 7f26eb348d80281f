'use strict';

// A game page for browser captures (vectra capture --cdp): serves page/game.html, which runs the
// real socket.io-client from node_modules, and a Socket.IO server that emulates the game's
// authenticated side (authenticate, buyOrder, sellOrder, requestSidebet, each acknowledged).
// Every Socket.IO message it sends or receives is reported on stdout byte for byte, so a test can
// compare a capture with what really went over the wire. See README.md "Browser game page".

const { parseBrowserOptions } = require('./lib/browser-options');
const { BrowserGame } = require('./lib/browser-game');
const { report } = require('./lib/report');
const readline = require('node:readline');

async function main() {
  let options;
  try {
    options = parseBrowserOptions(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  const game = new BrowserGame(options);
  await game.listen();
  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  lines.on('line', (line) => {
    const command = line.trim();
    if (command === '') return;
    if (command === 'gate open' || command === 'gate close') {
      game.setGate(command === 'gate open');
    } else if (command === 'quit') {
      process.exit(0);
    } else {
      report('error', { command, message: `unknown command '${command}'` });
      return;
    }
    report('ok', { command });
  });
  lines.on('close', () => process.exit(0));
}

main().catch((error) => {
  report('error', { message: error.message });
  process.exit(3);
});
