// Lazy access to the bundled AWS SDK (dist/aws-sdk.js in the build; the source module under tsx).
import type * as SdkModule from './sdk';

export type Sdk = typeof SdkModule;

/** Loads the SDK on first use; later calls get the cached module. */
export function loadSdk(): Promise<Sdk> {
  return import('./sdk');
}
