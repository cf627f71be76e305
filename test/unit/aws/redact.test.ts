import { test } from 'node:test';
import assert from 'node:assert/strict';
import { redactSecrets } from '../../../src/aws/redact';

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const TOKEN =
  'IQoJb3JpZ2luX2VjEXAMPLEtokenAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

test('secret keys, session tokens and signatures are masked in every common form', () => {
  const samples = [
    `aws_secret_access_key = ${SECRET}`,
    `{"secretAccessKey":"${SECRET}","sessionToken":"${TOKEN}"}`,
    `SecretAccessKey: '${SECRET}'`,
    `x-amz-security-token: ${TOKEN}`,
    `https://bucket.s3.amazonaws.com/k?X-Amz-Security-Token=${TOKEN}&X-Amz-Signature=abcdef0123`,
    `free standing ${SECRET} in text`,
    `token ${TOKEN} alone`,
  ];
  for (const sample of samples) {
    const out = redactSecrets(sample);
    assert.ok(!out.includes(SECRET), out);
    assert.ok(!out.includes(TOKEN.slice(0, 30)), out);
    assert.ok(!out.includes('abcdef0123'), out);
  }
});

test('Authorization header values are masked whole', () => {
  const header =
    'authorization: AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20250101/us-east-1/simspaceweaver/aws4_request, SignedHeaders=host;x-amz-date, Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7';
  const out = redactSecrets(header);
  assert.equal(out, 'authorization: ****');
  assert.equal(redactSecrets('{"Authorization":"Bearer abc.def"}'), '{"Authorization":"****"}');
});

test('access key ids keep their type prefix and last four characters only', () => {
  assert.equal(redactSecrets('key AKIAIOSFODNN7EXAMPLE used'), 'key AKIA****MPLE used');
  assert.equal(redactSecrets('ASIAY34FZKBOKMUTVV7A'), 'ASIA****VV7A');
});

test('ordinary log text is left alone', () => {
  const line =
    'simspaceweaver ListSimulations us-east-1 200 in 12 ms (1 attempt); sha1 da39a3ee5e6b4b0d3255bfef95601890afd80709';
  assert.equal(redactSecrets(line), line);
  assert.equal(
    redactSecrets('SignatureDoesNotMatch: The request signature we calculated does not match'),
    'SignatureDoesNotMatch: The request signature we calculated does not match',
  );
});
