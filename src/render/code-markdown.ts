/**
 * The "Code" section of the markdown plan: a summary table of the DAG folder, requirements.txt,
 * plugins.zip and the startup script, then the DAG files and plugin entries that change (rows that
 * are left out first when the comment is too long, deletions last) and requirements.txt's line diff.
 */
import type { CodePlan } from '../plan/code-model.js';
import { Tier } from './budget.js';
import type { Part, RowGroup } from './budget.js';
import {
  codeTarget,
  dagCounts,
  normalizeCode,
  pluginCounts,
  requirementsCounts,
  singleFileLine,
} from './code-view.js';
import { codeBlock, escapeCell as c, escapeInline as e } from './escape.js';

const KEEP = (text: string): Part => ({ text, tier: Tier.KEEP });

/** Rows of one list of changes, trimmed like the other tables. */
function listParts(
  title: string,
  rows: readonly (readonly [sign: string, word: string, name: string])[],
  elsewhere: string,
): Part[] {
  if (rows.length === 0) return [];
  const group: RowGroup = { note: (n) => `| … | ${n} more not shown (${elsewhere}) |` };
  return [
    KEEP(`**${title}**`),
    KEEP(''),
    KEEP('| Change | Path |'),
    KEEP('| --- | --- |'),
    ...rows.map(([sign, word, name]) => ({
      tier: Tier.ROWS,
      group,
      ...(word === 'remove' ? { important: true as const } : {}),
      text: `| ${sign} ${word} | ${c(name)} |`,
    })),
    { text: '', tier: Tier.KEEP, endOf: group },
  ];
}

/** The parts of the Code section; none when the plan has no code. */
export function codeParts(raw: CodePlan | undefined, elsewhere: string): Part[] {
  const code = normalizeCode(raw);
  if (!code) return [];
  const parts: Part[] = [KEEP('### Code'), KEEP(''), KEEP(`${e(codeTarget(code))}\n`)];
  for (const w of code.warnings) parts.push(KEEP(`> [!WARNING]\n> ${e(w)}\n`));
  parts.push(KEEP('| File | Change |'), KEEP('| --- | --- |'));
  const { dags, requirements, plugins, startupScript } = code;
  if (dags) parts.push(KEEP(`| ${c(dags.prefix)} (DAG files) | ${dagCounts(code)} |`));
  if (requirements) {
    parts.push(
      KEEP(
        `| ${c(requirements.key)} | ${c(singleFileLine(requirements, 'requirements'))}; ${requirementsCounts(requirements)} |`,
      ),
    );
  }
  if (plugins) {
    const from = plugins.source === 'folder' ? ' (zipped from a folder)' : '';
    parts.push(
      KEEP(
        `| ${c(plugins.key)}${from} | ${c(singleFileLine(plugins, 'plugins'))}; ${pluginCounts(plugins)} |`,
      ),
    );
  }
  if (startupScript) {
    parts.push(
      KEEP(`| ${c(startupScript.key)} | ${c(singleFileLine(startupScript, 'startup'))} |`),
    );
  }
  parts.push(KEEP(''));
  if (dags) {
    parts.push(
      ...listParts(
        `DAG files under ${e(dags.prefix)}`,
        [
          ...dags.added.map((n) => ['+', 'add', n] as const),
          ...dags.changed.map((n) => ['~', 'change', n] as const),
          ...dags.removed.map((n) => ['-', 'remove', n] as const),
        ],
        elsewhere,
      ),
    );
  }
  if (requirements && requirements.addedLines.length + requirements.removedLines.length > 0) {
    const lines = [
      ...requirements.removedLines.map((l) => `- ${l}`),
      ...requirements.addedLines.map((l) => `+ ${l}`),
    ];
    parts.push(KEEP(`**${e(requirements.key)}**\n`), {
      text: `${codeBlock(lines.join('\n'), 'diff')}\n`,
      tier: Tier.DETAILS,
    });
  }
  if (plugins) {
    parts.push(
      ...listParts(
        `Entries of ${e(plugins.key)}`,
        [
          ...plugins.addedEntries.map((n) => ['+', 'add', n] as const),
          ...plugins.changedEntries.map((n) => ['~', 'change', n] as const),
          ...plugins.removedEntries.map((n) => ['-', 'remove', n] as const),
        ],
        elsewhere,
      ),
    );
  }
  return parts;
}
