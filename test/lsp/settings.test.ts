// The pure pieces of the server: settings normalisation and `batchlint.files` glob matching.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_SETTINGS, normalizeSettings } from '../../server/src/lsp/settings';
import { matchesAny } from '../../server/src/lsp/glob';

describe('normalizeSettings', () => {
  const cases: [string, unknown, Partial<typeof DEFAULT_SETTINGS>][] = [
    ['nothing', undefined, {}],
    ['null', null, {}],
    ['an array', [1, 2], {}],
    ['wrong types', { enable: 'yes', files: 'x', maxProblems: -3, severity: 7 }, {}],
    ['enable off', { enable: false }, { enable: false }],
    ['globs, blanks dropped', { files: ['**/*.batch', '', 3] }, { files: ['**/*.batch'] }],
    ['maxProblems floored', { maxProblems: 12.7 }, { maxProblems: 12 }],
    ['maxProblems not finite', { maxProblems: Infinity }, {}],
    [
      'severity: bad levels dropped',
      { severity: { a: 'warning', b: 'loud', c: 'off' } },
      { severity: { a: 'warning', c: 'off' } },
    ],
    ['trace nested', { trace: { server: 'verbose' } }, { trace: { server: 'verbose' } }],
    ['trace flat', { 'trace.server': 'messages' }, { trace: { server: 'messages' } }],
    ['trace unknown', { trace: { server: 'loud' } }, {}],
  ];
  for (const [name, raw, expected] of cases) {
    it(name, () => assert.deepEqual(normalizeSettings(raw), { ...DEFAULT_SETTINGS, ...expected }));
  }
});

describe('batchlint.files globs', () => {
  const cases: [string, string[], boolean][] = [
    ['file:///p/data/requests.txt', ['**/requests.txt'], true],
    ['file:///p/data/requests.txt', ['requests.txt'], true],
    ['file:///p/data/requests.txt', ['*.txt'], true],
    ['file:///p/data/requests.txt', ['data/*.txt'], true],
    ['file:///p/data/requests.txt', ['other/*.txt'], false],
    ['file:///p/a/b/batch.ndjson', ['**/*.{ndjson,jsonlines}'], true],
    ['file:///p/a/b/batch.json', ['**/*.{ndjson,jsonlines}'], false],
    ['file:///p/my%20dir/x.in', ['my dir/*.in'], true],
    ['file:///p/x.in', [], false],
  ];
  for (const [uri, globs, expected] of cases) {
    it(`${uri} ${JSON.stringify(globs)} → ${expected}`, () =>
      assert.equal(matchesAny(uri, globs), expected));
  }
});
