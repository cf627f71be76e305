// The client spec of SimSpace Weaver: its endpoint key and SDK service id, and how the factory builds our own client
// (src/aws/simspaceweaver/, `sdk.simSpaceWeaver` from ./simSpaceWeaver.sdk) with the retry policy of its profile and
// region (src/aws/retryPolicy), the user agent, and its own call log lines (it has no middleware stack).
import type { ClientSpec } from '../aws/clients';
import type { SimSpaceWeaverClient } from '../aws/simspaceweaver/client';

export const simSpaceWeaverClient: ClientSpec<SimSpaceWeaverClient> = {
  kind: 'simspaceweaver',
  serviceId: 'SimSpaceWeaver',
  create: (sdk, config) =>
    new sdk.simSpaceWeaver.SimSpaceWeaverClient({
      region: config.region,
      credentials: config.credentials,
      ...(config.endpoint !== undefined ? { endpoint: config.endpoint } : {}),
      maxAttempts: config.maxAttempts,
      requestHandler: config.requestHandler,
      retryStrategy: config.retryStrategy,
      userAgent: config.userAgent,
      logger: config.logger,
      profile: config.profile,
    }),
};
