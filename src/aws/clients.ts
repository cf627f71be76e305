// The client factory's contract: one cached client per (client kind, profile, region).
// Types only (erased at build), so importing this module never loads the SDK.
import type { NeptuneGraphClient } from '@aws-sdk/client-neptune-graph';
import type { StorageGatewayClient } from '@aws-sdk/client-storage-gateway';
import type { DocDBClient } from '@aws-sdk/client-docdb';
import type { EC2Client } from '@aws-sdk/client-ec2';
import type { S3Client } from '@aws-sdk/client-s3';
import type { SimSpaceWeaverClient } from './simspaceweaver/client';

export interface ClientTypes {
  neptuneGraph: NeptuneGraphClient;
  storageGateway: StorageGatewayClient;
  docdb: DocDBClient;
  ec2: EC2Client;
  s3: S3Client;
  simSpaceWeaver: SimSpaceWeaverClient;
}

export type ClientKind = keyof ClientTypes;

/** The key of each client kind in the `snapshotExplorer.endpoints` setting. */
export const endpointKeys: Readonly<Record<ClientKind, string>> = {
  neptuneGraph: 'neptune-graph',
  storageGateway: 'storagegateway',
  docdb: 'docdb',
  ec2: 'ec2',
  s3: 's3',
  simSpaceWeaver: 'simspaceweaver',
};

/**
 * The SDK service id of each client kind (the models' `metadata.serviceId`): it names the service in
 * `AWS_ENDPOINT_URL_<SERVICE>` and in the `[services]` sections of the AWS config file.
 */
export const awsServiceIds: Readonly<Record<ClientKind, string>> = {
  neptuneGraph: 'Neptune Graph',
  storageGateway: 'Storage Gateway',
  docdb: 'DocDB',
  ec2: 'EC2',
  s3: 'S3',
  simSpaceWeaver: 'SimSpaceWeaver',
};

export interface AwsClients {
  /** The client of that kind for a profile and region, created on first use (loading the SDK lazily). */
  get<K extends ClientKind>(kind: K, profile: string, region: string): Promise<ClientTypes[K]>;
}
