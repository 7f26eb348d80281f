'use strict';

/** Options of browser-server.js: `--port P` (0 picks a free one), `--gate-open` (the page may connect at once). */
function parseBrowserOptions(argv) {
  const options = { port: 0, gateOpen: false };
  for (let i = 0; i < argv.length; i++) {
    switch (argv[i]) {
      case '--port': {
        const port = Number(argv[++i]);
        if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port ${argv[i]}: give 0-65535`);
        options.port = port;
        break;
      }
      case '--gate-open': options.gateOpen = true; break;
      default: throw new Error(`unknown option '${argv[i]}'; usage: node browser-server.js [--port P] [--gate-open]`);
    }
  }
  return options;
}

module.exports = { parseBrowserOptions };
