// A list of requests saved as one JSON array (json.dump of a list, with or without indent) is
// the most common way to write a batch file that is JSON but not JSONL. The check says so once
// per piece, every piece has its fix, and `batchlint fix` (whole-file and streaming alike)
// turns the file into the JSONL of the same requests.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DocumentChecker, fixesFor } from '../../server/src/core';
import type { Problem } from '../../server/src/core';
import { checkStream } from '../../server/src/core/node';
import { bothFixes } from './both-fixes';

const REQUESTS = ['r0', 'r1', 'r2'].map((id, i) => ({
  custom_id: id,
  method: 'POST',
  url: '/v1/chat/completions',
  body: { model: 'gpt-4o-mini', messages: [{ role: 'user', content: `Hello ${i}` }] },
}));

async function bothChecks(input: string): Promise<Problem[][]> {
  const streamed = await checkStream([Buffer.from(input, 'utf8')]);
  return [new DocumentChecker(input).check().problems, streamed.problems];
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
    for (const problems of await bothChecks(input)) {
      const errors = problems.filter((p) => p.severity === 'error');
      assert.deepEqual(
        errors.map((p) => [p.code, p.line, p.fix?.id]),
        [
          ['invalid_json_line', 0, 'remove-line'],
          ['multiline_request', 1, 'join-lines'],
          ['multiline_request', 1 + per, 'join-lines'],
          ['multiline_request', 1 + 2 * per, 'join-lines'],
          ['invalid_json_line', 1 + 3 * per, 'remove-line'],
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
    assert.deepEqual(titles, [
      "Remove the line '['",
      "Join the request into one line, without the JSON array's comma or brackets around it",
      "Join the request into one line, without the JSON array's comma or brackets around it",
      'Join the request into one line',
      "Remove the line ']'",
    ]);
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
  for (const problems of await bothChecks(input)) {
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
  for (const problems of await bothChecks(input)) {
    assert.deepEqual(
      problems.map((p) => [p.code, p.line, p.fix?.id]),
      [
        ['invalid_json_line', 0, 'remove-line'],
        ['invalid_json_line', 1, 'repair-json'],
        ['invalid_json_line', 2, 'repair-json'],
        ['invalid_json_line', 4, 'remove-line'],
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
  for (const problems of await bothChecks(input)) {
    const brackets = problems.filter((p) => ['[', '],', ']'].includes(lines[p.line]!.trim()));
    assert.ok(brackets.length > 0);
    for (const p of brackets) assert.equal(p.fix, undefined, `line ${p.line + 1}`);
  }
  const fixed = await bothFixes(input);
  assert.equal(fixed.document, input);
  assert.equal(fixed.stream, input);
});
