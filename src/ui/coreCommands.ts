// Commands that need no AWS call: show the log, open the AWS config file.
import * as vscode from 'vscode';
import { configFilePath } from '../aws/paths';

export function registerCoreCommands(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('snapshotExplorer.showLogs', () => log.show(true)),
    vscode.commands.registerCommand('snapshotExplorer.openConfigFile', async () => {
      const file = vscode.Uri.file(configFilePath(process.env));
      try {
        await vscode.workspace.fs.stat(file);
      } catch {
        // Create it, so the user has a file to write the first profile into.
        await vscode.workspace.fs.writeFile(file, new TextEncoder().encode('[default]\nregion = us-east-1\n'));
        log.info(`Created ${file.fsPath}`);
      }
      await vscode.window.showTextDocument(file);
    }),
  );
}
