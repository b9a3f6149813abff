/**
 * The parts of the markdown that are always kept: the header with the verdict, the warnings
 * and the summary table. Their size does not grow with the plan: warnings and notes are capped.
 */
import type { Prepared } from './context.js';
import { escapeCell, escapeInline as e, truncate } from './escape.js';
import { Tier } from './budget.js';
import type { Part } from './budget.js';
import { stackCounts, verdict, warningGroups } from './view.js';
import type { VerdictLevel, WarningText } from './view.js';

/** At most this many items of one kind of warning, or of notes; the tables below have the rest. */
export const MAX_WARNING_ITEMS = 15;
/** Untrusted text in a warning or note is cut to this many characters. */
const MAX_NOTE_CHARS = 1_000;

const ICON: Readonly<Record<VerdictLevel, string>> = {
  none: '✅',
  changes: '📝',
  destructive: '🛑',
};

const keep = (...lines: string[]): Part[] => lines.map((text) => ({ text, tier: Tier.KEEP }));

/** An http(s) URL that is safe inside `[text](url)`, or undefined. */
export function safeUrl(url: string | undefined): string | undefined {
  // No spaces, quotes, angle brackets, backslashes, control or bidi characters: the URL is
  // printed as it is, in markdown and on terminals.
  if (
    url === undefined ||
    // eslint-disable-next-line no-control-regex -- refusing control characters is the point
    !/^https?:\/\/[^\s<>"'`\\\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]+$/.test(url)
  ) {
    return undefined;
  }
  return url.replace(/\(/g, '%28').replace(/\)/g, '%29');
}

function commit(p: Prepared): string | undefined {
  const sha = p.ctx.commitSha;
  if (!sha) return undefined;
  if (!/^[0-9a-f]{7,64}$/i.test(sha)) return e(truncate(sha, 64));
  const server = safeUrl(p.ctx.serverUrl ?? 'https://github.com');
  const repo = p.ctx.repository;
  const text = `<code>${sha.slice(0, 7)}</code>`;
  return server && repo && /^[\w.-]+\/[\w.-]+$/.test(repo)
    ? `[${text}](${server}/${repo}/commit/${sha})`
    : text;
}

/** Title, context line and verdict. */
export function headerParts(p: Prepared): Part[] {
  const v = verdict(p.plan, p.analysis);
  const meta = [
    `**Region** ${e(p.plan.region)}`,
    `**Account** ${p.plan.accountId ? e(p.plan.accountId) : 'not known (offline)'}`,
    ...(commit(p) ? [`**Commit** ${commit(p)}`] : []),
    `**Mode** ${e(p.ctx.mode)}`,
    ...(safeUrl(p.ctx.runUrl) ? [`[Workflow run](${safeUrl(p.ctx.runUrl)})`] : []),
  ];
  return keep(
    `## MWAA plan: ${e(p.plan.environmentName)}`,
    '',
    meta.join(' · '),
    '',
    `${ICON[v.level]} **${e(v.text)}**`,
    '',
  );
}

function items(list: readonly WarningText[], more: string): string[] {
  const shown = list.slice(0, MAX_WARNING_ITEMS).map((w) => `> - **${e(w.subject)}** ${e(w.text)}`);
  const rest = list.length - shown.length;
  return rest > 0 ? [...shown, `> - … and ${rest} more ${more}`] : shown;
}

/** The destructive-change warnings (first, loudest) and the plan's own notes. */
export function warningParts(p: Prepared): Part[] {
  const g = warningGroups(p.analysis);
  const severe = [
    ...items(g.keyMode, ''),
    ...items(g.network, 'subnets or VPCs (see the stacks below)'),
    ...items(g.stateful, 'resources holding data (see the stacks below)'),
  ];
  const lines: string[] = [];
  if (severe.length > 0) {
    lines.push(
      '> [!CAUTION]',
      '> **Destructive changes: review before deploying.**',
      '>',
      ...severe,
      '',
    );
  }
  if (g.routine.length > 0) {
    lines.push(
      '> [!WARNING]',
      `> ${severe.length > 0 ? 'Also removed or replaced' : 'Removed or replaced'} (no data is kept in these):`,
      '>',
      ...items(g.routine, '(see the stacks below)'),
      '',
    );
  }
  const notes = [
    ...p.plan.warnings,
    ...p.plan.stacks.flatMap((s) => s.warnings.map((w) => `${s.stackName}: ${w}`)),
  ];
  if (notes.length > 0) {
    const shown = notes
      .slice(0, MAX_WARNING_ITEMS)
      .map((n) => `> - ${e(truncate(n, MAX_NOTE_CHARS))}`);
    if (notes.length > shown.length) shown.push(`> - … and ${notes.length - shown.length} more`);
    lines.push('> [!NOTE]', ...shown, '');
  }
  return keep(...lines);
}

/** One row per stack: what it is, its status, and counts of each kind of change. */
export function summaryParts(p: Prepared): Part[] {
  const rows = p.plan.stacks.map((s) => {
    const c = stackCounts(s);
    const plan =
      s.source === 'template' && s.action !== 'none' ? `${s.action} (from the template)` : s.action;
    return `| ${escapeCell(s.stackName)} | ${escapeCell(s.status)} | ${plan} | ${c.add} | ${c.modify} | ${c.remove} | ${c.replace} |`;
  });
  return keep(
    '| Stack | Status | Plan | Add | Modify | Remove | Replace |',
    '| --- | --- | --- | ---: | ---: | ---: | ---: |',
    ...rows,
    '',
  );
}
