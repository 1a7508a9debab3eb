// A list of requests saved as one JSON array (json.dump of a list, with or without indent) is
// the most common way to write a batch file that is JSON but not JSONL. The check says so once
// per piece, every piece has its fix, and `batchlint fix` (whole-file and streaming alike)
// turns the file into the JSONL of the same requests.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, DocumentChecker, fixesFor } from '../../server/src/core';
import type { Problem } from '../../server/src/core';
import { checkStream } from '../../server/src/core/node';
import { bothFixes } from './both-fixes';

const REQUESTS = ['r0', 'r1', 'r2'].map((id, i) => ({
  custom_id: id,
  method: 'POST',
  url: '/v1/chat/completions',
  body: { model: 'gpt-4o-mini', messages: [{ role: 'user', content: `Hello ${i}` }] },
}));

/**
 * The problems of the editor's check and of the CLI's streaming one, with the fix id an array's
 * edge gets from each: the editor rewrites the whole array, the stream removes the line.
 */
async function bothChecks(input: string): Promise<Array<[Problem[], string]>> {
  const streamed = await checkStream([Buffer.from(input, 'utf8')]);
  return [
    [new DocumentChecker(input).check().problems, 'array-to-jsonl'],
    [streamed.problems, 'remove-line'],
  ];
}

/** The requests each line of a fixed file holds. */
function requestsOf(output: string): unknown[] {
  return output
    .split(/\r?\n/)
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as unknown);
}

for (const [name, eol, final] of [
  ['LF', '\n', '\n'],
  ['CRLF', '\r\n', '\r\n'],
  ['no newline at the end', '\n', ''],
] as const) {
  test(`a pretty-printed JSON array of requests (${name}): one problem per piece, each fixed`, async () => {
    const input = JSON.stringify(REQUESTS, null, 2).replace(/\n/g, eol) + final;
    const per = JSON.stringify(REQUESTS[0], null, 2).split('\n').length;
    for (const [problems, edge] of await bothChecks(input)) {
      const errors = problems.filter((p) => p.severity === 'error');
      assert.deepEqual(
        errors.map((p) => [p.code, p.line, p.fix?.id]),
        [
          ['invalid_json_line', 0, edge],
          ['multiline_request', 1, 'join-lines'],
          ['multiline_request', 1 + per, 'join-lines'],
          ['multiline_request', 1 + 2 * per, 'join-lines'],
          ['invalid_json_line', 1 + 3 * per, edge],
        ],
      );
      assert.match(errors[1]!.message, /It also uses the brackets or commas of a JSON array/);
      assert.doesNotMatch(errors[3]!.message, /JSON array/, 'the last request has no comma');
    }
    const checker = new DocumentChecker(input);
    const titles = checker
      .check()
      .problems.filter((p) => p.severity === 'error')
      .map((p) => fixesFor(p, (n) => checker.getLine(n))[0]?.title);
    const rewrite = 'Rewrite the JSON array as JSONL: its 3 requests, one per line';
    assert.deepEqual(titles, [
      rewrite,
      "Join the request into one line, without the JSON array's comma or brackets around it",
      "Join the request into one line, without the JSON array's comma or brackets around it",
      'Join the request into one line',
      rewrite,
    ]);
    // The editor's rewrite, one edit of the whole array, gives the JSONL `batchlint fix` writes.
    const [first] = checker.check().problems;
    const [edit] = fixesFor(first!, (n) => checker.getLine(n))[0]!.edits;
    const rewritten = applyEdits(input.split(/\r?\n/), [edit!]).join('\n');
    assert.deepEqual(requestsOf(rewritten), REQUESTS);
    // The brackets hold no request: the editor's status counts the requests alone.
    const { summary } = checker.check();
    assert.equal(summary.requests + (summary.unreadable ?? 0), REQUESTS.length);
    const fixed = await bothFixes(input);
    assert.equal(fixed.stream, fixed.document);
    assert.deepEqual(requestsOf(fixed.document), REQUESTS);
    // The file's own line ending between the requests.
    assert.equal(fixed.document.split(eol).filter((l) => l !== '').length, REQUESTS.length);
    const after = new DocumentChecker(fixed.document).check();
    assert.deepEqual(after.problems, []);
  });
}

test('a JSON array of requests on one line: split into one line per request, each as written', async () => {
  const items = REQUESTS.map((r) => JSON.stringify(r, null, 1).replace(/\n\s*/g, ' '));
  const input = `[${items.join(', ')}]\n`;
  for (const [problems] of await bothChecks(input)) {
    assert.deepEqual(
      problems.map((p) => [p.code, p.fix?.id]),
      [['invalid_type', 'split-array']],
    );
  }
  const fixed = await bothFixes(input);
  assert.equal(fixed.stream, fixed.document);
  assert.equal(fixed.document, `${items.join('\n')}\n`);
});

test('a JSON array of requests one per line, with commas: each comma and bracket is removed', async () => {
  const lines = REQUESTS.map((r) => JSON.stringify(r));
  const input = `[\n${lines.join(',\n')}\n]\n`;
  for (const [problems, edge] of await bothChecks(input)) {
    assert.deepEqual(
      problems.map((p) => [p.code, p.line, p.fix?.id]),
      [
        ['invalid_json_line', 0, edge],
        ['invalid_json_line', 1, 'repair-json'],
        ['invalid_json_line', 2, 'repair-json'],
        ['invalid_json_line', 4, edge],
      ],
    );
  }
  const fixed = await bothFixes(input);
  assert.equal(fixed.stream, fixed.document);
  assert.equal(fixed.document, `${lines.join('\n')}\n`);
});

