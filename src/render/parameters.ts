/** The parameters worth showing: new, changed, hidden or known only after deploy. */
import type { StackPlan } from '../plan/model.js';
import { NO_ECHO_MASK } from './scrub.js';

export interface ParameterRow {
  readonly key: string;
  readonly before?: string;
  readonly after?: string;
  readonly knownAfterDeploy?: string;
  /** A NoEcho parameter: its values are never shown (and cannot be compared). */
  readonly hidden: boolean;
}

/**
 * Rows for a stack's parameters: every parameter of a new stack, else those that change, are
 * NoEcho, or are known only after deploy; `unchanged` counts the rest.
 */
export function parameterRows(stack: StackPlan): { rows: ParameterRow[]; unchanged: number } {
  const rows: ParameterRow[] = [];
  let unchanged = 0;
  const isNew = stack.parameters.every((p) => p.before === undefined);
  for (const p of stack.parameters) {
    const hidden = p.before === NO_ECHO_MASK || p.after === NO_ECHO_MASK;
    if (!isNew && !hidden && p.knownAfterDeploy === undefined && p.before === p.after) {
      unchanged++;
      continue;
    }
    rows.push({
      key: p.key,
      hidden,
      ...(p.before !== undefined ? { before: p.before } : {}),
      ...(p.after !== undefined ? { after: p.after } : {}),
      ...(p.knownAfterDeploy !== undefined ? { knownAfterDeploy: p.knownAfterDeploy } : {}),
    });
  }
  return { rows, unchanged };
}
