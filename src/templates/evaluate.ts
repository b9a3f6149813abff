/**
 * Offline evaluation of a template for given parameter values: which conditions hold, which
 * resources and outputs exist, whether the Rules pass, and (through `resolve`) what each
 * property becomes.
 */
import type { CfnTemplate } from './cfn-yaml.js';
import { resolve } from './intrinsics.js';
import type { PseudoParameters, ResolveContext } from './intrinsics.js';
import { parameterValues } from './parameters.js';
import type { ParameterValues } from './parameters.js';

export { resolve, partitionOf } from './intrinsics.js';
export type { PseudoParameters, ResolveContext } from './intrinsics.js';

/**
 * Every condition of the template, evaluated. Conditions may name other conditions
 * (`{ Condition: X }` inside `Fn::And`/`Fn::Or`/`Fn::Not`); a cycle is an error, and so is a
 * condition that refers to a resource.
 */
export function evaluateConditions(
  template: CfnTemplate,
  given: ParameterValues,
  pseudo: PseudoParameters,
): Record<string, boolean> {
  const definitions = template.Conditions ?? {};
  const results: Record<string, boolean> = {};
  const pending = new Set<string>();
  const ctx: ResolveContext = {
    parameters: parameterValues(template, given),
    pseudo,
    template,
    conditions: (name) => lookup(name),
    ref: (id) => {
      throw new Error(`A condition cannot refer to the resource ${id}`);
    },
    getAtt: (id) => {
      throw new Error(`A condition cannot refer to the resource ${id}`);
    },
  };
  function lookup(name: string): boolean {
    const known = results[name];
    if (known !== undefined) return known;
    if (!Object.hasOwn(definitions, name)) throw new Error(`Unknown condition ${name}`);
    if (pending.has(name)) throw new Error(`Condition ${name} depends on itself`);
    pending.add(name);
    const value = resolve(definitions[name], ctx);
    pending.delete(name);
    if (typeof value !== 'boolean') throw new Error(`Condition ${name} is not a condition function`);
    results[name] = value;
    return value;
  }
  for (const name of Object.keys(definitions)) lookup(name);
  return results;
}

function holds(name: string | undefined, conditions: Readonly<Record<string, boolean>>): boolean {
  if (name === undefined) return true;
  const value = conditions[name];
  if (value === undefined) throw new Error(`Unknown condition ${name}`);
  return value;
}

export interface ActiveResource {
  readonly logicalId: string;
  readonly type: string;
}

/** The resources that exist under these condition results, in template order. */
export function activeResources(
  template: CfnTemplate,
  conditions: Readonly<Record<string, boolean>>,
): ActiveResource[] {
  return Object.entries(template.Resources)
    .filter(([, r]) => holds(r.Condition, conditions))
    .map(([logicalId, r]) => ({ logicalId, type: r.Type }));
}

/** The names of the outputs that exist under these condition results, in template order. */
export function activeOutputs(
  template: CfnTemplate,
  conditions: Readonly<Record<string, boolean>>,
): string[] {
  return Object.entries(template.Outputs ?? {})
    .filter(([, o]) => holds(o.Condition, conditions))
    .map(([name]) => name);
}

/** Callbacks for what only exists once resources do (see ResolveContext). */
export type Placeholders = Pick<ResolveContext, 'ref' | 'getAtt' | 'importValue' | 'azs'>;

/** A context to `resolve` the template's values with: parameters, pseudo parameters, conditions. */
export function createContext(
  template: CfnTemplate,
  given: ParameterValues,
  pseudo: PseudoParameters,
  placeholders: Placeholders = {},
): ResolveContext & { readonly conditions: Readonly<Record<string, boolean>> } {
  return {
    ...placeholders,
    parameters: parameterValues(template, given),
    pseudo,
    template,
    conditions: evaluateConditions(template, given, pseudo),
  };
}

/**
 * The Rules section, as CloudFormation checks it before a create or update: for each rule whose
 * RuleCondition holds, every failing assertion's description (or `Rule NAME failed`).
 */
export function failedRules(
  template: CfnTemplate,
  given: ParameterValues,
  pseudo: PseudoParameters,
): string[] {
  const ctx: ResolveContext = {
    parameters: parameterValues(template, given),
    pseudo,
    template,
    conditions: {},
  };
  const failures: string[] = [];
  for (const [name, rule] of Object.entries(template.Rules ?? {})) {
    if (rule.RuleCondition !== undefined && resolve(rule.RuleCondition, ctx) !== true) continue;
    for (const assertion of rule.Assertions) {
      if (resolve(assertion.Assert, ctx) !== true) {
        failures.push(assertion.AssertDescription ?? `Rule ${name} failed`);
      }
    }
  }
  return failures;
}
