/**
 * A small IAM policy evaluator for the roles' trust policies (the permission policies are decided
 * by @cloud-copilot/iam-simulate, in simulate.ts, which ignores the token.actions.githubusercontent.com
 * keys a trust policy tests): Allow and Deny (an explicit Deny wins; nothing allowed is an implicit
 * deny), Action / NotAction with `*` and `?` (case-insensitive), Resource / NotResource with
 * wildcards (case-sensitive), Principal, and the condition operators the policies use. An
 * operator it does not know is an error, never a silent match. Also the policy document types.
 */

export type Effect = 'Allow' | 'Deny';

export interface PolicyStatement {
  readonly Sid?: string;
  readonly Effect: Effect;
  readonly Principal?: unknown;
  readonly Action?: string | readonly string[];
  readonly NotAction?: string | readonly string[];
  readonly Resource?: string | readonly string[];
  readonly NotResource?: string | readonly string[];
  readonly Condition?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

export interface PolicyDocument {
  readonly Version: string;
  readonly Statement: readonly PolicyStatement[];
}

/** Condition keys and their values for one request; multivalued keys are arrays. */
export type RequestContext = Readonly<Record<string, string | readonly string[] | undefined>>;

export interface IamRequest {
  /** `service:Action`, e.g. `cloudformation:CreateChangeSet`. */
  readonly action: string;
  /** The resource ARN, or `*` for actions without resource-level permissions. */
  readonly resource: string;
  readonly context?: RequestContext;
  /** For trust policies: the federated principal asking. */
  readonly federatedPrincipal?: string;
  /** The resource's own policy, where the service requires it (a KMS key's key policy). */
  readonly resourcePolicy?: PolicyDocument;
}

export type Decision = 'allow' | 'explicit-deny' | 'implicit-deny';

export interface Evaluation {
  readonly decision: Decision;
  /** Sids (or statement indexes) of the statements that matched, Deny first. */
  readonly matched: readonly string[];
}

const list = (value: string | readonly string[] | undefined): readonly string[] =>
  value === undefined ? [] : typeof value === 'string' ? [value] : value;

/** IAM wildcards: `*` any run of characters, `?` one character; everything else literal. */
export function wildcard(pattern: string, value: string, ignoreCase: boolean): boolean {
  const source = pattern
    .split('')
    .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\/]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`, ignoreCase ? 'i' : '').test(value);
}

function actionMatches(statement: PolicyStatement, action: string): boolean {
  if (statement.Action !== undefined) {
    return list(statement.Action).some((p) => wildcard(p, action, true));
  }
  if (statement.NotAction !== undefined) {
    return !list(statement.NotAction).some((p) => wildcard(p, action, true));
  }
  throw new Error(`Statement ${statement.Sid ?? ''} has neither Action nor NotAction`);
}

function resourceMatches(statement: PolicyStatement, resource: string): boolean {
  if (statement.Resource !== undefined) {
    return list(statement.Resource).some((p) => wildcard(p, resource, false));
  }
  if (statement.NotResource !== undefined) {
    return !list(statement.NotResource).some((p) => wildcard(p, resource, false));
  }
  // Trust policies name no resource: the role itself is the resource.
  return statement.Principal !== undefined;
}

function principalMatches(statement: PolicyStatement, request: IamRequest): boolean {
  if (statement.Principal === undefined) return request.federatedPrincipal === undefined;
  if (request.federatedPrincipal === undefined) return false;
  const principal = statement.Principal as { Federated?: string | readonly string[] };
  return list(principal.Federated).includes(request.federatedPrincipal);
}

function contextValues(context: RequestContext, key: string): readonly string[] | undefined {
  const found = Object.entries(context).find(([k]) => k.toLowerCase() === key.toLowerCase());
  return found?.[1] === undefined ? undefined : list(found[1]);
}

type Compare = (policyValue: string, requestValue: string) => boolean;

const COMPARE: Readonly<Record<string, Compare>> = {
  StringEquals: (p, r) => p === r,
  StringEqualsIgnoreCase: (p, r) => p.toLowerCase() === r.toLowerCase(),
  StringLike: (p, r) => wildcard(p, r, false),
  ArnEquals: (p, r) => wildcard(p, r, false),
  ArnLike: (p, r) => wildcard(p, r, false),
  Bool: (p, r) => p.toLowerCase() === r.toLowerCase(),
};

const NEGATED: Readonly<Record<string, string>> = {
  StringNotEquals: 'StringEquals',
  StringNotEqualsIgnoreCase: 'StringEqualsIgnoreCase',
  StringNotLike: 'StringLike',
  ArnNotEquals: 'ArnEquals',
  ArnNotLike: 'ArnLike',
};

/** One operator block, e.g. `StringEquals: { key: value, ... }`: every key must hold. */
function operatorHolds(
  rawOperator: string,
  keys: Readonly<Record<string, unknown>>,
  context: RequestContext,
): boolean {
  const [qualifier, operator] = rawOperator.includes(':')
    ? (rawOperator.split(':') as [string, string])
    : [undefined, rawOperator];
  if (operator.endsWith('IfExists')) throw new Error(`Unsupported operator ${rawOperator}`);
  return Object.entries(keys).every(([key, raw]) => {
    const wanted = (Array.isArray(raw) ? raw : [raw]).map(String);
    const values = contextValues(context, key);
    if (operator === 'Null') {
      if (qualifier) throw new Error(`Unsupported operator ${rawOperator}`);
      return wanted.every((w) => (w === 'true') === (values === undefined));
    }
    const negated = NEGATED[operator];
    const compare = COMPARE[negated ?? operator];
    if (!compare) throw new Error(`Unsupported condition operator ${rawOperator}`);
    const one = (value: string): boolean => {
      const hit = wanted.some((w) => compare(w, value));
      return negated ? !hit : hit;
    };
    if (qualifier === 'ForAnyValue') return values !== undefined && values.some(one);
    if (qualifier === 'ForAllValues') return values === undefined || values.every(one);
    if (qualifier !== undefined) throw new Error(`Unsupported qualifier ${rawOperator}`);
    if (values === undefined) return negated !== undefined;
    if (values.length !== 1) {
      throw new Error(`${key} is multivalued; the policy must use ForAnyValue/ForAllValues`);
    }
    return one(values[0]!);
  });
}

function conditionsHold(statement: PolicyStatement, context: RequestContext): boolean {
  return Object.entries(statement.Condition ?? {}).every(([operator, keys]) =>
    operatorHolds(operator, keys, context),
  );
}

/** Throws on what a rendered policy must never contain: leftover `${...}` or placeholders. */
export function assertRendered(policy: PolicyDocument): void {
  const text = JSON.stringify(policy);
  const leftover = /\$\{[^}]*\}|\{[a-z_]+\}|\{\{[^}]*\}\}/.exec(text);
  if (leftover) throw new Error(`Policy still holds ${leftover[0]}`);
}

/** How IAM decides one request against one policy. */
export function evaluate(policy: PolicyDocument, request: IamRequest): Evaluation {
  const allows: string[] = [];
  const denies: string[] = [];
  policy.Statement.forEach((statement, index) => {
    const applies =
      principalMatches(statement, request) &&
      actionMatches(statement, request.action) &&
      resourceMatches(statement, request.resource) &&
      conditionsHold(statement, request.context ?? {});
    if (!applies) return;
    (statement.Effect === 'Deny' ? denies : allows).push(statement.Sid ?? `#${index}`);
  });
  if (denies.length > 0) return { decision: 'explicit-deny', matched: [...denies, ...allows] };
  if (allows.length > 0) return { decision: 'allow', matched: allows };
  return { decision: 'implicit-deny', matched: [] };
}

export const isAllowed = (policy: PolicyDocument, request: IamRequest): boolean =>
  evaluate(policy, request).decision === 'allow';
