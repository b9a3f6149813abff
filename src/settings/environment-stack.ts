/**
 * The environment stack's name and template, and the environment inputs put together: what
 * loadSettings calls when it reads `deploy-environment`.
 */
import type { InputName } from './defaults.js';
import { readEnvironment } from './environment.js';
import type { EnvironmentSettings } from './environment-types.js';
import { deriveStackNames, parseStackName } from './names.js';
import { quote } from './problems.js';
import type { ProblemCollector } from './problems.js';
import type { StackSettings } from './types.js';

/**
 * The environment stack's name (`environment-stack-name`, or `<env>-mwaa-environment`) and
 * template; the name must differ from the other two stacks'.
 */
export function readEnvironmentStack(
  read: (name: InputName) => string,
  environmentName: string | undefined,
  others: readonly string[],
  problems: ProblemCollector,
): StackSettings | undefined {
  const given = read('environment-stack-name');
  let name: string | undefined;
  if (given !== '') name = problems.take('environment-stack-name', parseStackName(given));
  else if (environmentName !== undefined) {
    const derived = parseStackName(deriveStackNames(environmentName).environment);
    if (derived.ok) name = derived.value;
    else
      for (const d of derived.details)
        problems.invalid(
          'environment-name',
          `gives the stack name ${d}; set environment-stack-name`,
        );
  }
  if (name === undefined) return undefined;
  if (others.some((o) => o.toLowerCase() === name.toLowerCase())) {
    problems.invalid(
      'environment-stack-name',
      `${quote(name)} is also another stack's name; the three stacks need different names`,
    );
    return undefined;
  }
  const templatePath = read('environment-template');
  return templatePath === '' ? { name } : { name, templatePath };
}

/** The environment's settings and stack, when `deploy-environment` is true; undefined on any problem. */
export function withEnvironment(
  read: (name: InputName) => string,
  environmentName: string | undefined,
  stacks: { readonly vpc: StackSettings; readonly prerequisites: StackSettings } | undefined,
  problems: ProblemCollector,
): { settings: EnvironmentSettings; stack: StackSettings } | undefined {
  const others = stacks ? [stacks.vpc.name, stacks.prerequisites.name] : [];
  const stack = readEnvironmentStack(read, environmentName, others, problems);
  const settings = readEnvironment(read, problems);
  return stack && settings ? { settings, stack } : undefined;
}
