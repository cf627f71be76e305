// `npm run test:vscode`: the mocha suite of test/vscode/ inside desktop VS Code's extension host
// (@vscode/test-electron), against the local emulator and a throwaway AWS config. Needs to download VS Code
// (or VSCODE_EXECUTABLE_PATH naming a local one); machines without that run the same scenarios with `npm test`
// (code-server in a browser). Not part of `npm test`.
import { downloadAndUnzipVSCode, runTests, TestRunFailedError } from '@vscode/test-electron';
import * as esbuild from 'esbuild';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmulator } from '../emulator/index';
import { awsFilesIn, writeAwsFiles } from './e2e/awsFiles';
import { defaultDemoProfiles, ensureBuilt, projectRoot } from './e2e/demoSession';
import { vscodeTargets } from './e2e/vscodeTargets.mjs';

/** The lowest supported VS Code (engines.vscode, @types/vscode), as the end-to-end run's lowest code-server serves it. */
const vscodeVersion = vscodeTargets.lowest.vscode;
const suiteSource = path.join(projectRoot, 'test', 'vscode', 'suite');
const suiteOut = path.join(projectRoot, 'out', 'vscode-tests', 'suite');

const log = (message: string): void => console.error(`[test:vscode] ${message}`);

/** VSCODE_EXECUTABLE_PATH when set, else VS Code downloaded into .vscode-test/ (undefined when that fails). */
async function vscodeExecutable(): Promise<string | undefined> {
  const local = process.env.VSCODE_EXECUTABLE_PATH;
  if (local) return local;
  try {
    return await downloadAndUnzipVSCode({ version: vscodeVersion, timeout: 30_000 });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    console.error(
      `test:vscode needs to download VS Code ${vscodeVersion} (or VSCODE_EXECUTABLE_PATH naming a local VS Code) ` +
        `and could not (${reason}); \`npm test\` runs the same scenarios in code-server on this machine.`,
    );
    return undefined;
  }
}

/** Bundles the suite for the extension host: index.js and one file per test file; vscode and mocha stay external. */
async function buildSuite(): Promise<string> {
  rmSync(suiteOut, { recursive: true, force: true });
  const entries = readdirSync(suiteSource)
    .filter((name) => name === 'index.ts' || name.endsWith('.test.ts'))
    .map((name) => path.join(suiteSource, name));
  await esbuild.build({
    absWorkingDir: projectRoot,
    entryPoints: entries,
    outdir: suiteOut,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    external: ['vscode', 'mocha'],
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  return path.join(suiteOut, 'index.js');
}

/** A fresh user data folder whose settings point every AWS client of the extension at the emulator. */
function writeUserSettings(userDataDir: string, emulatorUrl: string): void {
  const settings = {
    'snapshotExplorer.endpoints': { '*': emulatorUrl },
    'workbench.startupEditor': 'none',
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
  };
  mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2) + '\n');
}

async function main(): Promise<number> {
  const vscodeExecutablePath = await vscodeExecutable();
  if (!vscodeExecutablePath) return 1;
  ensureBuilt(log, true);
  const extensionTestsPath = await buildSuite();
  const scratch = mkdtempSync(path.join(tmpdir(), 'snapshot-explorer-vscode-test-'));
  const emulator = await startEmulator({ port: 0, snapshotSeconds: 1 });
  try {
    log(`emulator listening on ${emulator.url}`);
    const userDataDir = path.join(scratch, 'user-data');
    const workspace = path.join(scratch, 'workspace');
    mkdirSync(workspace, { recursive: true });
    writeUserSettings(userDataDir, emulator.url);
    const awsFiles = awsFilesIn(scratch);
    writeAwsFiles(awsFiles, defaultDemoProfiles(), emulator.url);
    // The user's own AWS identity never reaches the extension host: only the throwaway files.
    const clearedAws = Object.fromEntries(
      Object.keys(process.env)
        .filter((key) => key.startsWith('AWS_'))
        .map((key) => [key, undefined]),
    );
    return await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: projectRoot,
      extensionTestsPath,
      extensionTestsEnv: {
        ...clearedAws,
        AWS_CONFIG_FILE: awsFiles.configFile,
        AWS_SHARED_CREDENTIALS_FILE: awsFiles.credentialsFile,
        SNAPSHOT_EXPLORER_EMULATOR_URL: emulator.url,
      },
      launchArgs: ['--disable-extensions', '--user-data-dir', userDataDir, workspace],
    });
  } catch (error) {
    if (error instanceof TestRunFailedError) return error.code ?? 1;
    throw error;
  } finally {
    await emulator.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
