/**
 * The inputs' descriptions for the help, read from the package's action.yml, the same source
 * as the README's input table, so the three cannot say different things.
 */
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { load } from 'js-yaml';
import { findPackageFile } from '../shared/package-file.js';

/** What the help shows of one input. */
export interface InputHelp {
  readonly description: string;
  readonly required: boolean;
}

/**
 * Each input's description by name; empty when action.yml cannot be found or read (a bundle
 * copied away from its package): the help then lists the flags without their meaning.
 */
export function actionInputs(
  startDir: string = dirname(fileURLToPath(import.meta.url)),
): Readonly<Record<string, InputHelp>> {
  const found = findPackageFile('action.yml', startDir);
  if (found.path === undefined) return {};
  try {
    const action = load(readFileSync(found.path, 'utf8')) as {
      inputs?: Record<string, { description?: unknown; required?: unknown } | null>;
    };
    const inputs: Record<string, InputHelp> = {};
    for (const [name, input] of Object.entries(action?.inputs ?? {})) {
      inputs[name] = {
        description: String(input?.description ?? '')
          .replace(/\s+/g, ' ')
          .trim(),
        required: input?.required === true || input?.required === 'true',
      };
    }
    return inputs;
  } catch {
    return {};
  }
}
