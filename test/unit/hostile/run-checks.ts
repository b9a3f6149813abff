/**
 * Checks shared by the hostile-input and fault runs of the bundled action (test/e2e/hostile-*
 * and test/e2e/faults-*): what a run may write to the log, what it may change in the account
 * in plan mode, and that no credential or token leaks into anything it wrote.
 */
import type { FakeAws } from '../../support/fake-aws/index.js';
import type { ActionRun } from '../../support/runner/run-action.js';
import { INJECTED_COMMANDS } from './cases.js';

/** The calls that change something in an account. */
export const MUTATING = /^(Create|Delete|Execute|Update|Continue|Put|Tag|Untag|Set|Attach|Detach)/;

/** The workflow commands the action itself writes; anything else is an injection. */
const OWN_COMMANDS = /^::(add-mask|error|warning|notice|debug|group|endgroup)( [^:]*)?::/;

/** What the run wrote, without the `::add-mask::` lines (the runner swallows those). */
export function visible(run: ActionRun): string {
  return run.everything
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n');
}

/** Lines of the log a runner would read as workflow commands (it trims leading spaces). */
export function commandLines(run: ActionRun): string[] {
  return `${run.stdout}\n${run.stderr}`
    .split(/\r?\n|\r/)
    .map((line) => line.trimStart())
    .filter((line) => line.startsWith('::'));
}

/**
 * Every workflow command in the log is one of the action's own, and none is a payload of
 * cases.ts (`::set-output`, `::error::boom`, ...) or any `extra` one.
 */
export function expectOnlyOwnCommands(run: ActionRun, extra: readonly string[] = []): void {
  const lines = commandLines(run);
  expect(lines.filter((line) => !OWN_COMMANDS.test(line))).toEqual([]);
  const injected = [...INJECTED_COMMANDS, ...extra];
  expect(lines.filter((line) => injected.some((c) => line.slice(2).startsWith(c)))).toEqual([]);
}

/**
 * The secrets of a run against the fake: the assumed-role credentials, every OIDC token the
 * action presented to STS (accepted or not), and the runner's token-request bearer.
 */
export function secretsOf(aws: FakeAws, extra: readonly string[] = []): string[] {
  const tokens = aws.calls
    .filter((c) => c.action === 'AssumeRoleWithWebIdentity')
    .map((c) => String(c.params.WebIdentityToken ?? ''));
  return [
    ...aws.sts.assumed.flatMap((a) => [
      a.credentials.AccessKeyId,
      a.credentials.SecretAccessKey,
      a.credentials.SessionToken,
      a.token,
    ]),
    ...tokens,
    aws.oidcRequestToken,
    ...extra,
  ].filter((s) => s !== '');
}

/** None of the secrets appears anywhere the run wrote (masking lines aside). */
export function expectNoSecrets(run: ActionRun, secrets: readonly string[]): void {
  const text = visible(run);
  expect(secrets.filter((s) => text.includes(s))).toEqual([]);
}

/** The name in a CloudFormation stack or change set ARN, or the text itself. */
function nameIn(nameOrArn: string, kind: 'stack' | 'changeSet'): string {
  const match = new RegExp(`^arn:[^:]+:cloudformation:[^:]*:[^:]*:${kind}/([^/]+)/`).exec(
    nameOrArn,
  );
  return match?.[1] ?? nameOrArn;
}

/**
 * The mutating calls since `from` that a plan may not make: anything but CreateChangeSet,
 * DeleteChangeSet of a change set this run created, and DeleteStack of a review stack this run
 * created (a CREATE change set on a stack that did not exist before, `existedBefore`).
 */
export function foreignPlanMutations(
  aws: FakeAws,
  from = 0,
  existedBefore: readonly string[] = [],
): string[] {
  const calls = aws.calls.slice(from).filter((c) => MUTATING.test(c.action));
  const created = calls.filter((c) => c.action === 'CreateChangeSet');
  const changeSets = new Set(created.map((c) => String(c.params.ChangeSetName)));
  const reviewStacks = new Set(
    created
      .filter((c) => c.params.ChangeSetType === 'CREATE')
      .map((c) => String(c.params.StackName))
      .filter((name) => !existedBefore.includes(name)),
  );
  return calls
    .filter((c) => {
      if (c.service !== 'cloudformation') return true;
      const name = String(c.params.ChangeSetName ?? c.params.StackName ?? '');
      switch (c.action) {
        case 'CreateChangeSet':
          return false;
        case 'DeleteChangeSet':
          return !changeSets.has(nameIn(name, 'changeSet'));
        case 'DeleteStack':
          return !reviewStacks.has(nameIn(String(c.params.StackName ?? ''), 'stack'));
        default:
          return true;
      }
    })
    .map((c) => `${c.service}:${c.action} ${JSON.stringify(c.params).slice(0, 200)}`);
}

/** A plan run changed nothing but its own change sets and review stacks, and left none behind. */
export function expectPlanOnlyCleansUp(
  aws: FakeAws,
  from = 0,
  existedBefore: readonly string[] = [],
): void {
  expect(foreignPlanMutations(aws, from, existedBefore)).toEqual([]);
  const created = aws.calls
    .slice(from)
    .filter((c) => c.action === 'CreateChangeSet')
    .map((c) => String(c.params.ChangeSetName));
  const left = [...aws.state.changeSets.values()].filter((c) => created.includes(c.name));
  expect(left.map((c) => `${c.stackName}/${c.name}`)).toEqual([]);
  const reviewStacks = [...aws.state.stacks.values()].filter(
    (s) => s.status === 'REVIEW_IN_PROGRESS' && !existedBefore.includes(s.name),
  );
  expect(reviewStacks.map((s) => s.name)).toEqual([]);
}

/** Names of the stacks that exist now (for `existedBefore`). */
export function liveStacks(aws: FakeAws): string[] {
  return [...aws.state.stacks.values()]
    .filter((s) => s.status !== 'DELETE_COMPLETE')
    .map((s) => s.name);
}
