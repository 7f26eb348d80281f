'use strict';

// The player's side, as the real game page would run it: connect with socket.io-client over
// websocket, authenticate, place orders and a sidebet, each waiting for the server's ack.
// Query: ?orders=N (buy/sell pairs, default 3) & rounds=R (reload the page until R rounds ran).
(async () => {
  const params = new URLSearchParams(location.search);
  const orders = Number(params.get('orders') ?? '3');
  const rounds = Number(params.get('rounds') ?? '1');
  const status = (text) => { document.getElementById('status').textContent = text; };
  await fetch('/gate', { cache: 'no-store' });
  status('connecting');
  const socket = io({ transports: ['websocket'], reconnection: false });
  socket.on('sessionCheck', (payload, answer) => answer({ ok: true, seen: payload.n }));
  await new Promise((resolve) => socket.once('connect', resolve));
  await socket.emitWithAck('authenticate', { token: 'vectra-test-token', client: 'héllo ✓' });
  for (let i = 1; i <= orders; i++) {
    await socket.emitWithAck('buyOrder', { amount: 0.001 * i, tickIndex: i });
    await socket.emitWithAck('sellOrder', { percentage: 50 });
  }
  await socket.emitWithAck('requestSidebet', { amount: 0.01, target: 10 });
  await socket.emitWithAck('requestSidebet', { amount: 99, target: 10 });
  const round = Number(sessionStorage.getItem('vectra-round') ?? '0') + 1;
  sessionStorage.setItem('vectra-round', String(round));
  socket.emit('done', { round });
  status(`round ${round} done`);
  if (round < rounds) {
    // Let the 'done' frame leave before the page goes.
    setTimeout(() => location.reload(), 200);
  }
})();