test('brackets on lines of their own inside a request that does not parse are not removed', async () => {
  // An embeddings input of token arrays, pretty-printed, with a comma missing after "method":
  // the "[" and "]," lines are the request's, not an array of requests around it.
  const request = {
    custom_id: 'a',
    method: 'POST',
    url: '/v1/embeddings',
    body: { model: 'text-embedding-3-small', input: [[1, 2], [3]] },
  };
  const input = `${JSON.stringify(request, null, 2).replace('"POST",', '"POST"')}\n`;
  const lines = input.split('\n');
  assert.ok(lines.some((l) => l.trim() === '['));
  for (const [problems] of await bothChecks(input)) {
    const brackets = problems.filter((p) => ['[', '],', ']'].includes(lines[p.line]!.trim()));
    assert.ok(brackets.length > 0);
    for (const p of brackets) assert.equal(p.fix, undefined, `line ${p.line + 1}`);
  }
  const fixed = await bothFixes(input);
  assert.equal(fixed.document, input);
  assert.equal(fixed.stream, input);
});

/** The counts of the characters an array's pieces are written with, for "nothing was cut" checks. */
function punctuation(text: string): Record<string, number> {
  const count = (c: string): number => text.split(c).length - 1;
  return { '[': count('['), ']': count(']'), ',': count(',') };
}

test('a broken request with token arrays (a string left open): no bracket line is removed', async () => {
  const request = {
    custom_id: 'e1',
    method: 'POST',
    url: '/v1/embeddings',
    body: { model: 'text-embedding-3-small', input: [[1, 2], [3]] },
  };
  const input = `${JSON.stringify(request, null, 2).replace('"/v1/embeddings"', '"/v1/embeddings')}\n`;
  for (const [problems] of await bothChecks(input)) {
    assert.deepEqual(
      problems.filter((p) => p.fix?.id === 'remove-line' || p.fix?.id === 'array-to-jsonl'),
      [],
    );
  }
  const fixed = await bothFixes(input);
  assert.equal(fixed.document, input);
  assert.equal(fixed.stream, input);
});

for (const [name, input] of [
  [
    'the last request closed by "}]"',
    `${JSON.stringify(REQUESTS, null, 2).replace(/\n\s*\}\n\]$/, '}]')}\n`,
  ],
  [
    'requests separated by "}, {"',
    `[${REQUESTS.map((r) => JSON.stringify(r, null, 2)).join(', ')}]\n`,
  ],
  ['one request per line, then a number', `[\n${JSON.stringify(REQUESTS[0])},\n42\n]\n`],
  [
    'one request per line, then an object that is no request',
    `[\n${JSON.stringify(REQUESTS[0])},\n{"foo": "bar"}\n]\n`,
  ],
  [
    'a list of lists of requests, pretty-printed',
    `${JSON.stringify([REQUESTS.slice(0, 2), REQUESTS.slice(2)], null, 2)}\n`,
  ],
  [
    'a messages list, pretty-printed',
    `${JSON.stringify(REQUESTS[0]!.body.messages.concat(REQUESTS[1]!.body.messages), null, 2)}\n`,
  ],
]) {
  test(`an array written otherwise (${name}): no bracket or comma of it is removed`, async () => {
    for (const [problems] of await bothChecks(input)) {
      const removals = problems.filter(
        (p) =>
          p.fix?.id === 'remove-line' ||
          p.fix?.id === 'array-to-jsonl' ||
          p.message.includes('JSON array around'),
      );
      assert.deepEqual(
        removals.map((p) => p.fix),
        removals.map(() => undefined),
      );
    }
    const fixed = await bothFixes(input);
    assert.equal(fixed.stream, fixed.document);
    assert.deepEqual(punctuation(fixed.document), punctuation(input));
  });
}

test('a pretty-printed array of request bodies: each is joined and wrapped in its envelope', async () => {
  const input = `${JSON.stringify(
    REQUESTS.map((r) => r.body),
    null,
    2,
  )}\n`;
  const fixed = await bothFixes(input);
  assert.equal(fixed.stream, fixed.document);
  const lines = requestsOf(fixed.document) as Array<{ custom_id: string; body: unknown }>;
  assert.deepEqual(
    lines.map((l) => l.body),
    REQUESTS.map((r) => r.body),
  );
  assert.equal(new Set(lines.map((l) => l.custom_id)).size, REQUESTS.length);
});

test('a pretty-printed array with lone carriage returns for line ends: split into requests', async () => {
  const input = JSON.stringify(REQUESTS, null, 2).replace(/\n/g, '\r');
  const fixed = await bothFixes(input);
  assert.equal(fixed.stream, fixed.document);
  assert.deepEqual(requestsOf(fixed.document), REQUESTS);
  assert.deepEqual(new DocumentChecker(fixed.document).check().problems, []);
});

test('an array of requests with a broken one: each whole request is still one problem', async () => {
  const pretty = REQUESTS.map((r) => JSON.stringify([r], null, 2).slice(2, -2));
  // The second request misses the comma after its custom_id.
  pretty[1] = pretty[1]!.replace('"r1",', '"r1"');
  const input = `[\n${pretty.join(',\n')}\n]\n`;
  for (const [problems] of await bothChecks(input)) {
    const blocks = problems.filter((p) => p.code === 'multiline_request');
    // The first keeps its comma (no fix: the array stays an array); the last has none to lose.
    assert.deepEqual(
      blocks.map((p) => p.fix?.id),
      [undefined, 'join-lines'],
    );
    assert.ok(!problems.some((p) => p.fix?.id === 'remove-line' || p.fix?.id === 'array-to-jsonl'));
  }
  const fixed = await bothFixes(input);
  assert.equal(fixed.stream, fixed.document);
  assert.deepEqual(punctuation(fixed.document), punctuation(input));
});
