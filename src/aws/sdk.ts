// The SDK surface every service shares, bundled into dist/aws-sdk.js by the generated entry src/awsSdk.ts (with each
// service's own surface, src/services/*.sdk.ts): the credential providers, the HTTP handler, signing, retries, and
// the helper clients several services use (EC2 for Storage Gateway's snapshots, S3 for buckets).
// Never import this module statically: use `loadSdk()` from ./sdkLoader, so that activation neither parses nor
// evaluates the SDK (the build fails on a static import).
export { EC2Client, DescribeSnapshotsCommand, CopySnapshotCommand, DeleteSnapshotCommand } from '@aws-sdk/client-ec2';
export {
  S3Client,
  ListBucketsCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  DeleteObjectCommand,
  ListObjectsV2Command,
} from '@aws-sdk/client-s3';
export { fromIni, fromEnv, fromTemporaryCredentials, fromWebToken } from '@aws-sdk/credential-providers';
export { NodeHttpHandler } from '@smithy/node-http-handler';
export { SignatureV4 } from '@smithy/signature-v4';
export { Sha256 } from '@aws-crypto/sha256-js';
export { ConfiguredRetryStrategy, StandardRetryStrategy, AdaptiveRetryStrategy } from '@smithy/util-retry';
// IAM Identity Center (src/aws/sso/ssoSdkApis.ts): the portal and SSO OIDC.
export {
  SSOClient,
  ListAccountsCommand,
  ListAccountRolesCommand,
  GetRoleCredentialsCommand,
  LogoutCommand,
} from '@aws-sdk/client-sso';
export {
  SSOOIDCClient,
  RegisterClientCommand,
  StartDeviceAuthorizationCommand,
  CreateTokenCommand,
} from '@aws-sdk/client-sso-oidc';
