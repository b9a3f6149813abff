/**
 * Verify: after deploy (or on its own in `verify` mode), check the deployed resources against
 * what MWAA requires, with read-only calls, and report every finding at once.
 */
import type { Logger } from '../shared/logger.js';
import { failure, pass } from './result.js';
import { resultsOk } from './report.js';
import type { VerifyReport } from './report.js';
import type { MwaaOutputs, VerifyClients, VerifySettings } from './types.js';

export { checkStackOutputs } from './outputs.js';
export type { OutputsCheck, StackOutputs } from './outputs.js';
export { formatVerifyReport } from './report.js';
export type { VerifyReport } from './report.js';
export { checkVpcDns, checkPrivateSubnets } from './network.js';
export { checkPrivateRouting } from './routing.js';
export { checkSecurityGroup } from './security-group.js';
export {
  checkBucketVersioning,
  checkBucketPublicAccess,
  checkBucketRegion,
  bucketRegion,
} from './bucket.js';
export { checkRoleTrust, AIRFLOW_PRINCIPALS } from './role.js';
export { checkKey, checkKeyPolicy } from './key.js';
export type { KeyPolicyContext } from './key.js';
export { logsStatement } from './key-policy.js';
export type * from './types.js';

/** What {@link verifyEnvironment} checks, and with what. */
export interface VerifyInput {
  readonly settings: VerifySettings;
  /** The outputs from {@link checkStackOutputs}. */
  readonly outputs: MwaaOutputs;
  /** Clients for the deployment Region and credentials; only read-only calls are made. */
  readonly clients: VerifyClients;
  /**
   * The problems {@link checkStackOutputs} found, if the caller wants them in the same report
   * (as a first `stack-outputs` result).
   */
  readonly outputProblems?: readonly string[];
  /** Receives one debug line per check with its evidence. */
  readonly log?: Logger;
}

const OUTPUTS = { id: 'stack-outputs', title: 'Stack outputs present and well formed' };

/**
 * Starts loading the checks (and the SDK modules their commands come from) without waiting for
 * them: a deploy calls this before its CloudFormation work, so compiling them overlaps the waits
 * instead of following them. A failure to load is left for {@link verifyEnvironment} to report.
 */
export function preloadChecks(): void {
  import('./checks.js').catch(() => undefined);
}

/**
 * Runs every check (independent ones concurrently) and gathers the results in a fixed order.
 * Never rejects because of AWS: a failing SDK call becomes a failed result naming the call.
 * The key checks run only in customer-managed mode.
 */
export async function verifyEnvironment(input: VerifyInput): Promise<VerifyReport> {
  // Loaded here, not at the top: see checks.ts.
  const { startChecks } = await import('./checks.js');
  const results = await Promise.all(startChecks(input));
  if (input.outputProblems !== undefined) {
    const problems = input.outputProblems;
    results.unshift(
      problems.length > 0 ? failure(OUTPUTS, problems) : pass(OUTPUTS, 'all present'),
    );
  }
  for (const r of results) {
    input.log?.debug(`verify ${r.id}: ${r.ok ? 'ok' : r.severity} (${r.details})`);
  }
  return { ok: resultsOk(results), results, outputs: input.outputs };
}
