// Splitting a batch file: on seeded random files (CRLF and LF endings, a BOM, blank and broken
// lines, several urls and models, no final newline), every part is within the limits with one
// url and one model, and the parts joined in order are the input byte for byte.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { dialectLimits, LineTooLarge, partPath, splitFile } from '../../server/src/core/split';
import { chatUser, embeddings, responses } from './builders';
import { Prng } from './fuzz/prng';
import { openDestination } from '../../server/src/cli/output';

/** Parts go through the command line's safe write (a temporary file renamed into place). */
const open = (part: string) => openDestination({ file: '-', output: part, write: false });

function tempDir(t: { after(fn: () => void): void }): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'batchlint-split-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A random batch file: mostly requests, some of other kinds of line. */
function randomFile(rng: Prng): Buffer {
  const pieces: Buffer[] = [];
  if (rng.chance(0.3)) pieces.push(Buffer.from([0xef, 0xbb, 0xbf]));
  const lines = rng.range(1, 60);
  const kind = rng.int(3);
  for (let i = 0; i < lines; i++) {
    const roll = rng.next();
    let text: string;
    if (roll < 0.05) text = '';
    else if (roll < 0.08) text = '{"custom_id": "broken", "body": {';
    else if (roll < 0.1) text = 'caf\u00e9 not json';
    else {
      // Runs of one kind, and now and then another url or model.
      const switchKind = rng.chance(0.1) ? rng.int(3) : kind;
      const words = 'x'.repeat(rng.range(0, 300));
      text =
        switchKind === 0
          ? chatUser(words, `r${i}`)
          : switchKind === 1
            ? responses({ input: words }, `r${i}`)
            : embeddings(words, `r${i}`);
    }
    const last = i === lines - 1;
    const ending = last && rng.chance(0.4) ? '' : rng.chance(0.5) ? '\r\n' : '\n';
    pieces.push(Buffer.from(text + ending, 'utf8'));
  }
  return Buffer.concat(pieces);
}

function factsOf(text: string): { url?: string; model?: string } | undefined {
  try {
    const value = JSON.parse(text.replace(/^\ufeff/, '')) as {
      url?: string;
      body?: { model?: string };
    };
    return typeof value === 'object' && value !== null
      ? { url: value.url, model: value.body?.model }
      : undefined;
  } catch {
    return undefined;
  }
}

test('split: 300 seeded files: parts within the limits, one url and model each, joined back byte for byte', async (t) => {
  const dir = tempDir(t);
  for (let seed = 1; seed <= 300; seed++) {
    const rng = new Prng(seed);
    const input = randomFile(rng);
    const file = path.join(dir, `b${seed}.jsonl`);
    writeFileSync(file, input);
    const maxRequests = rng.range(1, 25);
    const longest = Math.max(
      ...input
        .toString('latin1')
        .split('\n')
        .map((l) => l.length + 4),
    );
    const maxBytes = rng.range(longest, longest * 20);
    const outcome = await splitFile(file, open, { maxRequests, maxBytes });
    const written = readdirSync(dir).filter((name) => name.startsWith(`b${seed}.part-`));
    assert.equal(written.length, outcome.parts.length, `seed ${seed}`);
    if (outcome.parts.length === 0) continue;
    const parts = outcome.parts.map((p, i) => {
      assert.equal(p.path, partPath(file, i + 1));
      return readFileSync(p.path);
    });
    assert.deepEqual(Buffer.concat(parts), input, `seed ${seed}: the parts join back to the input`);
    parts.forEach((bytes, i) => {
      assert.ok(
        bytes.length <= maxBytes,
        `seed ${seed} part ${i + 1}: ${bytes.length} > ${maxBytes} bytes`,
      );
      assert.equal(bytes.length, outcome.parts[i]!.bytes);
      const requests = bytes
        .toString('utf8')
        .split('\n')
        .map(factsOf)
        .filter((f) => f !== undefined);
      assert.ok(
        requests.length <= maxRequests,
        `seed ${seed} part ${i + 1}: ${requests.length} requests`,
      );
      assert.equal(requests.length, outcome.parts[i]!.requests);
      assert.equal(
        new Set(requests.map((f) => `${f.url} ${f.model}`)).size <= 1,
        true,
        `seed ${seed} part ${i + 1} mixes urls or models`,
      );
    });
    for (const p of outcome.parts) rmSync(p.path);
  }
});

test('split: a file within the limits with one url and model is left alone', async (t) => {
  const dir = tempDir(t);
  const file = path.join(dir, 'batch.jsonl');
  writeFileSync(file, `${chatUser('a', 'a')}\n${chatUser('b', 'b')}\n`);
  const outcome = await splitFile(file, open);
  assert.deepEqual(outcome, {
    parts: [],
    lines: 2,
    dialect: 'openai',
    limits: { maxRequests: 50_000, maxBytes: 200_000_000 },
  });
  assert.deepEqual(readdirSync(dir), ['batch.jsonl']);
});

test('split: a line over the byte limit on its own is refused, and nothing is left behind', async (t) => {
  const dir = tempDir(t);
  const file = path.join(dir, 'batch.jsonl');
  const big = chatUser('x'.repeat(500), 'b');
  writeFileSync(file, `${chatUser('a', 'a')}\n${big}\n`);
  await assert.rejects(
    splitFile(file, open, { maxRequests: 1, maxBytes: 300 }),
    (error: unknown) => {
      assert.ok(error instanceof LineTooLarge);
      assert.equal(error.line, 1);
      assert.equal(
        error.message,
        `line 2 alone is ${Buffer.byteLength(big) + 1} bytes, more than the 300 bytes a part may hold`,
      );
      return true;
    },
  );
  assert.deepEqual(readdirSync(dir), ['batch.jsonl']);
});

test('split: part names', () => {
  assert.equal(partPath('dir/batch.jsonl', 2), 'dir/batch.part-2.jsonl');
  assert.equal(partPath('dir/batch.JSONL', 1), 'dir/batch.part-1.jsonl');
  assert.equal(partPath('requests.txt', 3), 'requests.txt.part-3.jsonl');
});

test("split: each dialect's limits come from its row (Azure 100,000 requests; Fireworks no request cap, under 500 MB)", async (t) => {
  assert.deepEqual(dialectLimits('azure'), { maxRequests: 100_000, maxBytes: 209_715_200 });
  assert.deepEqual(dialectLimits('anthropic'), { maxRequests: 100_000, maxBytes: 268_435_456 });
  assert.deepEqual(dialectLimits('fireworks'), { maxRequests: Infinity, maxBytes: 524_288_000 });
  // A Gemini file: the model is the job's, so parts are cut by size only; the dialect is detected.
  const dir = tempDir(t);
  const file = path.join(dir, 'gemini.jsonl');
  const line = (i: number) =>
    JSON.stringify({
      key: `k${i}`,
      request: { contents: [{ parts: [{ text: 'x'.repeat(40) }] }] },
    });
  writeFileSync(file, [0, 1, 2, 3].map((i) => `${line(i)}\n`).join(''));
  const outcome = await splitFile(file, open, { maxBytes: Buffer.byteLength(line(0)) * 2 + 2 });
  assert.equal(outcome.dialect, 'gemini');
  assert.deepEqual(
    outcome.parts.map((p) => [p.firstLine, p.requests, p.model]),
    [
      [0, 2, undefined],
      [2, 2, undefined],
    ],
  );
  for (const p of outcome.parts) rmSync(p.path);
});
