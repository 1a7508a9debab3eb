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

describe('batchlint.files brace ranges are expanded, or refused with the reason', () => {
  const cases: [string, string[], string[]][] = [
    // picomatch alone compiled {1..20} to [1-20]: 0, 1 and 2 only.
    ['{1..20}.in', ['1.in', '2.in', '15.in', '20.in'], ['0.in', '21.in', '3.in.x']],
    ['{1..99999999}.in', ['12345678.in', '7.in'], ['123456789.in', '0.in']],
    ['{01..10}.in', ['05.in', '10.in'], ['5.in', '11.in']],
    ['{a..e}.jsonl', ['c.jsonl'], ['f.jsonl', 'C.jsonl']],
    ['part-{1..9..2}.txt', ['part-3.txt', 'part-9.txt'], ['part-4.txt']],
    ['{1..3}-{a,b}.in', ['2-a.in', '3-b.in'], ['4-a.in', '2-c.in']],
    ['{5..-5..5}.x', ['5.x', '0.x', '-5.x'], ['1.x', '-1.x']],
    ['{e..a}.x', ['a.x', 'e.x'], ['f.x']],
  ];
  for (const [pattern, yes, no] of cases) {
    it(`${pattern} matches ${yes.join(', ')} and not ${no.join(', ')}`, () => {
      const patterns = compileFilePatterns([pattern]);
      assert.deepEqual(patterns.errors, []);
      for (const name of yes) assert.equal(patterns.matches(`file:///w/${name}`), true, name);
      for (const name of no) assert.equal(patterns.matches(`file:///w/${name}`), false, name);
    });
  }
  const refused: [string, RegExp][] = [
    ['{1..a}.x', /\{1\.\.a\} is not a range of integers or of letters of one case/],
    ['{a..Z}.x', /\{a\.\.Z\} is not a range/],
    ['{1..99999999..7}.x', /has more than 1,000 values to list/],
    ['{0001..99999}.x', /has more than 1,000 values to list/],
  ];
  for (const [pattern, reason] of refused) {
    it(`${pattern} is refused with the reason; the other patterns still match`, () => {
      const patterns = compileFilePatterns([pattern, '*.in']);
      assert.equal(patterns.errors.length, 1);
      assert.match(patterns.errors[0]!, reason);
      assert.equal(patterns.matches('file:///w/a.in'), true);
    });
  }
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
