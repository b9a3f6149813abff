/**
 * The environment stack (templates/mwaa-environment.yaml): `AWS::MWAA::Environment` on the VPC
 * stack's private subnets and the prerequisite stack's role, bucket, security group and key.
 */
import type { LogType } from '../settings/environment-types.js';
import type { Settings } from '../settings/types.js';
import { spec } from './specs.js';
import type { ParameterSpec, StackContext, StackSpec } from './types.js';

/** Which output of which stack feeds each wired parameter of the environment template. */
export const ENVIRONMENT_WIRING: readonly {
  readonly parameter: string;
  readonly stack: 'vpc' | 'prerequisites';
  readonly output: string;
}[] = Object.freeze([
  { parameter: 'PrivateSubnet1', stack: 'vpc', output: 'PrivateSubnet1' },
  { parameter: 'PrivateSubnet2', stack: 'vpc', output: 'PrivateSubnet2' },
  { parameter: 'SecurityGroupId', stack: 'prerequisites', output: 'SecurityGroupId' },
  { parameter: 'ExecutionRoleArn', stack: 'prerequisites', output: 'ExecutionRoleArn' },
  { parameter: 'SourceBucketArn', stack: 'prerequisites', output: 'BucketArn' },
]);

/** The template's log-level parameter of each log type. */
export const LOG_LEVEL_PARAMETERS: Readonly<Record<LogType, string>> = Object.freeze({
  'dag-processing': 'DagProcessingLogLevel',
  scheduler: 'SchedulerLogLevel',
  task: 'TaskLogLevel',
  webserver: 'WebserverLogLevel',
  worker: 'WorkerLogLevel',
});

/** The code parameters the code sync may set; each defaults to empty (none, or latest). */
export const CODE_PARAMETERS = Object.freeze([
  'RequirementsS3Path',
  'RequirementsS3ObjectVersion',
  'PluginsS3Path',
  'PluginsS3ObjectVersion',
  'StartupScriptS3Path',
  'StartupScriptS3ObjectVersion',
] as const);

/**
 * The code parameters a deployed environment stack has now (from DescribeStacks), to keep them
 * when a run does not manage that code (no code inputs, or not that file).
 */
export function currentCodeParameters(
  parameters: readonly { ParameterKey?: string; ParameterValue?: string }[] | undefined,
): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const p of parameters ?? []) {
    const key = p.ParameterKey;
    if (key && (CODE_PARAMETERS as readonly string[]).includes(key) && p.ParameterValue) {
      kept[key] = p.ParameterValue;
    }
  }
  return kept;
}

/** The placeholder of an object version that exists only once the code sync has uploaded it. */
export const PENDING_VERSION = 'pending-upload';

/**
 * The marker line where the airflow-configuration-options mapping is written: the template's
 * parameters can only carry text, and `AirflowConfigurationOptions` is a JSON mapping.
 */
const OPTIONS_MARKER = /^([ \t]*)# AirflowConfigurationOptions: \{\}[ \t]*$/m;

/**
 * The environment stack's spec. Values from the other stacks are "known after deploy" while
 * those stacks do not exist yet, so a plan can still show the environment.
 */
export function environmentStackSpec(
  settings: Settings,
  templateBody: string,
  context: StackContext = {},
): StackSpec {
  const env = settings.environment;
  if (env === undefined)
    throw new Error('deploy-environment is off: there is no environment stack.');
  const outputsOf = { vpc: context.vpcOutputs, prerequisites: context.prerequisiteOutputs };
  const stackName = {
    vpc: settings.stacks.vpc.name,
    prerequisites: settings.stacks.prerequisites.name,
  };
  const wired: ParameterSpec[] = ENVIRONMENT_WIRING.map(({ parameter, stack, output }) => {
    const value = outputsOf[stack]?.[output];
    return value !== undefined
      ? { key: parameter, value }
      : { key: parameter, knownAfterDeploy: `output ${output} of stack ${stackName[stack]}` };
  });
  const key: ParameterSpec =
    settings.keyMode === 'aws-owned'
      ? { key: 'KmsKeyArn', value: '' }
      : context.prerequisiteOutputs?.['KmsKeyArn'] !== undefined
        ? { key: 'KmsKeyArn', value: context.prerequisiteOutputs['KmsKeyArn'] }
        : {
            key: 'KmsKeyArn',
            knownAfterDeploy: `output KmsKeyArn of stack ${stackName.prerequisites}`,
          };
  const code = CODE_PARAMETERS.flatMap((k): ParameterSpec[] => {
    const value = context.environmentCode?.[k];
    if (value !== undefined) return [{ key: k, value }];
    const pending = context.environmentCodePending?.[k];
    // A real change set still shows the environment updating; deploy plans it again with the
    // version the sync uploaded, so the placeholder never executes.
    if (pending !== undefined)
      return [{ key: k, value: PENDING_VERSION, knownAfterDeploy: pending }];
    const kept = context.environmentCodeKept?.[k];
    return kept !== undefined ? [{ key: k, value: kept }] : [];
  });
  return spec(settings, 'environment', withOptions(templateBody, env.airflowConfigurationOptions), [
    { key: 'EnvironmentName', value: settings.environmentName },
    ...wired,
    key,
    { key: 'AirflowVersion', value: env.airflowVersion ?? '' },
    { key: 'EnvironmentClass', value: env.environmentClass },
    { key: 'MinWorkers', value: String(env.minWorkers) },
    { key: 'MaxWorkers', value: String(env.maxWorkers) },
    { key: 'Schedulers', value: String(env.schedulers) },
    { key: 'WebserverAccessMode', value: env.webserverAccessMode },
    { key: 'WeeklyMaintenanceWindowStart', value: env.weeklyMaintenanceWindowStart ?? '' },
    { key: 'DagS3Path', value: env.dagS3Path },
    ...Object.entries(LOG_LEVEL_PARAMETERS).map(([type, parameter]) => ({
      key: parameter,
      value: env.logLevels[type as LogType],
    })),
    ...code,
  ]);
}

/** Writes the options mapping at the template's marker line (JSON is YAML's flow style). */
function withOptions(templateBody: string, options: Readonly<Record<string, string>>): string {
  if (Object.keys(options).length === 0) return templateBody;
  const marker = OPTIONS_MARKER.exec(templateBody);
  if (marker === null) {
    throw new Error(
      "Invalid input 'airflow-configuration-options': the environment template has no line " +
        "'# AirflowConfigurationOptions: {}' under the environment's Properties to write the options at; " +
        'add that line to your environment-template, or leave airflow-configuration-options empty.',
    );
  }
  return templateBody.replace(
    OPTIONS_MARKER,
    `${marker[1] ?? ''}AirflowConfigurationOptions: ${JSON.stringify(options)}`,
  );
}
