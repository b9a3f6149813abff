/**
 * What a plan means for an existing MWAA environment, in words a reviewer cannot miss:
 * - a replacement (a new name, KMS key, subnets or endpoint management) is a new environment
 *   with a new metadata database: DAG run history, connections and variables stored in Airflow
 *   are lost. It is the most destructive change this product can make, so it comes first and
 *   is a policy violation unless allow-destructive names its logical ID;
 * - a key-mode switch while an environment exists replaces it (KmsKey forces replacement);
 * - an in-place update restarts the environment's components: 10 to 30 minutes of downtime.
 */
import type { DestructiveChange } from '../plan/analysis.js';
import type { Plan, StackPlan } from '../plan/model.js';

/** The resource type of the environment. */
export const ENVIRONMENT_TYPE = 'AWS::MWAA::Environment';

/** A warning's subject and text, as the renderers show them. */
export interface EnvironmentWarning {
  readonly subject: string;
  readonly severe: true;
  readonly text: string;
}

/** The warning for a destructive change to an environment; undefined for any other type. */
export function environmentWarning(d: DestructiveChange): EnvironmentWarning | undefined {
  if (d.type !== ENVIRONMENT_TYPE) return undefined;
  const subject = `The MWAA environment ${d.logicalId} in stack ${d.stack}`;
  const how =
    d.reason === 'remove'
      ? 'is removed from the stack'
      : d.reason === 'replace'
        ? 'is REPLACED'
        : 'may be REPLACED (CloudFormation decides during the deploy)';
  const retainedNote =
    d.retained === true
      ? ' The old environment is retained (and still billed) outside the stack.'
      : '';
  return {
    subject,
    severe: true,
    text:
      `${how}: a new environment means a new metadata database, so DAG run history, connections and variables stored in Airflow are lost, and creating it takes 20 to 40 minutes.${retainedNote} ` +
      `This violates fail-on-destructive unless allow-destructive names ${d.logicalId}.`,
  };
}

/** Notes for the environment stack's plan: restarts and downtime, and a key-mode switch's consequence. */
export function environmentNotes(plan: Plan): string[] {
  const env = plan.stacks.find((s) => s.role === 'environment');
  if (env === undefined || env.status === 'MISSING') return [];
  const notes: string[] = [];
  const switched = keyModeChange(plan.stacks.find((s) => s.role === 'prerequisites'));
  if (switched) {
    notes.push(
      `The key mode changes (${switched}) while environment ${plan.environmentName} exists: its KmsKey changes, which replaces the environment (new metadata database; run history, connections and variables lost).`,
    );
  }
  const updated = env.changes.find(
    (c) => c.type === ENVIRONMENT_TYPE && c.action === 'Modify' && c.replacement === 'False',
  );
  if (updated) {
    const what = updated.details.map((d) => d.name).filter((n): n is string => !!n);
    notes.push(
      `Updating environment ${plan.environmentName}${what.length ? ` (${[...new Set(what)].join(', ')})` : ''} restarts its schedulers, workers and web server: expect 10 to 30 minutes during which tasks may be interrupted and the Airflow UI may be unavailable.`,
    );
  }
  return notes;
}

function keyModeChange(stack: StackPlan | undefined): string | undefined {
  const p = stack?.parameters.find((x) => x.key === 'KeyMode');
  if (p?.before === undefined || p.after === undefined || p.before === p.after) return undefined;
  return `${p.before} → ${p.after}`;
}
