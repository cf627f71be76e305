// Wires the parts together and registers every disposable. Logic lives in the modules it imports.
import * as vscode from 'vscode';
import { registerCoreCommands } from './ui/coreCommands';

export function activate(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel(vscode.l10n.t('Snapshot Explorer'), { log: true });
  context.subscriptions.push(log);
  registerCoreCommands(context, log);
}

export function deactivate(): void {
  // Every disposable is registered on the context and disposed by VS Code.
}
