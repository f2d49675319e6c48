/** The Cdn of a CloudFront distribution, through the AWS SDK. */
import { CloudFrontClient, CreateInvalidationCommand } from '@aws-sdk/client-cloudfront';
import { parseDistributionId, type Cdn } from './cdn.ts';
import { withRetry, type RetryOptions } from './retry.ts';

/**
 * A CloudFront distribution, with credentials from the SDK's default chain.
 * `AWS_ENDPOINT_URL_CLOUDFRONT` (read by the SDK) points it elsewhere, which
 * is how the tests reach a fake of the API.
 */
export function createCloudFrontCdn(options: { distributionId: string; retry?: RetryOptions }): Cdn {
  const client = new CloudFrontClient({ region: 'us-east-1', maxAttempts: 1 });
  const distributionId = parseDistributionId(options.distributionId);
  return {
    description: `CloudFront distribution ${distributionId}`,
    async invalidate(paths, reference) {
      if (paths.length === 0) throw new Error('nothing to invalidate');
      // One caller reference per deploy: a retried request whose first try
      // did arrive is recognized by CloudFront, not invalidated twice.
      const response = await withRetry(
        `INVALIDATE ${paths.length} paths`,
        () =>
          client.send(
            new CreateInvalidationCommand({
              DistributionId: distributionId,
              InvalidationBatch: { CallerReference: reference, Paths: { Quantity: paths.length, Items: [...paths] } },
            }),
          ),
        options.retry,
      );
      const id = response.Invalidation?.Id;
      if (!id) throw new Error('CloudFront accepted the invalidation but returned no id');
      return { id };
    },
  };
}
