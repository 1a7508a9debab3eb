// The one test command (`npm test`): builds, type-checks the tests into out/, then runs the suites
// with node's test runner. `node scripts/test.mjs unit|cli|lsp|e2e` runs one suite.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
process.chdir(root);
const only = process.argv[2];
// Every suite, and every server and editor it starts, checks on the model table's date: the
// results must not change the day a model in an example retires. Tests of shutdown dates set
// their own date.
process.env.BATCHLINT_TODAY ??= JSON.parse(readFileSync('data/models.json', 'utf8')).asOf;

const run = (cmd, args) => execFileSync(cmd, args, { stdio: 'inherit' });
// One formatter for the whole tree: an unformatted file fails the full run.
if (!only)
  run(process.execPath, [
    'node_modules/prettier/bin/prettier.cjs',
    '--check',
    '--log-level',
    'warn',
    '.',
  ]);
// One linter too (eslint.config.mjs), in the full run and with the unit suite (so a check before
// landing catches lint errors); its cache keeps a second run to the changed files.
if (!only || only === 'unit')
  run(process.execPath, [
    'node_modules/eslint/bin/eslint.js',
    '--cache',
    '--cache-location',
    'node_modules/.cache/eslint/',
    '.',
  ]);
run(process.execPath, ['scripts/build.mjs']);
run(process.execPath, ['node_modules/typescript/bin/tsc', '-p', '.']);

const suites = ['unit', 'cli', 'lsp'].filter((s) => !only || s === only);
const files = suites.flatMap((suite) => {
  const dir = path.join('out', 'test', suite);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.test.js'))
    .map((f) => path.join(dir, f));
});
let failed = false;
if (files.length > 0) {
  const result = spawnSync(process.execPath, ['--test', '--test-reporter=spec', ...files], {
    stdio: 'inherit',
  });
  failed = result.status !== 0;
}
if (!only || only === 'e2e') {
  if (existsSync('scripts/e2e.mjs')) {
    const result = spawnSync(process.execPath, ['scripts/e2e.mjs'], { stdio: 'inherit' });
    failed ||= result.status !== 0;
  }
}
process.exit(failed ? 1 : 0);
