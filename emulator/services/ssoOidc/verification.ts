/**
 * What the verification page and the admin routes do to the sign-in state: approve or deny the device authorization
 * of a user code (only a pending, unexpired one; anything else is refused with a sentence and changes nothing), and
 * expire every access token now (refresh tokens keep working).
 */
import { deviceByUserCode, type DeviceAuthorization, normalizeUserCode, type SsoDirectory } from './state';

export type Decision = 'approve' | 'deny';

export type DecisionResult =
  | { ok: true; device: DeviceAuthorization }
  | { ok: false; status: number; message: string; device?: DeviceAuthorization };

const PAST: Readonly<Record<DeviceAuthorization['status'], string>> = {
  pending: 'is pending',
  approved: 'was already approved',
  denied: 'was already denied',
  redeemed: 'was already used to sign in',
};

/** Why a device authorization can no longer be approved or denied (expired, decided, used); undefined if it can. */
export function whyNotPending(device: DeviceAuthorization, now: number): string | undefined {
  if (now >= device.expiresAt) return `The code ${device.userCode} has expired; start the sign-in again.`;
  if (device.status !== 'pending') return `The sign-in request ${device.userCode} ${PAST[device.status]}.`;
  return undefined;
}

/** Approves or denies the sign-in request of a user code. */
export function decide(directory: SsoDirectory, userCode: unknown, decision: Decision, now: number): DecisionResult {
  const code = typeof userCode === 'string' ? normalizeUserCode(userCode) : undefined;
  if (code === undefined) {
    return { ok: false, status: 400, message: 'userCode must be a code of 8 letters like ABCD-EFGH.' };
  }
  const device = deviceByUserCode(directory, code);
  if (!device) return { ok: false, status: 404, message: `No sign-in request has the code ${code}.` };
  const problem = whyNotPending(device, now);
  if (problem !== undefined) {
    return { ok: false, status: now >= device.expiresAt ? 410 : 409, message: problem, device };
  }
  device.status = decision === 'approve' ? 'approved' : 'denied';
  return { ok: true, device };
}

/** Makes every access token that still works expire now; returns how many did. */
export function expireAccessTokens(directory: SsoDirectory, now: number): number {
  let count = 0;
  for (const token of directory.accessTokens.values()) {
    if (token.expiresAt > now) {
      token.expiresAt = now;
      count += 1;
    }
  }
  return count;
}
