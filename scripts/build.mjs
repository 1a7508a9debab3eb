// Builds everything `npm install` must leave working: the compiled schema validators, then the
// esbuild bundles: CLI, language server and VS Code client for Node in dist/, and the client and
// the web-worker server for VS Code for the Web in dist/web/.
import { build } from 'esbuild';
import { existsSync, writeFileSync } from 'node:fs';
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
  // The packaged extension is minified (smaller .vsix, faster start); development builds keep names
  // (and their source maps place every line). Whitespace and comments go in both: Node compiles
  // the whole bundle before running a line of it, so every start of the CLI pays for its size.
  minify: production,
  minifySyntax: true,
  minifyWhitespace: true,
  // jsonc-parser's UMD build hides its requires from the bundler; its ESM build does not.
  mainFields: ['module', 'main'],
  define: {
    BATCHLINT_VERSION: JSON.stringify(JSON.parse(readFileSync('package.json', 'utf8')).version),
  },
};
// gpt-tokenizer's encodings are megabytes of tables that only token counts need: each becomes a
// file of its own in dist/, required on first use, so the bundles stay small and start fast.
const ENCODINGS = ['o200k_base', 'cl100k_base'];
const splitEncodings = {
  name: 'split-encodings',
  setup(b) {
    b.onResolve({ filter: /^gpt-tokenizer\/encoding\// }, (args) =>
      args.importer.includes('node_modules')
        ? undefined
        : { path: `./${args.path.split('/').pop()}.js`, external: true },
    );
  },
};
await Promise.all(
  ENCODINGS.map((name) =>
    build({
      ...common,
      sourcemap: false,
      entryPoints: [`gpt-tokenizer/encoding/${name}`],
      outfile: `dist/${name}.js`,
    }),
  ),
);
// The web worker has no require and no files beside it: the encodings would be inlined, tripling
// the package. There they resolve to an empty module, and token counts say they are unavailable.
const noEncodings = {
  name: 'no-encodings',
  setup(b) {
    b.onResolve({ filter: /^gpt-tokenizer\/encoding\// }, (args) =>
      args.importer.includes('node_modules') ? undefined : { path: args.path, namespace: 'empty' },
    );
    b.onLoad({ filter: /.*/, namespace: 'empty' }, () => ({ contents: 'module.exports = {};' }));
  },
};
const entries = [
  // The command starts the CLI bundle with V8's code cache (server/src/launch.ts).
  { in: 'server/src/launch.ts', out: 'dist/cli.js', banner: '#!/usr/bin/env node' },
  { in: 'server/src/cli.ts', out: 'dist/batchlint.js' },
  { in: 'server/src/server.ts', out: 'dist/server.js' },
  { in: 'client/src/extension.ts', out: 'dist/extension.js', external: ['vscode'] },
];
// The web bundles run in web workers: platform 'browser' makes esbuild refuse any Node built-in
// (the build fails, naming the import). The shared LSP code imports the libraries' Node entries;
// for the web those resolve to the libraries' browser entries, which export the same API.
const web = {
  platform: 'browser',
  target: 'es2022',
  alias: {
    'vscode-languageserver/node': 'vscode-languageserver/browser',
    'vscode-languageclient/node': 'vscode-languageclient/browser',
  },
  metafile: true,
};
const webEntries = [
  { in: 'server/src/browser-server.ts', out: 'dist/web/server.js', ...web, format: 'iife' },
  { in: 'client/src/browser.ts', out: 'dist/web/extension.js', ...web, external: ['vscode'] },
];
const results = await Promise.all(
  [...entries, ...webEntries]
    .filter((e) => existsSync(e.in))
    .map(({ in: input, out, banner, external, ...options }) =>
      build({
        ...common,
        ...options,
        entryPoints: [input],
        outfile: out,
        external: external ?? [],
        plugins: options.platform === 'browser' ? [noEncodings] : [splitEncodings],
        banner: banner ? { js: banner } : undefined,
      }),
    ),
);
// Node reads a file holding one non-ASCII character as UTF-16, twice the text and slower to read
// and compile (8 ms more to start the CLI). esbuild escapes strings but not regular expression
// literals, so a regex must write such a character as an escape (\u2026, not the character).
for (const { out } of entries) {
  if (!existsSync(out)) continue;
  const text = readFileSync(out, 'latin1');
  // eslint-disable-next-line no-control-regex -- the test is for bytes outside ASCII
  const at = text.search(/[^\x00-\x7f]/);
  if (at >= 0) {
    const context = JSON.stringify(readFileSync(out, 'utf8').slice(Math.max(0, at - 60), at + 20));
    throw new Error(`${out} holds a non-ASCII character near ${context}: write it as \\u escape`);
  }
}
// What the web bundles import, for the test that holds them free of Node built-ins and for size
// reports (not shipped: .vscodeignore ships the bundles only).
const meta = results.filter((r) => r.metafile).map((r) => r.metafile);
writeFileSync('dist/web/meta.json', JSON.stringify(meta));
