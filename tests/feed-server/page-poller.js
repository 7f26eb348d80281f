'use strict';

// Bench tool: a dashboard viewer in its own process, as a browser is. Requests every page once (not counted: the
// dashboard's first views pay for JIT compilation), reports {"type":"ready"}, then requests every page in turn once
// per interval, reading each body to the last byte and keeping none, and reports {"type":"round"} after each round.
// On "stop" (or the end of stdin) it finishes the request under way and reports
// {"type":"figures","rounds":N,"statuses":{"200":N,…},"ms":[…]} (each request's time to its last byte), then exits.
// Usage: node page-poller.js --base http://127.0.0.1:PORT [--interval-ms 1000] --page / --page /games …

const http = require('node:http');
const readline = require('node:readline');

function parse(argv) {
  const options = { base: null, intervalMs: 1000, pages: [] };
  for (let i = 0; i < argv.length; i += 2) {
    const [name, value] = [argv[i], argv[i + 1]];
    if (value === undefined) throw new Error(`${name} needs a value`);
    if (name === '--base') options.base = new URL(value);
    else if (name === '--interval-ms') options.intervalMs = Number(value);
    else if (name === '--page') options.pages.push(value);
    else throw new Error(`unknown option ${name}`);
  }
  if (!options.base || options.pages.length === 0 || !(options.intervalMs > 0)) {
    throw new Error('usage: node page-poller.js --base URL [--interval-ms N] --page PATH [--page PATH …]');
  }
  return options;
}

function report(type, fields = {}) {
  process.stdout.write(`${JSON.stringify({ type, ...fields })}\n`);
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

function request(base, path) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const req = http.get(new URL(path, base), { agent, timeout: 30_000 }, (res) => {
      res.on('data', () => {});
      res.on('end', () => resolve({ status: res.statusCode, ms: Number(process.hrtime.bigint() - started) / 1e6 }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`${path}: no answer in 30 s`)));
    req.on('error', reject);
  });
}

async function main() {
  let options;
  try {
    options = parse(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  let stopping = false;
  const stopped = new Promise((resolve) => {
    const input = readline.createInterface({ input: process.stdin });
    input.on('line', (line) => {
      if (line.trim() === 'stop') resolve();
    });
    input.on('close', resolve);
  }).then(() => {
    stopping = true;
  });

  for (const page of options.pages) await request(options.base, page);
  report('ready');

  const statuses = {};
  const ms = [];
  let rounds = 0;
  while (!stopping) {
    const roundStarted = Date.now();
    for (const page of options.pages) {
      if (stopping) break;
      const answer = await request(options.base, page);
      statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
      ms.push(Math.round(answer.ms * 1000) / 1000);
    }
    if (stopping) break;
    rounds += 1;
    report('round', { rounds });
    const wait = Math.max(0, options.intervalMs - (Date.now() - roundStarted));
    await Promise.race([stopped, new Promise((resolve) => setTimeout(resolve, wait))]);
  }
  report('figures', { rounds, statuses, ms });
  agent.destroy();
  process.exit(0);
}

main().catch((error) => {
  report('error', { message: error.message });
  process.exit(3);
});
