// Minimal reproductions of what the fuzzer found, kept as plain tests so each stays fixed.
// Each must simply not throw and give sane output; what is reported is other tests' business.

import assert from 'node:assert/strict';
import { convertLineToResponses } from '../../../server/src/core';
import { checkStream } from '../../../server/src/core/node';
import { checkLine } from '../../../server/src/core/line-check';
import { runLineCase } from './invariants';

const request = (body: string): string =>
  `{"custom_id":"a","method":"POST","url":"/v1/chat/completions","body":${body}}`;
const CHAT = '"model":"gpt-4o-mini","messages":[{"role":"user","content":"hi"}]';

export const REGRESSIONS: Record<string, () => void | Promise<void>> = {
  'convert keeps an integer too large for a double (above 1e21)': () => {
    const line = request(`{${CHAT},"seed":123456789012345678901234567890}`);
    const result = convertLineToResponses(line);
    assert.equal(result.status, 'converted');
    assert.ok(result.text.includes('123456789012345678901234567890'));
  },
  'convert of a body nested 10,000 levels deep reports instead of throwing': () => {
    const deep = '['.repeat(10_000) + ']'.repeat(10_000);
    assert.doesNotThrow(() => convertLineToResponses(request(`{${CHAT},"metadata":${deep}}`)));
  },
  'a line that opens 10,000 objects and never closes them is an invalid_json_line': () => {
    const result = checkLine('{"a":'.repeat(10_000) + '1');
    assert.equal(result.problems[0]?.code, 'invalid_json_line');
  },
  'a BOM split across the first chunks of a stream is still a BOM': async () => {
    const line = request(`{${CHAT}}`);
    const chunks = [Buffer.from([0xef]), Buffer.from([0xbb, 0xbf]), Buffer.from(`${line}\n`)];
    const result = await checkStream(chunks);
    assert.deepEqual(
      result.problems.map((p) => p.code),
      ['utf8_bom'],
    );
  },
  'a truncated 5 MB string of escapes is diagnosed in a short message': () => {
    const line = request(`{${CHAT},"user":"${'\\n'.repeat(5 << 20)}`);
    runLineCase(line);
    const { problems } = checkLine(line);
    assert.deepEqual(
      problems.map((p) => p.code),
      ['invalid_json_line'],
    );
  },
};
