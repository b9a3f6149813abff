import type { VerifyReport } from '../verify/index.js';
import { escapeCell } from './escape.js';

/** The checks as a table for the job summary: one row per check, failures first in words. */
export function renderVerifyMarkdown(report: VerifyReport): string {
  const icon = (ok: boolean, severity: string) =>
    ok ? '✅' : severity === 'warning' ? '⚠️' : '❌';
  const rows = report.results.map(
    (r) =>
      `| ${icon(r.ok, r.severity)} | ${escapeCell(r.title)} | ${r.ok ? '' : escapeCell(r.details)} |`,
  );
  const failed = report.results.filter((r) => !r.ok && r.severity === 'error').length;
  const verdict =
    failed === 0 ? 'All checks passed.' : `${failed} check${failed === 1 ? '' : 's'} failed.`;
  return [
    '### MWAA checks',
    '',
    verdict,
    '',
    '| | check | details |',
    '| --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}
