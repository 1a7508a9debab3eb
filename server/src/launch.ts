// The `batchlint` command (dist/cli.js): starts the CLI bundle beside it (dist/batchlint.js) with
// V8's code cache, so a run after the first skips compiling the bundle (1.2 MB, 45 ms of a 175 ms
// start here). Node 22.1 and later cache compiled code themselves (module.enableCompileCache);
// before that this file does what they do. A cache that cannot be read, written or trusted costs
// a run its compile time, never its result. NODE_DISABLE_COMPILE_CACHE=1 turns the cache off;
// NODE_COMPILE_CACHE=DIR says where it lives, as for Node's own.

import Module, { createRequire } from 'node:module';
import { createHash } from 'node:crypto';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Script } from 'node:vm';

/** Cache files are named `batchlint-<V8>-<arch>-<hash of the bundle>.v8cache`. */
const PREFIX = 'batchlint-';
const SUFFIX = '.v8cache';
/** The newest caches kept in the folder (of other builds or installs); older ones are removed. */
const KEEP = 4;
/** A cache file starts with the SHA-1 of the rest: V8 before Node 22 checks only its header. */
const DIGEST_BYTES = 20;
/** No cache of this bundle is anywhere near this size; a larger file is not read. */
const MAX_CACHE_BYTES = 64 << 20;

interface NodeModule {
  enableCompileCache?(directory?: string): unknown;
  wrap(source: string): string;
}

function start(): void {
  // The bundle is beside the real file, wherever a link to it was run from.
  const bundle = path.join(path.dirname(realpathSync(__filename)), 'batchlint.js');
  if (!existsSync(bundle)) {
    process.stderr.write(
      `batchlint: cannot start: ${bundle} is missing (npm run build makes it)\n`,
    );
    process.exitCode = 2;
    return;
  }
  const node = Module as unknown as NodeModule;
  if (process.env.NODE_DISABLE_COMPILE_CACHE || typeof node.enableCompileCache === 'function') {
    try {
      if (!process.env.NODE_DISABLE_COMPILE_CACHE) node.enableCompileCache!();
    } catch {
      // Node's own cache refused to start: the run goes on without it.
    }
    createRequire(bundle)(bundle);
    return;
  }
  const bytes = readFileSync(bundle);
  const file = cacheFile(bytes);
  const cachedData = file === undefined ? undefined : readCache(file);
  const script = new Script(node.wrap(bytes.toString('utf8')), { filename: bundle, cachedData });
  // V8 still refuses a cache of another V8 version or other flags: it is then written anew, once
  // this run has compiled what it used.
  if (file !== undefined && (cachedData === undefined || script.cachedDataRejected === true)) {
    process.once('exit', () => save(file, script));
  }
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  const module = { exports: {} };
  run.call(module.exports, module.exports, createRequire(bundle), module, bundle, __dirname);
}

const sha1 = (data: Buffer): Buffer => createHash('sha1').update(data).digest();

/** Where the cache of these bundle bytes is, or undefined when no folder can be trusted with it. */
function cacheFile(bundle: Buffer): string | undefined {
  const dir = cacheFolder();
  if (dir === undefined) return undefined;
  const name = `${PREFIX}${process.versions.v8}-${process.arch}-${sha1(bundle).toString('hex')}`;
  return path.join(dir, `${name.replace(/[^\w.-]/g, '_')}${SUFFIX}`);
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

/**
 * The compiled code in `file`, or undefined when there is none to trust: not a regular file of a
 * sane size (a link to a device would never end), or not what was written (its digest differs:
 * a damaged cache that V8 accepted would crash the run).
 */
function readCache(file: string): Buffer | undefined {
  try {
    const info = lstatSync(file);
    if (!info.isFile() || info.size <= DIGEST_BYTES || info.size > MAX_CACHE_BYTES)
      return undefined;
    const content = readFileSync(file);
    const data = content.subarray(DIGEST_BYTES);
    return sha1(data).equals(content.subarray(0, DIGEST_BYTES)) ? data : undefined;
  } catch {
    // No cache yet (the first run) or unreadable: this run compiles and writes one.
    return undefined;
  }
}

/**
 * Writes the cache whole (a new file renamed into place) and removes all but the newest KEEP
 * caches of batchlint in the folder: other installs keep theirs, rebuilds do not pile up.
 */
function save(file: string, script: Script): void {
  const temp = `${file}.${process.pid}.tmp`;
  try {
    const data = script.createCachedData();
    writeFileSync(temp, Buffer.concat([sha1(data), data]), { mode: 0o600 });
    renameSync(temp, file);
  } catch {
    // Not written: the next run compiles the bundle, as this one did.
    try {
      unlinkSync(temp);
    } catch {
      // Never created.
    }
    return;
  }
  try {
    const dir = path.dirname(file);
    const caches = readdirSync(dir)
      .filter((name) => name.startsWith(PREFIX) && name.endsWith(SUFFIX))
      .map((name) => ({ name, time: statSync(path.join(dir, name)).mtimeMs }))
      .sort((a, b) => b.time - a.time);
    for (const { name } of caches.slice(KEEP)) unlinkSync(path.join(dir, name));
  } catch {
    // Another run removed one first: nothing is lost.
  }
}

start();
