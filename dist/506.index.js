export const id = 506;
export const ids = [506];
export const modules = {

/***/ 5506:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
;// CONCATENATED MODULE: ./src/action/workflow.ts
/**
 * The workflow commands the action uses, written as `@actions/core` 3.x writes them (same
 * escaping, same GITHUB_OUTPUT delimiter format, same job-summary file rules), so the action
 * does not load `@actions/core` on every run. Why: its module graph imports its OIDC helper,
 * which imports `@actions/http-client` and undici; together with `@actions/github` that is
 * the largest chunk of the bundle, and the only part of it a run needs is `getIDToken`, when
 * role-to-assume is set, which ./id-token.ts does the same way without it.
 */




/** `::name::message`, the message escaped as `@actions/core`'s `escapeData` does. */
function issue(command, message = '') {
    const data = message.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
    process.stdout.write(`::${command}::${data}${external_node_os_.EOL}`);
}
/** An input as the runner passes it (`INPUT_<NAME>`, spaces as underscores), trimmed. */
function getInput(name) {
    return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}
/** Masks `secret` in the log from here on. */
function setSecret(secret) {
    issue('add-mask', secret);
}
/** A step output: to GITHUB_OUTPUT with a random delimiter, else the legacy command. */
function setOutput(name, value) {
    const file = process.env.GITHUB_OUTPUT ?? '';
    if (file === '') {
        process.stdout.write(external_node_os_.EOL);
        const property = name
            .replace(/%/g, '%25')
            .replace(/\r/g, '%0D')
            .replace(/\n/g, '%0A')
            .replace(/:/g, '%3A')
            .replace(/,/g, '%2C');
        issue(`set-output name=${property}`, value);
        return;
    }
    const delimiter = `ghadelimiter_${(0,external_node_crypto_.randomUUID)()}`;
    // As @actions/core: a name or value holding the delimiter could end the value early.
    if (name.includes(delimiter) || value.includes(delimiter)) {
        throw new Error(`Unexpected input: output ${name} contains the delimiter "${delimiter}"`);
    }
    if (!(0,external_node_fs_.existsSync)(file))
        throw new Error(`Missing file at path: ${file}`);
    (0,external_node_fs_.appendFileSync)(file, `${name}<<${delimiter}${external_node_os_.EOL}${value}${external_node_os_.EOL}${delimiter}${external_node_os_.EOL}`, 'utf8');
}
function debug(message) {
    issue('debug', message);
}
function info(message) {
    process.stdout.write(message + external_node_os_.EOL);
}
function warning(message) {
    issue('warning', message);
}
function error(message) {
    issue('error', message);
}
/** Fails the step: exit code 1 and the message as an error annotation. */
function setFailed(message) {
    process.exitCode = 1;
    error(message);
}
/** Runs `fn` inside a collapsible log group. */
async function group(name, fn) {
    issue('group', name);
    try {
        return await fn();
    }
    finally {
        issue('endgroup');
    }
}
/**
 * Appends `markdown` and a line end to the job summary (GITHUB_STEP_SUMMARY), as
 * `core.summary.addRaw(markdown, true).write()` does, with its errors.
 */
async function appendSummary(markdown) {
    const file = process.env.GITHUB_STEP_SUMMARY;
    if (!file) {
        throw new Error('Unable to find environment variable for $GITHUB_STEP_SUMMARY. Check if your runtime environment supports job summaries.');
    }
    try {
        await (0,promises_.access)(file, external_node_fs_.constants.R_OK | external_node_fs_.constants.W_OK);
    }
    catch {
        throw new Error(`Unable to access summary file: '${file}'. Check if the file has correct read/write permissions.`);
    }
    await (0,promises_.appendFile)(file, markdown + external_node_os_.EOL, { encoding: 'utf8' });
}
/** The runner's OIDC token for `audience`, fetched as `@actions/core` does (./id-token.ts). */


;// CONCATENATED MODULE: ./src/action/id-token.ts

const RETRY_CODES = [502, 503, 504];
const MAX_RETRIES = 10;
const MAX_REDIRECTS = 50;
const REDIRECT_CODES = [300, 301, 302, 303, 307, 308];
async function get(url, headers) {
    const { request } = url.protocol === 'https:' ? await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 4708, 23)) : await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 7067, 23));
    return new Promise((resolve, reject) => {
        const req = request(url, { method: 'GET', headers }, (res) => {
            const chunks = [];
            res.on('data', (chunk) => chunks.push(chunk));
            res.on('error', reject);
            res.on('end', () => resolve({
                status: res.statusCode ?? 0,
                location: res.headers.location,
                body: Buffer.concat(chunks).toString('utf8'),
            }));
        });
        req.on('error', reject);
        req.end();
    });
}
/** One GET with http-client's redirects. */
async function getFollowing(start, headers) {
    let url = start;
    let answer = await get(url, headers);
    for (let left = MAX_REDIRECTS; REDIRECT_CODES.includes(answer.status) && left > 0; left--) {
        if (!answer.location)
            break;
        const next = new URL(answer.location, url);
        if (url.protocol === 'https:' && next.protocol !== 'https:') {
            throw new Error('Redirect from HTTPS to HTTP protocol. This downgrade is not allowed for security reasons. If you want to allow this behavior, set the allowRedirectDowngrade option to true.');
        }
        if (next.hostname !== url.hostname)
            delete headers.authorization;
        url = next;
        answer = await get(url, headers);
    }
    return answer;
}
/** `getJson`'s error for a status above 299: the body's `message`, else the body, else a default. */
function statusError(answer) {
    let message = `Failed request: (${answer.status})`;
    try {
        const parsed = JSON.parse(answer.body);
        if (parsed && typeof parsed === 'object' && parsed.message)
            message = String(parsed.message);
        else if (answer.body.length > 0)
            message = answer.body;
    }
    catch {
        if (answer.body.length > 0)
            message = answer.body;
    }
    return Object.assign(new Error(message), { statusCode: answer.status });
}
async function fetchToken(url, requestToken) {
    const headers = {
        accept: 'application/json',
        'user-agent': 'actions/oidc-client',
        authorization: `Bearer ${requestToken}`,
    };
    let answer = await getFollowing(url, headers);
    for (let retry = 1; RETRY_CODES.includes(answer.status) && retry <= MAX_RETRIES; retry++) {
        await new Promise((resolve) => setTimeout(resolve, 5 * 2 ** Math.min(10, retry)));
        answer = await getFollowing(url, { ...headers });
    }
    if (answer.status === 404)
        return '';
    if (answer.status > 299)
        throw statusError(answer);
    const value = answer.body === '' ? undefined : JSON.parse(answer.body);
    return typeof value?.value === 'string' ? value.value : '';
}
/** The runner's OIDC token for `audience`, masked in the log; errors worded as core's. */
async function getIDToken(audience) {
    try {
        let url = process.env.ACTIONS_ID_TOKEN_REQUEST_URL;
        if (!url)
            throw new Error('Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable');
        const requestToken = process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
        if (!requestToken)
            throw new Error('Unable to get ACTIONS_ID_TOKEN_REQUEST_TOKEN env variable');
        if (audience)
            url = `${url}&audience=${encodeURIComponent(audience)}`;
        debug(`ID token url is ${url}`);
        let token;
        try {
            token = await fetchToken(new URL(url), requestToken);
        }
        catch (error) {
            const e = error;
            throw new Error(`Failed to get ID Token. \n 
        Error Code : ${e.statusCode}\n 
        Error Message: ${e.message}`, { cause: error });
        }
        if (!token)
            throw new Error('Response json body do not have ID Token field');
        setSecret(token);
        return token;
    }
    catch (error) {
        throw new Error(`Error message: ${error.message}`, { cause: error });
    }
}

