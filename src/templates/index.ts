/**
 * The built-in CloudFormation templates (templates/*.yaml) and the offline tools to read and
 * evaluate them.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export { CFN_SCHEMA, parseCfnYaml, parseTemplate } from './cfn-yaml.js';
export type { CfnOutput, CfnParameter, CfnResource, CfnRule, CfnTemplate } from './cfn-yaml.js';
export {
  activeOutputs,
  activeResources,
  createContext,
  evaluateConditions,
  failedRules,
  partitionOf,
  resolve,
} from './evaluate.js';
export type { ActiveResource, Placeholders, PseudoParameters, ResolveContext } from './evaluate.js';
export { checkParameters, parameterValues } from './parameters.js';
export type { ParameterValues } from './parameters.js';

/** File name of each built-in template, inside the package's `templates/` folder. */
export const TEMPLATE_FILES = {
  vpc: 'vpc.yaml',
  'mwaa-prerequisites': 'mwaa-prerequisites.yaml',
  'mwaa-environment': 'mwaa-environment.yaml',
} as const;

export type BuiltInTemplateName = keyof typeof TEMPLATE_FILES;

/** How many folders up from this module the `templates/` folder may be. */
const MAX_LEVELS = 5;

/**
 * The path of a built-in template: the first `templates/<file>` found from `startDir` upwards.
 * This module runs from src/templates (tests), lib/templates (npm package), dist/ and dist/cli/
 * (bundles); each has the package's templates/ folder a few levels up.
 */
export function findBuiltInTemplate(
  name: BuiltInTemplateName,
  startDir: string = dirname(fileURLToPath(import.meta.url)),
): string {
  const file = TEMPLATE_FILES[name];
  if (!file) throw new Error(`Unknown built-in template ${String(name)}`);
  const tried: string[] = [];
  let dir = startDir;
  for (let level = 0; level <= MAX_LEVELS; level++) {
    const candidate = join(dir, 'templates', file);
    if (existsSync(candidate)) return candidate;
    tried.push(candidate);
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new Error(
    `Built-in template ${file} not found; the package's templates/ folder is missing. Looked for:\n  ${tried.join('\n  ')}`,
  );
}

/** The text of a built-in template. */
export async function loadBuiltInTemplate(name: BuiltInTemplateName): Promise<string> {
  return readFile(findBuiltInTemplate(name), 'utf8');
}
