// The core's Node-only entry: checking and fixing files as streams of bytes (node:fs, Buffer).
// The CLI and "Check File on Disk…" use it; the web build, which has no disk, never reaches it.

export type { StreamOptions } from './stream';
export { checkFile, checkStream } from './stream';
export { readChunks } from './read-chunks';
export { fixDocument, isBinary, splitBytes } from './fixes/fix-document';
export type { FileFixOutcome, RawLine } from './fixes/fix-document';
export { fixStream, BinaryInputError } from './fixes/fix-stream';
export type { StreamFixOutcome, FixSink } from './fixes/fix-stream';
