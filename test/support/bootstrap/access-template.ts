/**
 * templates/github-oidc-roles.yaml, rendered offline for given parameter values with the
 * product's own template evaluator, and the JSON documents of policies/ with their placeholders
 * filled: the two must say the same thing.
 */
import { readFileSync } from 'node:fs';
import { createContext, parseTemplate, resolve } from '../../../src/templates/index.js';
import type { CfnTemplate, PseudoParameters } from '../../../src/templates/index.js';
import type { PolicyDocument } from './iam-policy.js';

export const ROOT = new URL('../../../', import.meta.url);
export const ACCESS_TEMPLATE_PATH = new URL('templates/github-oidc-roles.yaml', ROOT);

/** The account and Region of the fake AWS, which the tests render the template for. */
export const ACCOUNT = '123456789012';
export const REGION = 'us-east-1';
export const FAKE_PSEUDO: PseudoParameters = { region: REGION, accountId: ACCOUNT };

export function accessTemplateText(): string {
  return readFileSync(ACCESS_TEMPLATE_PATH, 'utf8');
}

export function accessTemplate(): CfnTemplate {
  return parseTemplate(accessTemplateText(), 'github-oidc-roles.yaml');
}

/** The ARN IAM gives the GitHub provider (one per account). */
export const providerArn = (partition: string, account: string): string =>
  `arn:${partition}:iam::${account}:oidc-provider/token.actions.githubusercontent.com`;

export interface AccessDocuments {
  readonly planPolicy: PolicyDocument;
  /** Everything the deploy role may do: its inline policy and its managed policies together. */
  readonly deployPolicy: PolicyDocument;
  /** The deploy role's inline policy (CloudFormation, reads, the Denies). */
  readonly deployInlinePolicy: PolicyDocument;
  /** The managed policy of its writes to the stacks' resources. */
  readonly deployResourcesPolicy: PolicyDocument;
  /** The managed policy of the MWAA environment (deploy-environment). */
  readonly deployEnvironmentPolicy: PolicyDocument;
  /** The execution role's permissions boundary (a managed policy). */
  readonly boundaryPolicy: PolicyDocument;
  /** Its ARN, as the deploy policy's conditions name it. */
  readonly boundaryArn: string;
  readonly planTrust: PolicyDocument;
  readonly deployTrust: PolicyDocument;
  /** The federated principal both trust policies name. */
  readonly providerArn: string;
  readonly conditions: Readonly<Record<string, boolean>>;
}

/** The ARN IAM would give the boundary policy the bootstrap stack creates. */
export const boundaryArnFor = (partition: string, account: string): string =>
  `arn:${partition}:iam::${account}:policy/mwaa-deploy-access-analytics-ExecutionRoleBoundary-9Z8Y7X6W`;

/** The template's policy documents, as CloudFormation would create them. */
export function renderAccessTemplate(
  parameters: Readonly<Record<string, string>>,
  pseudo: PseudoParameters = FAKE_PSEUDO,
  boundaryArn: string = boundaryArnFor(pseudo.partition ?? 'aws', pseudo.accountId),
): AccessDocuments {
  const template = accessTemplate();
  const partition = pseudo.partition ?? 'aws';
  const ctx = createContext(template, parameters, pseudo, {
    ref: (id) => {
      if (id === 'GitHubOidcProvider') return providerArn(partition, pseudo.accountId);
      if (id === 'ExecutionRoleBoundary') return boundaryArn;
      throw new Error(`Unexpected Ref to ${id}`);
    },
  });
  const role = (id: string) => {
    const properties = resolve(template.Resources[id]?.Properties, ctx) as {
      AssumeRolePolicyDocument: PolicyDocument;
      Policies: { PolicyName: string; PolicyDocument: PolicyDocument }[];
    };
    if (properties.Policies.length !== 1) throw new Error(`${id} should have one inline policy`);
    return {
      trust: properties.AssumeRolePolicyDocument,
      policy: properties.Policies[0]!.PolicyDocument,
    };
  };
  const plan = role('PlanRole');
  const deploy = role('DeployRole');
  // The document only: the policy's Roles name the role, which has no ARN offline.
  const managed = (id: string) =>
    resolve(
      (template.Resources[id]?.Properties as { PolicyDocument?: unknown }).PolicyDocument,
      ctx,
    ) as PolicyDocument;
  const boundary = { PolicyDocument: managed('ExecutionRoleBoundary') };
  const resources = managed('DeployResourcesPolicy');
  const environment = managed('DeployEnvironmentPolicy');
  return {
    planPolicy: plan.policy,
    deployPolicy: {
      ...deploy.policy,
      Statement: [...deploy.policy.Statement, ...resources.Statement, ...environment.Statement],
    },
    deployInlinePolicy: deploy.policy,
    deployResourcesPolicy: resources,
    deployEnvironmentPolicy: environment,
    boundaryPolicy: boundary.PolicyDocument,
    boundaryArn,
    planTrust: plan.trust,
    deployTrust: deploy.trust,
    providerArn: ctx.conditions.CreateOidcProvider
      ? providerArn(partition, pseudo.accountId)
      : String(parameters.ExistingOidcProviderArn),
    conditions: ctx.conditions,
  };
}

