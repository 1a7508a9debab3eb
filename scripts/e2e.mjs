// Real-editor tests, run by `npm test` after the unit and protocol suites:
//   1. the extension's mocha suites inside a real VS Code extension host (development build);
//   2. the packaged .vsix installed into that VS Code, with a small activation suite;
//   3. Neovim as an independent LSP client of dist/server.js.
// VS Code comes from VSCODE_EXECUTABLE, else a normal @vscode/test-electron download when the
// update service answers, else code-server from npm driven by headless Chromium (an offline
// machine). Missing editors skip with one line; BATCHLINT_REQUIRE_E2E=1 turns a skip into a
// failure. BATCHLINT_E2E_EDITOR=download|code-server forces the choice.
import { runTests } from '@vscode/test-electron';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { codeServerCli, findChromium } from './e2e/code-server.mjs';
import { hasNvim, runNvimSuite } from './e2e/nvim.mjs';
import { provisionCodeServer } from './e2e/tools.mjs';
import { ensureVscodeignore, packageExtension, unexpectedEntries } from './e2e/vsix.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
process.chdir(root);
const required = process.env.BATCHLINT_REQUIRE_E2E === '1';
// One folder per run (profiles, workspace copies, the .vsix): several people may run the tests in
// one tree at once. Removed after a passing run, kept after a failing one for inspection.
mkdirSync(path.join(root, '.vscode-test'), { recursive: true });
const runDir = mkdtempSync(path.join(root, '.vscode-test', 'e2e-'));
const outTests = path.join(root, 'out', 'test', 'e2e');
const totals = { passed: 0, failed: 0, skipped: 0 };
const seconds = (t0) => `${((Date.now() - t0) / 1000).toFixed(1)} s`;

const skipped = [];

/** Notes a part that cannot run; a failure instead when the caller requires real editors. */
function skip(what, why, count = 1) {
  skipped.push(`${what} (${why})`);
  if (required) totals.failed += count;
  else totals.skipped += count;
}

function ensureBuilt() {
  if (!existsSync(path.join(outTests, 'index.js'))) {
    const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
    spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
    spawnSync(process.execPath, [tsc, '-p', '.'], { stdio: 'inherit' });
  }
}

