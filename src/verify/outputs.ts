/**
 * The stack outputs, checked and turned into what MWAA and the next workflow steps take. Runs
 * without AWS calls, so a template override that drops or mangles an output is caught before
 * anything reads AWS, with a message naming the output.
 */
import { knownPartitionOf } from '../settings/names.js';
import { quote } from '../settings/problems.js';
import { templateKeyMode } from '../stacks/key-mode.js';
import { PREREQUISITE_OUTPUTS, VPC_OUTPUTS } from '../stacks/wiring.js';
import { FORMS, outputReader } from './output-reader.js';
import type { OutputReader, StackOutputs } from './output-reader.js';
import type { MwaaOutputs, VerifySettings } from './types.js';

export type { StackOutputs } from './output-reader.js';

/** The result of {@link checkStackOutputs}. */
export interface OutputsCheck {
  /**
   * Set when every value MWAA takes was found, even if some problems remain (a malformed value
   * can still be looked up in AWS); undefined when one is missing.
   */
  readonly outputs: MwaaOutputs | undefined;
  /** One sentence per problem, naming the output; empty when all is well. */
  readonly problems: readonly string[];
}

/**
 * Checks both stacks' outputs against MWAA's needs: every expected output present and well
 * formed, two distinct private subnets listed consistently, the bucket ARN exactly
 * `arn:<partition>:s3:::<BucketName>` (MWAA rejects a path or trailing slash), the key ARN
 * present in customer-managed mode (in the deployment Region, and the configured key when an
 * existing one was given) and absent in AWS-owned mode.
 */
export function checkStackOutputs(
  vpcOutputs: StackOutputs,
  prereqOutputs: StackOutputs,
  settings: VerifySettings,
): OutputsCheck {
  const problems: string[] = [];
  const vpc = outputReader('VPC stack', vpcOutputs, problems);
  const pre = outputReader('prerequisite stack', prereqOutputs, problems);
  for (const key of VPC_OUTPUTS) vpc.required(key);
  for (const key of PREREQUISITE_OUTPUTS) pre.required(key);

  const vpcId = vpc.matching('VPC', FORMS.vpc);
  vpc.matching('NoIngressSecurityGroup', FORMS.securityGroup);
  const private1 = vpc.matching('PrivateSubnet1', FORMS.subnet);
  const private2 = vpc.matching('PrivateSubnet2', FORMS.subnet);
  const public1 = vpc.matching('PublicSubnet1', FORMS.subnet);
  const public2 = vpc.matching('PublicSubnet2', FORMS.subnet);
  const privateList = vpc.pair('PrivateSubnets', [private1, private2]);
  const publicList = vpc.pair('PublicSubnets', [public1, public2]);
  if (private1 !== undefined && private1 === private2) {
    problems.push(
      `VPC stack outputs PrivateSubnet1 and PrivateSubnet2 are the same subnet ${quote(private1)}; MWAA needs two distinct private subnets`,
    );
  }

  const securityGroupId = pre.matching('SecurityGroupId', FORMS.securityGroup);
  const bucketName = pre.matching('BucketName', FORMS.bucketName);
  const bucketArn = pre.matching('BucketArn', FORMS.bucketArn);
  const roleArn = pre.matching('ExecutionRoleArn', FORMS.roleArn);
  if (bucketArn !== undefined) {
    const arnName = FORMS.bucketArn.pattern.exec(bucketArn)?.[2] ?? '';
    // MWAA's SourceBucketArn must name the bucket alone: no key prefix, no trailing slash.
    if (arnName.includes('/') || (bucketName !== undefined && arnName !== bucketName)) {
      problems.push(
        `prerequisite stack output BucketArn ${quote(bucketArn)} must be exactly arn:<partition>:s3:::${bucketName ?? '<bucket-name>'} (no path, no trailing '/')`,
      );
    }
  }

  const kmsKeyArn = checkKeyOutput(pre, settings, problems);
  // The output echoes the template's KeyMode parameter (aws-owned, customer-managed-new,
  // customer-managed-existing), which is finer than the key-mode input.
  const keyMode = prereqOutputs['KeyMode'];
  const expectedKeyMode = templateKeyMode(settings);
  if (keyMode !== undefined && keyMode !== '' && keyMode !== expectedKeyMode) {
    problems.push(
      `prerequisite stack output KeyMode is ${quote(keyMode)} but these settings deploy '${expectedKeyMode}'; the stack was deployed for another key mode`,
    );
  }
  checkPartitions(
    settings.region,
    { BucketArn: bucketArn, ExecutionRoleArn: roleArn, KmsKeyArn: kmsKeyArn },
    problems,
  );

  const keyNeeded = settings.keyMode === 'customer-managed';
  const privateIds =
    private1 !== undefined && private2 !== undefined
      ? ([private1, private2] as const)
      : privateList;
  if (
    vpcId === undefined ||
    privateIds === undefined ||
    securityGroupId === undefined ||
    bucketName === undefined ||
    bucketArn === undefined ||
    roleArn === undefined ||
    (keyNeeded && kmsKeyArn === undefined)
  ) {
    return { outputs: undefined, problems };
  }
  const outputs: MwaaOutputs = {
    vpcId,
    privateSubnetIds: privateIds,
    publicSubnetIds: publicList ?? [public1, public2].filter((s) => s !== undefined),
    securityGroupId,
    bucketName,
    bucketArn,
    executionRoleArn: roleArn,
    ...(keyNeeded && kmsKeyArn !== undefined ? { kmsKeyArn } : {}),
  };
  return { outputs, problems };
}

