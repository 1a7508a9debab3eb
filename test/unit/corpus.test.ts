// No false alarms: every line of the valid corpus, through the whole pipeline (syntax, envelope,
// schemas, rules), draws no error and no warning; the only notes allowed are about a parameter
// itself: deprecated, or not in the API reference though the API takes it at times.
// A clean example file checks with no problem at all.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { checkText } from '../../server/src/core';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const CORPUS = path.join(ROOT, 'test', 'fixtures', 'valid');
/** Notes a valid line may draw: deprecations, and what the model table knows of its model. */
const ALLOWED_NOTES = new Set([
  'deprecated_parameter',
  'undocumented_parameter',
  'unknown_model',
  'model_deprecated',
  'model_not_in_batch',
  'model_shut_down',
]);

const files = readdirSync(CORPUS).filter((f) => f.endsWith('.jsonl'));

test('the corpus covers every checked endpoint', () => {
  const manifest = JSON.parse(
    readFileSync(path.join(ROOT, 'schemas', 'endpoints.json'), 'utf8'),
  ) as {
    endpoints: Array<{ schema: string | null }>;
  };
  const checked = manifest.endpoints.filter((e) => e.schema !== null);
  assert.ok(checked.length >= 5);
  // Each checked endpoint has its file; more files (other dialects of a request) may sit beside them.
  const missing = checked
    .map((e) => e.schema!.replace(/\.json$/, '.jsonl'))
    .filter((name) => !files.includes(name));
  assert.deepEqual(missing, [], 'endpoints without a corpus file');
});

// The corpus is valid as of the model table's date: shutdown dates pass, and a model that is
// shut down later is the table's news, not the corpus's fault. Check on that date.
const { asOf } = JSON.parse(readFileSync(path.join(ROOT, 'data', 'models.json'), 'utf8')) as {
  asOf: string;
};
const ON_TABLE_DATE = { today: asOf };

for (const file of files) {
  test(`corpus: every line of ${file} checks clean through the whole pipeline`, () => {
    const lines = readFileSync(path.join(CORPUS, file), 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '');
    assert.ok(lines.length >= 15);
    for (const line of lines) {
      const unexpected = checkText(line, ON_TABLE_DATE).problems.filter(
        (p) => p.severity !== 'info' || !ALLOWED_NOTES.has(p.code),
      );
      assert.deepEqual(unexpected, [], line.slice(0, 120));
    }
  });
}

test('the clean example file has no problem at all', () => {
  const text = readFileSync(path.join(ROOT, 'examples', 'clean-chat.jsonl'), 'utf8');
  const result = checkText(text, ON_TABLE_DATE);
  assert.deepEqual(result.problems, []);
  assert.equal(result.summary.requests, 5);
});
