// The one command wrapper: user cancellation is silent; any other error is logged with its stack and shown
// once, with "Show Logs".
import { commandIds } from '../commandIds';
import * as vscode from 'vscode';

/** Thrown (or returned through) when the user backs out: never reported. */
export class UserCancelledError extends Error {
  constructor() {
    super('Cancelled by the user');
    this.name = 'UserCancelledError';
  }
}

export function isUserCancellation(error: unknown): boolean {
  return error instanceof UserCancelledError || error instanceof vscode.CancellationError;
}

/** Shows an error once with "Show Logs" (the log already holds the details). */
export async function showErrorWithLogs(message: string): Promise<void> {
  const showLogs = vscode.l10n.t('Show Logs');
  const choice = await vscode.window.showErrorMessage(message, showLogs);
  if (choice === showLogs) await vscode.commands.executeCommand(commandIds.showLogs);
}

export function registerCommand<A extends unknown[]>(
  id: string,
  log: vscode.LogOutputChannel,
  handler: (...args: A) => unknown,
): vscode.Disposable {
  return vscode.commands.registerCommand(id, async (...args: unknown[]) => {
    try {
      return await handler(...(args as A));
    } catch (error) {
      if (isUserCancellation(error)) return undefined;
      log.error(`${id}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      // The errors the extension throws are sentences for the user; the log holds the command id and the stack.
      void showErrorWithLogs(error instanceof Error ? error.message : String(error));
      return undefined;
    }
  });
}
