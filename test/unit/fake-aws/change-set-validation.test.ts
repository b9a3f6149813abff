/** What CreateChangeSet refuses synchronously, with CloudFormation's codes and wording. */
import { CreateChangeSetCommand } from '@aws-sdk/client-cloudformation';
import type {
  CloudFormationClient,
  CreateChangeSetCommandInput,
} from '@aws-sdk/client-cloudformation';
import { loadBuiltInTemplate } from '../../../src/templates/index.js';
import { cfnClient, errorOf } from '../../support/fake-aws/clients.js';
import { startFakeAws } from '../../support/fake-aws/index.js';
import type { FakeAws } from '../../support/fake-aws/index.js';

let aws: FakeAws;
let cfn: CloudFormationClient;
let vpc: string;
let prerequisites: string;

beforeAll(async () => {
  vpc = await loadBuiltInTemplate('vpc');
  prerequisites = await loadBuiltInTemplate('mwaa-prerequisites');
});
beforeEach(async () => {
  aws = await startFakeAws({ changeSetReadyMs: 10, resourceMs: 2 });
  cfn = cfnClient(aws);
});
afterEach(() => aws.close());

const create = (input: Partial<CreateChangeSetCommandInput> & { StackName: string }) =>
  cfn.send(
    new CreateChangeSetCommand({
      ChangeSetName: 'plan',
      ChangeSetType: 'CREATE',
      TemplateBody: vpc,
      ...input,
    }),
  );

describe('request validation', () => {
  it('checks stack and change set names', async () => {
    expect(await errorOf(create({ StackName: 'my_stack' }))).toMatchObject({
      name: 'ValidationError',
      message: expect.stringContaining(
        "at 'stackName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z][-a-zA-Z0-9]*",
      ),
    });
    expect(await errorOf(create({ StackName: 'a'.repeat(129) }))).toMatchObject({
      message: expect.stringContaining('Member must have length less than or equal to 128'),
    });
    expect(await errorOf(create({ StackName: 'ok', ChangeSetName: '1plan' }))).toMatchObject({
      message: expect.stringContaining("at 'changeSetName'"),
    });
    expect(aws.state.stacks.size).toBe(0);
  });

  it('refuses a TemplateBody over 51,200 bytes', async () => {
    const padded = vpc + '\n#' + 'x'.repeat(51_200 - vpc.length);
    expect(await errorOf(create({ StackName: 'net', TemplateBody: padded }))).toMatchObject({
      name: 'ValidationError',
      message: expect.stringContaining('Member must have length less than or equal to 51200'),
    });
  });

  it('wants CAPABILITY_IAM for the unnamed execution role', async () => {
    const params = [
      { ParameterKey: 'EnvironmentName', ParameterValue: 'env' },
      { ParameterKey: 'VpcId', ParameterValue: 'vpc-1' },
    ];
    const base = { StackName: 'pre', TemplateBody: prerequisites, Parameters: params };
    expect(await errorOf(create(base))).toMatchObject({
      name: 'InsufficientCapabilitiesException',
      message: 'Requires capabilities : [CAPABILITY_IAM]',
    });
    await expect(create({ ...base, Capabilities: ['CAPABILITY_IAM'] })).resolves.toHaveProperty(
      'Id',
    );
  });

  it('checks parameters and Rules with CloudFormation wording', async () => {
    const run = (Parameters: { ParameterKey: string; ParameterValue: string }[]) =>
      errorOf(
        create({
          StackName: 'pre',
          TemplateBody: prerequisites,
          Capabilities: ['CAPABILITY_IAM'],
          Parameters,
        }),
      );
    expect(await run([])).toMatchObject({
      message: 'Parameters: [EnvironmentName, VpcId] must have values',
    });
    expect(await run([{ ParameterKey: 'Nope', ParameterValue: 'x' }])).toMatchObject({
      message: 'Parameters: [Nope] do not exist in the template',
    });
    const env = [
      { ParameterKey: 'EnvironmentName', ParameterValue: 'env' },
      { ParameterKey: 'VpcId', ParameterValue: 'vpc-1' },
    ];
    expect(
      await run([...env, { ParameterKey: 'KeyMode', ParameterValue: 'customer-managed-existing' }]),
    ).toMatchObject({
      name: 'ValidationError',
      message: 'ExistingKmsKeyArn is required when KeyMode is customer-managed-existing',
    });
    expect(
      await run([...env, { ParameterKey: 'BucketName', ParameterValue: 'Bad_Name' }]),
    ).toMatchObject({
      message: expect.stringMatching(
        /^Parameter 'BucketName' failed to satisfy constraint: must be empty or a valid S3 bucket name/,
      ),
    });
  });

  it('reports a template that does not parse as a Template format error', async () => {
    expect(await errorOf(create({ StackName: 'net', TemplateBody: 'Resources: [' }))).toMatchObject(
      {
        name: 'ValidationError',
        message: expect.stringMatching(/^Template format error: /),
      },
    );
  });
});
