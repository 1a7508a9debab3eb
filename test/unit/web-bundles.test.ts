// The web bundles (VS Code for the Web) must run in a browser's web worker: nothing in them may
// import a Node built-in. esbuild's browser platform already refuses to build such an import;
// this holds the built bundles to it through esbuild's own record of their inputs and imports
// (dist/web/meta.json, written by scripts/build.mjs), and gives their sizes.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { builtinModules } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..');

interface Metafile {
  inputs: Record<string, { imports: { path: string; external?: boolean }[] }>;
  outputs: Record<string, { bytes: number; imports: { path: string; external?: boolean }[] }>;
}

const metas = JSON.parse(
  readFileSync(path.join(ROOT, 'dist', 'web', 'meta.json'), 'utf8'),
) as Metafile[];
const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

test('the web bundles are the browser entry and the web-worker server', () => {
  const outputs = metas.flatMap((m) => Object.keys(m.outputs)).filter((o) => o.endsWith('.js'));
  const { browser } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    browser: string;
  };
  assert.deepEqual(outputs.sort(), [browser.replace(/^\.\//, ''), 'dist/web/server.js'].sort());
});

test('no web bundle imports a Node built-in; the only external is the vscode API', () => {
  for (const meta of metas) {
    for (const [input, { imports }] of Object.entries(meta.inputs)) {
      const bad = imports.filter((i) => builtins.has(i.path));
      assert.deepEqual(bad, [], `${input} imports a Node built-in`);
    }
    for (const [output, { imports }] of Object.entries(meta.outputs)) {
      const external = [...new Set(imports.filter((i) => i.external).map((i) => i.path))];
      assert.ok(
        external.every((p) => p === 'vscode'),
        `${output} leaves imports to the host: ${external.join(', ')}`,
      );
    }
  }
});
