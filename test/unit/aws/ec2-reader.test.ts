/**
 * The EC2 reader (src/aws/ec2/reader.ts) against the fake EC2 over HTTP: it must read what the
 * SDK's EC2 client reads from the same answers, throw EC2's errors as the SDK does, and retry
 * throttling and 5xx as the SDK's adaptive mode does.
 */
import * as sdk from '@aws-sdk/client-ec2';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAwsClients } from '../../../src/aws/clients.js';
import * as own from '../../../src/aws/ec2/commands.js';
import { ec2Endpoint } from '../../../src/aws/ec2/reader.js';
import type { Ec2Sender } from '../../../src/aws/ec2/reader.js';
import {
  FAKE_CREDENTIALS,
  cfnClient,
  errorOf,
  readClients,
} from '../../support/fake-aws/clients.js';
import { startFakeAws } from '../../support/fake-aws/index.js';
import type { FakeAws } from '../../support/fake-aws/index.js';
import { deployMwaaStacks } from '../../support/fake-aws/mwaa-stacks.js';

function reader(url: string, maxAttempts = 3): Ec2Sender {
  return createAwsClients({
    region: 'us-east-1',
    credentials: FAKE_CREDENTIALS,
    maxAttempts,
    env: { AWS_ENDPOINT_URL: url },
  }).ec2;
}

/** The SDK's output without `$metadata`, for comparison with the reader's. */
function body<T extends object>(output: T): Omit<T, '$metadata'> {
  const { $metadata: _, ...rest } = output as T & { $metadata?: unknown };
  return JSON.parse(JSON.stringify(rest)) as Omit<T, '$metadata'>;
}

describe('the EC2 reader against the fake EC2', () => {
  let aws: FakeAws;
  let vpc: Record<string, string>;
  let pre: Record<string, string>;
  beforeAll(async () => {
    aws = await startFakeAws({ changeSetReadyMs: 5, resourceMs: 1 });
    ({ vpcOutputs: vpc, prerequisiteOutputs: pre } = await deployMwaaStacks(cfnClient(aws)));
  });
  afterAll(() => aws.close());

  it('reads each call as the SDK client does (the members verification uses)', async () => {
    const ec2 = reader(aws.url);
    const theirs = readClients(aws, { maxAttempts: 1 }).ec2;
    const subnets = [vpc['PrivateSubnet1']!, vpc['PrivateSubnet2']!];
    const vpcId = vpc['VPC']!;
    const dns = await ec2.send(
      new own.DescribeVpcAttributeCommand({ VpcId: vpcId, Attribute: 'enableDnsHostnames' }),
    );
    expect(dns).toEqual(
      body(
        await theirs.send(
          new sdk.DescribeVpcAttributeCommand({ VpcId: vpcId, Attribute: 'enableDnsHostnames' }),
        ),
      ),
    );
    const mine = await ec2.send(new own.DescribeSubnetsCommand({ SubnetIds: subnets }));
    const sdkSubnets = await theirs.send(new sdk.DescribeSubnetsCommand({ SubnetIds: subnets }));
    expect(mine.Subnets).toHaveLength(2);
    for (const [i, s] of (mine.Subnets ?? []).entries()) {
      expect(sdkSubnets.Subnets?.[i]).toMatchObject(s);
    }
    const filter = { Filters: [{ Name: 'association.subnet-id', Values: subnets }] };
    const tables = await ec2.send(new own.DescribeRouteTablesCommand(filter));
    const sdkTables = await theirs.send(new sdk.DescribeRouteTablesCommand(filter));
    expect(tables.RouteTables?.length).toBeGreaterThan(0);
    expect(sdkTables).toMatchObject(tables);
    const natIds = (tables.RouteTables ?? []).flatMap((t) =>
      (t.Routes ?? []).flatMap((r) => (r.NatGatewayId ? [r.NatGatewayId] : [])),
    );
    expect(natIds.length).toBeGreaterThan(0);
    const nats = await ec2.send(new own.DescribeNatGatewaysCommand({ NatGatewayIds: natIds }));
    expect(
      await theirs.send(new sdk.DescribeNatGatewaysCommand({ NatGatewayIds: natIds })),
    ).toMatchObject(nats);
    const groupIds = [pre['SecurityGroupId'] ?? pre['SecurityGroup']!];
    const groups = await ec2.send(new own.DescribeSecurityGroupsCommand({ GroupIds: groupIds }));
    expect(groups.SecurityGroups?.[0]?.IpPermissions?.length).toBeGreaterThan(0);
    expect(
      await theirs.send(new sdk.DescribeSecurityGroupsCommand({ GroupIds: groupIds })),
    ).toMatchObject(groups);
  });

  it("throws EC2's error as the SDK does: the code as name, the message, the status", async () => {
    const error = await errorOf(
      reader(aws.url).send(
        new own.DescribeVpcAttributeCommand({
          VpcId: 'vpc-0000000000000000a',
          Attribute: 'enableDnsSupport',
        }),
      ),
    );
    expect(error).toMatchObject({
      name: 'InvalidVpcID.NotFound',
      message: "The vpc ID 'vpc-0000000000000000a' does not exist",
      $metadata: { httpStatusCode: 400 },
    });
  });

  it.each(['throttle', 'internal'] as const)('retries a %s fault, then answers', async (kind) => {
    aws.addFault({ service: 'ec2', action: 'DescribeSubnets', kind, times: 1 });
    const before = aws.calls.length;
    const { Subnets } = await reader(aws.url).send(
      new own.DescribeSubnetsCommand({ SubnetIds: [vpc['PrivateSubnet1']!] }),
    );
    expect(Subnets).toHaveLength(1);
    const calls = aws.calls.slice(before).filter((c) => c.action === 'DescribeSubnets');
    expect(calls.map((c) => c.status)).toEqual([kind === 'throttle' ? 503 : 500, 200]);
  });

  it('gives up after maxAttempts with the last error', async () => {
    aws.addFault({ service: 'ec2', action: 'DescribeSubnets', kind: 'internal', times: 5 });
    const error = await errorOf(
      reader(aws.url, 2).send(
        new own.DescribeSubnetsCommand({ SubnetIds: [vpc['PrivateSubnet1']!] }),
      ),
    );
    expect(error).toMatchObject({ $metadata: { httpStatusCode: 500 } });
    aws.clearFaults();
  });
});

