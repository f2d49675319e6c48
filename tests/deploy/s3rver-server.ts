/**
 * Runs s3rver for the deploy tests, in a process of its own:
 *   node --openssl-legacy-provider tests/deploy/s3rver-server.ts <directory>
 * Prints `{"port":N}` once listening on 127.0.0.1, and exits when its stdin
 * closes, so it never outlives the test that started it.
 *
 * Why a process of its own: s3rver 3.7 encrypts ListObjectsV2 continuation
 * tokens with DES, which OpenSSL 3 (Node 17+) only offers through the legacy
 * provider; without it every paginated listing fails with HTTP 500
 * (ERR_OSSL_EVP_UNSUPPORTED). The flag is best kept out of the test runner.
 *
 * Conditional writes: s3rver 3.7 predates them (S3 added If-None-Match on
 * PutObject in August 2024 and If-Match in November 2024) and ignores both
 * headers, writing whatever comes. The hook below answers them as S3
 * documents: If-None-Match: * fails with 412 PreconditionFailed when the key
 * exists; If-Match fails with 404 NoSuchKey when it does not and with 412 when
 * its ETag differs; conditional writes to one key are decided one at a time,
 * as S3 makes them atomic. It runs before s3rver's own middleware, so a
 * conditional write is judged before its signature is checked. What the
 * deploy tests prove with it: that the deploy sends the right condition and
 * stops on the answer; S3's and R2's enforcement is theirs.
 */
import S3rver from 's3rver';

const directory = process.argv[2];
if (!directory) {
  console.error('usage: s3rver-server.ts <directory>');
  process.exit(2);
}
const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, vhostBuckets: false });

const decided = new Map<string, Promise<void>>();

function refuse(ctx: S3rver.Context, status: number, code: string, message: string) {
  ctx.req.resume();
  ctx.status = status;
  ctx.type = 'application/xml';
  ctx.body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`;
}

server.middleware.unshift(async (ctx, next) => {
  const ifMatch = ctx.get('if-match');
  const ifNoneMatch = ctx.get('if-none-match');
  const [, bucket = '', ...rest] = ctx.path.split('/');
  const key = decodeURIComponent(rest.join('/'));
  if (ctx.method !== 'PUT' || key === '' || (ifMatch === '' && ifNoneMatch === '')) return next();
  const id = `${bucket}/${key}`;
  const before = decided.get(id) ?? Promise.resolve();
  let done = () => {};
  const mine = before.then(() => new Promise<void>((resolve) => (done = resolve)));
  decided.set(id, mine);
  await before;
  try {
    const etag = await server.store.getMetadata(bucket, key).then(
      (metadata) => metadata.etag,
      () => undefined,
    );
    if (ifNoneMatch === '*' && etag !== undefined) return refuse(ctx, 412, 'PreconditionFailed', 'At least one of the pre-conditions you specified did not hold');
    if (ifMatch !== '' && etag === undefined) return refuse(ctx, 404, 'NoSuchKey', 'The specified key does not exist.');
    if (ifMatch !== '' && ifMatch !== etag) return refuse(ctx, 412, 'PreconditionFailed', 'At least one of the pre-conditions you specified did not hold');
    await next();
  } finally {
    done();
    if (decided.get(id) === mine) decided.delete(id);
  }
});

const address = await server.run();
process.stdout.write(`${JSON.stringify({ port: address.port })}\n`);
process.stdin.resume();
process.stdin.on('end', () => {
  void server.close().finally(() => process.exit(0));
});
