/** The runner's OIDC endpoint and STS, as the credentials step uses them. */
import * as core from '@actions/core';
import { jest } from '@jest/globals';
import { DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import {
  AssumeRoleWithWebIdentityCommand,
  GetCallerIdentityCommand,
  STSClient,
} from '@aws-sdk/client-sts';
import type { AssumeRoleWithWebIdentityCommandInput } from '@aws-sdk/client-sts';
import { cfnClient, stsClient } from '../../support/fake-aws/clients.js';
import { startFakeAws } from '../../support/fake-aws/index.js';
import type { FakeAws } from '../../support/fake-aws/index.js';
import { jwtClaims } from '../../support/fake-aws/sts.js';

let aws: FakeAws;
beforeEach(async () => {
  aws = await startFakeAws({ sts: { maxSessionDuration: 7200 } });
});
afterEach(() => aws.close());

const ROLE = 'arn:aws:iam::111122223333:role/github-deploy';
const tokenFor = async (audience: string): Promise<string> => {
  const res = await fetch(`${aws.oidcRequestUrl}&audience=${encodeURIComponent(audience)}`, {
    headers: { Authorization: `Bearer ${aws.oidcRequestToken}` },
  });
  return ((await res.json()) as { value: string }).value;
};
const assume = (
  input: Partial<AssumeRoleWithWebIdentityCommandInput> & { WebIdentityToken: string },
) =>
  stsClient(aws).send(
    new AssumeRoleWithWebIdentityCommand({
      RoleArn: ROLE,
      RoleSessionName: 'GitHubActions',
      ...input,
    }),
  );

describe('OIDC token endpoint', () => {
  it('gives a JWT with the audience asked for to the right bearer, 401 to others', async () => {
    const bad = await fetch(aws.oidcRequestUrl + '&audience=sts.amazonaws.com', {
      headers: { Authorization: 'Bearer wrong' },
    });
    expect(bad.status).toBe(401);
    const claims = jwtClaims(await tokenFor('sts.amazonaws.com'));
    expect(claims).toMatchObject({
      aud: 'sts.amazonaws.com',
      iss: 'https://token.actions.githubusercontent.com',
      sub: 'repo:octo-org/octo-repo:ref:refs/heads/main',
    });
    expect(aws.calls.map((c) => [c.service, c.action, c.params.audience, c.status])).toEqual([
      ['oidc', 'GetIdToken', 'sts.amazonaws.com', 401],
      ['oidc', 'GetIdToken', 'sts.amazonaws.com', 200],
    ]);
  });

  it('serves @actions/core getIDToken through the runner variables', async () => {
    const saved = { ...process.env };
    Object.assign(process.env, aws.env());
    const write = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      const token = await core.getIDToken('sts.amazonaws.com');
      expect(jwtClaims(token)?.aud).toBe('sts.amazonaws.com');
    } finally {
      write.mockRestore();
      process.env = saved;
    }
  });

  it('can fail the first calls', async () => {
    aws.addFault({ service: 'oidc', kind: 'internal', times: 2 });
    const get = () =>
      fetch(aws.oidcRequestUrl, { headers: { Authorization: `Bearer ${aws.oidcRequestToken}` } });
    expect([(await get()).status, (await get()).status, (await get()).status]).toEqual([
      500, 500, 200,
    ]);
  });
});

