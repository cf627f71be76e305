// The client spec of Neptune Analytics: its endpoint key and SDK service id, and how the factory builds its client
// from the lazily loaded SDK (`sdk.neptuneGraph`, from ./neptuneGraph.sdk).
import type { NeptuneGraphClient } from '@aws-sdk/client-neptune-graph';
import { sdkClientConfig, type ClientSpec } from '../aws/clients';

export const neptuneGraphClient: ClientSpec<NeptuneGraphClient> = {
  kind: 'neptune-graph',
  serviceId: 'Neptune Graph',
  create: (sdk, config) => new sdk.neptuneGraph.NeptuneGraphClient(sdkClientConfig(config)),
};
