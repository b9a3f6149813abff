/**
 * The IAM evaluator the access tests rely on decides as IAM does for the features the policies
 * use, and refuses what it does not understand.
 */
import {
  assertRendered,
  evaluate,
  isAllowed,
  wildcard,
} from '../../support/bootstrap/iam-policy.js';
import type { PolicyDocument } from '../../support/bootstrap/iam-policy.js';

const STACK = 'arn:aws:cloudformation:us-east-1:123456789012:stack/analytics-vpc/abc';

const policy = (...Statement: PolicyDocument['Statement']): PolicyDocument => ({
  Version: '2012-10-17',
  Statement,
});

describe('IAM evaluator', () => {
  it('matches actions case-insensitively and resources case-sensitively, with * and ?', () => {
    expect(wildcard('cloudformation:Describe*', 'CLOUDFORMATION:describestacks', true)).toBe(true);
    expect(wildcard('arn:aws:s3:::analytics-*', 'arn:aws:s3:::Analytics-x', false)).toBe(false);
    expect(wildcard('arn:aws:s3:::a?c', 'arn:aws:s3:::abc', false)).toBe(true);
    expect(wildcard('arn:aws:s3:::a.c', 'arn:aws:s3:::abc', false)).toBe(false);
  });

  it('allows what an Allow matches, denies the rest implicitly, and lets Deny win', () => {
    const p = policy(
      { Sid: 'A', Effect: 'Allow', Action: 'cloudformation:*', Resource: STACK },
      { Sid: 'D', Effect: 'Deny', Action: 'cloudformation:ExecuteChangeSet', Resource: '*' },
    );
    expect(evaluate(p, { action: 'cloudformation:DescribeStacks', resource: STACK })).toEqual({
      decision: 'allow',
      matched: ['A'],
    });
    expect(
      evaluate(p, { action: 'cloudformation:ExecuteChangeSet', resource: STACK }).decision,
    ).toBe('explicit-deny');
    expect(evaluate(p, { action: 'cloudformation:DescribeStacks', resource: '*' }).decision).toBe(
      'implicit-deny',
    );
  });

  it('understands NotAction and NotResource', () => {
    const p = policy({ Effect: 'Allow', NotAction: 'iam:*', NotResource: 'arn:aws:s3:::secret' });
    expect(isAllowed(p, { action: 's3:GetBucketLocation', resource: 'arn:aws:s3:::open' })).toBe(
      true,
    );
    expect(isAllowed(p, { action: 'iam:GetRole', resource: 'arn:aws:s3:::open' })).toBe(false);
    expect(isAllowed(p, { action: 's3:GetBucketLocation', resource: 'arn:aws:s3:::secret' })).toBe(
      false,
    );
  });

  it('evaluates conditions: missing keys, ForAnyValue, negation, Null', () => {
    const via = policy({
      Effect: 'Allow',
      Action: 'ec2:CreateVpc',
      Resource: '*',
      Condition: {
        'ForAnyValue:StringEquals': { 'aws:CalledVia': 'cloudformation.amazonaws.com' },
      },
    });
    const request = { action: 'ec2:CreateVpc', resource: '*' };
    expect(isAllowed(via, request)).toBe(false);
    expect(
      isAllowed(via, { ...request, context: { 'aws:calledvia': ['athena.amazonaws.com'] } }),
    ).toBe(false);
    expect(
      isAllowed(via, {
        ...request,
        context: { 'aws:CalledVia': ['athena.amazonaws.com', 'cloudformation.amazonaws.com'] },
      }),
    ).toBe(true);

    const like = policy({
      Effect: 'Allow',
      Action: 'cloudformation:CreateChangeSet',
      Resource: '*',
      Condition: { StringLike: { 'cloudformation:ChangeSetName': 'mwaa-deploy-*' } },
    });
    const create = { action: 'cloudformation:CreateChangeSet', resource: '*' };
    expect(isAllowed(like, create)).toBe(false);
    expect(isAllowed(like, { ...create, context: { 'cloudformation:ChangeSetName': 'x' } })).toBe(
      false,
    );
    expect(
      isAllowed(like, {
        ...create,
        context: { 'cloudformation:ChangeSetName': 'mwaa-deploy-1-vpc' },
      }),
    ).toBe(true);

    const negated = policy({
      Effect: 'Allow',
      Action: '*',
      Resource: '*',
      Condition: {
        StringNotEquals: { 'aws:RequestedRegion': 'eu-west-1' },
        Null: { 'x:y': 'true' },
      },
    });
    expect(isAllowed(negated, { action: 's3:ListBucket', resource: '*' })).toBe(true);
    expect(
      isAllowed(negated, {
        action: 's3:ListBucket',
        resource: '*',
        context: { 'aws:RequestedRegion': 'eu-west-1' },
      }),
    ).toBe(false);
    expect(
      isAllowed(negated, { action: 's3:ListBucket', resource: '*', context: { 'x:y': 'set' } }),
    ).toBe(false);
  });

  it('checks the federated principal of trust policies', () => {
    const trust = policy({
      Effect: 'Allow',
      Principal: { Federated: 'arn:aws:iam::1:oidc-provider/token.actions.githubusercontent.com' },
      Action: 'sts:AssumeRoleWithWebIdentity',
    });
    const request = { action: 'sts:AssumeRoleWithWebIdentity', resource: '*' };
    expect(isAllowed(trust, request)).toBe(false);
    expect(
      isAllowed(trust, {
        ...request,
        federatedPrincipal: 'arn:aws:iam::1:oidc-provider/token.actions.githubusercontent.com',
      }),
    ).toBe(true);
    expect(
      isAllowed(trust, { ...request, federatedPrincipal: 'arn:aws:iam::2:oidc-provider/x' }),
    ).toBe(false);
  });

  it('refuses operators it does not implement, and multivalued keys without a qualifier', () => {
    const p = (Condition: Record<string, Record<string, unknown>>) =>
      policy({ Effect: 'Allow', Action: '*', Resource: '*', Condition });
    const request = { action: 's3:ListBucket', resource: '*', context: { k: ['a', 'b'] } };
    expect(() => evaluate(p({ NumericLessThan: { k: '1' } }), request)).toThrow(/Unsupported/);
    expect(() => evaluate(p({ StringEqualsIfExists: { k: 'a' } }), request)).toThrow(/Unsupported/);
    expect(() => evaluate(p({ StringEquals: { k: 'a' } }), request)).toThrow(/multivalued/);
  });

  it('rejects documents with unresolved substitutions or placeholders', () => {
    expect(() =>
      assertRendered(policy({ Effect: 'Allow', Action: '*', Resource: '${Foo}' })),
    ).toThrow();
    expect(() =>
      assertRendered(policy({ Effect: 'Allow', Action: '*', Resource: '{region}' })),
    ).toThrow();
    expect(() =>
      assertRendered(policy({ Effect: 'Allow', Action: '*', Resource: '*' })),
    ).not.toThrow();
  });
});
