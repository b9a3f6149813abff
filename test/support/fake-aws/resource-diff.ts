/**
 * The Modify change of one resource: which attributes changed, why (CloudFormation's
 * Evaluation / ChangeSource / CausingEntity), whether that replaces the resource, and, for
 * IncludePropertyValues, each changed leaf with its path and before/after values.
 */
import type { CfnTemplate } from '../../../src/templates/index.js';
import { REQUIRES_RECREATION } from './replacement.js';
import { references } from './template-model.js';
import type { EvaluatedResource } from './template-model.js';
import type { Change, ResourceRecord } from './types.js';

/** What a change set is compared with: the stack as deployed. */
export interface Deployed {
  readonly template?: CfnTemplate;
  readonly parameters: Readonly<Record<string, string>>;
  readonly resources: ReadonlyMap<string, ResourceRecord>;
}

/** What else the new template is evaluated with. */
export interface Next {
  readonly template: CfnTemplate;
  readonly parameters: Readonly<Record<string, string>>;
  /** Resources being replaced: every reference to them changes. */
  readonly replaced: ReadonlySet<string>;
}

type Detail = Record<string, unknown>;

interface Cause {
  readonly Evaluation: 'Static' | 'Dynamic';
  readonly ChangeSource: string;
  readonly CausingEntity?: string;
}

const POLICY_ATTRIBUTES = [
  'Metadata',
  'CreationPolicy',
  'UpdatePolicy',
  'DeletionPolicy',
  'UpdateReplacePolicy',
];
const DIRECT: Cause = { Evaluation: 'Static', ChangeSource: 'DirectModification' };

/** Scalars as strings, the way CloudFormation compares and reports property values. */
export function normalise(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalise);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalise(v)]));
  }
  return value === undefined ? undefined : String(value);
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
const asText = (v: unknown): string | undefined =>
  v === undefined ? undefined : typeof v === 'string' ? v : JSON.stringify(v);

/** BeforeContext / AfterContext: `{"Properties":{…}}` plus the replace and deletion policies. */
export function context(
  properties: Record<string, unknown>,
  resource: { DeletionPolicy?: string; UpdateReplacePolicy?: string },
): string {
  return JSON.stringify({
    Properties: normalise(properties),
    ...(resource.UpdateReplacePolicy ? { UpdateReplacePolicy: resource.UpdateReplacePolicy } : {}),
    ...(resource.DeletionPolicy ? { DeletionPolicy: resource.DeletionPolicy } : {}),
  });
}

function leaves(
  path: string,
  before: unknown,
  after: unknown,
): { path: string; before: unknown; after: unknown }[] {
  const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
  if (isObj(before) && isObj(after) && Array.isArray(before) === Array.isArray(after)) {
    const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
    return [...keys].flatMap((k) => leaves(`${path}/${k}`, before[k], after[k]));
  }
  return same(before, after) ? [] : [{ path, before, after }];
}

/**
 * Why a property's resolved value changed. Edited in the template: a static direct
 * modification. Otherwise through a parameter (CloudFormation then reports a dynamic direct
 * modification plus a static ParameterReference) or a replaced resource (dynamic).
 */
function causes(name: string, next: EvaluatedResource, deployed: Deployed, to: Next): Cause[] {
  const raw = next.definition.Properties?.[name];
  if (!same(deployed.template?.Resources[next.logicalId]?.Properties?.[name], raw)) return [DIRECT];
  const refs = references(raw, to.template);
  const params = [...refs.parameters].filter((p) => deployed.parameters[p] !== to.parameters[p]);
  const found: Cause[] = [];
  if (params.length > 0) found.push({ Evaluation: 'Dynamic', ChangeSource: 'DirectModification' });
  for (const p of params)
    found.push({ Evaluation: 'Static', ChangeSource: 'ParameterReference', CausingEntity: p });
  for (const r of refs.resources) {
    if (to.replaced.has(r))
      found.push({ Evaluation: 'Dynamic', ChangeSource: 'ResourceReference', CausingEntity: r });
  }
  return found.length > 0 ? found : [DIRECT];
}

/** The Modify change without and with property values, or undefined when nothing changed. */
export function modify(
  next: EvaluatedResource,
  old: ResourceRecord,
  deployed: Deployed,
  to: Next,
): [Change, Change] | undefined {
  const details: Detail[] = [];
  const valued: Detail[] = [];
  const scope: string[] = [];
  let replacement: 'True' | 'Conditional' | 'False' = 'False';
  for (const name of new Set([...Object.keys(old.properties), ...Object.keys(next.properties)])) {
    const before = normalise(old.properties[name]);
    const after = normalise(next.properties[name]);
    if (same(before, after)) continue;
    const attribute = name === 'Tags' ? 'Tags' : 'Properties';
    const recreation = REQUIRES_RECREATION[next.type]?.[name] ?? 'Never';
    const target = {
      Attribute: attribute,
      ...(attribute === 'Properties' ? { Name: name } : {}),
      RequiresRecreation: recreation,
    };
    const why = causes(name, next, deployed, to);
    if (!scope.includes(attribute)) scope.push(attribute);
    details.push(...why.map((c) => ({ Target: target, ...c })));
    const main = why.find((c) => c.Evaluation === 'Static') ?? why[0]!;
    for (const leaf of leaves(`/Properties/${name}`, before, after)) {
      const change =
        leaf.before === undefined ? 'Add' : leaf.after === undefined ? 'Remove' : 'Modify';
      const values = {
        Path: leaf.path,
        BeforeValue: asText(leaf.before),
        AfterValue: asText(leaf.after),
      };
      valued.push({ Target: { ...target, ...values, AttributeChangeType: change }, ...main });
    }
    // Certain only when a static cause forces it; a dynamic one may or may not.
    if (recreation === 'Always' && why.some((c) => c.Evaluation === 'Static')) replacement = 'True';
    else if (recreation !== 'Never' && replacement === 'False') replacement = 'Conditional';
  }
  const oldDefinition = deployed.template?.Resources[next.logicalId];
  for (const attribute of POLICY_ATTRIBUTES) {
    if (same(oldDefinition?.[attribute], next.definition[attribute])) continue;
    scope.push(attribute);
    const detail = { Target: { Attribute: attribute, RequiresRecreation: 'Never' }, ...DIRECT };
    details.push(detail);
    valued.push(detail);
  }
  if (scope.length === 0) return undefined;
  const retain = next.definition.UpdateReplacePolicy === 'Retain';
  const base = {
    Action: 'Modify',
    LogicalResourceId: next.logicalId,
    PhysicalResourceId: old.physicalId,
    ResourceType: next.type,
    Replacement: replacement,
    ...(replacement !== 'False'
      ? { PolicyAction: retain ? 'ReplaceAndRetain' : 'ReplaceAndDelete' }
      : {}),
    Scope: scope,
  };
  const contexts = {
    BeforeContext: context(old.properties, oldDefinition ?? {}),
    AfterContext: context(next.properties, next.definition),
  };
  return [
    { Type: 'Resource', ResourceChange: { ...base, Details: details } },
    { Type: 'Resource', ResourceChange: { ...base, Details: valued, ...contexts } },
  ];
}
