// The dialect read ahead is the one the file's first lines show, whatever the chunking (a
// character split between chunks included), and the source is handed on byte for byte.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readAhead } from '../../server/src/core/dialects/read-ahead';
import { detectFromLines } from '../../server/src/core/dialects/detect';
import { Prng } from './fuzz/prng';

const anthropic = (i: number): string =>
  JSON.stringify({
    custom_id: `a-${i}`,
    params: {
      model: 'claude-sonnet-4-5',
      max_tokens: 64,
      messages: [{ role: 'user', content: `naïve 東京 ${i}` }],
    },
  });
const openai = (i: number): string =>
  JSON.stringify({
    custom_id: `o-${i}`,
    method: 'POST',
    url: '/v1/chat/completions',
    body: { model: 'gpt-4o', messages: [{ role: 'user', content: `café 😀 ${i}` }] },
  });

const inputs: Record<string, string> = {
  'Anthropic lines': Array.from({ length: 300 }, (_, i) => anthropic(i)).join('\n') + '\n',
  'blank lines first':
    '\n'.repeat(150) + Array.from({ length: 5 }, (_, i) => anthropic(i)).join('\n'),
  // Detection reads the first 100 lines with content: the 101st on is another dialect's.
  'another dialect after 100 lines':
    Array.from({ length: 100 }, (_, i) => openai(i)).join('\r\n') +
    '\r\n' +
    Array.from({ length: 200 }, (_, i) => anthropic(i)).join('\r\n'),
  'no newline at the end': anthropic(1),
};

/** `text`'s bytes in pieces of random sizes (1 byte up to `max`). */
function pieces(bytes: Buffer, random: Prng, max: number): Buffer[] {
  const out: Buffer[] = [];
  for (let at = 0; at < bytes.length;) {
    const size = 1 + Math.floor(random.next() * max);
    out.push(bytes.subarray(at, at + size));
    at += size;
  }
  return out;
}

async function collect(source: AsyncIterable<Buffer>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const piece of source) parts.push(Buffer.from(piece));
  return Buffer.concat(parts);
}

for (const [name, text] of Object.entries(inputs)) {
  test(`read ahead: ${name}`, async () => {
    const expected = detectFromLines(text.split('\n'));
    assert.notEqual(expected, undefined, 'the input shows a dialect');
    const bytes = Buffer.from(text, 'utf8');
    const random = new Prng(0x5eed + text.length);
    for (const max of [1, 7, 300, 1 << 20]) {
      const ahead = await readAhead(pieces(bytes, random, max));
      assert.equal(ahead.readAs, expected, `pieces of at most ${max} bytes`);
      assert.deepEqual(await collect(ahead.source), bytes, `handed on whole (${max})`);
    }
  });
}

test('read ahead: a first line longer than what is read ahead shows no dialect, when read in pieces', async () => {
  const long = JSON.stringify({
    custom_id: 'x',
    params: { model: 'claude', note: 'y'.repeat(1 << 21) },
  });
  const bytes = Buffer.from(`${long}\n${anthropic(1)}\n`);
  const ahead = await readAhead(pieces(bytes, new Prng(1), 1 << 16));
  assert.equal(ahead.readAs, undefined);
});

test('read ahead: the lines read are those that end within the first megabyte, however cut', async () => {
  const line = anthropic(1);
  for (const [blanks, expected] of [
    [(1 << 20) - Buffer.byteLength(line) - 1, 'anthropic'], // its newline is the megabyte's last byte
    [(1 << 20) - 10, undefined], // it ends past the megabyte: not read
  ] as const) {
    const bytes = Buffer.from(`${'\n'.repeat(blanks)}${line}\n${openai(2)}\n`);
    const random = new Prng(blanks);
    for (const max of [7, 1 << 16, 1 << 20, 1 << 22]) {
      const ahead = await readAhead(pieces(bytes, random, max));
      assert.equal(ahead.readAs, expected, `${blanks} blank lines, pieces up to ${max} bytes`);
    }
  }
});
