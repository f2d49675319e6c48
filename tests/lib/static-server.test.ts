import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveDirectory, type StaticServer } from '../../scripts/lib/static-server.ts';

const PAGE = `<!DOCTYPE html><title>Page</title>${'<p>A paragraph that repeats.</p>'.repeat(200)}`;
const PHOTO = Buffer.from([0x00, 0x00, 0x00, 0x1c, 0x66, 0x74, 0x79, 0x70, 0x61, 0x76, 0x69, 0x66]);

let root: string;
let plain: StaticServer;
let compressing: StaticServer;

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'static-server-'));
  mkdirSync(path.join(root, 'story'));
  writeFileSync(path.join(root, 'story/index.html'), PAGE);
  writeFileSync(path.join(root, 'photo.avif'), PHOTO);
  writeFileSync(path.join(root, '404.html'), '<!DOCTYPE html><title>Not found</title>');
  plain = await serveDirectory(root);
  compressing = await serveDirectory(root, { compress: true, headers: () => ({ 'X-Frame-Options': 'DENY' }) });
});

afterAll(async () => {
  await plain?.close();
  await compressing?.close();
  rmSync(root, { recursive: true, force: true });
});

function get(url: string, acceptEncoding?: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    request(url, { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
}

describe('serveDirectory compression', () => {
  it('sends brotli when the request accepts it, gzip when only gzip, with Vary and the given headers', async () => {
    const brotli = await get(`${compressing.url}/story/`, 'gzip, deflate, br, zstd');
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotli.headers.vary).toBe('Accept-Encoding');
    expect(brotli.headers['x-frame-options']).toBe('DENY');
    expect(brotli.body.length).toBeLessThan(PAGE.length / 5);
    expect(brotliDecompressSync(brotli.body).toString()).toBe(PAGE);

    const gzip = await get(`${compressing.url}/story/`, 'br;q=0, gzip;q=1.0, identity');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).toString()).toBe(PAGE);
  });

  it('sends text as it is to a client that accepts no compression', async () => {
    const response = await get(`${compressing.url}/story/`);
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.body.toString()).toBe(PAGE);
  });

  it('never compresses photos, nor anything when compression is off', async () => {
    const photo = await get(`${compressing.url}/photo.avif`, 'br, gzip');
    expect(photo.headers['content-encoding']).toBeUndefined();
    expect(photo.body.equals(PHOTO)).toBe(true);
    const page = await get(`${plain.url}/story/`, 'br, gzip');
    expect(page.headers['content-encoding']).toBeUndefined();
    expect(page.body.toString()).toBe(PAGE);
  });

  it('answers a missing file with the 404 page', async () => {
    const response = await get(`${compressing.url}/no-such-page/`, 'br');
    expect(response.status).toBe(404);
    expect(response.body.toString()).toContain('Not found');
  });

  it('answers an address with broken percent-encoding with 400, and goes on serving', async () => {
    const response = await get(`${plain.url}/story/%E0%A4%A/`);
    expect(response.status).toBe(400);
    expect(response.body.toString()).toContain('not a valid address');
    expect((await get(`${plain.url}/story/`)).status).toBe(200);
  });
});
