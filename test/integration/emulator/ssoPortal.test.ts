// The emulator's SSO portal (IAM Identity Center's accounts, roles and role credentials) with the real
// @aws-sdk/client-sso: bearer tokens, paging over a 100-account organisation, GetRoleCredentials whose credentials work
// in their account, Logout.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import {
  GetRoleCredentialsCommand,
  InvalidRequestException,
  ListAccountRolesCommand,
  ListAccountsCommand,
  LogoutCommand,
  paginateListAccounts,
  ResourceNotFoundException,
  type SSOClient,
  UnauthorizedException,
} from '@aws-sdk/client-sso';
import { CreateTokenCommand, InvalidGrantException, type SSOOIDCClient } from '@aws-sdk/client-sso-oidc';
import { CreateDBClusterSnapshotCommand, DescribeDBClustersCommand, DocDBClient } from '@aws-sdk/client-docdb';
import { rejects, START, startTestEmulator, type TestEmulator } from './helpers';
import { signIn, ssoClients } from './ssoHelpers';

describe('emulator: SSO portal (accounts, roles, role credentials)', () => {
  let emu: TestEmulator;
  let oidc: SSOOIDCClient;
  let portal: SSOClient;
  let accessToken: string;
  before(async () => {
    emu = await startTestEmulator();
    ({ oidc, portal } = ssoClients(emu));
  });
  after(() => emu.stop());
  beforeEach(async () => {
    await emu.reset();
    ({ accessToken } = await signIn(emu, oidc));
  });

  const credentialsOf = async (accountId: string, roleName: string) => {
    const out = await portal.send(new GetRoleCredentialsCommand({ accessToken, accountId, roleName }));
    const c = out.roleCredentials!;
    return { accessKeyId: c.accessKeyId!, secretAccessKey: c.secretAccessKey!, sessionToken: c.sessionToken!, c };
  };
  const docdb = (credentials: { accessKeyId: string; secretAccessKey: string; sessionToken: string }) =>
    new DocDBClient({ ...emu.config(), credentials });
  const clusterIds = async (client: DocDBClient) =>
    ((await client.send(new DescribeDBClustersCommand({}))).DBClusters ?? []).map((c) => c.DBClusterIdentifier);

  it('lists the demo organisation: six named accounts with their e-mail addresses, and their roles', async () => {
    const out = await portal.send(new ListAccountsCommand({ accessToken }));
    assert.equal(out.nextToken, undefined);
    assert.deepEqual(out.accountList?.[0], {
      accountId: '123456789012',
      accountName: 'prod-data',
      emailAddress: 'prod-data@example.com',
    });
    assert.deepEqual(
      out.accountList?.map((a) => a.accountName),
      ['prod-data', 'staging', 'sandbox', 'analytics', 'security-audit', 'shared-services'],
    );
    const roles = await portal.send(new ListAccountRolesCommand({ accessToken, accountId: '210987654321' }));
    assert.deepEqual(roles.roleList, [
      { roleName: 'AdministratorAccess', accountId: '210987654321' },
      { roleName: 'PowerUserAccess', accountId: '210987654321' },
      { roleName: 'ReadOnlyAccess', accountId: '210987654321' },
    ]);
    const paged = await portal.send(
      new ListAccountRolesCommand({ accessToken, accountId: '210987654321', maxResults: 2 }),
    );
    assert.equal(paged.roleList?.length, 2);
    const rest = await portal.send(
      new ListAccountRolesCommand({ accessToken, accountId: '210987654321', nextToken: paged.nextToken }),
    );
    assert.deepEqual(
      rest.roleList?.map((r) => r.roleName),
      ['ReadOnlyAccess'],
    );
    assert.equal(rest.nextToken, undefined);
    await rejects(portal.send(new ListAccountRolesCommand({ accessToken, accountId: '999999999999' })), {
      cls: ResourceNotFoundException,
      status: 404,
    });
  });

  it('hands out role credentials for 1 hour that work in that account only, with the role’s policy', async () => {
    const prod = await credentialsOf('123456789012', 'AdministratorAccess');
    assert.match(prod.accessKeyId, /^ASIA[A-Z0-9]{16}$/);
    assert.equal(prod.c.expiration, START + 3600_000);
    assert.ok((await clusterIds(docdb(prod))).includes('orders-prod'));

    const staging = await credentialsOf('210987654321', 'ReadOnlyAccess');
    assert.deepEqual(await clusterIds(docdb(staging)), ['orders-staging'], 'staging sees its own clusters only');
    const sandbox = await credentialsOf('333333333333', 'AdministratorAccess');
    assert.deepEqual(await clusterIds(docdb(sandbox)), []);

    const refused = await rejects(
      docdb(staging).send(
        new CreateDBClusterSnapshotCommand({ DBClusterIdentifier: 'x', DBClusterSnapshotIdentifier: 'y' }),
      ),
      { status: 403 },
    );
    assert.match(refused.message, /arn:aws:sts::210987654321:assumed-role\/ReadOnlyAccess\//);

    emu.clock.advance(3600_000);
    await rejects(docdb(prod).send(new DescribeDBClustersCommand({})), { name: 'ExpiredToken' });
  });

  it('refuses an unknown account or role with ResourceNotFoundException', async () => {
    await rejects(
      portal.send(
        new GetRoleCredentialsCommand({ accessToken, accountId: '555555555555', roleName: 'PowerUserAccess' }),
      ),
      { cls: ResourceNotFoundException, status: 404 },
    );
    await rejects(
      portal.send(
        new GetRoleCredentialsCommand({ accessToken, accountId: '999999999999', roleName: 'ReadOnlyAccess' }),
      ),
      { cls: ResourceNotFoundException, status: 404 },
    );
  });

  it('answers 401 UnauthorizedException to a missing, unknown or expired bearer token', async () => {
    for (const token of ['', 'not-a-token']) {
      await rejects(portal.send(new ListAccountsCommand({ accessToken: token })), {
        cls: UnauthorizedException,
        status: 401,
        message: /^Session token not found or invalid$/,
      });
    }
    const raw = await fetch(`${emu.url}/assignment/accounts`);
    assert.equal(raw.status, 401);
    assert.equal(raw.headers.get('x-amzn-errortype'), 'UnauthorizedException');
    emu.clock.advance(8 * 3600_000);
    await rejects(portal.send(new ListAccountsCommand({ accessToken })), { cls: UnauthorizedException });
  });

  it('logs out: the token and its refresh token stop working, credentials already issued keep working', async () => {
    const session = await signIn(emu, oidc);
    const creds = await credentialsOf('123456789012', 'ReadOnlyAccess');
    await portal.send(new LogoutCommand({ accessToken: session.accessToken }));
    await rejects(portal.send(new ListAccountsCommand({ accessToken: session.accessToken })), {
      cls: UnauthorizedException,
      status: 401,
    });
    await rejects(portal.send(new LogoutCommand({ accessToken: session.accessToken })), { cls: UnauthorizedException });
    await rejects(
      oidc.send(
        new CreateTokenCommand({
          clientId: session.clientId,
          clientSecret: session.clientSecret,
          grantType: 'refresh_token',
          refreshToken: session.refreshToken,
        }),
      ),
      { cls: InvalidGrantException },
    );
    assert.ok((await clusterIds(docdb(creds))).includes('orders-prod'));
    // Another sign-in is not affected.
    assert.equal((await portal.send(new ListAccountsCommand({ accessToken }))).accountList?.length, 6);
  });
});

describe('emulator: SSO portal paging over a 100-account organisation', () => {
  let emu: TestEmulator;
  let portal: SSOClient;
  let accessToken: string;
  before(async () => {
    emu = await startTestEmulator({ ssoAccounts: 100 });
    const clients = ssoClients(emu);
    portal = clients.portal;
    ({ accessToken } = await signIn(emu, clients.oidc));
  });
  after(() => emu.stop());

  it('pages ListAccounts 20 at a time by default, up to 100 with maxResults', async () => {
    const pages: number[] = [];
    const ids: string[] = [];
    for await (const page of paginateListAccounts({ client: portal }, { accessToken })) {
      pages.push(page.accountList?.length ?? 0);
      ids.push(...(page.accountList ?? []).map((a) => a.accountId!));
    }
    assert.deepEqual(pages, [20, 20, 20, 20, 20]);
    assert.equal(new Set(ids).size, 100);
    assert.ok(ids.every((id) => /^\d{12}$/.test(id)));
    const all = await portal.send(new ListAccountsCommand({ accessToken, maxResults: 100 }));
    assert.equal(all.accountList?.length, 100);
    assert.equal(all.nextToken, undefined);
    const last = all.accountList![99]!;
    assert.equal(last.accountName, 'account-100');
    const roles = await portal.send(new ListAccountRolesCommand({ accessToken, accountId: last.accountId }));
    assert.equal(roles.roleList?.length, 3);
  });

  it('refuses a foreign nextToken and a page size outside 1–100 with InvalidRequestException', async () => {
    await rejects(portal.send(new ListAccountsCommand({ accessToken, nextToken: 'garbage' })), {
      cls: InvalidRequestException,
      status: 400,
    });
    const roles = await portal.send(
      new ListAccountRolesCommand({ accessToken, accountId: '123456789012', maxResults: 1 }),
    );
    await rejects(portal.send(new ListAccountsCommand({ accessToken, nextToken: roles.nextToken })), {
      cls: InvalidRequestException,
    });
    await rejects(portal.send(new ListAccountsCommand({ accessToken, maxResults: 101 })), {
      cls: InvalidRequestException,
      message: /maxResults/,
    });
  });
});
