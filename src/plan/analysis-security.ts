/**
 * Security-relevant changes: IAM statements and trust statements, managed policies, key policy
 * and resource policy statements, and security group rules, added or removed. Compared
 * statement by statement (and rule by rule) between the before and after contexts, so a
 * reordered policy is no change and a one-line edit shows as one statement out, one in.
 */
import { isRecord, parsedJson, propertiesOf } from './analysis-context.js';
import type { ResourceChange, StackPlan } from './model.js';

export type SecurityKind =
  | 'trust-statement'
  | 'iam-statement'
  | 'managed-policy'
  | 'key-policy-statement'
  | 'resource-policy-statement'
  | 'ingress-rule'
  | 'egress-rule';

export interface SecurityChange {
  readonly stack: string;
  readonly logicalId: string;
  readonly type: string;
  readonly kind: SecurityKind;
  /** `changed` when CloudFormation says the property changed but gives no values. */
  readonly change: 'added' | 'removed' | 'changed';
  /** Where in the resource: the inline policy's name, or the property for `changed`. */
  readonly where?: string;
  /** The statement, the rule or the managed policy ARN; undefined when not given. */
  readonly value?: unknown;
  /** An Allow to any principal without condition, any action, or ingress from anywhere. */
  readonly broad: boolean;
}

interface Item {
  readonly kind: SecurityKind;
  readonly where?: string;
  readonly value: unknown;
}

interface Extractor {
  /** The kind reported when the values are not known. */
  readonly kind: SecurityKind;
  /** Properties that hold what `items` reads, and the kind each holds. */
  readonly properties: Readonly<Record<string, SecurityKind>>;
  readonly items: (properties: Record<string, unknown>) => Item[];
}

const asList = (value: unknown): unknown[] =>
  value === undefined || value === null ? [] : Array.isArray(value) ? value : [value];

function statements(document: unknown, kind: SecurityKind, where?: string): Item[] {
  const doc = parsedJson(document);
  if (!isRecord(doc)) return [];
  return asList(doc['Statement']).map((value) => ({ kind, value, ...(where ? { where } : {}) }));
}

function inlinePolicies(properties: Record<string, unknown>): Item[] {
  return asList(properties['Policies']).flatMap((p) =>
    isRecord(p)
      ? statements(p['PolicyDocument'], 'iam-statement', String(p['PolicyName'] ?? ''))
      : [],
  );
}

function managedPolicies(properties: Record<string, unknown>): Item[] {
  return asList(properties['ManagedPolicyArns']).map((value) => ({
    kind: 'managed-policy' as const,
    value,
  }));
}

function resourcePolicy(kind: SecurityKind, property: string, name?: string): Extractor {
  return {
    kind,
    properties: { [property]: kind },
    items: (p) => statements(p[property], kind, name ? String(p[name] ?? '') : undefined),
  };
}

function wholeRule(kind: SecurityKind): Extractor {
  // The resource is the rule; which group it belongs to is part of it.
  return { kind, properties: {}, items: (p) => [{ kind, value: p }] };
}

const IAM_IDENTITY: Extractor = {
  kind: 'iam-statement',
  properties: { Policies: 'iam-statement', ManagedPolicyArns: 'managed-policy' },
  items: (p) => [...inlinePolicies(p), ...managedPolicies(p)],
};

/** The resource types looked at, and how to read each. */
const EXTRACTORS: Readonly<Record<string, Extractor>> = {
  'AWS::IAM::Role': {
    kind: 'iam-statement',
    properties: {
      AssumeRolePolicyDocument: 'trust-statement',
      Policies: 'iam-statement',
      ManagedPolicyArns: 'managed-policy',
    },
    items: (p) => [
      ...statements(p['AssumeRolePolicyDocument'], 'trust-statement'),
      ...inlinePolicies(p),
      ...managedPolicies(p),
    ],
  },
  'AWS::IAM::User': IAM_IDENTITY,
  'AWS::IAM::Group': IAM_IDENTITY,
  'AWS::IAM::Policy': resourcePolicy('iam-statement', 'PolicyDocument', 'PolicyName'),
  'AWS::IAM::ManagedPolicy': resourcePolicy('iam-statement', 'PolicyDocument', 'ManagedPolicyName'),
  'AWS::KMS::Key': resourcePolicy('key-policy-statement', 'KeyPolicy'),
  'AWS::S3::BucketPolicy': resourcePolicy('resource-policy-statement', 'PolicyDocument'),
  'AWS::SQS::QueuePolicy': resourcePolicy('resource-policy-statement', 'PolicyDocument'),
  'AWS::SNS::TopicPolicy': resourcePolicy('resource-policy-statement', 'PolicyDocument'),
  'AWS::EC2::SecurityGroup': {
    kind: 'ingress-rule',
    properties: { SecurityGroupIngress: 'ingress-rule', SecurityGroupEgress: 'egress-rule' },
    items: (p) => [
      ...asList(p['SecurityGroupIngress']).map((value) => ({
        kind: 'ingress-rule' as const,
        value,
      })),
      ...asList(p['SecurityGroupEgress']).map((value) => ({ kind: 'egress-rule' as const, value })),
    ],
  },
  'AWS::EC2::SecurityGroupIngress': wholeRule('ingress-rule'),
  'AWS::EC2::SecurityGroupEgress': wholeRule('egress-rule'),
};

