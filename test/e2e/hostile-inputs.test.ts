/**
 * Hostile input end to end: the bundled action, run as the runner runs it, against the fake AWS
 * and the fake GitHub. Values the settings reject stop the run before any AWS call, naming every
 * input; values that are legitimately free text (template paths, tags, the audience, the token)
 * go through and come out harmless in the log, the job summary and the PR comment. The unit
 * matrix (test/unit/hostile/inputs.test.ts) covers every input × category; this file shows
 * that the bundle behaves as the library does, where it matters: the runner's log.
 */
import { copyFile, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SettingsError, inputsFrom, loadSettings } from '../../src/settings/index.js';
import { startFakeAws } from '../support/fake-aws/index.js';
import type { FakeAws } from '../support/fake-aws/index.js';
import { startFakeGitHub } from '../support/fake-github/index.js';
import type { FakeGitHub } from '../support/fake-github/index.js';
import { runAction } from '../support/runner/run-action.js';
import type { ActionRun } from '../support/runner/run-action.js';
import { CATEGORIES, rejectingInputs, valueOf } from '../unit/hostile/cases.js';
import type { Category } from '../unit/hostile/cases.js';
import {
  expectNoSecrets,
  expectOnlyOwnCommands,
  expectPlanOnlyCleansUp,
  secretsOf,
} from '../unit/hostile/run-checks.js';

const HEAD = 'a'.repeat(40);
const ROLE = 'arn:aws:iam::123456789012:role/mwaa';

/** The one `::error::` line of a failed run. */
function errorLine(run: ActionRun): string {
  const lines = run.stdout.split('\n').filter((l) => l.startsWith('::error::'));
  expect(lines).toHaveLength(1);
  return lines[0] ?? '';
}

/** The inputs an `::error::` line names. */
function namedInputs(line: string): string[] {
  return [
    ...new Set([...line.matchAll(/(?:Invalid|Missing) input '([a-z0-9-]+)'/g)].map((m) => m[1]!)),
  ].sort();
}

/** Markdown tables whose rows do not all have the header's number of cells. */
function brokenTables(markdown: string): string[] {
  const broken: string[] = [];
  let width: number | undefined;
  for (const line of markdown.split('\n')) {
    if (!line.startsWith('|')) {
      width = undefined;
      continue;
    }
    const cells = line.split('|').length;
    if (width === undefined) width = cells;
    else if (cells !== width) broken.push(line);
  }
  return broken;
}

/** What must never show in markdown: raw HTML, a live mention, a raw code span, a broken table. */
function expectHarmlessMarkdown(markdown: string): void {
  expect(markdown).not.toContain('<script');
  expect(markdown).not.toMatch(/@(?!\u200d)octo-org/);
  expect(markdown).not.toContain('`x`');
  expect(brokenTables(markdown)).toEqual([]);
}

async function eventFile(dir: string): Promise<string> {
  const path = join(dir, 'event.json');
  await writeFile(
    path,
    JSON.stringify({
      pull_request: {
        number: 7,
        head: { sha: HEAD, ref: 'feature', repo: { full_name: 'octo/infra' } },
        base: { ref: 'main', repo: { full_name: 'octo/infra' } },
      },
    }),
  );
  return path;
}

interface Rig {
  readonly aws: FakeAws;
  readonly gh: FakeGitHub;
  readonly dir: string;
  planOnPr(inputs: Record<string, string>): Promise<ActionRun>;
  close(): Promise<void>;
}

/** A fake AWS and a fake GitHub with pull request #7, and a plan run on that pull request. */
async function rig(options: Parameters<typeof startFakeAws>[0] = {}): Promise<Rig> {
  const aws = await startFakeAws({ changeSetReadyMs: 20, resourceMs: 5, ...options });
  const gh = await startFakeGitHub({
    pulls: [{ owner: 'octo', repo: 'infra', number: 7, headSha: HEAD }],
  });
  const dir = await mkdtemp(join(tmpdir(), 'mwaa-hostile-'));
  return {
    aws,
    gh,
    dir,
    planOnPr: async (inputs) =>
      runAction({
        inputs: {
          'environment-name': 'orders',
          'aws-region': 'us-east-1',
          'role-to-assume': ROLE,
          'github-token': 'ghs_faketoken0123456789',
          comment: 'always',
          ...inputs,
        },
        env: {
          ...aws.env(),
          ...gh.env(),
          GITHUB_EVENT_NAME: 'pull_request',
          GITHUB_EVENT_PATH: await eventFile(dir),
        },
      }),
    close: async () => {
      await aws.close();
      await gh.close();
    },
  };
}

