/**
 * A fake of Amazon MWAA (the `airflow` REST-JSON API) and of what an environment leaves in the
 * account: its CloudWatch log groups and, with a customer managed key, the four KMS grants.
 * CloudFormation's AWS::MWAA::Environment goes through it (providers.ts), as the real resource
 * handler calls MWAA.
 *
 * Behaviours modelled, with their sources:
 * - Statuses CREATING → AVAILABLE or CREATE_FAILED; UPDATING → AVAILABLE; DELETING → gone
 *   (API reference, Environment.Status). A failed update that MWAA rolls back ends AVAILABLE with
 *   `LastUpdate.Status` FAILED and `LastUpdate.Error` (MWAA user guide, "update rollback").
 * - `LastUpdate` {Status SUCCESS|PENDING|FAILED, CreatedAt, Error{ErrorCode, ErrorMessage}, Source}
 *   (API reference, LastUpdate). Timestamps are epoch seconds (REST-JSON).
 * - Durations: creation 20 to 40 minutes, updates 10 to 30, deletion about 20 (MWAA user guide);
 *   REALISTIC_MWAA_MS holds them for tests with a fake clock, the defaults are scaled down.
 * - A customer managed key gets four grants named after the environment, grantee and retiring
 *   principal airflow.{region}.amazonaws.com (seed 001, "Grant policies").
 * - A key policy without the CloudWatch Logs statement makes the log groups, and so the
 *   environment, fail (seed 001, "Attaching key policies"; mwaa-requirements.md). MWAA does not
 *   say why: a create that fails on its configuration ends CREATE_FAILED with ErrorCode
 *   INCORRECT_CONFIGURATION and a generic message naming neither the key nor the log group, as
 *   quoted from a real failure in LBHackney-IT/Data-Platform#1764 (2024). That the key-policy case
 *   gives exactly this code and text is not confirmed by a reference; the generic text is the
 *   harder case for the product, which is why the plan's pre-check names the key and the fix.
 * - Log groups airflow-{env}-{DAGProcessing|Scheduler|Task|WebServer|Worker} for enabled types,
 *   encrypted with the key in customer-managed mode (MWAA user guide, monitoring).
 * - GetEnvironment of an unknown name: 404 ResourceNotFoundException (API reference).
 */
import { keyAllowsLogs } from './kms-policy.js';
import type { Inventory } from './inventory.js';
import type { KmsGrants } from './kms-grants.js';
import { MWAA_LOG_TYPES } from './physical-ids.js';
import type { CfnState } from './state.js';

/** How long MWAA operations take in the real service (for tests on a fake clock). */
export const REALISTIC_MWAA_MS = { create: 25 * 60_000, update: 15 * 60_000, delete: 20 * 60_000 };

/** MWAA's LastUpdate.Error.ErrorMessage for a create that failed on its configuration. */
export const INCORRECT_CONFIGURATION_MESSAGE =
  'You may need to check the execution role permissions policy for your environment, and that each of the VPC networking components required by the environment are configured to allow traffic. Troubleshooting: https://docs.aws.amazon.com/mwaa/latest/userguide/troubleshooting.html';

export interface MwaaOptions {
  /** Defaults scaled down for wall-clock tests: 300, 200 and 100 ms. */
  readonly createMs?: number;
  readonly updateMs?: number;
  readonly deleteMs?: number;
  /**
   * How long after a DAG file's upload the fake scheduler reports its import error (see
   * mwaa-invoke.ts; MWAA: a bucket sync about every 30 s, then a parse). Default 200 ms.
   */
  readonly dagScanMs?: number;
}

/** A scripted failure of an environment operation. */
export interface EnvironmentFailure {
  readonly operation: 'create' | 'update';
  readonly errorCode: string;
  readonly errorMessage: string;
  times?: number;
}

export interface EnvironmentRecord {
  readonly name: string;
  readonly arn: string;
  status: string;
  properties: Record<string, unknown>;
  readonly createdAt: Date;
  lastUpdate: {
    Status: 'SUCCESS' | 'PENDING' | 'FAILED';
    CreatedAt: number;
    Source: string;
    Error?: { ErrorCode: string; ErrorMessage: string };
  };
  webserverUrl: string;
  logGroups: Record<string, string>;
}

/** A log group as CloudWatch Logs describes it. */
export interface LogGroupRecord {
  readonly logGroupName: string;
  readonly arn: string;
  readonly creationTime: number;
  kmsKeyId?: string;
}

/** What `plan` decides when CloudFormation starts an operation. */
export interface PlannedOperation {
  readonly durationMs: number;
  /** MWAA's error, when the operation will fail. */
  readonly error?: { ErrorCode: string; ErrorMessage: string };
}

export class FakeMwaa {
  readonly environments = new Map<string, EnvironmentRecord>();
  readonly logGroups = new Map<string, LogGroupRecord>();
  readonly failures: EnvironmentFailure[] = [];
  private readonly ms: Required<Omit<MwaaOptions, 'dagScanMs'>>;
  /** See {@link MwaaOptions.dagScanMs}. */
  readonly dagScanMs: number;

