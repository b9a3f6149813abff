/**
 * What publishing needs to know about the workflow run, read from the runner's environment and
 * event payload. The environment is passed in (never process.env here) and the payload is read
 * through an injectable function, so tests describe a run with plain objects.
 */
import { readFile as fsReadFile } from 'node:fs/promises';
import { errorMessage } from '../shared/errors.js';
import type { GitHubClient } from './comment-octokit.js';

/** The pull request a run is about. */
export interface PullRequestContext {
  readonly number: number;
  /** The PR's head commit; absent for `issue_comment` events, whose payload does not carry it. */
  readonly headSha?: string;
  readonly headRef?: string;
  readonly baseRef?: string;
  /**
   * Whether the head branch lives in another repository. On `pull_request` events from a fork
   * GITHUB_TOKEN is read-only, so a comment cannot be written. Absent when the payload does not
   * say (`issue_comment`).
   */
  readonly fromFork?: boolean;
}

/** The run as the publishing stage sees it. */
export interface GitHubContext {
  readonly owner: string;
  readonly repo: string;
  /** `owner/repo`. */
  readonly repository: string;
  /** GITHUB_EVENT_NAME, e.g. `pull_request`, `push`. */
  readonly eventName?: string;
  /** Web URL of the GitHub instance, without a trailing slash (GHES aware). */
  readonly serverUrl: string;
  /** REST API base URL, without a trailing slash; give it to the Octokit client as baseUrl. */
  readonly apiUrl: string;
  /** Link to this run (and to this attempt when it is a re-run); absent outside Actions. */
  readonly runUrl?: string;
  readonly runId?: string;
  /** 1 for the first attempt. */
  readonly runAttempt: number;
  /**
   * The commit the run is about: the PR's head commit on pull-request events (GITHUB_SHA is then
   * a temporary merge commit no reviewer has seen), GITHUB_SHA otherwise (the pushed commit).
   */
  readonly sha?: string;
  /** GITHUB_SHA as the runner set it. */
  readonly workflowSha?: string;
  /** GITHUB_REF, e.g. `refs/heads/main` or `refs/pull/12/merge`. */
  readonly ref?: string;
  /** Present when the event is about a pull request. */
  readonly pullRequest?: PullRequestContext;
}

export interface GitHubContextOptions {
  /** Reads the event payload file; defaults to the file system. */
  readonly readFile?: (path: string) => Promise<string>;
}

/**
 * Reads the run's context. Throws, naming the variable, when GITHUB_REPOSITORY is missing or
 * malformed or the event payload cannot be read: publishing cannot address anything without them.
 */
export async function readGitHubContext(
  env: Readonly<Record<string, string | undefined>>,
  options: GitHubContextOptions = {},
): Promise<GitHubContext> {
  const repository = env.GITHUB_REPOSITORY?.trim() ?? '';
  const match = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(repository);
  if (!match) {
    throw new Error(
      `Invalid GITHUB_REPOSITORY '${repository}'. Expected format {owner}/{repo} (set by the Actions runner).`,
    );
  }
  const [, owner = '', repo = ''] = match;
  const serverUrl = trimSlash(env.GITHUB_SERVER_URL) || 'https://github.com';
  const apiUrl = trimSlash(env.GITHUB_API_URL) || 'https://api.github.com';
  const runId = env.GITHUB_RUN_ID?.trim() || undefined;
  const runAttempt = positiveInteger(env.GITHUB_RUN_ATTEMPT) ?? 1;
  const eventName = env.GITHUB_EVENT_NAME?.trim() || undefined;
  const payload = await readPayload(env.GITHUB_EVENT_PATH, options.readFile ?? defaultReadFile);
  const pullRequest = pullRequestOf(eventName, payload);
  const workflowSha = env.GITHUB_SHA?.trim() || undefined;

  return {
    owner,
    repo,
    repository,
    eventName,
    serverUrl,
    apiUrl,
    runId,
    runAttempt,
    runUrl: runId ? runUrlOf(serverUrl, repository, runId, runAttempt) : undefined,
    sha: pullRequest?.headSha ?? workflowSha,
    workflowSha,
    ref: env.GITHUB_REF?.trim() || undefined,
    pullRequest,
  };
}

