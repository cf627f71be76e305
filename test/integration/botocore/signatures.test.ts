// SigV4 as botocore signs it (x-amz-content-sha256 only for S3), against the emulator with signature verification:
// for each service a good signature is accepted, a wrong secret and a request changed after signing are refused with
// the service's own error, and a header added after signing (not covered by the signature) is ignored, as AWS does.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { type BotoCall } from './harness';
import { describeBotocore, refused } from './suite';

const reads: ReadonlyArray<{ call: BotoCall; badSignature: string }> = [
  { call: { service: 'neptune-graph', operation: 'ListGraphs' }, badSignature: 'InvalidSignatureException' },
  { call: { service: 'storagegateway', operation: 'ListGateways' }, badSignature: 'InvalidSignatureException' },
  { call: { service: 'docdb', operation: 'DescribeDBClusters' }, badSignature: 'SignatureDoesNotMatch' },
  { call: { service: 'neptune', operation: 'DescribeDBClusterSnapshots' }, badSignature: 'SignatureDoesNotMatch' },
  { call: { service: 'simspaceweaver', operation: 'ListSimulations' }, badSignature: 'InvalidSignatureException' },
  { call: { service: 'ec2', operation: 'DescribeSnapshots' }, badSignature: 'SignatureDoesNotMatch' },
  { call: { service: 's3', operation: 'ListBuckets' }, badSignature: 'SignatureDoesNotMatch' },
];

describeBotocore('botocore: signatures', (ctx) => {
  for (const { call, badSignature } of reads) {
    it(`${call.service}: accepts botocore's signature and refuses a wrong or stale one with ${badSignature}`, async () => {
      const [good, wrongSecret, tampered, extraHeader] = await ctx().boto.run([
        call,
        { ...call, secret: 'notTheSecretOfThisAccessKey0000000000000' },
        { ...call, tamper: true },
        { ...call, extraHeader: true },
      ]);
      assert.equal(good?.ok, true, `${good?.code}: ${good?.message}`);
      assert.equal(good?.status, 200);
      refused(wrongSecret, badSignature, 403, /signature/i);
      refused(tampered, badSignature, 403);
      assert.equal(
        extraHeader?.ok,
        true,
        `an unsigned header is ignored: ${extraHeader?.code} ${extraHeader?.message}`,
      );
    });
  }

  it('logs the refused calls with their error, the accepted ones with 200', async () => {
    await ctx().boto.run([
      { service: 'storagegateway', operation: 'ListGateways' },
      { service: 'storagegateway', operation: 'ListGateways', secret: 'notTheSecretOfThisAccessKey0000000000000' },
    ]);
    const calls = await ctx().emulator.calls();
    assert.deepEqual(
      calls.map((c) => [c.service, c.operation, c.status, c.error]),
      [
        ['storagegateway', 'ListGateways', 200, undefined],
        ['storagegateway', 'ListGateways', 403, 'InvalidSignatureException'],
      ],
    );
  });
});
