// Runs a folder of compiled mocha suites inside the extension host and writes the counts where
// the runner asked (BATCHLINT_E2E_RESULTS), since the host's console is the only other channel.
import { readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export function runSuites(dir: string, suiteName: string): Promise<void> {
  const mocha = new Mocha({
    ui: 'tdd',
    color: false,
    // Generous per test: the first one pays for the language server's start.
    timeout: 60_000,
    ...(process.env.BATCHLINT_E2E_GREP ? { grep: process.env.BATCHLINT_E2E_GREP } : {}),
  });
  for (const f of readdirSync(dir).sort()) {
    if (f.endsWith('.test.js')) mocha.addFile(path.join(dir, f));
  }
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const out = process.env.BATCHLINT_E2E_RESULTS;
      if (out) {
        const { passes, failures: failed, pending } = runner.stats ?? {};
        const counts = { suite: suiteName, passes, failures: failed, pending };
        writeFileSync(out, JSON.stringify(counts));
      }
      if (failures > 0) reject(new Error(`${failures} ${suiteName} test(s) failed`));
      else resolve();
    });
  });
}
