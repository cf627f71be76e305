// The recording fake of `vscode` for unit and integration tests of the view layer (installed with
// installFakeVscode, whose permissive proxy stands in for what is not faked here): it records what the code
// under test registers, sets, shows and runs, and answers prompts as the test scripts (records.ts). Parts:
// window.ts, workspace.ts, controls.ts (inputs, status bar items), values.ts (classes and enums).
import { installFakeVscode } from '../fakeVscode';
import { values } from './values';
import { emptyRecords, type Records } from './records';
import { fakeWindow } from './window';
import { fakeWorkspace } from './workspace';
import type { FakeInputBox, FakeQuickPick } from './controls';

export type { FakeInputBox, FakeItem, FakeQuickPick, FakeStatusBarItem } from './controls';
export type { FakeView, Notification, ProgressRecord, Settings } from './records';

export interface VscodeRecorder extends Records {
  /** Uninstalls the fake. */
  restore(): void;
  /** Runs a registered command as VS Code would. */
  run(id: string, ...args: unknown[]): Promise<unknown>;
  /** The newest shown, not disposed input. */
  current(): FakeInputBox | FakeQuickPick | undefined;
}

export function installVscodeRecorder(): VscodeRecorder {
  const rec = emptyRecords();
  const restore = installFakeVscode({
    ...values,
    commands: {
      registerCommand(id: string, fn: (...args: unknown[]) => unknown) {
        rec.commands.set(id, fn);
        return { dispose: () => rec.commands.delete(id) };
      },
      async executeCommand(id: string, ...args: unknown[]) {
        rec.executed.push({ id, args });
        if (id === 'setContext') rec.contexts.set(String(args[0]), args[1]);
        return undefined;
      },
    },
    window: fakeWindow(rec),
    workspace: fakeWorkspace(rec),
    env: {
      clipboard: { writeText: async (text: string) => void rec.clipboard.push(text) },
      openExternal: async (target: { toString(): string }) => {
        rec.opened.push(target.toString());
        return true;
      },
    },
  });
  // The same object the fake reads, so a test's `answer`, `answers` and settings reach it.
  return Object.assign(rec, {
    restore,
    async run(id: string, ...args: unknown[]) {
      const fn = rec.commands.get(id);
      if (!fn) throw new Error(`command ${id} is not registered`);
      return fn(...args);
    },
    current() {
      return [...rec.inputs].reverse().find((i) => i.shown && !i.disposed);
    },
  });
}
