// The editor's IAM Identity Center sign-in (src/ui/identityCenterUi.ts) against the recording fake of `vscode` and an
// in-memory facade: the progress, the code's modal (Open, Copy Code and Open, dismissed), the one message a sign-in
// ends with, one flow per session, the session picker, Sign Out, and the tick (driven by a small `tickMs`) that
// refreshes a token due, warns once per expiry about one that cannot be refreshed, and redraws the sessions.
import { afterEach, after, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { SignInError } from '../../../src/aws/sso/identityCenter';
import { commandIds } from '../../../src/commandIds';
import { silentLogChannel } from '../../support/fakeVscode';
import { installVscodeRecorder, type VscodeRecorder } from '../../support/vscodeRecorder/recorder';
import { FakeIdentityCenter, ssoSession } from './identityCenterFake';

const rec: VscodeRecorder = installVscodeRecorder();
after(() => rec.restore());

// Loaded after the fake is installed, so their `import * as vscode` gets the fake.
const loadUi = () => import('../../../src/ui/identityCenterUi');
const loadCommand = () => import('../../../src/ui/command');

type Deps = Parameters<Awaited<ReturnType<typeof loadUi>>['createIdentityCenterUi']>[0];
const log = silentLogChannel as unknown as Deps['log'];
const disposables: Array<{ dispose(): void }> = [];

beforeEach(() => {
  for (const list of [rec.notifications, rec.messages, rec.clipboard, rec.opened, rec.progress]) list.length = 0;
  rec.commands.clear();
  delete rec.answers.quickPick;
  rec.answer = () => undefined;
});
afterEach(() => {
  for (const d of disposables.splice(0)) d.dispose();
});

/** Waits (macrotask by macrotask) until `done` holds; fails after a while so a broken flow does not hang the run. */
async function until(done: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

/** The UI on a fake facade, with Sign In / Sign Out registered through the one command wrapper. */
async function setup(sessions = [ssoSession('corp')], tickMs = 3_600_000) {
  const { createIdentityCenterUi } = await loadUi();
  const { registerCommand } = await loadCommand();
  const ic = new FakeIdentityCenter(sessions);
  const redraws = { count: 0 };
  const ui = createIdentityCenterUi({ identityCenter: ic, log, redrawSessions: () => redraws.count++, tickMs });
  disposables.push(
    ui,
    registerCommand(commandIds.signIn, log, (session?: string) => ui.signIn(session)),
    registerCommand(commandIds.signOut, log, (session?: string) => ui.signOut(session)),
  );
  return { ic, ui, redraws };
}

const byLevel = (level: string, modal = false) =>
  rec.notifications.filter((n) => n.level === level && !!n.modal === modal).map((n) => n.message);

test('Sign In shows the progress, then the modal with the code; Open opens the page with the code filled in', async () => {
  const { ic } = await setup();
  let progressWhenAsked = -1;
  rec.answer = (n) => {
    progressWhenAsked = rec.progress.length;
    return n.modal ? 'Open' : undefined;
  };
  const done = rec.run(commandIds.signIn, 'corp');
  await until(() => rec.opened.length > 0, 'the page to open');
  const [pending] = ic.signIns;
  assert.ok(pending);
  assert.equal(pending.session, 'corp');
  assert.equal(progressWhenAsked, 1, 'the progress shows before the modal');
  const [progress] = rec.progress;
  assert.equal(progress?.title, 'Signing in to IAM Identity Center session corp');
  assert.deepEqual(progress?.reports, [{ message: 'waiting for code CORP-CODE to be confirmed…' }]);
  assert.equal(progress?.done, false);
  assert.deepEqual(rec.notifications, [
    {
      level: 'info',
      message: 'Sign in to corp: confirm code CORP-CODE in the browser.',
      actions: ['Copy Code and Open', 'Open'],
      modal: true,
      detail:
        'The sign-in page opens at https://device.sso.eu-central-1.amazonaws.com/. The code expires in 10 minutes or less.',
    },
  ]);
  assert.deepEqual(rec.opened, [pending.code.verificationUriComplete]);
  assert.deepEqual(rec.clipboard, [], 'Open alone copies nothing');

  pending.confirm();
  await done;
  assert.equal(progress?.done, true);
  assert.equal(pending.signal.aborted, false);
  assert.deepEqual(byLevel('info'), ['Signed in to corp. Its accounts are in the Snapshot Explorer.']);
  assert.equal(rec.notifications.length, 2, 'the modal and one message');
});

test('Copy Code and Open copies the code and opens the page', async () => {
  const { ic, ui } = await setup();
  rec.answer = (n) => (n.modal ? 'Copy Code and Open' : undefined);
  const done = ui.signIn('corp');
  await until(() => rec.opened.length > 0, 'the page to open');
  assert.deepEqual(rec.clipboard, ['CORP-CODE']);
  assert.deepEqual(rec.opened, [ic.signIns[0]?.code.verificationUriComplete]);
  ic.signIns[0]?.confirm();
  await done;
  assert.deepEqual(byLevel('info'), ['Signed in to corp. Its accounts are in the Snapshot Explorer.']);
});

test('dismissing the modal aborts the sign-in; the command ends silently', async () => {
  const { ic, ui } = await setup();
  const { UserCancelledError } = await loadCommand();
  await assert.rejects(ui.signIn('corp'), UserCancelledError);
  assert.equal(ic.signIns[0]?.signal.aborted, true, "the facade's signal aborts");
  assert.equal(rec.progress[0]?.done, true);
  assert.deepEqual(rec.opened, []);

  rec.notifications.length = 0;
  await rec.run(commandIds.signIn, 'corp');
  assert.equal(ic.signIns[1]?.signal.aborted, true);
  assert.deepEqual(
    rec.notifications.map((n) => n.modal),
    [true],
    'nothing but the dismissed modal',
  );
});

test('cancelling the progress aborts the sign-in, silently', async () => {
  const { ic } = await setup();
  rec.answer = (n) => (n.modal ? 'Open' : undefined);
  const done = rec.run(commandIds.signIn, 'corp');
  await until(() => ic.signIns.length === 1, 'the sign-in');
  rec.progress[0]?.cancel();
  await done;
  assert.equal(ic.signIns[0]?.signal.aborted, true);
  assert.deepEqual(byLevel('error'), []);
  assert.deepEqual(byLevel('info'), []);
});

for (const [kind, sentence] of [
  ['denied', 'The sign-in was denied in the browser.'],
  ['expired', 'The sign-in code expired before it was approved. Sign in again.'],
] as const) {
  test(`a sign-in that ends ${kind} shows its sentence once, and no success`, async () => {
    const { ic } = await setup();
    rec.answer = (n) => (n.modal ? 'Open' : undefined);
    const done = rec.run(commandIds.signIn, 'corp');
    await until(() => ic.signIns.length === 1, 'the sign-in');
    ic.signIns[0]?.fail(new SignInError(kind, sentence));
    await done;
    assert.deepEqual(
      rec.notifications.filter((n) => n.level === 'error'),
      [{ level: 'error', message: sentence, actions: ['Show Logs'] }],
    );
    assert.deepEqual(byLevel('info'), []);
    assert.equal(rec.progress[0]?.done, true);
  });
}

test('a second Sign In of a session while one waits joins it: one flow, one modal, one message', async () => {
  const { ic, ui } = await setup();
  rec.answer = (n) => (n.modal ? 'Open' : undefined);
  const first = ui.signIn('corp');
  await until(() => ic.signIns.length === 1, 'the sign-in');
  const second = ui.signIn('corp');
  await new Promise((resolve) => setTimeout(resolve, 5));
  assert.equal(ic.count('signIn'), 1);
  assert.equal(rec.progress.length, 1);
  assert.equal(byLevel('info', true).length, 1);
  ic.signIns[0]?.confirm();
  await Promise.all([first, second]);
  assert.equal(byLevel('info').length, 1);
  // Once it ended, a new Sign In is a new flow.
  const third = ui.signIn('corp');
  await until(() => ic.signIns.length === 2, 'the next sign-in');
  ic.signIns[1]?.confirm();
  await third;
  assert.equal(ic.count('signIn'), 2);
});

test('without a session, a quick pick offers the usable ones; dismissing it is silent', async () => {
  const broken = ssoSession('broken', { error: 'The [sso-session broken] section lacks sso_region.' });
  const { ic } = await setup([ssoSession('corp'), broken, ssoSession('lab', { region: 'us-west-2' })]);
  let offered: unknown[] = [];
  rec.answers.quickPick = (items) => {
    offered = items;
    return items.find((i) => i.label === 'lab');
  };
  rec.answer = (n) => (n.modal ? 'Open' : undefined);
  const done = rec.run(commandIds.signIn);
  await until(() => ic.signIns.length === 1, 'the sign-in');
  assert.deepEqual(offered, [
    { label: 'corp', description: 'https://corp.awsapps.com/start', detail: 'eu-central-1' },
    { label: 'lab', description: 'https://lab.awsapps.com/start', detail: 'us-west-2' },
  ]);
  assert.equal(ic.signIns[0]?.session, 'lab');
  ic.signIns[0]?.confirm();
  await done;

  rec.notifications.length = 0;
  rec.answers.quickPick = () => undefined;
  await rec.run(commandIds.signIn);
  assert.equal(ic.count('signIn'), 1, 'no sign-in');
  assert.deepEqual(rec.notifications, [], 'silent');
});

test('one usable session is signed in to without asking; none usable is a clear error that starts nothing', async () => {
  const broken = ssoSession('broken', { error: 'The [sso-session broken] section lacks sso_region.' });
  const { ic } = await setup([broken, ssoSession('corp')]);
  rec.answers.quickPick = () => assert.fail('no quick pick for one session');
  rec.answer = (n) => (n.modal ? 'Open' : undefined);
  const done = rec.run(commandIds.signIn);
  await until(() => ic.signIns.length === 1, 'the sign-in');
  assert.equal(ic.signIns[0]?.session, 'corp');
  ic.signIns[0]?.confirm();
  await done;

  rec.notifications.length = 0;
  ic.sessionList = [broken];
  await rec.run(commandIds.signIn);
  assert.deepEqual(rec.notifications, [
    {
      level: 'error',
      message: 'The AWS config file has no usable [sso-session] section: add one (aws configure sso) first.',
      actions: ['Show Logs'],
    },
  ]);
  assert.equal(ic.count('signIn'), 1);
  ic.sessionList = [];
  await rec.run(commandIds.signOut);
  assert.match(rec.notifications.at(-1)?.message ?? '', /no usable \[sso-session\] section/);
  assert.equal(ic.count('signOut'), 0);
});

test('Sign Out signs the session out and says so in the status bar, without a notification', async () => {
  const { ic } = await setup([ssoSession('corp'), ssoSession('lab')]);
  await rec.run(commandIds.signOut, 'corp');
  rec.answers.quickPick = (items) => items.find((i) => i.label === 'lab');
  await rec.run(commandIds.signOut);
  assert.deepEqual(
    ic.calls.filter((c) => c.startsWith('signOut')),
    ['signOut corp', 'signOut lab'],
  );
  assert.deepEqual(rec.messages, ['Signed out of corp', 'Signed out of lab']);
  assert.deepEqual(rec.notifications, []);
});

const inMinutes = (minutes: number) => new Date(Date.now() + minutes * 60_000);

/** Stops the tick and lets the one running finish. */
async function stop(ui: { dispose(): void }): Promise<void> {
  ui.dispose();
  await new Promise((resolve) => setTimeout(resolve, 5));
}

test('tick: a refreshable token due is refreshed and no warning shows; others are left alone', async () => {
  const broken = ssoSession('broken', { error: 'The [sso-session broken] section lacks sso_region.' });
  const { ic, ui, redraws } = await setup([ssoSession('corp'), ssoSession('far'), ssoSession('out'), broken], 5);
  ic.statuses.set('corp', { signedIn: true, expiresAt: inMinutes(5), refreshable: true });
  ic.refreshed.set('corp', { signedIn: true, expiresAt: inMinutes(8 * 60), refreshable: true });
  ic.statuses.set('far', { signedIn: true, expiresAt: inMinutes(120), refreshable: false });
  await until(() => redraws.count >= 4, 'four ticks');
  await stop(ui);
  assert.deepEqual(
    ic.calls.filter((c) => c.startsWith('refresh')),
    ['refresh corp'],
  );
  assert.equal(ic.count('status') > 0 && !ic.calls.includes('status broken'), true, 'a broken session is skipped');
  assert.deepEqual(rec.notifications, []);
  assert.equal(redraws.count, ic.count('sessions'), 'every tick redraws the sessions');
});

test('tick: a token that cannot be refreshed warns exactly once per expiry; Sign In Again signs in', async () => {
  const { ic, ui, redraws } = await setup([ssoSession('corp'), ssoSession('lab')], 5);
  ic.statuses.set('corp', { signedIn: true, expiresAt: inMinutes(5), refreshable: false });
  // Refreshable, but the refresh fails (the status stays): warned as well.
  ic.statuses.set('lab', { signedIn: true, expiresAt: inMinutes(7.5), refreshable: true });
  await until(() => redraws.count >= 4, 'four ticks');
  assert.deepEqual(
    rec.notifications.map((n) => [n.level, n.message, n.actions]),
    [
      ['warning', 'Your sign-in to IAM Identity Center session corp expires in 5 min.', ['Sign In Again']],
      ['warning', 'Your sign-in to IAM Identity Center session lab expires in 8 min.', ['Sign In Again']],
    ],
  );
  assert.ok(ic.calls.includes('refresh lab'), 'lab: a refresh is tried');
  assert.ok(!ic.calls.includes('refresh corp'), 'corp: no refresh');

  // A new sign-in with a new expiry (still soon): one more warning, and it is answered with Sign In Again.
  rec.answer = (n) => (n.level === 'warning' ? 'Sign In Again' : n.modal ? 'Open' : undefined);
  ic.statuses.set('corp', { signedIn: true, expiresAt: inMinutes(3), refreshable: false });
  const seen = redraws.count;
  await until(() => ic.signIns.length === 1, 'the sign-in from the warning');
  await until(() => redraws.count >= seen + 3, 'three more ticks');
  assert.equal(ic.signIns[0]?.session, 'corp');
  ic.signIns[0]?.confirm();
  await until(() => byLevel('info').length === 1, 'the sign-in to end');
  await stop(ui);
  assert.deepEqual(byLevel('warning'), [
    'Your sign-in to IAM Identity Center session corp expires in 5 min.',
    'Your sign-in to IAM Identity Center session lab expires in 8 min.',
    'Your sign-in to IAM Identity Center session corp expires in 3 min.',
  ]);
  assert.equal(redraws.count, ic.count('sessions'), 'every tick redraws the sessions');
});

test('tick: Sign In Again that is denied shows the sentence alone; one dismissed is silent', async () => {
  const { ic, ui } = await setup([ssoSession('corp')], 5);
  rec.answer = (n) => (n.level === 'warning' ? 'Sign In Again' : n.modal ? 'Open' : undefined);
  ic.statuses.set('corp', { signedIn: true, expiresAt: inMinutes(5), refreshable: false });
  await until(() => ic.signIns.length === 1, 'the sign-in from the warning');
  ic.signIns[0]?.fail(new SignInError('denied', 'The sign-in was denied in the browser.'));
  await until(() => byLevel('error').length === 1, 'the error');
  assert.deepEqual(
    rec.notifications.filter((n) => n.level === 'error'),
    [{ level: 'error', message: 'The sign-in was denied in the browser.', actions: ['Show Logs'] }],
  );

  rec.answer = (n) => (n.level === 'warning' ? 'Sign In Again' : undefined);
  ic.statuses.set('corp', { signedIn: true, expiresAt: inMinutes(4), refreshable: false });
  await until(() => ic.signIns.length === 2, 'the second sign-in');
  await until(() => ic.signIns[1]?.signal.aborted === true, 'the dismissed modal to abort it');
  await stop(ui);
  assert.equal(byLevel('error').length, 1, 'a dismissed sign-in shows nothing');
});
