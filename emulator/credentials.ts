/** The demo identities: their access key pairs, IAM user names and identity policies. */
import { FULL_ACCESS, type IdentityPolicy, READ_ONLY_ACCESS } from './policy';

/** An access key pair the emulator accepts, and the IAM user it stands for. */
export interface DemoCredential {
  accessKeyId: string;
  secretAccessKey: string;
  /** What the pair stands for in the demo (a profile name suggestion), also its IAM user name. */
  label: string;
  /** What the identity may call; any other call is refused with the service's access-denied error. */
  policy: IdentityPolicy;
}

/**
 * The demo credentials. They are not secrets: they only open this local emulator. Any other access key id is
 * rejected the way AWS rejects an unknown key (UnrecognizedClientException, InvalidClientTokenId, AuthFailure,
 * InvalidAccessKeyId depending on the protocol). `demo-readonly` may only read: every call that changes something
 * gets the service's access-denied error (see policy.ts).
 */
export const DEMO_CREDENTIALS: readonly DemoCredential[] = Object.freeze([
  {
    accessKeyId: 'AKIAEMULATORDEMO0001',
    secretAccessKey: 'emulatorDemoSecretKey0001/NotARealAwsSecretKey',
    label: 'demo',
    policy: FULL_ACCESS,
  },
  {
    accessKeyId: 'AKIAEMULATORDEMO0002',
    secretAccessKey: 'emulatorDemoSecretKey0002/NotARealAwsSecretKey',
    label: 'demo-ops',
    policy: FULL_ACCESS,
  },
  {
    accessKeyId: 'AKIAEMULATORDEMO0003',
    secretAccessKey: 'emulatorDemoSecretKey0003/NotARealAwsSecretKey',
    label: 'demo-readonly',
    policy: READ_ONLY_ACCESS,
  },
]);

/** The identity of an access key id, or undefined when the emulator does not know it. */
export function credentialFor(
  accessKeyId: string,
  credentials: readonly DemoCredential[] = DEMO_CREDENTIALS,
): DemoCredential | undefined {
  return credentials.find((c) => c.accessKeyId === accessKeyId);
}

export function secretFor(
  accessKeyId: string,
  credentials: readonly DemoCredential[] = DEMO_CREDENTIALS,
): string | undefined {
  return credentials.find((c) => c.accessKeyId === accessKeyId)?.secretAccessKey;
}
