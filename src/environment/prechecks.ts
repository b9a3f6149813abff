/**
 * "Will it create?": before an environment is created or updated, the read-only checks of what
 * makes one fail 20 to 40 minutes later, run against what exists now: an existing key's form and
 * its CloudWatch Logs statement; and once the other two stacks are deployed, two private subnets
 * in two AZs routed to a NAT gateway, the security group's self-reference, and a versioned
 * bucket in the Region. A failed check goes into the stack's plan as a failed pre-check, which
 * stops the deploy (plan/analysis-prechecks.ts); a check the credentials may not make (AccessDenied
 * on a read) is a note that says so and stops nothing.
 */
import type { EngineContext } from '../plan/context.js';
import type { FailedPrecheck } from '../plan/model.js';
import { isAllowablePrecheck } from '../settings/prechecks.js';
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

/** The pre-checks' findings: the failed ones, and notes on those that could not run. */
export interface PrecheckOutcome {
  readonly failed: readonly FailedPrecheck[];
  readonly notes: readonly string[];
}

/** Runs every pre-check the known values allow; nothing when none can run. */
export async function environmentPrechecks(
  ctx: EngineContext,
  clients: VerifyClients,
  input: PrecheckInput,
): Promise<PrecheckOutcome> {
  const { settings } = ctx;
  const checks: Promise<CheckResult>[] = [];
  const keyArn =
    input.prerequisiteOutputs?.['KmsKeyArn'] || existingKeyArn(settings, input.accountId);
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
  const failed: FailedPrecheck[] = [];
  const notes: string[] = [];
  for (const r of await Promise.all(checks)) {
    if (r.ok) continue;
    // A check the credentials may not make says nothing about the environment: say so.
    if (/AccessDenied|UnauthorizedOperation/.test(r.details) || r.severity === 'warning') {
      notes.push(`Will it create? ${r.title}: not checked (${r.details.split('\n')[0]}).`);
    } else {
      failed.push({
        id: r.id,
        title: r.title,
        details: r.details,
        allowable: isAllowablePrecheck(r.id),
      });
    }
  }
  return { failed, notes };
}
