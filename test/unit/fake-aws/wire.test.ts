/** The awsQuery wire format, checked with the real SDK: the test is the contract. */
import { CreateChangeSetCommand, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { cfnClient } from '../../support/fake-aws/clients.js';
import { startFakeAws } from '../../support/fake-aws/index.js';
import type { FakeAws } from '../../support/fake-aws/index.js';
import { page, parseQuery, toXml } from '../../support/fake-aws/wire.js';

describe('awsQuery encoding', () => {
  it('decodes member lists, lists of structures and empty lists', () => {
    const body =
      'Action=CreateChangeSet&Version=2010-05-15&Parameters.member.1.ParameterKey=A&Parameters.member.1.ParameterValue=x' +
      '&Parameters.member.2.ParameterKey=B&Parameters.member.2.UsePreviousValue=true' +
      '&Capabilities.member.1=CAPABILITY_IAM&Tags.member.1.Key=team&Tags.member.1.Value=data&NotificationARNs=';
    expect(parseQuery(body)).toEqual({
      Action: 'CreateChangeSet',
      Version: '2010-05-15',
      Parameters: [
        { ParameterKey: 'A', ParameterValue: 'x' },
        { ParameterKey: 'B', UsePreviousValue: 'true' },
      ],
      Capabilities: ['CAPABILITY_IAM'],
      Tags: [{ Key: 'team', Value: 'data' }],
      NotificationARNs: '',
    });
  });

  it('orders list members by index, not by text', () => {
    const members = Array.from({ length: 11 }, (_, i) => `L.member.${i + 1}=${i + 1}`)
      .reverse()
      .join('&');
    expect(parseQuery(members).L).toEqual(Array.from({ length: 11 }, (_, i) => String(i + 1)));
  });

  it('writes lists as member elements and escapes text', () => {
    expect(toXml({ A: ['x', 'y'], B: 'a<b&"c"', C: undefined, D: new Date(0) })).toBe(
      '<A><member>x</member><member>y</member></A><B>a&lt;b&amp;&quot;c&quot;</B><D>1970-01-01T00:00:00.000Z</D>',
    );
  });

  it('pages with opaque tokens and refuses forged ones', () => {
    const [first, token] = page([1, 2, 3], 2, undefined);
    expect(first).toEqual([1, 2]);
    expect(page([1, 2, 3], 2, token)).toEqual([[3], undefined]);
    expect(() => page([1], 2, 'nonsense')).toThrow('Invalid NextToken');
  });
});

describe('CloudFormation errors through the SDK', () => {
  let aws: FakeAws;
  beforeAll(async () => {
    aws = await startFakeAws();
  });
  afterAll(() => aws.close());

  it('answers DescribeStacks on a missing stack with ValidationError, HTTP 400', async () => {
    const error = await cfnClient(aws)
      .send(new DescribeStacksCommand({ StackName: 'nope' }))
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      name: 'ValidationError',
      message: 'Stack with id nope does not exist',
      $metadata: { httpStatusCode: 400 },
    });
    expect(aws.calls.at(-1)).toMatchObject({
      service: 'cloudformation',
      action: 'DescribeStacks',
      params: { StackName: 'nope' },
      status: 400,
      errorCode: 'ValidationError',
      accessKeyId: 'AKIAFAKESTATIC000000',
    });
  });

  it('maps modelled errors to the SDK exception classes', async () => {
    const error = await cfnClient(aws)
      .send(
        new CreateChangeSetCommand({
          StackName: 'iam',
          ChangeSetName: 'cs',
          ChangeSetType: 'CREATE',
          TemplateBody:
            'Resources:\n  Role:\n    Type: AWS::IAM::Role\n    Properties:\n      RoleName: fixed\n',
          Capabilities: ['CAPABILITY_IAM'],
        }),
      )
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      name: 'InsufficientCapabilitiesException',
      message: 'Requires capabilities : [CAPABILITY_NAMED_IAM]',
    });
  });
});
