// Builds everything `npm install` must leave working: the compiled schema validators, then the
// three esbuild bundles (CLI, language server, VS Code client) in dist/.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { readFileSync } from 'node:fs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
process.chdir(root);

// 1. JSON Schemas -> standalone ajv validation code (no `new Function` at run time).
if (existsSync('scripts/compile-schemas.mjs')) {
  execFileSync(process.execPath, ['scripts/compile-schemas.mjs'], { stdio: 'inherit' });
}
// 1b. The rules folder -> the index of rules the runner reads.
if (existsSync('scripts/index-rules.mjs')) {
  execFileSync(process.execPath, ['scripts/index-rules.mjs'], { stdio: 'inherit' });
}

// 2. Bundles. Each entry is optional so a partial tree still builds the parts it has.
const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: !production,
  logLevel: 'warning',
  // The packaged extension is minified (smaller .vsix, faster start); development builds keep names.
  minify: production,
  minifySyntax: true,
  // jsonc-parser's UMD build hides its requires from the bundler; its ESM build does not.
  mainFields: ['module', 'main'],
  define: {
    BATCHLINT_VERSION: JSON.stringify(JSON.parse(readFileSync('package.json', 'utf8')).version),
  },
};
const entries = [
  { in: 'server/src/cli.ts', out: 'dist/cli.js', banner: '#!/usr/bin/env node' },
  { in: 'server/src/server.ts', out: 'dist/server.js' },
  { in: 'client/src/extension.ts', out: 'dist/extension.js', external: ['vscode'] },
];
await Promise.all(
  entries
    .filter((e) => existsSync(e.in))
    .map((e) =>
      build({
        ...common,
        entryPoints: [e.in],
        outfile: e.out,
        external: e.external ?? [],
        banner: e.banner ? { js: e.banner } : undefined,
      }),
    ),
);
