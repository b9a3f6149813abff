/**
 * The plan as plain text for the log and the terminal: no markdown, aligned columns, and
 * `+ ~ - ±` for add, modify, remove and replace. Values are cut short and cannot start a line,
 * so nothing in them can pass for a workflow command.
 */
import type { Plan } from '../plan/model.js';
import { codeTextLines } from './code-text.js';
import { prepareRender } from './context.js';
import type { RenderContext } from './context.js';
import { describeSecurityChange, securityKindLabel } from './describe.js';
import { escapeTerminal, neutraliseCommands, truncate } from './escape.js';
import { precheckWarnings } from './markdown-prechecks.js';
import { parameterRows } from './parameters.js';
import { propertyRows } from './properties.js';
import { destructiveWarnings, stackCounts, SYMBOL, changeKind, verdict } from './view.js';

/** A value is cut to this many characters. */
const MAX_VALUE_CHARS = 200;
/** A column is padded to at most this width (longer values just push the line). */
const MAX_COLUMN = 40;

const t = (text: string, max = MAX_VALUE_CHARS) => escapeTerminal(truncate(text, max));
const v = (text: string | undefined) =>
  text === undefined ? '(none)' : text === '' ? '""' : t(text);

function widths(rows: readonly (readonly string[])[]): number[] {
  const w: number[] = [];
  for (const row of rows)
    row.forEach((c, i) => (w[i] = Math.min(MAX_COLUMN, Math.max(w[i] ?? 0, c.length))));
  return w;
}

/** Rows as aligned columns; `right` lists the columns aligned right (numbers). */
function columns(
  rows: readonly (readonly string[])[],
  indent: string,
  right: ReadonlySet<number> = new Set(),
): string[] {
  const w = widths(rows);
  return rows.map((row) =>
    (
      indent +
      row
        .map((c, i) =>
          i === row.length - 1 && !right.has(i)
            ? c
            : right.has(i)
              ? c.padStart(w[i] ?? 0)
              : c.padEnd(w[i] ?? 0),
        )
        .join('  ')
    ).trimEnd(),
  );
}

