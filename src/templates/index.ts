/**
 * The built-in CloudFormation templates (templates/*.yaml) and the offline tools to read and
 * evaluate them.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findPackageFile } from '../shared/package-file.js';

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

/**
 * The path of a built-in template: the first `templates/<file>` found from `startDir` upwards
 * (see {@link findPackageFile}).
 */
export function findBuiltInTemplate(
  name: BuiltInTemplateName,
  startDir: string = dirname(fileURLToPath(import.meta.url)),
): string {
  const file = TEMPLATE_FILES[name];
  if (!file) throw new Error(`Unknown built-in template ${String(name)}`);
  const found = findPackageFile(join('templates', file), startDir);
  if (found.path !== undefined) return found.path;
  throw new Error(
    `Built-in template ${file} not found; the package's templates/ folder is missing. Looked for:\n  ${found.tried.join('\n  ')}`,
  );
}

/** The text of a built-in template. */
export async function loadBuiltInTemplate(name: BuiltInTemplateName): Promise<string> {
  return readFile(findBuiltInTemplate(name), 'utf8');
}
