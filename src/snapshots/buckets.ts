// The S3 buckets SimSpace Weaver can write a snapshot to: those in the simulation's region (the service
// requires it). ListBuckets reports each bucket's region; buckets listed without one are asked with
// HeadBucket. No `vscode` import; the SDK is loaded lazily.
import { s3Client } from '../aws/helperClients';
import { loadSdk } from '../aws/sdkLoader';
import type { AwsContext } from '../services/service';
import type { BucketChoice } from './inputSteps';

/** The most buckets whose region is looked up one by one. */
const maxHeadLookups = 25;
const maxPages = 10;

export async function listBucketsInRegion(ctx: AwsContext): Promise<BucketChoice[]> {
  const sdk = await loadSdk();
  const s3 = await ctx.clients.get(s3Client, ctx.profile, ctx.region);
  const options = ctx.signal ? { abortSignal: ctx.signal } : {};
  const listed: { name: string; region?: string }[] = [];
  let token: string | undefined;
  let pages = 0;
  do {
    const out = await s3.send(new sdk.ListBucketsCommand({ ContinuationToken: token, MaxBuckets: 1000 }), options);
    for (const bucket of out.Buckets ?? []) {
      if (bucket.Name) listed.push({ name: bucket.Name, region: bucket.BucketRegion });
    }
    token = out.ContinuationToken;
    pages++;
  } while (token && pages < maxPages && !ctx.signal?.aborted);

  const unknown = listed.filter((b) => !b.region).slice(0, maxHeadLookups);
  await Promise.all(
    unknown.map(async (bucket) => {
      try {
        const head = await s3.send(new sdk.HeadBucketCommand({ Bucket: bucket.name }), options);
        bucket.region = head.BucketRegion;
      } catch {
        // Not ours to read, or elsewhere: left out, the user can still type its name.
      }
    }),
  );
  return listed
    .filter((b) => b.region === ctx.region)
    .map((b) => ({ name: b.name, region: b.region }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
