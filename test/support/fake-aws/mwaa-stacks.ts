/**
 * The product's two stacks deployed through the fake with the SDK, from the real templates, and
 * the verification settings that match them: the starting point of tests that read the deployed
 * resources back (verification, drift).
 */
import type { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import type { TemplateKeyMode } from '../../../src/stacks/key-mode.js';
import { loadBuiltInTemplate } from '../../../src/templates/index.js';
import type { KmsKeySetting } from '../../../src/settings/types.js';
import type { StackOutputs, VerifySettings } from '../../../src/verify/index.js';
import { deployChangeSet } from './clients.js';

export interface MwaaStacksOptions {
  readonly environmentName?: string;
  /** Default `aws-owned`. */
  readonly keyMode?: TemplateKeyMode;
  /** With `customer-managed-existing`: the key's ARN. */
  readonly existingKeyArn?: string;
  readonly region?: string;
  /** Stack names; default `net` and `pre`. */
  readonly vpcStack?: string;
  readonly prerequisiteStack?: string;
}

export interface MwaaStacks {
  readonly vpcOutputs: StackOutputs;
  readonly prerequisiteOutputs: StackOutputs;
  readonly settings: VerifySettings;
}

function outputs(stack: { Outputs?: { OutputKey?: string; OutputValue?: string }[] }) {
  return Object.fromEntries((stack.Outputs ?? []).map((o) => [o.OutputKey!, o.OutputValue ?? '']));
}

function kmsKeySetting(mode: TemplateKeyMode, arn: string | undefined): KmsKeySetting {
  if (mode === 'aws-owned') return { source: 'none' };
  if (mode === 'customer-managed-new') return { source: 'create' };
  const [, , , , accountId = '', resource = ''] = (arn ?? '').split(':');
  return { source: 'existing', keyId: resource.replace('key/', ''), arn, accountId };
}

/** Deploys templates/vpc.yaml, then templates/mwaa-prerequisites.yaml in its VPC; both must complete. */
export async function deployMwaaStacks(
  cfn: CloudFormationClient,
  options: MwaaStacksOptions = {},
): Promise<MwaaStacks> {
  const environmentName = options.environmentName ?? 'analytics';
  const keyMode = options.keyMode ?? 'aws-owned';
  const vpc = await deployChangeSet(
    cfn,
    { StackName: options.vpcStack ?? 'net', TemplateBody: await loadBuiltInTemplate('vpc') },
    'vpc-run',
  );
  if (vpc.status !== 'CREATE_COMPLETE') throw new Error(`VPC stack ended ${vpc.status}`);
  const vpcOutputs = outputs(vpc.stack);
  const parameters: Record<string, string> = {
    EnvironmentName: environmentName,
    VpcId: vpcOutputs['VPC'] ?? '',
    KeyMode: keyMode,
    ...(options.existingKeyArn ? { ExistingKmsKeyArn: options.existingKeyArn } : {}),
  };
  const pre = await deployChangeSet(
    cfn,
    {
      StackName: options.prerequisiteStack ?? 'pre',
      TemplateBody: await loadBuiltInTemplate('mwaa-prerequisites'),
      Capabilities: ['CAPABILITY_IAM'],
      Parameters: Object.entries(parameters).map(([ParameterKey, ParameterValue]) => ({
        ParameterKey,
        ParameterValue,
      })),
    },
    'pre-run',
  );
  if (pre.status !== 'CREATE_COMPLETE') throw new Error(`prerequisite stack ended ${pre.status}`);
  return {
    vpcOutputs,
    prerequisiteOutputs: outputs(pre.stack),
    settings: {
      region: options.region ?? 'us-east-1',
      keyMode: keyMode === 'aws-owned' ? 'aws-owned' : 'customer-managed',
      kmsKey: kmsKeySetting(keyMode, options.existingKeyArn),
      environmentName,
    },
  };
}
