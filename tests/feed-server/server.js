'use strict';

// Serves a Vectra journal recording (JSONL) over a real Socket.IO server on 127.0.0.1, each
// frame with its event name and every argument byte-identical to the recording. Reports on
// stdout (one JSON object per line), takes commands on stdin. See README.md.

const { parseOptions } = require('./lib/options');
const { Recording } = require('./lib/recording');
const { FeedEndpoint } = require('./lib/feed-endpoint');
const { Player } = require('./lib/player');
const { listenForCommands } = require('./lib/commands');
const { report } = require('./lib/report');

async function main() {
  let options;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  const recording = new Recording(options.recording);
  if (options.preload) await recording.preload();
  const endpoint = new FeedEndpoint({ port: options.port, admission: options.admission });
  const player = new Player({
    recording,
    endpoint,
    speed: options.speed,
    steady: options.steady,
    loop: options.loop,
    actions: options.actions,
  });
  const quit = async () => {
    await endpoint.close();
    process.exit(0);
  };
  await endpoint.listen();
  listenForCommands({ player, endpoint, quit });
  await player.play();
}

main().catch((error) => {
  report('error', { message: error.message });
  process.exit(3);
});
