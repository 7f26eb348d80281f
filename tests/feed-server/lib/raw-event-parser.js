'use strict';

const parser = require('socket.io-parser');

/**
 * The arguments of one recorded frame as raw JSON texts. Emitted as the only argument of an
 * event, it tells RawEventEncoder to write the texts unchanged instead of JSON.stringify-ing.
 */
class RawArgs {
  constructor(argTexts) {
    this.argTexts = argTexts;
  }
}

/**
 * A socket.io-parser Encoder that writes recorded frames byte for byte: packet type 2 (EVENT)
 * in the default namespace followed by `[<event name>,<raw arg 1>,...]`. Everything else
 * (connect, disconnect, binary events, ordinary emits) is encoded by the standard encoder.
 */
class RawEventEncoder extends parser.Encoder {
  encode(packet) {
    if (isRawEvent(packet)) {
      const [event, rawArgs] = packet.data;
      const elements = [JSON.stringify(event), ...rawArgs.argTexts];
      return [`${parser.PacketType.EVENT}[${elements.join(',')}]`];
    }
    return super.encode(packet);
  }
}

function isRawEvent(packet) {
  return packet.type === parser.PacketType.EVENT
    && (packet.nsp === undefined || packet.nsp === '/')
    && packet.id === undefined
    && Array.isArray(packet.data)
    && packet.data.length === 2
    && packet.data[1] instanceof RawArgs;
}

/** The `parser` option of the Socket.IO Server: raw event encoding, standard decoding. */
const rawEventParser = {
  protocol: parser.protocol,
  PacketType: parser.PacketType,
  Encoder: RawEventEncoder,
  Decoder: parser.Decoder,
};

module.exports = { RawArgs, rawEventParser };
