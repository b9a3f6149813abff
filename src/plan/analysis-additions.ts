/**
 * What a resource that does not exist yet will be, read from the evaluated template: the
 * AfterContext of every added resource of a stack planned from its template (a new stack, or
 * one whose inputs do not exist yet), and the properties CloudFormation left out of an `Add`'s
 * AfterContext. A reviewer of a new environment must read the role's statements, the key
 * policy and the security group's rules before they exist; values that only exist after
 * deploy (a VPC ID, the ARN of a key the stack creates) read "(known after deploy: …)".
 */
import { createContext, parseTemplate, resolve } from '../templates/index.js';
import type { ResolveContext } from '../templates/index.js';
import type { ParameterSpec } from '../stacks/types.js';
import { isRecord } from './analysis-context.js';
import type { ResourceChange, StackPlan } from './model.js';

/** The text that stands for a value only known once the stack is deployed. */
export function knownAfterDeploy(what: string): string {
  return `(known after deploy: ${what})`;
}

/** A stack's template with the values it is planned with. */
export interface TemplateInput {
  readonly templateBody: string;
  readonly stackName: string;
  readonly region: string;
  /** The deployment account; undefined offline. */
  readonly accountId?: string;
  readonly parameters: readonly ParameterSpec[];
}

/** Logical ID → `{"Properties": {…}}` as the resource will be created. */
export type TemplateContexts = Readonly<Record<string, { readonly Properties: unknown }>>;

/**
 * Every active resource's properties, evaluated for these parameters. NoEcho parameters stay
 * hidden ('****', as CloudFormation shows them); a resource whose properties cannot be
 * evaluated offline is left out (the plan then says nothing more than before).
 */
export function templateContexts(input: TemplateInput): TemplateContexts {
  const template = parseTemplate(input.templateBody);
  const given: Record<string, string> = {};
  for (const p of input.parameters) {
    const noEcho = String(template.Parameters?.[p.key]?.NoEcho ?? '').toLowerCase() === 'true';
    given[p.key] = noEcho
      ? '****'
      : (p.value ?? knownAfterDeploy(p.knownAfterDeploy ?? `parameter ${p.key}`));
  }
  let ctx: ResolveContext & { conditions: Readonly<Record<string, boolean>> };
  try {
    ctx = createContext(
      template,
      given,
      {
        region: input.region,
        accountId: input.accountId ?? knownAfterDeploy('the deployment account'),
        stackName: input.stackName,
      },
      {
        ref: (id) => knownAfterDeploy(id),
        getAtt: (id, attribute) => knownAfterDeploy(`${id}.${attribute}`),
        importValue: (name) => knownAfterDeploy(`export ${name}`),
      },
    );
  } catch {
    return {};
  }
  const contexts: Record<string, { Properties: unknown }> = {};
  for (const [id, resource] of Object.entries(template.Resources)) {
    try {
      if (resource.Condition !== undefined && ctx.conditions[resource.Condition] !== true) continue;
      contexts[id] = { Properties: resolve(resource.Properties ?? {}, ctx) };
    } catch {
      // An intrinsic the offline evaluator cannot follow: leave this resource as it was.
    }
  }
  return contexts;
}

/** The Add's after context, completed from the template where CloudFormation left gaps. */
function completed(change: ResourceChange, contexts: TemplateContexts): ResourceChange {
  const fromTemplate = contexts[change.logicalId];
  if (change.action !== 'Add' || !fromTemplate || !isRecord(fromTemplate.Properties)) return change;
  const given = isRecord(change.after) ? change.after : undefined;
  const givenProperties = isRecord(given?.['Properties']) ? given['Properties'] : {};
  return {
    ...change,
    after: {
      ...given,
      Properties: { ...fromTemplate.Properties, ...givenProperties },
    },
  };
}

/**
 * The stack plan with every added resource's after context completed from the template (which
 * is only evaluated when the plan adds something).
 */
export function withTemplateContexts(stack: StackPlan, input: TemplateInput): StackPlan {
  if (!stack.changes.some((c) => c.action === 'Add')) return stack;
  const contexts = templateContexts(input);
  return { ...stack, changes: stack.changes.map((c) => completed(c, contexts)) };
}
