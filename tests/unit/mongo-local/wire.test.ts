// Framing of the requests the driver sends, including the variants the
// driver exercises rarely (checksums, the $query wrapper, split messages).
import { BSON, type Document } from 'bson';
import { describe, expect, it } from 'vitest';
import {
  OP_MSG,
  OP_QUERY,
  OP_REPLY,
  encodeLegacyReply,
  encodeMsgReply,
  nextMessageLength,
  parseRequest,
} from '../../../tools/mongo-local/wire';

function frame(opCode: number, body: Buffer, requestId = 7): Buffer {
  const header = Buffer.alloc(16);
  header.writeInt32LE(16 + body.length, 0);
  header.writeInt32LE(requestId, 4);
  header.writeInt32LE(opCode, 12);
  return Buffer.concat([header, body]);
}

const bson = (doc: Document) => Buffer.from(BSON.serialize(doc));
const int32 = (value: number) => {
  const buffer = Buffer.alloc(4);
  buffer.writeInt32LE(value);
  return buffer;
};

function opMsg(body: Document, sequences: Array<[string, Document[]]> = [], flags = 0): Buffer {
  const sections = [Buffer.from([0]), bson(body)];
  for (const [name, docs] of sequences) {
    const payload = Buffer.concat([Buffer.from(`${name}\0`), ...docs.map(bson)]);
    sections.push(Buffer.from([1]), int32(4 + payload.length), payload);
  }
  const checksum = flags & 1 ? [int32(0)] : [];
  return frame(OP_MSG, Buffer.concat([int32(flags), ...sections, ...checksum]));
}

describe('OP_MSG', () => {
  it('folds kind-1 document sequences into the command body', () => {
    const request = parseRequest(opMsg({ insert: 'things', $db: 'app' }, [['documents', [{ a: 1 }, { a: 2 }]]]));
    expect(request).toMatchObject({
      kind: 'msg',
      command: { insert: 'things', $db: 'app', documents: [{ a: 1 }, { a: 2 }] },
      moreToCome: false,
    });
  });

  it('ignores a trailing checksum and reports moreToCome', () => {
    const request = parseRequest(opMsg({ ping: 1, $db: 'admin' }, [], 0b11));
    expect(request).toMatchObject({ kind: 'msg', command: { ping: 1 }, moreToCome: true });
  });

  it('answers with an OP_MSG that points back at the request', () => {
    const reply = encodeMsgReply(7, { ok: 1 });
    expect([reply.readInt32LE(0), reply.readInt32LE(8), reply.readInt32LE(12)]).toEqual([reply.length, 7, OP_MSG]);
    expect(BSON.deserialize(reply.subarray(21))).toEqual({ ok: 1 });
  });
});

describe('OP_QUERY handshake', () => {
  const query = (doc: Document) =>
    frame(OP_QUERY, Buffer.concat([int32(0), Buffer.from('admin.$cmd\0'), int32(0), int32(-1), bson(doc)]));

  it('reads the command and its namespace', () => {
    expect(parseRequest(query({ ismaster: 1, helloOk: true }))).toMatchObject({
      kind: 'query',
      collection: 'admin.$cmd',
      command: { ismaster: 1, helloOk: true },
    });
  });

  it('unwraps a command sent as { $query: … }', () => {
    expect(parseRequest(query({ $query: { ismaster: 1 }, $readPreference: { mode: 'primary' } }))).toMatchObject({
      command: { ismaster: 1 },
    });
  });

  it('answers with an OP_REPLY holding one document', () => {
    const reply = encodeLegacyReply(9, { ismaster: true, ok: 1 });
    expect([reply.readInt32LE(8), reply.readInt32LE(12), reply.readInt32LE(32)]).toEqual([9, OP_REPLY, 1]);
    expect(BSON.deserialize(reply.subarray(36))).toEqual({ ismaster: true, ok: 1 });
  });
});

describe('framing', () => {
  it('waits until a whole message has arrived', () => {
    const message = opMsg({ ping: 1, $db: 'admin' });
    expect(nextMessageLength(message.subarray(0, 3), 1 << 20)).toBe(0);
    expect(nextMessageLength(message.subarray(0, message.length - 1), 1 << 20)).toBe(0);
    expect(nextMessageLength(Buffer.concat([message, message]), 1 << 20)).toBe(message.length);
  });

  it('rejects a length that cannot be a message', () => {
    expect(() => nextMessageLength(int32(3), 1 << 20)).toThrow(/invalid message length/);
    expect(() => nextMessageLength(int32(1 << 21), 1 << 20)).toThrow(/invalid message length/);
  });
});
