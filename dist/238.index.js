export const id = 238;
export const ids = [238];
export const modules = {

/***/ 9238:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  main: () => (/* binding */ main)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/engine/cancel.ts
var engine_cancel = __webpack_require__(1986);
// EXTERNAL MODULE: ./src/engine/job.ts + 34 modules
var job = __webpack_require__(7094);
// EXTERNAL MODULE: ./src/settings/network.ts + 2 modules
var network = __webpack_require__(1835);
// EXTERNAL MODULE: ./src/stacks/specs.ts
var specs = __webpack_require__(5821);
// EXTERNAL MODULE: ./src/stacks/summary.ts
var stacks_summary = __webpack_require__(7853);
// EXTERNAL MODULE: ./src/plan/convert.ts
var convert = __webpack_require__(1432);
// EXTERNAL MODULE: ./src/plan/model.ts + 1 modules
var model = __webpack_require__(304);
// EXTERNAL MODULE: ./src/plan/analysis-additions.ts
var analysis_additions = __webpack_require__(4841);
;// CONCATENATED MODULE: ./src/plan/offline.ts






/**
 * The plan of both stacks against an empty account, from the templates alone: what the first
 * deploy would create. No AWS call; values that come from the VPC stack are "known after deploy".
 */
function offlinePlan(settings, templates, now = new Date()) {
    const stacks = (0,specs/* stackSpecs */.Nk)(settings, templates).map((spec) => {
        const summary = (0,stacks_summary/* summarizeStack */.eV)(spec, settings);
        const plan = {
            role: spec.role,
            stackName: spec.name,
            status: 'MISSING',
            action: 'create',
            source: 'template',
            templateSource: spec.templateSource,
            parameters: (0,convert/* parameterChanges */.xI)(spec.parameters, undefined),
            changes: (0,convert/* additionsFrom */.K$)(summary.resources),
            warnings: [],
        };
        // What each new resource will be (its statements and rules), from the evaluated template.
        return (0,analysis_additions/* withTemplateContexts */.VL)(plan, {
            templateBody: spec.templateBody,
            stackName: spec.name,
            region: settings.region,
            parameters: spec.parameters,
        });
    });
    return {
        version: model/* PLAN_MODEL_VERSION */.Z,
        environmentName: settings.environmentName,
        region: settings.region,
        createdAt: now.toISOString(),
        keyMode: settings.keyMode,
        stacks,
        warnings: [
            'Offline plan: made from the templates alone against an empty account, without calling AWS.',
            ...[(0,network/* derivedSubnetsNote */.W)(settings.network)].filter((note) => note !== undefined),
        ],
    };
}

// EXTERNAL MODULE: ./src/publish/publish.ts + 4 modules
var publish = __webpack_require__(9690);
// EXTERNAL MODULE: ./src/render/markdown.ts + 6 modules
var render_markdown = __webpack_require__(3753);
// EXTERNAL MODULE: ./src/render/text.ts + 1 modules
var render_text = __webpack_require__(1187);
// EXTERNAL MODULE: ./src/settings/defaults.ts
var defaults = __webpack_require__(9563);
// EXTERNAL MODULE: ./src/settings/load.ts + 8 modules
var load = __webpack_require__(160);
// EXTERNAL MODULE: ./src/settings/problems.ts
var problems = __webpack_require__(1477);
// EXTERNAL MODULE: ./src/shared/clock.ts
var clock = __webpack_require__(6103);
// EXTERNAL MODULE: ./src/shared/errors.ts
var errors = __webpack_require__(8382);
;// CONCATENATED MODULE: ./src/shared/logger.ts
/**
 * A logger for terminals: info to `info` (stdout unless told otherwise), the rest to stderr;
 * debug lines only when asked for.
 */
function consoleLogger(options = {}) {
    const info = options.info ?? ((line) => process.stdout.write(line));
    return {
        debug: (message) => {
            if (options.debug)
                process.stderr.write(`debug: ${message}\n`);
        },
        info: (message) => info(`${message}\n`),
        warning: (message) => process.stderr.write(`warning: ${message}\n`),
        error: (message) => process.stderr.write(`error: ${message}\n`),
        group: async (name, fn) => {
            info(`\n== ${name}\n`);
            return fn();
        },
    };
}
/** A logger that keeps every line, for tests and for library callers who render later. */
function memoryLogger() {
    const lines = [];
    return {
        lines,
        debug: (m) => lines.push(`debug: ${m}`),
        info: (m) => lines.push(m),
        warning: (m) => lines.push(`warning: ${m}`),
        error: (m) => lines.push(`error: ${m}`),
        group: async (name, fn) => {
            lines.push(`== ${name}`);
            return fn();
        },
    };
}

// EXTERNAL MODULE: ./src/stacks/read.ts + 1 modules
var read = __webpack_require__(6469);
// EXTERNAL MODULE: ./src/verify/report.ts
var report = __webpack_require__(5271);
// EXTERNAL MODULE: ./src/code/import-errors-stage.ts + 1 modules
var import_errors_stage = __webpack_require__(1228);
// EXTERNAL MODULE: ./src/version.ts
var version = __webpack_require__(311);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(3136);
// EXTERNAL MODULE: ./node_modules/js-yaml/dist/js-yaml.mjs
var js_yaml = __webpack_require__(3243);
// EXTERNAL MODULE: ./src/shared/package-file.ts
var package_file = __webpack_require__(5672);
;// CONCATENATED MODULE: ./src/cli/action-inputs.ts
/**
 * The inputs' descriptions for the help, read from the package's action.yml, the same source
 * as the README's input table, so the three cannot say different things.
 */





/**
 * Each input's description by name; empty when action.yml cannot be found or read (a bundle
 * copied away from its package): the help then lists the flags without their meaning.
 */
function actionInputs(startDir = (0,external_node_path_.dirname)((0,external_node_url_.fileURLToPath)(import.meta.url))) {
    const found = (0,package_file/* findPackageFile */.U)('action.yml', startDir);
    if (found.path === undefined)
        return {};
    try {
        const action = (0,js_yaml/* load */.Hh)((0,external_node_fs_.readFileSync)(found.path, 'utf8'));
        const inputs = {};
        for (const [name, input] of Object.entries(action?.inputs ?? {})) {
            inputs[name] = {
                description: String(input?.description ?? '')
                    .replace(/\s+/g, ' ')
                    .trim(),
                required: input?.required === true || input?.required === 'true',
            };
        }
        return inputs;
    }
    catch {
        return {};
    }
}

// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
;// CONCATENATED MODULE: ./src/cli/commands.ts
/**
 * The command line's commands and which of the action's inputs each one uses, in one place, so
 * the help lists only what a command reads and a flag that would do nothing is refused.
 */

/** The command line's commands; `plan`, `deploy` and `verify` are the action's modes. */
const COMMANDS = ['plan', 'deploy', 'verify', 'render', 'help'];
/** One line per command, for the help. */
const SUMMARIES = {
    plan: 'show what CloudFormation would change in the stacks (never executes)',
    deploy: 'plan, then create or update the VPC and prerequisite stacks (and the environment stack) in order, then check them',
    verify: 'check the deployed stacks against what MWAA needs',
    render: 'show a saved plan (the plan-file output) as text, markdown or a PR comment',
    help: "this text, or one command's options: mwaa-deploy help <command>",
};
const NO_COMMENT = 'the command line posts no PR comment';
const NO_RUNNER = "the command line uses the AWS credentials of your environment, profile or SSO; it has no Actions runner's OIDC token to exchange";
/** Inputs only the GitHub Action uses, and why the command line does not. */
const ACTION_ONLY_WHY = {
    'role-to-assume': NO_RUNNER,
    'role-session-name': NO_RUNNER,
    'role-duration-seconds': NO_RUNNER,
    audience: NO_RUNNER,
    comment: NO_COMMENT,
    'github-token': NO_COMMENT,
    'require-reviewed-plan': 'it checks the plan comment of the pull request a commit came from',
};
/** Inputs only the GitHub Action uses. */
const ACTION_ONLY = Object.keys(ACTION_ONLY_WHY);
/**
 * Inputs a command does not read (beyond {@link ACTION_ONLY}). Listed by exclusion so that an
 * input added to action.yml is a flag of every command until someone says otherwise.
 */
const NOT_USED = {
    // The import-errors check runs after a deploy's code sync only.
    plan: ['termination-protection', 'import-errors', 'import-errors-wait-seconds'],
    deploy: [],
    // verify reads the stacks' outputs: templates, parameters and stack operations play no part.
    verify: [
        'vpc-cidr',
        'public-subnet-1-cidr',
        'public-subnet-2-cidr',
        'private-subnet-1-cidr',
        'private-subnet-2-cidr',
        'bucket-name',
        'vpc-template',
        'prerequisites-template',
        'tags',
        'fail-on-destructive',
        'allow-destructive',
        'allow-failed-prechecks',
        'termination-protection',
        'recreate-failed-stack',
        'timeout-minutes',
        'environment-timeout-minutes',
        // The environment is read by its name and its stack's outputs, not from these.
        'environment-template',
        'airflow-version',
        'environment-class',
        'min-workers',
        'max-workers',
        'schedulers',
        'webserver-access-mode',
        'log-levels',
        'weekly-maintenance-window-start',
        'airflow-configuration-options',
        'import-errors',
        'import-errors-wait-seconds',
        // Parameters of the templates, and what only a plan or a deploy does: drift detection and
        // the code sync (runMode skips the code stage in verify).
        'permissions-boundary',
        'drift-timeout-seconds',
        'dags-path',
        'requirements-path',
        'startup-script-path',
        'plugins-path',
        'dag-s3-path',
        'dag-deletion-limit',
    ],
};
/** The inputs a command reads, in action.yml's order (`mode` is the command itself). */
function inputsOf(command) {
    if (command === 'render')
        return ['mask-aws-account-id'];
    if (command === 'help')
        return [];
    const unused = new Set(['mode', ...ACTION_ONLY, ...NOT_USED[command]]);
    return defaults/* INPUT_NAMES */.Qh.filter((name) => !unused.has(name));
}
/** The command's own options (not inputs), with the text the help shows. */
function optionsOf(command) {
    const json = [
        '--json',
        'the result as JSON on stdout (progress goes to stderr)',
    ];
    switch (command) {
        case 'plan':
            return [
                [
                    '--offline',
                    'from the templates alone, without AWS (example values fill environment-name and aws-region)',
                ],
                json,
            ];
        case 'deploy':
        case 'verify':
            return [json];
        case 'render':
            return [
                [
                    '--plan-file <path>',
                    'the JSON plan the action (plan-file output) or `plan --json` wrote',
                ],
                [
                    '--format <format>',
                    'text (default), markdown (the job summary), comment (the PR comment) or json',
                ],
                json,
            ];
        default:
            return [];
    }
}
/** Why an input is not a flag of this command, or undefined when it is one. */
function unusedReason(command, input) {
    if (inputsOf(command).includes(input))
        return undefined;
    const why = ACTION_ONLY_WHY[input];
    if (why !== undefined)
        return `--${input} only applies to the GitHub Action (${why})`;
    const users = ['plan', 'deploy', 'verify', 'render'].filter((c) => inputsOf(c).includes(input));
    return `--${input} does nothing in '${command}' (it is used by ${users.join(', ')})`;
}

;// CONCATENATED MODULE: ./src/cli/suggest.ts
/** Levenshtein distance: insertions, deletions and substitutions, each costing 1. */
function distance(a, b) {
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) {
            const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
            current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
        }
        previous = current;
    }
    return previous[b.length] ?? 0;
}
/**
 * The candidate nearest to a mistyped word, when it is near enough to be a plausible typo (at
 * most a third of the word's letters, and at least 2, differ), or one that starts with it.
 */
