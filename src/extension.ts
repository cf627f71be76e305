// Wires the parts together and registers every disposable. Logic lives in the modules it imports.
import * as vscode from 'vscode';
import type { ProfileInfo } from './aws/profiles';
import { services } from './services/registry';
import { registerExplorer } from './tree/register';
import { createTreeSettingsSource } from './tree/settings';
import { regionsFor, visibleProfiles } from './tree/model/treeSettings';
import { registerSnapshots } from './ui/registerSnapshots';
import { registerPlans } from './client/register';
import { createPlanRunner } from './plans/run';
import { planActivity } from './plans/runActivity';
import { createAwsAccess } from './ui/awsAccess';
import { createIdentityCenterUi } from './ui/identityCenterUi';
import { registerCoreCommands } from './ui/coreCommands';
import { configureL10n } from './l10n';

export function activate(context: vscode.ExtensionContext): void {
  // The pure modules' texts (src/l10n.ts) come from the same bundle as vscode.l10n.t's.
  configureL10n(vscode.l10n.bundle && { contents: vscode.l10n.bundle });
  const log = vscode.window.createOutputChannel(vscode.l10n.t('Snapshot Explorer'), { log: true });
  const version = String((context.extension.packageJSON as { version?: unknown }).version ?? '0.0.0');
  const aws = createAwsAccess(log, version, context.globalState);
  const treeSettings = createTreeSettingsSource();
  context.subscriptions.push(log, aws);
  registerCoreCommands(context, log);

  const sso = createIdentityCenterUi({
    identityCenter: aws.identityCenter,
    log,
    redrawSessions: () => explorer.redrawSessions(),
  });
  context.subscriptions.push(sso);
  const explorer = registerExplorer(context, {
    log,
    profiles: aws.profiles,
    clients: aws.clients,
    services,
    settings: treeSettings,
    checkCredentials: async (profile) => void (await aws.credentials.provider(profile)()),
    // A profile that signs in with an [sso-session] signs in through the editor; the others as the CLI would.
    reauthenticate: (profile) =>
      profile.kind === 'sso' && profile.ssoSession ? sso.signIn(profile.ssoSession) : aws.reauthenticate(profile),
    identityCenter: aws.identityCenter,
    signIn: (session) => sso.signIn(session),
    signOut: (session) => sso.signOut(session),
    // Profiles' keys and endpoint_url may have changed: clients and credentials are built afresh.
    onAwsFilesChanged: () => {
      aws.clients.clear();
      aws.credentials.forget();
    },
  });
  context.subscriptions.push(
    aws.onDidChangeEndpoints(() => explorer.refresh()),
    // Signed in, out or refreshed: the roles' credentials are fetched again and the session's branches reload.
    aws.identityCenter.onDidChangeSession((session) => {
      aws.credentials.forget();
      explorer.sessionChanged(session);
    }),
  );

  // The profiles the create flow last offered, so their own regions are the default ones.
  let offered: readonly ProfileInfo[] = [];
  const snapshots = registerSnapshots(context, {
    log,
    clients: aws.clients,
    services,
    profiles: async () => (offered = visibleProfiles(await aws.profiles(), treeSettings.read())),
    regionsFor: (name) =>
      regionsFor(offered.find((p) => p.name === name) ?? { name, kind: 'unknown' }, treeSettings.read()),
    explorer,
  });

  registerPlans(context, {
    log,
    onDidChangeEndpoints: aws.onDidChangeEndpoints,
    runPlanEntries: createPlanRunner({
      services,
      clients: aws.clients,
      // Every entry, failed ones included, in Snapshot Activity; the run's summary is its one notification.
      ...planActivity({ tracker: snapshots.tracker, createAndTrack: snapshots.createAndTrack, services }),
    }),
  });
}

export function deactivate(): void {
  // Every disposable is registered on the context and disposed by VS Code.
}
