/**
 * The failed "will it create?" pre-checks, first and loudest: they stop the deploy before
 * anything is created or changed. Each names what was found and the fix; the full finding (a
 * key-policy statement to add, say) follows in a fold, since it does not fit a list item.
 */
import type { Plan } from '../plan/model.js';
import type { Prepared } from './context.js';
import { codeBlock, escapeInline as e, truncate } from './escape.js';
import { Tier } from './budget.js';
import type { Part } from './budget.js';

/** At most this many failed pre-checks listed; each of the 9 checks fails at most once a stack. */
const MAX_ITEMS = 15;
const MAX_LINE = 1_000;
const MAX_DETAILS = 4_000;

/** One failed pre-check in plain (unescaped) words. */
export interface PrecheckWarning {
  readonly subject: string;
  readonly text: string;
  /** Every line of the finding, the fix included. */
  readonly details: string;
}

/** The failed pre-checks of every stack, in plan order. */
export function precheckWarnings(plan: Plan): PrecheckWarning[] {
  return plan.stacks.flatMap((s) =>
    (s.failedPrechecks ?? []).map((p) => {
      const first = (p.details.split('\n')[0] ?? '').replace(/:$/, '');
      const more = p.details.includes('\n') ? ' (in full below)' : '';
      const past = p.allowable
        ? `The deploy stops here unless allow-failed-prechecks names ${p.id} (only if the check reads your setup wrongly).`
        : 'The deploy stops here until it is fixed.';
      return {
        subject: `${p.title} (${s.stackName}): no.`,
        text: `${first}${more}. ${past}`,
        details: p.details,
      };
    }),
  );
}

/** The caution block and the fold with each finding in full; nothing when every check passed. */
export function precheckParts(p: Prepared): Part[] {
  const warnings = precheckWarnings(p.plan);
  if (warnings.length === 0) return [];
  const shown = warnings.slice(0, MAX_ITEMS);
  const lines = [
    '> [!CAUTION]',
    '> **Will it create? No: the MWAA environment would fail 20 to 40 minutes into its creation or update. A deploy of this plan stops before anything is created or changed.**',
    '>',
    ...shown.map((w) => `> - **${e(w.subject)}** ${e(truncate(w.text, MAX_LINE))}`),
    ...(warnings.length > shown.length ? [`> - … and ${warnings.length - shown.length} more`] : []),
    '',
  ];
  const full = shown.filter((w) => w.details.includes('\n'));
  const fold =
    full.length > 0
      ? [
          '<details><summary>Will it create? The findings in full</summary>',
          '',
          ...full.flatMap((w) => [
            `**${e(w.subject)}**`,
            '',
            codeBlock(truncate(w.details, MAX_DETAILS)),
            '',
          ]),
          '</details>',
          '',
        ]
      : [];
  return [{ text: [...lines, ...fold].join('\n'), tier: Tier.KEEP }];
}
