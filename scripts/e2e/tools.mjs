// Provisions a real VS Code for machines that cannot download one: code-server from the npm
// registry (it bundles VS Code's server and web workbench) plus the Node 24 it insists on, also
// from npm. The install compiles native modules, so it is cached by version and reused.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const CODE_SERVER_VERSION = '4.139.1';
export const NODE_MAJOR = '24';
const KEY = `code-server-${CODE_SERVER_VERSION}-node${NODE_MAJOR}`;
const MARKER = '.batchlint-complete';

/** Where a cache may live: the per-user one survives fresh clones (CI), `.vscode-test/` is local. */
export function cacheCandidates(root) {
  const userCache = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  const preferred = process.env.BATCHLINT_E2E_CACHE || path.join(userCache, 'batchlint-e2e');
  return [path.join(preferred, KEY), path.join(root, '.vscode-test', KEY)];
}

/** Paths inside one tools folder. */
export function toolPaths(dir) {
  const nodePkg = path.join(dir, 'node24', 'node_modules', 'node');
  return {
    dir,
    node: path.join(nodePkg, 'bin', 'node'),
    // The platform package carries the C headers node-gyp needs to build against Node 24.
    headers: path.join(nodePkg, 'node_modules', `node-${process.platform}-${process.arch}`),
    entry: path.join(dir, 'cs', 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
  };
}

/** An environment that keeps code-server's writes (it touches ~/.config even for --version) in `home`. */
export function isolatedEnv(home, extra = {}) {
  mkdirSync(home, { recursive: true });
  return {
    ...process.env,
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_DATA_HOME: path.join(home, '.local', 'share'),
    XDG_CACHE_HOME: path.join(home, '.cache'),
    // A loopback address that refuses at once, so the workbench never reaches a real gallery.
    EXTENSIONS_GALLERY: JSON.stringify({
      serviceUrl: 'http://127.0.0.1:9/gallery',
      itemUrl: 'http://127.0.0.1:9/item',
    }),
    ...extra,
  };
}

function codeServerRuns(tools) {
  const home = path.join(tools.dir, '.probe-home');
  const r = spawnSync(tools.node, [tools.entry, '--version'], {
    env: isolatedEnv(home),
    encoding: 'utf8',
    timeout: 60_000,
  });
  rmSync(home, { recursive: true, force: true });
  return r.status === 0 && r.stdout.includes(CODE_SERVER_VERSION);
}

/** True when `dir` holds a finished install that still starts. */
export function isIntact(dir) {
  const tools = toolPaths(dir);
  const marker = path.join(dir, MARKER);
  if (!existsSync(marker) || !existsSync(tools.node) || !existsSync(tools.entry)) return false;
  if (readFileSync(marker, 'utf8').trim() !== KEY) return false;
  return codeServerRuns(tools);
}

function commandExists(name) {
  return spawnSync(name, ['--version'], { stdio: 'ignore' }).error === undefined;
}

function debianPackageInstalled(name) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

/** code-server's `kerberos` module compiles against Kerberos headers; install them when we can. */
function ensureKerberosHeaders(log) {
  if (debianPackageInstalled('libkrb5-dev') || commandExists('krb5-config')) return;
  if (process.getuid?.() !== 0) {
    throw new Error(
      'code-server needs the Kerberos headers: apt-get install libkrb5-dev (as root)',
    );
  }
  log('installing libkrb5-dev (needed to compile code-server)');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const apt = (args) => spawnSync('apt-get', args, { stdio: 'inherit', env });
  let r = apt(['install', '-y', '-q', '--no-install-recommends', 'libkrb5-dev']);
  if (r.status !== 0) {
    apt(['update', '-q']);
    r = apt(['install', '-y', '-q', '--no-install-recommends', 'libkrb5-dev']);
  }
  if (r.status !== 0) throw new Error('apt-get install libkrb5-dev failed');
}

function npmInstall(prefix, spec, env, log) {
  mkdirSync(prefix, { recursive: true });
  log(`npm install ${spec}`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const args = ['install', '--prefix', prefix, '--no-save', '--no-package-lock', '--no-audit'];
  const r = spawnSync(npm, [...args, '--no-fund', '--loglevel=error', spec], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env,
  });
  if (r.status !== 0) throw new Error(`npm install ${spec} failed (exit ${r.status})`);
}

/**
 * Returns the paths of an intact code-server + Node 24, installing them first when no cache has
 * them. Installs into a staging folder and renames it, so an interrupted run leaves no half cache.
 */
export function provisionCodeServer(root, log = console.log) {
  const candidates = cacheCandidates(root);
  for (const dir of candidates) {
    if (isIntact(dir)) return { ...toolPaths(dir), provisioned: false };
  }
  const dir = candidates[0];
  const t0 = Date.now();
  log(`provisioning code-server ${CODE_SERVER_VERSION} + Node ${NODE_MAJOR} into ${dir} (cold)`);
  ensureKerberosHeaders(log);
  const staging = `${dir}.staging-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  try {
    installInto(staging, log);
  } catch (e) {
    rmSync(staging, { recursive: true, force: true });
    throw e;
  }
  rmSync(dir, { recursive: true, force: true });
  renameSync(staging, dir);
  log(`provisioned in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  return { ...toolPaths(dir), provisioned: true };
}

function installInto(staging, log) {
  const tools = toolPaths(staging);
  // Under `npm test` the outer npm exports npm_* variables (user agent, prefixes) that an inner
  // npm would take as its own config; code-server's install reads the Node version from that
  // user agent. Drop them; the user's npmrc (registry, proxy, cache) still applies.
  const baseEnv = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)),
  );
  npmInstall(path.join(staging, 'node24'), `node@${NODE_MAJOR}`, baseEnv, log);
  if (!existsSync(tools.node) || !existsSync(path.join(tools.headers, 'include', 'node'))) {
    throw new Error('the node@24 package installed without its binary or headers');
  }
  const buildEnv = {
    ...baseEnv,
    // code-server's install scripts check the Node version (npm must run on Node 24 for that),
    // and node-gyp must build against Node 24's headers.
    PATH: `${path.dirname(tools.node)}${path.delimiter}${process.env.PATH}`,
    npm_config_nodedir: tools.headers,
    npm_config_update_notifier: 'false',
    JOBS: String(Math.max(1, os.availableParallelism?.() ?? 2)),
  };
  npmInstall(path.join(staging, 'cs'), `code-server@${CODE_SERVER_VERSION}`, buildEnv, log);
  if (!codeServerRuns(tools)) throw new Error('code-server installed but does not start');
  writeFileSync(path.join(staging, MARKER), `${KEY}\n`);
}
