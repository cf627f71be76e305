/** An access key pair the emulator accepts. */
export interface DemoCredential {
  accessKeyId: string;
  secretAccessKey: string;
  /** What the pair stands for in the demo (a profile name suggestion). */
  label: string;
}

/**
 * The demo credentials. They are not secrets: they only open this local emulator. Any other access key id is
 * rejected the way AWS rejects an unknown key (UnrecognizedClientException, InvalidClientTokenId, AuthFailure,
 * InvalidAccessKeyId depending on the protocol).
 */
export const DEMO_CREDENTIALS: readonly DemoCredential[] = Object.freeze([
  {
    accessKeyId: 'AKIAEMULATORDEMO0001',
    secretAccessKey: 'emulatorDemoSecretKey0001/NotARealAwsSecretKey',
    label: 'demo',
  },
  {
    accessKeyId: 'AKIAEMULATORDEMO0002',
    secretAccessKey: 'emulatorDemoSecretKey0002/NotARealAwsSecretKey',
    label: 'demo-ops',
  },
  {
    accessKeyId: 'AKIAEMULATORDEMO0003',
    secretAccessKey: 'emulatorDemoSecretKey0003/NotARealAwsSecretKey',
    label: 'demo-readonly',
  },
]);

export function secretFor(
  accessKeyId: string,
  credentials: readonly DemoCredential[] = DEMO_CREDENTIALS,
): string | undefined {
  return credentials.find((c) => c.accessKeyId === accessKeyId)?.secretAccessKey;
}