/** The key output: required and consistent with kms-key in customer-managed mode, absent otherwise. */
function checkKeyOutput(
  pre: OutputReader,
  settings: VerifySettings,
  problems: string[],
): string | undefined {
  const value = pre.value('KmsKeyArn');
  if (settings.keyMode === 'aws-owned') {
    if (value !== undefined) {
      problems.push(
        `prerequisite stack output KmsKeyArn is ${quote(value)} but key-mode is 'aws-owned'; the stack was deployed with a customer managed key`,
      );
    }
    return undefined;
  }
  pre.required('KmsKeyArn');
  const arn = pre.matching('KmsKeyArn', FORMS.keyArn);
  if (arn === undefined) return undefined;
  const [, , region = '', account = '', keyId = ''] = FORMS.keyArn.pattern.exec(arn) ?? [];
  if (region !== settings.region) {
    problems.push(
      `prerequisite stack output KmsKeyArn ${quote(arn)} is in Region ${region}, not the deployment Region ${settings.region}`,
    );
  }
  const wanted = settings.kmsKey;
  if (wanted.source === 'existing') {
    if (
      keyId !== wanted.keyId ||
      (wanted.accountId !== undefined && account !== wanted.accountId)
    ) {
      problems.push(
        `prerequisite stack output KmsKeyArn ${quote(arn)} is not the key kms-key names (${quote(wanted.arn ?? wanted.keyId)})`,
      );
    }
  }
  return arn;
}

/** Every ARN in one partition, the Region's when it can be told from the Region's name. */
function checkPartitions(
  region: string,
  arns: Readonly<Record<string, string | undefined>>,
  problems: string[],
): void {
  const expected = knownPartitionOf(region);
  const seen = Object.entries(arns).flatMap(([key, arn]) =>
    arn === undefined ? [] : [[key, arn.split(':')[1] ?? ''] as const],
  );
  for (const [key, partition] of seen) {
    const reference = expected ?? seen[0]?.[1];
    if (partition !== reference) {
      problems.push(
        `prerequisite stack output ${key} is in partition ${quote(partition)}, but Region ${region} is in ${quote(reference ?? '')}`,
      );
    }
  }
}
