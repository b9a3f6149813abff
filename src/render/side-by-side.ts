/**
 * A stack's reviewed plan and its fresh plan side by side, as plain text for the error that
 * stops a deploy: one row per resource either plan touches, the changes the reviewers did not
 * see marked with `!`.
 */
import type { UnreviewedChange } from '../plan/analysis-review.js';
import type { ResourceChange, StackPlan } from '../plan/model.js';
import { escapeTerminal, truncate } from './escape.js';
import { ACTION_WORD, SYMBOL, changeKind } from './view.js';

const MAX_ID = 60;

function cell(change: ResourceChange | undefined): string {
  if (change === undefined) return '(no change)';
  const kind = changeKind(change);
  return `${SYMBOL[kind]} ${ACTION_WORD[kind]}`;
}

/** The two plans of one stack as aligned columns: resource, reviewed plan, plan now. */
export function renderPlansSideBySide(
  reviewed: StackPlan,
  fresh: StackPlan,
  beyond: readonly UnreviewedChange[],
): string {
  const before = new Map(reviewed.changes.map((c) => [c.logicalId, c]));
  const after = new Map(fresh.changes.map((c) => [c.logicalId, c]));
  const flagged = new Set(beyond.map((b) => b.logicalId));
  const ids = [...new Set([...after.keys(), ...before.keys()])];
  const rows: string[][] = [['', 'Resource', 'Reviewed plan', 'Plan now']];
  for (const id of ids) {
    const type = (after.get(id) ?? before.get(id))?.type ?? '';
    rows.push([
      flagged.has(id) ? '!' : '',
      escapeTerminal(truncate(`${id} (${type})`, MAX_ID)),
      cell(before.get(id)),
      cell(after.get(id)),
    ]);
  }
  if (ids.length === 0) rows.push(['', '(no resource changes)', '', '']);
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows
    .map((r) =>
      r
        .map((c, i) => c.padEnd(widths[i]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
