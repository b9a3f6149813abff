/**
 * What CloudFormation reads from a template before and during a deployment, built on the
 * project's own template evaluator (src/templates): parameter checks with CloudFormation's
 * messages, required capabilities, and the resources and outputs a set of parameters yields,
 * with `Ref`/`GetAtt` resolved to the physical IDs known so far.
 */
import {
  activeOutputs,
  activeResources,
  createContext,
  failedRules,
  parseTemplate,
  resolve,
} from '../../../src/templates/index.js';
import type { CfnTemplate, PseudoParameters } from '../../../src/templates/index.js';
import type { Identity } from './physical-ids.js';
import type { OutputRecord } from './types.js';
import { validation } from './wire.js';

/** Parses a template as CloudFormation would, failing with its "Template format error". */
export function readTemplate(body: string): CfnTemplate {
  try {
    return parseTemplate(body);
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    throw validation(`Template format error: ${text}`);
  }
}

export interface GivenParameter {
  readonly ParameterKey?: string;
  readonly ParameterValue?: string;
  readonly UsePreviousValue?: string;
}

/**
 * Every parameter's value for a change set: given, previous (`UsePreviousValue`) or default,
 * checked against the template's constraints with CloudFormation's wording.
 */
export function effectiveParameters(
  template: CfnTemplate,
  given: readonly GivenParameter[],
  previous: Readonly<Record<string, string>> | undefined,
): Record<string, string> {
  const declared = template.Parameters ?? {};
  const unknown = given.map((p) => p.ParameterKey ?? '').filter((k) => !Object.hasOwn(declared, k));
  if (unknown.length > 0)
    throw validation(`Parameters: [${unknown.join(', ')}] do not exist in the template`);
  const values: Record<string, string> = {};
  const missing: string[] = [];
  for (const [name, definition] of Object.entries(declared)) {
    const entry = given.find((p) => p.ParameterKey === name);
    let value: string | undefined;
    if (entry?.UsePreviousValue === 'true') {
      value = previous?.[name];
      if (value === undefined)
        throw validation(
          `Invalid input for parameter key ${name}. Cannot specify usePreviousValue as true for a parameter key not in the previous template`,
        );
    } else if (entry?.ParameterValue !== undefined) value = entry.ParameterValue;
    else if (definition.Default !== undefined) value = String(definition.Default);
    if (value === undefined) missing.push(name);
    else values[name] = value;
  }
  if (missing.length > 0) throw validation(`Parameters: [${missing.join(', ')}] must have values`);
  for (const [name, p] of Object.entries(declared)) {
    const problem = constraintProblem(name, p, values[name]!);
    if (problem) throw validation(problem);
  }
  return values;
}

function constraintProblem(
  name: string,
  p: NonNullable<CfnTemplate['Parameters']>[string],
  value: string,
): string | undefined {
  const failed = (detail: string): string =>
    p.ConstraintDescription !== undefined
      ? `Parameter '${name}' failed to satisfy constraint: ${p.ConstraintDescription}`
      : `Parameter '${name}' ${detail}`;
  if (p.AllowedValues && !p.AllowedValues.map(String).includes(value))
    return failed('must be one of AllowedValues');
  if (p.AllowedPattern !== undefined && !new RegExp(`^(?:${p.AllowedPattern})$`).test(value)) {
    return failed(`must match pattern ${p.AllowedPattern}`);
  }
  if (p.MinLength !== undefined && value.length < Number(p.MinLength)) {
    return failed(`must contain at least ${p.MinLength} characters`);
  }
  if (p.MaxLength !== undefined && value.length > Number(p.MaxLength)) {
    return failed(`must contain at most ${p.MaxLength} characters`);
  }
  return undefined;
}

/** The template's Rules, checked as CreateChangeSet checks them (first failure wins). */
export function checkRules(
  template: CfnTemplate,
  values: Record<string, string>,
  pseudo: PseudoParameters,
): void {
  const failures = failedRules(template, values, pseudo);
  if (failures.length > 0) throw validation(failures[0]!);
}

const IAM_TYPES: Readonly<Record<string, string>> = {
  'AWS::IAM::Role': 'RoleName',
  'AWS::IAM::ManagedPolicy': 'ManagedPolicyName',
  'AWS::IAM::User': 'UserName',
  'AWS::IAM::Group': 'GroupName',
  'AWS::IAM::InstanceProfile': 'InstanceProfileName',
  'AWS::IAM::Policy': '',
  'AWS::IAM::AccessKey': '',
  'AWS::IAM::UserToGroupAddition': '',
};

/** The capability the template needs: CAPABILITY_NAMED_IAM when an IAM resource is named. */
export function requiredCapability(template: CfnTemplate): string | undefined {
  let needed: string | undefined;
  for (const resource of Object.values(template.Resources)) {
    const nameProperty = IAM_TYPES[resource.Type];
    if (nameProperty === undefined) continue;
    if (nameProperty && resource.Properties?.[nameProperty] !== undefined)
      return 'CAPABILITY_NAMED_IAM';
    needed = 'CAPABILITY_IAM';
  }
  return needed;
}