  constructor(
    readonly cfn: CfnState,
    private readonly inventory: Inventory,
    private readonly grants: KmsGrants,
    options: MwaaOptions = {},
  ) {
    const { dagScanMs = 200, ...ms } = options;
    this.ms = { createMs: 300, updateMs: 200, deleteMs: 100, ...ms };
    this.dagScanMs = dagScanMs;
  }

  /** How an operation on these properties will go: its duration and, if it fails, MWAA's error. */
  plan(
    operation: 'create' | 'update' | 'delete',
    properties: Record<string, unknown>,
  ): PlannedOperation {
    if (operation === 'delete') return { durationMs: this.ms.deleteMs };
    const durationMs = operation === 'create' ? this.ms.createMs : this.ms.updateMs;
    const scripted = this.failures.find(
      (f) => f.operation === operation && (f.times === undefined || f.times > 0),
    );
    if (scripted) {
      if (scripted.times !== undefined) scripted.times -= 1;
      return {
        durationMs,
        error: { ErrorCode: scripted.errorCode, ErrorMessage: scripted.errorMessage },
      };
    }
    const keyArn = typeof properties['KmsKey'] === 'string' ? properties['KmsKey'] : '';
    if (operation === 'create' && keyArn !== '' && !keyAllowsLogs(this.inventory, keyArn)) {
      return {
        durationMs,
        error: {
          ErrorCode: 'INCORRECT_CONFIGURATION',
          ErrorMessage: INCORRECT_CONFIGURATION_MESSAGE,
        },
      };
    }
    return { durationMs };
  }

  /** Starts an operation at `at` (ms) as planned: the status now, the outcome after its duration. */
  begin(
    operation: 'create' | 'update' | 'delete',
    name: string,
    properties: Record<string, unknown>,
    attributes: Record<string, string>,
    planned: PlannedOperation,
    at: number,
  ): void {
    const existing = this.environments.get(name);
    if (operation === 'delete') {
      if (!existing) return;
      existing.status = 'DELETING';
      this.cfn.schedule(at + planned.durationMs, () => this.remove(existing));
      return;
    }
    const record: EnvironmentRecord = existing ?? {
      name,
      arn: attributes['Arn'] ?? '',
      status: 'CREATING',
      properties,
      createdAt: new Date(at),
      lastUpdate: { Status: 'PENDING', CreatedAt: at / 1000, Source: 'CloudFormation' },
      webserverUrl: attributes['WebserverUrl'] ?? '',
      logGroups: {},
    };
    record.status = operation === 'create' ? 'CREATING' : 'UPDATING';
    record.lastUpdate = { Status: 'PENDING', CreatedAt: at / 1000, Source: 'CloudFormation' };
    this.environments.set(name, record);
    const previous = record.properties;
    this.cfn.schedule(at + planned.durationMs, () => {
      if (planned.error) {
        record.lastUpdate = { ...record.lastUpdate, Status: 'FAILED', Error: planned.error };
        // A failed create stays CREATE_FAILED; a failed update is rolled back by MWAA.
        record.status = operation === 'create' ? 'CREATE_FAILED' : 'AVAILABLE';
        record.properties = previous;
        return;
      }
      record.properties = properties;
      record.status = 'AVAILABLE';
      record.lastUpdate = { ...record.lastUpdate, Status: 'SUCCESS' };
      this.attach(record, attributes);
    });
  }

  /** Log groups for the enabled log types, and the key's four grants (seed 001). */
  private attach(record: EnvironmentRecord, attributes: Record<string, string>): void {
    const logging = (record.properties['LoggingConfiguration'] ?? {}) as Record<
      string,
      { Enabled?: unknown }
    >;
    const keyArn =
      typeof record.properties['KmsKey'] === 'string' ? record.properties['KmsKey'] : undefined;
    for (const [type] of MWAA_LOG_TYPES) {
      const arn = attributes[`LoggingConfiguration.${type}.CloudWatchLogGroupArn`];
      const enabled = logging[type]?.Enabled === true || logging[type]?.Enabled === 'true';
      if (!arn || !enabled) continue;
      const logGroupName = arn.split(':log-group:')[1] ?? '';
      record.logGroups[type] = arn;
      if (!this.logGroups.has(logGroupName)) {
        this.logGroups.set(logGroupName, {
          logGroupName,
          arn: `${arn}:*`,
          creationTime: this.cfn.now(),
          ...(keyArn ? { kmsKeyId: keyArn } : {}),
        });
      }
    }
    if (keyArn) this.grants.attachMwaaGrants(keyArn, record.name, this.cfn.options.region);
  }

  private remove(record: EnvironmentRecord): void {
    this.environments.delete(record.name);
    const key = record.properties['KmsKey'];
    if (typeof key === 'string' && key !== '') this.grants.retireMwaaGrants(key, record.name);
  }
}
