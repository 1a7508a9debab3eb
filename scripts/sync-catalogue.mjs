// Writes what is derived from the problem catalogue (server/src/core/catalogue.ts) into the files
// that cannot import it: the README's table of problem codes and the `batchlint.severity`
// setting's list of codes in package.json. test/unit/catalogue.test.ts fails when they disagree.
//
// Usage: node scripts/sync-catalogue.mjs   (builds and type-checks first, to read out/)
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
process.chdir(root);
execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', '.'], {
  stdio: 'inherit',
});
const require = createRequire(import.meta.url);
const { PROBLEMS } = require(path.join(root, 'out/server/src/core/catalogue.js'));
const { codeTable, README_MARKERS } = require(path.join(root, 'out/test/unit/catalogue-table.js'));

const readme = readFileSync('README.md', 'utf8');
const [open, close] = README_MARKERS;
const start = readme.indexOf(open);
const end = readme.indexOf(close);
if (start < 0 || end < start) throw new Error(`README.md needs the markers ${open} and ${close}`);
writeFileSync(
  'README.md',
  `${readme.slice(0, start + open.length)}\n\n${codeTable(PROBLEMS)}\n${readme.slice(end)}`,
);

const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
const severity = manifest.contributes.configuration.properties['batchlint.severity'];
severity.propertyNames = { enum: Object.keys(PROBLEMS) };
writeFileSync('package.json', `${JSON.stringify(manifest, null, 2)}\n`);
execFileSync(
  process.execPath,
  [
    'node_modules/prettier/bin/prettier.cjs',
    '--write',
    '--log-level',
    'warn',
    'README.md',
    'package.json',
  ],
  { stdio: 'inherit' },
);
