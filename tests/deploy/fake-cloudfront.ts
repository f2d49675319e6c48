/**
 * A fake of CloudFront's CreateInvalidation API on loopback, enough for the
 * real SDK client: `POST /2020-05-31/distribution/{Id}/invalidation` with an
 * InvalidationBatch in XML, answered 201 with the Invalidation. It records
 * every batch, and can answer TooManyInvalidationsInProgress first, as
 * CloudFront does while earlier invalidations fill its in-progress limit.
 * Point the SDK at it with AWS_ENDPOINT_URL_CLOUDFRONT.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { XMLParser } from 'fast-xml-parser';

export interface InvalidationRequest {
  distributionId: string;
  callerReference: string;
  quantity: number;
  paths: string[];
  /** Whether the request was signed (SigV4), as the SDK signs it. */
  signed: boolean;
}

export interface FakeCloudFront {
  endpoint: string;
  /** Every batch the fake accepted, in order. */
  invalidations: InvalidationRequest[];
  /** Requests it refused with TooManyInvalidationsInProgress. */
  refused: number;
  /** How many of the next requests to refuse as over the in-progress limit. */
  busyFor(requests: number): void;
  close(): Promise<void>;
}

const parser = new XMLParser({ isArray: (name) => name === 'Path' });

export async function startFakeCloudFront(): Promise<FakeCloudFront> {
  let busy = 0;
  const fake = {
    invalidations: [] as InvalidationRequest[],
    refused: 0,
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const match = /^\/2020-05-31\/distribution\/([^/]+)\/invalidation$/.exec(req.url ?? '');
      if (req.method !== 'POST' || !match) {
        res.writeHead(404, { 'content-type': 'text/xml' });
        res.end('<ErrorResponse><Error><Type>Sender</Type><Code>NoSuchResource</Code><Message>not faked</Message></Error></ErrorResponse>');
        return;
      }
      if (busy > 0) {
        busy--;
        fake.refused++;
        res.writeHead(400, { 'content-type': 'text/xml' });
        res.end(
          '<ErrorResponse><Error><Type>Sender</Type><Code>TooManyInvalidationsInProgress</Code>' +
            '<Message>Processing your request will cause you to exceed the maximum number of in-progress wildcard invalidations.</Message></Error></ErrorResponse>',
        );
        return;
      }
      const batch = parser.parse(Buffer.concat(chunks).toString('utf8')).InvalidationBatch as {
        CallerReference: string;
        Paths: { Quantity: number; Items?: { Path: string[] } };
      };
      const request: InvalidationRequest = {
        distributionId: decodeURIComponent(match[1]!),
        callerReference: String(batch.CallerReference),
        quantity: Number(batch.Paths.Quantity),
        paths: (batch.Paths.Items?.Path ?? []).map(String),
        signed: String(req.headers.authorization ?? '').startsWith('AWS4-HMAC-SHA256 '),
      };
      fake.invalidations.push(request);
      const id = `I${String(fake.invalidations.length).padStart(13, '0')}`;
      res.writeHead(201, { 'content-type': 'text/xml', location: `https://cloudfront.amazonaws.com/2020-05-31/distribution/${match[1]}/invalidation/${id}` });
      res.end(
        `<?xml version="1.0"?><Invalidation xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/"><Id>${id}</Id><Status>InProgress</Status>` +
          `<CreateTime>2026-12-01T12:00:00Z</CreateTime><InvalidationBatch><Paths><Quantity>${request.quantity}</Quantity></Paths>` +
          `<CallerReference>${request.callerReference}</CallerReference></InvalidationBatch></Invalidation>`,
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    get invalidations() {
      return fake.invalidations;
    },
    get refused() {
      return fake.refused;
    },
    busyFor(requests) {
      busy = requests;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
