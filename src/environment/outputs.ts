/** The environment stack's outputs as the action's outputs. */

/** The log group outputs of the environment template, one per enabled log type. */
const LOG_GROUP_OUTPUTS = [
  'DagProcessingLogGroupArn',
  'SchedulerLogGroupArn',
  'TaskLogGroupArn',
  'WebserverLogGroupArn',
  'WorkerLogGroupArn',
] as const;

/** `environment-arn`, `webserver-url` and `log-group-arns` (comma separated) from the stack's outputs. */
export function environmentOutputs(
  outputs: Readonly<Record<string, string>>,
): [name: string, value: string][] {
  return [
    ['environment-arn', outputs['EnvironmentArn'] ?? ''],
    ['webserver-url', outputs['WebserverUrl'] ?? ''],
    ['log-group-arns', logGroupArns(outputs).join(',')],
  ];
}

/** The log group ARNs among the outputs, in the template's order. */
export function logGroupArns(outputs: Readonly<Record<string, string>>): string[] {
  return LOG_GROUP_OUTPUTS.map((k) => outputs[k]).filter((v): v is string => !!v);
}