function nearest(word, candidates) {
    let best;
    for (const name of candidates) {
        const d = distance(word, name);
        if (best === undefined || d < best.d)
            best = { name, d };
    }
    if (best !== undefined && best.d <= Math.max(2, Math.floor(word.length / 3)))
        return best.name;
    return word.length >= 3 ? candidates.find((name) => name.startsWith(word)) : undefined;
}

;// CONCATENATED MODULE: ./src/cli/args.ts
/**
 * The command line, parsed and checked before anything runs: an unknown command or flag, a flag
 * the command does not use, or a missing value is a {@link UsageError} (exit 2) that names it,
 * suggests the nearest valid one and points to the command's help.
 */





/** Output formats of `render`. */
const FORMATS = ['text', 'markdown', 'comment', 'json'];
/** Raised for a command line the tool cannot understand; the CLI exits 2 and points to help. */
class UsageError extends Error {
    /** The command whose help to point to; undefined for the tool's. */
    command;
    constructor(message, command) {
        super(message);
        this.name = 'UsageError';
        if (command !== undefined)
            this.command = command;
    }
}
/** Every option any command knows: its own and every input (`mode` is the command itself). */
function allOptions() {
    const options = {
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean' },
        offline: { type: 'boolean' },
        json: { type: 'boolean' },
        'plan-file': { type: 'string' },
        format: { type: 'string' },
    };
    for (const name of defaults/* INPUT_NAMES */.Qh)
        if (name !== 'mode')
            options[name] = { type: 'string' };
    return options;
}
/** The flags a command accepts (every known flag without a command), for suggestions. */
function flagsOf(command) {
    if (command === undefined)
        return Object.keys(allOptions()).map((name) => `--${name}`);
    const own = optionsOf(command).map(([flag]) => flag.split(' ')[0] ?? flag);
    return [...own, ...inputsOf(command).map((name) => `--${name}`), '--help', '--version'];
}
function isCommand(word) {
    return COMMANDS.includes(word ?? '');
}
/** Refuses the first option the command does not know or does not use. */
function checkOptions(argv, command) {
    const { tokens } = (0,external_node_util_.parseArgs)({
        args: [...argv],
        options: allOptions(),
        allowPositionals: true,
        strict: false,
        tokens: true,
    });
    const known = allOptions();
    const accepted = new Set(flagsOf(command));
    for (const token of tokens) {
        if (token.kind !== 'option' || token.name === 'help' || token.name === 'version')
            continue;
        const flag = token.rawName.startsWith('--') ? `--${token.name}` : token.rawName;
        if (accepted.has(flag))
            continue;
        if (command !== undefined && defaults/* INPUT_NAMES */.Qh.includes(token.name)) {
            const reason = unusedReason(command, token.name);
            if (reason)
                throw new UsageError(`${reason}.`, command);
        }
        if (Object.hasOwn(known, token.name) && command !== undefined) {
            throw new UsageError(`${flag} does not apply to '${command}'.`, command);
        }
        const guess = nearest(flag, [...accepted]);
        throw new UsageError(`Unknown option '${flag}'.${guess ? ` Did you mean '${guess}'?` : ''}`, command);
    }
}
/** Node's messages for a missing or extra value, kept, and tied to our help. */
function parseStrict(argv, command) {
    try {
        return (0,external_node_util_.parseArgs)({ args: [...argv], options: allOptions(), allowPositionals: true });
    }
    catch (error) {
        throw new UsageError(error.message, command);
    }
}
/**
 * Parses argv (without node and script). Every action input a command uses is a `--name value`
 * flag, so what works in a workflow works in a terminal.
 * @throws UsageError naming the problem, with the command whose help explains it.
 */