/** True when VS Code's update service answers quickly (then test-electron may download). */
function canDownloadVSCode() {
  return new Promise((resolve) => {
    const req = https.request(
      'https://update.code.visualstudio.com/api/releases/stable',
      { method: 'HEAD', timeout: 3000 },
      (res) => {
        res.resume();
        resolve((res.statusCode ?? 500) < 500);
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', () => resolve(false));
    req.end();
  });
}

/** Picks the editor: { kind, executable, tools? } or { kind: 'none', why }. */
async function chooseEditor() {
  const forced = process.env.BATCHLINT_E2E_EDITOR;
  if (process.env.VSCODE_EXECUTABLE) {
    return { kind: 'given', executable: process.env.VSCODE_EXECUTABLE };
  }
  if (forced !== 'code-server' && (forced === 'download' || (await canDownloadVSCode()))) {
    return { kind: 'download' };
  }
  const chromium = findChromium();
  if (!chromium) {
    return {
      kind: 'none',
      why: 'VS Code cannot be downloaded and there is no Chromium to drive code-server: apt-get install chromium',
    };
  }
  const t0 = Date.now();
  const tools = provisionCodeServer(root, (m) => console.log(`e2e: ${m}`));
  console.log(`e2e: code-server ${tools.provisioned ? 'provisioned' : 'cached'} (${seconds(t0)})`);
  const shim = { node: tools.node, entry: tools.entry, chromium, timeoutSec: 300 };
  return {
    kind: 'code-server',
    tools,
    executable: path.join(root, 'scripts', 'e2e', 'code-shim.mjs'),
    env: { BATCHLINT_SHIM: JSON.stringify(shim) },
  };
}

/** Reads the counts the suite's index.ts wrote; a run that never got that far is one failure. */
function readCounts(file, ok) {
  if (existsSync(file)) {
    const c = JSON.parse(readFileSync(file, 'utf8'));
    return { passed: c.passes ?? 0, failed: c.failures ?? 0, skipped: c.pending ?? 0 };
  }
  return { passed: 0, failed: ok ? 0 : 1, skipped: 0 };
}

/** Runs one suite through runTests; adds its counts to the totals and prints one line. */
async function runSuite(name, editor, { testsPath, devPath, userDataDir, extensionsDir, args }) {
  const t0 = Date.now();
  const results = path.join(runDir, `${name}-results.json`);
  rmSync(results, { force: true });
  const workspace = path.join(runDir, `${name}-workspace`);
  cpSync(path.join(root, 'test', 'e2e', 'workspace'), workspace, { recursive: true });
  let ok = true;
  try {
    await runTests({
      ...(editor.executable ? { vscodeExecutablePath: editor.executable } : {}),
      extensionDevelopmentPath: devPath,
      extensionTestsPath: testsPath,
      launchArgs: [
        workspace,
        `--user-data-dir=${userDataDir}`,
        `--extensions-dir=${extensionsDir}`,
        ...args,
      ],
      extensionTestsEnv: {
        ...editor.env,
        BATCHLINT_E2E_RESULTS: results,
        BATCHLINT_E2E_REPO: root,
        BATCHLINT_E2E_EXTENSIONS_DIR: extensionsDir,
      },
    });
  } catch (e) {
    ok = false;
    console.log(`e2e: ${name} run failed: ${e instanceof Error ? e.message : e}`);
  }
  const c = readCounts(results, ok);
  if (!ok && c.failed === 0) c.failed = 1;
  totals.passed += c.passed;
  totals.failed += c.failed;
  totals.skipped += c.skipped;
  const status = c.failed ? 'FAILED' : 'ok';
  console.log(
    `e2e: ${name} suite ${status}: ${c.passed} passed, ${c.failed} failed (${seconds(t0)})`,
  );
}

/** Installs a .vsix into the editor's extensions folder the way a user would. */
async function installVsix(editor, vsix, dirs) {
  if (editor.kind === 'code-server') {
    const r = await codeServerCli(editor.tools, dirs, ['--install-extension', vsix]);
    if (r.code !== 0) throw new Error(`code-server --install-extension failed:\n${r.out}`);
    return;
  }
  const { downloadAndUnzipVSCode, resolveCliArgsFromVSCodeExecutablePath } =
    await import('@vscode/test-electron');
  const exe = editor.executable ?? (await downloadAndUnzipVSCode());
  const [cli, ...cliArgs] = resolveCliArgsFromVSCodeExecutablePath(exe);
  const extra = [`--user-data-dir=${dirs.userDataDir}`, `--extensions-dir=${dirs.extensionsDir}`];
  const r = spawnSync(cli, [...cliArgs, ...extra, '--install-extension', vsix], {
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error(`--install-extension failed (exit ${r.status})`);
}

async function vscodeSuites() {
  if (!existsSync(path.join(root, 'dist', 'extension.js'))) {
    skip('VS Code', 'dist/extension.js is not built yet', 2);
    return;
  }
  const editor = await chooseEditor();
  if (editor.kind === 'none') {
    skip('VS Code', editor.why, 2);
    return;
  }
  console.log(`e2e: VS Code from ${editor.kind === 'given' ? 'VSCODE_EXECUTABLE' : editor.kind}`);
  const profile = (name) => ({
    userDataDir: path.join(runDir, `${name}-user`),
    extensionsDir: path.join(runDir, `${name}-extensions`),
  });

  // 1. The development build, with every other extension disabled.
  await runSuite('extension', editor, {
    testsPath: path.join(outTests, 'index.js'),
    devPath: root,
    ...profile('extension'),
    args: ['--disable-extensions'],
  });

  // 2. The packaged extension, from what --install-extension put in the extensions folder. The
  //    development path is an empty extension: tests run only in a development host.
  const t0 = Date.now();
  const dirs = { ...profile('installed'), configFile: path.join(runDir, 'installed-cs.yaml') };
  try {
    if (ensureVscodeignore(root)) console.log('e2e: created an allowlist .vscodeignore');
    const vsix = packageExtension(root, runDir);
    const bad = unexpectedEntries(vsix, root);
    if (bad.length > 0)
      throw new Error(`the .vsix holds files outside the allowlist: ${bad.join(', ')}`);
    mkdirSync(dirs.extensionsDir, { recursive: true });
    await installVsix(editor, vsix, dirs);
    console.log(`e2e: packaged and installed ${path.relative(root, vsix)} (${seconds(t0)})`);
  } catch (e) {
    console.log(`e2e: packaging FAILED: ${e instanceof Error ? e.message : e}`);
    totals.failed += 1;
    return;
  }
  await runSuite('installed', editor, {
    testsPath: path.join(outTests, 'installed', 'index.js'),
    devPath: path.join(root, 'test', 'e2e', 'installed', 'host'),
    ...dirs,
    args: [],
  });
}

async function nvimSuite() {
  if (!existsSync(path.join(root, 'dist', 'server.js'))) {
    skip('Neovim', 'dist/server.js is not built yet');
    return;
  }
  if (!hasNvim()) {
    skip('Neovim', 'nvim is not installed: apt-get install neovim');
    return;
  }
  const t0 = Date.now();
  const c = await runNvimSuite(root, runDir);
  totals.passed += c.passed;
  totals.failed += c.failed;
  console.log(
    `e2e: neovim suite ${c.failed ? 'FAILED' : 'ok'}: ${c.passed} passed, ${c.failed} failed (${seconds(t0)})`,
  );
}

const started = Date.now();
ensureBuilt();
await vscodeSuites();
await nvimSuite();
if (skipped.length > 0) {
  const verdict = required ? 'FAILED (BATCHLINT_REQUIRE_E2E=1), cannot run' : 'skipped';
  console.log(`e2e: real-editor suites ${verdict}: ${skipped.join('; ')}`);
}
if (totals.failed > 0) console.log(`e2e: logs and profiles kept in ${path.relative(root, runDir)}`);
else rmSync(runDir, { recursive: true, force: true });
console.log(`e2e finished in ${seconds(started)}`);
console.log(`e2e: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 ? 1 : 0);