/** The resource types whose changes are security-relevant. */
export const SECURITY_TYPES: ReadonlySet<string> = new Set(Object.keys(EXTRACTORS));

/**
 * A JSON text that is the same for equivalent statements: keys sorted, lists of scalars sorted
 * (their order means nothing in a policy or a rule), a one-item list the same as its item, and
 * scalars as strings (CloudFormation reports `true` as "true").
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(canonical(value));
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(canonical);
    if (items.length === 1) return items[0];
    return items.every((i) => typeof i === 'string') ? [...(items as string[])].sort() : items;
  }
  if (isRecord(value)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) out[key] = canonical(value[key]);
    return out;
  }
  return value === null || value === undefined ? value : String(value);
}

const WILDCARD_PRINCIPAL = (p: unknown): boolean =>
  p === '*' || (isRecord(p) && asList(p['AWS']).includes('*'));

function isBroad(item: Item): boolean {
  const v = item.value;
  if (!isRecord(v)) return false;
  if (item.kind === 'ingress-rule') return v['CidrIp'] === '0.0.0.0/0' || v['CidrIpv6'] === '::/0';
  if (item.kind === 'egress-rule' || v['Effect'] !== 'Allow') return false;
  if (asList(v['Action']).includes('*')) return true;
  return WILDCARD_PRINCIPAL(v['Principal']) && v['Condition'] === undefined;
}

function keyOf(item: Item): string {
  return `${item.kind}\u0000${item.where ?? ''}\u0000${canonicalJson(item.value)}`;
}

/** Items in `after` but not `before` (added) and the reverse (removed), counting duplicates. */
function diffItems(before: Item[], after: Item[]): { added: Item[]; removed: Item[] } {
  const counts = new Map<string, number>();
  for (const item of before) counts.set(keyOf(item), (counts.get(keyOf(item)) ?? 0) + 1);
  const added: Item[] = [];
  for (const item of after) {
    const key = keyOf(item);
    const n = counts.get(key) ?? 0;
    if (n > 0) counts.set(key, n - 1);
    else added.push(item);
  }
  const removed: Item[] = [];
  for (const item of before) {
    const key = keyOf(item);
    const n = counts.get(key) ?? 0;
    if (n > 0) {
      counts.set(key, n - 1);
      removed.push(item);
    }
  }
  return { added, removed };
}

function changedWithoutValues(change: ResourceChange, extractor: Extractor): Item[] {
  const names = new Set<string>();
  for (const d of change.details) {
    const name = d.name ?? d.path?.split('/')[2];
    if (name !== undefined && Object.hasOwn(extractor.properties, name)) names.add(name);
  }
  return [...names].map((name) => ({
    kind: extractor.properties[name] ?? extractor.kind,
    where: name,
    value: undefined,
  }));
}

function resourceSecurityChanges(stack: string, change: ResourceChange): SecurityChange[] {
  const extractor = EXTRACTORS[change.type];
  if (!extractor || change.action === 'Import') return [];
  const before = propertiesOf(change.before);
  const after = propertiesOf(change.after);
  const base = { stack, logicalId: change.logicalId, type: change.type };
  const out = (items: Item[], how: SecurityChange['change']): SecurityChange[] =>
    items.map((item) => ({
      ...base,
      kind: item.kind,
      change: how,
      ...(item.where !== undefined ? { where: item.where } : {}),
      ...(item.value !== undefined ? { value: item.value } : {}),
      broad: how !== 'removed' && isBroad(item),
    }));
  const unknown: Item[] = [{ kind: extractor.kind, value: undefined }];
  switch (change.action) {
    case 'Add':
      return out(after ? extractor.items(after) : unknown, 'added');
    case 'Remove':
      return out(before ? extractor.items(before) : unknown, 'removed');
    default: {
      if (!before || !after) return out(changedWithoutValues(change, extractor), 'changed');
      const { added, removed } = diffItems(extractor.items(before), extractor.items(after));
      return [...out(removed, 'removed'), ...out(added, 'added')];
    }
  }
}

/** Every security-relevant change of one stack, in the order of its resource changes. */
export function stackSecurityChanges(stack: StackPlan): SecurityChange[] {
  return stack.changes.flatMap((c) => resourceSecurityChanges(stack.stackName, c));
}
