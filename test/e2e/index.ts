// Entry point the editor loads as --extensionTestsPath for the development-build suites: the
// extension comes from the repository (extensionDevelopmentPath), the tests from ./suite.
import * as path from 'node:path';
import { runSuites } from './mocha';

export function run(): Promise<void> {
  return runSuites(path.join(__dirname, 'suite'), 'extension');
}