describe('AssumeRoleWithWebIdentity', () => {
  it('is called unsigned and returns recognisable credentials that later calls are signed with', async () => {
    const token = await tokenFor('sts.amazonaws.com');
    const out = await assume({ WebIdentityToken: token, DurationSeconds: 3600 });
    expect(out.Credentials).toMatchObject({
      AccessKeyId: expect.stringMatching(/^ASIAFAKE[A-Z0-9]{12}$/),
      SecretAccessKey: expect.stringMatching(/^fakeSecret/),
      SessionToken: expect.stringMatching(/^fakeSessionToken/),
      Expiration: expect.any(Date),
    });
    expect(out.AssumedRoleUser?.Arn).toBe(
      'arn:aws:sts::111122223333:assumed-role/github-deploy/GitHubActions',
    );
    expect(out.SubjectFromWebIdentityToken).toBe('repo:octo-org/octo-repo:ref:refs/heads/main');
    expect(aws.calls.at(-1)).toMatchObject({
      service: 'sts',
      action: 'AssumeRoleWithWebIdentity',
      accessKeyId: undefined,
      status: 200,
    });
    expect(aws.sts.assumed[0]).toMatchObject({ token, roleArn: ROLE, durationSeconds: 3600 });

    const { AccessKeyId, SecretAccessKey, SessionToken } = out.Credentials!;
    const credentials = {
      accessKeyId: AccessKeyId!,
      secretAccessKey: SecretAccessKey!,
      sessionToken: SessionToken!,
    };
    const sts = new STSClient({ endpoint: aws.url, region: 'us-east-1', credentials });
    expect(await sts.send(new GetCallerIdentityCommand({}))).toMatchObject({
      Account: '111122223333',
      Arn: 'arn:aws:sts::111122223333:assumed-role/github-deploy/GitHubActions',
    });
    await cfnClient(aws, { credentials })
      .send(new DescribeStacksCommand({}))
      .catch(() => undefined);
    expect(aws.calls.at(-1)?.accessKeyId).toBe(AccessKeyId);
  });

  it('checks DurationSeconds: 900..43200 and the role maximum', async () => {
    const token = await tokenFor('sts.amazonaws.com');
    await expect(assume({ WebIdentityToken: token, DurationSeconds: 899 })).rejects.toMatchObject({
      name: 'ValidationError',
      message: expect.stringContaining('Member must have value greater than or equal to 900'),
    });
    await expect(assume({ WebIdentityToken: token, DurationSeconds: 43201 })).rejects.toMatchObject(
      {
        message: expect.stringContaining('Member must have value less than or equal to 43200'),
      },
    );
    await expect(assume({ WebIdentityToken: token, DurationSeconds: 7201 })).rejects.toMatchObject({
      message: 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
    });
    await expect(
      assume({ WebIdentityToken: token, DurationSeconds: 7200 }),
    ).resolves.toHaveProperty('Credentials');
  });

  it('refuses a token for another audience, or one that is not a JWT', async () => {
    await expect(
      assume({ WebIdentityToken: await tokenFor('https://github.com/octo-org') }),
    ).rejects.toMatchObject({
      name: 'InvalidIdentityTokenException',
      message: 'Incorrect token audience',
    });
    await expect(assume({ WebIdentityToken: 'not-a-jwt' })).rejects.toMatchObject({
      name: 'InvalidIdentityTokenException',
    });
  });

  it.each([
    [
      'AccessDenied',
      'AccessDenied',
      403,
      'Not authorized to perform sts:AssumeRoleWithWebIdentity',
    ],
    [
      'IDPCommunicationError',
      'IDPCommunicationErrorException',
      400,
      "Couldn't retrieve verification key",
    ],
    ['InvalidIdentityToken', 'InvalidIdentityTokenException', 400, 'Incorrect token audience'],
    ['ExpiredTokenException', 'ExpiredTokenException', 400, 'Token expired'],
  ])('answers a scripted %s', async (code, name, status, message) => {
    aws.addFault({ service: 'sts', action: 'AssumeRoleWithWebIdentity', kind: 'error', code });
    const error = await assume({ WebIdentityToken: await tokenFor('sts.amazonaws.com') }).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({
      name,
      message: expect.stringContaining(message),
      $metadata: { httpStatusCode: status },
    });
  });
});

describe('GetCallerIdentity', () => {
  it('reports the configured account for other credentials, and needs a signature', async () => {
    await aws.close();
    aws = await startFakeAws({ accountId: '999988887777' });
    expect(await stsClient(aws).send(new GetCallerIdentityCommand({}))).toMatchObject({
      Account: '999988887777',
    });
    const unsigned = await fetch(aws.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'Action=GetCallerIdentity&Version=2011-06-15',
    });
    expect(unsigned.status).toBe(403);
    expect(await unsigned.text()).toContain('<Code>MissingAuthenticationToken</Code>');
  });
});