// EXTERNAL MODULE: ./src/engine/cancel.ts
var engine_cancel = __webpack_require__(1986);
// EXTERNAL MODULE: ./src/engine/job.ts + 34 modules
var job = __webpack_require__(7094);
// EXTERNAL MODULE: ./src/code/import-errors-stage.ts + 1 modules
var import_errors_stage = __webpack_require__(1228);
// EXTERNAL MODULE: ./src/engine/policy.ts + 1 modules
var policy = __webpack_require__(8229);
// EXTERNAL MODULE: ./src/shared/errors.ts
var errors = __webpack_require__(8382);
;// CONCATENATED MODULE: ./src/publish/github-context.ts
/**
 * What publishing needs to know about the workflow run, read from the runner's environment and
 * event payload. The environment is passed in (never process.env here) and the payload is read
 * through an injectable function, so tests describe a run with plain objects.
 */


/**
 * Reads the run's context. Throws, naming the variable, when GITHUB_REPOSITORY is missing or
 * malformed or the event payload cannot be read: publishing cannot address anything without them.
 */
async function readGitHubContext(env, options = {}) {
    const repository = env.GITHUB_REPOSITORY?.trim() ?? '';
    const match = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(repository);
    if (!match) {
        throw new Error(`Invalid GITHUB_REPOSITORY '${repository}'. Expected format {owner}/{repo} (set by the Actions runner).`);
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
function runUrlOf(serverUrl, repository, runId, attempt) {
    const base = `${trimSlash(serverUrl)}/${repository}/actions/runs/${runId}`;
    return attempt > 1 ? `${base}/attempts/${attempt}` : base;
}
function defaultReadFile(path) {
    return (0,promises_.readFile)(path, 'utf8');
}
async function readPayload(path, readFile) {
    if (!path?.trim())
        return {};
    try {
        const parsed = JSON.parse(await readFile(path));
        return isObject(parsed) ? parsed : {};
    }
    catch (error) {
        throw new Error(`Could not read the event payload at ${path}: ${(0,errors/* errorMessage */.g)(error)}`, {
            cause: error,
        });
    }
}
function pullRequestOf(eventName, payload) {
    const pr = payload.pull_request;
    // pull_request, pull_request_target, pull_request_review(_comment): `pull_request` is the PR.
    if (isObject(pr) && (eventName?.startsWith('pull_request') ?? true)) {
        const number = positiveInteger(pr.number);
        if (number === undefined)
            return undefined;
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
            fromFork: baseRepo === undefined ? undefined : headRepo?.toLowerCase() !== baseRepo.toLowerCase(),
        };
    }
    const issue = payload.issue;
    if (isObject(issue) && isObject(issue.pull_request)) {
        const number = positiveInteger(issue.number);
        return number === undefined ? undefined : { number };
    }
    return undefined;
}
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function objectAt(value, key) {
    const inner = value?.[key];
    return isObject(inner) ? inner : undefined;
}
function stringAt(value, key) {
    const inner = value?.[key];
    return typeof inner === 'string' && inner !== '' ? inner : undefined;
}
function positiveInteger(value) {
    const n = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
    return typeof n === 'number' && Number.isSafeInteger(n) && n > 0 ? n : undefined;
}
function trimSlash(url) {
    return (url ?? '').trim().replace(/\/+$/, '');
}
/**
 * The pull request as the API describes it: head commit, branches and whether it comes from a
 * fork. For events whose payload lacks them (`issue_comment`) and for deploy-time checks.
 */
async function fetchPullRequest(octokit, owner, repo, number) {
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

// EXTERNAL MODULE: ./src/publish/publish.ts + 4 modules
var publish = __webpack_require__(9690);
// EXTERNAL MODULE: ./src/plan/analysis-template.ts
var analysis_template = __webpack_require__(556);
;// CONCATENATED MODULE: ./src/publish/render-context.ts

/**
 * What the renderers need to know about this run: where it runs, what to hide, and the facts of
 * each stack's template (links for the diagram, retained resources, NoEcho parameters).
 */
function renderContextFor(input) {
    const { settings, github } = input;
    const facts = {};
    for (const stack of input.plan.stacks)
        facts[stack.stackName] = (0,analysis_template/* templateFacts */.AA)(input.templates[stack.role] ?? '');
    return {
        mode: settings.mode,
        commitSha: github?.sha,
        runUrl: github?.runUrl,
        repository: github?.repository,
        serverUrl: github?.serverUrl,
        maskAccount: settings.maskAccountId,
        secrets: [...(input.secrets ?? []), ...(settings.githubToken ? [settings.githubToken] : [])],
        templates: facts,
    };
}

// EXTERNAL MODULE: ./src/render/text.ts + 1 modules
var render_text = __webpack_require__(1187);
// EXTERNAL MODULE: ./src/shared/text.ts
var shared_text = __webpack_require__(4646);
// EXTERNAL MODULE: ./src/settings/load.ts + 8 modules
var load = __webpack_require__(160);
// EXTERNAL MODULE: ./src/shared/clock.ts
var shared_clock = __webpack_require__(6103);
// EXTERNAL MODULE: ./src/stacks/read.ts + 1 modules
var read = __webpack_require__(6469);
// EXTERNAL MODULE: ./src/verify/report.ts
var verify_report = __webpack_require__(5271);
;// CONCATENATED MODULE: ./src/action/events.ts
/**
 * Events the README forbids: pull_request_target runs in the base repository's context (its
 * secrets, a token that may write, OIDC tokens), so a job that checks out the pull request's code
 * there hands the AWS role to whoever opened it. The action cannot tell which code the job
 * checked out, so it warns rather than fails.
 */
function warnAboutUnsafeEvent(env, log) {
    if (env.GITHUB_EVENT_NAME !== 'pull_request_target')
        return;
    log.warning('mwaa-deploy is running under pull_request_target, which the README forbids: the job has ' +
        "the base repository's secrets and OIDC tokens, so a pull request's code (a template, " +
        'an npm script, a workflow step) would run with your AWS role. Use the pull_request event.');
}

;// CONCATENATED MODULE: ./src/action/logger.ts


/** The engine's logger backed by the runner: warnings and errors become annotations. */
function actionsLogger() {
    return {
        // The last guard: no line of a message can pass for a workflow command.
        debug: (m) => debug((0,shared_text/* neutraliseCommands */.$B)(m)),
        info: (m) => info((0,shared_text/* neutraliseCommands */.$B)(m)),
        warning: (m) => warning((0,shared_text/* neutraliseCommands */.$B)(m)),
        error: (m) => error((0,shared_text/* neutraliseCommands */.$B)(m)),
        group: (name, fn) => group(name, fn),
    };
}

// EXTERNAL MODULE: ./src/engine/review.ts + 1 modules
var review = __webpack_require__(6255);
;// CONCATENATED MODULE: ./src/publish/commit-pulls.ts
/**
 * The pull request a commit came from: for a deploy on push or release, the merged PR whose
 * plan was reviewed. GitHub lists the PRs associated with a commit; the merged one wins, then
 * the most recently updated.
 */
async function pullRequestForCommit(client, owner, repo, sha) {
    const response = await client.request('GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls', {
        owner,
        repo,
        commit_sha: sha,
        per_page: 100,
    });
    const pulls = response.data;
    const sorted = [...pulls].sort((a, b) => Number(Boolean(b.merged_at)) - Number(Boolean(a.merged_at)) ||
        String(b.updated_at ?? '').localeCompare(String(a.updated_at ?? '')));
    return sorted[0]?.number;
}

// EXTERNAL MODULE: ./src/render/markdown.ts + 6 modules
var markdown = __webpack_require__(3753);
;// CONCATENATED MODULE: ./src/publish/comment-api.ts
/**
 * The few calls the sticky comment makes, bound to one pull request. The logic depends on this
 * interface only: tests pass a plain in-memory fake, the action passes octokitCommentsApi().
 *
 * Errors: implementations throw something with `status` (the HTTP status) and, when a response
 * came back, `response.headers`, the shape of Octokit's RequestError. GitHubHttpError below is
 * that shape for fakes.
 */

/** Comments per page: GitHub's maximum. */
const COMMENTS_PER_PAGE = 100;
/**
 * GitHub's limit on a comment body, in characters; a longer one is answered 422. The renderer
 * defines it (it cuts the plan to fit); the comment calls use the same number.
 */
const MAX_COMMENT_CHARS = markdown/* COMMENT_LIMIT */.W$;
/** An HTTP error in Octokit's RequestError shape, for fake CommentsApi implementations. */
class GitHubHttpError extends Error {
    status;
    name = 'HttpError';
    response;
    constructor(status, message, headers = {}) {
        super(message);
        this.status = status;
        this.response = { headers };
    }
}
/** The HTTP status of an error thrown by a CommentsApi; undefined if it is not an HTTP error. */
function statusOf(error) {
    const status = error?.status;
    return typeof status === 'number' && status > 0 ? status : undefined;
}
/** A response header of an error thrown by a CommentsApi (lower-case name). */
function headerOf(error, name) {
    const headers = error?.response
        ?.headers;
    const value = headers?.[name];
    return value === undefined || value === null ? undefined : String(value);
}

;// CONCATENATED MODULE: ./src/publish/comment-body.ts
/**
 * The text of a plan comment: marker line first, then the caller's markdown, cut to fit
 * GitHub's limit rather than rejected with a 422 (the full plan is in the job summary).
 */

const TRUNCATED_NOTE = `\n\n**This plan is longer than a comment can hold (${MAX_COMMENT_CHARS.toLocaleString('en-US')} ` +
    'characters) and was cut here. The full plan is in the job summary.**';
/**
 * Marker, body and an optional footer as one comment, and whether the body had to be cut to
 * fit (the footer never is).
 */
function composeComment(marker, body, footer = '') {
    const whole = `${marker}\n${body}${footer}`;
    // String length counts UTF-16 units, never fewer than GitHub's characters: a safe bound.
    if (whole.length <= MAX_COMMENT_CHARS)
        return { body: whole, truncated: false };
    const closers = '\n```\n</details>';
    const room = MAX_COMMENT_CHARS - marker.length - 1 - TRUNCATED_NOTE.length - closers.length - footer.length;
    const cutAt = body.lastIndexOf('\n', room);
    const kept = body.slice(0, cutAt > 0 ? cutAt : room);
    return {
        body: `${marker}\n${kept}${closeOpenBlocks(kept)}${TRUNCATED_NOTE}${footer}`,
        truncated: true,
    };
}
/** Closes a code fence or a <details> block the cut left open, so the note still renders. */
function closeOpenBlocks(text) {
    let close = '';
    const fences = text.match(/^[ \t]*```/gm)?.length ?? 0;
    if (fences % 2 === 1)
        close += '\n```';
    const opened = text.match(/<details\b/gi)?.length ?? 0;
    const closed = text.match(/<\/details>/gi)?.length ?? 0;
    if (opened > closed)
        close += '\n</details>';
    return close;
}
/** What a stale plan comment says once a later plan of the environment found no changes. */
function noChangesBody(environment, runUrl) {
    const run = runUrl ? ` ([run](${runUrl}))` : '';
    return [
        `### MWAA plan for \`${environment}\`: no changes any more`,
        '',
        `The latest plan${run} found nothing to change in this environment's stacks. ` +
            "The earlier plan is in this comment's edit history.",
    ].join('\n');
}
/** The line markApplied appends: which run applied the plan, and when (UTC). */
function appliedLine(runUrl, at) {
    const when = new Date(at).toISOString().replace('T', ' ').slice(0, 16);
    const run = runUrl ? `[this run](${runUrl})` : 'a workflow run';
    return `**Applied** in ${run} at ${when} UTC.`;
}

// EXTERNAL MODULE: ./src/shared/retry.ts
var retry = __webpack_require__(3091);
;// CONCATENATED MODULE: ./src/publish/comment-retry.ts



const DEFAULT_COMMENT_RETRY = {
    attempts: 4,
    baseDelayMs: 1_000,
    maxDelayMs: 16_000,
    maxRetryAfterMs: 60_000,
    maxTotalWaitMs: 120_000,
};
/** A call that failed for good, with what was being attempted and how often. */
class CommentCallError extends Error {
    operation;
    status;
    rateLimited;
    attempts;
    cause;
    name = 'CommentCallError';
    constructor(
    /** What was attempted, e.g. `list the comments`. */
    operation, status, 
    /** Whether GitHub was rate limiting us when we gave up. */
    rateLimited, attempts, cause) {
        super(`Could not ${operation}: ${shortMessage(cause)}`);
        this.operation = operation;
        this.status = status;
        this.rateLimited = rateLimited;
        this.attempts = attempts;
        this.cause = cause;
    }
}
/**
 * An error's message fit for one log line: GitHub's edge answers some 5xx with a whole HTML
 * page, which says nothing a status does not.
 */
function shortMessage(error) {
    const message = (0,errors/* errorMessage */.g)(error).replace(/\s+/g, ' ').trim();
    if (/<html[\s>]/i.test(message))
        return 'an HTML error page';
    return message.length > 300 ? `${message.slice(0, 297)}...` : message;
}
/**
 * Secondary (and primary) rate limits: 429, or 403 with `retry-after`, with
 * `x-ratelimit-remaining: 0`, or with a message about a rate limit. A 403 without those is a
 * permission problem and is not retried.
 */
function isRateLimited(error) {
    const status = statusOf(error);
    if (status === 429)
        return true;
    if (status !== 403)
        return false;
    return (headerOf(error, 'retry-after') !== undefined ||
        headerOf(error, 'x-ratelimit-remaining') === '0' ||
        /rate limit/i.test((0,errors/* errorMessage */.g)(error)));
}
function verdictOf(error, now) {
    if (isRateLimited(error))
        return { retry: true, rateLimited: true, waitMs: rateLimitWait(error, now) };
    const status = statusOf(error);
    // Octokit reports a connection failure as status 500 too: worth another try.
    if (status !== undefined && status >= 500)
        return { retry: true, rateLimited: false };
    return { retry: false, rateLimited: false };
}
/** GitHub's documented order: retry-after, else the reset time, else at least a minute. */
function rateLimitWait(error, now) {
    const retryAfter = headerOf(error, 'retry-after')?.trim();
    if (retryAfter) {
        if (/^\d+$/.test(retryAfter))
            return Number(retryAfter) * 1000;
        const at = Date.parse(retryAfter);
        if (!Number.isNaN(at))
            return Math.max(0, at - now);
    }
    const reset = headerOf(error, 'x-ratelimit-reset');
    if (headerOf(error, 'x-ratelimit-remaining') === '0' && reset && /^\d+$/.test(reset)) {
        return Math.max(0, Number(reset) * 1000 - now) + 1_000;
    }
    return 60_000;
}
/**
 * Runs fn, retrying rate limits and 5xx answers within the options' bounds. Throws a
 * CommentCallError when it gives up.
 */
async function withCommentRetries(operation, fn, context) {
    const options = { ...DEFAULT_COMMENT_RETRY, ...context.retry };
    const random = options.random ?? Math.random;
    let waited = 0;
    for (let attempt = 1;; attempt++) {
        try {
            return await fn();
        }
        catch (thrown) {
            // A nested call that already gave up (see create in comment.ts) is judged by its cause.
            const error = thrown instanceof CommentCallError ? thrown.cause : thrown;
            const verdict = verdictOf(error, context.clock.now());
            const delay = verdict.retry ? delayFor(verdict, attempt, options, random) : undefined;
            if (delay === undefined ||
                attempt >= options.attempts ||
                waited + delay > options.maxTotalWaitMs) {
                throw new CommentCallError(operation, statusOf(error), verdict.rateLimited, attempt, error);
            }
            context.log.info(`GitHub answered ${statusOf(error) ?? 'an error'} (${shortMessage(error)}) when trying to ${operation}; ` +
                `retrying in ${(delay / 1000).toFixed(1)} s (attempt ${attempt + 1} of ${options.attempts}).`);
            waited += delay;
            await context.clock.sleep(delay);
        }
    }
}
/** The wait before the next attempt, or undefined when GitHub asks for more than we allow. */
function delayFor(verdict, attempt, options, random) {
    if (verdict.waitMs !== undefined) {
        if (verdict.waitMs > options.maxRetryAfterMs)
            return undefined;
        // Never earlier than asked; a little later, so runners limited together spread out.
        return verdict.waitMs + Math.round(random() * 1_000);
    }
    return (0,retry/* equalJitter */.J)(Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1)), random);
}

;// CONCATENATED MODULE: ./src/publish/comment-errors.ts
/**
 * Turns a comment call that failed for good into one warning that says what happened, why, and
 * what to do. A comment is a convenience: the plan itself succeeded and is in the job summary,
 * so these are warnings, never step failures.
 */



const SUMMARY_NOTE = 'The plan is still in the job summary.';
/** The warning for a failed comment call (any error: a bug must not fail the step either). */
function explainCommentFailure(error, context = {}) {
    const afterwards = context.afterwards ?? SUMMARY_NOTE;
    if (!(error instanceof CommentCallError)) {
        return `Could not publish the plan comment${on(context)}: ${(0,errors/* errorMessage */.g)(error)}. ${afterwards}`;
    }
    const head = `Could not ${error.operation}${on(context)}: GitHub answered ${describe(error)}.`;
    return `${head} ${advice(error, context)} ${afterwards}`;
}
function on(context) {
    return context.where ? ` on ${context.where}` : '';
}
function describe(error) {
    const message = shortMessage(error.cause);
    const status = error.status === undefined ? '' : `${error.status} `;
    const tries = error.attempts > 1 ? ` (after ${error.attempts} attempts)` : '';
    return `${status}"${message}"${tries}`;
}
function advice(error, context) {
    if (error.rateLimited) {
        return ("GitHub's rate limit did not clear within the time this action waits for it. " +
            'Re-run the job later, or run fewer jobs that comment at the same time.');
    }
    switch (error.status) {
        case 401:
            return 'The github-token was refused: it is invalid or has expired.';
        case 403:
            if (context.fromFork) {
                return ('This pull request comes from a fork, where GITHUB_TOKEN is read-only, so this is ' +
                    'expected: the plan cannot be posted as a comment on fork pull requests.');
            }
            return ('The token may not write pull-request comments: give the job ' +
                '`permissions: pull-requests: write` (or pass a github-token that may).');
        case 404:
            return ('The pull request or repository was not found, or the token cannot see it: check that ' +
                'the run is for a pull request of this repository and that the job has ' +
                '`permissions: pull-requests: write`.');
        case 422:
            return (`GitHub rejected the comment; a comment body is limited to ${MAX_COMMENT_CHARS.toLocaleString('en-US')} ` +
                'characters.');
        default:
            return error.status !== undefined && error.status >= 500
                ? 'GitHub kept failing; re-run the job to post the comment.'
                : 'Check the github-token and the job permissions.';
    }
}

// EXTERNAL MODULE: ./src/publish/comment-marker.ts
var comment_marker = __webpack_require__(7341);
;// CONCATENATED MODULE: ./src/publish/comment-find.ts


/** A bound against a server whose Link header never ends: 100,000 comments. */
const MAX_PAGES = 1_000;
/**
 * The newest comment whose body starts with our marker, at this marker version, for this
 * environment; undefined when there is none. Throws CommentCallError when GitHub fails for good.
 */
async function findOurComment(options) {
    const { api, environment, authors } = options;
    let found;
    let matches = 0;
    const pages = api.pages();
    for (let page = 1; page <= MAX_PAGES; page++) {
        const comments = await withCommentRetries(`list the comments (page ${page})`, () => pages.next(), options);
        if (comments === undefined)
            break;
        for (const comment of comments) {
            const marker = (0,comment_marker/* parseMarker */.gY)(comment.body);
            if (marker?.version !== comment_marker/* MARKER_VERSION */.Uf || marker.environment !== environment)
                continue;
            if (authors && !(comment.author !== undefined && authors.includes(comment.author)))
                continue;
            // Comments come oldest first: the last match is the newest.
            found = { ...comment, marker };
            matches++;
        }
        if (page === MAX_PAGES)
            options.log.warning(`Stopped reading comments after ${page} pages.`);
    }
    if (matches > 1) {
        options.log.debug(`${matches} plan comments for environment ${environment}; using the newest (${found?.id}).`);
    }
    return found;
}

;// CONCATENATED MODULE: ./src/publish/comment.ts










/**
 * Creates, updates, collapses or deletes this environment's plan comment as the policy says:
 * - `never`: no call at all;
 * - `on-change` without changes: no comment if there is none, else the stale one is collapsed
 *   (or deleted, see `stale`);
 * - otherwise the comment is updated in place, or created.
 * Never throws: the plan succeeded whatever happens to its comment. A failure is logged as a
 * warning (with the reason and the fix) and returned as `failed`.
 */
async function upsertPlanComment(options) {
    if (options.policy === 'never')
        return { action: 'skipped' };
    const { api, log } = options;
    try {
        const marker = (0,comment_marker/* formatMarker */.gJ)(options.environment, options.markerFields);
        const existing = await findOurComment(options);
        if (options.policy === 'on-change' && !options.hasChanges) {
            if (!existing)
                return { action: 'skipped' };
            if (options.stale === 'delete') {
                await withCommentRetries('delete the stale plan comment', () => api.remove(existing.id), options);
                log.info(`Deleted the plan comment for ${options.environment}: the plan has no changes any more.`);
                return { action: 'deleted', id: existing.id };
            }
            const collapsed = composeComment(marker, noChangesBody(options.environment, options.runUrl));
            return await write(existing, collapsed.body, 'collapsed', options);
        }
        const composed = composeComment(marker, options.body);
        const warning = composed.truncated
            ? `The plan comment for ${options.environment} was cut to GitHub's limit of ` +
                `${MAX_COMMENT_CHARS.toLocaleString('en-US')} characters; the full plan is in the job summary.`
            : undefined;
        if (warning)
            log.warning(warning);
        const outcome = existing
            ? await write(existing, composed.body, 'updated', options)
            : await create(composed.body, options);
        return warning ? { ...outcome, warning } : outcome;
    }
    catch (error) {
        const warning = explainCommentFailure(error, { where: api.label, fromFork: options.fromFork });
        log.warning(warning);
        return { action: 'failed', warning };
    }
}
/** Rewrites a comment, unless it already says exactly this (no edit, no notification). */
async function write(existing, body, action, options) {
    if (existing.body === body)
        return { action: 'skipped', id: existing.id, url: existing.url };
    const updated = await withCommentRetries('update the plan comment', () => options.api.update(existing.id, body), options);
    options.log.info(`Plan comment ${action}: ${updated.url ?? existing.url ?? updated.id}`);
    return { action, id: updated.id, url: updated.url ?? existing.url };
}
/**
 * Posts a new comment. A POST that failed with a 5xx may still have been stored, so before
 * posting again the comments are read once more, and a comment that turned up is updated instead
 * of posting a duplicate.
 */
async function create(body, options) {
    let attempt = 0;
    const created = await withCommentRetries('create the plan comment', async () => {
        if (attempt++ > 0) {
            const late = await findOurComment({ ...options, retry: { ...options.retry, attempts: 1 } });
            if (late)
                return options.api.update(late.id, body);
        }
        return options.api.create(body);
    }, options);
    options.log.info(`Plan comment created: ${created.url ?? created.id}`);
    return { action: 'created', id: created.id, url: created.url };
}

;// CONCATENATED MODULE: ./src/publish/comment-applied.ts
/**
 * The plan comment after the plan: deploy reads it back (which plan was reviewed) and marks it
 * applied, so the pull request records which run applied what, and when.
 */





/**
 * This environment's plan comment on the pull request with its marker fields, or undefined when
 * there is none. Unlike upsert it throws (a CommentCallError saying what failed) when the
 * comments cannot be read: whether that blocks a deploy is the caller's decision.
 */
async function findReviewedPlanComment(options) {
    const found = await findOurComment(options);
    if (!found)
        return undefined;
    return {
        id: found.id,
        url: found.url,
        author: found.author,
        updatedAt: found.updatedAt,
        fields: found.marker.fields,
        body: found.body,
    };
}
/**
 * Sets the marker's status to `applied` (other fields kept) and appends "Applied in <run> at
 * <time>". Skipped when there is no comment or this run is already recorded. Never throws: the
 * deploy succeeded whatever happens to the comment.
 */
async function markApplied(options) {
    const { api, log } = options;
    try {
        const found = await findOurComment(options);
        if (!found) {
            log.info(`No plan comment for ${options.environment} to mark as applied.`);
            return { action: 'skipped' };
        }
        const line = appliedLine(options.runUrl, options.clock.now());
        const rest = (0,comment_marker/* stripMarker */.db)(found.body);
        if (options.runUrl &&
            found.marker.fields.status === 'applied' &&
            rest.includes(`(${options.runUrl})`)) {
            return { action: 'skipped', id: found.id, url: found.url };
        }
        const marker = (0,comment_marker/* formatMarker */.gJ)(options.environment, { ...found.marker.fields, status: 'applied' });
        const { body } = composeComment(marker, rest.trimEnd(), `\n\n${line}`);
        const updated = await withCommentRetries('mark the plan comment applied', () => api.update(found.id, body), options);
        log.info(`Plan comment marked applied: ${updated.url ?? found.url ?? found.id}`);
        return { action: 'updated', id: updated.id, url: updated.url ?? found.url };
    }
    catch (error) {
        const warning = explainCommentFailure(error, {
            where: api.label,
            fromFork: options.fromFork,
            afterwards: 'The deploy itself succeeded.',
        });
        log.warning(warning);
        return { action: 'failed', warning };
    }
}

;// CONCATENATED MODULE: ./src/publish/comment-octokit.ts

/** Per-request options: no plugin retries under ours. */
const NO_PLUGIN_RETRIES = { retries: 0 };
/** The comments of one pull request (an issue, to the REST API) through Octokit. */
function octokitCommentsApi(octokit, owner, repo, issueNumber) {
    const where = { owner, repo, request: NO_PLUGIN_RETRIES };
    return {
        label: `${owner}/${repo}#${issueNumber}`,
        pages() {
            const pages = octokit.paginate.iterator('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', { owner, repo, issue_number: issueNumber, per_page: COMMENTS_PER_PAGE });
            const iterator = pages[Symbol.asyncIterator]();
            return {
                async next() {
                    const page = await iterator.next();
                    return page.done ? undefined : page.value.data.map(toComment);
                },
            };
        },
        async create(body) {
            const response = await octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { ...where, issue_number: issueNumber, body });
            return toComment(response.data);
        },
        async update(id, body) {
            const response = await octokit.request('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', { ...where, comment_id: id, body });
            return toComment(response.data);
        },
        async remove(id) {
            await octokit.request('DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}', {
                ...where,
                comment_id: id,
            });
        },
    };
}
function toComment(raw) {
    return {
        id: Number(raw.id),
        body: raw.body ?? '',
        url: raw.html_url,
        author: raw.user?.login,
        updatedAt: raw.updated_at,
    };
}

