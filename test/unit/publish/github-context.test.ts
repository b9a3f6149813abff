import { readGitHubContext, runUrlOf } from '../../../src/publish/github-context.js';

const ENV = {
  GITHUB_REPOSITORY: 'octo/infra',
  GITHUB_SERVER_URL: 'https://github.example.com/',
  GITHUB_API_URL: 'https://github.example.com/api/v3',
  GITHUB_RUN_ID: '1234',
  GITHUB_RUN_ATTEMPT: '1',
  GITHUB_SHA: 'merge0000',
  GITHUB_REF: 'refs/pull/7/merge',
  GITHUB_EVENT_PATH: '/event.json',
};

function payload(event: unknown) {
  const files: string[] = [];
  return {
    files,
    readFile: async (path: string) => {
      files.push(path);
      return JSON.stringify(event);
    },
  };
}

function pr(headRepo: string | null, number = 7) {
  return {
    pull_request: {
      number,
      head: {
        sha: 'head1111',
        ref: 'feature',
        repo: headRepo === null ? null : { full_name: headRepo },
      },
      base: { ref: 'main', repo: { full_name: 'octo/infra' } },
    },
  };
}

describe('readGitHubContext', () => {
  it('reads a pull_request run: PR number, head sha over the merge sha, not a fork', async () => {
    const file = payload(pr('octo/infra'));
    const ctx = await readGitHubContext({ ...ENV, GITHUB_EVENT_NAME: 'pull_request' }, file);
    expect(file.files).toEqual(['/event.json']);
    expect(ctx).toEqual({
      owner: 'octo',
      repo: 'infra',
      repository: 'octo/infra',
      eventName: 'pull_request',
      serverUrl: 'https://github.example.com',
      apiUrl: 'https://github.example.com/api/v3',
      runId: '1234',
      runAttempt: 1,
      runUrl: 'https://github.example.com/octo/infra/actions/runs/1234',
      sha: 'head1111',
      workflowSha: 'merge0000',
      ref: 'refs/pull/7/merge',
      pullRequest: {
        number: 7,
        headSha: 'head1111',
        headRef: 'feature',
        baseRef: 'main',
        fromFork: false,
      },
    });
  });

  it('tells a fork, including one whose repository was deleted', async () => {
    for (const [headRepo, fork] of [
      ['someone/infra', true],
      [null, true],
      ['OCTO/Infra', false],
    ] as const) {
      const ctx = await readGitHubContext(
        { ...ENV, GITHUB_EVENT_NAME: 'pull_request_target' },
        payload(pr(headRepo)),
      );
      expect(ctx.pullRequest?.fromFork).toBe(fork);
    }
  });

  it('takes the PR number from an issue_comment on a pull request, not on a plain issue', async () => {
    const onPr = { issue: { number: 12, pull_request: { url: 'x' } } };
    const ctx = await readGitHubContext(
      { ...ENV, GITHUB_EVENT_NAME: 'issue_comment' },
      payload(onPr),
    );
    expect(ctx.pullRequest).toEqual({ number: 12 });
    expect(ctx.sha).toBe('merge0000');
    const onIssue = { issue: { number: 13 } };
    const plain = await readGitHubContext(
      { ...ENV, GITHUB_EVENT_NAME: 'issue_comment' },
      payload(onIssue),
    );
    expect(plain.pullRequest).toBeUndefined();
  });

  it('reads a push run: the pushed commit, no pull request', async () => {
    const ctx = await readGitHubContext(
      { ...ENV, GITHUB_EVENT_NAME: 'push', GITHUB_SHA: 'pushed22', GITHUB_REF: 'refs/heads/main' },
      payload({ after: 'pushed22', ref: 'refs/heads/main' }),
    );
    expect(ctx.pullRequest).toBeUndefined();
    expect(ctx.sha).toBe('pushed22');
    expect(ctx.ref).toBe('refs/heads/main');
  });

  it('links to the attempt of a re-run, and defaults to github.com', async () => {
    const ctx = await readGitHubContext(
      { GITHUB_REPOSITORY: 'octo/infra', GITHUB_RUN_ID: '9', GITHUB_RUN_ATTEMPT: '3' },
      payload({}),
    );
    expect(ctx.runUrl).toBe('https://github.com/octo/infra/actions/runs/9/attempts/3');
    expect(ctx.apiUrl).toBe('https://api.github.com');
    expect(runUrlOf('https://github.com', 'o/r', '5', 1)).toBe(
      'https://github.com/o/r/actions/runs/5',
    );
  });

  it('needs no payload file outside a workflow event', async () => {
    const file = payload({});
    const ctx = await readGitHubContext({ GITHUB_REPOSITORY: 'octo/infra' }, file);
    expect(file.files).toEqual([]);
    expect(ctx.runUrl).toBeUndefined();
    expect(ctx.runAttempt).toBe(1);
  });

  it('names the variable when GITHUB_REPOSITORY is missing or malformed', async () => {
    await expect(readGitHubContext({}, payload({}))).rejects.toThrow(
      /GITHUB_REPOSITORY.*\{owner\}\/\{repo\}/,
    );
    await expect(readGitHubContext({ GITHUB_REPOSITORY: 'octo' }, payload({}))).rejects.toThrow(
      "Invalid GITHUB_REPOSITORY 'octo'",
    );
  });

  it('says which payload file could not be read', async () => {
    const readFile = async () => '{not json';
    await expect(readGitHubContext(ENV, { readFile })).rejects.toThrow(
      /Could not read the event payload at \/event\.json/,
    );
  });
});