function parseCliArgs(argv) {
    const positionals = (0,external_node_util_.parseArgs)({
        args: [...argv],
        options: allOptions(),
        allowPositionals: true,
        strict: false,
    }).positionals;
    let [word, ...rest] = positionals;
    let help = false;
    if (word === 'help') {
        // `help` alone is the tool's help; `help plan` is plan's.
        help = true;
        [word, ...rest] = rest;
    }
    const command = isCommand(word) && word !== 'help' ? word : undefined;
    // Flags first: `--enviroment-name x` leaves `x` as a stray argument, and the flag is the news.
    checkOptions(argv, command);
    if (word !== undefined && command === undefined) {
        const guess = nearest(word, COMMANDS.filter((c) => c !== 'help'));
        throw new UsageError(`Unknown command '${word}'; expected one of ${COMMANDS.join(', ')}.${guess ? ` Did you mean '${guess}'?` : ''}`);
    }
    if (rest.length > 0) {
        throw new UsageError(`Unexpected argument '${rest[0]}': every value follows its flag (--environment-name analytics).`, command);
    }
    const parsed = parseStrict(argv, command);
    const inputs = {};
    for (const [key, value] of Object.entries(parsed.values)) {
        if (typeof value === 'string' && key !== 'plan-file' && key !== 'format')
            inputs[key] = value;
    }
    const format = parsed.values.format ?? 'text';
    if (!FORMATS.includes(format)) {
        throw new UsageError(`Unknown --format '${format}'; expected one of ${FORMATS.join(', ')}.`, command);
    }
    const flag = (name) => parsed.values[name] === true;
    return {
        ...(command !== undefined && { command }),
        help: help || flag('help'),
        version: flag('version'),
        offline: flag('offline'),
        json: flag('json'),
        ...(typeof parsed.values['plan-file'] === 'string' && {
            planFile: parsed.values['plan-file'],
        }),
        format: format,
        inputs,
    };
}

