// The client spec of DocumentDB: its endpoint key and SDK service id, and how the factory builds its client from the
// lazily loaded SDK (`sdk.docdb`, from ./docdb.sdk).
import type { DocDBClient } from '@aws-sdk/client-docdb';
import { sdkClientConfig, type ClientSpec } from '../aws/clients';

export const docdbClient: ClientSpec<DocDBClient> = {
  kind: 'docdb',
  serviceId: 'DocDB',
  create: (sdk, config) => new sdk.docdb.DocDBClient(sdkClientConfig(config)),
};
