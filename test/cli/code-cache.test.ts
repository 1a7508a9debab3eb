// The command starts the CLI bundle with V8's code cache (server/src/launch.ts): a run writes the
// cache, later runs read it, and no cache (missing, corrupt, in a folder others may write to,
// turned off) ever changes what a run says. Node 22.1 and later keep the cache themselves: there
// only the runs' output is compared.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  chmodSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import Module from 'node:module';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { batchlint, repo, tempDir } from './run';

const ARGS = ['check', '--format', 'json', 'examples/seed-mistakes.jsonl'];
const ownCache =
  typeof (Module as { enableCompileCache?: unknown }).enableCompileCache !== 'function';
const caches = (dir: string): string[] => readdirSync(dir).filter((f) => f.endsWith('.v8cache'));

/** The run with the cache turned off: what every cached run must say. */
function expected(): { status: number | null; stdout: string } {
  const { status, stdout } = batchlint(ARGS, '', undefined, { NODE_DISABLE_COMPILE_CACHE: '1' });
  return { status, stdout };
}

test('code cache: the first run writes it, the next reads it and says the same', (t) => {
  const dir = tempDir(t);
  const want = expected();
  assert.equal(want.status, 1, 'the example has problems');
  const env = { NODE_COMPILE_CACHE: dir };
  const first = batchlint(ARGS, '', undefined, env);
  assert.deepEqual({ status: first.status, stdout: first.stdout }, want);
  if (!ownCache) return;
  const [file] = caches(dir);
  assert.ok(file, 'a cache was written');
  const written = statSync(path.join(dir, file)).mtimeMs;
  const second = batchlint(ARGS, '', undefined, env);
  assert.deepEqual({ status: second.status, stdout: second.stdout }, want);
  // Read, not rewritten: V8 accepted it.
  assert.deepEqual(caches(dir), [file]);
  assert.equal(statSync(path.join(dir, file)).mtimeMs, written);
});

/** Ways a cache file gets damaged, each to be refused and written anew. */
const DAMAGES: Record<string, (cache: Buffer) => Buffer> = {
  'replaced by other bytes': () => Buffer.alloc(4096, 0x5a),
  // V8 before Node 22 checks only a cache's header: this one it would accept, and crash on.
  'damaged past its header': (cache) => {
    const damaged = Buffer.from(cache);
    for (let at = damaged.length >> 1; at < damaged.length; at += 4099) damaged[at]! ^= 0x10;
    return damaged;
  },
};

for (const [how, damage] of Object.entries(DAMAGES)) {
  test(`code cache: a cache ${how} is not run, and is written anew`, { skip: !ownCache }, (t) => {
    const dir = tempDir(t);
    const env = { NODE_COMPILE_CACHE: dir };
    batchlint(ARGS, '', undefined, env);
    const [file] = caches(dir);
    assert.ok(file);
    const damaged = damage(readFileSync(path.join(dir, file)));
    writeFileSync(path.join(dir, file), damaged);
    const run = batchlint(ARGS, '', undefined, env);
    assert.deepEqual({ status: run.status, stdout: run.stdout }, expected());
    assert.notDeepEqual(readFileSync(path.join(dir, file)), damaged);
  });
}

test(
  'code cache: other files in its folder are kept; a failed write leaves nothing',
  { skip: !ownCache },
  (t) => {
    const dir = tempDir(t);
    const env = { NODE_COMPILE_CACHE: dir };
    writeFileSync(path.join(dir, 'notes.v8cache'), 'not ours');
    batchlint(ARGS, '', undefined, env);
    const ours = caches(dir).filter((f) => f !== 'notes.v8cache');
    assert.equal(ours.length, 1);
    // A folder where the cache file should be: the write fails, and its temporary file goes.
    rmSync(path.join(dir, ours[0]!));
    mkdirSync(path.join(dir, ours[0]!));
    const run = batchlint(ARGS, '', undefined, env);
    assert.deepEqual({ status: run.status, stdout: run.stdout }, expected());
    assert.deepEqual(readdirSync(dir).sort(), [ours[0]!, 'notes.v8cache'].sort());
  },
);

test('code cache: run through a link from elsewhere, with symbolic links kept as they are', (t) => {
  if (process.platform === 'win32') return t.skip('symbolic links');
  const dir = tempDir(t);
  const link = path.join(dir, 'batchlint');
  symlinkSync(path.join(repo, 'dist', 'cli.js'), link);
  const example = path.join(repo, ARGS[3]!);
  const run = spawnSync(
    process.execPath,
    ['--preserve-symlinks-main', link, ...ARGS.slice(0, 3), example],
    {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, NODE_COMPILE_CACHE: dir },
    },
  );
  assert.equal(run.status, 1, run.stderr);
  assert.equal(run.stderr, '');
  assert.equal(
    run.stdout,
    batchlint([...ARGS.slice(0, 3), example], '', undefined, { NODE_DISABLE_COMPILE_CACHE: '1' })
      .stdout,
  );
});

test(
  'code cache: a folder others may write to is not used',
  { skip: !ownCache || process.platform === 'win32' },
  (t) => {
    const dir = tempDir(t);
    chmodSync(dir, 0o777);
    const run = batchlint(ARGS, '', undefined, { NODE_COMPILE_CACHE: dir });
    assert.deepEqual({ status: run.status, stdout: run.stdout }, expected());
    assert.deepEqual(readdirSync(dir), []);
  },
);

test('code cache: NODE_DISABLE_COMPILE_CACHE turns it off', (t) => {
  const dir = tempDir(t);
  const env = { NODE_COMPILE_CACHE: dir, NODE_DISABLE_COMPILE_CACHE: '1' };
  const run = batchlint(ARGS, '', undefined, env);
  assert.deepEqual({ status: run.status, stdout: run.stdout }, expected());
  assert.deepEqual(readdirSync(dir), []);
});