;// CONCATENATED MODULE: ./src/action/github.ts

/**
 * An authenticated GitHub client against the run's API (GitHub Enterprise Server included),
 * made on the first call: `@actions/github` (Octokit, undici) is loaded only by a run that talks
 * to GitHub, not by every run that merely has a token.
 */
function githubClient(token, context) {
    let client;
    return () => (client ??= __webpack_require__.e(/* import() */ 413).then(__webpack_require__.bind(__webpack_require__, 2413)).then((m) => m.getOctokit(token, { baseUrl: context.apiUrl })));
}
/** The comments of a pull request. */
function pullRequestAccess(client, context, number, fromFork) {
    return { number, api: octokitCommentsApi(client, context.owner, context.repo, number), fromFork };
}
/**
 * Who writes our comments: the token's own login when GitHub tells (a personal token), else
 * the Actions bot (GITHUB_TOKEN cannot read /user). Only that author's markers are trusted:
 * anyone can paste a marker into a comment.
 */
async function commentAuthors(client) {
    try {
        const me = await client.request('GET /user');
        const login = me.data.login;
        if (login)
            return [login];
    }
    catch {
        // An installation token (GITHUB_TOKEN) answers 403 here.
    }
    return ['github-actions[bot]'];
}

;// CONCATENATED MODULE: ./src/action/review.ts






