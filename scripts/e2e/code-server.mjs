// Starts code-server on loopback and opens its workbench in headless Chromium. Shared by the
// test shim (scripts/e2e/code-shim.mjs) and the screenshot scripts (scripts/e2e/workbench.mjs).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { isolatedEnv } from './tools.mjs';

/** The first Chromium-family browser on PATH (Debian's `chromium` first); CHROMIUM overrides. */
export function findChromium() {
  if (process.env.CHROMIUM)
    return existsSync(process.env.CHROMIUM) ? process.env.CHROMIUM : undefined;
  const dirs = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean);
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    for (const dir of dirs) {
      const candidate = path.join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
  }
  return undefined;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** User settings that keep the workbench quiet and deterministic under test. */
export function writeUserSettings(userDataDir, extra = {}) {
  mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  const settings = {
    'telemetry.telemetryLevel': 'off',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'update.mode': 'none',
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    // Without this the built-in chat adds "Fix"/"Explain" entries to every quick-fix list.
    'chat.disableAIFeatures': true,
    'security.workspace.trust.enabled': false,
    ...extra,
  };
  writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
}

/** The common code-server flags: loopback only, no auth, isolated dirs, nothing phoned home. */
export function codeServerArgs(tools, { userDataDir, extensionsDir, configFile }) {
  return [
    tools.entry,
    '--config',
    configFile,
    '--auth',
    'none',
    '--user-data-dir',
    userDataDir,
    '--extensions-dir',
    extensionsDir,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
  ];
}

/** Runs code-server's CLI once (e.g. --install-extension) with the same isolated dirs. */
export function codeServerCli(tools, dirs, args) {
  return new Promise((resolve) => {
    const child = spawn(tools.node, [...codeServerArgs(tools, dirs), ...args], {
      env: isolatedEnv(path.join(dirs.userDataDir, 'home')),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => resolve({ code, out }));
  });
}

/**
 * Starts code-server and resolves once it listens. `vscodeOptions` are VS Code server flags such
 * as `enable-smoke-test-driver` (without it the workbench ignores the test payload in the URL).
 */
export async function startCodeServer(tools, dirs, { vscodeOptions = [], env = {}, verbose }) {
  const port = await freePort();
  mkdirSync(dirs.extensionsDir, { recursive: true });
  writeFileSync(dirs.configFile, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const args = [...codeServerArgs(tools, dirs), '--bind-addr', `127.0.0.1:${port}`];
  for (const o of vscodeOptions) args.push('--vscode-option', o);
  // Its own process group, so stopping it also stops the extension host and other helpers.
  const child = spawn(tools.node, args, {
    env: isolatedEnv(path.join(dirs.userDataDir, 'home'), env),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const onData = (d) => {
    log += d;
    if (verbose) process.stderr.write(d);
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const kill = (signal) => {
    try {
      process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  };
  process.on('exit', () => kill('SIGKILL'));
  await new Promise((resolve, reject) => {
    const check = () => log.includes('HTTP server listening') && resolve();
    child.stdout.on('data', check);
    child.on('exit', (c) => reject(new Error(`code-server exited early (${c}):\n${log}`)));
  });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    kill('SIGTERM');
    const timer = setTimeout(() => kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  };
  return { host: `127.0.0.1:${port}`, stop, log: () => log };
}

/** Headless Chromium with a throwaway profile; returns the context and a cleanup function. */
export async function launchBrowser(executablePath, viewport) {
  const { chromium } = await import('playwright-core');
  const profile = mkdtempSync(path.join(os.tmpdir(), 'batchlint-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    viewport: viewport ?? { width: 1400, height: 850 },
    // Keep Chromium's own ~/.config and ~/.cache writes inside the throwaway profile.
    env: { ...process.env, HOME: profile, XDG_CONFIG_HOME: profile, XDG_CACHE_HOME: profile },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  const close = async () => {
    await context.close().catch(() => {});
    rmSync(profile, { recursive: true, force: true });
  };
  return { context, page: context.pages()[0] ?? (await context.newPage()), close };
}
