// How IAM Identity Center's nodes are drawn (a session's sign-in state with a fake clock, an account's name, id and
// e-mail, a role), what a screen reader says for them, and SsoStatuses: read from the token cache, redrawn only on change.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { accessibleLabel } from '../../../src/tree/model/accessibleLabel';
import { ssoSessionNode, type ExplorerNode, type SsoSessionNode } from '../../../src/tree/model/nodes';
import { SsoStatuses } from '../../../src/tree/model/ssoStatuses';
import { describeSsoSession } from '../../../src/tree/model/describeSso';
import { recordingLogger } from '../../support/recordingLogger';
import { account, accountNode, FakeIdentityCenter, sessionEntry, sessionNode, ssoSetup } from './ssoFakes';

const MIN = 60_000;

/** A session node drawn with the given status (read through the model's SsoStatuses, as after a root load). */
async function drawnSession(status: { signedIn: boolean; expiresInMs?: number } | 'error') {
  const setup = ssoSetup({
    sessions: [
      sessionEntry('corp'),
      sessionEntry('broken', { error: 'The [sso-session broken] section lacks sso_region.', legacy: true }),
    ],
  });
  const { model, ic, clock } = setup;
  if (status === 'error') ic.statusError = new Error('EACCES: permission denied');
  else {
    ic.statuses.set('corp', {
      signedIn: status.signedIn,
      ...(status.expiresInMs !== undefined ? { expiresAt: new Date(clock.now + status.expiresInMs) } : {}),
    });
  }
  const node = await sessionNode(model);
  await model.sso.read(model.sessionNodes());
  return { ...setup, node, view: model.describe(node) };
}

test('a signed-in session: its name, "signed in", the organization icon and when it expires in the tooltip', async () => {
  const { view, node } = await drawnSession({ signedIn: true, expiresInMs: 5 * 60 * MIN });
  assert.equal(view.label, 'corp · IAM Identity Center');
  assert.equal(view.description, 'signed in');
  assert.equal(view.icon, 'organization');
  assert.equal(view.contextValue, 'ssoSession signedIn');
  assert.equal(view.collapsible, 'collapsed');
  const tooltip = view.tooltip ?? '';
  assert.ok(tooltip.includes('**Start URL:** https://corp\\.awsapps\\.com/start'), tooltip);
  assert.ok(tooltip.includes('**Expires:** 2026\\-12\\-07 15:00 UTC'), tooltip);
  assert.ok((view.tooltip ?? '').includes('\\[sso\\-session corp\\]'), view.tooltip);
  assert.equal(accessibleLabel(node, view), 'IAM Identity Center session corp, signed in');
});

test('a session not signed in, and one whose state is not read yet', async () => {
  const signedOut = await drawnSession({ signedIn: false });
  assert.equal(signedOut.view.description, 'not signed in');
  assert.equal(signedOut.view.contextValue, 'ssoSession signedOut');
  assert.doesNotMatch(signedOut.view.tooltip ?? '', /Expires/);
  assert.equal(accessibleLabel(signedOut.node, signedOut.view), 'IAM Identity Center session corp, not signed in');
  // Before the first read of the token cache (the root load starts it without waiting).
  const unread = describeSsoSession(signedOut.node, undefined, signedOut.clock.now);
  assert.equal(unread.description, 'reading sign-in…');
  assert.equal(unread.contextValue, 'ssoSession signedOut');
});

test('"expires in 25 min" in the last hour (by the model\'s clock), "expired" once past', async () => {
  const soon = await drawnSession({ signedIn: true, expiresInMs: 25 * MIN + 30_000 });
  assert.equal(soon.view.description, 'expires in 25 min');
  assert.equal(soon.view.contextValue, 'ssoSession signedIn');
  assert.equal(accessibleLabel(soon.node, soon.view), 'IAM Identity Center session corp, expires in 25 min');
  // The clock moves on: the same status now says less, then expired.
  soon.clock.now += 24 * MIN;
  assert.equal(soon.model.describe(soon.node).description, 'expires in 1 min');
  soon.clock.now += 2 * MIN;
  const expired = soon.model.describe(soon.node);
  assert.equal(expired.description, 'expired');
  assert.equal(expired.contextValue, 'ssoSession signedOut');
  // An hour or more left: just "signed in".
  const later = await drawnSession({ signedIn: true, expiresInMs: 60 * MIN });
  assert.equal(later.view.description, 'signed in');
});

test('a session whose token cache cannot be read is drawn as not signed in, and the reason is logged', async () => {
  const log = recordingLogger();
  const source = new FakeIdentityCenter([sessionEntry('corp')]);
  source.statusError = new Error('EACCES: permission denied');
  const fired: ExplorerNode[] = [];
  const statuses = new SsoStatuses(source, (n) => fired.push(n), log.logger);
  const node = ssoSessionNode(sessionEntry('corp'));
  await statuses.read([node]);
  assert.deepEqual(statuses.get('corp'), { signedIn: false });
  assert.equal(fired.length, 1);
  assert.ok(log.lines.some((l) => /^warn .*corp.*token cache could not be read.*EACCES/.test(l)));
  const drawn = await drawnSession('error');
  assert.equal(drawn.view.description, 'not signed in');
});

test('a session whose config cannot be used: "cannot be used", the warning icon and the reason', async () => {
  const { model } = await drawnSession({ signedIn: true, expiresInMs: 5 * 60 * MIN });
  const broken = await sessionNode(model, 'broken');
  const view = model.describe(broken);
  assert.equal(view.description, 'cannot be used');
  assert.equal(view.icon, 'warning');
  assert.equal(view.contextValue, 'ssoSession signedOut sessionError');
  assert.match(view.tooltip ?? '', /lacks sso\\?_region/);
  assert.match(view.tooltip ?? '', /profiles with sso\\?_start\\?_url/);
});

