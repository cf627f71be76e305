// Lazy access to the bundled AWS SDK (dist/aws-sdk.js in the build; the source module under tsx): the shared surface
// (src/aws/sdk.ts) and each service's own (src/services/NAME.sdk.ts, as `sdk.NAME`), gathered by src/awsSdk.ts.
import type * as SdkModule from '../awsSdk';

export type Sdk = typeof SdkModule;

let loading: Promise<Sdk> | undefined;

/**
 * Loads the SDK on first use; later calls get the same module object. The promise is kept: each evaluation of the
 * bundled `import()` wraps the module in a new namespace object with a getter per export, which every AWS call would
 * otherwise pay for. A failed load is not kept, so the next call tries again.
 */
export function loadSdk(): Promise<Sdk> {
  loading ??= import('../awsSdk').catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}
