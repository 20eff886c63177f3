// MongoDB wire protocol framing: the two request kinds the driver sends
// (OP_MSG, and legacy OP_QUERY for the first handshake) and their replies.
// Layouts: https://www.mongodb.com/docs/manual/reference/mongodb-wire-protocol/
import { BSON, type Document } from 'bson';

export const OP_REPLY = 1;
export const OP_QUERY = 2004;
export const OP_COMPRESSED = 2012;
export const OP_MSG = 2013;

const HEADER_SIZE = 16;
const CHECKSUM_PRESENT = 1 << 0;
const MORE_TO_COME = 1 << 1;

export type Header = { length: number; requestId: number; responseTo: number; opCode: number };

export type Request =
  | { kind: 'msg'; header: Header; command: Document; moreToCome: boolean }
  | { kind: 'query'; header: Header; collection: string; command: Document }
  | { kind: 'unsupported'; header: Header };

export class WireError extends Error {}

/** Length of the next complete message in `buffer`, or 0 if more bytes are needed. */
export function nextMessageLength(buffer: Buffer, maxMessageSize: number): number {
  if (buffer.length < 4) return 0;
  const length = buffer.readInt32LE(0);
  if (length < HEADER_SIZE || length > maxMessageSize) {
    throw new WireError(`invalid message length ${length}`);
  }
  return buffer.length >= length ? length : 0;
}

export function parseRequest(message: Buffer): Request {
  const header: Header = {
    length: message.readInt32LE(0),
    requestId: message.readInt32LE(4),
    responseTo: message.readInt32LE(8),
    opCode: message.readInt32LE(12),
  };
  if (header.opCode === OP_MSG) return parseMsg(header, message);
  if (header.opCode === OP_QUERY) return parseQuery(header, message);
  return { kind: 'unsupported', header };
}

function readDocument(message: Buffer, offset: number): { doc: Document; end: number } {
  const size = message.readInt32LE(offset);
  const end = offset + size;
  if (size < 5 || end > message.length) throw new WireError('truncated BSON document');
  return { doc: BSON.deserialize(message.subarray(offset, end)), end };
}

function readCString(message: Buffer, offset: number): { value: string; end: number } {
  const nul = message.indexOf(0, offset);
  if (nul < 0) throw new WireError('unterminated cstring');
  return { value: message.toString('utf8', offset, nul), end: nul + 1 };
}

// OP_MSG: flagBits, then sections. Kind 0 is the command body; kind 1 is a
// document sequence (the driver sends `documents`/`updates`/`deletes` this way)
// which is folded back into the body as an array field of that name.
function parseMsg(header: Header, message: Buffer): Request {
  const flags = message.readUInt32LE(HEADER_SIZE);
  const end = flags & CHECKSUM_PRESENT ? message.length - 4 : message.length;
  let offset = HEADER_SIZE + 4;
  let body: Document | undefined;
  const sequences: Array<[string, Document[]]> = [];
  while (offset < end) {
    const kind = message.readUInt8(offset);
    offset += 1;
    if (kind === 0) {
      const read = readDocument(message, offset);
      body = read.doc;
      offset = read.end;
    } else if (kind === 1) {
      const sectionEnd = offset + message.readInt32LE(offset);
      const id = readCString(message, offset + 4);
      const docs: Document[] = [];
      let cursor = id.end;
      while (cursor < sectionEnd) {
        const read = readDocument(message, cursor);
        docs.push(read.doc);
        cursor = read.end;
      }
      sequences.push([id.value, docs]);
      offset = sectionEnd;
    } else {
      throw new WireError(`unknown OP_MSG section kind ${kind}`);
    }
  }
  if (!body) throw new WireError('OP_MSG without a body section');
  for (const [name, docs] of sequences) body[name] = docs;
  return { kind: 'msg', header, command: body, moreToCome: (flags & MORE_TO_COME) !== 0 };
}

// OP_QUERY: flags, fullCollectionName, numberToSkip, numberToReturn, query.
// Only `<db>.$cmd` queries are meaningful today (the handshake).
function parseQuery(header: Header, message: Buffer): Request {
  const name = readCString(message, HEADER_SIZE + 4);
  const { doc } = readDocument(message, name.end + 8);
  // Old drivers wrap the command as { $query: {...}, $readPreference: ... }.
  const command = (doc.$query as Document | undefined) ?? doc;
  return { kind: 'query', header, collection: name.value, command };
}

let nextRequestId = 1;

function header(length: number, responseTo: number, opCode: number): Buffer {
  const buffer = Buffer.alloc(HEADER_SIZE);
  buffer.writeInt32LE(length, 0);
  buffer.writeInt32LE(nextRequestId++ & 0x7fffffff, 4);
  buffer.writeInt32LE(responseTo, 8);
  buffer.writeInt32LE(opCode, 12);
  return buffer;
}

export function encodeMsgReply(responseTo: number, body: Document): Buffer {
  const doc = BSON.serialize(body);
  const prefix = Buffer.alloc(5); // flagBits (0) + section kind 0
  return Buffer.concat([header(HEADER_SIZE + prefix.length + doc.length, responseTo, OP_MSG), prefix, doc]);
}

export function encodeLegacyReply(responseTo: number, body: Document): Buffer {
  const doc = BSON.serialize(body);
  // responseFlags, cursorID (int64 0), startingFrom, numberReturned (1)
  const fields = Buffer.alloc(20);
  fields.writeInt32LE(1, 16);
  return Buffer.concat([header(HEADER_SIZE + fields.length + doc.length, responseTo, OP_REPLY), fields, doc]);
}
