// Builds the AWS access layer from VS Code settings: one credential source (with an MFA prompt), one client
// factory (endpoints, timeout, concurrency from `snapshotExplorer.*`), and the Reauthenticate action. Endpoint
// overrides fail closed: one that goes missing stops that service's requests until it is back or the user chooses
// AWS's endpoints (see aws/endpointGuard.ts). The clients follow the settings they were built from: a change is
// picked up by the change event or by the next client request, whichever comes first (VS Code may deliver the user
// settings after activation, in an event that names another key).
import * as vscode from 'vscode';
import { execFile } from 'node:child_process';
import { homedir } from 'node:os';
import type { ClientService } from '../aws/clients';
import { createClientFactory, type ClientFactory } from '../aws/clientFactory';
import { createCredentialSource, defaultProviderFactory, type CredentialSource } from '../aws/credentials';
import { createIdentityCenter, type IdentityCenter } from '../aws/sso/identityCenter';
import { SSO_OIDC_SERVICE, SSO_SERVICE } from '../aws/innerClients';
import { createProfileEndpointReader } from '../aws/endpointConfig';
import { createEndpointGuard, type EndpointGuard } from '../aws/endpointGuard';
import { ENDPOINT_SETTING } from '../aws/endpoints';
import { reauthenticateAdvice } from '../aws/errors';
import { discoverProfiles, type ProfileInfo } from '../aws/profiles';
import { knownOverridesStore } from './endpointSettings';
import { numberValue, onDidChangeSettings, userEndpoints } from './settings';

export interface AwsAccess {
  readonly credentials: CredentialSource;
  readonly clients: ClientFactory;
  profiles(): Promise<ProfileInfo[]>;
  reauthenticate(profile: ProfileInfo): Promise<void>;
  /** IAM Identity Center: sessions, accounts, roles, sign-in. */
  readonly identityCenter: IdentityCenter;
  /** Fires when the endpoints in use change (the user released a missing override): lists should reload. */
  readonly onDidChangeEndpoints: vscode.Event<void>;
}

/**
 * Warns (at activation and on each change of the setting) while overrides are missing: until the user restores them
 * or chooses AWS's endpoints, the guard refuses every client of those services (their branches show why).
 */
async function warnMissing(
  guard: EndpointGuard,
  missing: Readonly<Record<string, string>>,
  log: vscode.LogOutputChannel,
  released: () => void,
): Promise<void> {
  const keys = Object.keys(missing);
  if (keys.length === 0) return;
  const names = keys.map((key) => `${key}: ${missing[key]}`).join(', ');
  log.warn(`Endpoint overrides missing from the user settings (${names}); no request is sent for those services.`);
  const useAws = vscode.l10n.t('Use AWS Endpoints');
  const open = vscode.l10n.t('Open User Settings');
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t(
      'The endpoint override {0} is no longer in your user settings. Snapshot Explorer sends no request for these services until it is back, or until you choose to use the AWS endpoints.',
      names,
    ),
    open,
    useAws,
  );
  if (choice === open) {
    await vscode.commands.executeCommand('workbench.action.openSettings', ENDPOINT_SETTING);
  } else if (choice === useAws) {
    guard.release(keys);
    log.info(`Endpoint overrides released by the user: ${keys.join(', ')}; those services use AWS's endpoints.`);
    released();
  }
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

