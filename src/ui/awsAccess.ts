// Builds the AWS access layer from VS Code settings: one credential source (with an MFA prompt), one client
// factory (endpoints, timeout, concurrency from `snapshotExplorer.*`), and the Reauthenticate action.
import * as vscode from 'vscode';
import { execFile } from 'node:child_process';
import { createClientFactory, type ClientFactory } from '../aws/clientFactory';
import { createCredentialSource, type CredentialSource } from '../aws/credentials';
import { reauthenticateAdvice } from '../aws/errors';
import { discoverProfiles, type ProfileInfo } from '../aws/profiles';

export interface AwsAccess {
  readonly credentials: CredentialSource;
  readonly clients: ClientFactory;
  profiles(): Promise<ProfileInfo[]>;
  reauthenticate(profile: ProfileInfo): Promise<void>;
}

function settings(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration('snapshotExplorer');
}

/** The endpoint overrides, from the user's (machine) settings only: never from a workspace. */
function endpoints(): Record<string, string> {
  const inspected = settings().inspect<Record<string, string>>('endpoints');
  return { ...(inspected?.globalValue ?? {}) };
}

async function askMfaCode(serialArn: string): Promise<string> {
  const code = await vscode.window.showInputBox({
    title: vscode.l10n.t('MFA code'),
    prompt: vscode.l10n.t('Enter the current code of MFA device {0}', serialArn),
    placeHolder: '123456',
    ignoreFocusOut: true,
    validateInput: (value) => (/^\d{6}$/.test(value) ? undefined : vscode.l10n.t('An MFA code is 6 digits.')),
  });
  if (code === undefined) throw new Error(vscode.l10n.t('MFA code entry was cancelled.'));
  return code;
}

function awsCliAvailable(): Promise<boolean> {
  return new Promise((resolve) => execFile('aws', ['--version'], { timeout: 5000 }, (error) => resolve(!error)));
}

export function createAwsAccess(log: vscode.LogOutputChannel, version: string): AwsAccess & vscode.Disposable {
  const credentials = createCredentialSource({ env: process.env, mfaCodeProvider: askMfaCode, logger: log });
  const clients = createClientFactory({
    credentials: (profile) => credentials.provider(profile),
    endpoints,
    requestTimeoutMs: () => Math.max(1, settings().get<number>('requestTimeoutSeconds', 30)) * 1000,
    maxConcurrentRequests: () => Math.max(1, settings().get<number>('maxConcurrentRequests', 8)),
    userAgent: `snapshot-explorer-aws/${version}`,
    logger: log,
  });
  const profiles = () => discoverProfiles(process.env);

  const reauthenticate = async (profile: ProfileInfo): Promise<void> => {
    const advice = reauthenticateAdvice(profile, await profiles());
    credentials.forget(profile.name);
    clients.clear();
    if (advice.command && (await awsCliAvailable())) {
      const terminal = vscode.window.createTerminal({ name: vscode.l10n.t('AWS sign-in: {0}', profile.name) });
      terminal.show();
      terminal.sendText(advice.command);
      return;
    }
    const copy = vscode.l10n.t('Copy Command');
    const choice = await vscode.window.showWarningMessage(advice.message, ...(advice.command ? [copy] : []));
    if (choice === copy && advice.command) await vscode.env.clipboard.writeText(advice.command);
  };

  const watcher = vscode.workspace.onDidChangeConfiguration((event) => {
    if (
      event.affectsConfiguration('snapshotExplorer.endpoints') ||
      event.affectsConfiguration('snapshotExplorer.requestTimeoutSeconds')
    ) {
      clients.clear();
    }
  });
  return {
    credentials,
    clients,
    profiles,
    reauthenticate,
    dispose: () => {
      watcher.dispose();
      clients.clear();
    },
  };
}