describe('the EC2 reader over a scripted endpoint', () => {
  it('follows NextToken and signs every page for ec2', async () => {
    const seen: { body: string; auth: string; agent: string }[] = [];
    const server = createServer((req, res) => {
      let text = '';
      req.on('data', (c: Buffer) => (text += c.toString()));
      req.on('end', () => {
        seen.push({
          body: text,
          auth: String(req.headers.authorization),
          agent: String(req.headers['user-agent']),
        });
        const next = text.includes('NextToken=') ? '' : '<nextToken>page2</nextToken>';
        const id = next ? 'subnet-1' : 'subnet-2';
        res.setHeader('content-type', 'text/xml');
        res.end(
          `<DescribeSubnetsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>r</requestId>` +
            `<subnetSet><item><subnetId>${id}</subnetId><mapPublicIpOnLaunch>false</mapPublicIpOnLaunch></item></subnetSet>${next}</DescribeSubnetsResponse>`,
        );
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const result = await reader(url).send(
        new own.DescribeSubnetsCommand({ Filters: [{ Name: 'vpc-id', Values: ['vpc-1'] }] }),
      );
      expect(result.Subnets).toEqual([
        { SubnetId: 'subnet-1', MapPublicIpOnLaunch: false },
        { SubnetId: 'subnet-2', MapPublicIpOnLaunch: false },
      ]);
      expect(seen).toHaveLength(2);
      expect(seen[0]?.body).toBe(
        'Action=DescribeSubnets&Version=2016-11-15&Filter.1.Name=vpc-id&Filter.1.Value.1=vpc-1',
      );
      expect(seen[1]?.body).toContain('NextToken=page2');
      for (const s of seen) {
        expect(s.auth).toMatch(
          /^AWS4-HMAC-SHA256 Credential=\w+\/\d{8}\/us-east-1\/ec2\/aws4_request/,
        );
        expect(s.agent).toMatch(/^mwaa-deploy\//);
      }
    } finally {
      server.close();
    }
  });
});

describe('ec2Endpoint', () => {
  it('takes AWS_ENDPOINT_URL_EC2 over AWS_ENDPOINT_URL, unless told to ignore both', () => {
    const env = { AWS_ENDPOINT_URL: 'http://a:1', AWS_ENDPOINT_URL_EC2: 'http://b:2' };
    expect(ec2Endpoint('eu-west-1', env).href).toBe('http://b:2/');
    expect(ec2Endpoint('eu-west-1', { AWS_ENDPOINT_URL: 'http://a:1' }).href).toBe('http://a:1/');
    expect(
      ec2Endpoint('eu-west-1', { ...env, AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true' }).href,
    ).toBe('https://ec2.eu-west-1.amazonaws.com/');
    expect(ec2Endpoint('cn-north-1', {}).href).toBe('https://ec2.cn-north-1.amazonaws.com.cn/');
  });
});
