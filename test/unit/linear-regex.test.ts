// Every regular expression the core, the CLI and the language server apply to a batch file's text
// (or a document's URI) must run in linear
// time: a backtracking one turned a url of 100,000 slashes into a 4-second check. Each regex
// literal (and `new RegExp` of a literal) in those sources is analysed by scslre, which finds
// super-linear backtracking and super-linear moves (a match retried at every start position).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { RegExpParser } from '@eslint-community/regexpp';
import { analyse } from 'scslre';
import { checkLine } from '../../server/src/core/line-check';
import { ENDPOINTS, sameEndpoint, suggestEndpoint } from '../../server/src/core/endpoints';
import { isJsonl, uriPath } from '../../server/src/lsp/validate';
import { Prng } from './fuzz/prng';

const root = path.resolve(__dirname, '..', '..', '..');
const SOURCES = [
  'server/src/core',
  'server/src/cli',
  'server/src/cli.ts',
  'server/src/lsp',
  'server/src/server.ts',
];

function sourceFiles(): string[] {
  return SOURCES.flatMap((entry) => {
    const full = path.join(root, entry);
    if (full.endsWith('.ts')) return [full];
    return readdirSync(full, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.ts'))
      .map((f) => path.join(full, f));
  });
}

/** Regex literals and `new RegExp('literal', 'flags')` calls of one source file, as /source/flags. */
function regexesOf(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isRegularExpressionLiteral(node)) found.push(node.text);
    if (ts.isNewExpression(node) && ts.isIdentifier(node.expression)) {
      const [pattern, flags] = node.arguments ?? [];
      if (node.expression.text === 'RegExp' && pattern && ts.isStringLiteral(pattern)) {
        const f = flags && ts.isStringLiteral(flags) ? flags.text : '';
        found.push(`/${pattern.text.replace(/\//g, '\\/')}/${f}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

test('no regex of the core, the CLI or the language server backtracks or moves super-linearly', () => {
  const parser = new RegExpParser();
  let count = 0;
  const unsafe: string[] = [];
  for (const file of sourceFiles()) {
    for (const literal of regexesOf(file)) {
      count++;
      const result = analyse(parser.parseLiteral(literal), {});
      if (result.reports.length > 0)
        unsafe.push(`${path.relative(root, file)}: ${literal} (${result.reports[0]!.type})`);
    }
  }
  assert.ok(count >= 10, `found only ${count} regexes: is the scan still reading the sources?`);
  assert.deepEqual(unsafe, []);
});

test('the analysis catches the regex that made 100,000 slashes take seconds', () => {
  const parser = new RegExpParser();
  assert.notEqual(analyse(parser.parseLiteral('/\\/+$/'), {}).reports.length, 0);
});

test('the analysis catches the URI regex the language server used to cut queries and fragments', () => {
  const parser = new RegExpParser();
  assert.notEqual(analyse(parser.parseLiteral('/[?#].*$/'), {}).reports.length, 0);
});

test("a document's URI is cut at its first '?' or '#', also after 100,000 of them", () => {
  const run = '?'.repeat(100_000) + '#'.repeat(100_000);
  const cases: [string, string][] = [
    ['file:///a/batch.jsonl', 'file:///a/batch.jsonl'],
    ['file:///a/batch.jsonl?x=1#top', 'file:///a/batch.jsonl'],
    ['file:///a/batch.jsonl#q?x', 'file:///a/batch.jsonl'],
    [`file:///a/batch.jsonl${run}\nx`, 'file:///a/batch.jsonl'],
    [`file:///a/b${run}.jsonl`, 'file:///a/b'],
    [run, ''],
  ];
  for (const [uri, path] of cases) {
    assert.equal(uriPath(uri), path, uri.slice(0, 40));
    assert.equal(
      isJsonl({ uri, languageId: 'plaintext' }),
      /\.jsonl$/i.test(path),
      uri.slice(0, 40),
    );
  }
});

test('a url of 100,000 slashes is an invalid url, with no suggestion', () => {
  const slashes = '/'.repeat(100_000);
  for (const url of [slashes, `${slashes}x`, `https://host${slashes}x`]) {
    const line = JSON.stringify({ custom_id: 'a', method: 'POST', url, body: {} });
    const problems = checkLine(line).problems;
    assert.equal(problems[0]?.code, 'invalid_value');
    assert.equal(suggestEndpoint(url), undefined);
  }
});

test('suggestEndpoint reads near-miss urls as the regex it replaced did (2,000 seeded urls)', () => {
  const oracle = (url: string): string =>
    url
      .trim()
      .replace(/^https?:\/\/[^/]+/, '')
      .replace(/\/+$/, '');
  const pieces = ['/', '//', 'v1', '/v1', 'chat', '/completions', 'https://', 'http://', 'h', ' '];
  const r = new Prng(0x5a5);
  for (let i = 0; i < 2_000; i++) {
    let url = '';
    for (let n = r.range(0, 6); n > 0; n--) url += r.pick(pieces);
    const bare = oracle(url);
    const withSlash = bare.startsWith('/') ? bare : `/${bare}`;
    const expected = ENDPOINTS.find((e) => [withSlash, `/v1${withSlash}`].includes(e));
    assert.equal(sameEndpoint(url), expected, JSON.stringify(url));
    if (expected) assert.equal(suggestEndpoint(url), expected, JSON.stringify(url));
  }
});
