// Convert and check agree by construction: for every chat completions parameter the schema
// declares (read from the schema, not listed here), and for values of every shape the schema
// allows, what `convert --to responses` reports as staying for a decision is exactly what the
// check flags on the converted /v1/responses line, parameter by parameter.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkText, convertLineToResponses } from '../../server/src/core';
import { CHAT, samples } from './chat-samples';

/** The top-level body parameter a path or an API-style param starts with. */
function topKey(param: string): string {
  return /^[^.[]*/.exec(param)![0];
}

/**
 * Notes about a parameter itself (deprecated in both APIs) or about the model (the table has no
 * rules for the model these lines name), not about the conversion.
 */
const ABOUT_THE_PARAMETER = new Set(['deprecated_parameter', 'unknown_model']);

function flagged(lineText: string): { keys: Set<string>; problems: string[] } {
  const problems = checkText(lineText).problems.filter((p) => !ABOUT_THE_PARAMETER.has(p.code));
  return {
    keys: new Set(problems.map((p) => topKey(p.param ?? ''))),
    problems: problems.map((p) => `${p.code} ${p.param}: ${p.message}`),
  };
}

// A model the table does not know: what one model refuses (model rules) is not the conversion's
// business, and every value of every parameter must reach the comparison.
const BASE = { model: 'some-model', messages: [{ role: 'user', content: 'Answer in json.' }] };
/** Parameters chat takes only beside tools ("… is only allowed when 'tools' are specified."). */
const WITH_TOOLS: Record<string, unknown> = {
  tool_choice: [{ type: 'function', function: { name: 'f' } }],
  parallel_tool_calls: [{ type: 'function', function: { name: 'f' } }],
};
const parameters = Object.keys(CHAT.properties!);

test('the chat schema declares the parameters the agreement test walks', () => {
  assert.ok(parameters.length >= 30, parameters.join(', '));
});

test('convert and check agree on every chat completions parameter', () => {
  const compared = new Map<string, number>();
  const skipped: string[] = [];
  let decisions = 0;
  for (const param of parameters) {
    compared.set(param, 0);
    for (const value of samples(CHAT.properties![param]!, param)) {
      const tools = WITH_TOOLS[param];
      const body = { ...BASE, ...(tools ? { tools } : {}), [param]: value };
      const chatLine = JSON.stringify({
        custom_id: 'r1',
        method: 'POST',
        url: '/v1/chat/completions',
        body,
      });
      // Only requests chat accepts say anything about the conversion.
      const before = flagged(chatLine);
      if (before.problems.length > 0) {
        skipped.push(`${param}=${JSON.stringify(value)}: ${before.problems[0]}`);
        continue;
      }
      const converted = convertLineToResponses(chatLine);
      assert.equal(converted.status, 'converted', chatLine);
      const decided = new Set(converted.notCarried.map((n) => topKey(String(n.path[1] ?? ''))));
      const after = flagged(converted.text);
      assert.deepEqual(
        [...after.keys].sort(),
        [...decided].sort(),
        `${chatLine}\n→ ${converted.text}\nconvert reports: ${JSON.stringify(converted.notCarried)}\ncheck flags: ${after.problems.join('\n')}`,
      );
      decisions += decided.size;
      compared.set(param, compared.get(param)! + 1);
    }
  }
  const uncovered = [...compared].filter(([, n]) => n === 0).map(([p]) => p);
  assert.deepEqual(
    uncovered,
    [],
    `no value of these reached the comparison:\n${skipped.join('\n')}`,
  );
  // Not vacuous: parameters with no equivalent, moved ones and undecided ones were all seen.
  assert.ok(decisions >= 10, `only ${decisions} decisions compared`);
});
