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
 */
import S3rver from 's3rver';

const directory = process.argv[2];
if (!directory) {
  console.error('usage: s3rver-server.ts <directory>');
  process.exit(2);
}
const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, vhostBuckets: false });
const address = await server.run();
process.stdout.write(`${JSON.stringify({ port: address.port })}\n`);
process.stdin.resume();
process.stdin.on('end', () => {
  void server.close().finally(() => process.exit(0));
});
