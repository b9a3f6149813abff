/**
 * Drift in markdown: the resources changed outside CloudFormation, each differing property
 * with what the template says and what AWS holds, under a warning that the deploy reverts them;
 * and one line per stack whose drift could not be checked.
 */
import type { StackResourceDrift } from '../plan/analysis.js';
import type { StackPlan } from '../plan/model.js';
import { Tier } from './budget.js';
import type { Part, RowGroup } from './budget.js';
import { escapeCell, escapeInline, truncate } from './escape.js';

/** A value is cut to this many characters in the table. */
const MAX_VALUE_CHARS = 300;

const cell = (v: string | undefined) =>
  v === undefined || v === 'null' ? '*(none)*' : escapeCell(truncate(v, MAX_VALUE_CHARS));

/** The drift table with its warning, and the lines for stacks not checked; nothing otherwise. */
export function driftParts(
  drift: readonly StackResourceDrift[],
  stacks: readonly StackPlan[],
  elsewhere: string,
): Part[] {
  const unchecked = stacks.flatMap((s) =>
    s.drift?.status === 'unavailable'
      ? [
          `- ${escapeInline(s.stackName)}: ${escapeInline(s.drift.reason)}; the plan went on without it.`,
        ]
      : [],
  );
  const parts: Part[] = [];
  if (drift.length > 0) {
    const reverted = drift.filter((d) => d.revertedByPlan).map((d) => escapeInline(d.logicalId));
    const security = drift
      .filter((d) => d.security && d.revertedByPlan)
      .map((d) => escapeInline(d.logicalId));
    parts.push(
      { text: '### Changed outside CloudFormation (drift)', tier: Tier.KEEP },
      { text: '', tier: Tier.KEEP },
      {
        text: [
          '> [!WARNING]',
          `> **${drift.length} resource${drift.length === 1 ? ' was' : 's were'} changed outside CloudFormation. A deploy reverts a drifted resource to the template whenever it updates it.**`,
          reverted.length > 0
            ? `> This plan updates ${reverted.join(', ')} (↺): deploying it reverts ${reverted.length === 1 ? 'that change' : 'those changes'}.`
            : '> This plan does not update them: they stay as they are until their next update.',
          ...(security.length > 0
            ? [
                `> Security resources among them (${security.join(', ')}) need \`Drift\` or their logical ID in allow-destructive to deploy.`,
              ]
            : []),
          '',
        ].join('\n'),
        tier: Tier.KEEP,
      },
      { text: '| Resource | Stack | Property | In the template | In AWS |', tier: Tier.KEEP },
      { text: '| --- | --- | --- | --- | --- |', tier: Tier.KEEP },
    );
    const group: RowGroup = { note: (n) => `| … | ${n} more not shown (${elsewhere}) | | | |` };
    for (const d of drift) {
      const id = `${d.revertedByPlan ? '↺ ' : ''}${d.security ? '🔐 ' : ''}${escapeCell(d.logicalId)} (${escapeCell(d.type)})`;
      const rows =
        d.status === 'DELETED' || d.differences.length === 0
          ? [`| ${id} | ${escapeCell(d.stack)} | *(deleted outside CloudFormation)* | | |`]
          : d.differences.map(
              (p) =>
                `| ${id} | ${escapeCell(d.stack)} | ${escapeCell(p.path)} | ${cell(p.expected)} | ${cell(p.actual)} |`,
            );
      parts.push(
        ...rows.map((text) => ({ text, tier: Tier.SECURITY, group, important: true as const })),
      );
    }
    parts.push({ text: '', tier: Tier.KEEP, endOf: group });
  }
  if (unchecked.length > 0) {
    parts.push({ text: ['**Drift not checked:**', ...unchecked, ''].join('\n'), tier: Tier.KEEP });
  }
  return parts;
}
