/**
 * Who signed a request: a demo access key (an IAM user of the default account) or temporary credentials the emulator
 * issued (an assumed-role session in its account, with its session token, until it expires). Checks the signature
 * with the key's secret when asked to, and answers the service's own error for every refusal.
 */
import { createHash } from 'node:crypto';
import { signatureMatches, type SigV4Authorization } from '../auth';
import { credentialFor, type DemoCredential } from '../credentials';
import { type ServiceModel } from '../model/types';
import { principalArn } from '../policy';
import { type ApiError, type WireRequest } from '../protocols/types';
import { expiredTokenError } from '../services/authErrors';
import { type ServiceErrors } from '../services/types';
import { type IssuedCredentials } from './issued';
import { type CallerIdentity } from './types';

/** What identifies callers: the demo keys, the issued credentials, and the account the demo keys belong to. */
export interface CallerSources {
  credentials: readonly DemoCredential[];
  issued: IssuedCredentials;
  defaultAccountId: string;
  verifySignatures: boolean;
}

/** The service a request is for, as far as checking its caller goes. */
export interface SignedService {
  model: ServiceModel;
  errors: ServiceErrors;
  uriEscapePath: boolean;
}

/** True when the operation is called without SigV4 (its model says `"authtype": "none"`). */
export function isUnsigned(model: ServiceModel, operation: string): boolean {
  return model.operations[operation]?.authtype === 'none';
}

/** The unique id of an IAM user (`AIDA` + 17 characters), the same every time for one account and user name. */
export function iamUserId(accountId: string, userName: string): string {
  const digest = createHash('sha256').update(`user:${accountId}/${userName}`).digest();
  const alnum = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  let id = 'AIDA';
  for (let i = 0; i < 17; i++) id += alnum[digest[i]! % alnum.length];
  return id;
}

function header(request: WireRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The caller of a SigV4-signed request, or the error its service answers: an unknown key, an issued key without its
 * session token (both as AWS: the security token is invalid), an issued key past its expiration (the service's
 * expired-token error), a wrong signature.
 */
export async function resolveCaller(
  request: WireRequest,
  auth: SigV4Authorization,
  region: string,
  service: SignedService,
  sources: CallerSources,
  now: number,
): Promise<CallerIdentity | ApiError> {
  let caller: CallerIdentity;
  let secret: string;
  const demo = credentialFor(auth.accessKeyId, sources.credentials);
  if (demo) {
    const accountId = sources.defaultAccountId;
    caller = {
      accessKeyId: demo.accessKeyId,
      accountId,
      arn: principalArn(demo.label, accountId, region),
      userId: iamUserId(accountId, demo.label),
      policy: demo.policy,
    };
    secret = demo.secretAccessKey;
  } else {
    const issued = sources.issued.lookup(auth.accessKeyId);
    if (!issued || header(request, 'x-amz-security-token') !== issued.sessionToken) return service.errors.unknownKey();
    if (now >= issued.expiration) return service.errors.expiredToken?.() ?? expiredTokenError(service.model);
    caller = {
      accessKeyId: issued.accessKeyId,
      accountId: issued.accountId,
      arn: issued.arn,
      userId: issued.userId,
      policy: issued.policy,
      issued,
    };
    secret = issued.secretAccessKey;
  }
  if (sources.verifySignatures && !(await signatureMatches(request, auth, secret, service.uriEscapePath))) {
    return service.errors.badSignature();
  }
  return caller;
}