/** Names of the parameters and resources a template value refers to (every branch of Fn::If). */
export function references(
  value: unknown,
  template: CfnTemplate,
): { parameters: Set<string>; resources: Set<string> } {
  const found = { parameters: new Set<string>(), resources: new Set<string>() };
  const add = (name: string): void => {
    const id = name.split('.')[0]!;
    if (Object.hasOwn(template.Parameters ?? {}, name)) found.parameters.add(name);
    else if (Object.hasOwn(template.Resources, id)) found.resources.add(id);
  };
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) return v.forEach(walk);
    if (typeof v !== 'object' || v === null) return;
    for (const [key, item] of Object.entries(v as Record<string, unknown>)) {
      if (key === 'Ref' && typeof item === 'string') add(item);
      else if (key === 'Fn::GetAtt') add(Array.isArray(item) ? String(item[0]) : String(item));
      else if (key === 'Fn::Sub') {
        const text = Array.isArray(item) ? item[0] : item;
        if (typeof text === 'string')
          for (const m of text.matchAll(/\$\{([^!}][^}]*)\}/g)) add(m[1]!.trim());
        if (Array.isArray(item)) walk(item[1]);
      } else walk(item);
    }
  };
  walk(value);
  return found;
}

export interface EvaluatedResource {
  readonly logicalId: string;
  readonly type: string;
  /** The raw definition, intrinsics unresolved. */
  readonly definition: CfnTemplate['Resources'][string];
  readonly properties: Record<string, unknown>;
  /** Active resources this one waits for (DependsOn and references). */
  readonly dependsOn: string[];
}

export interface Evaluated {
  readonly resources: EvaluatedResource[];
  readonly outputs: OutputRecord[];
}

/**
 * The active resources and outputs for these parameters. `Ref`/`GetAtt` of a resource with a
 * known identity gives its physical ID/attribute; otherwise the `{{LogicalId}}` placeholder.
 */
export function evaluate(
  template: CfnTemplate,
  parameters: Record<string, string>,
  pseudo: PseudoParameters,
  identities: ReadonlyMap<string, Identity>,
): Evaluated {
  const ctx = createContext(template, parameters, pseudo, {
    ref: (id) => identities.get(id)?.physicalId ?? `{{${id}}}`,
    getAtt: (id, attribute) =>
      identities.get(id)?.attributes[attribute] ?? `{{${id}.${attribute}}}`,
  });
  const active = activeResources(template, ctx.conditions);
  const activeIds = new Set(active.map((r) => r.logicalId));
  const resources = active.map(({ logicalId, type }) => {
    const definition = template.Resources[logicalId]!;
    const dependsOn = new Set(
      typeof definition.DependsOn === 'string'
        ? [definition.DependsOn]
        : (definition.DependsOn ?? []),
    );
    for (const id of references(definition.Properties ?? {}, template).resources) dependsOn.add(id);
    return {
      logicalId,
      type,
      definition,
      properties: (resolve(definition.Properties ?? {}, ctx) ?? {}) as Record<string, unknown>,
      dependsOn: [...dependsOn].filter((id) => activeIds.has(id) && id !== logicalId),
    };
  });
  const outputs = activeOutputs(template, ctx.conditions).map((key) => {
    const output = template.Outputs![key]!;
    const value = resolve(output.Value, ctx);
    const exportName = output.Export ? resolve(output.Export.Name, ctx) : undefined;
    return {
      OutputKey: key,
      OutputValue: Array.isArray(value) ? value.join(',') : String(value),
      ...(output.Description !== undefined ? { Description: String(output.Description) } : {}),
      ...(exportName !== undefined ? { ExportName: String(exportName) } : {}),
    };
  });
  return { resources, outputs };
}

/**
 * Groups resources into waves: each wave only waits for earlier ones, as CloudFormation runs
 * independent resources in parallel. `include` limits which resources take time at all.
 */
export function waves(
  resources: readonly EvaluatedResource[],
  include: (id: string) => boolean,
): string[][] {
  const level = new Map<string, number>();
  const byId = new Map(resources.map((r) => [r.logicalId, r]));
  const levelOf = (id: string, seen: Set<string>): number => {
    const known = level.get(id);
    if (known !== undefined) return known;
    if (seen.has(id))
      throw validation(`Circular dependency between resources: [${[...seen].join(', ')}]`);
    seen.add(id);
    const deps = byId.get(id)?.dependsOn ?? [];
    const base = Math.max(-1, ...deps.map((d) => levelOf(d, seen)));
    const value = include(id) ? base + 1 : base;
    level.set(id, value);
    return value;
  };
  const result: string[][] = [];
  for (const r of resources) {
    if (!include(r.logicalId)) continue;
    const l = levelOf(r.logicalId, new Set());
    (result[l] ??= []).push(r.logicalId);
  }
  return result.filter((w) => w !== undefined);
}
