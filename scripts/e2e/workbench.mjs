// Opens VS Code (code-server in headless Chromium) on a workspace folder with the extension
// loaded from a development build, for the screenshot scripts. The real-editor tests start
// their own workbench through scripts/e2e/code-shim.mjs.
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { findChromium, launchBrowser, startCodeServer, writeUserSettings } from './code-server.mjs';
import { provisionCodeServer } from './tools.mjs';

/** Settings that keep screenshots about the file: light theme, no minimap, wrapped lines. */
const SCREEN_SETTINGS = {
  'workbench.colorTheme': 'Default Light Modern',
  'editor.minimap.enabled': false,
  'window.commandCenter': false,
  'workbench.layoutControl.enabled': false,
  // Wrapped lines show the squiggles under the offending values; the empty chat sidebar would
  // only take room from them.
  'editor.wordWrap': 'on',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

/**
 * Starts a workbench in the empty folder `work` (removed first): the workspace is
 * `work/workspace`, filled by `prepare(workspace)` before the workbench opens it.
 * `root` is this checkout (for the code-server cache); `extensionRoot` the built extension
 * to load (defaults to `root`); `viewport` the page size in CSS pixels.
 * Resolves to `{ page, close }` once the explorer shows; throws when no Chromium is found.
 */
export async function openWorkbench({
  root,
  extensionRoot = root,
  work,
  viewport,
  settings = {},
  prepare,
}) {
  const chromium = findChromium();
  if (!chromium) throw new Error('no Chromium found (apt-get install chromium, or set CHROMIUM)');
  const tools = provisionCodeServer(root);
  rmSync(work, { recursive: true, force: true });
  const workspace = path.join(work, 'workspace');
  mkdirSync(workspace, { recursive: true });
  await prepare(workspace);
  const dirs = {
    userDataDir: path.join(work, 'user'),
    extensionsDir: path.join(work, 'extensions'),
    configFile: path.join(work, 'code-server.yaml'),
  };
  writeUserSettings(dirs.userDataDir, { ...SCREEN_SETTINGS, ...settings });
  const server = await startCodeServer(tools, dirs, {
    // The payload (a development path) is read only with the test driver enabled.
    vscodeOptions: ['enable-smoke-test-driver', 'disable-extensions'],
  });
  const browser = await launchBrowser(chromium, viewport);
  const close = async () => {
    await browser.close();
    await server.stop();
  };
  try {
    const payload = [
      ['extensionDevelopmentPath', `vscode-remote://${server.host}${extensionRoot}`],
      ['skipWelcome', 'true'],
      ['skipReleaseNotes', 'true'],
    ];
    const url =
      `http://${server.host}/?folder=${encodeURIComponent(workspace)}` +
      `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    await browser.page.goto(url, { waitUntil: 'domcontentloaded' });
    await browser.page.waitForSelector('.monaco-workbench .explorer-folders-view', {
      timeout: 90_000,
    });
  } catch (error) {
    await close();
    throw error;
  }
  return { page: browser.page, close };
}