/** `${server}/${repo}/actions/runs/${id}`, plus `/attempts/${n}` for a re-run. */
export function runUrlOf(
  serverUrl: string,
  repository: string,
  runId: string,
  attempt: number,
): string {
  const base = `${trimSlash(serverUrl)}/${repository}/actions/runs/${runId}`;
  return attempt > 1 ? `${base}/attempts/${attempt}` : base;
}

function defaultReadFile(path: string): Promise<string> {
  return fsReadFile(path, 'utf8');
}

type Json = Record<string, unknown>;

async function readPayload(
  path: string | undefined,
  readFile: (path: string) => Promise<string>,
): Promise<Json> {
  if (!path?.trim()) return {};
  try {
    const parsed: unknown = JSON.parse(await readFile(path));
    return isObject(parsed) ? parsed : {};
  } catch (error) {
    throw new Error(`Could not read the event payload at ${path}: ${errorMessage(error)}`, {
      cause: error,
    });
  }
}

function pullRequestOf(
  eventName: string | undefined,
  payload: Json,
): PullRequestContext | undefined {
  const pr = payload.pull_request;
  // pull_request, pull_request_target, pull_request_review(_comment): `pull_request` is the PR.
  if (isObject(pr) && (eventName?.startsWith('pull_request') ?? true)) {
    const number = positiveInteger(pr.number);
    if (number === undefined) return undefined;
    const head = objectAt(pr, 'head');
    const base = objectAt(pr, 'base');
    const headRepo = stringAt(objectAt(head, 'repo'), 'full_name');
    const baseRepo = stringAt(objectAt(base, 'repo'), 'full_name');
    return {
      number,
      headSha: stringAt(head, 'sha'),
      headRef: stringAt(head, 'ref'),
      baseRef: stringAt(base, 'ref'),
      // A deleted fork has head.repo null: still a fork, and still read-only.
      fromFork:
        baseRepo === undefined ? undefined : headRepo?.toLowerCase() !== baseRepo.toLowerCase(),
    };
  }
  const issue = payload.issue;
  if (isObject(issue) && isObject(issue.pull_request)) {
    const number = positiveInteger(issue.number);
    return number === undefined ? undefined : { number };
  }
  return undefined;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function objectAt(value: Json | undefined, key: string): Json | undefined {
  const inner = value?.[key];
  return isObject(inner) ? inner : undefined;
}

function stringAt(value: Json | undefined, key: string): string | undefined {
  const inner = value?.[key];
  return typeof inner === 'string' && inner !== '' ? inner : undefined;
}

function positiveInteger(value: unknown): number | undefined {
  const n = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
  return typeof n === 'number' && Number.isSafeInteger(n) && n > 0 ? n : undefined;
}

function trimSlash(url: string | undefined): string {
  return (url ?? '').trim().replace(/\/+$/, '');
}

/**
 * The pull request as the API describes it: head commit, branches and whether it comes from a
 * fork. For events whose payload lacks them (`issue_comment`) and for deploy-time checks.
 */
export async function fetchPullRequest(
  octokit: GitHubClient,
  owner: string,
  repo: string,
  number: number,
): Promise<PullRequestContext & { readonly state?: string }> {
  const { data } = await octokit.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', {
    owner,
    repo,
    pull_number: number,
    request: { retries: 0 },
  });
  const headRepo = data.head.repo?.full_name;
  return {
    number: data.number,
    headSha: data.head.sha,
    headRef: data.head.ref,
    baseRef: data.base.ref,
    fromFork: headRepo?.toLowerCase() !== data.base.repo.full_name.toLowerCase(),
    state: data.state,
  };
}
