/**
 * The temporary credentials the emulator has issued (STS AssumeRole…, SSO GetRoleCredentials): one store per
 * Emulator, emptied by reset(). The core accepts an issued access key id with its session token until it expires, in
 * the credential's account, with the credential's policy.
 */
import { createHash, randomBytes } from 'node:crypto';
import { type IdentityPolicy } from './policies';

export interface IssuedCredential {
  /** `ASIA` + 16 upper-case letters and digits, as AWS's temporary keys. */
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  /** When the credential stops working (epoch ms). */
  expiration: number;
  accountId: string;
  /** arn:aws:sts::<account>:assumed-role/<role>/<session> */
  arn: string;
  /** `<role id>:<session>`, as GetCallerIdentity's UserId of an assumed role. */
  userId: string;
  roleName: string;
  sessionName: string;
  policy: IdentityPolicy;
}

export interface IssueRequest {
  accountId: string;
  roleName: string;
  sessionName: string;
  policy: IdentityPolicy;
  durationSeconds: number;
  /** The emulator's clock now (epoch ms). */
  now: number;
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

function upperAlnum(bytes: Buffer, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += ALNUM[bytes[i % bytes.length]! % ALNUM.length];
  return out;
}

/** The unique id of a role (`AROA` + 17 characters), the same every time for one account and role. */
export function roleId(accountId: string, roleName: string): string {
  return `AROA${upperAlnum(createHash('sha256').update(`${accountId}/${roleName}`).digest(), 17)}`;
}

/** The ARN of an assumed-role session. */
export function assumedRoleArn(accountId: string, roleName: string, sessionName: string): string {
  return `arn:aws:sts::${accountId}:assumed-role/${roleName}/${sessionName}`;
}

/** The issued temporary credentials, by access key id. */
export class IssuedCredentials {
  private readonly byKey = new Map<string, IssuedCredential>();

  issue(request: IssueRequest): IssuedCredential {
    let accessKeyId: string;
    do accessKeyId = `ASIA${upperAlnum(randomBytes(16), 16)}`;
    while (this.byKey.has(accessKeyId));
    const credential: IssuedCredential = {
      accessKeyId,
      secretAccessKey: randomBytes(30).toString('base64'),
      sessionToken: `EmulatorSessionToken/${randomBytes(48).toString('base64')}`,
      expiration: request.now + request.durationSeconds * 1000,
      accountId: request.accountId,
      arn: assumedRoleArn(request.accountId, request.roleName, request.sessionName),
      userId: `${roleId(request.accountId, request.roleName)}:${request.sessionName}`,
      roleName: request.roleName,
      sessionName: request.sessionName,
      policy: request.policy,
    };
    this.byKey.set(accessKeyId, credential);
    return credential;
  }

  /** The credential of that access key id (expired ones too: the caller decides), if it was issued. */
  lookup(accessKeyId: string): IssuedCredential | undefined {
    return this.byKey.get(accessKeyId);
  }

  /** How many credentials were issued since the last reset. */
  get size(): number {
    return this.byKey.size;
  }

  /** Forgets every issued credential (Emulator.reset). */
  clear(): void {
    this.byKey.clear();
  }
}