/** The parameters most tests use: the repository runAction pretends to be, environment `analytics`. */
export const TEST_PARAMETERS: Readonly<Record<string, string>> = {
  GitHubOwner: 'octo',
  GitHubRepository: 'infra',
  DeployEnvironment: 'production',
  EnvironmentName: 'analytics',
  StackNamePrefix: 'analytics',
};

/** The placeholders of the policies/*.json documents (policies/README.md explains each). */
export const PLACEHOLDERS = [
  'partition',
  'region',
  'account',
  'owner',
  'repo',
  'deploy_branch',
  'deploy_environment',
  'environment_name',
  'stack_prefix',
  'bucket_pattern',
  'boundary_arn',
] as const;

export type Placeholder = (typeof PLACEHOLDERS)[number];

/** The policy documents of policies/, by file name. */
export const POLICY_FILES = {
  'plan-role.json': 'planPolicy',
  'plan-trust.json': 'planTrust',
  'deploy-role.json': 'deployInlinePolicy',
  'deploy-resources.json': 'deployResourcesPolicy',
  'deploy-environment.json': 'deployEnvironmentPolicy',
  'deploy-trust.json': 'deployTrust',
  'execution-role-boundary.json': 'boundaryPolicy',
} as const satisfies Record<string, keyof AccessDocuments>;

export function readPolicyFile(name: keyof typeof POLICY_FILES): string {
  return readFileSync(new URL(`policies/${name}`, ROOT), 'utf8');
}

/** A policies/*.json document with every `{placeholder}` replaced; unknown ones are an error. */
export function fillPlaceholders(
  text: string,
  values: Readonly<Record<Placeholder, string>>,
): PolicyDocument {
  const filled = text.replace(/\{([a-z_]+)\}/g, (whole, name: string) => {
    if (!(PLACEHOLDERS as readonly string[]).includes(name)) {
      throw new Error(`Unknown placeholder ${whole}`);
    }
    return values[name as Placeholder];
  });
  return JSON.parse(filled) as PolicyDocument;
}

/**
 * The template's parameters that correspond to the JSON documents' placeholders. The documents
 * show the deploy trust with both a branch and an environment, the plan trust for pull requests
 * only, and the provider the template creates.
 */
export function parametersFor(
  values: Readonly<Record<Placeholder, string>>,
): Record<string, string> {
  return {
    GitHubOwner: values.owner,
    GitHubRepository: values.repo,
    DeployBranch: values.deploy_branch,
    DeployEnvironment: values.deploy_environment,
    PlanFromBranches: 'false',
    ExistingOidcProviderArn: '',
    EnvironmentName: values.environment_name,
    StackNamePrefix: values.stack_prefix,
    BucketNamePattern: values.bucket_pattern,
  };
}

export function pseudoFor(values: Readonly<Record<Placeholder, string>>): PseudoParameters {
  return { region: values.region, accountId: values.account, partition: values.partition };
}

/** IAM's limit on all of a role's inline policies together, counted without whitespace. */
export const INLINE_POLICY_LIMIT = 10_240;
/** IAM's limit on one managed policy, counted without whitespace. */
export const MANAGED_POLICY_LIMIT = 6_144;

export const policySize = (policy: PolicyDocument): number =>
  JSON.stringify(policy).replace(/\s/g, '').length;

/**
 * The text policies/*.json should hold: the template rendered with each placeholder as its own
 * value (`{region}` for AWS::Region, ...), formatted as the repository's Prettier formats JSON.
 */
export async function policyFileTexts(): Promise<Record<keyof typeof POLICY_FILES, string>> {
  const { format, resolveConfig } = await import('prettier');
  const values = Object.fromEntries(PLACEHOLDERS.map((p) => [p, `{${p}}`])) as Record<
    Placeholder,
    string
  >;
  const documents = renderAccessTemplate(
    parametersFor(values),
    pseudoFor(values),
    values.boundary_arn,
  );
  const options = (await resolveConfig(new URL('policies/plan-role.json', ROOT))) ?? {};
  const texts: Partial<Record<keyof typeof POLICY_FILES, string>> = {};
  for (const [file, key] of Object.entries(POLICY_FILES) as [
    keyof typeof POLICY_FILES,
    keyof AccessDocuments,
  ][]) {
    texts[file] = await format(JSON.stringify(documents[key]), { ...options, parser: 'json' });
  }
  return texts as Record<keyof typeof POLICY_FILES, string>;
}

/** The README's fenced code blocks of one language. */
export function readmeBlocks(lang: string): string[] {
  const readme = readFileSync(new URL('README.md', ROOT), 'utf8');
  return [...readme.matchAll(/```([a-z]*)\n([\s\S]*?)```/g)]
    .filter((m) => m[1] === lang)
    .map((m) => m[2] ?? '');
}

/** The `--parameter-overrides` of the README's command that deploys the access template. */
export function readmeBootstrapParameters(): Record<string, string> {
  const command = readmeBlocks('sh').find(
    (b) => b.includes('github-oidc-roles.yaml') && b.includes('--parameter-overrides'),
  );
  if (command === undefined) throw new Error('README.md has no bootstrap command for the template');
  const overrides = command.slice(command.indexOf('--parameter-overrides'));
  return Object.fromEntries(
    [...overrides.matchAll(/(?:^|\s)([A-Za-z0-9]+)=(\S*)/g)].map((m) => [m[1]!, m[2]!]),
  );
}
