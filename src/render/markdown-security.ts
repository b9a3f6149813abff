/** The security-relevant changes as one table: IAM, key policy and resource policy statements, security group rules. */
import type { SecurityChange } from '../plan/analysis.js';
import { Tier } from './budget.js';
import type { Part, RowGroup } from './budget.js';
import { escapeCell, truncate } from './escape.js';
import { describeSecurityChange, securityKindLabel } from './describe.js';

/** A statement is cut to this many characters in the table. */
const MAX_STATEMENT_CHARS = 600;

const SIGN: Readonly<Record<SecurityChange['change'], string>> = {
  added: '+',
  removed: '-',
  changed: '~',
};

/** The table, or nothing when no change is security-relevant. */
export function securityParts(changes: readonly SecurityChange[], elsewhere: string): Part[] {
  if (changes.length === 0) return [];
  const group: RowGroup = {
    note: (n) => `| … | ${n} more not shown (${elsewhere}) | | | |`,
  };
  const rows: Part[] = changes.map((c) => {
    const text = truncate(describeSecurityChange(c), MAX_STATEMENT_CHARS);
    const broad = c.broad ? '⚠️ broad: ' : '';
    return {
      tier: Tier.SECURITY,
      group,
      text: `| ${SIGN[c.change]} | ${escapeCell(c.logicalId)} | ${escapeCell(c.stack)} | ${escapeCell(securityKindLabel(c))} | ${broad}${escapeCell(text)} |`,
    };
  });
  return [
    { text: '### Security-relevant changes', tier: Tier.KEEP },
    { text: '', tier: Tier.KEEP },
    { text: '| | Resource | Stack | What | Statement or rule |', tier: Tier.KEEP },
    { text: '| :-: | --- | --- | --- | --- |', tier: Tier.KEEP },
    ...rows,
    { text: '', tier: Tier.KEEP, endOf: group },
  ];
}
