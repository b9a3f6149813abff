import type { Plan, StackPlan } from '../plan/model.js';
import { planHasChanges } from '../plan/model.js';
import { escapeMarkdown as e } from './escape.js';

function counts(stack: StackPlan): string {
  const n = (a: string) => stack.changes.filter((c) => c.action === a).length;
  const replaced = stack.changes.filter(
    (c) => c.replacement === 'True' || c.replacement === 'Conditional',
  ).length;
  return `| ${n('Add')} | ${n('Modify')} | ${n('Remove')} | ${replaced} |`;
}

/**
 * A plain markdown summary of a plan: a verdict, one table row per stack, then each stack's
 * changes. The full renderer (PR comment) builds on the same plan model.
 */
export function planSummaryMarkdown(plan: Plan): string {
  const lines: string[] = [];
  const verdict = planHasChanges(plan)
    ? `${plan.stacks.reduce((n, s) => n + s.changes.length, 0)} changes`
    : 'no changes';
  lines.push(
    `## MWAA groundwork plan: ${e(plan.environmentName)} (${e(plan.region)}): ${verdict}`,
    '',
  );
  for (const w of plan.warnings) lines.push(`> [!NOTE]`, `> ${e(w)}`, '');
  lines.push(
    '| stack | status | action | add | modify | remove | replace |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  );
  for (const s of plan.stacks)
    lines.push(`| ${e(s.stackName)} | ${e(s.status)} | ${s.action} ${counts(s)}`);
  lines.push('');
  for (const s of plan.stacks) {
    lines.push(`### ${e(s.stackName)}`, '');
    for (const w of s.warnings) lines.push(`> [!WARNING]`, `> ${e(w)}`, '');
    if (s.changes.length === 0) {
      lines.push('No changes.', '');
      continue;
    }
    lines.push('| action | logical ID | type | replacement |', '| --- | --- | --- | --- |');
    for (const c of s.changes) {
      lines.push(`| ${c.action} | ${e(c.logicalId)} | ${e(c.type)} | ${c.replacement ?? ''} |`);
    }
    const unknown = s.parameters.filter((p) => p.knownAfterDeploy);
    if (unknown.length > 0) {
      lines.push(
        '',
        ...unknown.map((p) => `- ${e(p.key)}: known after deploy (${e(p.knownAfterDeploy ?? '')})`),
      );
    }
    lines.push('');
  }
  return lines.join('\n');
}
