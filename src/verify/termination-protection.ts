import { DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import type { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { errorMessage } from '../shared/errors.js';
import { failure, pass } from './result.js';
import type { CheckId } from './result.js';
import type { CheckResult } from './types.js';

const CHECK: CheckId = {
  id: 'termination-protection',
  title: 'Termination protection on for every stack',
};

/**
 * Termination protection on every stack (the termination-protection input asks for it, and
 * each deploy turns it on): CloudFormation then refuses DeleteStack, whoever asks, so a plan
 * role's cleanup or a stray delete cannot take the environment's network and data with it.
 */
export async function checkTerminationProtection(
  cfn: Pick<CloudFormationClient, 'send'>,
  stackNames: readonly string[],
): Promise<CheckResult> {
  const off: string[] = [];
  for (const name of stackNames) {
    try {
      const out = await cfn.send(new DescribeStacksCommand({ StackName: name }));
      if (out.Stacks?.[0]?.EnableTerminationProtection !== true) off.push(name);
    } catch (error) {
      return failure(
        CHECK,
        `cloudformation:DescribeStacks on ${name} failed: ${errorMessage(error)}`,
      );
    }
  }
  if (off.length === 0) return pass(CHECK, `on for ${stackNames.join(', ')}`);
  return failure(
    CHECK,
    off.map(
      (name) =>
        `off for ${name}: turn it on with 'aws cloudformation update-termination-protection ` +
        `--enable-termination-protection --stack-name ${name}' (the next deploy also does)`,
    ),
  );
}
