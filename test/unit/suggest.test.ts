// Which unknown keys get a "did you mean", and which renames are misspellings beyond doubt (the
// only renames `batchlint fix` makes unattended). The known keys are the chat body's, read from
// its compiled schema facts, so the table follows the schema.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  certainRename,
  editDistance,
  keyShape,
  suggestKeys,
} from '../../server/src/core/schema/suggest';
import { schemaFacts } from '../../server/src/core/generated';

const CHAT = schemaFacts.chatCompletions['#']!.keys!;
const RESPONSES = schemaFacts.responses['#']!.keys!;
/** Gemini's generationConfig names each parameter twice, camelCase and snake_case. */
const GEMINI_CONFIG = schemaFacts.geminiGenerateContent['#/definitions/generationConfig']!.keys!;

// [unknown key, known keys, suggested keys, the certain rename or undefined, why]
const CASES: [string, readonly string[], string[], string | undefined, string][] = [
  ['temprature', CHAT, ['temperature'], 'temperature', 'one letter dropped, 10 characters'],
  ['max_token', CHAT, ['max_tokens'], 'max_tokens', 'one letter dropped, 9 characters'],
  ['maxTokens', CHAT, ['max_tokens'], 'max_tokens', 'camelCase of the same words'],
  ['max-tokens', CHAT, ['max_tokens'], 'max_tokens', 'another separator'],
  ['MAX_TOKENS', CHAT, ['max_tokens'], 'max_tokens', 'another case'],
  ['Temperature', CHAT, ['temperature'], 'temperature', 'another case'],
  ['topP', CHAT, ['top_p'], 'top_p', "Gemini's name of the same parameter"],
  ['N', CHAT, ['n'], 'n', 'a short key in another case is still the same key'],
  ['instruction', RESPONSES, ['instructions'], 'instructions', 'one letter dropped, 11 characters'],
  ['k', CHAT, [], undefined, 'one character: no suggestion at all (k is top-k elsewhere)'],
  ['x', CHAT, [], undefined, 'one character: no suggestion at all'],
  ['tp', CHAT, [], undefined, 'two characters: no suggestion at all'],
  ['top_k', CHAT, ['top_p'], undefined, 'top_k is another parameter of other APIs'],
  ['topK', CHAT, [], undefined, 'two edits from top_p in a 4-character key'],
  ['models', CHAT, ['model'], undefined, 'one edit, but under 8 characters'],
  ['logprob', CHAT, ['logprobs'], undefined, 'one edit, but under 8 characters'],
  ['max_complet_tokens', CHAT, ['max_completion_tokens'], undefined, 'three edits is a guess'],
  ['temperatrue', CHAT, ['temperature'], undefined, 'a transposition is two edits'],
  ['TOP_P', GEMINI_CONFIG, ['top_p', 'topP'], undefined, 'two known keys of its shape'],
  [
    'reasoning_effor',
    ['reasoning_effort', 'reasoning_efforts'],
    ['reasoning_effort', 'reasoning_efforts'],
    undefined,
    'another key two edits away: a near tie',
  ],
  ['colour', CHAT, [], undefined, 'nothing near'],
];

for (const [key, known, suggested, certain, why] of CASES) {
  test(`'${key}': suggests ${JSON.stringify(suggested)}, certain ${certain ?? 'none'} (${why})`, () => {
    assert.deepEqual(suggestKeys(key, known), suggested);
    assert.equal(certainRename(key, known), certain);
  });
}

test('a certain rename is always the first suggestion', () => {
  for (const [key, known] of CASES) {
    const certain = certainRename(key, known);
    if (certain !== undefined) assert.equal(suggestKeys(key, known)[0], certain, key);
  }
});

test('no two keys of one object in the schemas are a long near miss of each other', () => {
  // What makes one edit in 8 characters a misspelling: no real key is that close to another
  // (Gemini's keys spelt both ways are one shape, and a key of its shape is renamed to it anyway).
  const close: string[] = [];
  for (const [schema, facts] of Object.entries(schemaFacts)) {
    for (const [place, fact] of Object.entries(facts)) {
      const keys = fact.keys ?? [];
      for (const a of keys)
        for (const b of keys)
          if (
            a < b &&
            Math.min(a.length, b.length) >= 8 &&
            keyShape(a) !== keyShape(b) &&
            editDistance(a.toLowerCase(), b.toLowerCase(), 2) <= 2
          )
            close.push(`${schema} ${place}: ${a} ${b}`);
    }
  }
  assert.deepEqual(close, []);
});
