import type {
  DriftedResource,
  FailedPrecheck,
  Plan,
  PropertyChange,
  ResourceChange,
  StackDrift,
  StackPlan,
} from '../plan/model.js';
import { truncate } from './escape.js';

/** Longest name, status or reason shown in the parts of a rendering that are always kept. */
const NAME_MAX = 200;
const TEXT_MAX = 2_000;

function oneOf<T extends string>(value: unknown, allowed: readonly T[]): T | undefined {
  return allowed.includes(value as T) ? (value as T) : undefined;
}

const text = (value: unknown, max: number): string => truncate(String(value ?? ''), max);
const optional = (value: unknown, max: number): string | undefined =>
  value === undefined || value === null ? undefined : text(value, max);

function detail(d: PropertyChange): PropertyChange {
  return {
    ...d,
    attribute: text(d.attribute, NAME_MAX),
    requiresRecreation: oneOf(d.requiresRecreation, ['Never', 'Conditionally', 'Always'] as const),
  };
}

function change(c: ResourceChange): ResourceChange {
  return {
    ...c,
    action: oneOf(c.action, ['Add', 'Modify', 'Remove', 'Import', 'Dynamic'] as const) ?? 'Dynamic',
    logicalId: text(c.logicalId, NAME_MAX),
    type: text(c.type, NAME_MAX),
    replacement: oneOf(c.replacement, ['True', 'False', 'Conditional'] as const),
    scope: Array.isArray(c.scope) ? c.scope.map((x) => text(x, NAME_MAX)) : [],
    details: Array.isArray(c.details) ? c.details.map(detail) : [],
  };
}

function drifted(d: DriftedResource): DriftedResource {
  return {
    ...d,
    logicalId: text(d.logicalId, NAME_MAX),
    type: text(d.type, NAME_MAX),
    status: oneOf(d.status, ['MODIFIED', 'DELETED'] as const) ?? 'MODIFIED',
    differences: Array.isArray(d.differences)
      ? d.differences.map((p) => ({
          ...p,
          path: text(p.path, TEXT_MAX),
          kind: oneOf(p.kind, ['ADD', 'REMOVE', 'NOT_EQUAL'] as const) ?? 'NOT_EQUAL',
        }))
      : [],
  };
}

function drift(d: StackDrift | undefined): StackDrift | undefined {
  if (d === undefined || d === null || typeof d !== 'object') return undefined;
  if (d.status === 'checked') {
    return { status: 'checked', drifted: Array.isArray(d.drifted) ? d.drifted.map(drifted) : [] };
  }
  return { status: 'unavailable', reason: text(d.reason, TEXT_MAX) };
}

function prechecks(list: unknown): FailedPrecheck[] | undefined {
  if (!Array.isArray(list)) return undefined;
  return list.map((p: FailedPrecheck) => ({
    id: text(p?.id, NAME_MAX),
    title: text(p?.title, NAME_MAX),
    details: text(p?.details, TEXT_MAX),
    allowable: p?.allowable === true,
  }));
}

function stack(s: StackPlan): StackPlan {
  const d = drift(s.drift);
  const failed = prechecks(s.failedPrechecks);
  return {
    ...s,
    role: oneOf(s.role, ['vpc', 'prerequisites', 'environment'] as const) ?? 'prerequisites',
    stackName: text(s.stackName, NAME_MAX),
    status: text(s.status, NAME_MAX),
    action: oneOf(s.action, ['create', 'update', 'none'] as const) ?? 'update',
    source: oneOf(s.source, ['change-set', 'template'] as const) ?? 'change-set',
    templateSource: text(s.templateSource, NAME_MAX),
    parameters: Array.isArray(s.parameters) ? s.parameters : [],
    changes: Array.isArray(s.changes) ? s.changes.map(change) : [],
    warnings: Array.isArray(s.warnings) ? s.warnings.map((w) => text(w, TEXT_MAX)) : [],
    ...(d ? { drift: d } : { drift: undefined }),
    ...(failed ? { failedPrechecks: failed } : { failedPrechecks: undefined }),
  };
}

/**
 * A plan made safe to render whatever its origin (a plan file can come from anywhere): fields
 * with a fixed set of values keep only those values, and the names, statuses and notes that
 * every rendering keeps whole are bounded, so none of them can push the verdict out of a comment.
 */
export function normalizePlan(plan: Plan): Plan {
  return {
    ...plan,
    environmentName: text(plan.environmentName, NAME_MAX),
    region: text(plan.region, NAME_MAX),
    accountId: optional(plan.accountId, NAME_MAX),
    createdAt: text(plan.createdAt, NAME_MAX),
    keyMode: text(plan.keyMode, NAME_MAX),
    stacks: Array.isArray(plan.stacks) ? plan.stacks.map(stack) : [],
    warnings: Array.isArray(plan.warnings) ? plan.warnings.map((w) => text(w, TEXT_MAX)) : [],
  };
}
