import { createHash } from 'node:crypto';
import type { CodePlan } from './code-model.js';
import type { Plan } from './model.js';

/** JSON with sorted keys, so equal data always gives equal text. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** SHA-256 of a template body, as the fingerprint records it. */
export function templateDigest(body: string): string {
  return createHash('sha256').update(body).digest('hex');
}

/** A plan's fingerprint: the whole, and its parts so a mismatch can say what changed. */
export interface PlanFingerprint {
  /** SHA-256 (hex) over everything below. */
  readonly value: string;
  /** Short digests by part: `<role>.template`, `<role>.parameters`, `<role>.state`, `<role>.changes`. */
  readonly parts: Readonly<Record<string, string>>;
}

const digest = (value: unknown) => createHash('sha256').update(canonical(value)).digest('hex');

/**
 * A fingerprint of what the plan would do: the templates, the parameters, each stack's state
 * before the plan, and every change with its details. It leaves out what differs between two
 * plans of the same thing (times, change set names), so a deploy can recompute it and tell
 * whether it is about to do what reviewers saw.
 */
export function planFingerprint(
  plan: Plan,
  templates: Readonly<Record<string, string>>,
): PlanFingerprint {
  const parts: Record<string, string> = {};
  for (const s of plan.stacks) {
    parts[`${s.role}.template`] = templateDigest(templates[s.role] ?? '');
    parts[`${s.role}.parameters`] = digest(
      s.parameters.map((p) => [p.key, p.before, p.after, p.knownAfterDeploy]),
    );
    parts[`${s.role}.state`] = digest([s.stackName, s.status]);
    parts[`${s.role}.changes`] = digest([
      s.action,
      s.changes.map((c) => ({
        action: c.action,
        logicalId: c.logicalId,
        physicalId: c.physicalId,
        type: c.type,
        replacement: c.replacement,
        scope: c.scope,
        details: c.details,
      })),
    ]);
  }
  if (plan.code) Object.assign(parts, codeParts(plan.code));
  const scope = [plan.version, plan.environmentName, plan.region, plan.accountId, plan.keyMode];
  const value = digest({ scope, parts });
  const short = Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, v.slice(0, 12)]));
  return { value, parts: short };
}

/**
 * The release-time code's parts: `code.files`, the content of every local file (so a file edited
 * after review is caught even when the plan's lists stay the same), and `code.sync`, what the
 * deploy would upload and delete given the bucket.
 */
function codeParts(code: CodePlan): Record<string, string> {
  const { cost: _cost, warnings: _warnings, localDigest, ...sync } = code;
  return { 'code.files': digest(localDigest ?? ''), 'code.sync': digest(sync) };
}

const PART_WORDS: Readonly<Record<string, string>> = {
  files: 'the files differ from the reviewed ones',
  sync: 'the bucket changed, so the uploads and deletions differ',
  template: 'its template changed',
  parameters: 'its parameters changed',
  state: 'the stack changed in AWS',
  changes: 'CloudFormation now plans different changes',
};

/** Which parts differ between a reviewed fingerprint and a new one, in words. */
export function describeFingerprintChange(
  reviewed: Readonly<Record<string, string>>,
  current: Readonly<Record<string, string>>,
  stackNames: Readonly<Record<string, string>> = {},
): string[] {
  const lines: string[] = [];
  for (const key of Object.keys({ ...reviewed, ...current })) {
    if (reviewed[key] === current[key]) continue;
    const [role = key, part = ''] = key.split('.');
    lines.push(`${stackNames[role] ?? role}: ${PART_WORDS[part] ?? `${part} changed`}`);
  }
  return lines;
}
