/**
 * The admin routes of the emulator's IAM Identity Center, under /_emulator/sso/: the verification page (GET verify,
 * the device flow's verification URI), approving or denying a user code (POST approve / deny, from the page's form or
 * as JSON `{"userCode": "…"}` from tests), and expiring every SSO access token now (POST expire).
 */
import { type OrgAccount } from './identity/organization';
import { type WireResponse } from './protocols/types';
import { DEMO_START_URL, deviceByUserCode, portalName, type SsoDirectory } from './services/ssoOidc/state';
import { type Decision, decide, expireAccessTokens, whyNotPending } from './services/ssoOidc/verification';
import { resultPage, verifyPage } from './services/ssoOidc/verifyPage';

export const SSO_ADMIN_PREFIX = '/_emulator/sso/';

/** What the routes read and change: the emulator's sign-in state, its organisation and its clock now. */
export interface SsoAdminDeps {
  directory: SsoDirectory;
  organization: readonly OrgAccount[];
  now: number;
}

export interface SsoAdminRequest {
  method: string;
  /** Without the query string. */
  path: string;
  rawQuery: string;
  contentType: string;
  body: Buffer;
}

const json = (status: number, body: unknown): WireResponse => ({
  status,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

const html = (status: number, body: string): WireResponse => ({
  status,
  headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
  body,
});

function showVerifyPage(deps: SsoAdminDeps, rawQuery: string): WireResponse {
  const userCode = new URLSearchParams(rawQuery).get('user_code') ?? undefined;
  const device = userCode === undefined ? undefined : deviceByUserCode(deps.directory, userCode);
  const problem =
    userCode !== undefined && !device
      ? `No sign-in request has the code ${userCode}.`
      : device && whyNotPending(device, deps.now);
  return html(
    200,
    verifyPage({
      organization: portalName(device?.startUrl ?? DEMO_START_URL),
      accountCount: deps.organization.length,
      userCode: device?.userCode ?? userCode,
      problem,
    }),
  );
}

/** The posted user code: a form field (the page) or a JSON member (tests); a string saying what is wrong otherwise. */
function postedUserCode(request: SsoAdminRequest, form: boolean): { userCode: unknown } | string {
  const text = request.body.toString('utf8');
  if (form) return { userCode: new URLSearchParams(text).get('userCode') ?? undefined };
  try {
    const parsed: unknown = text.trim() === '' ? {} : JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return 'the body must be a JSON object';
    return { userCode: (parsed as Record<string, unknown>).userCode };
  } catch {
    return 'the body is not valid JSON';
  }
}

function decideRoute(deps: SsoAdminDeps, request: SsoAdminRequest, decision: Decision): WireResponse {
  const form = request.contentType.startsWith('application/x-www-form-urlencoded');
  const posted = postedUserCode(request, form);
  if (typeof posted === 'string') return json(400, { error: posted });
  const result = decide(deps.directory, posted.userCode, decision, deps.now);
  if (!form) {
    return result.ok
      ? json(200, { userCode: result.device.userCode, status: result.device.status })
      : json(result.status, { error: result.message });
  }
  if (!result.ok)
    return html(result.status, resultPage({ ok: false, title: 'Not signed in', message: result.message }));
  const organization = portalName(result.device.startUrl);
  return html(
    200,
    resultPage(
      decision === 'approve'
        ? { ok: true, title: 'Request approved', message: `You are signed in to ${organization}.` }
        : { ok: true, title: 'Request denied', message: `The sign-in to ${organization} was denied.` },
    ),
  );
}

/** Answers a request under /_emulator/sso/. */
export function handleSsoAdmin(deps: SsoAdminDeps, request: SsoAdminRequest): WireResponse {
  const route = `${request.method} ${request.path.replace(/\/+$/, '')}`;
  switch (route) {
    case 'GET /_emulator/sso/verify':
      return showVerifyPage(deps, request.rawQuery);
    case 'POST /_emulator/sso/approve':
      return decideRoute(deps, request, 'approve');
    case 'POST /_emulator/sso/deny':
      return decideRoute(deps, request, 'deny');
    case 'POST /_emulator/sso/expire':
      return json(200, { expired: expireAccessTokens(deps.directory, deps.now) });
    default:
      return json(404, {
        error: `no admin route ${route}; try GET /_emulator/sso/verify, POST /_emulator/sso/approve, POST /_emulator/sso/deny, POST /_emulator/sso/expire`,
      });
  }
}