;// CONCATENATED MODULE: ./src/cli/render.ts




/**
 * Reads a plan file the action or the CLI wrote, refusing other versions of the model: the plan
 * itself (the action's plan-file, `plan --offline`) or the result `plan --json` and
 * `deploy --json` print, which holds it under `plan`.
 */
async function readPlanFile(path) {
    let read;
    try {
        read = JSON.parse(await (0,promises_.readFile)(path, 'utf8'));
    }
    catch (error) {
        throw new UsageError(`Could not read the plan file '${path}': ${error.message}`, 'render');
    }
    const plan = (read?.version === undefined && read?.plan ? read.plan : read);
    if (plan?.version !== model/* PLAN_MODEL_VERSION */.Z || !Array.isArray(plan.stacks)) {
        throw new UsageError(`'${path}' is not a version ${model/* PLAN_MODEL_VERSION */.Z} mwaa-deploy plan (the action's plan-file output, or what 'plan --json' printed).`, 'render');
    }
    return plan;
}
/** A plan in the asked-for format. */
function renderPlan(plan, format, ctx) {
    switch (format) {
        case 'json':
            return JSON.stringify(plan, null, 2);
        case 'markdown':
            return (0,render_markdown/* renderForSummary */.cD)(plan, ctx);
        case 'comment':
            return (0,render_markdown/* renderForComment */.XH)(plan, ctx);
        case 'text':
            return (0,render_text/* renderPlanText */.$)(plan, ctx);
    }
}

