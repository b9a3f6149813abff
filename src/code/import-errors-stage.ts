/**
 * When to ask Airflow for import errors after a deploy, and of which environment: only when the
 * deploy uploaded or deleted DAG files (a DAG-free deploy changes nothing Airflow parses), the
 * policy is not `off`, and the environment is known: the one the environment stack deployed in
 * this run, or an existing environment named `environment-name`. It must be AVAILABLE (an
 * environment being created or updated has no scheduler to ask) and run Apache Airflow 2.4.3 or
 * later (MWAA user guide, "Using the Apache Airflow REST API": REST access from that version).
 * Each reason not to ask is one line, and the deploy goes on.
 */
import type { EnvironmentReaders } from '../environment/readers.js';
import type { CodeSettings } from '../settings/code.js';
import type { Clock } from '../shared/clock.js';
import { errorMessage } from '../shared/errors.js';
import type { Logger } from '../shared/logger.js';
import { checkImportErrors } from './import-errors.js';
import type { ImportErrorReport } from './import-errors.js';
import type { CodeSyncResult } from './sync.js';

/** The check's outcome: its report, or why it did not ask. */
export type ImportErrorsOutcome =
  ImportErrorReport | { readonly kind: 'skipped'; readonly reason: string };

/** At most this many errors in the step's failure message. */
const LISTED = 5;

/** The first Airflow version MWAA gives REST access to. */
const REST_SINCE = [2, 4, 3] as const;

/** Why not to ask at all, from the settings and what the sync did; undefined: ask. */
export function reasonNotToCheck(
  code: CodeSettings | undefined,
  synced: CodeSyncResult | undefined,
): string | undefined {
  if (!code?.paths['dags-path']) return 'no dags-path';
  if (code.importErrors === 'off') return 'import-errors is off';
  if (!synced) return 'the code was not synced';
  const { added, changed, removed } = synced.dags;
  if (added + changed + removed === 0) return 'no DAG file changed';
  return undefined;
}

/**
 * Runs the import-errors check after the code sync (see the module comment); undefined when the
 * run has no DAG folder (nothing to say).
 */
export async function checkDeployedDags(input: {
  readonly code: CodeSettings | undefined;
  readonly synced: CodeSyncResult | undefined;
  readonly environmentName: string;
  readonly readers: EnvironmentReaders | undefined;
  readonly clock: Clock;
  readonly log: Logger;
  readonly signal?: AbortSignal;
}): Promise<ImportErrorsOutcome | undefined> {
  const { code, synced, log, environmentName: name } = input;
  if (!code?.paths['dags-path']) return undefined;
  const skip = (reason: string): ImportErrorsOutcome => {
    log.info(`Import errors not checked: ${reason}.`);
    return { kind: 'skipped', reason };
  };
  const why = reasonNotToCheck(code, synced);
  if (why !== undefined) return skip(why);
  const readers = input.readers;
  if (!readers?.rest) return skip('no MWAA client');
  let environment;
  try {
    environment = await readers.mwaa.getEnvironment(name);
  } catch (error) {
    return skip(`could not read MWAA environment ${name} (${errorMessage(error)})`);
  }
  if (!environment) return skip(`there is no MWAA environment named ${name}`);
  if (environment.Status !== 'AVAILABLE') {
    return skip(`MWAA environment ${name} is ${environment.Status ?? 'in an unknown state'}`);
  }
  const version = environment.AirflowVersion;
  if (version !== undefined && olderThan(version, REST_SINCE)) {
    const reason = `Import errors not checked: environment ${name} runs Apache Airflow ${version}; MWAA gives REST access from 2.4.3.`;
    log.info(reason);
    return { kind: 'unavailable', reason };
  }
  return checkImportErrors({
    invoke: readers.rest,
    environmentName: name,
    changedFiles: synced?.changedDags ?? [],
    ...(synced?.startedAt !== undefined && { uploadedAt: synced.startedAt }),
    waitMs: code.importErrorsWaitSeconds * 1000,
    failOnError: code.importErrors === 'fail',
    clock: input.clock,
    log,
    ...(input.signal && { signal: input.signal }),
  });
}

/** The step's failure message when a new import error fails it by policy; undefined otherwise. */
export function importErrorsFailure(outcome: ImportErrorsOutcome | undefined): string | undefined {
  if (outcome?.kind !== 'checked' || !outcome.failed) return undefined;
  const ours = outcome.errors.filter((e) => e.changedByDeploy);
  // The first few in the failure line; the log and the summary list every one.
  const shown = ours.slice(0, LISTED).map((e) => `${e.file}: ${e.message}`);
  if (ours.length > LISTED) shown.push(`and ${ours.length - LISTED} more (see the log)`);
  const list = shown.join('; ');
  return (
    `Airflow could not import ${ours.length} DAG file${ours.length === 1 ? '' : 's'} this deploy changed: ${list}. ` +
    'Fix the file (or set import-errors: warn to only report it).'
  );
}

/** True when dotted `version` is below `minimum` (2.4.2 < 2.4.3 < 2.10.1). */
function olderThan(version: string, minimum: readonly number[]): boolean {
  const parts = version.split('.').map((p) => Number.parseInt(p, 10) || 0);
  for (let i = 0; i < minimum.length; i++) {
    const a = parts[i] ?? 0;
    const b = minimum[i]!;
    if (a !== b) return a < b;
  }
  return false;
}
