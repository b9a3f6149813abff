/**
 * The checks themselves, started all at once. Loaded by {@link verifyEnvironment} with a dynamic
 * import, so the SDK modules their commands come from (EC2, S3, IAM, KMS: over a third of the
 * bundle) are compiled only when something is verified, never in a plan.
 */
import { checkBucketPublicAccess, checkBucketRegion, checkBucketVersioning } from './bucket.js';
import type { VerifyInput } from './index.js';
import { KEY_CHECK, checkKey, checkKeyPolicy } from './key.js';
import { checkPrivateSubnets, checkVpcDns } from './network.js';
import { failure } from './result.js';
import { checkRoleTrust } from './role.js';
import { checkPrivateRouting } from './routing.js';
import { checkSecurityGroup } from './security-group.js';
import type { CheckResult } from './types.js';

/** Every check, started concurrently (each makes read-only calls), in the report's order. */
export function startChecks(input: VerifyInput): Promise<CheckResult>[] {
  const { settings, outputs, clients } = input;
  const { ec2, s3, iam } = clients;
  const subnets = outputs.privateSubnetIds;
  return [
    checkVpcDns(ec2, outputs.vpcId),
    checkPrivateSubnets(ec2, outputs.vpcId, subnets),
    checkPrivateRouting(ec2, outputs.vpcId, subnets),
    checkSecurityGroup(ec2, outputs.vpcId, outputs.securityGroupId),
    checkBucketVersioning(s3, outputs.bucketName),
    checkBucketPublicAccess(s3, outputs.bucketName),
    checkBucketRegion(s3, outputs.bucketName, settings.region),
    checkRoleTrust(iam, outputs.executionRoleArn),
    ...keyChecks(input),
  ];
}

function keyChecks({ settings, outputs, clients }: VerifyInput): Promise<CheckResult>[] {
  if (settings.keyMode !== 'customer-managed') return [];
  const keyArn = outputs.kmsKeyArn;
  if (keyArn === undefined || keyArn === '') {
    const missing = 'no KMS key ARN among the outputs, though key-mode is customer-managed';
    return [Promise.resolve(failure(KEY_CHECK, missing))];
  }
  return [
    checkKey(clients.kms, keyArn, settings.region),
    checkKeyPolicy(clients.kms, {
      keyArn,
      region: settings.region,
      // The log groups live in the environment's account, which is the execution role's
      // (a key in another account is still used for this account's log groups).
      accountId: outputs.executionRoleArn.split(':')[4] ?? '',
      environmentName: settings.environmentName,
      createdByStack: settings.kmsKey.source === 'create',
    }),
  ];
}
