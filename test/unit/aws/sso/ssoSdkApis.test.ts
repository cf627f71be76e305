import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { HttpResponse, type HttpHandler, type HttpRequest } from '@smithy/protocol-http';
import { createSsoSdkApis, type SsoEndpointKind } from '../../../../src/aws/sso/ssoSdkApis';
import { recordingLogger } from '../../../support/recordingLogger';

/** An HTTP handler that answers every request with a JSON body and keeps the requests (nothing leaves the process). */
function fakeHandler(answer: (request: HttpRequest) => { status: number; body: object; headers?: object }) {
  const requests: HttpRequest[] = [];
  const handler: HttpHandler<object> = {
    handle: (request: HttpRequest) => {
      requests.push(request);
      const { status, body, headers } = answer(request);
      return Promise.resolve({
        response: new HttpResponse({
          statusCode: status,
          headers: { 'content-type': 'application/json', ...headers },
          body: Readable.from([Buffer.from(JSON.stringify(body))]),
        }),
      });
    },
    updateHttpClientConfig: () => undefined,
    httpHandlerConfigs: () => ({}),
  };
  return { handler, requests };
}

test('the portal and SSO OIDC each ask for their own endpoint override; the token goes in the bearer header only', async () => {
  const asked: [SsoEndpointKind, string][] = [];
  const { handler, requests } = fakeHandler((request) =>
    request.path.startsWith('/assignment/accounts')
      ? { status: 200, body: { accountList: [{ accountId: '123456789012', accountName: 'prod-data' }] } }
      : { status: 200, body: { accessToken: 'new-access-token', expiresIn: 3600, tokenType: 'Bearer' } },
  );
  const log = recordingLogger();
  const apis = createSsoSdkApis({
    endpointFor: (kind, region) => {
      asked.push([kind, region]);
      return Promise.resolve(kind === 'sso' ? 'http://127.0.0.1:4001' : 'http://127.0.0.1:4002');
    },
    logger: log.logger,
    requestHandler: handler,
  });
  try {
    const portal = await apis.portal('eu-west-1');
    const accounts = await portal.listAccounts({ accessToken: 'secret-access-token', maxResults: 5 });
    assert.deepEqual(accounts, { accounts: [{ accountId: '123456789012', accountName: 'prod-data' }] });
    const oidc = await apis.oidc('eu-west-1');
    const token = await oidc.createToken({
      clientId: 'c',
      clientSecret: 'client-secret',
      grantType: 'refresh_token',
      refreshToken: 'secret-refresh-token',
    });
    assert.deepEqual(token, { accessToken: 'new-access-token', expiresIn: 3600 });

    assert.deepEqual(asked, [
      ['sso', 'eu-west-1'],
      ['sso-oidc', 'eu-west-1'],
    ]);
    assert.equal(requests[0]?.port, 4001);
    assert.equal(requests[0]?.headers['x-amz-sso_bearer_token'], 'secret-access-token');
    assert.equal(requests[0]?.query.max_result, '5');
    assert.equal(requests[0]?.headers.authorization, undefined);
    assert.equal(requests[1]?.port, 4002);
    assert.equal(requests[1]?.path, '/token');
    for (const secret of ['secret-access-token', 'secret-refresh-token', 'client-secret', 'new-access-token']) {
      assert.ok(!log.lines.some((line) => line.includes(secret)), log.lines.join('\n'));
    }
    assert.ok(log.lines.some((line) => line.includes('SSO ListAccounts in eu-west-1: ok')));
  } finally {
    apis.dispose();
  }
});

test("no override: AWS's public endpoints of the region", async () => {
  const { handler, requests } = fakeHandler(() => ({ status: 200, body: { roleList: [{ roleName: 'Admin' }] } }));
  const apis = createSsoSdkApis({
    endpointFor: () => Promise.resolve(undefined),
    logger: recordingLogger().logger,
    requestHandler: handler,
  });
  try {
    const portal = await apis.portal('ap-southeast-2');
    const roles = await portal.listAccountRoles({ accessToken: 't', accountId: '123456789012' });
    assert.deepEqual(roles, { roles: ['Admin'] });
    assert.equal(requests[0]?.hostname, 'portal.sso.ap-southeast-2.amazonaws.com');
  } finally {
    apis.dispose();
  }
});

test('a modeled error reaches the caller with its name (UnauthorizedException), logged by code only', async () => {
  const { handler } = fakeHandler(() => ({
    status: 401,
    body: { message: 'Session token not found or invalid' },
    headers: { 'x-amzn-errortype': 'UnauthorizedException' },
  }));
  const log = recordingLogger();
  const apis = createSsoSdkApis({
    endpointFor: () => Promise.resolve('http://127.0.0.1:4001'),
    logger: log.logger,
    requestHandler: handler,
  });
  try {
    const portal = await apis.portal('us-east-1');
    await assert.rejects(
      portal.getRoleCredentials({ accessToken: 'secret-token', accountId: '123456789012', roleName: 'Admin' }),
      (error: unknown) => (error as Error).name === 'UnauthorizedException',
    );
    assert.ok(log.lines.some((line) => line.includes('SSO GetRoleCredentials in us-east-1: UnauthorizedException')));
    assert.ok(!log.lines.some((line) => line.includes('secret-token')));
  } finally {
    apis.dispose();
  }
});
