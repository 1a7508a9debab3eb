// Entry point for the packaged-extension suite: the editor has the .vsix installed and no
// development path, so this checks what a user would get from the Marketplace file.
import { runSuites } from '../mocha';

export function run(): Promise<void> {
  return runSuites(__dirname, 'installed');
}
