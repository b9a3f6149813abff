/** Scripted faults, and how the real SDK's retries meet them. */
import { DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { cfnClient, stsClient } from '../../support/fake-aws/clients.js';
import { startFakeAws } from '../../support/fake-aws/index.js';
import type { FakeAws } from '../../support/fake-aws/index.js';
import { FaultBook } from '../../support/fake-aws/faults.js';

let aws: FakeAws;
beforeEach(async () => {
  aws = await startFakeAws();
  aws.seedStack({ name: 'net' });
});
afterEach(() => aws.close());

const describeNet = (maxAttempts?: number) =>
  cfnClient(aws, maxAttempts ? { maxAttempts } : {}).send(
    new DescribeStacksCommand({ StackName: 'net' }),
  );
const outcomes = () => aws.calls.map((c) => c.errorCode ?? c.fault ?? c.status);

describe('FaultBook', () => {
  it('fires every Nth matching call after skip, at most `times` times', () => {
    const book = new FaultBook();
    book.add({
      service: 'cloudformation',
      action: 'DescribeStacks',
      kind: 'throttle',
      skip: 1,
      every: 2,
      times: 2,
    });
    const fired = Array.from(
      { length: 8 },
      () => book.check('cloudformation', 'DescribeStacks').length,
    );
    expect(fired).toEqual([0, 0, 1, 0, 1, 0, 0, 0]);
    expect(book.check('sts', 'DescribeStacks')).toEqual([]);
  });

  it('removes a rule with the function add returns', () => {
    const book = new FaultBook();
    const remove = book.add({ kind: 'internal' });
    remove();
    expect(book.check('sts', 'X')).toEqual([]);
  });
});

describe('through the SDK', () => {
  it('answers Throttling / Rate exceeded with HTTP 400, which the SDK retries', async () => {
    aws.addFault({
      service: 'cloudformation',
      action: 'DescribeStacks',
      kind: 'throttle',
      times: 1,
    });
    const out = await describeNet();
    expect(out.Stacks?.[0]?.StackName).toBe('net');
    expect(out.$metadata.attempts).toBe(2);
    expect(outcomes()).toEqual(['Throttling', 200]);
    expect(aws.calls[0]).toMatchObject({ status: 400, fault: 'Throttling' });
  });

  it('surfaces Throttling when retries run out', async () => {
    aws.addFault({ service: 'cloudformation', kind: 'throttle' });
    const error = await describeNet(1).catch((e: unknown) => e);
    expect(error).toMatchObject({
      name: 'Throttling',
      message: 'Rate exceeded',
      $metadata: { httpStatusCode: 400 },
    });
  });

  it('answers bursts of 500 InternalFailure and 503 ServiceUnavailable, retried', async () => {
    aws.addFault({ kind: 'internal', times: 1 });
    aws.addFault({ kind: 'unavailable', skip: 1, times: 1 });
    await expect(describeNet()).resolves.toHaveProperty('Stacks');
    expect(outcomes()).toEqual(['InternalFailure', 'ServiceUnavailable', 200]);
    expect(aws.calls.map((c) => c.status)).toEqual([500, 503, 200]);
  });

  it('resets the connection, which the SDK treats as transient', async () => {
    aws.addFault({ service: 'cloudformation', kind: 'reset', times: 1 });
    await expect(describeNet()).resolves.toHaveProperty('Stacks');
    expect(outcomes()).toEqual(['reset', 200]);
  });

  it('delays an answer without failing it', async () => {
    aws.addFault({ action: 'DescribeStacks', kind: 'delay', delayMs: 150 });
    const started = Date.now();
    await describeNet();
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('applies a rule without a service to every service', async () => {
    aws.addFault({ kind: 'error', code: 'InternalFailure', times: 1 });
    await expect(stsClient(aws).send(new GetCallerIdentityCommand({}))).resolves.toHaveProperty(
      'Account',
      '123456789012',
    );
    expect(aws.calls.map((c) => [c.service, c.errorCode ?? c.status])).toEqual([
      ['sts', 'InternalFailure'],
      ['sts', 200],
    ]);
  });

  it('is active from the start when given in the options, and can be cleared', async () => {
    await aws.close();
    aws = await startFakeAws({ faults: [{ kind: 'throttle' }] });
    aws.seedStack({ name: 'net' });
    await expect(describeNet(1)).rejects.toMatchObject({ name: 'Throttling' });
    aws.clearFaults();
    await expect(describeNet(1)).resolves.toHaveProperty('Stacks');
  });
});