describe('inputs the settings reject', () => {
  it.each(CATEGORIES)(
    'rejects every input that refuses a %s value in one run, before any AWS call',
    async (category: Category) => {
      const rejecting = rejectingInputs(category);
      const inputs = Object.fromEntries(rejecting.map((i) => [i, valueOf(i, category)]));
      // What the library says of the same inputs: some checks are relational (a subnet inside
      // the VPC, a key in the Region) and are skipped when the other input is itself invalid.
      let expected: string[] = [];
      try {
        loadSettings(inputsFrom(inputs), {});
      } catch (error) {
        if (!(error instanceof SettingsError)) throw error;
        expected = [...new Set(error.problems.map((p) => p.input))].sort();
      }
      const relational = category === 'out-of-range' ? ['kms-key', 'public-subnet-1-cidr'] : [];
      expect(expected).toEqual(rejecting.filter((i) => !relational.includes(i)).sort());

      const aws = await startFakeAws();
      try {
        const run = await runAction({ inputs, env: aws.env() });
        expect(run.code).toBe(1);
        expect(aws.calls).toEqual([]);
        expect(namedInputs(errorLine(run))).toEqual(expected);
        expectOnlyOwnCommands(run);
        expect(run.outputs).toEqual({});
        expect(run.summary).toBe('');
      } finally {
        await aws.close();
      }
    },
  );
});

describe('free text that goes through', () => {
  it('renders values with markdown, HTML, mentions and commands harmless', async () => {
    const audience = 'sts.amazonaws.com|<script>`x`@octo-org/admins%0A::error::boom';
    const token = 'ghs_<script>|`x`@octo-org/admins%0A::error::boom';
    const { aws, gh, dir, planOnPr, close } = await rig({ sts: { audience } });
    try {
      // A template path may hold any character: this one tries a mention, HTML, a table pipe,
      // a code span and a workflow command on a line of its own.
      await mkdir(join(dir, '@octo-org'));
      const path = join(dir, '@octo-org', 'admins <script>|`x`|\n::warning::path.yaml');
      await copyFile(new URL('../../templates/vpc.yaml', import.meta.url), path);
      const run = await planOnPr({
        'environment-name': 'orders__init__',
        'role-to-assume': 'arn:aws:iam::123456789012:role/mwaa@org/team',
        'vpc-template': path,
        tags: 'owner=@octo-org/admins\n::set-output name=x::y',
        audience,
        'github-token': token,
      });
      // The runner swallows ::add-mask:: lines (the token is registered as a secret there).
      const shown = run.stdout
        .split('\n')
        .filter((l) => !l.startsWith('::add-mask::'))
        .join('\n');
      expect(shown).not.toMatch(/::error::/);
      expect(run.code).toBe(0);
      expectOnlyOwnCommands(run, ['warning::path']);
      expect(run.outputs.x).toBeUndefined();

      const comment = gh.comments('octo', 'infra', 7)[0]?.body ?? '';
      expect(comment).toContain('@\u200docto-org/admins &lt;script&gt;&#124;&#96;x&#96;&#124;');
      expect(comment).toContain('orders&#95;&#95;init&#95;&#95;');
      for (const markdown of [comment, run.summary]) expectHarmlessMarkdown(markdown);
      // Accepted as-is: the tags reach CloudFormation exactly as written.
      const create = aws.calls.find((c) => c.action === 'CreateChangeSet');
      expect(create?.params.Tags).toEqual([
        { Key: 'owner', Value: '@octo-org/admins' },
        { Key: '::set-output name', Value: 'x::y' },
      ]);
      expectPlanOnlyCleansUp(aws);
      expectNoSecrets(run, secretsOf(aws, [token]));
      expect(comment).not.toContain(token);
    } finally {
      await close();
    }
  });
});

