/**
 * The bundled action deploying the environment when a "will it create?" pre-check fails: the
 * deploy stops before anything is created or changed, before any change set of the environment
 * stack, naming what is wrong and the fix.
 */
import type { FakeAws } from '../support/fake-aws/index.js';
import {
  environmentInputs,
  rootStatement,
  startEnvironmentFake,
} from '../support/environment-e2e.js';
import { runAction } from '../support/runner/run-action.js';

const ENVIRONMENT_STACK = 'analytics-mwaa-environment';

describe('deploy-environment stops on a failed pre-check', () => {
  let aws: FakeAws;
  beforeEach(async () => {
    aws = await startEnvironmentFake();
  });
  afterEach(async () => aws.close());

  /** A key whose policy lets the account administer it, without the CloudWatch Logs statement. */
  const keyWithoutLogs = () =>
    aws.seedKey({ policy: { Version: '2012-10-17', Statement: [rootStatement()] } });

  const changeSetCalls = (from: number, stackName?: string) =>
    aws.calls
      .slice(from)
      .filter(
        (c) =>
          /^(CreateChangeSet|ExecuteChangeSet)$/.test(c.action) &&
          (stackName === undefined || c.params['StackName'] === stackName),
      );

  /** The step's error, as one line (the runner's workflow command encodes line breaks). */
  const errorOf = (stdout: string) =>
    (/::error::(.*)/.exec(stdout)?.[1] ?? '').replace(/%0A/g, '\n');

  it('a first deploy with an existing key lacking the logs statement creates nothing', async () => {
    const keyArn = keyWithoutLogs();
    const deploy = await runAction({
      inputs: environmentInputs({ 'key-mode': 'customer-managed', 'kms-key': keyArn }),
      env: aws.env(),
    });
    expect(deploy.code).toBe(1);
    const error = errorOf(deploy.stdout);
    expect(error).toMatch(
      /^The MWAA environment would fail 20 to 40 minutes into its creation or update, so nothing was created or changed:/,
    );
    // The key and the fix: the statement to add to its policy.
    expect(error).toContain(
      `- ${ENVIRONMENT_STACK}: KMS key policy lets CloudWatch Logs use the key: no. the key policy of ${keyArn} has no statement allowing logs.us-east-1.amazonaws.com`,
    );
    expect(error).toContain(`add this statement to the key policy of ${keyArn}:`);
    expect(error).toContain('"Service": "logs.us-east-1.amazonaws.com"');
    expect(error).toContain('add "kms-key-policy" to allow-failed-prechecks');
    // No change set of the environment stack, nothing executed, nothing left behind.
    expect(changeSetCalls(0, ENVIRONMENT_STACK)).toEqual([]);
    expect(aws.calls.filter((c) => c.action === 'ExecuteChangeSet')).toEqual([]);
    const created = aws.calls.filter((c) => c.action === 'CreateChangeSet').length;
    expect(aws.calls.filter((c) => c.action === 'DeleteChangeSet')).toHaveLength(created);
    expect(aws.stack(ENVIRONMENT_STACK)).toBeUndefined();
    expect(aws.mwaa.environments.size).toBe(0);
  });

  it('with the other stacks deployed, stops before the environment stack has a change set', async () => {
    const keyArn = keyWithoutLogs();
    const inputs = { 'key-mode': 'customer-managed', 'kms-key': keyArn };
    const groundwork = await runAction({
      inputs: environmentInputs({ ...inputs, 'deploy-environment': 'false' }),
      env: aws.env(),
    });
    // The groundwork deploys; its checks already fail on the key policy (verify).
    expect(aws.stack('analytics-vpc')?.status).toBe('CREATE_COMPLETE');
    expect(aws.stack('analytics-mwaa-prerequisites')?.status).toBe('CREATE_COMPLETE');
    expect(groundwork.stdout).toMatch(/KMS key policy lets CloudWatch Logs use the key/);
    const from = aws.calls.length;
    const deploy = await runAction({ inputs: environmentInputs(inputs), env: aws.env() });
    expect(deploy.code).toBe(1);
    expect(errorOf(deploy.stdout)).toContain(`add this statement to the key policy of ${keyArn}:`);
    expect(changeSetCalls(from, ENVIRONMENT_STACK)).toEqual([]);
    expect(changeSetCalls(from).filter((c) => c.action === 'ExecuteChangeSet')).toEqual([]);
    expect(aws.stack(ENVIRONMENT_STACK)).toBeUndefined();
    expect(aws.mwaa.environments.size).toBe(0);
  });

  it('a fact cannot be allowed: the input is refused before any AWS call', async () => {
    const deploy = await runAction({
      inputs: environmentInputs({ 'allow-failed-prechecks': 'bucket-versioning' }),
      env: aws.env(),
    });
    expect(deploy.code).toBe(1);
    expect(deploy.stdout).toContain(
      "Invalid input 'allow-failed-prechecks': 'bucket-versioning' cannot be allowed",
    );
    expect(aws.calls.filter((c) => c.service !== 'oidc')).toEqual([]);
  });
});