/**
 * The pull request side of a run: the sticky plan comment in plan mode; in deploy mode, the
 * reviewed-plan check against that comment and marking it applied.
 */
class PullRequestReview {
    settings;
    github;
    log;
    clock;
    client;
    /** The pull request the reviewed plan was read from. */
    access;
    constructor(settings, github, log, clock) {
        this.settings = settings;
        this.github = github;
        this.log = log;
        this.clock = clock;
        if (settings.githubToken && github)
            this.client = githubClient(settings.githubToken, github);
    }
    /** Posts or updates the plan comment; returns its URL. Never fails the plan. */
    async postPlan(plan, fingerprint, templates) {
        const pr = this.github?.pullRequest;
        if (this.settings.comment === 'never')
            return undefined;
        if (!pr || !this.client || !this.github) {
            this.log.info('Not a pull request run (or no github-token): the plan is in the job summary only.');
            return undefined;
        }
        const ctx = renderContextFor({ settings: this.settings, plan, templates, github: this.github });
        const outcome = await upsertPlanComment({
            api: pullRequestAccess(await this.client(), this.github, pr.number).api,
            environment: this.settings.environmentName,
            body: (0,markdown/* renderForComment */.XH)(plan, ctx),
            policy: this.settings.comment,
            hasChanges: plan.stacks.some((s) => s.action !== 'none'),
            markerFields: {
                status: 'planned',
                ...(this.github.sha ? { sha: this.github.sha } : {}),
                ...(0,review/* fingerprintFields */.gi)(fingerprint),
            },
            fromFork: pr.fromFork,
            runUrl: this.github.runUrl,
            log: this.log,
            clock: this.clock,
        });
        if (outcome.action !== 'failed' && outcome.action !== 'skipped') {
            this.log.info(`Plan comment ${outcome.action}${outcome.url ? `: ${outcome.url}` : ''}.`);
        }
        return outcome.url;
    }
    /**
     * Deploy with require-reviewed-plan: where the engine's gate reads the reviewed plan, the
     * plan comment of the pull request this commit came from. The gate compares fingerprints.
     */
    source = {
        read: async () => {
            if (!this.client || !this.github) {
                throw new review/* ReviewedPlanError */.hB('require-reviewed-plan needs github-token and a GitHub Actions run to read the plan comment.');
            }
            const client = await this.client();
            const number = this.github.pullRequest?.number ??
                (this.github.sha
                    ? await pullRequestForCommit(client, this.github.owner, this.github.repo, this.github.sha)
                    : undefined);
            if (number === undefined) {
                throw new review/* ReviewedPlanError */.hB(`require-reviewed-plan is on, but commit ${this.github.sha ?? '(unknown)'} belongs to no pull request, so no plan was reviewed.`);
            }
            const access = pullRequestAccess(client, this.github, number);
            const comment = await findReviewedPlanComment({
                api: access.api,
                environment: this.settings.environmentName,
                authors: await commentAuthors(client),
                log: this.log,
                clock: this.clock,
            });
            this.access = access;
            return { ...(comment ? { comment } : {}), where: `pull request #${number}` };
        },
    };
    /**
     * The deploy's plan rendered as the plan run rendered its comment (plan mode, same masking):
     * the gate requires the reviewed comment to show this text, not only to carry the marker.
     */
    renderAsComment(plan, templates) {
        const settings = { ...this.settings, mode: 'plan' };
        return (0,markdown/* renderForComment */.XH)(plan, renderContextFor({ plan, templates, settings, github: this.github }));
    }
    /** After a deploy: records on the reviewed comment that this run applied it. */
    async markApplied(reviewed) {
        if (!reviewed || !this.access)
            return;
        await markApplied({
            api: this.access.api,
            environment: this.settings.environmentName,
            runUrl: this.github?.runUrl,
            log: this.log,
            clock: this.clock,
        });
    }
}

