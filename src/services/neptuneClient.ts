// The client spec of Neptune Database: its endpoint key and SDK service id, and how the factory builds its client
// from the lazily loaded SDK (`sdk.neptune`, from ./neptune.sdk).
import type { NeptuneClient } from '@aws-sdk/client-neptune';
import { sdkClientConfig, type ClientSpec } from '../aws/clients';

export const neptuneClient: ClientSpec<NeptuneClient> = {
  kind: 'neptune',
  serviceId: 'Neptune',
  create: (sdk, config) => new sdk.neptune.NeptuneClient(sdkClientConfig(config)),
};
