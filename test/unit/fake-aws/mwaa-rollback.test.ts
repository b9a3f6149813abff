/**
 * The fake CloudFormation deleting an MWAA environment through the fake MWAA, on a fake clock
 * with MWAA's real durations: a failed create's rollback (and a stack deletion) waits for
 * MWAA's DELETING, about 20 minutes, before the stack settles, as CloudFormation's resource
 * handler does.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import {
  CreateChangeSetCommand,
  DeleteStackCommand,
  DescribeChangeSetCommand,
  DescribeStacksCommand,
  ExecuteChangeSetCommand,
} from '@aws-sdk/client-cloudformation';
import type { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { loadBuiltInTemplate } from '../../../src/templates/index.js';
import { allEvents, cfnClient } from '../../support/fake-aws/clients.js';
import { REALISTIC_MWAA_MS, startFakeAws } from '../../support/fake-aws/index.js';
import type { FakeAws } from '../../support/fake-aws/index.js';
import { logsKeyStatement } from '../../support/logs-key-statement.js';
import { rootStatement } from '../../support/environment-e2e.js';

const MINUTE = 60_000;

describe('the fake CloudFormation waits for MWAA to delete an environment', () => {
  let now = 0;
  let aws: FakeAws;
  let cfn: CloudFormationClient;
  beforeEach(async () => {
    now = Date.parse('2026-12-04T10:00:00Z');
    aws = await startFakeAws({
      now: () => now,
      changeSetReadyMs: 1_000,
      resourceMs: 1_000,
      mwaa: {
        createMs: REALISTIC_MWAA_MS.create,
        updateMs: REALISTIC_MWAA_MS.update,
        deleteMs: REALISTIC_MWAA_MS.delete,
      },
    });
    cfn = cfnClient(aws);
  });
  afterEach(async () => aws.close());

  /** The stack's status, or GONE once a deleted stack no longer answers by name. */
  const stackStatus = async () =>
    cfn.send(new DescribeStacksCommand({ StackName: 'env' })).then(
      (out) => out.Stacks?.[0]?.StackStatus,
      () => 'GONE',
    );

  /** Creates the environment stack with this key and executes it; returns when it is executing. */
  async function createEnvironmentStack(
    keyArn: string,
    edit: (template: string) => string = (t) => t,
  ): Promise<void> {
    const parameters: Record<string, string> = {
      EnvironmentName: 'analytics',
      PrivateSubnet1: 'subnet-0123456789abcdef0',
      PrivateSubnet2: 'subnet-0fedcba9876543210',
      SecurityGroupId: 'sg-0123456789abcdef0',
      ExecutionRoleArn: 'arn:aws:iam::123456789012:role/service-role/analytics',
      SourceBucketArn: 'arn:aws:s3:::analytics-bucket',
      KmsKeyArn: keyArn,
    };
    const { Id } = await cfn.send(
      new CreateChangeSetCommand({
        StackName: 'env',
        ChangeSetName: 'create',
        ChangeSetType: 'CREATE',
        TemplateBody: edit(await loadBuiltInTemplate('mwaa-environment')),
        Parameters: Object.entries(parameters).map(([ParameterKey, ParameterValue]) => ({
          ParameterKey,
          ParameterValue,
        })),
      }),
    );
    now += 2_000;
    const ready = await cfn.send(new DescribeChangeSetCommand({ ChangeSetName: Id }));
    expect(ready.Status).toBe('CREATE_COMPLETE');
    await cfn.send(new ExecuteChangeSetCommand({ ChangeSetName: Id, ClientRequestToken: 'run' }));
  }

  /** Steps the clock a minute at a time; the stack's and the environment's status at each step. */
  async function timeline(minutes: number): Promise<{ stack?: string; mwaa?: string }[]> {
    const seen: { stack?: string; mwaa?: string }[] = [];
    for (let i = 0; i < minutes; i++) {
      now += MINUTE;
      seen.push({
        stack: await stackStatus(),
        mwaa: aws.mwaa.environments.get('analytics')?.status,
      });
    }
    return seen;
  }

  it('keeps a failed create ROLLBACK_IN_PROGRESS while MWAA deletes the environment', async () => {
    // A key policy without the CloudWatch Logs statement: MWAA fails the create (mwaa.ts).
    const keyArn = aws.seedKey({ policy: { Version: '2012-10-17', Statement: [rootStatement()] } });
    await createEnvironmentStack(keyArn);
    const seen = await timeline(60);
    // Creating for ~25 minutes, then CREATE_FAILED and DELETING for ~20 while the stack rolls back.
    const deleting = seen.filter((s) => s.mwaa === 'DELETING');
    expect(deleting.length).toBeGreaterThanOrEqual(REALISTIC_MWAA_MS.delete / MINUTE - 1);
    expect(new Set(deleting.map((s) => s.stack))).toEqual(new Set(['ROLLBACK_IN_PROGRESS']));
    // The stack settles only once the environment is gone.
    const settled = seen.findIndex((s) => s.stack === 'ROLLBACK_COMPLETE');
    expect(settled).toBeGreaterThan(seen.findIndex((s) => s.mwaa === 'DELETING'));
    expect(seen.slice(settled).every((s) => s.mwaa === undefined)).toBe(true);

    // The events: the environment's root cause, then its deletion ~20 minutes later.
    const events = (await allEvents(cfn, 'env')).reverse();
    const env = events.filter((e) => e.LogicalResourceId === 'Environment');
    expect(env.map((e) => e.ResourceStatus)).toEqual([
      'CREATE_IN_PROGRESS',
      'CREATE_IN_PROGRESS',
      'CREATE_FAILED',
      'DELETE_IN_PROGRESS',
      'DELETE_COMPLETE',
    ]);
    expect(env[2]?.ResourceStatusReason).toMatch(/Environment analytics is in CREATE_FAILED state/);
    const at = (status: string) =>
      env.find((e) => e.ResourceStatus === status)!.Timestamp!.getTime();
    expect(at('DELETE_COMPLETE') - at('DELETE_IN_PROGRESS')).toBe(REALISTIC_MWAA_MS.delete);
    const rolledBack = events.find((e) => e.ResourceStatus === 'ROLLBACK_COMPLETE');
    expect(rolledBack!.Timestamp!.getTime()).toBeGreaterThan(at('DELETE_COMPLETE'));
  });

  it('deletes an environment through MWAA when its stack is deleted, unless it is retained', async () => {
    const keyArn = aws.seedKey({
      policy: { Version: '2012-10-17', Statement: [logsKeyStatement(), rootStatement()] },
    });
    // The shipped template retains the environment; without that policy the stack deletes it.
    const retained = '    DeletionPolicy: Retain\n';
    await createEnvironmentStack(keyArn, (t) => {
      expect(t).toContain(retained);
      return t.replace(retained, '');
    });
    await timeline(30);
    expect(await stackStatus()).toBe('CREATE_COMPLETE');
    expect(aws.mwaa.environments.get('analytics')?.status).toBe('AVAILABLE');
    expect(aws.grants.grants.filter((g) => g.KeyId === keyArn)).toHaveLength(4);
    await cfn.send(new DeleteStackCommand({ StackName: 'env' }));
    const seen = await timeline(25);
    const deleting = seen.filter((s) => s.mwaa === 'DELETING');
    expect(deleting.length).toBeGreaterThanOrEqual(REALISTIC_MWAA_MS.delete / MINUTE - 1);
    expect(new Set(deleting.map((s) => s.stack))).toEqual(new Set(['DELETE_IN_PROGRESS']));
    expect(seen.at(-1)).toEqual({ stack: 'GONE', mwaa: undefined });
    // MWAA retires its grants with the environment.
    expect(aws.grants.grants.filter((g) => g.KeyId === keyArn)).toHaveLength(0);
  });

  it('leaves a retained environment to MWAA when its stack is deleted', async () => {
    const keyArn = aws.seedKey({
      policy: { Version: '2012-10-17', Statement: [logsKeyStatement(), rootStatement()] },
    });
    await createEnvironmentStack(keyArn);
    await timeline(30);
    await cfn.send(new DeleteStackCommand({ StackName: 'env' }));
    expect((await timeline(2)).at(-1)?.stack).toBe('GONE');
    expect(aws.mwaa.environments.get('analytics')?.status).toBe('AVAILABLE');
  });
});
