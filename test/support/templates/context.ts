/** Loading the built-in templates and resolving them for one set of parameters, in tests. */
import {
  createContext,
  loadBuiltInTemplate,
  parseTemplate,
  resolve,
} from '../../../src/templates/index.js';
import type {
  BuiltInTemplateName,
  CfnTemplate,
  ParameterValues,
  PseudoParameters,
  ResolveContext,
} from '../../../src/templates/index.js';

export const REGION = 'eu-west-1';
export const ACCOUNT = '123456789012';
export const ENV = 'my-env';
export const BUCKET = 'my-bucket';
export const VPC_ID = 'vpc-0123456789abcdef0';
/** What `!GetAtt Key.Arn` stands for: the key this stack creates. */
export const CREATED_KEY_ID = '1234abcd-12ab-34cd-56ef-1234567890ab';
/** The key given as ExistingKmsKeyArn. */
export const EXISTING_KEY_ID = '0f0e0d0c-0b0a-4999-8888-777766665555';

export const PSEUDO: PseudoParameters = {
  region: REGION,
  accountId: ACCOUNT,
  partition: 'aws',
  stackName: 'my-env-prerequisites',
};

export const KEY_MODES = ['aws-owned', 'customer-managed-new', 'customer-managed-existing'] as const;
export type TemplateKeyMode = (typeof KEY_MODES)[number];

export function keyArn(id: string, pseudo: PseudoParameters = PSEUDO): string {
  return `arn:${pseudo.partition ?? 'aws'}:kms:${pseudo.region}:${pseudo.accountId}:key/${id}`;
}

export async function builtIn(name: BuiltInTemplateName): Promise<CfnTemplate> {
  return parseTemplate(await loadBuiltInTemplate(name), `${name}.yaml`);
}

/** The prerequisite stack's parameters for a key mode (ExistingKmsKeyArn only when existing). */
export function prerequisiteParameters(
  keyMode: TemplateKeyMode,
  extra: Record<string, string> = {},
  pseudo: PseudoParameters = PSEUDO,
): ParameterValues {
  return {
    EnvironmentName: ENV,
    VpcId: VPC_ID,
    KeyMode: keyMode,
    ...(keyMode === 'customer-managed-existing'
      ? { ExistingKmsKeyArn: keyArn(EXISTING_KEY_ID, pseudo) }
      : {}),
    ...extra,
  };
}

/**
 * Placeholders for what only exists once deployed: the bucket is `my-bucket`, the created key's
 * ARN is fixed, other references stay `{{Id}}` / `{{Id.Attr}}`.
 */
export function deployedPlaceholders(pseudo: PseudoParameters = PSEUDO) {
  return {
    ref: (id: string) => (id === 'Bucket' ? BUCKET : `{{${id}}}`),
    getAtt: (id: string, attr: string) => {
      if (id === 'Key' && attr === 'Arn') return keyArn(CREATED_KEY_ID, pseudo);
      if (id === 'Bucket' && attr === 'Arn') return `arn:${pseudo.partition}:s3:::${BUCKET}`;
      return `{{${id}.${attr}}}`;
    },
  };
}

export interface Evaluated {
  readonly template: CfnTemplate;
  readonly ctx: ResolveContext & { readonly conditions: Readonly<Record<string, boolean>> };
  /** A resource's properties, resolved (throws if the resource does not exist in the template). */
  readonly properties: (logicalId: string) => Record<string, unknown>;
}

export function evaluate(
  template: CfnTemplate,
  parameters: ParameterValues,
  pseudo: PseudoParameters = PSEUDO,
): Evaluated {
  const ctx = createContext(template, parameters, pseudo, deployedPlaceholders(pseudo));
  return {
    template,
    ctx,
    properties: (logicalId) => {
      const resource = template.Resources[logicalId];
      if (!resource) throw new Error(`no resource ${logicalId}`);
      return resolve(resource.Properties ?? {}, ctx) as Record<string, unknown>;
    },
  };
}
