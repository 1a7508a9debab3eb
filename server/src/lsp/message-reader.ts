// The server's reader of LSP's base protocol over a byte stream: a header ("Content-Length: N",
// and what else the client sends, ended by an empty line), then N bytes of JSON. Each body is
// read into one buffer of exactly its size (the library's reader keeps the chunks and then
// concatenates them), decoded once, and its bytes are handed back before the JSON is parsed: a
// 200 MB didOpen costs its bytes, then its text, then the document's text, never all at once
// with a second copy of the bytes.

import { isAscii } from 'node:buffer';
import type { EventEmitter } from 'node:events';
import { AbstractMessageReader, Disposable } from 'vscode-languageserver/node';
import type { DataCallback, Message, MessageReader } from 'vscode-languageserver/node';
import { freeableBuffer } from '../core/line-bytes';
import type { FreeableBuffer } from '../core/line-bytes';

const HEADER_END = Buffer.from('\r\n\r\n', 'latin1');
/**
 * The largest Content-Length taken: 1 GiB, far above any message an editor sends (VS Code hands
 * over documents up to 50 MB; a 200 MB file escaped as JSON stays well under it). A larger one
 * is a framing error: waiting for its body would leave the server alive and deaf for good.
 */
export const MAX_CONTENT_LENGTH = 1 << 30;
/** LSP's header holds one or two short fields: past this, the input is not LSP messages. */
const MAX_HEADER_BYTES = 1 << 16;
const EMPTY = Buffer.alloc(0);

export class ContentLengthReader extends AbstractMessageReader implements MessageReader {
  /** The header read so far (a copy: the chunks are not kept). */
  private header: Buffer = EMPTY;
  /** The body being read, of exactly its Content-Length. */
  private body: FreeableBuffer | undefined;
  private filled = 0;
  private failed = false;
  private closed = false;
  private callback: DataCallback | undefined;
  /** Buffers allocated for bodies so far, and the largest: one per message, of its size. */
  readonly stats = { bodies: 0, largest: 0 };

  /** `input`: a byte stream's events (process.stdin, any Readable): data, error, end, close. */
  constructor(private readonly input: EventEmitter) {
    super();
  }

  listen(callback: DataCallback): Disposable {
    this.callback = callback;
    const onData = (chunk: Buffer | string): void =>
      this.onData(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
    const onError = (error: Error): void => this.fireError(error);
    const onClose = (): void => {
      if (this.closed) return;
      this.closed = true;
      this.fireClose();
    };
    this.input.on('data', onData);
    this.input.on('error', onError);
    this.input.on('end', onClose);
    this.input.on('close', onClose);
    return Disposable.create(() => {
      this.input.off('data', onData);
      this.input.off('error', onError);
      this.input.off('end', onClose);
      this.input.off('close', onClose);
    });
  }

  private onData(chunk: Buffer): void {
    let at = 0;
    try {
      while (at < chunk.length && !this.failed) {
        if (this.body) at = this.readBody(chunk, at);
        else at = this.readHeader(chunk, at);
      }
    } catch (error) {
      // The next message's start cannot be found again: nothing more is read.
      this.failed = true;
      this.body?.free();
      this.body = undefined;
      this.fireError(error);
    }
  }

  /** Reads header bytes from chunk[at…]; returns where the chunk's unread bytes start. */
  private readHeader(chunk: Buffer, at: number): number {
    const rest = chunk.subarray(at);
    const joined = this.header.length > 0 ? Buffer.concat([this.header, rest]) : rest;
    // The end may straddle the two: search from just before the new bytes.
    const end = joined.indexOf(HEADER_END, Math.max(0, this.header.length - 3));
    if (end < 0) {
      if (joined.length > MAX_HEADER_BYTES)
        throw new Error(`Message header is longer than ${MAX_HEADER_BYTES} bytes without its end`);
      this.header = Buffer.from(joined);
      return chunk.length;
    }
    const length = contentLength(joined.toString('latin1', 0, end));
    const used = end + HEADER_END.length - this.header.length;
    this.header = EMPTY;
    this.body = freeableBuffer(length);
    this.filled = 0;
    this.stats.bodies++;
    this.stats.largest = Math.max(this.stats.largest, length);
    if (length === 0) this.finish();
    return at + used;
  }

  /** Copies body bytes from chunk[at…]; a complete body becomes a message. */
  private readBody(chunk: Buffer, at: number): number {
    const body = this.body!.bytes;
    const n = Math.min(chunk.length - at, body.length - this.filled);
    chunk.copy(body, this.filled, at, at + n);
    this.filled += n;
    if (this.filled === body.length) this.finish();
    return at + n;
  }

  /** Decodes the body, hands its bytes back, then parses it: the text and the bytes never wait together on the parse. */
  private finish(): void {
    const body = this.body!;
    this.body = undefined;
    const text = isAscii(body.bytes) ? body.bytes.toString('latin1') : body.bytes.toString('utf8');
    body.free();
    const message = JSON.parse(text) as Message;
    this.callback?.(message);
  }
}

/**
 * The Content-Length of a header block (lines "Name: value", names in any case), in the library's
 * words when it is missing or not a number.
 */
function contentLength(header: string): number {
  let length: string | undefined;
  for (const line of header.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon < 0)
      throw new Error(
        `Message header must separate key and value using ':'\n${line.slice(0, 200)}`,
      );
    if (line.slice(0, colon).trim().toLowerCase() === 'content-length')
      length = line.slice(colon + 1).trim();
  }
  if (length === undefined) throw new Error('Header must provide a Content-Length property.');
  if (!/^\d{1,15}$/.test(length))
    throw new Error(`Content-Length value must be a number. Got ${length.slice(0, 50)}`);
  const bytes = Number(length);
  if (bytes > MAX_CONTENT_LENGTH)
    throw new Error(
      `Content-Length ${length} is over the ${MAX_CONTENT_LENGTH} bytes (1 GiB) a message may hold`,
    );
  return bytes;
}
