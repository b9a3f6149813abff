/**
 * "Will it create?": before an environment is created, the read-only checks of what makes one
 * fail 20 to 40 minutes later, run against what exists now: an existing key's form and its
 * CloudWatch Logs statement; and once the other two stacks are deployed, two private subnets
 * in two AZs routed to a NAT gateway, the security group's self-reference, and a versioned
 * bucket in the Region. Each failure becomes a warning on the environment stack's plan.
 */
import type { EngineContext } from '../plan/context.js';
import { existingKeyArn } from '../stacks/key-mode.js';
import { checkBucketRegion, checkBucketVersioning } from '../verify/bucket.js';
import { checkKey, checkKeyPolicy } from '../verify/key.js';
import { checkPrivateSubnets } from '../verify/network.js';
import { checkStackOutputs } from '../verify/outputs.js';
import { checkPrivateRouting } from '../verify/routing.js';
import { checkSecurityGroup } from '../verify/security-group.js';
import type { CheckResult, VerifyClients } from '../verify/types.js';

/** What is known when the environment stack is planned. */
export interface PrecheckInput {
  readonly accountId?: string;
  readonly vpcOutputs?: Readonly<Record<string, string>>;
  readonly prerequisiteOutputs?: Readonly<Record<string, string>>;
}

/** The warnings of the failed pre-checks; empty when every check passes or none could run. */
export async function environmentPrechecks(
  ctx: EngineContext,
  clients: VerifyClients,
  input: PrecheckInput,
): Promise<string[]> {
  const { settings } = ctx;
  const checks: Promise<CheckResult>[] = [];
  const keyArn =
    input.prerequisiteOutputs?.['KmsKeyArn'] ?? existingKeyArn(settings, input.accountId);
  if (settings.keyMode === 'customer-managed' && keyArn) {
    checks.push(
      checkKey(clients.kms, keyArn, settings.region),
      checkKeyPolicy(clients.kms, {
        keyArn,
        region: settings.region,
        accountId: input.accountId ?? keyArn.split(':')[4] ?? '',
        environmentName: settings.environmentName,
        createdByStack: settings.kmsKey.source === 'create',
      }),
    );
  }
  if (input.vpcOutputs && input.prerequisiteOutputs) {
    const { outputs } = checkStackOutputs(input.vpcOutputs, input.prerequisiteOutputs, settings);
    if (outputs) {
      const subnets = outputs.privateSubnetIds;
      checks.push(
        checkPrivateSubnets(clients.ec2, outputs.vpcId, subnets),
        checkPrivateRouting(clients.ec2, outputs.vpcId, subnets),
        checkSecurityGroup(clients.ec2, outputs.vpcId, outputs.securityGroupId),
        checkBucketVersioning(clients.s3, outputs.bucketName),
        checkBucketRegion(clients.s3, outputs.bucketName, settings.region),
      );
    }
  }
  const results = await Promise.all(checks);
  return results
    .filter((r) => !r.ok)
    .map((r) =>
      // A check the credentials may not make says nothing about the environment: say so.
      /AccessDenied|UnauthorizedOperation/.test(r.details) || r.severity === 'warning'
        ? `Will it create? ${r.title}: not checked (${r.details.split('\n')[0]}).`
        : `Will it create? ${r.title}: no. ${r.details.split('\n')[0]} An environment created now would fail 20 to 40 minutes into its creation; fix this first.`,
    );
}
