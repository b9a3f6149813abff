/**
 * Just enough of the IAM policy language to answer "does this policy let service X do Y": the
 * trust policy of the execution role and the key policy of the KMS key. Deliberately not a full
 * evaluator: it reads Allow statements and says which ones grant what.
 */

/** One statement, with the single-or-list fields normalised to lists. */
export interface PolicyStatement {
  readonly effect: string;
  readonly actions: readonly string[];
  /** `*` for `Principal: "*"` or `{ AWS: "*" }`; otherwise the `Service` principals. */
  readonly services: readonly string[];
  /** True when the statement uses NotAction or NotPrincipal, which this reader does not interpret. */
  readonly negated: boolean;
  /** Condition block as written: operator → key → value(s). */
  readonly condition: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  readonly sid: string | undefined;
}

/**
 * Parses a policy document. IAM returns trust policies URL-encoded; KMS returns key policies as
 * plain JSON; a caller (or a fake) may already have decoded either. Plain JSON is tried first,
 * since decoding a decoded document could corrupt a `%` inside it.
 */
export function parsePolicy(text: string): PolicyStatement[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    doc = JSON.parse(decodeURIComponent(text));
  }
  if (typeof doc !== 'object' || doc === null) throw new Error('the policy is not a JSON object');
  const raw = (doc as { Statement?: unknown }).Statement;
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return list.filter(isObject).map(toStatement);
}

function toStatement(s: Record<string, unknown>): PolicyStatement {
  const condition = isObject(s['Condition'])
    ? (Object.fromEntries(
        Object.entries(s['Condition']).filter(([, v]) => isObject(v)),
      ) as PolicyStatement['condition'])
    : {};
  return {
    effect: typeof s['Effect'] === 'string' ? s['Effect'] : '',
    actions: strings(s['Action']),
    services: principalServices(s['Principal']),
    negated: s['NotAction'] !== undefined || s['NotPrincipal'] !== undefined,
    condition,
    sid: typeof s['Sid'] === 'string' ? s['Sid'] : undefined,
  };
}

function principalServices(principal: unknown): string[] {
  if (principal === '*') return ['*'];
  if (!isObject(principal)) return [];
  if (strings(principal['AWS']).includes('*')) return ['*'];
  return strings(principal['Service']);
}

/** An Allow statement (not using NotAction/NotPrincipal) whose principals include `service`. */
export function allowsService(statement: PolicyStatement, service: string): boolean {
  return (
    statement.effect === 'Allow' &&
    !statement.negated &&
    statement.services.some((s) => s === '*' || s.toLowerCase() === service.toLowerCase())
  );
}

/** Whether one of the statement's actions (wildcards allowed) covers `action`. Actions are case-insensitive. */
export function grantsAction(statement: PolicyStatement, action: string): boolean {
  return statement.actions.some((pattern) => wildcardMatch(pattern, action, true));
}

/**
 * IAM's wildcard matching: `*` any run of characters, `?` any one character. Used for actions
 * (case-insensitive) and for ArnLike / StringLike condition values (case-sensitive).
 */
export function wildcardMatch(pattern: string, value: string, ignoreCase = false): boolean {
  const source = pattern
    .split('')
    .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`, ignoreCase ? 'is' : 's').test(value);
}

/** A single string or a list of strings, as policies write them; anything else is ignored. */
export function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
