'use strict';

const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');
const { Server } = require('socket.io');
const { report } = require('./report');

const HOST = '127.0.0.1';
const ROOT = path.join(__dirname, '..');
const FILES = {
  '/game.html': { file: path.join(ROOT, 'page', 'game.html'), type: 'text/html; charset=utf-8' },
  '/game.js': { file: path.join(ROOT, 'page', 'game.js'), type: 'text/javascript; charset=utf-8' },
  // The real client, from this folder's node_modules (package.json pins socket.io-client).
  '/socket.io-client.js': { file: path.join(ROOT, 'node_modules', 'socket.io-client', 'dist', 'socket.io.min.js'), type: 'text/javascript; charset=utf-8' },
};
const PLAYER = { id: 'did:privy:vectra-test-player', username: 'tëster ✓' };

/**
 * The emulated game: an HTTP server for the page and a Socket.IO server (websocket transport,
 * 1 s pings) whose answers are acknowledgements and player updates, as the real game's are.
 * The gate holds the page's `GET /gate` until opened, so a test decides when the page connects.
 */
class BrowserGame {
  constructor({ port, gateOpen }) {
    this.port = port;
    this.gateOpen = gateOpen;
    this.waiting = [];
  }

  async listen() {
    this.httpServer = http.createServer((request, response) => this.serve(request, response));
    this.io = new Server(this.httpServer, { serveClient: false, pingInterval: 1000, pingTimeout: 5000, transports: ['websocket'] });
    this.io.on('connection', (socket) => this.onConnection(socket));
    await new Promise((resolve, reject) => {
      this.httpServer.once('error', reject);
      this.httpServer.listen(this.port, HOST, resolve);
    });
    this.port = this.httpServer.address().port;
    report('listening', { port: this.port });
  }

  setGate(open) {
    this.gateOpen = open;
    if (open) {
      for (const response of this.waiting.splice(0)) response.end('open');
    }
  }

  serve(request, response) {
    const url = new URL(request.url, `http://${HOST}`);
    if (url.pathname === '/gate') {
      response.writeHead(200, { 'content-type': 'text/plain', 'cache-control': 'no-store' });
      if (this.gateOpen) response.end('open');
      else this.waiting.push(response);
      return;
    }
    const entry = FILES[url.pathname];
    if (!entry) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': entry.type, 'cache-control': 'no-store' });
    fs.createReadStream(entry.file).pipe(response);
  }

  onConnection(socket) {
    const sid = socket.id;
    // Socket.IO messages exactly as they cross the wire (the Engine.IO '4' prefix aside).
    socket.conn.on('packetCreate', (packet) => {
      if (packet.type === 'message') report('frame', { direction: 'sent', sid, data: String(packet.data) });
    });
    socket.conn.on('packet', (packet) => {
      if (packet.type === 'message') report('frame', { direction: 'received', sid, data: String(packet.data) });
    });
    report('connected', { sid });
    socket.on('disconnect', (reason) => report('disconnected', { sid, reason }));

    const state = { cash: 1.5, position: 0, averageCost: 0, pnl: 0, tick: 0, price: 1.0 };
    const update = () => ({
      id: PLAYER.id, cash: state.cash, positionQty: state.position, avgCost: state.averageCost,
      cumulativePnL: state.pnl, totalInvested: state.position * state.averageCost,
    });
    const step = () => {
      state.tick += 1;
      state.price = Math.round(state.price * 1.0375 * 1e6) / 1e6;
      socket.emit('gameStateUpdate', { gameId: '20251212-vectra', tick: state.tick, price: state.price, active: true });
    };

    socket.on('authenticate', (payload, answer) => {
      answer?.({ success: true, player: PLAYER });
      socket.emit('usernameStatus', { id: PLAYER.id, hasUsername: true, username: PLAYER.username });
      socket.emit('playerUpdate', update());
      // A server emit that asks the page for an ack: the page's answer is a sent ack packet.
      socket.emit('sessionCheck', { n: 1, note: 'ping from the game' }, () => {});
    });
    socket.on('buyOrder', (payload, answer) => {
      step();
      const amount = Number(payload?.amount ?? 0);
      const qty = amount / state.price;
      state.averageCost = (state.averageCost * state.position + amount) / (state.position + qty);
      state.position += qty;
      state.cash -= amount;
      answer?.({ success: true, executedPrice: state.price, tick: state.tick, qty });
      socket.emit('standard/newTrade', { playerId: PLAYER.id, type: 'buy', tickIndex: state.tick, price: state.price, qty });
      socket.emit('playerUpdate', update());
    });
    socket.on('sellOrder', (payload, answer) => {
      step();
      const qty = state.position * Number(payload?.percentage ?? 100) / 100;
      state.pnl += qty * (state.price - state.averageCost);
      state.position -= qty;
      state.cash += qty * state.price;
      answer?.({ success: true, executedPrice: state.price, tick: state.tick, qty });
      socket.emit('standard/newTrade', { playerId: PLAYER.id, type: 'sell', tickIndex: state.tick, price: state.price, qty });
      socket.emit('playerUpdate', update());
    });
    socket.on('requestSidebet', (payload, answer) => {
      if (Number(payload?.amount) > state.cash) {
        answer?.({ success: false, reason: 'insufficient balance' });
        return;
      }
      state.cash -= Number(payload.amount);
      answer?.({ success: true, startTick: state.tick, endTick: state.tick + 40, amount: payload.amount });
      socket.emit('currentSidebet', { playerId: PLAYER.id, startedAtTick: state.tick, betAmount: payload.amount });
    });
    socket.on('done', (payload) => report('pageDone', { sid, round: payload?.round ?? null }));
  }
}

module.exports = { BrowserGame };