/** The plan as plain text. */
export function renderPlanText(plan: Plan, ctx: RenderContext): string {
  const p = prepareRender(plan, ctx);
  const out: string[] = [];
  const meta = [
    `Region ${t(p.plan.region)}`,
    `Account ${p.plan.accountId ? t(p.plan.accountId) : 'not known (offline)'}`,
    ...(p.ctx.commitSha ? [`Commit ${t(p.ctx.commitSha.slice(0, 12))}`] : []),
    `Mode ${t(p.ctx.mode)}`,
  ];
  out.push(`MWAA plan: ${t(p.plan.environmentName)}`, `  ${meta.join(' | ')}`);
  if (p.ctx.runUrl) out.push(`  Run ${t(p.ctx.runUrl, 500)}`);
  out.push(verdict(p.plan, p.analysis).text, '');

  // Failed pre-checks first: a deploy of this plan stops on them.
  const failed = precheckWarnings(p.plan);
  if (failed.length > 0) {
    out.push(
      '!! Will it create? No: the MWAA environment would fail 20 to 40 minutes into its creation or update; a deploy of this plan stops before anything is created or changed.',
    );
    for (const w of failed) {
      out.push(`!! ${t(w.subject)} ${t(w.text, 1_000)}`);
      const rest = w.details.split('\n').slice(1);
      for (const line of rest.slice(0, 40)) out.push(`     ${t(line, 1_000)}`);
    }
  }
  const warnings = destructiveWarnings(p.analysis);
  for (const w of warnings)
    out.push(`${w.severe ? '!!' : ' !'} ${t(w.subject)} ${t(w.text, 1_000)}`);
  const drift = p.analysis.drift;
  if (drift.length > 0) {
    out.push(
      ` ! ${drift.length} resource${drift.length === 1 ? ' was' : 's were'} changed outside CloudFormation (drift); a deploy reverts those it updates (marked [reverted]):`,
    );
    for (const d of drift) {
      const where = `${t(d.logicalId)} (${t(d.type)}, ${t(d.stack)})${d.security ? ' [security]' : ''}${d.revertedByPlan ? ' [reverted]' : ''}`;
      if (d.status === 'DELETED' || d.differences.length === 0)
        out.push(`     ${where}: deleted outside CloudFormation`);
      for (const x of d.differences)
        out.push(`     ${where} ${t(x.path)}: template ${v(x.expected)}, AWS ${v(x.actual)}`);
    }
  }
  for (const s of p.plan.stacks)
    if (s.drift?.status === 'unavailable')
      out.push(
        `Note: ${t(s.stackName)}: ${t(s.drift.reason, 1_000)}; the plan went on without it.`,
      );
  for (const n of p.plan.warnings) out.push(`Note: ${t(n, 1_000)}`);
  for (const s of p.plan.stacks)
    for (const n of s.warnings) out.push(`Note: ${t(s.stackName)}: ${t(n, 1_000)}`);
  if (out[out.length - 1] !== '') out.push('');

  const summary = p.plan.stacks.map((s) => {
    const c = stackCounts(s);
    return [
      t(s.stackName),
      t(s.status),
      s.action,
      ...[c.add, c.modify, c.remove, c.replace].map(String),
    ];
  });
  out.push(
    ...columns(
      [['Stack', 'Status', 'Plan', 'Add', 'Modify', 'Remove', 'Replace'], ...summary],
      '',
      new Set([3, 4, 5, 6]),
    ),
    '',
  );

  for (const s of p.plan.stacks) {
    out.push(
      `${t(s.stackName)} (${s.role}): ${s.action}${s.source === 'template' ? ', planned from the template (values known after deploy)' : ''}`,
    );
    const params = parameterRows(s);
    if (params.rows.length > 0) {
      out.push('  Parameters');
      const rows = params.rows.map((r) => [
        t(r.key),
        r.hidden
          ? '(NoEcho: hidden)'
          : r.knownAfterDeploy !== undefined
            ? `${r.before === undefined ? '' : `${v(r.before)} -> `}(known after deploy: ${t(r.knownAfterDeploy)})`
            : r.before === undefined
              ? v(r.after)
              : `${v(r.before)} -> ${v(r.after)}`,
      ]);
      out.push(...columns(rows, '    '));
    }
    if (s.changes.length === 0) {
      out.push('  No changes.', '');
      continue;
    }
    out.push('  Resources');
    const heads = s.changes.map((c) => [
      SYMBOL[changeKind(c)],
      t(c.logicalId),
      t(c.type),
      c.action === 'Modify' && c.replacement && c.replacement !== 'False'
        ? `replacement ${c.replacement}`
        : '',
    ]);
    const lines = columns(heads, '    ');
    s.changes.forEach((c, i) => {
      out.push(lines[i] ?? '');
      const { rows, valued, omitted } = propertyRows(c, 50);
      for (const r of rows) {
        const extra = [
          r.recreation ? `recreation ${r.recreation}` : '',
          r.cause ? `via ${t(r.cause)}` : '',
        ]
          .filter(Boolean)
          .join(', ');
        const change = !valued
          ? ''
          : c.action === 'Add'
            ? `: ${v(r.after)}`
            : `: ${v(r.before)} -> ${v(r.after)}`;
        out.push(`        ${t(r.path)}${change}${extra ? ` (${extra})` : ''}`);
      }
      if (omitted > 0) out.push(`        ... ${omitted} more`);
    });
    out.push('');
  }

  out.push(...codeTextLines(p.plan.code));

  const security = p.analysis.securityChanges;
  if (security.length > 0) {
    out.push('Security-relevant changes');
    const sign = { added: '+', removed: '-', changed: '~' } as const;
    for (const c of security) {
      out.push(
        `  ${sign[c.change]} ${t(c.logicalId)} (${t(c.stack)}) ${t(securityKindLabel(c))}: ${c.broad ? 'BROAD ' : ''}${t(describeSecurityChange(c), 400)}`,
      );
    }
    out.push('');
  }
  return neutraliseCommands(out.join('\n').trimEnd() + '\n');
}
