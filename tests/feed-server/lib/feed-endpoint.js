'use strict';

const http = require('node:http');
const { EventEmitter } = require('node:events');
const { Server } = require('socket.io');
const { RawArgs, rawEventParser } = require('./raw-event-parser');
const { refusalOf } = require('./admission');
const { report } = require('./report');

const HOST = '127.0.0.1';
const ENGINE_PACKET_TYPES = ['open', 'close', 'ping', 'pong', 'message', 'upgrade', 'noop'];
// A dropped socket lingers until its transport reports the close; this room keeps frames
// (which the client could never receive) from being spent on it meanwhile.
const DROPPED = 'feed-server:dropped';

/**
 * The Socket.IO server on 127.0.0.1 and what can be done to its connections. Emits 'clients'
 * whenever a client connects or disconnects, so the player can wait for one.
 */
class FeedEndpoint extends EventEmitter {
  constructor({ port, admission }) {
    super();
    this.port = port;
    this.admission = admission;
    this.io = null;
    this.httpServer = null;
  }

  get clientCount() {
    return this.sockets.length;
  }

  /** The connected sockets, not counting those dropped but not yet closed. */
  get sockets() {
    if (!this.io) return [];
    return [...this.io.of('/').sockets.values()].filter((socket) => !socket.rooms.has(DROPPED));
  }

  async listen() {
    this.httpServer = http.createServer();
    this.io = new Server(this.httpServer, {
      parser: rawEventParser,
      serveClient: false,
      maxHttpBufferSize: 1e8,
      allowRequest: (request, callback) => this.admit(request, callback),
    });
    this.io.on('connection', (socket) => this.onConnection(socket));
    await new Promise((resolve, reject) => {
      this.httpServer.once('error', reject);
      this.httpServer.listen(this.port, HOST, resolve);
    });
    this.port = this.httpServer.address().port;
    report('listening', { port: this.port });
  }

  admit(request, callback) {
    const refusal = refusalOf(request, this.admission);
    if (refusal) report('refused', { reason: refusal });
    callback(refusal, refusal === null);
  }

  onConnection(socket) {
    report('connected', { sid: socket.id, transport: socket.conn.transport.name });
    socket.on('disconnect', (reason) => {
      report('disconnected', { sid: socket.id, reason });
      this.emit('clients');
    });
    this.emit('clients');
  }

  /** Sends one recorded frame, argument bytes unchanged, to every connected client. */
  emitFrame(frame) {
    this.io.except(DROPPED).emit(frame.event, new RawArgs(frame.argTexts));
  }

  /** True when no connection holds more than maxBufferedBytes not yet handed to the OS. */
  isDrained(maxBufferedBytes) {
    return this.sockets.every((socket) => {
      const conn = socket.conn;
      if (conn.writeBuffer.length > 0) return false;
      const transport = conn.transport;
      return transport.name !== 'websocket' || transport.socket.bufferedAmount <= maxBufferedBytes;
    });
  }

  /** Closes every client's transport abruptly: no close frame, no Socket.IO disconnect packet. */
  drop() {
    for (const socket of this.sockets) {
      socket.join(DROPPED);
      const transport = socket.conn.transport;
      if (transport.name === 'websocket') transport.socket.terminate();
      else socket.conn.close(true);
    }
    this.emit('clients');
  }

  /** Disconnects every client from the server side ("io server disconnect" on the client). */
  kick() {
    for (const socket of this.sockets) socket.disconnect(true);
  }

  /** Writes a raw packet text, e.g. `42garbage`: first digit = Engine.IO packet type, rest = data. */
  sendRaw(text) {
    const type = ENGINE_PACKET_TYPES[Number(text[0])];
    if (type === undefined) throw new Error(`'${text[0]}' is not an Engine.IO packet type`);
    for (const socket of this.sockets) socket.conn.sendPacket(type, text.slice(1));
  }

  /** Emits an event whose only argument is a binary attachment. */
  emitBinary(event) {
    this.io.emit(event, Buffer.from([0x00, 0x01, 0x02, 0xfe, 0xff]));
  }

  /** Emits an event whose only argument is a string of the given number of bytes. */
  emitBig(event, bytes) {
    this.io.emit(event, 'x'.repeat(bytes));
  }

  /**
   * Emits an event whose only argument is a string of the given number of bytes, over WebSocket,
   * as one message cut into `pieces` fragments sent `ms` apart: a frame that takes that long to
   * arrive while bytes keep coming. Engine.IO holds every other packet (frames, pings) until the
   * last fragment is out, as it does while a transport is busy writing.
   */
  async emitSlow(event, bytes, ms, pieces = 20) {
    const text = `42${JSON.stringify([event, 'x'.repeat(bytes)])}`;
    const size = Math.ceil(text.length / pieces);
    await Promise.all(this.sockets.map(async (socket) => {
      const transport = socket.conn.transport;
      if (transport.name !== 'websocket') throw new Error('slow frames need the websocket transport');
      transport.writable = false;
      try {
        for (let at = 0; at < text.length; at += size) {
          const last = at + size >= text.length;
          await new Promise((resolve, reject) => transport.socket.send(
            text.slice(at, at + size), { fin: last, binary: false, compress: false },
            (error) => (error ? reject(error) : resolve())));
          if (!last) await new Promise((resolve) => setTimeout(resolve, ms / (pieces - 1)));
        }
      } finally {
        transport.writable = true;
        transport.emit('drain');
      }
    }));
  }

  /** Closes the server and every connection; the port stays reserved for listen(). */
  async close() {
    if (!this.io) return;
    const { io, httpServer } = this;
    this.io = null;
    this.httpServer = null;
    const closed = io.close();
    httpServer.closeAllConnections();
    await closed;
    this.emit('clients');
  }
}

module.exports = { FeedEndpoint };
