// How IAM Identity Center's nodes are drawn: a session (its sign-in state, "expires in 25 min" in its last hour),
// an account (name, id, e-mail), and the words a screen reader says for them. Pure; strings through src/l10n.
import { expiryText } from '../../aws/sso/accountFilters';
import { formatDateTime } from '../../dates';
import * as l10n from '../../l10n';
import { md, table, type NodeView } from './describeParts';
import type { SsoAccountNode, SsoSessionNode } from './nodes';
import type { SsoSessionStatus } from './ssoTree';

/** The session's state in a few words: cannot be used, not signed in, expired, expiring, signed in. */
export function sessionStateText(node: SsoSessionNode, status: SsoSessionStatus | undefined, now: number): string {
  if (node.session.error) return l10n.t('cannot be used');
  if (!status) return l10n.t('reading sign-in…');
  if (!status.signedIn) return l10n.t('not signed in');
  return (status.expiresAt && expiryText(status.expiresAt, now)) ?? l10n.t('signed in');
}

function signedInNow(status: SsoSessionStatus | undefined, now: number): boolean {
  return !!status?.signedIn && (!status.expiresAt || status.expiresAt.getTime() > now);
}

export function describeSsoSession(node: SsoSessionNode, status: SsoSessionStatus | undefined, now: number): NodeView {
  const { session } = node;
  const state = sessionStateText(node, status, now);
  const signedIn = signedInNow(status, now);
  const tokens = ['ssoSession', signedIn ? 'signedIn' : 'signedOut'];
  if (session.error) tokens.push('sessionError');
  return {
    id: node.id,
    label: l10n.t('{0} · IAM Identity Center', session.name),
    description: state,
    tooltip: [
      `**${md(l10n.t('IAM Identity Center session {0}', session.name))}**`,
      '',
      table([
        [l10n.t('Start URL'), session.startUrl],
        [l10n.t('Region'), session.region],
        [l10n.t('Sign-in'), state],
        [l10n.t('Expires'), signedIn ? formatDateTime(status?.expiresAt) : undefined],
        [
          l10n.t('Defined by'),
          session.legacy ? l10n.t('profiles with sso_start_url') : `[sso-session ${session.name}]`,
        ],
      ]),
      ...(session.error ? ['', md(session.error)] : []),
    ].join('\n'),
    icon: session.error ? 'warning' : 'organization',
    contextValue: tokens.join(' '),
    collapsible: 'collapsed',
  };
}

export function describeSsoAccount(node: SsoAccountNode): NodeView {
  const { account } = node;
  return {
    id: node.id,
    label: account.name,
    description: [account.id, account.email].filter(Boolean).join(' · '),
    tooltip: [
      `**${md(account.name)}**`,
      '',
      table([
        [l10n.t('Account ID'), account.id],
        [l10n.t('E-mail'), account.email],
        [l10n.t('IAM Identity Center session'), node.session],
      ]),
    ].join('\n'),
    icon: 'briefcase',
    contextValue: 'ssoAccount',
    collapsible: 'collapsed',
  };
}

/** The screen reader's words for a session or account row. */
export function ssoAccessibleLabel(node: SsoSessionNode | SsoAccountNode, view: NodeView): string {
  if (node.kind === 'ssoSession') {
    return l10n.t('IAM Identity Center session {0}, {1}', node.session.name, view.description ?? '');
  }
  return l10n.t('AWS account {0}, {1}', node.account.name, node.account.id);
}
