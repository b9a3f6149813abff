/**
 * The environment itself, after deploy: AVAILABLE, its last update succeeded, and it uses the
 * stacks' execution role, subnets, security group, bucket and key; and its CloudWatch log groups
 * exist for the enabled log types, encrypted with the key in customer-managed mode.
 */
import type { LogsReader } from '../environment/logs-api.js';
import type { MwaaEnvironment, MwaaReader } from '../environment/mwaa-api.js';
import { lastUpdateError } from '../environment/mwaa-api.js';
import { call, failure, guarded, pass } from './result.js';
import type { CheckResult, MwaaOutputs } from './types.js';

const ENVIRONMENT_CHECK = {
  id: 'mwaa-environment',
  title:
    'MWAA environment AVAILABLE, last update succeeded, on the stacks’ role, network, bucket and key',
};
const LOG_GROUPS_CHECK = {
  id: 'mwaa-log-groups',
  title: 'Environment log groups exist (encrypted with the key in customer-managed mode)',
};

/** `airflow:GetEnvironment`: state and configuration against the stack outputs. */
export function checkMwaaEnvironment(
  mwaa: MwaaReader,
  name: string,
  outputs: MwaaOutputs,
): Promise<{ result: CheckResult; environment?: MwaaEnvironment }> {
  let environment: MwaaEnvironment | undefined;
  const result = guarded(ENVIRONMENT_CHECK, async () => {
    environment = await call('airflow:GetEnvironment', () => mwaa.getEnvironment(name));
    if (!environment) return failure(ENVIRONMENT_CHECK, `environment ${name} does not exist`);
    const e = environment;
    const problems: string[] = [];
    if (e.Status !== 'AVAILABLE')
      problems.push(`the environment is ${e.Status ?? 'in no state'}, not AVAILABLE`);
    if (e.LastUpdate?.Status !== undefined && e.LastUpdate.Status !== 'SUCCESS') {
      problems.push(
        `its last update ended ${e.LastUpdate.Status}${lastUpdateError(e) ? ` (${lastUpdateError(e)})` : ''}`,
      );
    }
    if (e.ExecutionRoleArn !== outputs.executionRoleArn) {
      problems.push(
        `it uses the execution role ${e.ExecutionRoleArn ?? '(none)'}, not ${outputs.executionRoleArn}`,
      );
    }
    const subnets = [...(e.NetworkConfiguration?.SubnetIds ?? [])].sort();
    if (subnets.join(',') !== [...outputs.privateSubnetIds].sort().join(',')) {
      problems.push(
        `it runs in subnets ${subnets.join(', ') || '(none)'}, not ${outputs.privateSubnetIds.join(', ')}`,
      );
    }
    if (!(e.NetworkConfiguration?.SecurityGroupIds ?? []).includes(outputs.securityGroupId)) {
      problems.push(`it does not use the security group ${outputs.securityGroupId}`);
    }
    if (e.SourceBucketArn !== outputs.bucketArn) {
      problems.push(
        `it reads the bucket ${e.SourceBucketArn ?? '(none)'}, not ${outputs.bucketArn}`,
      );
    }
    const key = e.KmsKey ?? '';
    if (key !== (outputs.kmsKeyArn ?? '')) {
      problems.push(
        `it is encrypted with ${key || 'an AWS owned key'}, not ${outputs.kmsKeyArn ?? 'an AWS owned key'}`,
      );
    }
    if (problems.length > 0)
      return failure(
        ENVIRONMENT_CHECK,
        problems.map((p) => `${name}: ${p}`),
      );
    return pass(
      ENVIRONMENT_CHECK,
      `${name}: AVAILABLE, last update ${e.LastUpdate?.Status ?? 'none'}`,
    );
  });
  return result.then((r) => ({ result: r, ...(environment && { environment }) }));
}

/** `logs:DescribeLogGroups`: a group for each enabled log type, with the key when there is one. */
export function checkMwaaLogGroups(
  logs: LogsReader,
  environment: MwaaEnvironment | undefined,
  name: string,
  keyArn: string | undefined,
): Promise<CheckResult> {
  return guarded(LOG_GROUPS_CHECK, async () => {
    if (!environment)
      return failure(
        LOG_GROUPS_CHECK,
        `environment ${name} could not be read, so its log groups were not checked`,
      );
    const enabled = Object.entries(environment.LoggingConfiguration ?? {}).filter(
      ([, c]) => c.Enabled,
    );
    const groups = await call('logs:DescribeLogGroups', () => logs.logGroups(`airflow-${name}-`));
    const problems: string[] = [];
    for (const [type, config] of enabled) {
      const groupName = config.CloudWatchLogGroupArn?.split(':log-group:')[1]?.replace(/:\*$/, '');
      const group = groups.find((g) => g.logGroupName === groupName);
      if (!groupName || !group) {
        problems.push(`the log group of ${type} (${groupName ?? 'no ARN given'}) does not exist`);
      } else if (keyArn && group.kmsKeyId !== keyArn) {
        problems.push(
          `log group ${groupName} is encrypted with ${group.kmsKeyId ?? 'no KMS key'}, not ${keyArn}`,
        );
      }
    }
    if (problems.length > 0) return failure(LOG_GROUPS_CHECK, problems);
    return pass(
      LOG_GROUPS_CHECK,
      `${enabled.length} log groups${keyArn ? `, encrypted with ${keyArn}` : ''}`,
    );
  });
}
