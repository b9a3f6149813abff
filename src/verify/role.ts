/**
 * The execution role's trust policy: MWAA assumes the role through two service principals,
 * and an environment fails to create if either is missing.
 */
import { GetRoleCommand } from '../aws/iam-read.js';
import { allowsService, grantsAction, parsePolicy } from './policy.js';
import { call, failure, guarded, pass } from './result.js';
import type { CheckResult, IamSender } from './types.js';

const TRUST = { id: 'role-trust', title: 'Execution role trusted by both MWAA service principals' };

/** The principals MWAA assumes the execution role as. */
export const AIRFLOW_PRINCIPALS = ['airflow.amazonaws.com', 'airflow-env.amazonaws.com'] as const;

/** The role name of a role ARN: the last path segment (`arn:…:role/path/name` → `name`). */
export function roleNameOf(roleArn: string): string {
  const resource = roleArn.split(':').slice(5).join(':');
  return resource.slice(resource.lastIndexOf('/') + 1);
}

/**
 * `iam:GetRole`: the trust policy must allow `sts:AssumeRole` to `airflow.amazonaws.com` and to
 * `airflow-env.amazonaws.com`. Conditions (e.g. an `aws:SourceAccount` guard) are accepted.
 */
export function checkRoleTrust(iam: IamSender, roleArn: string): Promise<CheckResult> {
  return guarded(TRUST, async () => {
    const name = roleNameOf(roleArn);
    const response = await call('iam:GetRole', () =>
      iam.send(new GetRoleCommand({ RoleName: name })),
    );
    const document = response.Role?.AssumeRolePolicyDocument;
    if (document === undefined || document === '') {
      return failure(TRUST, `role ${name} has no trust policy`);
    }
    let statements;
    try {
      statements = parsePolicy(document);
    } catch {
      return failure(TRUST, `role ${name}'s trust policy is not a valid policy document`);
    }
    const missing = AIRFLOW_PRINCIPALS.filter(
      (principal) =>
        !statements.some((s) => allowsService(s, principal) && grantsAction(s, 'sts:AssumeRole')),
    );
    if (missing.length === 0) {
      return pass(TRUST, `role ${name} trusts ${AIRFLOW_PRINCIPALS.join(' and ')}`);
    }
    return failure(
      TRUST,
      `role ${name}'s trust policy does not allow sts:AssumeRole to ${missing.join(' or ')}; MWAA needs both ${AIRFLOW_PRINCIPALS.join(' and ')}`,
    );
  });
}
