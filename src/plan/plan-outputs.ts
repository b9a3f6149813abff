import { GetTemplateCommand } from '@aws-sdk/client-cloudformation';
import type { Stack } from '@aws-sdk/client-cloudformation';
import { wrapAwsError } from '../cfn/errors.js';
import { outputsOf } from '../cfn/state.js';
import type { Cfn } from '../cfn/state.js';
import { activeOutputs, createContext, parseTemplate, resolve } from '../templates/index.js';
import type { CfnTemplate, PseudoParameters } from '../templates/index.js';
import type { OutputChange, ResourceChange } from './model.js';

/** What evaluating a template's outputs needs besides the template. */
interface OutputInputs {
  readonly template: CfnTemplate;
  readonly parameters: Readonly<Record<string, string>>;
  readonly pseudo: PseudoParameters;
}

/** A placeholder for a value only a resource has: `{{Ref:Id}}` or `{{GetAtt:Id.Attribute}}`. */
const PLACEHOLDER = /\{\{(?:Ref|GetAtt):([^.}]+)[^}]*\}\}/g;

/**
 * Each output's value with resource values left as placeholders, under the template's
 * conditions. An output whose expression cannot be evaluated offline is left out.
 */
function expressions(inputs: OutputInputs): Map<string, string> {
  const ctx = createContext(inputs.template, inputs.parameters, inputs.pseudo, {
    ref: (id) => `{{Ref:${id}}}`,
    getAtt: (id, attribute) => `{{GetAtt:${id}.${attribute}}}`,
  });
  const result = new Map<string, string>();
  for (const key of activeOutputs(inputs.template, ctx.conditions)) {
    try {
      const value = resolve(inputs.template.Outputs?.[key]?.Value, ctx);
      result.set(key, typeof value === 'string' ? value : JSON.stringify(value));
    } catch {
      // An intrinsic the offline evaluator does not know: say nothing rather than guess.
    }
  }
  return result;
}

/**
 * The outputs the change set will change, from the template's Outputs evaluated with the new
 * parameters, compared with the stack's current outputs. A value that needs a resource is
 * known now only when the same expression already is a deployed output (under the deployed
 * template and parameters) and the resource is neither new nor replaced; otherwise it is
 * "known after deploy".
 */
export function outputChanges(
  next: OutputInputs,
  deployed: (OutputInputs & { readonly outputs: Readonly<Record<string, string>> }) | undefined,
  changes: readonly ResourceChange[],
): OutputChange[] {
  const renewed = new Set(
    changes
      .filter((c) => c.action === 'Add' || (c.action === 'Modify' && c.replacement !== 'False'))
      .map((c) => c.logicalId),
  );
  const current = deployed?.outputs ?? {};
  const known = new Map<string, string>();
  if (deployed) {
    for (const [key, expression] of expressions(deployed)) {
      if (current[key] !== undefined) known.set(expression, current[key]);
    }
  }
  const result: OutputChange[] = [];
  const nextExpressions = expressions(next);
  for (const [key, expression] of nextExpressions) {
    const needs = [...expression.matchAll(PLACEHOLDER)].map((m) => m[1]!);
    const value =
      needs.length === 0
        ? expression
        : needs.some((id) => renewed.has(id))
          ? undefined
          : known.get(expression);
    const before = current[key];
    const change = before === undefined ? 'add' : 'modify';
    if (value === undefined) {
      // A value that needs a new or replaced resource changes; one only unreadable now may not.
      if (before === undefined || needs.some((id) => renewed.has(id)))
        result.push({
          key,
          change,
          ...(before !== undefined ? { before } : {}),
          knownAfterDeploy: true,
        });
    } else if (value !== before) {
      result.push({ key, change, ...(before !== undefined ? { before } : {}), after: value });
    }
  }
  for (const [key, before] of Object.entries(current)) {
    if (!nextExpressions.has(key) && isGone(next, key))
      result.push({ key, change: 'remove', before });
  }
  return result;
}

/** True when the output is gone from the template (or its condition), not merely unevaluable. */
function isGone(next: OutputInputs, key: string): boolean {
  const ctx = createContext(next.template, next.parameters, next.pseudo);
  return !activeOutputs(next.template, ctx.conditions).includes(key);
}

/**
 * The deployed side of outputChanges: the stack's template as deployed (GetTemplate, Original
 * stage), its parameters and outputs. Undefined for a stack without one.
 */
export async function deployedOutputInputs(
  cfn: Cfn,
  stack: Stack | undefined,
  pseudo: PseudoParameters,
): Promise<Parameters<typeof outputChanges>[1]> {
  if (!stack?.StackId) return undefined;
  let body: string | undefined;
  try {
    const out = await cfn.send(
      new GetTemplateCommand({ StackName: stack.StackId, TemplateStage: 'Original' }),
    );
    body = out.TemplateBody;
  } catch (error) {
    throw wrapAwsError(`Could not read the deployed template of stack ${stack.StackName}`, error);
  }
  if (!body) return undefined;
  const parameters: Record<string, string> = {};
  for (const p of stack.Parameters ?? []) {
    if (p.ParameterKey) parameters[p.ParameterKey] = p.ResolvedValue ?? p.ParameterValue ?? '';
  }
  return { template: parseTemplate(body), parameters, pseudo, outputs: outputsOf(stack) };
}

/**
 * The output changes of a computed change set, and a note when CloudFormation lists no resource
 * change but the change set still does something (it is executed: only a FAILED "didn't
 * contain changes" one means nothing to do). Reading the deployed template may be refused or
 * fail: the plan then says so and goes on.
 */
export async function planOutputs(
  ctx: { readonly cfn: Cfn; readonly settings: { readonly region: string } },
  planned: {
    readonly templateBody: string;
    readonly stackName: string;
    readonly stack?: Stack;
    readonly accountId: string;
    readonly parameters: Readonly<Record<string, string>>;
    readonly changes: readonly ResourceChange[];
    readonly parameterKeysChanged: readonly string[];
  },
): Promise<{ outputs?: OutputChange[]; warnings: string[] }> {
  const pseudo: PseudoParameters = {
    region: ctx.settings.region,
    accountId: planned.accountId,
    stackName: planned.stackName,
    stackId: planned.stack?.StackId,
  };
  let outputs: OutputChange[] | undefined;
  const warnings: string[] = [];
  try {
    const deployed = await deployedOutputInputs(ctx.cfn, planned.stack, pseudo);
    const next = {
      template: parseTemplate(planned.templateBody),
      parameters: planned.parameters,
      pseudo,
    };
    outputs = outputChanges(next, deployed, planned.changes);
  } catch (error) {
    warnings.push(`The outputs' changes could not be computed: ${(error as Error).message}`);
  }
  if (planned.changes.length === 0 && planned.stack) {
    const parts = [
      ...(outputs && outputs.length > 0
        ? [`outputs ${outputs.map((o) => `${o.key} (${o.change})`).join(', ')}`]
        : []),
      ...(planned.parameterKeysChanged.length > 0
        ? [`parameters ${planned.parameterKeysChanged.join(', ')}`]
        : []),
    ];
    warnings.push(
      'CloudFormation lists no resource change, but the change set still changes the stack' +
        `${parts.length > 0 ? ` (${parts.join('; ')})` : ' (its tags or other stack settings)'}: deploy executes it.`,
    );
  }
  return { outputs, warnings };
}
