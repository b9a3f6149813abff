/**
 * The four grants MWAA attaches to a customer managed key when it creates an environment (seed
 * 001, "Grant policies"), checked by name, grantee, retiring principal and operations
 * (`kms:ListGrants`, every page). The seed prints the third name with a stray leading space;
 * names are compared trimmed.
 */
import { ListGrantsCommand } from '../aws/kms-read.js';
import type { GrantListEntry } from '@aws-sdk/client-kms';
import { call, failure, guarded, pass } from './result.js';
import type { CheckResult, KmsSender } from './types.js';

const GRANTS_CHECK = {
  id: 'kms-grants',
  title: "KMS key carries MWAA's four grants (seed 001)",
};

const DATA = ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*'];

/** Seed 001's grants: names (with `{env}`) and the operations each lists. */
export const SEED_GRANTS: readonly {
  readonly name: string;
  readonly operations: readonly string[];
}[] = [
  {
    name: 'mwaa-grant-for-env-mgmt-role-{env}',
    operations: [...DATA, 'kms:CreateGrant', 'kms:DescribeKey', 'kms:RetireGrant'],
  },
  {
    name: 'mwaa-grant-for-lambda-exec-{env}',
    operations: [...DATA, 'kms:DescribeKey', 'kms:RetireGrant'],
  },
  { name: ' mwaa-grant-for-cfn-mgmt-{env}', operations: [...DATA, 'kms:DescribeKey'] },
  {
    name: 'mwaa-fargate-access-for-{env}',
    operations: [...DATA, 'kms:DescribeKey', 'kms:RetireGrant'],
  },
];

/** Every grant on the key, following NextMarker. */
export async function listAllGrants(kms: KmsSender, keyArn: string): Promise<GrantListEntry[]> {
  const grants: GrantListEntry[] = [];
  let marker: string | undefined;
  for (let page = 0; page < 1000; page++) {
    const out = await call('kms:ListGrants', () =>
      kms.send(
        new ListGrantsCommand({ KeyId: keyArn, Limit: 100, ...(marker && { Marker: marker }) }),
      ),
    );
    grants.push(...(out.Grants ?? []));
    marker = out.Truncated ? out.NextMarker : undefined;
    if (!marker) break;
  }
  return grants;
}

/**
 * True when a grant's operations cover a seed operation: a grant lists concrete operations
 * (ReEncryptFrom, GenerateDataKeyWithoutPlaintext, ...), the seed writes `kms:ReEncrypt*`, which
 * any matching operation satisfies.
 */
function covered(operations: readonly string[], seed: string): boolean {
  const name = seed.replace(/^kms:/, '');
  if (!name.endsWith('*')) return operations.includes(name);
  return operations.some((op) => op.startsWith(name.slice(0, -1)));
}

/** `kms:ListGrants`: each of the four grants present, for airflow.{region}, with its operations. */
export function checkMwaaGrants(
  kms: KmsSender,
  context: { readonly keyArn: string; readonly environmentName: string; readonly region: string },
): Promise<CheckResult> {
  return guarded(GRANTS_CHECK, async () => {
    const grants = await listAllGrants(kms, context.keyArn);
    const principal = `airflow.${context.region}.amazonaws.com`;
    const problems: string[] = [];
    for (const seed of SEED_GRANTS) {
      const name = seed.name.trim().replace('{env}', context.environmentName);
      const grant = grants.find((g) => (g.Name ?? '').trim() === name);
      if (!grant) {
        problems.push(`grant ${name} is missing from ${context.keyArn}`);
        continue;
      }
      if (grant.GranteePrincipal !== principal) {
        problems.push(
          `grant ${name} is for ${grant.GranteePrincipal ?? 'no grantee'}, not ${principal}`,
        );
      }
      if (grant.RetiringPrincipal !== principal) {
        problems.push(
          `grant ${name} may be retired by ${grant.RetiringPrincipal ?? 'nobody'}, not ${principal}`,
        );
      }
      const operations = grant.Operations ?? [];
      for (const op of seed.operations) {
        if (!covered(operations, op)) problems.push(`grant ${name} lacks operation ${op}`);
      }
    }
    if (problems.length > 0) {
      return failure(GRANTS_CHECK, [
        ...problems,
        'MWAA creates these grants when it creates the environment; a missing or narrowed grant breaks encryption of its data. Recreating them needs AWS support or a new environment',
      ]);
    }
    return pass(
      GRANTS_CHECK,
      `${context.keyArn}: the four grants for ${principal} with their operations`,
    );
  });
}
