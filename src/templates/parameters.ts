/** Template parameter values: defaults, list types and the parameter constraints. */
import type { CfnParameter, CfnTemplate } from './cfn-yaml.js';

/** Parameter values as given to CloudFormation: strings (or lists for list types). */
export type ParameterValues = Readonly<Record<string, string | readonly string[]>>;

function isListType(type: string): boolean {
  return type === 'CommaDelimitedList' || type.startsWith('List<');
}

/**
 * The value every parameter takes: the given one, else its default. List parameters become
 * arrays. Parameters without either are left out (a `Ref` to them then fails). Throws on a value
 * for a parameter the template does not declare.
 */
export function parameterValues(
  template: CfnTemplate,
  given: ParameterValues = {},
): Record<string, unknown> {
  const declared = template.Parameters ?? {};
  for (const name of Object.keys(given)) {
    if (!Object.hasOwn(declared, name)) throw new Error(`Unknown parameter ${name}`);
  }
  const values: Record<string, unknown> = {};
  for (const [name, definition] of Object.entries(declared)) {
    const raw = Object.hasOwn(given, name) ? given[name] : definition.Default;
    if (raw === undefined) continue;
    const value = Array.isArray(raw) ? raw.join(',') : String(raw);
    values[name] = isListType(definition.Type) ? (value === '' ? [] : value.split(',')) : value;
  }
  return values;
}

function problemsOf(name: string, p: CfnParameter, value: string | undefined): string[] {
  if (value === undefined) return [`Parameter ${name} needs a value`];
  const problems: string[] = [];
  const allowed = p.AllowedValues?.map(String);
  if (allowed && !allowed.includes(value)) {
    problems.push(`Parameter ${name} must be one of ${allowed.join(', ')}`);
  }
  // CloudFormation matches AllowedPattern against the whole value.
  if (p.AllowedPattern !== undefined && !new RegExp(`^(?:${p.AllowedPattern})$`).test(value)) {
    problems.push(`Parameter ${name} must match ${p.AllowedPattern}`);
  }
  if (p.MinLength !== undefined && value.length < Number(p.MinLength)) {
    problems.push(`Parameter ${name} must be at least ${p.MinLength} characters`);
  }
  if (p.MaxLength !== undefined && value.length > Number(p.MaxLength)) {
    problems.push(`Parameter ${name} must be at most ${p.MaxLength} characters`);
  }
  return problems;
}

/**
 * Checks values against AllowedValues, AllowedPattern, MinLength and MaxLength, and that every
 * parameter without a default has a value, as CloudFormation does before anything else.
 * Returns the problems found (empty when all is well).
 */
export function checkParameters(template: CfnTemplate, given: ParameterValues = {}): string[] {
  const values = parameterValues(template, given);
  return Object.entries(template.Parameters ?? {}).flatMap(([name, p]) => {
    const v = values[name];
    return problemsOf(name, p, Array.isArray(v) ? v.join(',') : (v as string | undefined));
  });
}
