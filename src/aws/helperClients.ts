// The client specs of the helper services several services share: EC2 (Storage Gateway's EBS snapshots) and S3
// (buckets for SimSpace Weaver's snapshots). Their SDK surface is in ./sdk.
import type { EC2Client } from '@aws-sdk/client-ec2';
import type { S3Client } from '@aws-sdk/client-s3';
import { sdkClientConfig, type ClientSpec } from './clients';

export const ec2Client: ClientSpec<EC2Client> = {
  kind: 'ec2',
  serviceId: 'EC2',
  create: (sdk, config) => new sdk.EC2Client(sdkClientConfig(config)),
};

export const s3Client: ClientSpec<S3Client> = {
  kind: 's3',
  serviceId: 'S3',
  create: (sdk, config) =>
    new sdk.S3Client({ ...sdkClientConfig(config), ...(config.overridden ? { forcePathStyle: true } : {}) }),
};
