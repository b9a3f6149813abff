import type { Settings } from '../settings/types.js';
import { existingKeyArn, templateKeyMode } from './key-mode.js';
import type { ParameterSpec, StackContext, StackRole, StackSpec } from './types.js';
import { VPC_OUTPUT_FOR_PARAMETER } from './wiring.js';
import { environmentStackSpec } from './environment-spec.js';

/** CloudFormation's limit for an inline TemplateBody; larger templates need S3. */
export const TEMPLATE_BODY_LIMIT = 51_200;

/** The template text of each stack, read before the specs are built (environment: when enabled). */
export type TemplateBodies = {
  readonly vpc: string;
  readonly prerequisites: string;
  readonly environment?: string;
};

/** The VPC stack: the seed template with the user's address plan. */
export function vpcStackSpec(settings: Settings, templateBody: string): StackSpec {
  const n = settings.network;
  return spec(settings, 'vpc', templateBody, [
    // The seed prefixes resource names with EnvironmentName; the MWAA environment's name reads best.
    { key: 'EnvironmentName', value: settings.environmentName },
    { key: 'VpcCIDR', value: n.vpcCidr },
    { key: 'PublicSubnet1CIDR', value: n.publicSubnet1Cidr },
    { key: 'PublicSubnet2CIDR', value: n.publicSubnet2Cidr },
    { key: 'PrivateSubnet1CIDR', value: n.privateSubnet1Cidr },
    { key: 'PrivateSubnet2CIDR', value: n.privateSubnet2Cidr },
  ]);
}

/**
 * The prerequisite stack. Values that come from the VPC stack, or from the account, are
 * marked "known after deploy" while those do not exist yet, so a plan can still be shown.
 */
export function prerequisiteStackSpec(
  settings: Settings,
  templateBody: string,
  context: StackContext = {},
): StackSpec {
  const fromVpc: ParameterSpec[] = Object.entries(VPC_OUTPUT_FOR_PARAMETER).map(([key, output]) => {
    const value = context.vpcOutputs?.[output];
    return value !== undefined
      ? { key, value }
      : { key, knownAfterDeploy: `output ${output} of stack ${settings.stacks.vpc.name}` };
  });
  const keyMode = templateKeyMode(settings);
  const keyArn = existingKeyArn(settings, context.accountId);
  const keyParameter: ParameterSpec =
    keyMode !== 'customer-managed-existing' || keyArn !== undefined
      ? { key: 'ExistingKmsKeyArn', value: keyArn ?? '' }
      : { key: 'ExistingKmsKeyArn', knownAfterDeploy: 'the deployment account (key given by ID)' };
  return spec(settings, 'prerequisites', templateBody, [
    { key: 'EnvironmentName', value: settings.environmentName },
    ...fromVpc,
    { key: 'KeyMode', value: keyMode },
    keyParameter,
    { key: 'BucketName', value: settings.bucketName ?? '' },
    // Only when given: a custom prerequisites template need not declare it.
    ...(settings.permissionsBoundary === undefined
      ? []
      : [{ key: 'PermissionsBoundaryArn', value: settings.permissionsBoundary }]),
  ]);
}

/** Every stack, in deployment order: two, or three with `deploy-environment`. */
export function stackSpecs(
  settings: Settings,
  templates: TemplateBodies,
  context: StackContext = {},
): readonly StackSpec[] {
  const env = settings.environment && templates.environment;
  return [
    vpcStackSpec(settings, templates.vpc),
    prerequisiteStackSpec(settings, templates.prerequisites, context),
    ...(env ? [environmentStackSpec(settings, env, context)] : []),
  ];
}

/** @internal The spec of any stack, checked against CloudFormation's inline template limit. */
export function spec(
  settings: Settings,
  role: StackRole,
  templateBody: string,
  parameters: ParameterSpec[],
): StackSpec {
  const stack = settings.stacks[role];
  if (stack === undefined) throw new Error(`The ${role} stack is not enabled in these settings.`);
  if (Buffer.byteLength(templateBody, 'utf8') > TEMPLATE_BODY_LIMIT) {
    throw new Error(
      `The ${role} template (${stack.templatePath ?? 'built-in'}) is larger than CloudFormation's ` +
        `${TEMPLATE_BODY_LIMIT}-byte limit for an inline template body; shorten it.`,
    );
  }
  return Object.freeze({
    role,
    name: stack.name,
    templateBody,
    templateSource: stack.templatePath ?? 'built-in',
    parameters: Object.freeze(parameters.map((p) => Object.freeze(p))),
    // The prerequisite template creates an unnamed IAM role: CAPABILITY_IAM is enough, but a
    // user's replacement template may name its roles, and asking for both is harmless.
    capabilities: Object.freeze([
      'CAPABILITY_IAM',
      'CAPABILITY_NAMED_IAM',
      // A user's template with a Transform (a macro, e.g. AWS::LanguageExtensions) needs it.
      ...(hasTransform(templateBody) ? (['CAPABILITY_AUTO_EXPAND'] as const) : []),
    ] as const),
    tags: settings.tags,
  });
}

/**
 * True when the template declares a top-level Transform (YAML `Transform:` at the start of a
 * line, or a JSON "Transform" key). A text test, so the template is not parsed once more here;
 * a false positive only asks for a harmless capability.
 */
function hasTransform(templateBody: string): boolean {
  return /^Transform\s*:/m.test(templateBody) || /"Transform"\s*:/.test(templateBody);
}
