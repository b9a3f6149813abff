/**
 * CloudWatch Logs' DescribeLogGroups (awsJson1_1, `Logs_20140328.DescribeLogGroups`) over the
 * signed-request helper: the one Logs call verify makes, to find the environment's log groups.
 */
import { serviceEndpoint, signedJson } from '../aws/signed-request.js';
import type { CredentialSource } from '../aws/signed-request.js';

/** The fields of a log group verify reads. */
export interface LogGroup {
  readonly logGroupName: string;
  readonly arn?: string;
  /** The KMS key ARN the group is encrypted with; absent when CloudWatch's own encryption is used. */
  readonly kmsKeyId?: string;
}

export interface LogsReader {
  /** Every log group whose name starts with `prefix`, all pages. */
  logGroups(prefix: string): Promise<LogGroup[]>;
}

export function logsReader(options: {
  readonly region: string;
  readonly credentials: CredentialSource;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly fetch?: typeof fetch;
}): LogsReader {
  const service = {
    region: options.region,
    signingName: 'logs',
    endpoint: serviceEndpoint(
      options.env,
      { envName: 'CLOUDWATCH_LOGS', host: 'logs' },
      options.region,
    ),
    credentials: options.credentials,
    fetch: options.fetch,
  };
  return {
    async logGroups(prefix) {
      const groups: LogGroup[] = [];
      let nextToken: string | undefined;
      // A bound on pages: an environment has five groups; a prefix matching thousands is a bug.
      for (let page = 0; page < 100; page++) {
        const answer = await signedJson(service, {
          method: 'POST',
          path: '/',
          headers: {
            'content-type': 'application/x-amz-json-1.1',
            'x-amz-target': 'Logs_20140328.DescribeLogGroups',
          },
          body: { logGroupNamePrefix: prefix, ...(nextToken && { nextToken }) },
        });
        groups.push(...((answer['logGroups'] as LogGroup[] | undefined) ?? []));
        nextToken = typeof answer['nextToken'] === 'string' ? answer['nextToken'] : undefined;
        if (!nextToken) break;
      }
      return groups;
    },
  };
}