;// CONCATENATED MODULE: ./src/cli/usage.ts
/** The command line's help text: the whole tool, or one command with the inputs it uses. */


const WIDTH = 100;
const EXIT_CODES = 'Exit codes: 0 success, 1 failure (AWS, a failed check, a blocked plan), 2 a bad command line or bad inputs.';
/** Words of `text` in lines of at most {@link WIDTH} characters, each indented by `indent`. */
function wrap(text, indent) {
    const lines = [];
    let line = '';
    for (const word of text.split(/\s+/).filter(Boolean)) {
        if (line !== '' && indent.length + line.length + 1 + word.length > WIDTH) {
            lines.push(indent + line);
            line = word;
        }
        else
            line = line === '' ? word : `${line} ${word}`;
    }
    if (line !== '')
        lines.push(indent + line);
    return lines;
}
/** Aligned `  name  text` rows. */
function rows(entries) {
    const width = Math.max(...entries.map(([name]) => name.length));
    return entries.map(([name, text]) => `  ${name.padEnd(width)}  ${text}`);
}
/** One input as a flag: its name, default or `required`, then its description from action.yml. */
function inputLines(name, help) {
    const fallback = defaults/* INPUT_DEFAULTS */.WJ[name] ?? '';
    const note = help?.required ? '  (required)' : fallback ? `  (default: ${fallback})` : '';
    return [`  --${name} <value>${note}`, ...wrap(help?.description ?? '', '      ')];
}
/**
 * The usage text. `inputs` holds each input's description and whether it is required, from
 * action.yml ({@link actionInputs}); without it the flags are listed by name only.
 */
function usage(command, inputs = {}) {
    if (command === undefined || command === 'help') {
        return [
            'Usage: mwaa-deploy <command> [options]',
            '',
            'Commands:',
            ...rows(COMMANDS.map((c) => [c, SUMMARIES[c]])),
            '',
            'Options:',
            ...rows([
                ['-h, --help', "this text; 'mwaa-deploy <command> --help' for one command"],
                ['--version', "the tool's version"],
            ]),
            '',
            ...wrap("Every input of the GitHub Action that a command uses is a flag of that command (--environment-name analytics); 'mwaa-deploy <command> --help' lists them with their meaning. Credentials come from the usual AWS chain (environment, profile, SSO), or from OIDC inside GitHub Actions.", ''),
            '',
            EXIT_CODES,
        ].join('\n');
    }
    const flags = inputsOf(command);
    return [
        `Usage: mwaa-deploy ${command} [options]`,
        '',
        SUMMARIES[command],
        '',
        'Options:',
        ...rows([...optionsOf(command), ['-h, --help', 'this text']]),
        ...(flags.length > 0
            ? [
                '',
                "Inputs (the GitHub Action's inputs, as flags):",
                ...flags.flatMap((name) => inputLines(name, inputs[name])),
            ]
            : []),
        '',
        EXIT_CODES,
    ].join('\n');
}

;// CONCATENATED MODULE: ./src/cli/main.ts




















const processIo = {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    env: process.env,
};
/**
 * Runs the command line and returns its exit code: 0 success, 1 failure (AWS, a failed check,
 * a plan the destructive-change policy blocks), 2 a bad command line or bad inputs.
 */
