/**
 * The engine's gate, from the library (runMode) against the fake CloudFormation: every change
 * set passes it before it executes, including the one planned again after the VPC stack
 * changed its outputs.
 */
import { ChangeSetGate, UnreviewedChangeError } from '../../../src/engine/gate.js';
import { runMode } from '../../../src/engine/run.js';
import type { RunResult } from '../../../src/engine/run.js';
import { DestructivePlanError } from '../../../src/engine/policy.js';
import { ReviewedPlanError } from '../../../src/engine/review.js';
import { inputsFrom, loadSettings } from '../../../src/settings/index.js';
import { systemClock } from '../../../src/shared/clock.js';
import { memoryLogger } from '../../../src/shared/logger.js';
import { readTemplates } from '../../../src/stacks/index.js';
import { startFakeAws } from '../../support/fake-aws/index.js';
import type { FakeAws } from '../../support/fake-aws/index.js';
import { cfnClient, readClients, stsClient } from '../../support/fake-aws/clients.js';

const NEW_NETWORK = {
  'vpc-cidr': '10.50.0.0/16',
  'public-subnet-1-cidr': '10.50.10.0/24',
  'public-subnet-2-cidr': '10.50.11.0/24',
  'private-subnet-1-cidr': '10.50.20.0/24',
  'private-subnet-2-cidr': '10.50.21.0/24',
};

async function deploy(aws: FakeAws, inputs: Record<string, string> = {}): Promise<RunResult> {
  const settings = loadSettings(
    inputsFrom({
      mode: 'deploy',
      'environment-name': 'orders',
      'aws-region': 'us-east-1',
      ...inputs,
    }),
    {},
  );
  const templates = await readTemplates(settings);
  const clients = { ...readClients(aws), cloudformation: cfnClient(aws), sts: stsClient(aws) };
  const ctx = {
    settings,
    cfn: clients.cloudformation,
    clock: systemClock,
    log: memoryLogger(),
    runLabel: `t${Math.random().toString(16).slice(2, 8)}`,
  };
  return runMode(ctx, { clients, accountId: '123456789012' }, templates);
}

/** The roles of the change sets executed (a change set's name ends in its stack's role). */
const executed = (aws: FakeAws) =>
  aws.calls
    .filter((c) => c.action === 'ExecuteChangeSet')
    .map((c) => /-(vpc|prerequisites)\//.exec(String(c.params.ChangeSetName))?.[1]);

describe('one gate for every change set, from the library', () => {
  let aws: FakeAws;
  beforeEach(async () => {
    aws = await startFakeAws({ changeSetReadyMs: 10, resourceMs: 2 });
  });
  afterEach(async () => aws.close());

  it('stops the prerequisite stack when its re-planned change set replaces what the plan did not show', async () => {
    await deploy(aws);
    const groupBefore = aws.stack('orders-mwaa-prerequisites')?.parameters.VpcId;
    aws.calls.length = 0;
    // The VPC is replaced (allowed); the security group then moves with it, which the plan,
    // made with the old VPC's ID, could not show.
    const error = await deploy(aws, {
      ...NEW_NETWORK,
      'allow-destructive': 'AWS::EC2::VPC\nAWS::EC2::Subnet',
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnreviewedChangeError);
    const message = (error as Error).message;
    expect(message).toContain('orders-mwaa-prerequisites');
    expect(message).toMatch(
      /! +SecurityGroup \(AWS::EC2::SecurityGroup\) +\(no change\) +± replace/,
    );
    expect(message).toContain('Reviewed plan');
    expect(executed(aws)).toEqual(['vpc']);
    expect(aws.stack('orders-mwaa-prerequisites')?.parameters.VpcId).toBe(groupBefore);
    // The refused change set is not left behind.
    const prereq = aws.stack('orders-mwaa-prerequisites');
    const left = [...aws.state.changeSets.values()].filter(
      (c) => c.stackId === prereq?.stackId && !c.executionStatus.startsWith('EXECUTE_'),
    );
    expect(left).toEqual([]);
  }, 60_000);

  it('applies the destructive-change policy to a library deploy before anything executes', async () => {
    await deploy(aws);
    aws.calls.length = 0;
    const error = await deploy(aws, { 'bucket-name': 'orders-renamed-bucket' }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DestructivePlanError);
    expect((error as Error).message).toContain('AWS::S3::Bucket');
    expect(executed(aws)).toEqual([]);
  }, 60_000);

  it('refuses require-reviewed-plan without a review source, executing nothing', async () => {
    const error = await deploy(aws, { 'require-reviewed-plan': 'true' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReviewedPlanError);
    expect(executed(aws)).toEqual([]);
    expect(aws.stack('orders-vpc')).toBeUndefined();
  }, 60_000);
});

describe('ChangeSetGate', () => {
  it('refuses a change set whose plan never passed the gate', () => {
    const gate = new ChangeSetGate({
      settings: loadSettings(
        inputsFrom({ 'environment-name': 'x', 'aws-region': 'us-east-1' }),
        {},
      ),
      templates: { vpc: '', prerequisites: '' },
      log: memoryLogger(),
    });
    expect(() =>
      gate.admitChangeSet({
        role: 'vpc',
        stackName: 'x-vpc',
        status: 'MISSING',
        action: 'create',
        source: 'change-set',
        templateSource: 'built-in',
        parameters: [],
        changes: [],
        warnings: [],
      }),
    ).toThrow(/without a plan that passed the gate/);
  });
});
