// The entry VS Code's extension host loads for `npm run test:vscode` (--extensionTestsPath): runs every
// *.test.js bundle next to it with mocha (tdd ui). Built by scripts/test-vscode.ts into out/vscode-tests/suite/.
import Mocha from 'mocha';
import { readdirSync } from 'node:fs';
import path from 'node:path';

/** The compiled test files in `dir`, in name order. */
export function testFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.test.js'))
    .sort()
    .map((name) => path.join(dir, name));
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: true, timeout: 60_000 });
  const files = testFiles(__dirname);
  if (files.length === 0) return Promise.reject(new Error(`no *.test.js files in ${__dirname}`));
  for (const file of files) mocha.addFile(file);
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} test(s) failed`)) : resolve()));
  });
}
