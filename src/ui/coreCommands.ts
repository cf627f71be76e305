// Commands that need no AWS call: show the log, open the AWS config file.
import * as vscode from 'vscode';
import { configFilePath } from '../aws/paths';
import { commandIds } from '../commandIds';
import { registerCommand } from './command';

export function registerCoreCommands(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): void {
  context.subscriptions.push(
    registerCommand(commandIds.showLogs, log, () => log.show(true)),
    registerCommand(commandIds.openConfigFile, log, async () => {
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