export function createAwsAccess(
  log: vscode.LogOutputChannel,
  version: string,
  globalState: vscode.Memento,
): AwsAccess & vscode.Disposable {
  // IAM Identity Center: its portal and sign-in calls go where the setting's `sso` / `sso-oidc` (or `*`) say.
  const identityCenter = createIdentityCenter({
    env: process.env,
    homeDir: homedir(),
    endpointFor: async (kind, region) => {
      const { url } = await factory.endpointFor(kind === 'sso' ? SSO_SERVICE : SSO_OIDC_SERVICE, '');
      if (url === undefined) log.debug(`IAM Identity Center ${kind} in ${region}: AWS's endpoint`);
      return url;
    },
    logger: log,
    userAgent: `snapshot-explorer-aws/${version}`,
  });
  const providerOptions = {
    env: process.env,
    mfaCodeProvider: askMfaCode,
    logger: log,
    // fromIni's inner STS / SSO clients go where this profile's service clients go (the setting's `sts`, `sso`, ...).
    endpoints: (service: ClientService, profile: string) => factory.endpointFor(service, profile),
    requestTimeoutMs: () => numberValue('requestTimeoutSeconds') * 1000,
  };
  const defaultProvider = defaultProviderFactory(providerOptions);
  const credentials = createCredentialSource({
    ...providerOptions,
    // An IAM Identity Center role (`sso:<session>/<account>/<role>`) gets GetRoleCredentials; the rest fromIni.
    createProvider: (profile) => {
      const sso = identityCenter.provider(profile);
      return sso ? Promise.resolve(sso) : defaultProvider(profile);
    },
  });
  const guard = createEndpointGuard(knownOverridesStore(globalState));
  const endpointsChanged = new vscode.EventEmitter<void>();
  const factory = createClientFactory({
    credentials: (profile) => credentials.provider(profile),
    endpoints: userEndpoints,
    guard,
    env: process.env,
    profileEndpoints: createProfileEndpointReader(process.env),
    requestTimeoutMs: () => numberValue('requestTimeoutSeconds') * 1000,
    maxConcurrentRequests: () => numberValue('maxConcurrentRequests'),
    userAgent: `snapshot-explorer-aws/${version}`,
    logger: log,
  });
  const profiles = () => discoverProfiles(process.env);

  const reauthenticate = async (profile: ProfileInfo): Promise<void> => {
    const advice = reauthenticateAdvice(profile, await profiles());
    credentials.forget(profile.name);
    factory.clear();
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

  const checkOverrides = (): void => {
    const released = (): void => {
      factory.clear();
      endpointsChanged.fire();
    };
    void warnMissing(guard, guard.observe(userEndpoints()), log, released).catch((error: unknown) =>
      log.error(error instanceof Error ? error : String(error)),
    );
  };

  // The settings the cached clients were built from. Every `get` compares them with what the settings say now, so
  // a value VS Code delivers late (or with no change event naming it) rebuilds the clients before the next call:
  // no client outlives the setting it was built from, whichever of the event and the next call comes first.
  const clientSettings = (): { endpoints: string; timeout: number } => ({
    endpoints: JSON.stringify(userEndpoints() ?? null),
    timeout: numberValue('requestTimeoutSeconds'),
  });
  let builtFrom = clientSettings();
  /** Clears the clients when their settings changed; whether the endpoints did (then the overrides are checked). */
  const rebuildIfChanged = (): { changed: boolean; endpoints: boolean } => {
    const now = clientSettings();
    const endpoints = now.endpoints !== builtFrom.endpoints;
    const changed = endpoints || now.timeout !== builtFrom.timeout;
    builtFrom = now;
    if (changed) factory.clear();
    if (endpoints) {
      log.info('The endpoint setting changed: the AWS clients are rebuilt from it.');
      checkOverrides();
    }
    return { changed, endpoints };
  };
  const clients: ClientFactory = {
    ...factory,
    get(spec, profile, region) {
      // Found by a call before any change event: the lists loaded with the old clients reload too.
      if (rebuildIfChanged().endpoints) setTimeout(() => endpointsChanged.fire(), 0);
      return factory.get(spec, profile, region);
    },
  };
  const watcher = onDidChangeSettings(['endpoints', 'requestTimeoutSeconds'], () => {
    // The event may name a key whose value is the same (a re-read of settings.json): clear anyway, warn only on news.
    if (!rebuildIfChanged().changed) factory.clear();
  });
  checkOverrides();
  return {
    credentials,
    clients,
    profiles,
    reauthenticate,
    onDidChangeEndpoints: endpointsChanged.event,
    identityCenter,
    dispose: () => {
      identityCenter.dispose();
      watcher.dispose();
      endpointsChanged.dispose();
      factory.clear();
    },
  };
}
