/**
 * Reads CloudFormation templates (YAML or JSON) into their long, JSON form: the short-form
 * tags (`!Ref x`, `!GetAtt A.B`, `!Sub ...`) become `{ Ref: x }`, `{ 'Fn::GetAtt': [A, B] }`,
 * `{ 'Fn::Sub': ... }`, exactly as CloudFormation itself sees the template.
 */
import { CORE_SCHEMA, defineMappingTag, defineScalarTag, defineSequenceTag, load } from 'js-yaml';
import type { Schema, TagDefinition } from 'js-yaml';

export interface CfnParameter {
  readonly Type: string;
  readonly Description?: string;
  readonly Default?: unknown;
  readonly AllowedValues?: readonly unknown[];
  readonly AllowedPattern?: string;
  readonly MinLength?: number;
  readonly MaxLength?: number;
  readonly ConstraintDescription?: string;
  readonly NoEcho?: boolean;
  readonly [key: string]: unknown;
}

export interface CfnResource {
  readonly Type: string;
  readonly Properties?: Readonly<Record<string, unknown>>;
  readonly Condition?: string;
  readonly DependsOn?: string | readonly string[];
  readonly DeletionPolicy?: string;
  readonly UpdateReplacePolicy?: string;
  readonly Metadata?: Readonly<Record<string, unknown>>;
  readonly [key: string]: unknown;
}

export interface CfnOutput {
  readonly Value: unknown;
  readonly Description?: string;
  readonly Condition?: string;
  readonly Export?: { readonly Name: unknown };
}

export interface CfnRule {
  readonly RuleCondition?: unknown;
  readonly Assertions: ReadonlyArray<{ readonly Assert: unknown; readonly AssertDescription?: string }>;
}

export interface CfnTemplate {
  readonly AWSTemplateFormatVersion?: string;
  readonly Description?: string;
  readonly Metadata?: Readonly<Record<string, unknown>>;
  readonly Transform?: unknown;
  readonly Parameters?: Readonly<Record<string, CfnParameter>>;
  readonly Mappings?: Readonly<Record<string, Readonly<Record<string, Record<string, unknown>>>>>;
  readonly Conditions?: Readonly<Record<string, unknown>>;
  readonly Rules?: Readonly<Record<string, CfnRule>>;
  readonly Resources: Readonly<Record<string, CfnResource>>;
  readonly Outputs?: Readonly<Record<string, CfnOutput>>;
}

/** Short-form tag name → long-form key. `!Ref` and `!Condition` keep their name, the rest get `Fn::`. */
const SHORT_FORMS = [
  'Ref',
  'Condition',
  'Sub',
  'GetAtt',
  'Join',
  'Select',
  'Split',
  'If',
  'Equals',
  'Not',
  'And',
  'Or',
  'GetAZs',
  'FindInMap',
  'Base64',
  'Cidr',
  'ImportValue',
  'Transform',
  'Length',
  'ToJsonString',
  // Functions of the Rules section.
  'Contains',
  'EachMemberEquals',
  'EachMemberIn',
  'RefAll',
  'ValueOf',
  'ValueOfAll',
] as const;

function longName(short: string): string {
  return short === 'Ref' || short === 'Condition' ? short : `Fn::${short}`;
}

/** `!GetAtt A.B` splits at the first dot (attribute names such as `Endpoint.Address` keep theirs). */
function getAttScalar(source: string): [string, string] | string {
  const dot = source.indexOf('.');
  return dot < 0 ? source : [source.slice(0, dot), source.slice(dot + 1)];
}

function tagsFor(short: string): TagDefinition[] {
  const key = longName(short);
  const tagName = `!${short}`;
  const identify = (): boolean => false; // load-only: never chosen when dumping
  return [
    defineScalarTag(tagName, {
      resolve: (source) => ({ [key]: short === 'GetAtt' ? getAttScalar(source) : source }),
      identify,
    }),
    defineSequenceTag(tagName, {
      create: (): unknown[] => [],
      addItem: (items: unknown[], item) => {
        items.push(item);
      },
      finalize: (items: unknown[]) => ({ [key]: items }),
      identify,
    }),
    defineMappingTag(tagName, {
      create: (): Record<string, unknown> => ({}),
      addPair: (map: Record<string, unknown>, k, v) => {
        if (typeof k !== 'string') return `${tagName} mapping keys must be strings`;
        map[k] = v;
        return '';
      },
      has: (map: Record<string, unknown>, k) => typeof k === 'string' && Object.hasOwn(map, k),
      keys: (result: Record<string, Record<string, unknown>>) => Object.keys(result[key] ?? {}),
      get: (result: Record<string, Record<string, unknown>>, k) => result[key]?.[String(k)],
      finalize: (map: Record<string, unknown>) => ({ [key]: map }),
      identify,
    }),
  ];
}

/** The YAML 1.2 core schema plus every CloudFormation short-form tag. */
export const CFN_SCHEMA: Schema = CORE_SCHEMA.withTags(...SHORT_FORMS.map(tagsFor));

/** Parses a YAML or JSON document with the CloudFormation tags, without checking its shape. */
export function parseCfnYaml(text: string, filename?: string): unknown {
  return load(text, { schema: CFN_SCHEMA, ...(filename ? { filename } : {}) });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Parses a CloudFormation template (YAML or JSON). Throws when the text is not YAML or is not a
 * template: a mapping with a `Resources` mapping whose entries each have a string `Type`.
 */
export function parseTemplate(text: string, filename?: string): CfnTemplate {
  const doc = parseCfnYaml(text, filename);
  const where = filename ? `${filename}: ` : '';
  if (!isRecord(doc)) throw new Error(`${where}a CloudFormation template must be a mapping`);
  const resources = doc['Resources'];
  if (!isRecord(resources) || Object.keys(resources).length === 0) {
    throw new Error(`${where}a CloudFormation template needs a non-empty Resources section`);
  }
  for (const [id, resource] of Object.entries(resources)) {
    if (!isRecord(resource) || typeof resource['Type'] !== 'string') {
      throw new Error(`${where}resource ${id} has no Type`);
    }
  }
  for (const section of ['Parameters', 'Conditions', 'Outputs', 'Mappings', 'Rules']) {
    if (section in doc && !isRecord(doc[section])) {
      throw new Error(`${where}the ${section} section must be a mapping`);
    }
  }
  return doc as unknown as CfnTemplate;
}
