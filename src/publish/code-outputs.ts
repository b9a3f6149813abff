import type { CodeSyncResult } from '../code/sync.js';
import type { ResultSink } from './sink.js';

/**
 * The code's outputs after a deploy: the object versions MWAA pins (empty for a file whose input
 * is not set) and the DAG counts.
 */
export function publishCodeOutputs(code: CodeSyncResult, sink: ResultSink): void {
  sink.setOutput('requirements-s3-object-version', code.versions.requirementsVersion ?? '');
  sink.setOutput('plugins-s3-object-version', code.versions.pluginsVersion ?? '');
  sink.setOutput('startup-script-s3-object-version', code.versions.startupScriptVersion ?? '');
  sink.setOutput('dags-added', String(code.dags.added));
  sink.setOutput('dags-changed', String(code.dags.changed));
  sink.setOutput('dags-removed', String(code.dags.removed));
}