test('an account: its name, id and e-mail, the briefcase icon, and its accessible label', async () => {
  const { model, ic } = ssoSetup();
  ic.accounts = [account('prod-data', '111111111111'), { id: '222222222222', name: 'staging' }];
  const prod = await accountNode(model, '111111111111');
  const view = model.describe(prod);
  assert.equal(view.label, 'prod-data');
  assert.equal(view.description, '111111111111 · prod-data@example.com');
  assert.equal(view.icon, 'briefcase');
  assert.equal(view.contextValue, 'ssoAccount');
  assert.equal(view.collapsible, 'collapsed');
  assert.match(view.tooltip ?? '', /111111111111/);
  assert.equal(accessibleLabel(prod, view), 'AWS account prod-data, 111111111111');
  const staging = await accountNode(model, '222222222222');
  assert.equal(model.describe(staging).description, '222222222222');
});

test('a role: its name (the account is its parent row), the key icon; read as "Role … in account …"', async () => {
  const { model, ic } = ssoSetup();
  ic.accounts = [account('prod-data', '111111111111')];
  ic.roles.set('111111111111', ['ReadOnlyAccess']);
  const [role] = await model.getChildren(await accountNode(model, '111111111111'));
  assert.ok(role && role.kind === 'profile');
  const view = model.describe(role);
  assert.equal(view.label, 'ReadOnlyAccess');
  assert.equal(view.description, '');
  assert.equal(view.icon, 'key');
  assert.equal(view.contextValue, 'profile ssoRole');
  assert.match(view.tooltip ?? '', /sso:corp\/111111111111\/ReadOnlyAccess/);
  assert.equal(accessibleLabel(role, view), 'Role ReadOnlyAccess in account prod-data');
});

test('SsoStatuses redraws a session only when its state changed', async () => {
  const source = new FakeIdentityCenter([sessionEntry('corp'), sessionEntry('other')]);
  const fired: ExplorerNode[] = [];
  const statuses = new SsoStatuses(source, (n) => fired.push(n));
  const corp = ssoSessionNode(sessionEntry('corp'));
  const other = ssoSessionNode(sessionEntry('other'));
  const at = (ms: number) => new Date(Date.parse('2026-12-07T10:00:00Z') + ms);

  await statuses.read([corp, other]);
  assert.deepEqual(fired, [corp, other]);
  await statuses.read([corp, other]);
  assert.equal(fired.length, 2, 'nothing changed');

  source.statuses.set('corp', { signedIn: true, expiresAt: at(8 * 60 * MIN) });
  await statuses.read([corp, other]);
  assert.deepEqual(fired.slice(2), [corp]);
  // The same state as a new object (a new Date of the same moment): no redraw.
  source.statuses.set('corp', { signedIn: true, expiresAt: at(8 * 60 * MIN) });
  await statuses.read([corp, other]);
  assert.equal(fired.length, 3);
  // Refreshed: a new expiry.
  source.statuses.set('corp', { signedIn: true, expiresAt: at(16 * 60 * MIN) });
  await statuses.read([corp]);
  assert.deepEqual(fired.slice(3), [corp]);
  // Signed out.
  source.statuses.delete('corp');
  await statuses.read([corp]);
  assert.deepEqual(fired.slice(4), [corp]);
  assert.deepEqual(statuses.get('corp'), { signedIn: false });
});

test('SsoStatuses.expiring lists the signed-in sessions that end within the lead time; none without a source', async () => {
  const source = new FakeIdentityCenter([sessionEntry('corp'), sessionEntry('other'), sessionEntry('out')]);
  const now = Date.parse('2026-12-07T10:00:00Z');
  source.statuses.set('corp', { signedIn: true, expiresAt: new Date(now + 5 * MIN) });
  source.statuses.set('other', { signedIn: true, expiresAt: new Date(now + 50 * MIN) });
  source.statuses.set('out', { signedIn: false, expiresAt: new Date(now - MIN) });
  const statuses = new SsoStatuses(source, () => undefined);
  const nodes: SsoSessionNode[] = ['corp', 'other', 'out'].map((name) => ssoSessionNode(sessionEntry(name)));
  await statuses.read(nodes);
  assert.deepEqual(
    statuses.expiring(10 * MIN, now).map((e) => e.session),
    ['corp'],
  );
  const none: ExplorerNode[] = [];
  const empty = new SsoStatuses(undefined, (n) => none.push(n));
  await empty.read(nodes);
  assert.equal(none.length, 0);
  assert.deepEqual(empty.expiring(10 * MIN, now), []);
});

test('the model redraws a session after its root load read the sign-in state, and not again unchanged', async () => {
  const { model, ic, changes, clock } = ssoSetup();
  ic.statuses.set('corp', { signedIn: true, expiresAt: new Date(clock.now + 3 * 60 * MIN) });
  const node = await sessionNode(model);
  // The root load starts the read without waiting for it; wait for its redraw.
  for (let i = 0; i < 20 && !changes.includes(node); i++) await new Promise((r) => setImmediate(r));
  assert.equal(changes.filter((n) => n === node).length, 1);
  await model.sso.read(model.sessionNodes());
  assert.equal(changes.filter((n) => n === node).length, 1);
  assert.equal(model.describe(node).contextValue, 'ssoSession signedIn');
});