;// CONCATENATED MODULE: ./src/action/main.ts


















/**
 * The action: read and validate every input and both templates before anything touches AWS,
 * then run the job (the engine gates every change set), and publish the plan (log, job
 * summary, PR comment), the outputs and the checks. The one place that calls setFailed;
 * anything thrown (Error or not) fails the step.
 */
async function run(env = process.env) {
    const cancel = (0,engine_cancel/* cancellation */.W)();
    let mode;
    try {
        const settings = (0,load/* loadSettings */.M)((name) => getInput(name), env);
        // Masked before anything can print it (an HTTP error may quote the Authorization header).
        if (settings.githubToken)
            setSecret(settings.githubToken);
        mode = settings.mode;
        const templates = await (0,read/* readTemplates */.Q)(settings);
        const github = await readGitHubContext(env).catch(() => undefined);
        const log = actionsLogger();
        warnAboutUnsafeEvent(env, log);
        const clock = shared_clock/* systemClock */.m;
        const review = new PullRequestReview(settings, github, log, clock);
        const result = await (0,job/* runJob */.b)(settings, templates, {
            env,
            clock,
            log,
            signal: cancel.signal,
            onSecret: (s) => setSecret(s),
            session: { getIdToken: (audience) => getIDToken(audience) },
            review: { ...review.source, render: (plan) => review.renderAsComment(plan, templates) },
            onPlan: async (plan) => {
                const text = (0,render_text/* renderPlanText */.$)(plan, renderContextFor({ settings, plan, templates, github }));
                await log.group('Plan', async () => log.info(text));
            },
        });
        const report = result.verify;
        if (report)
            await log.group('Checks', async () => log.info((0,verify_report/* formatVerifyReport */.P)(report)));
        if (result.fingerprint)
            setOutput('plan-fingerprint', result.fingerprint.value);
        const plan = result.plan;
        await (0,publish/* publishResult */.v)(result, sink(), {
            planDirectory: env.RUNNER_TEMP || (0,external_node_os_.tmpdir)(),
            renderContext: plan && renderContextFor({ settings, plan, templates, github }),
        });
        // Plan mode: the comment first, then the step fails when the policy forbids the plan.
        if (settings.mode === 'plan' && plan && result.fingerprint) {
            const url = await review.postPlan(plan, result.fingerprint, templates);
            if (url)
                setOutput('comment-url', url);
            if (result.blocked)
                throw new policy/* DestructivePlanError */.S(result.blocked);
        }
        if (settings.mode === 'deploy')
            await review.markApplied(result.reviewed);
        if (result.verify && !result.verify.ok) {
            throw new Error('The deployed stacks do not meet what MWAA needs (see the checks above).');
        }
        // By the import-errors policy: a new error in a DAG file this deploy changed.
        const importFailure = (0,import_errors_stage.importErrorsFailure)(result.importErrors);
        if (importFailure)
            throw new Error(importFailure);
    }
    catch (error) {
        setFailed((0,shared_text/* neutraliseCommands */.$B)(cancel.signal.aborted ? cancel.describe(error, mode) : (0,errors/* errorMessage */.g)(error)));
    }
    finally {
        cancel.dispose();
    }
}
function sink() {
    return {
        setOutput: (name, value) => setOutput(name, value),
        appendSummary: async (markdown) => {
            if (!process.env.GITHUB_STEP_SUMMARY)
                return;
            await appendSummary(markdown);
        },
    };
}


/***/ })

};
