import { readFile } from 'node:fs/promises';
import type { Settings } from '../settings/types.js';
import { errorMessage } from '../shared/errors.js';
import { loadBuiltInTemplate } from '../templates/index.js';
import type { TemplateBodies } from './specs.js';

/** Reads a user's template file; a parameter so tests and library users can supply their own. */
export type ReadTemplateFile = (path: string) => Promise<string>;

const readUtf8: ReadTemplateFile = (path) => readFile(path, 'utf8');

/** The text of both templates: the built-in ones unless the settings name a replacement. */
export async function readTemplates(
  settings: Settings,
  readUserFile: ReadTemplateFile = readUtf8,
): Promise<TemplateBodies> {
  const read = async (path: string | undefined, builtIn: 'vpc' | 'mwaa-prerequisites') => {
    if (path === undefined) return loadBuiltInTemplate(builtIn);
    try {
      return await readUserFile(path);
    } catch (error) {
      throw new Error(`Could not read template '${path}': ${errorMessage(error)}`, {
        cause: error,
      });
    }
  };
  const [vpc, prerequisites] = await Promise.all([
    read(settings.stacks.vpc.templatePath, 'vpc'),
    read(settings.stacks.prerequisites.templatePath, 'mwaa-prerequisites'),
  ]);
  return { vpc, prerequisites };
}
