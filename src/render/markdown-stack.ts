/**
 * One stack in markdown: its parameters, a table of its resource changes, and for each change a
 * collapsed `<details>` block with the changed properties, before and after.
 */
import type { ResourceChange, StackPlan } from '../plan/model.js';
import { Tier } from './budget.js';
import type { Part, RowGroup } from './budget.js';
import { codeBlock, escapeCell, escapeInline as e, truncate } from './escape.js';
import { parameterRows } from './parameters.js';
import { propertyRows } from './properties.js';
import type { PropertyRow } from './properties.js';
import { ACTION_WORD, changeKind, SYMBOL } from './view.js';

/** A table cell is cut to this many characters; longer values go to a code block. */
const MAX_CELL_CHARS = 120;
/** A value in a code block is cut to this many characters. */
const MAX_BLOCK_CHARS = 4_000;

const cell = (text: string | undefined, none = '—'): string =>
  text === undefined ? none : text === '' ? '*(empty)*' : escapeCell(text);

function pretty(value: string): string {
  const t = value.trim();
  if (t.startsWith('{') || t.startsWith('[')) {
    try {
      return JSON.stringify(JSON.parse(t), null, 2);
    } catch {
      // not JSON: shown as it is
    }
  }
  return value;
}

const isLong = (v: string | undefined) =>
  v !== undefined && (v.length > MAX_CELL_CHARS || /[\r\n]/.test(v));

function longValueBlock(row: PropertyRow): string {
  const side = (sign: string, v: string | undefined) =>
    v === undefined
      ? []
      : truncate(pretty(v), MAX_BLOCK_CHARS)
          .split(/\r\n|\r|\n/)
          .map((l) => `${sign} ${l}`);
  return [
    `**${e(row.path)}**`,
    '',
    codeBlock([...side('-', row.before), ...side('+', row.after)].join('\n'), 'diff'),
    '',
  ].join('\n');
}

/** The `<details>` block of one change, or undefined when there is nothing to show. */
function detailsBlock(change: ResourceChange): string | undefined {
  const { rows, valued, omitted } = propertyRows(change);
  if (rows.length === 0) return undefined;
  const kind = changeKind(change);
  const noun = rows.length + omitted === 1 ? 'property' : 'properties';
  const lines = [
    `<details><summary>${SYMBOL[kind]} <b>${e(change.logicalId)}</b> ${e(change.type)}: ${rows.length + omitted} ${noun}</summary>`,
    '',
  ];
  if (change.physicalId) lines.push(`Physical ID: ${e(change.physicalId)}`, '');
  const long: PropertyRow[] = [];
  if (valued && change.action === 'Add') {
    lines.push('| Property | Value |', '| --- | --- |');
    for (const r of rows) {
      const moved = isLong(r.after);
      if (moved) long.push(r);
      lines.push(`| ${cell(r.path)} | ${moved ? '*(below)*' : cell(r.after)} |`);
    }
  } else if (valued) {
    lines.push(
      '| Property | Before | After | Recreation | Cause |',
      '| --- | --- | --- | --- | --- |',
    );
    for (const r of rows) {
      const moved = isLong(r.before) || isLong(r.after);
      if (moved) long.push(r);
      const before = moved && r.before !== undefined ? '*(below)*' : cell(r.before);
      const after = moved && r.after !== undefined ? '*(below)*' : cell(r.after);
      lines.push(
        `| ${cell(r.path)} | ${before} | ${after} | ${cell(r.recreation, '')} | ${cell(r.cause, '')} |`,
      );
    }
  } else {
    lines.push('CloudFormation gave no values for these properties.', '');
    lines.push('| Property | Recreation | Cause |', '| --- | --- | --- |');
    for (const r of rows)
      lines.push(`| ${cell(r.path)} | ${cell(r.recreation, '')} | ${cell(r.cause, '')} |`);
  }
  lines.push('');
  for (const r of long) lines.push(longValueBlock(r));
  if (omitted > 0) lines.push(`*… ${omitted} more not shown.*`, '');
  lines.push('</details>', '');
  return lines.join('\n');
}

function parameterParts(stack: StackPlan, elsewhere: string): Part[] {
  const { rows, unchanged } = parameterRows(stack);
  if (rows.length === 0) return [];
  const group: RowGroup = { note: (n) => `| … ${n} more not shown (${elsewhere}) | | |` };
  const after = (r: (typeof rows)[number]) =>
    r.knownAfterDeploy !== undefined
      ? `*known after deploy*: ${escapeCell(r.knownAfterDeploy)}`
      : r.hidden
        ? '*(NoEcho: hidden)*'
        : cell(r.after);
  return [
    { text: '**Parameters**', tier: Tier.KEEP },
    { text: '', tier: Tier.KEEP },
    { text: '| Parameter | Before | After |', tier: Tier.KEEP },
    { text: '| --- | --- | --- |', tier: Tier.KEEP },
    ...rows.map((r) => ({
      tier: Tier.PARAMETERS,
      group,
      text: `| ${escapeCell(r.key)} | ${r.hidden && r.before !== undefined ? '*(NoEcho: hidden)*' : cell(r.before)} | ${after(r)} |`,
    })),
    { text: '', tier: Tier.KEEP, endOf: group },
    ...(unchanged > 0
      ? [
          {
            text: `${unchanged} unchanged parameter${unchanged === 1 ? '' : 's'} not shown.\n`,
            tier: Tier.KEEP,
          },
        ]
      : []),
  ];
}

/** The parts of one stack. `severe` holds the logical IDs whose change is a severe warning. */
export function stackParts(
  stack: StackPlan,
  severe: ReadonlySet<string>,
  elsewhere: string,
): Part[] {
  const intro =
    stack.source === 'template'
      ? 'Planned from the template: the stack cannot have a change set until its inputs exist, so property values are known after deploy.'
      : `Planned with a change set (${e(stack.templateSource)} template).`;
  const parts: Part[] = [
    { text: `### ${e(stack.stackName)} (${e(stack.role)})`, tier: Tier.KEEP },
    { text: '', tier: Tier.KEEP },
    { text: `${intro}\n`, tier: Tier.KEEP },
    ...parameterParts(stack, elsewhere),
  ];
  if (stack.changes.length === 0) {
    parts.push({ text: 'No changes.\n', tier: Tier.KEEP });
    return parts;
  }
  const group: RowGroup = { note: (n) => `| … | ${n} more not shown (${elsewhere}) | | |` };
  parts.push(
    { text: '**Resources**', tier: Tier.KEEP },
    { text: '', tier: Tier.KEEP },
    { text: '| Action | Logical ID | Type | Replacement |', tier: Tier.KEEP },
    { text: '| --- | --- | --- | --- |', tier: Tier.KEEP },
  );
  for (const c of stack.changes) {
    const kind = changeKind(c);
    const flag = severe.has(c.logicalId) ? ' ⚠️' : '';
    parts.push({
      tier: Tier.ROWS,
      group,
      ...(flag || kind === 'remove' || kind === 'replace' || kind === 'maybe-replace'
        ? { important: true as const }
        : {}),
      text: `| ${SYMBOL[kind]} ${ACTION_WORD[kind]}${flag} | ${escapeCell(c.logicalId)} | ${escapeCell(c.type)} | ${c.replacement && c.action === 'Modify' ? c.replacement : ''} |`,
    });
  }
  parts.push({ text: '', tier: Tier.KEEP, endOf: group });
  for (const c of stack.changes) {
    const block = detailsBlock(c);
    if (block !== undefined) parts.push({ text: block, tier: Tier.DETAILS });
  }
  return parts;
}
