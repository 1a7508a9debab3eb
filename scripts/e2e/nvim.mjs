// Runs the Neovim LSP test (test/nvim/quickfix.lua) headless against dist/server.js and turns
// its "ok"/"not ok" lines into counts.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export function hasNvim() {
  return spawnSync('nvim', ['--version'], { stdio: 'ignore' }).status === 0;
}

export async function runNvimSuite(root, runDir) {
  const dir = path.join(runDir, 'nvim');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'chat-image-url-string.jsonl');
  copyFileSync(path.join(root, 'test', 'e2e', 'workspace', 'chat-image-url-string.jsonl'), file);
  const outFile = path.join(dir, 'result.txt');
  const script = path.join(root, 'test', 'nvim', 'quickfix.lua');
  const env = {
    ...process.env,
    BATCHLINT_NODE: process.execPath,
    BATCHLINT_SERVER: path.join(root, 'dist', 'server.js'),
    BATCHLINT_NVIM_OUT: outFile,
    // Keep Neovim's state, shada and logs out of the user's home.
    XDG_STATE_HOME: path.join(dir, 'state'),
    XDG_DATA_HOME: path.join(dir, 'data'),
    XDG_CACHE_HOME: path.join(dir, 'cache'),
  };
  const args = ['--headless', '--clean', '-n', '-i', 'NONE', file, '-c', `luafile ${script}`];
  const code = await new Promise((resolve) => {
    const child = spawn('nvim', args, { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => {
      console.error('nvim: no result after 90 s');
      child.kill('SIGKILL');
    }, 90_000);
    child.on('close', (c) => {
      clearTimeout(timer);
      if (c !== 0 && stderr.trim()) console.error(stderr.trim());
      resolve(c);
    });
  });
  const lines = existsSync(outFile)
    ? readFileSync(outFile, 'utf8').split('\n').filter(Boolean)
    : [];
  for (const l of lines) console.log(`  nvim: ${l}`);
  const passed = lines.filter((l) => l.startsWith('ok ')).length;
  let failed = lines.filter((l) => l.startsWith('not ok ')).length;
  // A crash before any result, or an exit code that contradicts the lines, is a failure too.
  if (failed === 0 && (code !== 0 || passed === 0)) failed = 1;
  return { passed, failed, skipped: 0 };
}
