import type { Logger } from '../shared/logger.js';

/**
 * Events the README forbids: pull_request_target runs in the base repository's context (its
 * secrets, a token that may write, OIDC tokens), so a job that checks out the pull request's code
 * there hands the AWS role to whoever opened it. The action cannot tell which code the job
 * checked out, so it warns rather than fails.
 */
export function warnAboutUnsafeEvent(
  env: Readonly<Record<string, string | undefined>>,
  log: Pick<Logger, 'warning'>,
): void {
  if (env.GITHUB_EVENT_NAME !== 'pull_request_target') return;
  log.warning(
    'mwaa-deploy is running under pull_request_target, which the README forbids: the job has ' +
      "the base repository's secrets and OIDC tokens, so a pull request's code (a template, " +
      'an npm script, a workflow step) would run with your AWS role. Use the pull_request event.',
  );
}
