/**
 * CloudWatch Logs' DescribeLogGroups (awsJson1_1, `X-Amz-Target: Logs_20140328.*`): the log
 * groups MWAA environments created, filtered by `logGroupNamePrefix`, paginated by `limit`
 * (1..50, default 50) and `nextToken`, after the CloudWatch Logs API reference.
 */
import type { FakeMwaa } from './mwaa.js';
import { notImplemented } from './protocols.js';
import { AwsError } from './wire.js';

export function handleLogs(
  mwaa: FakeMwaa,
  action: string,
  params: Record<string, unknown>,
): unknown {
  if (action !== 'DescribeLogGroups')
    throw notImplemented('CloudWatch Logs', action, 'UnknownOperationException');
  const prefix =
    typeof params['logGroupNamePrefix'] === 'string' ? params['logGroupNamePrefix'] : '';
  const limit = Number(params['limit'] ?? 50);
  if (!Number.isInteger(limit) || limit < 1 || limit > 50) {
    throw new AwsError('InvalidParameterException', 'limit must be between 1 and 50');
  }
  const all = [...mwaa.logGroups.values()]
    .filter((g) => g.logGroupName.startsWith(prefix))
    .sort((a, b) => (a.logGroupName < b.logGroupName ? -1 : 1));
  const start = params['nextToken'] === undefined ? 0 : Number(params['nextToken']);
  const page = all.slice(start, start + limit);
  return {
    logGroups: page.map((g) => ({ ...g, storedBytes: 0, metricFilterCount: 0 })),
    ...(start + limit < all.length ? { nextToken: String(start + limit) } : {}),
  };
}
