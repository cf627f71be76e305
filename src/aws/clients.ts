// The client factory's contract: one cached client per (client kind, profile, region).
// Types only (erased at build), so importing this module never loads the SDK.
import type { NeptuneGraphClient } from '@aws-sdk/client-neptune-graph';
import type { StorageGatewayClient } from '@aws-sdk/client-storage-gateway';
import type { DocDBClient } from '@aws-sdk/client-docdb';
import type { EC2Client } from '@aws-sdk/client-ec2';
import type { S3Client } from '@aws-sdk/client-s3';
import type { SimSpaceWeaverClient } from './simspaceweaver/client';

/**
 * The client of each kind. A kind is the service id (the service modules' `id`) or, for the helper services, the
 * SDK's endpoint prefix; it is also the service's key in the `snapshotExplorer.endpoints` setting.
 */
export interface ClientTypes {
  'neptune-graph': NeptuneGraphClient;
  storagegateway: StorageGatewayClient;
  docdb: DocDBClient;
  ec2: EC2Client;
  s3: S3Client;
  simspaceweaver: SimSpaceWeaverClient;
}

export type ClientKind = keyof ClientTypes;

/**
 * The SDK service id of each client kind (the models' `metadata.serviceId`): it names the service in
 * `AWS_ENDPOINT_URL_<SERVICE>` and in the `[services]` sections of the AWS config file.
 */
export const awsServiceIds: Readonly<Record<ClientKind, string>> = {
  'neptune-graph': 'Neptune Graph',
  storagegateway: 'Storage Gateway',
  docdb: 'DocDB',
  ec2: 'EC2',
  s3: 'S3',
  simspaceweaver: 'SimSpaceWeaver',
};

export interface AwsClients {
  /** The client of that kind for a profile and region, created on first use (loading the SDK lazily). */
  get<K extends ClientKind>(kind: K, profile: string, region: string): Promise<ClientTypes[K]>;
}
