/**
 * The "Code" section of the plain-text plan (log and terminal): the same facts as the markdown,
 * with `+ ~ -` for added, changed and removed. Long lists are cut (the plan file has them all).
 */
import type { CodePlan } from '../plan/code-model.js';
import {
  codeTarget,
  dagCounts,
  normalizeCode,
  pluginCounts,
  requirementsCounts,
  singleFileLine,
} from './code-view.js';
import { escapeTerminal, truncate } from './escape.js';

/** At most this many names of one list are printed. */
const MAX_LISTED = 200;
const t = (text: string) => escapeTerminal(truncate(text, 1_100));

function list(out: string[], sign: string, names: readonly string[]): void {
  for (const n of names.slice(0, MAX_LISTED)) out.push(`    ${sign} ${t(n)}`);
  if (names.length > MAX_LISTED)
    out.push(`    ... ${names.length - MAX_LISTED} more (see the plan file)`);
}

/** The lines of the Code section; none when the plan has no code. */
export function codeTextLines(raw: CodePlan | undefined): string[] {
  const code = normalizeCode(raw);
  if (!code) return [];
  const out = ['Code', `  ${t(codeTarget(code))}`];
  for (const w of code.warnings) out.push(`  !! ${t(w)}`);
  const { dags, requirements, plugins, startupScript } = code;
  if (dags) {
    out.push(`  ${t(dags.prefix)} (DAG files): ${dagCounts(code)}`);
    list(out, '+', dags.added);
    list(out, '~', dags.changed);
    list(out, '-', dags.removed);
  }
  if (requirements) {
    out.push(
      `  ${t(requirements.key)}: ${t(singleFileLine(requirements, 'requirements'))}; ${requirementsCounts(requirements)}`,
    );
    list(out, '-', requirements.removedLines);
    list(out, '+', requirements.addedLines);
  }
  if (plugins) {
    out.push(
      `  ${t(plugins.key)}: ${t(singleFileLine(plugins, 'plugins'))}; ${pluginCounts(plugins)}`,
    );
    list(out, '+', plugins.addedEntries);
    list(out, '~', plugins.changedEntries);
    list(out, '-', plugins.removedEntries);
  }
  if (startupScript) {
    out.push(`  ${t(startupScript.key)}: ${t(singleFileLine(startupScript, 'startup'))}`);
  }
  out.push('');
  return out;
}
