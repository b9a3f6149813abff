/**
 * Reading a key policy for the CloudWatch Logs statement MWAA's user guide requires, and
 * writing that statement out for a user to add.
 */
import { knownPartitionOf } from '../settings/names.js';
import { allowsService, grantsAction, parsePolicy, strings, wildcardMatch } from './policy.js';
import type { PolicyStatement } from './policy.js';

/** Where the logs statement applies: the key's Region and the environment's account and name. */
export interface LogsStatementContext {
  readonly keyArn: string;
  readonly region: string;
  readonly accountId: string;
  readonly environmentName: string;
}

/** The actions the guide grants, as the policy writes them. */
export const LOGS_ACTIONS = [
  'kms:Encrypt*',
  'kms:Decrypt*',
  'kms:ReEncrypt*',
  'kms:GenerateDataKey*',
  'kms:Describe*',
] as const;

// The key actions those wildcards stand for: a policy covers the guide's statement when it
// grants each of these, whether as `kms:*`, the guide's wildcards, or one by one.
const CONCRETE_ACTIONS = [
  'kms:Encrypt',
  'kms:Decrypt',
  'kms:ReEncryptFrom',
  'kms:ReEncryptTo',
  'kms:GenerateDataKey',
  'kms:GenerateDataKeyWithoutPlaintext',
  'kms:GenerateDataKeyPair',
  'kms:GenerateDataKeyPairWithoutPlaintext',
  'kms:DescribeKey',
];

/** The log groups MWAA creates for an environment, one per Airflow component. */
const LOG_GROUP_KINDS = ['DAGProcessing', 'Scheduler', 'Task', 'WebServer', 'Worker'] as const;

const CONTEXT_KEY = 'kms:encryptioncontext:aws:logs:arn';
// Operators whose values are patterns (ArnEquals matches wildcards just as ArnLike does).
const PATTERN_OPERATORS = new Set(['arnlike', 'arnequals', 'stringlike']);

function partitionOf(context: LogsStatementContext): string {
  return context.keyArn.split(':')[1] || knownPartitionOf(context.region) || 'aws';
}

/** The statement from MWAA's user guide, for this key's partition, Region and account. */
export function logsStatement(context: LogsStatementContext): Record<string, unknown> {
  const partition = partitionOf(context);
  return {
    Sid: 'Allow logs access',
    Effect: 'Allow',
    Principal: { Service: `logs.${context.region}.amazonaws.com` },
    Action: [...LOGS_ACTIONS],
    Resource: '*',
    Condition: {
      ArnLike: {
        'kms:EncryptionContext:aws:logs:arn': `arn:${partition}:logs:${context.region}:${context.accountId}:*`,
      },
    },
  };
}

/**
 * Why the policy does not let CloudWatch Logs use the key for this environment, or undefined
 * when it does. A statement counts when it allows the `logs.<region>` service principal and its
 * `kms:EncryptionContext:aws:logs:arn` condition (if any: none is broader still) matches every
 * log group ARN of the environment, `arn:<partition>:logs:<region>:<account>:log-group:airflow-<env>-<Kind>`,
 * as the guide's `arn:<partition>:logs:<region>:<account>:*` does. Actions may be spread across
 * such statements. Deny statements are not evaluated.
 */
export function logsStatementProblem(
  policy: string,
  context: LogsStatementContext,
): string | undefined {
  let statements: PolicyStatement[];
  try {
    statements = parsePolicy(policy);
  } catch {
    return `the key policy of ${context.keyArn} is not valid JSON`;
  }
  const service = `logs.${context.region}.amazonaws.com`;
  const partition = partitionOf(context);
  const logGroups = LOG_GROUP_KINDS.map(
    (kind) =>
      `arn:${partition}:logs:${context.region}:${context.accountId}:log-group:airflow-${context.environmentName}-${kind}`,
  );
  const forLogs = statements.filter((s) => allowsService(s, service));
  if (forLogs.length === 0) {
    return `the key policy of ${context.keyArn} has no statement allowing ${service}`;
  }
  const usable = forLogs.filter((s) => conditionCovers(s, logGroups));
  if (usable.length === 0) {
    return `the key policy of ${context.keyArn} allows ${service} only under a condition that excludes this environment's log groups (kms:EncryptionContext:aws:logs:arn must cover arn:${partition}:logs:${context.region}:${context.accountId}:*)`;
  }
  const missing = CONCRETE_ACTIONS.filter((a) => !usable.some((s) => grantsAction(s, a)));
  if (missing.length > 0) {
    return `the key policy of ${context.keyArn} does not grant ${service} ${missing.join(', ')} (needs ${LOGS_ACTIONS.join(', ')})`;
  }
  return undefined;
}

/** The statement's logs-ARN condition admits every one of `arns` (or it has no such condition). */
function conditionCovers(statement: PolicyStatement, arns: readonly string[]): boolean {
  for (const [operator, keys] of Object.entries(statement.condition)) {
    for (const [key, value] of Object.entries(keys)) {
      if (key.toLowerCase() !== CONTEXT_KEY) continue;
      const op = operator
        .toLowerCase()
        .replace(/^for(any|all)value:/, '')
        .replace(/ifexists$/, '');
      const values = strings(value);
      const matches = (arn: string): boolean =>
        PATTERN_OPERATORS.has(op)
          ? values.some((v) => wildcardMatch(v, arn))
          : op === 'stringequals' && values.includes(arn);
      if (!arns.every(matches)) return false;
    }
  }
  return true;
}
