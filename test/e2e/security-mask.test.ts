/**
 * Two guards of the action's own log. mask-aws-account-id masks the account at the source: the bundled action registers it as a
 * secret (`::add-mask::`, which makes the runner replace it in every later line, AWS errors and
 * outputs included) before anything it prints names it, taken from role-to-assume and from
 * GetCallerIdentity.
 */
import { startFakeAws } from '../support/fake-aws/index.js';
import type { FakeAws } from '../support/fake-aws/index.js';
import { runAction } from '../support/runner/run-action.js';

const ACCOUNT = '123456789012';

function inputs(mask: string) {
  return {
    mode: 'plan',
    'environment-name': 'orders',
    'aws-region': 'us-east-1',
    'role-to-assume': `arn:aws:iam::${ACCOUNT}:role/mwaa`,
    comment: 'never',
    'mask-aws-account-id': mask,
  };
}

/** The lines of stdout before the account is masked, that name it. */
function unmaskedLines(stdout: string): string[] {
  const lines = stdout.split('\n');
  const masked = lines.findIndex((l) => l.trim() === `::add-mask::${ACCOUNT}`);
  return lines.slice(0, masked === -1 ? lines.length : masked).filter((l) => l.includes(ACCOUNT));
}

let aws: FakeAws;
beforeEach(async () => {
  aws = await startFakeAws({ changeSetReadyMs: 20, resourceMs: 5 });
});
afterEach(async () => aws.close());

describe('mask-aws-account-id', () => {
  it('registers the account as a secret before any line names it', async () => {
    const run = await runAction({ inputs: inputs('true'), env: aws.env() });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`::add-mask::${ACCOUNT}`);
    expect(unmaskedLines(run.stdout)).toEqual([]);
    // The role line is still printed; the runner shows it with the account as ***.
    expect(run.stdout).toContain(`Assumed role arn:aws:iam::${ACCOUNT}:role/mwaa`);
  });

  it('leaves the account alone by default (the check can fail)', async () => {
    const run = await runAction({ inputs: inputs('false'), env: aws.env() });
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain(`::add-mask::${ACCOUNT}`);
    expect(unmaskedLines(run.stdout).length).toBeGreaterThan(0);
  });
});

describe('the pull_request_target event', () => {
  it('is warned about, and pull_request is not', async () => {
    const warning = /::warning::mwaa-deploy is running under pull_request_target/;
    for (const [event, warned] of [
      ['pull_request_target', true],
      ['pull_request', false],
    ] as const) {
      const run = await runAction({
        inputs: inputs('false'),
        env: { ...aws.env(), GITHUB_EVENT_NAME: event },
      });
      expect(run.code).toBe(0);
      expect([event, warning.test(run.stdout)]).toEqual([event, warned]);
    }
  });
});
