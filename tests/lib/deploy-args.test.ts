import { describe, expect, it } from 'vitest';
import { parseDeployArgs } from '../../src/lib/deploy/args.ts';

const parse = (argv: string[], env: Record<string, string> = {}) => parseDeployArgs(argv, env);

describe('parseDeployArgs', () => {
  it('applies the defaults', () => {
    expect(parse(['--target', 's3://site-bucket/www'])).toEqual({
      kind: 'deploy',
      args: {
        mode: 'site',
        dir: 'dist',
        target: { bucket: 'site-bucket', prefix: 'www' },
        region: 'us-east-1',
        graceHours: 48,
        concurrency: 8,
        dryRun: false,
      },
    });
  });

  it('reads every flag', () => {
    const parsed = parse([
      '--target=s3://b12/p',
      '--dir',
      'out',
      '--endpoint',
      'https://acc.r2.cloudflarestorage.com/',
      '--region',
      'auto',
      '--grace-hours',
      '0.5',
      '--concurrency',
      '4',
      '--cloudfront-distribution',
      'E2QWRUHAPOMQZL',
      '--commit',
      '0123456789abcdef0123456789abcdef01234567',
      '--run-number',
      '58',
      '--dry-run',
    ]);
    expect(parsed).toEqual({
      kind: 'deploy',
      args: {
        mode: 'site',
        dir: 'out',
        target: { bucket: 'b12', prefix: 'p' },
        endpoint: 'https://acc.r2.cloudflarestorage.com',
        region: 'auto',
        graceHours: 0.5,
        concurrency: 4,
        cloudfrontDistribution: 'E2QWRUHAPOMQZL',
        commit: '0123456789abcdef0123456789abcdef01234567',
        runNumber: 58,
        dryRun: true,
      },
    });
  });

  it('takes the region from the environment when no flag gives it', () => {
    const region = (env: Record<string, string>) => {
      const parsed = parse(['--target', 's3://bbb'], env);
      return parsed.kind === 'deploy' ? parsed.args.region : undefined;
    };
    expect(region({ AWS_REGION: 'eu-west-1', AWS_DEFAULT_REGION: 'us-west-2' })).toBe('eu-west-1');
    expect(region({ AWS_DEFAULT_REGION: 'us-west-2' })).toBe('us-west-2');
  });

  it('answers --help', () => {
    expect(parse(['--help'])).toEqual({ kind: 'help' });
    expect(parse(['-h', '--target', 'nonsense'])).toEqual({ kind: 'help' });
  });

  it.each([
    [[], /--target is required/],
    [['--target', 'bucket'], /must look like s3:\/\/bucket\/prefix/],
    [['--target', 's3://bbb', '--grace-hours=-1'], /--grace-hours must be a number from 0 or more, got "-1"/],
    [['--target', 's3://bbb', '--grace-hours', 'two'], /--grace-hours/],
    [['--target', 's3://bbb', '--concurrency', '0'], /--concurrency must be a whole number from 1 to 64/],
    [['--target', 's3://bbb', '--concurrency', '2.5'], /--concurrency/],
    [['--target', 's3://bbb', '--endpoint', 'localhost:9000'], /--endpoint must be http or https/],
    [['--target', 's3://bbb', '--endpoint', 'not a url'], /--endpoint must be a URL/],
    [['--target', 's3://bbb', '--endpoint', 'https://key:secret@r2.example'], /must not carry credentials/],
    [['--target', 's3://bbb', '--region', 'EU West'], /--region/],
    [['--target', 's3://bbb', 'dist'], /unexpected argument "dist"/],
    [['--target', 's3://bbb', '--cloudfront-distribution', 'https://d111.cloudfront.net'], /--cloudfront-distribution must be a distribution id/],
    [['--target', 's3://bbb', '--commit', 'HEAD'], /--commit must be a full commit id/],
    [['--target', 's3://bbb', '--commit', '0123abc'], /--commit must be a full commit id/],
    [['--target', 's3://bbb', '--run-number', '0'], /--run-number must be a whole number from 1 or more/],
    [['--target', 's3://bbb', '--run-number', '12.5'], /--run-number/],
    [['--target', 's3://bbb', '--force'], /Unknown option '--force'/],
    [['--target'], /argument missing/],
  ])('refuses %j', (argv, message) => {
    const parsed = parse(argv as string[]);
    expect(parsed.kind).toBe('error');
    expect(parsed.kind === 'error' && parsed.message).toMatch(message);
  });

  it.each(['--access-key-id', '--aws-secret-access-key', '--session-token', '--credentials'])(
    'refuses credentials given as %s, pointing at the environment',
    (flag) => {
      const parsed = parse(['--target', 's3://bbb', flag, 'AKIA123']);
      expect(parsed.kind === 'error' && parsed.message).toMatch(/never accepted as flags; set AWS_ACCESS_KEY_ID/);
    },
  );

  it("targets a pull request's preview folder under the site's target", () => {
    const preview = parse(['--target', 's3://site-bucket/www', '--preview', '12']);
    expect(preview).toMatchObject({ kind: 'deploy', args: { mode: 'preview', pullRequest: 12, target: { bucket: 'site-bucket', prefix: 'www/previews/pr-12', urlPath: 'previews/pr-12/' } } });
    const atRoot = parse(['--target', 's3://site-bucket', '--remove-preview', '7']);
    expect(atRoot).toMatchObject({ kind: 'deploy', args: { mode: 'remove-preview', pullRequest: 7, target: { bucket: 'site-bucket', prefix: 'previews/pr-7', urlPath: 'previews/pr-7/' } } });
  });

  it.each(['0', '012', '-1', '1.5', '1e3', 'abc', '12/../..', '../pr-1', '', ' 12', '1234567890'])('refuses the pull request number %j', (value) => {
    for (const flag of ['--preview', '--remove-preview']) {
      const parsed = parse(['--target', 's3://site-bucket/www', `${flag}=${value}`]);
      expect(parsed.kind, `${flag} ${value}`).toBe('error');
      expect(parsed.kind === 'error' && parsed.message).toContain(`${flag} takes a pull request number such as 12`);
    }
  });

  it('refuses a preview and its removal together', () => {
    expect(parse(['--target', 's3://site-bucket/www', '--preview', '3', '--remove-preview', '3'])).toEqual({
      kind: 'error',
      message: '--preview and --remove-preview cannot be given together',
    });
  });
});
