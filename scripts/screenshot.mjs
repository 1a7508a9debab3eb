// Writes docs/screenshot.png: VS Code (served by code-server, shown in headless Chromium) with the
// development build of the extension, a seed file open and the Problems panel listing its
// diagnostics. Needs Chromium; provisions code-server like the e2e runner.
// Usage: node scripts/screenshot.mjs [out.png]
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  findChromium,
  launchBrowser,
  startCodeServer,
  writeUserSettings,
} from './e2e/code-server.mjs';
import { provisionCodeServer } from './e2e/tools.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const out = path.resolve(process.argv[2] ?? path.join(root, 'docs', 'screenshot.png'));
const FILE = 'batch.jsonl';

const chromium = findChromium();
if (!chromium) throw new Error('no Chromium found (apt-get install chromium, or set CHROMIUM)');
const tools = provisionCodeServer(root);
const work = path.join(root, '.vscode-test', 'screenshot');
rmSync(work, { recursive: true, force: true });
const workspace = path.join(work, 'workspace');
mkdirSync(workspace, { recursive: true });
// The seed file with the two most common image mistakes, under the name users give it.
cpSync(path.join(root, 'examples', 'seed-mistakes.jsonl'), path.join(workspace, FILE));
const dirs = {
  userDataDir: path.join(work, 'user'),
  extensionsDir: path.join(work, 'extensions'),
  configFile: path.join(work, 'code-server.yaml'),
};
writeUserSettings(dirs.userDataDir, {
  'workbench.colorTheme': 'Default Light Modern',
  'editor.minimap.enabled': false,
  'window.commandCenter': false,
  'workbench.layoutControl.enabled': false,
  // Wrapped lines show the squiggles under the offending values; the empty chat sidebar would
  // only take room from them.
  'editor.wordWrap': 'on',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
});

const server = await startCodeServer(tools, dirs, {
  // The payload (our development path) is read only with the test driver enabled.
  vscodeOptions: ['enable-smoke-test-driver', 'disable-extensions'],
});
const browser = await launchBrowser(chromium, { width: 1400, height: 800 });
try {
  const { page } = browser;
  const payload = [
    ['extensionDevelopmentPath', `vscode-remote://${server.host}${root}`],
    ['skipWelcome', 'true'],
    ['skipReleaseNotes', 'true'],
  ];
  const url =
    `http://${server.host}/?folder=${encodeURIComponent(workspace)}` +
    `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await page.waitForSelector('.monaco-workbench .explorer-folders-view', { timeout: 90_000 });
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
  await browser.close();
  await server.stop();
}
