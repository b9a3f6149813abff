/**
 * The hand-off to the environment stack: MWAA pins requirements.txt, plugins.zip and the startup
 * script by object version (RequirementsS3ObjectVersion and friends), so an environment update
 * is a change set like every other. These functions give the environment template's parameter
 * values as plain data; DAGs need none (MWAA reads DagS3Path continuously).
 */
import type { CodePlan, SingleFilePlan } from '../plan/code-model.js';
import type { CodeSyncResult } from './sync.js';

/** The environment template's code parameters. */
export type EnvironmentCodeParameter =
  | 'RequirementsS3Path'
  | 'RequirementsS3ObjectVersion'
  | 'PluginsS3Path'
  | 'PluginsS3ObjectVersion'
  | 'StartupScriptS3Path'
  | 'StartupScriptS3ObjectVersion';

const FILES = [
  ['requirements', 'RequirementsS3Path', 'RequirementsS3ObjectVersion', 'requirementsVersion'],
  ['plugins', 'PluginsS3Path', 'PluginsS3ObjectVersion', 'pluginsVersion'],
  ['startupScript', 'StartupScriptS3Path', 'StartupScriptS3ObjectVersion', 'startupScriptVersion'],
] as const;

/** After the sync: each set file's key and its version in the bucket now. */
export function environmentCodeAfterSync(
  plan: CodePlan,
  synced: CodeSyncResult,
): Partial<Record<EnvironmentCodeParameter, string>> {
  const values: Partial<Record<EnvironmentCodeParameter, string>> = {};
  for (const [file, path, version, field] of FILES) {
    const planned: SingleFilePlan | undefined = plan[file];
    if (!planned) continue;
    values[path] = planned.key;
    const v = synced.versions[field];
    if (v) values[version] = v;
  }
  return values;
}

/**
 * At plan time: an unchanged file keeps its current version (a known value, so the environment
 * does not update for it); a new or changed file's version exists only after the upload, so the
 * environment stack's plan shows it as known after deploy ("the environment will update").
 */
export function environmentCodeAtPlan(plan: CodePlan): {
  readonly values: Partial<Record<EnvironmentCodeParameter, string>>;
  readonly knownAfterDeploy: Partial<Record<EnvironmentCodeParameter, string>>;
} {
  const values: Partial<Record<EnvironmentCodeParameter, string>> = {};
  const knownAfterDeploy: Partial<Record<EnvironmentCodeParameter, string>> = {};
  for (const [file, path, version] of FILES) {
    const planned: SingleFilePlan | undefined = plan[file];
    if (!planned) continue;
    values[path] = planned.key;
    if (planned.status === 'unchanged' && planned.currentVersion) {
      values[version] = planned.currentVersion;
    } else {
      knownAfterDeploy[version] =
        `the new version of ${planned.key}${planned.currentVersion ? ` (now ${planned.currentVersion})` : ''}, uploaded by this deploy`;
    }
  }
  return { values, knownAfterDeploy };
}
