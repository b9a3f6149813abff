/**
 * The environment's checks, added to verify's report when `deploy-environment` is on: the
 * environment itself, its log groups and, with a customer managed key, MWAA's four grants.
 */
import { checkMwaaGrants } from '../verify/grants.js';
import { checkMwaaEnvironment, checkMwaaLogGroups } from '../verify/mwaa-environment.js';
import { resultsOk } from '../verify/report.js';
import type { VerifyReport } from '../verify/report.js';
import type { CheckResult, KmsSender, VerifySettings } from '../verify/types.js';
import type { EnvironmentReaders } from './readers.js';

/** The report with the environment's checks appended (and `ok` recomputed). */
export async function withEnvironmentChecks(
  report: VerifyReport,
  settings: VerifySettings,
  readers: EnvironmentReaders,
  kms: KmsSender,
  environmentOutputs?: Readonly<Record<string, string>>,
): Promise<VerifyReport> {
  const name = settings.environmentName;
  const keyArn = report.outputs.kmsKeyArn;
  const { result, environment } = await checkMwaaEnvironment(readers.mwaa, name, report.outputs);
  const more: Promise<CheckResult>[] = [
    checkMwaaLogGroups(readers.logs, environment, name, keyArn),
  ];
  if (keyArn)
    more.push(checkMwaaGrants(kms, { keyArn, environmentName: name, region: settings.region }));
  const results = [...report.results, result, ...(await Promise.all(more))];
  return {
    ...report,
    results,
    ok: resultsOk(results),
    ...(environmentOutputs && { environmentOutputs }),
  };
}
