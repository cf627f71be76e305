// What the desktop suite shares: the emulator's admin API (its URL comes from the runner in the environment),
// polling for a state with a deadline, and the workspace folder the runner opened.
import * as vscode from 'vscode';

/** How long a test waits for a state (the plan server and the live checks start on first use). */
export const STATE_TIMEOUT_MS = 30_000;

/** One call the emulator answered (the fields of emulator/core.ts CallRecord the tests read). */
export interface EmulatorCall {
  service: string;
  operation: string;
  region: string;
  status: number;
  accessKeyId: string;
}

export function emulatorUrl(): string {
  const url = process.env.SNAPSHOT_EXPLORER_EMULATOR_URL;
  if (!url) throw new Error('SNAPSHOT_EXPLORER_EMULATOR_URL is not set: run this suite with npm run test:vscode');
  return url;
}

async function admin(method: 'GET' | 'POST', route: string): Promise<unknown> {
  const response = await fetch(new URL(route, emulatorUrl()), { method });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${route} → ${response.status}: ${text}`);
  return text ? (JSON.parse(text) as unknown) : undefined;
}

/** The calls the emulator answered since the last reset. */
export async function emulatorCalls(): Promise<EmulatorCall[]> {
  return (await admin('GET', '/_emulator/calls')) as EmulatorCall[];
}

/** Back to the demo data, no faults, empty call log. */
export async function resetEmulator(): Promise<void> {
  await admin('POST', '/_emulator/reset');
}

/** Polls `read` until `done` holds for its value; fails naming `what` and the last value at the deadline. */
export async function waitFor<T>(
  what: string,
  read: () => T | Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = STATE_TIMEOUT_MS,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last value: ${JSON.stringify(value)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The folder the runner opened (a fresh scratch folder). */
export function workspaceFolder(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder open: the runner passes one on the command line');
  return folder.uri;
}

/** Writes `content` to `name` in the workspace folder and opens it in an editor. */
export async function openWorkspaceFile(name: string, content: string): Promise<vscode.TextEditor> {
  const uri = vscode.Uri.joinPath(workspaceFolder(), name);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(content));
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
}

/** The messages of the diagnostics VS Code holds for `uri`. */
export function diagnosticMessages(uri: vscode.Uri): string[] {
  return vscode.languages.getDiagnostics(uri).map((d) => d.message);
}
