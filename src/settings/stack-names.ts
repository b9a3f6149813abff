/**
 * The two stacks' names and templates. Names are derived from the environment name unless given;
 * either way they must be valid CloudFormation names and must differ, or the second stack would
 * silently update the first.
 */
import type { InputName } from './defaults.js';
import { deriveStackNames, parseStackName } from './names.js';
import { quote } from './problems.js';
import type { ProblemCollector } from './problems.js';
import type { Settings, StackSettings } from './types.js';

/**
 * Reads `vpc-stack-name`, `prerequisites-stack-name` and the two template paths. `environmentName`
 * is undefined when that input was invalid: the derived names are then not checked (the
 * environment name's own problem says enough). Returns undefined when any problem was found.
 */
export function readStacks(
  read: (name: InputName) => string,
  environmentName: string | undefined,
  problems: ProblemCollector,
): Settings['stacks'] | undefined {
  const derived = environmentName === undefined ? undefined : deriveStackNames(environmentName);
  const vpc = stackName(read, 'vpc-stack-name', derived?.vpc, problems);
  const prerequisites = stackName(
    read,
    'prerequisites-stack-name',
    derived?.prerequisites,
    problems,
  );
  if (vpc === undefined || prerequisites === undefined) return undefined;

  // Stack names are compared without case: a pair differing only in case is a typo, not a plan.
  if (vpc.toLowerCase() === prerequisites.toLowerCase()) {
    // Blame an input the user actually set; both derived names can never collide.
    const input =
      read('prerequisites-stack-name') !== '' ? 'prerequisites-stack-name' : 'vpc-stack-name';
    const other = input === 'vpc-stack-name' ? 'prerequisite' : 'VPC';
    const name = input === 'vpc-stack-name' ? vpc : prerequisites;
    problems.invalid(
      input,
      `${quote(name)} is also the ${other} stack's name; the two stacks need different names`,
    );
    return undefined;
  }
  return {
    vpc: stack(vpc, read('vpc-template')),
    prerequisites: stack(prerequisites, read('prerequisites-template')),
  };
}

/** A given stack name, checked; or the derived one, checked too (against the environment name). */
function stackName(
  read: (name: InputName) => string,
  input: InputName,
  derived: string | undefined,
  problems: ProblemCollector,
): string | undefined {
  const given = read(input);
  if (given !== '') return problems.take(input, parseStackName(given));
  if (derived === undefined) return undefined;
  const parsed = parseStackName(derived);
  if (parsed.ok) return parsed.value;
  for (const detail of parsed.details) {
    problems.invalid('environment-name', `gives the stack name ${detail}; set ${input}`);
  }
  return undefined;
}

function stack(name: string, templatePath: string): StackSettings {
  return templatePath === '' ? { name } : { name, templatePath };
}
