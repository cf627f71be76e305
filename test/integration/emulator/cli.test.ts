import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { describe, it } from 'node:test';
import { ListGraphsCommand, NeptuneGraphClient } from '@aws-sdk/client-neptune-graph';
import { CREDENTIALS, REPO } from './helpers';

/** Starts `emulator/cli.ts` and resolves with its first stdout line and the process. */
function startCli(args: string[]): Promise<{ line: string; child: ReturnType<typeof spawn> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO, 'emulator', 'cli.ts'), ...args], {
    cwd: REPO,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the CLI printed nothing within 20 s')), 20_000);
    createInterface({ input: child.stdout! }).once('line', (line) => {
      clearTimeout(timer);
      resolve({ line, child });
    });
    child.once('exit', (code) => reject(new Error(`the CLI exited with ${code}`)));
  });
}

function exitCode(child: ReturnType<typeof spawn>): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

describe('emulator CLI (npm run emulator)', () => {
  it('prints exactly "Emulator listening on http://127.0.0.1:PORT", serves a --data file, and stops on SIGTERM', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'emulator-cli-'));
    const data = path.join(dir, 'data.json');
    writeFileSync(
      data,
      JSON.stringify({
        regions: { 'ap-south-1': { neptuneGraphs: [{ id: 'g-clidata001', name: 'from-data-file' }] } },
      }),
    );
    const { line, child } = await startCli([
      '--port',
      '0',
      '--data',
      data,
      '--snapshot-seconds',
      '0',
      '--verify-signatures',
    ]);
    try {
      const match = /^Emulator listening on (http:\/\/127\.0\.0\.1:(\d+))$/.exec(line);
      assert.ok(match, line);
      const client = new NeptuneGraphClient({
        endpoint: match[1],
        region: 'ap-south-1',
        credentials: CREDENTIALS,
        maxAttempts: 1,
      });
      const out = await client.send(new ListGraphsCommand({}));
      assert.deepEqual(
        out.graphs?.map((g) => g.name),
        ['from-data-file'],
      );
    } finally {
      const exited = exitCode(child);
      child.kill('SIGTERM');
      assert.equal(await exited, 0);
    }
  });

  it('refuses a bad --port with a usage message and exit code 1', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO, 'emulator', 'cli.ts'), '--port', 'abc'], {
      cwd: REPO,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    assert.equal(await exitCode(child), 1);
    assert.match(stderr, /--port must be/);
  });
});