async function main(argv, io = processIo) {
    let command;
    try {
        const args = parseCliArgs(argv);
        command = args.command;
        if (args.version) {
            io.stdout(`${version/* VERSION */.x}\n`);
            return 0;
        }
        if (args.help || args.command === undefined) {
            (args.help ? io.stdout : io.stderr)(`${usage(args.command, actionInputs())}\n`);
            return args.help ? 0 : 2;
        }
        if (args.command === 'render')
            return await renderCommand(args, io);
        // Offline, the example inputs stand in for the two inputs without a default, so the
        // README's first command works on a fresh machine without an AWS account.
        const given = args.offline ? { ...defaults/* DEFAULT_DEMO_INPUTS */.gB, ...args.inputs } : args.inputs;
        const settings = (0,load/* loadSettings */.M)((0,load/* inputsFrom */.W)({ ...given, mode: args.command }), io.env);
        const templates = await (0,read/* readTemplates */.Q)(settings);
        if (args.offline) {
            if (args.command !== 'plan')
                throw new UsageError('--offline only applies to plan');
            return await offline(settings, templates, args.json, io);
        }
        return await online(settings, templates, args.json, io);
    }
    catch (error) {
        io.stderr(`${(0,errors/* errorMessage */.g)(error)}\n`);
        if (!(error instanceof UsageError || error instanceof problems/* SettingsError */.GN))
            return 1;
        const help = error instanceof UsageError ? (error.command ?? command) : command;
        io.stderr(`Run 'mwaa-deploy${help ? ` ${help}` : ''} --help' for the options.\n`);
        return 2;
    }
}
function renderContext(settings) {
    return { mode: settings.mode, maskAccount: settings.maskAccountId };
}
async function renderCommand(args, io) {
    if (!args.planFile)
        throw new UsageError('render needs --plan-file <path>');
    const plan = await readPlanFile(args.planFile);
    const mask = args.inputs['mask-aws-account-id'] === 'true';
    io.stdout(`${renderPlan(plan, args.json ? 'json' : args.format, { mode: 'plan', maskAccount: mask })}\n`);
    return 0;
}
/** The main job without AWS: the plan as the PR comment would show it, also written to files. */
async function offline(settings, templates, json, io) {
    const plan = offlinePlan(settings, templates);
    const comment = (0,render_markdown/* renderForComment */.XH)(plan, renderContext(settings));
    // A new folder only this user may read (mkdtemp: mode 0700), not one shared by every user.
    const dir = io.outputDir ?? (await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'mwaa-deploy-')));
    // Named as the action names its plan-file (mwaa-deploy-plan-<name>.json), which `render` reads.
    const planFile = await (0,publish/* writePlanFile */.J)(plan, dir);
    const markdown = planFile.replace(/\.json$/, '.md');
    await (0,promises_.writeFile)(markdown, `${comment}\n`);
    io.stdout(json ? `${JSON.stringify(plan, null, 2)}\n` : `${comment}\n`);
    io.stderr(`Plan written to ${markdown} and ${planFile}\n`);
    return 0;
}
async function online(settings, templates, json, io) {
    // Progress goes to stderr so that stdout holds only the result (and --json stays parseable).
    const log = consoleLogger({ debug: Boolean(io.env.MWAA_DEPLOY_DEBUG), info: io.stderr });
    const cancel = (0,engine_cancel/* cancellation */.W)();
    let result;
    try {
        // The same job as the action: the engine's gate decides what may execute. The CLI has no
        // pull request, so require-reviewed-plan refuses a deploy here (it says why).
        result = await (0,job/* runJob */.b)(settings, templates, {
            env: io.env,
            clock: clock/* systemClock */.m,
            log,
            signal: cancel.signal,
            onSecret: () => { },
        });
    }
    catch (error) {
        if (cancel.signal.aborted) {
            throw new Error(cancel.describe(error, settings.mode), { cause: error });
        }
        throw error;
    }
    finally {
        cancel.dispose();
    }
    if (json)
        io.stdout(`${JSON.stringify(result, null, 2)}\n`);
    else {
        if (result.plan)
            io.stdout(`${(0,render_text/* renderPlanText */.$)(result.plan, renderContext(settings))}\n`);
        if (result.verify)
            io.stdout(`${(0,report/* formatVerifyReport */.P)(result.verify)}\n`);
    }
    if (result.blocked)
        io.stderr(`${result.blocked}\n`);
    const importFailure = (0,import_errors_stage.importErrorsFailure)(result.importErrors);
    if (importFailure)
        io.stderr(`${importFailure}\n`);
    return (result.verify && !result.verify.ok) || result.blocked || importFailure ? 1 : 0;
}


/***/ })

};
