// STS against the emulator with the real @aws-sdk/client-sts, signatures verified: GetCallerIdentity of the demo keys
// and of assumed roles, AssumeRole (the organisation's roles, the extra demo roles, chaining, MFA, DurationSeconds),
// AssumeRoleWithWebIdentity (unsigned, the demo token), and STS's awsQuery error shape.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import {
  AssumeRoleCommand,
  AssumeRoleWithWebIdentityCommand,
  GetCallerIdentityCommand,
  InvalidIdentityTokenException,
  STSClient,
  type Credentials,
} from '@aws-sdk/client-sts';
import { CREDENTIALS, rawRequest, rejects, START, startTestEmulator, type TestEmulator } from './helpers';

const STAGING = '210987654321';
const ADMIN_STAGING = `arn:aws:iam::${STAGING}:role/AdministratorAccess`;
const MFA_ROLE = `arn:aws:iam::${STAGING}:role/admin-mfa`;
const MFA_FAILED = 'MultiFactorAuthentication failed with invalid MFA one time pass code. ';

describe('emulator: STS', () => {
  let emu: TestEmulator;
  before(async () => {
    emu = await startTestEmulator();
  });
  after(() => emu.stop());
  beforeEach(() => emu.reset());

  const sts = () => new STSClient(emu.config());
  const withSession = (c: Credentials) =>
    new STSClient({
      ...emu.config(),
      credentials: { accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken! },
    });

  it('GetCallerIdentity of a demo key: the IAM user of the default account', async () => {
    const me = await sts().send(new GetCallerIdentityCommand({}));
    assert.equal(me.Account, '123456789012');
    assert.equal(me.Arn, 'arn:aws:iam::123456789012:user/demo');
    assert.match(me.UserId ?? '', /^AIDA[A-Z0-9]{17}$/);
  });

  it('AssumeRole of an organisation role: temporary credentials of an assumed-role session in its account', async () => {
    const out = await sts().send(new AssumeRoleCommand({ RoleArn: ADMIN_STAGING, RoleSessionName: 'alice' }));
    const c = out.Credentials!;
    assert.match(c.AccessKeyId!, /^ASIA[A-Z0-9]{16}$/);
    assert.ok(c.SecretAccessKey && c.SessionToken);
    assert.equal(c.Expiration?.getTime(), START + 3600_000, 'one hour by default');
    assert.equal(out.AssumedRoleUser?.Arn, `arn:aws:sts::${STAGING}:assumed-role/AdministratorAccess/alice`);
    assert.match(out.AssumedRoleUser?.AssumedRoleId ?? '', /^AROA[A-Z0-9]{17}:alice$/);

    const me = await withSession(c).send(new GetCallerIdentityCommand({}));
    assert.deepEqual(
      [me.Account, me.Arn, me.UserId],
      [STAGING, out.AssumedRoleUser?.Arn, out.AssumedRoleUser?.AssumedRoleId],
    );
    const log = await emu.calls();
    assert.deepEqual(
      log.map((c) => [c.operation, c.accountId, c.accessKeyId.slice(0, 4)]),
      [
        ['AssumeRole', '123456789012', 'AKIA'],
        ['GetCallerIdentity', STAGING, 'ASIA'],
      ],
    );
  });

  it('AssumeRole of the extra demo role deploy; DurationSeconds as the model bounds it (900–43200)', async () => {
    const out = await sts().send(
      new AssumeRoleCommand({
        RoleArn: `arn:aws:iam::${STAGING}:role/deploy`,
        RoleSessionName: 'ci',
        DurationSeconds: 43200,
      }),
    );
    assert.equal(out.Credentials?.Expiration?.getTime(), START + 43200_000);
    for (const [DurationSeconds, bound] of [
      [899, 'greater than or equal to 900'],
      [43201, 'less than or equal to 43200'],
    ] as const) {
      await rejects(
        sts().send(new AssumeRoleCommand({ RoleArn: ADMIN_STAGING, RoleSessionName: 'x1', DurationSeconds })),
        {
          name: 'ValidationError',
          status: 400,
          message: new RegExp(
            `^1 validation error detected: Value '${DurationSeconds}' at 'durationSeconds' failed to satisfy constraint: Member must have value ${bound}$`,
          ),
        },
      );
    }
  });

  it('AssumeRole of a role that is neither the organisation’s nor a demo role → AccessDenied, as AWS words it', async () => {
    for (const arn of [`arn:aws:iam::${STAGING}:role/nope`, 'arn:aws:iam::333333333333:role/ReadOnlyAccess']) {
      await rejects(sts().send(new AssumeRoleCommand({ RoleArn: arn, RoleSessionName: 'x1' })), {
        name: 'AccessDenied',
        status: 403,
        message: new RegExp(
          `^User: arn:aws:iam::123456789012:user/demo is not authorized to perform: sts:AssumeRole on resource: ${arn}$`,
        ),
      });
    }
    await rejects(
      sts().send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::21098765:role/x', RoleSessionName: 'x1' })),
      {
        name: 'ValidationError',
        status: 400,
        message: /^Request ARN is invalid$/,
      },
    );
    assert.equal((await emu.calls()).filter((c) => c.status === 200).length, 0);
  });

  it('role chaining: an assumed role assumes another role (in another account), at most for one hour', async () => {
    const first = await sts().send(new AssumeRoleCommand({ RoleArn: ADMIN_STAGING, RoleSessionName: 'hop1' }));
    const sandbox = 'arn:aws:iam::333333333333:role/AdministratorAccess';
    const second = await withSession(first.Credentials!).send(
      new AssumeRoleCommand({ RoleArn: sandbox, RoleSessionName: 'hop2' }),
    );
    const me = await withSession(second.Credentials!).send(new GetCallerIdentityCommand({}));
    assert.equal(me.Account, '333333333333');
    assert.equal(me.Arn, 'arn:aws:sts::333333333333:assumed-role/AdministratorAccess/hop2');
    await rejects(
      withSession(first.Credentials!).send(
        new AssumeRoleCommand({ RoleArn: sandbox, RoleSessionName: 'hop2', DurationSeconds: 3601 }),
      ),
      { name: 'ValidationError', status: 400, message: /1 hour session limit for roles assumed by role chaining/ },
    );
  });

  it('a read-only role may not assume another role (sts:AssumeRole is not a read action)', async () => {
    const ro = await sts().send(
      new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${STAGING}:role/ReadOnlyAccess`, RoleSessionName: 'ro' }),
    );
    await rejects(
      withSession(ro.Credentials!).send(new AssumeRoleCommand({ RoleArn: ADMIN_STAGING, RoleSessionName: 'up' })),
      {
        name: 'AccessDenied',
        status: 403,
        message: new RegExp(
          `^User: arn:aws:sts::${STAGING}:assumed-role/ReadOnlyAccess/ro is not authorized to perform: sts:AssumeRole`,
        ),
      },
    );
  });

  it('MFA: a role that requires it needs the demo device and code; wrong or missing → AccessDenied', async () => {
    const attempts = [
      {},
      { SerialNumber: 'arn:aws:iam::123456789012:mfa/demo' },
      { SerialNumber: 'arn:aws:iam::123456789012:mfa/demo', TokenCode: '654321' },
      { SerialNumber: 'arn:aws:iam::123456789012:mfa/other', TokenCode: '123456' },
    ];
    for (const mfa of attempts) {
      await rejects(sts().send(new AssumeRoleCommand({ RoleArn: MFA_ROLE, RoleSessionName: 'mfa', ...mfa })), {
        name: 'AccessDenied',
        status: 403,
        message: new RegExp(`^${MFA_FAILED}$`),
      });
    }
    const out = await sts().send(
      new AssumeRoleCommand({
        RoleArn: MFA_ROLE,
        RoleSessionName: 'mfa',
        SerialNumber: 'arn:aws:iam::123456789012:mfa/demo',
        TokenCode: '123456',
      }),
    );
    assert.equal(out.AssumedRoleUser?.Arn, `arn:aws:sts::${STAGING}:assumed-role/admin-mfa/mfa`);
  });

  it('AssumeRoleWithWebIdentity: unsigned; the demo token gives credentials in the role account', async () => {
    const out = await sts().send(
      new AssumeRoleWithWebIdentityCommand({
        RoleArn: `arn:aws:iam::444444444444:role/ReadOnlyAccess`,
        RoleSessionName: 'web',
        WebIdentityToken: 'emulator-demo-web-identity-token',
      }),
    );
    assert.equal(out.SubjectFromWebIdentityToken, 'emulator-demo-user');
    assert.equal(out.AssumedRoleUser?.Arn, 'arn:aws:sts::444444444444:assumed-role/ReadOnlyAccess/web');
    const me = await withSession(out.Credentials!).send(new GetCallerIdentityCommand({}));
    assert.equal(me.Account, '444444444444');
    const [call] = await emu.calls();
    assert.deepEqual(
      [call?.operation, call?.status, call?.accessKeyId],
      ['AssumeRoleWithWebIdentity', 200, ''],
      'unsigned',
    );

    await rejects(
      sts().send(
        new AssumeRoleWithWebIdentityCommand({
          RoleArn: `arn:aws:iam::444444444444:role/ReadOnlyAccess`,
          RoleSessionName: 'web',
          WebIdentityToken: 'some-other-token',
        }),
      ),
      { cls: InvalidIdentityTokenException, status: 400 },
    );
    await rejects(
      sts().send(
        new AssumeRoleWithWebIdentityCommand({
          RoleArn: `arn:aws:iam::444444444444:role/nope`,
          RoleSessionName: 'web',
          WebIdentityToken: 'emulator-demo-web-identity-token',
        }),
      ),
      { name: 'AccessDenied', status: 403, message: /^Not authorized to perform sts:AssumeRoleWithWebIdentity$/ },
    );
  });

  it('answers errors in the awsQuery XML shape (ErrorResponse/Error/Type, Code, Message + RequestId)', async () => {
    const body = 'Action=GetCallerIdentity&Version=2011-06-15';
    const headers = { 'content-type': 'application/x-www-form-urlencoded' };
    const unsigned = await rawRequest(emu.url, {
      method: 'POST',
      path: '/',
      body,
      headers,
      service: 'sts',
      sign: false,
    });
    assert.equal(unsigned.status, 403);
    assert.match(
      unsigned.text,
      /<ErrorResponse xmlns="https:\/\/sts\.amazonaws\.com\/doc\/2011-06-15\/"><Error><Type>Sender<\/Type><Code>MissingAuthenticationToken<\/Code><Message>Request is missing Authentication Token<\/Message><\/Error><RequestId>[0-9a-f-]{36}<\/RequestId><\/ErrorResponse>/,
    );
    const unknown = await rawRequest(emu.url, {
      method: 'POST',
      path: '/',
      body,
      headers,
      service: 'sts',
      accessKeyId: 'AKIAUNKNOWNUNKNOWN00',
    });
    assert.equal(unknown.status, 403);
    assert.match(unknown.text, /<Code>InvalidClientTokenId<\/Code>/);
    const badSecret = await rawRequest(emu.url, {
      method: 'POST',
      path: '/',
      body,
      headers,
      service: 'sts',
      secretAccessKey: `${CREDENTIALS.secretAccessKey}x`,
    });
    assert.match(badSecret.text, /<Code>SignatureDoesNotMatch<\/Code>/);
  });
});
