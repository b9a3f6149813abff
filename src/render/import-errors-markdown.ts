import type { ImportErrorsOutcome } from '../code/import-errors-stage.js';
import { escapeCell, escapeInline } from './escape.js';

/** At most this many rows in the job summary; the log lists every error. */
const MAX_ROWS = 100;

/**
 * Airflow's import errors after the deploy, for the job summary: one row per file, the files
 * this deploy changed first (they decide the step), or the one line saying why nothing was asked.
 */
export function renderImportErrorsMarkdown(outcome: ImportErrorsOutcome): string {
  const heading = '### Airflow import errors';
  if (outcome.kind !== 'checked') {
    return [
      heading,
      '',
      escapeInline(outcome.reason.replace(/^Import errors not checked: /, 'Not checked: ')),
      '',
    ].join('\n');
  }
  if (outcome.errors.length === 0) {
    return [heading, '', 'Airflow reports no import errors.', ''].join('\n');
  }
  const sorted = [...outcome.errors].sort(
    (a, b) => Number(b.changedByDeploy) - Number(a.changedByDeploy) || a.file.localeCompare(b.file),
  );
  const ours = sorted.filter((e) => e.changedByDeploy).length;
  const verdict = outcome.failed
    ? `❌ ${ours} DAG file${ours === 1 ? '' : 's'} this deploy changed failed to import.`
    : ours > 0
      ? `⚠️ ${ours} DAG file${ours === 1 ? '' : 's'} this deploy changed failed to import (import-errors: warn).`
      : `⚠️ ${sorted.length} import error${sorted.length === 1 ? '' : 's'}, none in a file this deploy changed.`;
  const rows = sorted
    .slice(0, MAX_ROWS)
    .map(
      (e) =>
        `| ${e.changedByDeploy ? 'yes' : ''} | ${escapeCell(e.file)} | ${escapeCell(e.message)} |`,
    );
  const more =
    sorted.length > MAX_ROWS ? [`_${sorted.length - MAX_ROWS} more in the log._`, ''] : [];
  return [
    heading,
    '',
    verdict,
    '',
    '| changed by this deploy | file | error |',
    '| --- | --- | --- |',
    ...rows,
    '',
    ...more,
  ].join('\n');
}
