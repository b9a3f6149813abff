/**
 * The changed properties of one resource change, as rows of path, before and after. Taken from
 * CloudFormation's details when they carry values (IncludePropertyValues), else from a diff of
 * the before and after contexts, else the names of the changed properties alone.
 */
import { isRecord, propertiesOf } from '../plan/analysis-context.js';
import type { ResourceChange } from '../plan/model.js';

export interface PropertyRow {
  /** `VersioningConfiguration/Status`, `Tags/0/Value`, or an attribute such as `DeletionPolicy`. */
  readonly path: string;
  /** undefined: the property did not exist, or CloudFormation did not give the value. */
  readonly before?: string;
  readonly after?: string;
  /** Never, Conditionally or Always, when known. */
  readonly recreation?: string;
  /** Why it changes when not edited directly: a parameter or another resource. */
  readonly cause?: string;
}

export interface PropertyRows {
  readonly rows: readonly PropertyRow[];
  /** Whether before/after values are known (false: only names of changed properties). */
  readonly valued: boolean;
  /** Rows left out beyond the cap. */
  readonly omitted: number;
}

/** A value as text: strings as they are, anything else as compact JSON. */
export function valueText(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function shortPath(path: string): string {
  return path.replace(/^\/?Properties\//, '').replace(/^\//, '');
}

function causeOf(d: ResourceChange['details'][number]): string | undefined {
  if (d.changeSource === 'ParameterReference' && d.causingEntity)
    return `parameter ${d.causingEntity}`;
  if (d.changeSource === 'ResourceReference' && d.causingEntity)
    return `resource ${d.causingEntity}`;
  if (d.changeSource === 'ResourceAttribute' && d.causingEntity) return d.causingEntity;
  return undefined;
}

function fromDetails(change: ResourceChange, valued: boolean, cap: number): PropertyRows {
  const byPath = new Map<string, PropertyRow>();
  let total = 0;
  for (const d of change.details) {
    const path = d.path ? shortPath(d.path) : (d.name ?? d.attribute);
    const key = `${path}\u0000${d.before ?? ''}\u0000${d.after ?? ''}`;
    const seen = byPath.get(key);
    const cause = causeOf(d);
    if (seen) {
      // CloudFormation lists a change once per cause; show one row with the cause it names.
      if (!seen.cause && cause) byPath.set(key, { ...seen, cause });
      continue;
    }
    total++;
    if (byPath.size >= cap) continue;
    byPath.set(key, {
      path,
      ...(d.before !== undefined ? { before: d.before } : {}),
      ...(d.after !== undefined ? { after: d.after } : {}),
      ...(d.requiresRecreation ? { recreation: d.requiresRecreation } : {}),
      ...(cause ? { cause } : {}),
    });
  }
  const rows = [...byPath.values()];
  return { rows, valued, omitted: total - rows.length };
}

/** Leaves that differ between two JSON values, depth first, at most `cap` of them. */
function leafDiff(
  before: unknown,
  after: unknown,
  cap: number,
): { rows: PropertyRow[]; total: number } {
  const rows: PropertyRow[] = [];
  let total = 0;
  const walk = (path: string, a: unknown, b: unknown): void => {
    const bothObjects =
      typeof a === 'object' &&
      a !== null &&
      typeof b === 'object' &&
      b !== null &&
      Array.isArray(a) === Array.isArray(b);
    if (bothObjects) {
      const left = a as Record<string, unknown>;
      const right = b as Record<string, unknown>;
      const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
      for (const k of keys) walk(path ? `${path}/${k}` : k, left[k], right[k]);
      return;
    }
    const x = valueText(a);
    const y = valueText(b);
    if (x === y) return;
    total++;
    if (rows.length < cap) {
      rows.push({
        path,
        ...(x !== undefined ? { before: x } : {}),
        ...(y !== undefined ? { after: y } : {}),
      });
    }
  };
  walk('', before, after);
  return { rows, total };
}

/** The properties plus the resource's policies (as `@DeletionPolicy`, no property's name). */
function withPolicies(
  properties: Record<string, unknown>,
  context: unknown,
): Record<string, unknown> {
  const out = { ...properties };
  for (const p of ['DeletionPolicy', 'UpdateReplacePolicy']) {
    if (isRecord(context) && context[p] !== undefined) out[`@${p}`] = context[p];
  }
  return out;
}

function fromContexts(change: ResourceChange, cap: number): PropertyRows | undefined {
  const before = propertiesOf(change.before);
  const after = propertiesOf(change.after);
  if (change.action === 'Add' && after) {
    // A new resource: one row per property, its whole value.
    const entries = Object.entries(after);
    const rows = entries.slice(0, cap).map(([path, v]) => ({ path, after: valueText(v) ?? '' }));
    return { rows, valued: true, omitted: entries.length - rows.length };
  }
  if (change.action !== 'Modify' || !before || !after) return undefined;
  const recreation = new Map<string, string>();
  for (const d of change.details)
    if (d.name && d.requiresRecreation) recreation.set(d.name, d.requiresRecreation);
  const diff = leafDiff(
    withPolicies(before, change.before),
    withPolicies(after, change.after),
    cap,
  );
  const rows = diff.rows.map((r) => {
    const top = r.path.split('/')[0] ?? '';
    const how = recreation.get(top);
    return { ...r, path: r.path.replace(/^@/, ''), ...(how ? { recreation: how } : {}) };
  });
  return { rows, valued: true, omitted: diff.total - rows.length };
}

/**
 * The rows for one change, at most `cap` (a policy document can have hundreds of leaves).
 * A removal has none: the resource goes whole.
 */
export function propertyRows(change: ResourceChange, cap = 200): PropertyRows {
  if (change.action === 'Remove') return { rows: [], valued: false, omitted: 0 };
  if (change.details.some((d) => d.before !== undefined || d.after !== undefined)) {
    return fromDetails(change, true, cap);
  }
  return fromContexts(change, cap) ?? fromDetails(change, false, cap);
}