describe('an AWS failure reason with markdown, a mention and commands', () => {
  let r: Rig;
  let run: ActionRun;
  beforeAll(async () => {
    // One page of events (the fake's offset NextToken shifts when events arrive between two
    // pages), and resources slow enough that the failure is seen while the stack is busy.
    r = await rig({ resourceMs: 100, pageSize: { events: 500 } });
    r.aws.failResource({
      stackName: 'orders-vpc',
      logicalId: 'NatGateway1',
      operation: 'create',
      reason: 'Quota <script>x</script> | @octo-org/admins\n::error::boom\r\n::warning::crlf',
    });
    run = await runAction({
      inputs: {
        mode: 'deploy',
        'environment-name': 'orders',
        'aws-region': 'us-east-1',
        'role-to-assume': ROLE,
        comment: 'never',
      },
      env: r.aws.env(),
    });
  });
  afterAll(async () => r.close());

  it('fails with the reason on the one error line, escaped, and the summary harmless', () => {
    expect(run.code).toBe(1);
    // The step's own failure line (the injected `::error::boom` line is the bug below).
    const failure = run.stdout.split('\n').filter((l) => l.startsWith('::error::Stack'));
    expect(failure).toHaveLength(1);
    expect(failure[0]).toContain(
      // The error line is data of ::error:: (line breaks encoded); the commands in it are
      // neutralised besides.
      'NatGateway1 (AWS::EC2::NatGateway) CREATE_FAILED: Quota <script>x</script> | @octo-org/admins%0A: :error::boom',
    );
    expectHarmlessMarkdown(run.summary);
    expectNoSecrets(run, secretsOf(r.aws));
  });

  // BUG event-reason-injection (src/cfn/events.ts formatEvent, logged raw by logEvents in
  // src/cfn/operation.ts through core.info): the stack event's ResourceStatusReason goes to
  // the log unescaped, so a reason holding a line break (a custom resource's Reason is free
  // text; resource providers quote property values) starts a line of its own, and
  // `::error::boom` / `::warning::crlf` become workflow commands. Fix: escapeTerminal() the
  // reason (and the IDs) in formatEvent, and neutraliseCommands() in the action's logger.
  it('writes no workflow command from the reason into the log', () => {
    expectOnlyOwnCommands(run);
  });
});

describe('a template path that cannot be read', () => {
  let r: Rig;
  let run: ActionRun;
  beforeAll(async () => {
    r = await rig();
    run = await runAction({
      inputs: {
        'environment-name': 'orders',
        'aws-region': 'us-east-1',
        'vpc-template': join(r.dir, `missing\u202Egnp.exe\n::error::boom${'x'.repeat(2_000)}.yaml`),
      },
      env: r.aws.env(),
    });
  });
  afterAll(async () => r.close());

  it('fails before any AWS call, with no command injected', () => {
    expect(run.code).toBe(1);
    expect(r.aws.calls).toEqual([]);
    expect(errorLine(run)).toContain("Invalid input 'vpc-template': could not read the template");
    expectOnlyOwnCommands(run);
  });

  // BUG template-read-error (src/stacks/read.ts, readTemplates): the message is
  // `Could not read template '<path>': <fs error>`: it does not name the input (vpc-template),
  // and the path goes in raw, twice (bidi controls included, 2,000 characters not cut),
  // instead of through the settings' quote().
  it('names the input and quotes the path safely', () => {
    const line = errorLine(run);
    expect(line).toContain("'vpc-template'");
    expect(line).not.toContain('\u202E');
    expect(line.length).toBeLessThan(1_000);
  });
});

describe('a template path with a bidi override', () => {
  let r: Rig;
  let run: ActionRun;
  let comment: string;
  beforeAll(async () => {
    r = await rig();
    const path = join(r.dir, 'vpc\u202Elmy.exe');
    await copyFile(new URL('../../templates/vpc.yaml', import.meta.url), path);
    run = await r.planOnPr({ 'vpc-template': path });
    comment = r.gh.comments('octo', 'infra', 7)[0]?.body ?? '';
  });
  afterAll(async () => r.close());

  it('plans, and the path is otherwise escaped', () => {
    expect(run.code).toBe(0);
    expect(comment).toContain('Planned with a change set (');
    expectHarmlessMarkdown(comment);
    expectOnlyOwnCommands(run);
    expectPlanOnlyCleansUp(r.aws);
    expectNoSecrets(run, secretsOf(r.aws));
  });

  // BUG render-bidi (src/render/escape.ts, CONTROLS): escapeInline, escapeCell and
  // escapeTerminal strip C0/C1 controls but not the bidi controls U+202A-U+202E and
  // U+2066-U+2069 (nor U+200E/U+200F, U+2028/U+2029), which src/settings/problems.ts does treat
  // as unsafe; a value holding U+202E shows reversed text in the PR comment and the job summary.
  it('shows no raw bidi control in the comment or the job summary', () => {
    expect(comment).not.toContain('\u202E');
    expect(run.summary).not.toContain('\u202E');
  });
});

describe('a github-token with a line break', () => {
  const token = 'ghs_secret0123456789\n::set-output name=x::y';
  let r: Rig;
  let run: ActionRun;
  beforeAll(async () => {
    r = await rig();
    run = await r.planOnPr({ 'github-token': token });
  }, 30_000);
  afterAll(async () => r.close());

  it('rejects the token before any AWS call, naming the input, and injects no command', () => {
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("Invalid input 'github-token'");
    expect(r.aws.calls).toEqual([]);
    expect(r.gh.comments('octo', 'infra', 7)).toEqual([]);
    expectOnlyOwnCommands(run);
  });

  // Was a bug: the token went unchecked and unmasked, and Node's header error printed it.
  it('never prints the token', () => {
    expect(run.everything).not.toContain('ghs_secret0123456789');
  });
});
