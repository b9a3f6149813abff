/**
 * The verification report as plain text for the log and the CLI: one line per check, with the
 * details of failures (and only of failures, so a clean run stays short).
 */
import { escapeControl } from '../settings/problems.js';
import type { CheckResult, MwaaOutputs } from './types.js';

/** Everything verification found. */
export interface VerifyReport {
  /** True when no check failed with severity `error` (warnings do not fail verification). */
  readonly ok: boolean;
  /** In a fixed order: stack outputs, network, security group, bucket, role, key. */
  readonly results: readonly CheckResult[];
  /** The outputs the checks ran against, for the next steps. */
  readonly outputs: MwaaOutputs;
  /** With `deploy-environment`: the environment stack's outputs (EnvironmentArn, WebserverUrl, ...). */
  readonly environmentOutputs?: Readonly<Record<string, string>>;
}

/** Whether these results pass: warnings are reported but do not fail. */
export function resultsOk(results: readonly CheckResult[]): boolean {
  return results.every((r) => r.ok || r.severity === 'warning');
}

/**
 * `✓ title` for a passing check, `✗ title: details` for a failed one, `⚠ title: details` for a
 * warning; detail lines after the first are indented under their check, and a last line sums up.
 * Control characters are escaped, since details quote AWS and user text into the log.
 */
export function formatVerifyReport(report: VerifyReport): string {
  const lines: string[] = [];
  for (const r of report.results) {
    if (r.ok) {
      lines.push(`✓ ${r.title}`);
      continue;
    }
    const [first = '', ...rest] = r.details.split('\n');
    lines.push(`${r.severity === 'warning' ? '⚠' : '✗'} ${r.title}: ${first}`);
    for (const line of rest) lines.push(`    ${line}`);
  }
  const failed = report.results.filter((r) => !r.ok && r.severity === 'error').length;
  const warned = report.results.filter((r) => !r.ok && r.severity === 'warning').length;
  const warnings = warned > 0 ? `, ${warned} warning${warned === 1 ? '' : 's'}` : '';
  const total = report.results.length;
  const passed = report.results.filter((r) => r.ok).length;
  lines.push(
    !report.ok
      ? `Verification failed: ${failed} of ${total} checks failed${warnings}.`
      : passed === total
        ? `Verified: all ${total} checks passed.`
        : `Verified: ${passed} of ${total} checks passed${warnings}.`,
  );
  return lines.map(escapeControl).join('\n');
}
