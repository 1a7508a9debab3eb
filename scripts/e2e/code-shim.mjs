#!/usr/bin/env node
// A stand-in for the VS Code executable that @vscode/test-electron's runTests() spawns. It takes
// the desktop flags (--extensionDevelopmentPath=, --extensionTestsPath=, --user-data-dir=,
// --extensions-dir=, a folder), serves the same VS Code through code-server on loopback, opens the
// workbench in headless Chromium with the test payload, and exits with the extension host's code.
// Configured by the runner through BATCHLINT_SHIM (JSON: node, entry, chromium, timeoutSec).
import { existsSync, mkdtempSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { format } from 'node:util';
import { launchBrowser, startCodeServer, writeUserSettings } from './code-server.mjs';

const config = JSON.parse(process.env.BATCHLINT_SHIM ?? '{}');
const verbose = Boolean(process.env.BATCHLINT_E2E_VERBOSE);

function parseArgs(argv) {
  const out = { dev: [], folder: undefined, tests: undefined, userDataDir: undefined };
  for (const a of argv) {
    const eq = a.indexOf('=');
    const [k, v] = eq > 0 ? [a.slice(0, eq), a.slice(eq + 1)] : [a, ''];
    if (k === '--extensionDevelopmentPath') out.dev.push(path.resolve(v));
    else if (k === '--extensionTestsPath') out.tests = path.resolve(v);
    else if (k === '--user-data-dir') out.userDataDir = path.resolve(v);
    else if (k === '--extensions-dir') out.extensionsDir = path.resolve(v);
    else if (k === '--disable-extensions') out.disableExtensions = true;
    else if (!a.startsWith('-')) out.folder = path.resolve(a);
    // Desktop-only flags (--no-sandbox, --skip-welcome, ...) mean nothing to a web workbench.
  }
  return out;
}

// Lines the workbench logs about the deliberately dead gallery address, not about the tests.
const NOISE = new RegExp(
  [
    '127\\.0\\.0\\.1:9\\b',
    'gallery',
    'Resolv(ed|ing) connection',
    'Creating a socket',
    'grace time',
    'builtin extensions cache',
    '^\\[(Service Worker|AgentHost|AccountPolicyGate)',
  ].join('|'),
  'i',
);

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (!args.tests) throw new Error('code-shim: --extensionTestsPath is required');
  if (!config.node || !config.entry || !config.chromium) {
    throw new Error('code-shim: BATCHLINT_SHIM must name node, entry and chromium');
  }
  const userDataDir =
    args.userDataDir ?? mkdtempSync(path.join(os.tmpdir(), 'batchlint-vscode-user-'));
  const dirs = {
    userDataDir,
    extensionsDir: args.extensionsDir ?? path.join(userDataDir, 'extensions'),
    configFile: path.join(userDataDir, 'code-server.yaml'),
  };
  writeUserSettings(userDataDir);
  const vscodeOptions = ['enable-smoke-test-driver'];
  if (args.disableExtensions) vscodeOptions.push('disable-extensions');
  const server = await startCodeServer(config, dirs, { vscodeOptions, verbose });

  // code-server takes the page's host as the remote authority, so paths must carry it.
  const remote = (p) => `vscode-remote://${server.host}${p}`;
  const extensionEnvironment = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => k.startsWith('BATCHLINT_E2E_')),
  );
  const payload = [
    ...args.dev.map((d) => ['extensionDevelopmentPath', remote(d)]),
    ['extensionTestsPath', remote(args.tests)],
    ['extensionEnvironment', JSON.stringify(extensionEnvironment)],
    ['skipWelcome', 'true'],
    ['skipReleaseNotes', 'true'],
  ];
  let url = `http://${server.host}/?payload=${encodeURIComponent(JSON.stringify(payload))}`;
  if (args.folder) {
    const isDir = existsSync(args.folder) && statSync(args.folder).isDirectory();
    url += `&${isDir ? 'folder' : 'workspace'}=${encodeURIComponent(args.folder)}`;
  } else url += '&ew=true';

  const browser = await launchBrowser(config.chromium);
  // If the runner goes away (killed, or Ctrl+C), take code-server and Chromium down too rather
  // than leave them running with nobody to read the result.
  const parent = process.ppid;
  const abandon = async () => {
    await browser.close();
    await server.stop();
    process.exit(130);
  };
  process.once('SIGINT', abandon);
  process.once('SIGTERM', abandon);
  setInterval(() => process.ppid !== parent && abandon(), 1000).unref();
  const timeoutSec = Number(config.timeoutSec ?? 600);
  const code = await new Promise((resolve) => {
    const timer = setTimeout(() => {
      console.error(`code-shim: no result from the extension host after ${timeoutSec} s`);
      resolve(124);
    }, timeoutSec * 1000);
    const finish = (c) => {
      clearTimeout(timer);
      resolve(c);
    };
    browser.page.on('crash', () => {
      console.error('code-shim: the workbench page crashed');
      finish(3);
    });
    Promise.all([
      browser.page.exposeFunction('codeAutomationLog', (level, logArgs) => {
        const line = format(...(logArgs ?? []));
        if (verbose || !NOISE.test(line)) (level >= 4 ? console.error : console.log)(line);
      }),
      browser.page.exposeFunction('codeAutomationExit', (c) => finish(Number(c))),
    ])
      .then(() => browser.page.goto(url, { waitUntil: 'domcontentloaded' }))
      .catch((e) => {
        console.error('code-shim: could not open the workbench:', e);
        finish(3);
      });
  });
  await browser.close();
  await server.stop();
  return code;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(3);
  },
);
