// The pure pieces of the server: settings normalisation and `batchlint.files` glob matching.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  DEFAULT_SETTINGS,
  dialectFor,
  normalizeSettings,
  toCheckOptions,
} from '../../server/src/lsp/settings';
import { compileFilePatterns } from '../../server/src/lsp/file-patterns';

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
    ['dialect by name', { dialect: 'anthropic' }, { dialect: 'anthropic' }],
    ['dialect unknown', { dialect: 'claude' }, {}],
    [
      'dialect globs: bad entries dropped',
      { dialect: { '**/claude/*.jsonl': 'anthropic', '*.x': 'nope', '': 'gemini' } },
      { dialect: { '**/claude/*.jsonl': 'anthropic' } },
    ],
    ['dialect globs all bad', { dialect: { a: 1 } }, {}],
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
      assert.equal(compileFilePatterns(globs).matches(uri), expected));
  }
});

describe('batchlint.files patterns are validated and matched in linear time', () => {
  it('an invalid pattern is named with the reason; the valid ones still match', () => {
    const patterns = compileFilePatterns(['a[', '!*.txt', '+(x|y).txt', 'requests.txt']);
    assert.equal(patterns.errors.length, 2, patterns.errors.join('\n'));
    assert.match(patterns.errors[0]!, /"a\[" is not a valid pattern \(Missing closing: "\]"/);
    assert.match(patterns.errors[1]!, /"!\*\.txt" is not a valid pattern \(negated patterns/);
    assert.equal(patterns.matches('file:///p/requests.txt'), true);
    assert.equal(patterns.matches('file:///p/x.txt'), true);
  });

  it('*a*a*a*a*a*a*a*a*ab against a 100,000-character name (was: seconds of backtracking)', () => {
    const patterns = compileFilePatterns(['*a*a*a*a*a*a*a*a*ab', 'data/**/*a*a*a*a*ab']);
    assert.deepEqual(patterns.errors, []);
    const name = 'a'.repeat(100_000);
    assert.equal(patterns.matches(`file:///p/${name}`), false);
    assert.equal(patterns.matches(`file:///p/data/${'a/'.repeat(5000)}${name}`), false);
    assert.equal(patterns.matches(`file:///p/${name}b`), true);
  });
});

describe('batchlint.dialect', () => {
  const settings = normalizeSettings({
    dialect: { '**/claude/*.jsonl': 'anthropic', 'gemini-*.jsonl': 'gemini' },
  });
  const cases: [string, string | undefined][] = [
    ['file:///w/claude/a.jsonl', 'anthropic'],
    ['file:///w/data/gemini-01.jsonl', 'gemini'],
    ['file:///w/data/batch.jsonl', undefined],
  ];
  for (const [uri, dialect] of cases) {
    it(`${uri} → ${dialect ?? 'detected'}`, () => {
      assert.equal(dialectFor(settings, uri), dialect);
      assert.equal(toCheckOptions(settings, undefined, uri).dialect, dialect);
    });
  }
  it('a name applies to every file; auto to none', () => {
    assert.equal(dialectFor(normalizeSettings({ dialect: 'azure' }), 'file:///x.jsonl'), 'azure');
    assert.equal(dialectFor(normalizeSettings({ dialect: 'auto' }), 'file:///x.jsonl'), undefined);
  });
});
