/**
 * Secrets never reach a rendered plan: every registered secret (and the account ID when it is
 * masked) is replaced by `***` wherever it occurs, and NoEcho parameters show `****`. Done on
 * the plan before rendering, because escaping changes how a secret would look in the output.
 */
import type { ParameterChange, Plan, StackPlan } from '../plan/model.js';

/** What a hidden value shows instead. */
export const SECRET_MASK = '***';
/** What CloudFormation shows for a NoEcho parameter, and what we show too. */
export const NO_ECHO_MASK = '****';

/** A function that replaces every secret in a text by `***`; the identity when there are none. */
export function secretScrubber(secrets: readonly string[]): (text: string) => string {
  // Longest first, so a secret that contains another is replaced whole. Blank values would
  // match everywhere and are no secret.
  const unique = [...new Set(secrets.filter((s) => s.trim() !== ''))].sort(
    (a, b) => b.length - a.length,
  );
  if (unique.length === 0) return (text) => text;
  const pattern = new RegExp(
    unique.map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'),
    'g',
  );
  return (text) => text.replace(pattern, SECRET_MASK);
}

/** Applies `scrub` to every string (keys included) in a JSON-like value. */
export function scrubDeep<T>(value: T, scrub: (text: string) => string): T {
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return scrub(v);
    if (Array.isArray(v)) return v.map(walk);
    if (typeof v === 'object' && v !== null) {
      const out: Record<string, unknown> = {};
      for (const [k, inner] of Object.entries(v)) out[scrub(k)] = walk(inner);
      return out;
    }
    return v;
  };
  return walk(value) as T;
}

/**
 * The NoEcho parameter keys of a plan: those named by the caller and those CloudFormation
 * already shows as `****`.
 */
export function noEchoKeys(plan: Plan, declared: Iterable<string>): Set<string> {
  const keys = new Set(declared);
  for (const stack of plan.stacks) {
    for (const p of stack.parameters) {
      if (p.before === NO_ECHO_MASK || p.after === NO_ECHO_MASK) keys.add(p.key);
    }
  }
  return keys;
}

/** The values of NoEcho parameters that the plan holds in clear (the planned ones). */
export function noEchoValues(plan: Plan, keys: ReadonlySet<string>): string[] {
  const values: string[] = [];
  for (const stack of plan.stacks) {
    for (const p of stack.parameters) {
      if (!keys.has(p.key)) continue;
      for (const v of [p.before, p.after])
        if (v !== undefined && v !== NO_ECHO_MASK) values.push(v);
    }
  }
  return values;
}

function maskParameter(p: ParameterChange): ParameterChange {
  return {
    ...p,
    ...(p.before !== undefined ? { before: NO_ECHO_MASK } : {}),
    ...(p.after !== undefined ? { after: NO_ECHO_MASK } : {}),
  };
}

/** The plan with NoEcho parameters masked and every secret replaced, everywhere. */
export function scrubPlan(
  plan: Plan,
  keys: ReadonlySet<string>,
  scrub: (text: string) => string,
): Plan {
  const stacks: StackPlan[] = plan.stacks.map((s) => ({
    ...s,
    parameters: s.parameters.map((p) => (keys.has(p.key) ? maskParameter(p) : p)),
  }));
  return scrubDeep({ ...plan, stacks }, scrub);
}
