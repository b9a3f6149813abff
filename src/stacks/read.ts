import { readFile } from 'node:fs/promises';
import type { Settings } from '../settings/types.js';
import { SettingsError, quote } from '../settings/problems.js';
import { errorMessage } from '../shared/errors.js';
import { loadBuiltInTemplate } from '../templates/index.js';
import type { TemplateBodies } from './specs.js';

/** Reads a user's template file; a parameter so tests and library users can supply their own. */
export type ReadTemplateFile = (path: string) => Promise<string>;

/** The input naming each template file. */
const INPUT_OF = {
  vpc: 'vpc-template',
  'mwaa-prerequisites': 'prerequisites-template',
  'mwaa-environment': 'environment-template',
} as const;

const readUtf8: ReadTemplateFile = (path) => readFile(path, 'utf8');

/** The text of both templates: the built-in ones unless the settings name a replacement. */
export async function readTemplates(
  settings: Settings,
  readUserFile: ReadTemplateFile = readUtf8,
): Promise<TemplateBodies> {
  const read = async (
    path: string | undefined,
    builtIn: 'vpc' | 'mwaa-prerequisites' | 'mwaa-environment',
  ) => {
    if (path === undefined) return loadBuiltInTemplate(builtIn);
    const input = INPUT_OF[builtIn];
    try {
      return await readUserFile(path);
    } catch (error) {
      // The OS error repeats the path: say it once, quoted and bounded, naming the input.
      const cause = (error as NodeJS.ErrnoException).code ?? errorMessage(error).split(':')[0];
      // A SettingsError like every other bad input, so the CLI exits 2 as documented.
      throw new SettingsError([
        {
          input,
          message:
            `Invalid input '${input}': could not read the template ${quote(path)} (${cause}); ` +
            'give the path of a CloudFormation template in the repository, or leave it empty for the built-in one.',
        },
      ]);
    }
  };
  const environment = settings.stacks.environment;
  const [vpc, prerequisites, env] = await Promise.all([
    read(settings.stacks.vpc.templatePath, 'vpc'),
    read(settings.stacks.prerequisites.templatePath, 'mwaa-prerequisites'),
    environment ? read(environment.templatePath, 'mwaa-environment') : undefined,
  ]);
  return env === undefined ? { vpc, prerequisites } : { vpc, prerequisites, environment: env };
}
