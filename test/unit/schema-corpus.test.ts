// The valid corpus: real-world shapes the API accepts (section "what real, accepted batch lines
// look like") must never draw an error or a warning. Guarded against passing vacuously: the
// corpus must be non-empty, and a broken copy of every line must draw an error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Endpoint } from '../../server/src/core/types';
import { validateBody, validateEnvelope } from '../../server/src/core/schema';

// Compiled to out/test/unit; the fixtures stay in the source tree.
const ROOT = path.resolve(__dirname, '..', '..', '..');
const CORPUS = path.join(ROOT, 'test', 'fixtures', 'valid');

/** One corpus file per endpoint whose body is checked, named like its schema (the manifest says which). */
const manifest = JSON.parse(readFileSync(path.join(ROOT, 'schemas', 'endpoints.json'), 'utf8')) as {
  endpoints: Array<{ schema: string | null }>;
};
const MIN_LINES: Record<string, number> = Object.fromEntries(
  manifest.endpoints.flatMap((e) =>
    e.schema ? [[e.schema.replace(/\.json$/, '.jsonl'), 15]] : [],
  ),
);

interface Request {
  custom_id: string;
  url: Endpoint;
  body: Record<string, unknown>;
}

function load(file: string): Request[] {
  return readFileSync(path.join(CORPUS, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Request);
}

test('corpus: every endpoint file is there and large enough', () => {
  const files = readdirSync(CORPUS).filter((f) => f.endsWith('.jsonl'));
  // Other files (dialects of a request) may sit beside the endpoints' own.
  const missing = Object.keys(MIN_LINES).filter((name) => !files.includes(name));
  assert.deepEqual(missing, [], 'endpoint files missing from the corpus');
  for (const [file, min] of Object.entries(MIN_LINES)) {
    assert.ok(load(file).length >= min, `${file} has fewer than ${min} lines`);
  }
});

for (const file of Object.keys(MIN_LINES)) {
  test(`corpus: ${file} draws no error or warning`, () => {
    const requests = load(file);
    assert.ok(requests.length > 0);
    for (const request of requests) {
      const findings = [...validateEnvelope(request), ...validateBody(request.url, request.body)];
      const serious = findings.filter((f) => f.severity !== 'info');
      assert.deepEqual(serious, [], `${request.custom_id}: ${JSON.stringify(serious)}`);
    }
  });

  test(`corpus: ${file} lines, broken, draw errors (the check is not vacuous)`, () => {
    for (const request of load(file)) {
      const broken = { ...request.body, not_a_parameter: true, model: 42 };
      const codes = validateBody(request.url, broken).map((f) => f.code);
      assert.ok(codes.includes('unknown_parameter'), request.custom_id);
      assert.ok(codes.includes('invalid_type'), request.custom_id);
    }
  });
}
