// The client spec of Storage Gateway: its endpoint key and SDK service id, and how the factory builds its client from
// the lazily loaded SDK (`sdk.storageGateway`, from ./storageGateway.sdk). Its snapshots are read with EC2's client.
import type { StorageGatewayClient } from '@aws-sdk/client-storage-gateway';
import { sdkClientConfig, type ClientSpec } from '../aws/clients';

export const storageGatewayClient: ClientSpec<StorageGatewayClient> = {
  kind: 'storagegateway',
  serviceId: 'Storage Gateway',
  create: (sdk, config) => new sdk.storageGateway.StorageGatewayClient(sdkClientConfig(config)),
};
