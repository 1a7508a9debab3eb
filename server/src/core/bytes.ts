// Byte-level helpers that work wherever the core runs: under Node they use Buffer (native, many
// times faster than a loop in JavaScript); in a web worker (VS Code for the Web) there is no
// Buffer, and the web platform's own functions do the same job.

/** Node's Buffer when the core runs under Node; undefined in a browser. */
const NodeBuffer: typeof Buffer | undefined = typeof Buffer === 'function' ? Buffer : undefined;

/** UTF-8 byte length of a string, without allocating its bytes (lone surrogates count 3, as U+FFFD). */
export function utf8Length(text: string): number {
  return NodeBuffer ? NodeBuffer.byteLength(text, 'utf8') : utf8LengthOf(text);
}

/** utf8Length's counting loop: the web's way, exported so tests hold it equal to Node's. */
export function utf8LengthOf(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c < 0xdc00 && isLowSurrogate(text.charCodeAt(i + 1))) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c < 0xe000;
}

/**
 * Decodes base64 text as a forgiving decoder does (the caller checks strictness by length), or
 * returns undefined where the decoder refuses it outright. Node's decoder never refuses: it
 * skips what is not base64; the web's `atob` refuses some of that instead. Either way, a text
 * that is not strict base64 decodes to fewer bytes than its length promises, or to nothing.
 */
export function base64Bytes(text: string): Uint8Array | undefined {
  return NodeBuffer ? NodeBuffer.from(text, 'base64') : atobBytes(text);
}

/** The buffer base64Scratch decodes into (Node), grown to the largest piece asked for. */
let scratch: Buffer | undefined;

/**
 * base64Bytes into one buffer that every call reuses (under Node; the web's way allocates): the
 * bytes are good until the next call, so a caller copies what it keeps. Decoding a 100 MB data
 * URL piece by piece then allocates one piece's bytes, not 75 MB of short-lived buffers.
 */
export function base64Scratch(text: string): Uint8Array | undefined {
  if (!NodeBuffer) return atobBytes(text);
  const most = Math.ceil(text.length / 4) * 3;
  if (!scratch || scratch.length < most) scratch = NodeBuffer.allocUnsafe(most);
  return scratch.subarray(0, scratch.write(text, 0, 'base64'));
}

/** base64Bytes the web's way (`atob`), exported so tests hold it to the same contract. */
export function atobBytes(text: string): Uint8Array | undefined {
  let binary: string;
  try {
    binary = atob(text);
  } catch {
    return undefined;
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The Latin-1 text of bytes[start…end): how file signatures such as "GIF89a" are compared. */
export function latin1(bytes: Uint8Array, start: number, end: number): string {
  return String.fromCharCode(...bytes.subarray(start, end));
}
