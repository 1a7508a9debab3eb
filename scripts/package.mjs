// `npm run package`: builds the bundles and packages the extension as a .vsix with vsce.
// Dependencies are bundled by esbuild, so the package carries dist/ and nothing from node_modules.

import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
process.chdir(root);
const { name, version } = JSON.parse(readFileSync('package.json', 'utf8'));
const out = process.argv[2] ?? `${name}-${version}.vsix`;
// A guard against shipping what is not ours to ship (node_modules, maps). The tokenizer tables
// (o200k_base, cl100k_base) are 1.5 MB of it after compression; the code is under 1 MB.
const MAX_BYTES = 3 * 1024 * 1024;

execFileSync(process.execPath, ['scripts/build.mjs', '--production'], { stdio: 'inherit' });
execFileSync(
  process.execPath,
  // The Marketplace page is the user's README (client/README.md), not the developers' one.
  [
    'node_modules/@vscode/vsce/vsce',
    'package',
    '--no-dependencies',
    '--readme-path',
    'client/README.md',
    '-o',
    out,
  ],
  { stdio: 'inherit' },
);
const size = statSync(out).size;
console.log(`${out}: ${(size / 1024).toFixed(0)} KB`);
if (size > MAX_BYTES) {
  console.error(`package is larger than ${MAX_BYTES / 1024 / 1024} MB`);
  process.exit(1);
}
