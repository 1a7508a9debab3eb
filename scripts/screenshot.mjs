// Writes docs/screenshot.png: VS Code (served by code-server, shown in headless Chromium) with the
// development build of the extension, a seed file open and the Problems panel listing its
// diagnostics. Needs Chromium; provisions code-server like the e2e runner.
// Usage: node scripts/screenshot.mjs [out.png]
import { cpSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openWorkbench } from './e2e/workbench.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const out = path.resolve(process.argv[2] ?? path.join(root, 'docs', 'screenshot.png'));
const FILE = 'batch.jsonl';

const { page, close } = await openWorkbench({
  root,
  work: path.join(root, '.vscode-test', 'screenshot'),
  viewport: { width: 1400, height: 800 },
  // The seed file with the two most common image mistakes, under the name users give it.
  prepare: (workspace) =>
    cpSync(path.join(root, 'examples', 'seed-mistakes.jsonl'), path.join(workspace, FILE)),
});
try {
  await page.getByRole('treeitem', { name: FILE }).click();
  await page.waitForSelector('.monaco-editor .view-lines', { timeout: 30_000 });
  // The squiggles arrive when the language server has checked the file.
  await page.waitForSelector('.monaco-editor .squiggly-error', { timeout: 60_000 });
  await page.keyboard.press('Control+Shift+M');
  const rows = page.locator('.markers-panel .monaco-list-row');
  await rows
    .filter({ hasText: "Invalid value: 'input_image'" })
    .first()
    .waitFor({ timeout: 30_000 });
  await rows.filter({ hasText: 'Invalid type for' }).first().waitFor({ timeout: 30_000 });
  mkdirSync(path.dirname(out), { recursive: true });
  await page.screenshot({ path: out });
  console.log(`wrote ${path.relative(root, out)} (${await rows.count()} rows in Problems)`);
} finally {
  await close();
}
