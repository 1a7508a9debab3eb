// A second checker to measure beside this one, built from a git revision: `npm run bench --
// --baseline REV` times that revision's CLI in the same run, on the same inputs, against the
// same floor. A ratio from another day or another machine says little on a shared machine (one
// check varies ±20% from minute to minute); a baseline measured between the same floor runs
// says what a change cost.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Checks out `rev` in a temporary git worktree of the repository at `root`, reusing `root`'s
 * node_modules, and builds it. Returns { label, cli, remove }: a short name for the table, the
 * path of its built CLI, and a function that removes the worktree. Throws when `rev` is not a
 * commit, when the revision has no scripts/build.mjs, or when its build fails.
 */
export function buildBaseline(root, rev) {
  const git = (...args) =>
    execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  let sha;
  try {
    sha = git('rev-parse', '--verify', '--end-of-options', `${rev}^{commit}`).trim();
  } catch {
    throw new Error(`--baseline ${rev}: not a commit of this repository`);
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'batchlint-baseline-'));
  const remove = () => {
    rmSync(dir, { recursive: true, force: true });
    git('worktree', 'prune');
  };
  try {
    git('worktree', 'add', '--detach', '--force', dir, sha);
    if (!existsSync(path.join(dir, 'scripts/build.mjs'))) {
      throw new Error(`--baseline ${rev}: it has no scripts/build.mjs to build it with`);
    }
    // Built with today's dependencies: what is measured is the checker's own code.
    symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: dir, stdio: 'inherit' });
  } catch (error) {
    remove();
    throw error;
  }
  const short = sha.slice(0, 7);
  const label = sha.startsWith(rev) ? short : `${rev} ${short}`;
  return { label, cli: path.join(dir, 'dist/cli.js'), remove };
}
