// What the .vsix ships, as `vsce ls` (the packager's own listing) says: the bundles in dist/,
// the manifest and the documents a user reads, nothing else (no sources, maps, tests or
// fixtures).

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './harness';

const VSCE = path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');

describe('the extension package', () => {
  it('ships only dist/ bundles, the manifest, README, LICENSE, CHANGELOG and the icon', () => {
    const listed = execFileSync(process.execPath, [VSCE, 'ls', '--no-dependencies'], {
      cwd: ROOT,
      encoding: 'utf8',
    })
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '');
    const { icon, main, browser } = JSON.parse(
      readFileSync(path.join(ROOT, 'package.json'), 'utf8'),
    ) as { icon?: string; main: string; browser: string };
    const allowed = (file: string): boolean =>
      /^dist\/(web\/)?[^/]+\.js$/.test(file) ||
      ['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md'].includes(file) ||
      (icon !== undefined && file === icon.replace(/^\.\//, ''));
    assert.deepEqual(
      listed.filter((f) => !allowed(f)),
      [],
      `vsce ls lists files outside the allowlist: ${listed.join(', ')}`,
    );
    // The bundles the manifest and the client start are in it.
    assert.ok(listed.includes(main.replace(/^\.\//, '')), `${main} is packaged`);
    assert.ok(listed.includes('dist/server.js'), 'the language server is packaged');
    // …and those of VS Code for the Web: the browser entry and the web-worker server it starts.
    assert.ok(listed.includes(browser.replace(/^\.\//, '')), `${browser} is packaged`);
    assert.ok(listed.includes('dist/web/server.js'), 'the web-worker server is packaged');
    assert.ok(listed.includes('README.md') && listed.includes('LICENSE'));
  });
});
