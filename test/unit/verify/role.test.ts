import { checkRoleTrust } from '../../../src/verify/index.js';
import { roleNameOf } from '../../../src/verify/role.js';
import { ROLE_ARN, ROLE_NAME, awsError, fakeClient, healthyIam, trustPolicy } from './fakes.js';

function iamWithTrust(document: string) {
  return fakeClient({ GetRoleCommand: () => ({ Role: { AssumeRolePolicyDocument: document } }) });
}

describe('checkRoleTrust (iam:GetRole)', () => {
  it('passes for the URL-encoded seed trust policy, looking the role up by name', async () => {
    const iam = fakeClient(healthyIam());
    const result = await checkRoleTrust(iam, ROLE_ARN);
    expect(result).toMatchObject({ id: 'role-trust', ok: true });
    expect(iam.calls[0]?.input).toEqual({ RoleName: ROLE_NAME });
  });

  it('accepts an already-decoded document', async () => {
    const result = await checkRoleTrust(iamWithTrust(decodeURIComponent(trustPolicy())), ROLE_ARN);
    expect(result.ok).toBe(true);
  });

  it('accepts one statement per principal, a single Statement object and a confused-deputy condition', async () => {
    const document = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Service: 'airflow.amazonaws.com' },
          Action: ['sts:AssumeRole'],
          Condition: { StringEquals: { 'aws:SourceAccount': '111122223333' } },
        },
        { Effect: 'Allow', Principal: { Service: 'airflow-env.amazonaws.com' }, Action: 'sts:*' },
      ],
    });
    expect((await checkRoleTrust(iamWithTrust(encodeURIComponent(document)), ROLE_ARN)).ok).toBe(
      true,
    );
  });

  it('fails when airflow-env.amazonaws.com is missing', async () => {
    const result = await checkRoleTrust(
      iamWithTrust(trustPolicy(['airflow.amazonaws.com'])),
      ROLE_ARN,
    );
    expect(result.ok).toBe(false);
    expect(result.details).toContain('does not allow sts:AssumeRole to airflow-env.amazonaws.com;');
  });

  it('fails when the principals are allowed another action only', async () => {
    const document = JSON.stringify({
      Statement: {
        Effect: 'Allow',
        Principal: { Service: ['airflow.amazonaws.com', 'airflow-env.amazonaws.com'] },
        Action: 'sts:TagSession',
      },
    });
    const result = await checkRoleTrust(iamWithTrust(document), ROLE_ARN);
    expect(result.ok).toBe(false);
    expect(result.details).toContain('airflow.amazonaws.com or airflow-env.amazonaws.com');
  });

  it('does not count a Deny statement', async () => {
    const document = JSON.stringify({
      Statement: [
        {
          Effect: 'Deny',
          Principal: { Service: ['airflow.amazonaws.com', 'airflow-env.amazonaws.com'] },
          Action: 'sts:AssumeRole',
        },
      ],
    });
    expect((await checkRoleTrust(iamWithTrust(document), ROLE_ARN)).ok).toBe(false);
  });

  it('names the call when the role does not exist', async () => {
    const iam = fakeClient({
      GetRoleCommand: () => {
        throw awsError('NoSuchEntity', `The role with name ${ROLE_NAME} cannot be found.`);
      },
    });
    const result = await checkRoleTrust(iam, ROLE_ARN);
    expect(result.details).toBe(
      `iam:GetRole failed: NoSuchEntity: The role with name ${ROLE_NAME} cannot be found.`,
    );
  });

  it('fails (without crashing) on a document that is not JSON', async () => {
    const result = await checkRoleTrust(iamWithTrust('%7Bnot json'), ROLE_ARN);
    expect(result.ok).toBe(false);
    expect(result.details).toBe(`role ${ROLE_NAME}'s trust policy is not a valid policy document`);
  });

  it('takes the role name from the last path segment', () => {
    expect(roleNameOf('arn:aws:iam::111122223333:role/a/b/name')).toBe('name');
    expect(roleNameOf('arn:aws-cn:iam::111122223333:role/name')).toBe('name');
  });
});
