// The `batchlint` command (dist/cli.js): starts the CLI bundle beside it (dist/batchlint.js) with
// V8's code cache, so a run after the first skips compiling the bundle (1.2 MB, 45 ms of a 175 ms
// start here). Node 22.1 and later cache compiled code themselves (module.enableCompileCache);
// before that this file does what they do, keyed by the bundle's size and change time. A cache
// that cannot be read, written or trusted costs a run its compile time, never its result.
// NODE_DISABLE_COMPILE_CACHE=1 turns the cache off; NODE_COMPILE_CACHE=DIR says where it lives,
// as for Node's own.

import Module, { createRequire } from 'node:module';
import {
  lstatSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Script } from 'node:vm';

const BUNDLE = path.join(__dirname, 'batchlint.js');
const SUFFIX = '.v8cache';

interface NodeModule {
  enableCompileCache?(directory?: string): unknown;
  wrap(source: string): string;
}

function start(): void {
  const node = Module as unknown as NodeModule;
  if (process.env.NODE_DISABLE_COMPILE_CACHE || typeof node.enableCompileCache === 'function') {
    try {
      if (!process.env.NODE_DISABLE_COMPILE_CACHE) node.enableCompileCache!();
    } catch {
      // Node's own cache refused to start: the run goes on without it.
    }
    createRequire(__filename)(BUNDLE);
    return;
  }
  const source = readFileSync(BUNDLE, 'utf8');
  const file = cacheFile();
  let cachedData: Buffer | undefined;
  try {
    if (file !== undefined) cachedData = readFileSync(file);
  } catch {
    // No cache yet (the first run) or unreadable: this run compiles and writes one.
  }
  const script = new Script(node.wrap(source), { filename: BUNDLE, cachedData });
  // V8 checks the cache against its own version, flags and the source's length; the file's name
  // holds the rest (the bundle's change time): a rejected or missing cache is written anew once
  // this run has compiled what it used.
  if (file !== undefined && (cachedData === undefined || script.cachedDataRejected === true)) {
    process.once('exit', () => save(file, script));
  }
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  const module = { exports: {} };
  run.call(module.exports, module.exports, createRequire(BUNDLE), module, BUNDLE, __dirname);
}

/** Where this bundle's cache is, or undefined when no folder can be trusted with it. */
function cacheFile(): string | undefined {
  try {
    const { size, mtimeMs, ino } = statSync(BUNDLE);
    const name = [process.versions.v8, process.arch, size, mtimeMs, ino].join('-');
    const dir = cacheFolder();
    return dir === undefined
      ? undefined
      : path.join(dir, `${name.replace(/[^\w.-]/g, '_')}${SUFFIX}`);
  } catch {
    return undefined;
  }
}

/**
 * The cache folder, made if need be. In a temporary folder others may write to, code read from it
 * runs as this user: only a folder this user owns that no one else may write to is used.
 */
function cacheFolder(): string | undefined {
  const uid = process.getuid?.();
  const dir =
    process.env.NODE_COMPILE_CACHE ||
    path.join(tmpdir(), `batchlint-code-cache${uid === undefined ? '' : `-${uid}`}`);
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const info = lstatSync(dir);
    if (!info.isDirectory()) return undefined;
    // Windows keeps a temporary folder per user and has no such mode bits.
    if (uid !== undefined && (info.uid !== uid || (info.mode & 0o022) !== 0)) return undefined;
    return dir;
  } catch {
    return undefined;
  }
}

/** Writes the cache whole (a new file renamed into place) and drops caches of other builds. */
function save(file: string, script: Script): void {
  try {
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, script.createCachedData(), { mode: 0o600 });
    renameSync(temp, file);
    const dir = path.dirname(file);
    for (const other of readdirSync(dir)) {
      if (other.endsWith(SUFFIX) && other !== path.basename(file))
        unlinkSync(path.join(dir, other));
    }
  } catch {
    // Not written: the next run compiles the bundle, as this one did.
  }
}

start();
