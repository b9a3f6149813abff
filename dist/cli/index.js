#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 827:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(5);
// The `mwaa-deploy` command: the only CLI file with a side effect.

process.exitCode = await (0,_main_js__WEBPACK_IMPORTED_MODULE_0__/* .main */ .i)(process.argv.slice(2));

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 5:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  i: () => (/* binding */ main)
});

;// CONCATENATED MODULE: ./src/settings/defaults.ts
/**
 * The inputs' defaults, duplicated from action.yml because the library and the CLI run without
 * it. A unit test compares this table with action.yml so the two cannot drift apart.
 */
const INPUT_DEFAULTS = {
    mode: 'plan',
    // Required: no default. Listed so the table names every input.
    'environment-name': '',
    'aws-region': '',
    'role-to-assume': '',
    'role-session-name': 'mwaa-deploy',
    'role-duration-seconds': '3600',
    audience: 'sts.amazonaws.com',
    'key-mode': 'aws-owned',
    'kms-key': '',
    'vpc-cidr': '10.192.0.0/16',
    'public-subnet-1-cidr': '10.192.10.0/24',
    'public-subnet-2-cidr': '10.192.11.0/24',
    'private-subnet-1-cidr': '10.192.20.0/24',
    'private-subnet-2-cidr': '10.192.21.0/24',
    'bucket-name': '',
    'vpc-stack-name': '',
    'prerequisites-stack-name': '',
    'vpc-template': '',
    'prerequisites-template': '',
    tags: '',
    comment: 'on-change',
    // action.yml defaults this to `${{ github.token }}`; outside Actions there is no token.
    'github-token': '',
    'fail-on-destructive': 'true',
    'allow-destructive': '',
    'termination-protection': 'true',
    'recreate-failed-stack': 'false',
    'timeout-minutes': '60',
};
/** Every input name, in action.yml order. */
const INPUT_NAMES = Object.freeze(Object.keys(INPUT_DEFAULTS));
/**
 * The inputs of the offline demo (`mwaa-deploy plan --offline`): the two inputs without a usable
 * default, everything else from {@link INPUT_DEFAULTS}.
 */
const DEFAULT_DEMO_INPUTS = Object.freeze({
    'environment-name': 'mwaa-demo',
    'aws-region': 'us-east-1',
});

;// CONCATENATED MODULE: ./src/settings/problems.ts
/**
 * Validation problems: every input is checked and every problem is kept, so one run tells the
 * user everything that is wrong instead of one mistake per workflow run.
 */
/** A successful {@link Parsed}. */
function ok(value) {
    return { ok: true, value };
}
/** A failed {@link Parsed} with one or more details. */
function fail(...details) {
    return { ok: false, details };
}
/** Longest part of a user value shown in a message; the rest is elided. */
const MAX_QUOTED_LENGTH = 80;
// C0 and C1 controls, DEL, Unicode line/paragraph separators and bidirectional overrides: any of
// them could end a log line (letting a value start a `::workflow-command::`) or disguise text.
function isUnsafe(code) {
    return (code <= 0x1f ||
        (code >= 0x7f && code <= 0x9f) ||
        code === 0x200e ||
        code === 0x200f ||
        code === 0x2028 ||
        code === 0x2029 ||
        (code >= 0x202a && code <= 0x202e) ||
        (code >= 0x2066 && code <= 0x2069));
}
const NAMED_ESCAPES = { 0x0a: '\\n', 0x0d: '\\r', 0x09: '\\t' };
/** Replaces every unsafe character by a visible escape (`\n`, `\x1b`, `\u2028`). */
function escapeControl(text) {
    let out = '';
    for (const c of text) {
        const code = c.codePointAt(0) ?? 0;
        if (!isUnsafe(code))
            out += c;
        else if (NAMED_ESCAPES[code] !== undefined)
            out += NAMED_ESCAPES[code];
        else if (code <= 0xff)
            out += `\\x${code.toString(16).padStart(2, '0')}`;
        else
            out += `\\u${code.toString(16).padStart(4, '0')}`;
    }
    return out;
}
/**
 * Shows a user value safely inside a one-line message: single-quoted, control characters
 * escaped (backslashes doubled first, so an escape in the output always means a real control
 * character), and cut to {@link MAX_QUOTED_LENGTH} characters so a pasted file cannot flood the log.
 */
function quote(value) {
    const chars = Array.from(value); // code points, so an emoji is never cut in half
    const shown = chars.length > MAX_QUOTED_LENGTH ? chars.slice(0, MAX_QUOTED_LENGTH).join('') : value;
    const suffix = chars.length > MAX_QUOTED_LENGTH ? `…' (${chars.length} characters)` : `'`;
    return `'${escapeControl(shown.replace(/\\/g, '\\\\'))}${suffix}`;
}
/** Every problem found while loading settings, thrown once after all inputs were checked. */
class SettingsError extends Error {
    /** The problems in input order; never empty. */
    problems;
    constructor(problems) {
        const lines = problems.map((p) => p.message);
        super(lines.length === 1
            ? (lines[0] ?? '')
            : [`${lines.length} problems with the inputs:`, ...lines].join('\n'));
        this.name = 'SettingsError';
        this.problems = Object.freeze([...problems]);
    }
}
/** Collects problems while the inputs are read; {@link throwIfAny} ends the collection. */
class ProblemCollector {
    found = [];
    /** The problems so far. */
    get problems() {
        return this.found;
    }
    /** Records an invalid value; `detail` quotes the value and says the expected form. */
    invalid(input, detail) {
        // A last guard: details may embed text from elsewhere (e.g. a YAML parser's message).
        this.found.push({ input, message: `Invalid input '${input}': ${escapeControl(detail)}.` });
    }
    /** Records a required input that has no value; `help` says what to give. */
    missing(input, help) {
        this.found.push({ input, message: `Missing input '${input}': ${escapeControl(help)}.` });
    }
    /** Records the details of a failed parse and returns the value of a successful one. */
    take(input, parsed) {
        if (parsed.ok)
            return parsed.value;
        for (const detail of parsed.details)
            this.invalid(input, detail);
        return undefined;
    }
    /** Throws one {@link SettingsError} holding every problem, if there is any. */
    throwIfAny() {
        if (this.found.length > 0)
            throw new SettingsError(this.found);
    }
}

;// CONCATENATED MODULE: ./src/settings/bucket-name.ts
/**
 * S3 general purpose bucket naming rules. CloudFormation only reports a bad name when it
 * creates the bucket; checking first names the input and the rule broken.
 */

/** Prefixes S3 reserves for its own features (access points, Object Lambda, demos). */
const RESERVED_PREFIXES = ['xn--', 'sthree-', 'amzn-s3-demo-'];
/** Suffixes S3 reserves (access point aliases, Multi-Region Access Points, directory and table buckets). */
const RESERVED_SUFFIXES = ['-s3alias', '--ol-s3', '.mrap', '--x-s3', '--table-s3'];
const IP_ADDRESS = /^\d+\.\d+\.\d+\.\d+$/;
/**
 * Checks an S3 general purpose bucket name: 3 to 63 characters of lowercase letters, digits,
 * `.` and `-`; starting and ending with a letter or digit; no `..`; not shaped like an IP
 * address; none of S3's reserved prefixes or suffixes. Dots are allowed, as S3 allows them,
 * although they break virtual-hosted HTTPS and Transfer Acceleration.
 * Returns every rule the name breaks.
 */
function parseBucketName(name) {
    const q = quote(name);
    const details = [];
    if (name.length < 3 || name.length > 63) {
        details.push(`${q} is ${name.length} characters long; a bucket name has 3 to 63`);
    }
    const bad = [...new Set(name.replace(/[a-z0-9.-]/g, ''))];
    if (bad.length > 0) {
        details.push(`${q} contains ${bad.map((c) => quote(c)).join(', ')}; a bucket name has only lowercase letters, digits, '.' and '-'`);
    }
    if (!/^[a-z0-9]/.test(name) || !/[a-z0-9]$/.test(name)) {
        details.push(`${q} must start and end with a lowercase letter or digit`);
    }
    if (name.includes('..')) {
        details.push(`${q} contains '..'; a bucket name must not have two adjacent periods`);
    }
    if (IP_ADDRESS.test(name)) {
        details.push(`${q} is formatted like an IP address, which S3 does not allow`);
    }
    for (const prefix of RESERVED_PREFIXES) {
        if (name.startsWith(prefix)) {
            details.push(`${q} starts with '${prefix}', a prefix S3 reserves`);
        }
    }
    for (const suffix of RESERVED_SUFFIXES) {
        if (name.endsWith(suffix))
            details.push(`${q} ends with '${suffix}', a suffix S3 reserves`);
    }
    return details.length > 0 ? fail(...details) : ok(name);
}

;// CONCATENATED MODULE: ./src/settings/names.ts
/**
 * Names and identifiers: the environment, the stacks, the Region, the role to assume. Each check
 * says the expected form in the words of the service that would reject the value later.
 */

/** MWAA's environment name pattern (the API model's `EnvironmentName`). */
const ENVIRONMENT_NAME_PATTERN = /^[a-zA-Z][0-9a-zA-Z\-_]*$/;
/** The longest MWAA environment name. */
const MAX_ENVIRONMENT_NAME_LENGTH = 80;
/** CloudFormation's stack name pattern. */
const STACK_NAME_PATTERN = /^[a-zA-Z][-a-zA-Z0-9]*$/;
/** The longest CloudFormation stack name. */
const MAX_STACK_NAME_LENGTH = 128;
/** Checks an MWAA environment name. */
function parseEnvironmentName(name) {
    const form = `(a letter, then letters, digits, '-' or '_'; at most ${MAX_ENVIRONMENT_NAME_LENGTH} characters)`;
    if (!ENVIRONMENT_NAME_PATTERN.test(name)) {
        return fail(`${quote(name)} does not match ${ENVIRONMENT_NAME_PATTERN.source} ${form}`);
    }
    if (name.length > MAX_ENVIRONMENT_NAME_LENGTH) {
        return fail(`${quote(name)} is ${name.length} characters long ${form}`);
    }
    return ok(name);
}
/** Checks a CloudFormation stack name. */
function parseStackName(name) {
    const form = `(a letter, then letters, digits or '-'; at most ${MAX_STACK_NAME_LENGTH} characters)`;
    if (!STACK_NAME_PATTERN.test(name)) {
        return fail(`${quote(name)} does not match ${STACK_NAME_PATTERN.source} ${form}`);
    }
    if (name.length > MAX_STACK_NAME_LENGTH) {
        return fail(`${quote(name)} is ${name.length} characters long ${form}`);
    }
    return ok(name);
}
/**
 * The stack names used when none is given: `<env>-vpc` and `<env>-mwaa-prerequisites`, with the
 * environment name's `_` turned into `-` because stack names do not allow `_`.
 */
function deriveStackNames(environmentName) {
    const base = environmentName.replace(/_/g, '-');
    return { vpc: `${base}-vpc`, prerequisites: `${base}-mwaa-prerequisites` };
}
// Two or more lowercase words, the last one a number: us-east-1, us-gov-west-1, cn-north-1,
// us-isob-east-1, eusc-de-east-1. Loose on purpose: new Regions appear every year.
const REGION_PATTERN = /^[a-z]{2,4}(-[a-z]+){1,3}-\d{1,2}$/;
/** Checks the shape of a Region name; whether it exists is left to AWS. */
function parseRegion(region, source = '') {
    if (!REGION_PATTERN.test(region)) {
        return fail(`${quote(region)}${source} is not an AWS Region name; expected lowercase like eu-west-1 or us-gov-west-1`);
    }
    return ok(region);
}
/**
 * The ARN partition of a Region, when it can be told from the name: `aws-cn` for `cn-*`,
 * `aws-us-gov` for `us-gov-*`, `aws` for the commercial Regions. Undefined for the isolated and
 * sovereign partitions, whose naming this code does not try to track.
 */
function knownPartitionOf(region) {
    if (region.startsWith('cn-'))
        return 'aws-cn';
    if (region.startsWith('us-gov-'))
        return 'aws-us-gov';
    if (/^[a-z]{2}-[a-z]+-\d+$/.test(region))
        return 'aws';
    return undefined;
}
const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/(?:[\w+=,.@-]+\/)*[\w+=,.@-]{1,64}$/;
const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;
/** Checks an IAM role ARN, e.g. `arn:aws:iam::123456789012:role/path/name`. */
function parseRoleArn(arn) {
    if (ROLE_ARN.test(arn))
        return ok(arn);
    const expected = 'expected an IAM role ARN like arn:aws:iam::123456789012:role/my-role';
    if (ROLE_NAME.test(arn)) {
        return fail(`${quote(arn)} is a role name, not an ARN; ${expected}`);
    }
    if (/^arn:aws[a-z-]*:sts::/.test(arn)) {
        return fail(`${quote(arn)} is an STS session ARN, not the role's; ${expected}`);
    }
    return fail(`${quote(arn)} is not an IAM role ARN; ${expected}`);
}
/** Checks an STS role session name: 2 to 64 characters of letters, digits and `_+=,.@-`. */
function parseSessionName(name) {
    if (/^[\w+=,.@-]{2,64}$/.test(name))
        return ok(name);
    return fail(`${quote(name)} is not a role session name (2 to 64 characters of letters, digits and _+=,.@-)`);
}
/** Checks the OIDC audience: any non-empty text without whitespace. */
function parseAudience(audience) {
    if (/^\S+$/.test(audience))
        return ok(audience);
    return fail(`${quote(audience)} is not an OIDC audience (non-empty, no spaces, e.g. sts.amazonaws.com)`);
}

;// CONCATENATED MODULE: ./src/settings/kms-key.ts
/**
 * The `kms-key` input. MWAA's KMS support table (seed 001) reads: key ID or ARN yes, alias no,
 * multi-Region key no. The API accepts `alias/...` and the environment fails much later, so
 * every unsupported form is rejected here, before any AWS call.
 */


const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const KEY_ARN = /^arn:(aws[a-z-]*):kms:([a-z0-9-]+):(\d{12}):key\/(.+)$/;
const ALIAS_ARN = /^arn:[^:]*:kms:[^:]*:[^:]*:alias\//;
const MRK_ARN = /^arn:[^:]*:kms:[^:]*:[^:]*:key\/mrk-/;
const SUPPORT_TABLE = 'not supported by MWAA (its KMS support table: key ID or ARN yes, alias no, multi-Region key no)';
const EXPECTED = 'expected a key ID like 1234abcd-12ab-34cd-56ef-1234567890ab or a key ARN like arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';
/**
 * Reads `kms-key` in the light of `key-mode` and the deployment Region:
 * - empty: `create` (the stack creates a key) in customer-managed mode, `none` in AWS-owned mode;
 * - a key ARN `arn:<partition>:kms:<region>:<account>:key/<uuid>` in the deployment Region:
 *   `existing` with `keyId`, `arn` and `accountId`;
 * - a bare key ID (UUID): `existing` with `keyId` only. A bare ID always means a key in the
 *   deployment account (the one the credentials resolve to); a key in another account can only
 *   be given by its ARN, and nothing in an ID tells the two apart;
 * - an alias (`alias/...` or an alias ARN), a multi-Region key (`mrk-...`), a key ARN in another
 *   Region, or anything else: rejected, saying which form to give instead;
 * - any key while `key-mode` is `aws-owned`: rejected, as the two contradict each other.
 */
function parseKmsKey(value, context) {
    if (value === '') {
        return ok(context.keyMode === 'customer-managed' ? { source: 'create' } : { source: 'none' });
    }
    const details = [];
    const key = parseKeyReference(value, context.region);
    if (!key.ok)
        details.push(...key.details);
    if (context.keyMode === 'aws-owned') {
        details.push(`${quote(value)} is set but key-mode is 'aws-owned'; set key-mode: customer-managed or clear kms-key`);
    }
    return details.length > 0 ? fail(...details) : key;
}
/** The form checks alone: what kind of key reference `value` is, and whether MWAA can use it. */
function parseKeyReference(value, region) {
    const q = quote(value);
    if (value.startsWith('alias/') || ALIAS_ARN.test(value)) {
        return fail(`${q} is an AWS KMS key alias: ${SUPPORT_TABLE}; give the key ID or key ARN`);
    }
    if (value.startsWith('mrk-') || MRK_ARN.test(value)) {
        return fail(`${q} is an AWS KMS multi-Region key: ${SUPPORT_TABLE}; give a single-Region key's ID or ARN`);
    }
    if (UUID.test(value))
        return ok({ source: 'existing', keyId: value });
    const arn = KEY_ARN.exec(value);
    if (arn === null) {
        const hint = UUID.test(value.toLowerCase()) ? ' (key IDs are lowercase)' : '';
        return fail(`${q} is not a KMS key ID or key ARN${hint}; ${EXPECTED}`);
    }
    const [, partition = '', keyRegion = '', accountId = '', keyId = ''] = arn;
    if (!UUID.test(keyId)) {
        return fail(`${q} is not a KMS key ARN: the part after 'key/' must be a key ID; ${EXPECTED}`);
    }
    if (region !== undefined && keyRegion !== region) {
        return fail(`${q} is in Region ${keyRegion} but the deployment Region is ${region}; MWAA needs a key in the environment's Region`);
    }
    const expectedPartition = knownPartitionOf(keyRegion);
    if (expectedPartition !== undefined && partition !== expectedPartition) {
        return fail(`${q} has partition '${partition}' but Region ${keyRegion} is in '${expectedPartition}'`);
    }
    return ok({ source: 'existing', keyId, arn: value, accountId });
}

;// CONCATENATED MODULE: ./src/settings/cidr.ts
/**
 * IPv4 CIDR blocks for the VPC and its subnets. MWAA documents no IPv6-only support, so only
 * IPv4 is accepted, and strictly: EC2 rejects a block with host bits set, and catching that
 * here (with the corrected block) beats a failed stack operation minutes later.
 */

/** The smallest and largest prefix EC2 accepts for a VPC or subnet IPv4 block. */
const MIN_PREFIX = 16;
/** See {@link MIN_PREFIX}. */
const MAX_PREFIX = 28;
const SHAPE = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\/(\d+)$/;
const cidr_EXPECTED = 'expected an IPv4 CIDR like 10.192.0.0/16';
/** The netmask of a prefix length, as an unsigned 32-bit number. */
function mask(prefix) {
    // `<< 32` is a no-op in JavaScript, hence the special case.
    return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}
/** A decimal part without leading zeros (`010` is octal to some tools and decimal to others). */
function decimal(text, max) {
    if (text.length > 1 && text.startsWith('0'))
        return undefined;
    const n = Number(text);
    return n <= max ? n : undefined;
}
/** Writes a block back as text, e.g. `10.192.0.0/16`. */
function formatCidr(cidr) {
    const n = cidr.network;
    return `${n >>> 24}.${(n >>> 16) & 0xff}.${(n >>> 8) & 0xff}.${n & 0xff}/${cidr.prefix}`;
}
/**
 * Parses `a.b.c.d/n` strictly: four decimal octets 0-255 without leading zeros, a prefix 0-32,
 * and no host bits set (the address must be the block's network address).
 */
function parseIpv4Cidr(text) {
    if (text.includes(':')) {
        return fail(`${quote(text)} is an IPv6 address; MWAA subnets need IPv4 CIDRs (${cidr_EXPECTED})`);
    }
    if (!text.includes('/')) {
        return fail(`${quote(text)} has no prefix length; ${cidr_EXPECTED}`);
    }
    const match = SHAPE.exec(text);
    if (!match) {
        return fail(`${quote(text)} is not an IPv4 CIDR: ${cidr_EXPECTED} (four numbers 0-255, '/', prefix)`);
    }
    const octets = match.slice(1, 5).map((part) => decimal(part, 255));
    const prefix = decimal(match[5] ?? '', 32);
    if (octets.some((o) => o === undefined)) {
        return fail(`${quote(text)} is not an IPv4 CIDR: each of the four numbers must be 0 to 255 without leading zeros`);
    }
    if (prefix === undefined) {
        return fail(`${quote(text)} is not an IPv4 CIDR: the prefix must be 0 to 32 without leading zeros`);
    }
    const address = octets.reduce((acc, o) => acc * 256 + (o ?? 0), 0);
    const network = (address & mask(prefix)) >>> 0;
    if (network !== address) {
        const corrected = formatCidr({ network, prefix });
        return fail(`${quote(text)} has host bits set: the address of a /${prefix} block must be its network address (did you mean ${corrected}?)`);
    }
    return ok({ network, prefix });
}
/** Parses a VPC or subnet block: {@link parseIpv4Cidr} plus EC2's /16 to /28 size rule. */
function parseVpcCidr(text) {
    const parsed = parseIpv4Cidr(text);
    if (!parsed.ok)
        return parsed;
    const { prefix } = parsed.value;
    if (prefix < MIN_PREFIX || prefix > MAX_PREFIX) {
        return fail(`${quote(text)} has prefix /${prefix}; VPC and subnet blocks must be /${MIN_PREFIX} to /${MAX_PREFIX}`);
    }
    return parsed;
}
/** True when every address of `inner` is in `outer`. */
function cidrContains(outer, inner) {
    return (inner.prefix >= outer.prefix && (inner.network & mask(outer.prefix)) >>> 0 === outer.network);
}
/** True when the two blocks share at least one address (for CIDR blocks: one contains the other). */
function cidrsOverlap(a, b) {
    return cidrContains(a, b) || cidrContains(b, a);
}

;// CONCATENATED MODULE: ./src/settings/network.ts
/**
 * The VPC stack's address plan: five CIDR inputs checked alone and against each other, because
 * EC2 only reports a subnet outside its VPC, or two overlapping subnets, once the stack is
 * half-built and rolling back.
 */


/** The subnet inputs, in the order problems are reported. */
const SUBNETS = [
    'public-subnet-1-cidr',
    'public-subnet-2-cidr',
    'private-subnet-1-cidr',
    'private-subnet-2-cidr',
];
/**
 * Reads and checks the network inputs: each a strict IPv4 CIDR of /16 to /28, each subnet inside
 * `vpc-cidr`, the four subnets pairwise disjoint. Returns undefined when any problem was found.
 */
function readNetwork(read, problems) {
    const before = problems.problems.length;
    const vpcText = read('vpc-cidr');
    const vpc = problems.take('vpc-cidr', parseVpcCidr(vpcText));
    const subnets = [];
    for (const input of SUBNETS) {
        const text = read(input);
        const cidr = problems.take(input, parseVpcCidr(text));
        if (cidr === undefined)
            continue;
        if (vpc !== undefined && !cidrContains(vpc, cidr)) {
            problems.invalid(input, `${quote(text)} is not inside vpc-cidr ${formatCidr(vpc)}`);
            continue;
        }
        // Report an overlap once, on the later input of the pair.
        const clash = subnets.find((earlier) => cidrsOverlap(earlier.cidr, cidr));
        if (clash !== undefined) {
            problems.invalid(input, `${quote(text)} overlaps ${clash.input} ${formatCidr(clash.cidr)}; the four subnets must not share addresses`);
            continue;
        }
        subnets.push({ input, cidr });
    }
    if (problems.problems.length > before)
        return undefined;
    return {
        vpcCidr: vpcText,
        publicSubnet1Cidr: read('public-subnet-1-cidr'),
        publicSubnet2Cidr: read('public-subnet-2-cidr'),
        privateSubnet1Cidr: read('private-subnet-1-cidr'),
        privateSubnet2Cidr: read('private-subnet-2-cidr'),
    };
}

;// CONCATENATED MODULE: ./src/settings/scalars.ts
/**
 * Booleans, integers, enumerations and lists. All strict: a typo such as `ture` or `60s` is an
 * error naming the input, never silently false or NaN.
 */

// The YAML 1.2 core schema's booleans, as @actions/core's getBooleanInput accepts them.
const TRUE = ['true', 'True', 'TRUE'];
const FALSE = ['false', 'False', 'FALSE'];
/** Reads `true`/`True`/`TRUE` or `false`/`False`/`FALSE`; anything else (`yes`, `1`) is an error. */
function parseBoolean(text) {
    if (TRUE.includes(text))
        return ok(true);
    if (FALSE.includes(text))
        return ok(false);
    return fail(`${quote(text)} is not a boolean; use true or false (YAML 1.2 core schema: true | True | TRUE | false | False | FALSE)`);
}
/** Reads a whole decimal number between `min` and `max` inclusive; `unit` names it in messages. */
function parseInteger(text, min, max, unit) {
    const range = `a whole number of ${unit} from ${min} to ${max}`;
    if (!/^(0|[1-9]\d*)$/.test(text))
        return fail(`${quote(text)} is not ${range}`);
    const n = Number(text);
    if (n < min || n > max)
        return fail(`${quote(text)} is out of range; expected ${range}`);
    return ok(n);
}
/** Reads one of `allowed`, exactly (case included), hinting at the right case when it differs. */
function parseEnum(text, allowed) {
    const found = allowed.find((a) => a === text);
    if (found !== undefined)
        return ok(found);
    const caseless = allowed.find((a) => a.toLowerCase() === text.toLowerCase());
    const hint = caseless !== undefined ? ` (did you mean '${caseless}'?)` : '';
    return fail(`${quote(text)} is not one of ${allowed.map((a) => `'${a}'`).join(', ')}${hint}`);
}
const LOGICAL_ID = /^[A-Za-z0-9]+$/;
const RESOURCE_TYPE = /^[A-Za-z0-9]+::[A-Za-z0-9]+::[A-Za-z0-9]+$/;
/**
 * Reads `allow-destructive`: comma- or newline-separated entries, trimmed, empty ones skipped,
 * duplicates dropped. Each is a CloudFormation logical ID (`DagBucket`) or resource type
 * (`AWS::S3::Bucket`).
 */
function parseAllowList(text) {
    const entries = [
        ...new Set(text
            .split(/[,\n]/)
            .map((entry) => entry.trim())
            .filter((entry) => entry !== '')),
    ];
    const bad = entries.filter((e) => !LOGICAL_ID.test(e) && !RESOURCE_TYPE.test(e));
    if (bad.length > 0) {
        return fail(...bad.map((e) => `${quote(e)} is neither a logical ID (letters and digits, e.g. DagBucket) nor a resource type (e.g. AWS::S3::Bucket)`));
    }
    return ok(entries);
}

;// CONCATENATED MODULE: ./src/settings/stack-names.ts


/**
 * Reads `vpc-stack-name`, `prerequisites-stack-name` and the two template paths. `environmentName`
 * is undefined when that input was invalid: the derived names are then not checked (the
 * environment name's own problem says enough). Returns undefined when any problem was found.
 */
function readStacks(read, environmentName, problems) {
    const derived = environmentName === undefined ? undefined : deriveStackNames(environmentName);
    const vpc = stackName(read, 'vpc-stack-name', derived?.vpc, problems);
    const prerequisites = stackName(read, 'prerequisites-stack-name', derived?.prerequisites, problems);
    if (vpc === undefined || prerequisites === undefined)
        return undefined;
    // Stack names are compared without case: a pair differing only in case is a typo, not a plan.
    if (vpc.toLowerCase() === prerequisites.toLowerCase()) {
        // Blame an input the user actually set; both derived names can never collide.
        const input = read('prerequisites-stack-name') !== '' ? 'prerequisites-stack-name' : 'vpc-stack-name';
        const other = input === 'vpc-stack-name' ? 'prerequisite' : 'VPC';
        const name = input === 'vpc-stack-name' ? vpc : prerequisites;
        problems.invalid(input, `${quote(name)} is also the ${other} stack's name; the two stacks need different names`);
        return undefined;
    }
    return {
        vpc: stack(vpc, read('vpc-template')),
        prerequisites: stack(prerequisites, read('prerequisites-template')),
    };
}
/** A given stack name, checked; or the derived one, checked too (against the environment name). */
function stackName(read, input, derived, problems) {
    const given = read(input);
    if (given !== '')
        return problems.take(input, parseStackName(given));
    if (derived === undefined)
        return undefined;
    const parsed = parseStackName(derived);
    if (parsed.ok)
        return parsed.value;
    for (const detail of parsed.details) {
        problems.invalid('environment-name', `gives the stack name ${detail}; set ${input}`);
    }
    return undefined;
}
function stack(name, templatePath) {
    return templatePath === '' ? { name } : { name, templatePath };
}

;// CONCATENATED MODULE: ./node_modules/js-yaml/dist/js-yaml.mjs
/*! js-yaml 5.5.0 https://github.com/nodeca/js-yaml @license MIT */
//#region src/tag.ts
/**
* Returned by a scalar resolver when the source does not match its tag.
*
* @category Tags
*/
var NOT_RESOLVED = Symbol("NOT_RESOLVED");
/**
* Create a normalized scalar tag definition.
*
* @category Tags
*/
function defineScalarTag(tagName, options) {
	return {
		tagName,
		nodeKind: "scalar",
		implicit: options.implicit ?? false,
		matchByTagPrefix: options.matchByTagPrefix ?? false,
		implicitFirstChars: options.implicitFirstChars ?? null,
		resolve: options.resolve,
		identify: options.identify,
		represent: options.represent ?? ((data) => String(data)),
		representTagName: options.representTagName ?? (() => tagName)
	};
}
/**
* Create a normalized sequence tag definition.
*
* @category Tags
*/
function defineSequenceTag(tagName, options) {
	const carrierIsResult = options.finalize === void 0;
	return {
		tagName,
		nodeKind: "sequence",
		implicit: false,
		matchByTagPrefix: options.matchByTagPrefix ?? false,
		create: options.create,
		addItem: options.addItem,
		finalize: options.finalize ?? ((carrier) => carrier),
		carrierIsResult,
		identify: options.identify,
		represent: options.represent ?? ((data) => data),
		representTagName: options.representTagName ?? (() => tagName)
	};
}
/**
* Create a normalized mapping tag definition.
*
* @category Tags
*/
function defineMappingTag(tagName, options) {
	const carrierIsResult = options.finalize === void 0;
	return {
		tagName,
		nodeKind: "mapping",
		implicit: false,
		matchByTagPrefix: options.matchByTagPrefix ?? false,
		create: options.create,
		addPair: options.addPair,
		has: options.has,
		keys: options.keys,
		get: options.get,
		finalize: options.finalize ?? ((carrier) => carrier),
		carrierIsResult,
		identify: options.identify,
		represent: options.represent ?? ((data) => data),
		representTagName: options.representTagName ?? (() => tagName)
	};
}
//#endregion
//#region src/tag/scalar/str.ts
/** @category Tags */
var strTag = defineScalarTag("tag:yaml.org,2002:str", {
	resolve: (source) => source,
	identify: (data) => typeof data === "string"
});
//#endregion
//#region src/tag/scalar/null_core.ts
var NULL_VALUES$1 = [
	"",
	"~",
	"null",
	"Null",
	"NULL"
];
/** @category Tags */
var nullCoreTag = defineScalarTag("tag:yaml.org,2002:null", {
	implicit: true,
	implicitFirstChars: [
		"",
		"~",
		"n",
		"N"
	],
	resolve: (source) => {
		if (NULL_VALUES$1.indexOf(source) !== -1) return null;
		return NOT_RESOLVED;
	},
	identify: (object) => object === null,
	represent: () => "null"
});
//#endregion
//#region src/tag/scalar/null_json.ts
/** @category Tags */
var nullJsonTag = defineScalarTag("tag:yaml.org,2002:null", {
	implicit: true,
	implicitFirstChars: ["n"],
	resolve: (source, isExplicit) => {
		if (source === "null" || isExplicit && source === "") return null;
		return NOT_RESOLVED;
	},
	identify: (object) => object === null,
	represent: () => "null"
});
//#endregion
//#region src/tag/scalar/null_yaml11.ts
var NULL_VALUES = [
	"",
	"~",
	"null",
	"Null",
	"NULL"
];
/** @category Tags */
var nullYaml11Tag = defineScalarTag("tag:yaml.org,2002:null", {
	implicit: true,
	implicitFirstChars: [
		"",
		"~",
		"n",
		"N"
	],
	resolve: (source) => {
		if (NULL_VALUES.indexOf(source) !== -1) return null;
		return NOT_RESOLVED;
	},
	identify: (object) => object === null,
	represent: () => "null"
});
//#endregion
//#region src/tag/scalar/bool_core.ts
var TRUE_VALUES$2 = [
	"true",
	"True",
	"TRUE"
];
var FALSE_VALUES$2 = [
	"false",
	"False",
	"FALSE"
];
/** @category Tags */
var boolCoreTag = defineScalarTag("tag:yaml.org,2002:bool", {
	implicit: true,
	implicitFirstChars: [
		"t",
		"T",
		"f",
		"F"
	],
	resolve: (source) => {
		if (TRUE_VALUES$2.indexOf(source) !== -1) return true;
		if (FALSE_VALUES$2.indexOf(source) !== -1) return false;
		return NOT_RESOLVED;
	},
	identify: (object) => Object.prototype.toString.call(object) === "[object Boolean]",
	represent: (object) => object ? "true" : "false"
});
//#endregion
//#region src/tag/scalar/bool_json.ts
var TRUE_VALUES$1 = ["true"];
var FALSE_VALUES$1 = ["false"];
/** @category Tags */
var boolJsonTag = defineScalarTag("tag:yaml.org,2002:bool", {
	implicit: true,
	implicitFirstChars: ["t", "f"],
	resolve: (source) => {
		if (TRUE_VALUES$1.indexOf(source) !== -1) return true;
		if (FALSE_VALUES$1.indexOf(source) !== -1) return false;
		return NOT_RESOLVED;
	},
	identify: (object) => Object.prototype.toString.call(object) === "[object Boolean]",
	represent: (object) => object ? "true" : "false"
});
//#endregion
//#region src/tag/scalar/bool_yaml11.ts
var TRUE_VALUES = [
	"true",
	"True",
	"TRUE",
	"y",
	"Y",
	"yes",
	"Yes",
	"YES",
	"on",
	"On",
	"ON"
];
var FALSE_VALUES = [
	"false",
	"False",
	"FALSE",
	"n",
	"N",
	"no",
	"No",
	"NO",
	"off",
	"Off",
	"OFF"
];
/** @category Tags */
var boolYaml11Tag = defineScalarTag("tag:yaml.org,2002:bool", {
	implicit: true,
	implicitFirstChars: [
		"y",
		"Y",
		"n",
		"N",
		"t",
		"T",
		"f",
		"F",
		"o",
		"O"
	],
	resolve: (source) => {
		if (TRUE_VALUES.indexOf(source) !== -1) return true;
		if (FALSE_VALUES.indexOf(source) !== -1) return false;
		return NOT_RESOLVED;
	},
	identify: (object) => Object.prototype.toString.call(object) === "[object Boolean]",
	represent: (object) => object ? "true" : "false"
});
//#endregion
//#region src/tag/scalar/int_core.ts
var YAML_INTEGER_IMPLICIT_PATTERN$1 = /* @__PURE__ */ new RegExp("^(?:0o[0-7]+|0x[0-9a-fA-F]+|[-+]?[0-9]+)$");
var YAML_INTEGER_EXPLICIT_PATTERN$1 = /* @__PURE__ */ new RegExp("^(?:[-+]?0b[0-1]+|[-+]?0o[0-7]+|[-+]?0x[0-9a-fA-F]+|[-+]?[0-9]+)$");
function parseYamlInteger$2(source) {
	let value = source;
	let sign = 1;
	if (value[0] === "-" || value[0] === "+") {
		if (value[0] === "-") sign = -1;
		value = value.slice(1);
	}
	if (value.startsWith("0b")) return sign * parseInt(value.slice(2), 2);
	if (value.startsWith("0o")) return sign * parseInt(value.slice(2), 8);
	if (value.startsWith("0x")) return sign * parseInt(value.slice(2), 16);
	return sign * parseInt(value, 10);
}
function resolveYamlInteger$2(source, isExplicit) {
	if (isExplicit) {
		if (!YAML_INTEGER_EXPLICIT_PATTERN$1.test(source)) return NOT_RESOLVED;
	} else if (!YAML_INTEGER_IMPLICIT_PATTERN$1.test(source)) return NOT_RESOLVED;
	const result = parseYamlInteger$2(source);
	return Number.isFinite(result) ? result : NOT_RESOLVED;
}
/** @category Tags */
var intCoreTag = defineScalarTag("tag:yaml.org,2002:int", {
	implicit: true,
	implicitFirstChars: [
		"-",
		"+",
		..."0123456789"
	],
	resolve: resolveYamlInteger$2,
	identify: (object) => Number.isInteger(object) && !Object.is(object, -0) && object.toString(10).indexOf("e") < 0,
	represent: (object) => object.toString(10)
});
//#endregion
//#region src/tag/scalar/int_json.ts
var YAML_INTEGER_IMPLICIT_PATTERN = /* @__PURE__ */ new RegExp("^-?(?:0|[1-9][0-9]*)$");
var YAML_INTEGER_EXPLICIT_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?0b[0-1]+|[-+]?0o[0-7]+|[-+]?0x[0-9a-fA-F]+|[-+]?[0-9]+)$");
function parseYamlInteger$1(source) {
	let value = source;
	let sign = 1;
	if (value[0] === "-" || value[0] === "+") {
		if (value[0] === "-") sign = -1;
		value = value.slice(1);
	}
	if (value.startsWith("0b")) return sign * parseInt(value.slice(2), 2);
	if (value.startsWith("0o")) return sign * parseInt(value.slice(2), 8);
	if (value.startsWith("0x")) return sign * parseInt(value.slice(2), 16);
	return sign * parseInt(value, 10);
}
function resolveYamlInteger$1(source, isExplicit) {
	if (isExplicit) {
		if (!YAML_INTEGER_EXPLICIT_PATTERN.test(source)) return NOT_RESOLVED;
	} else if (!YAML_INTEGER_IMPLICIT_PATTERN.test(source)) return NOT_RESOLVED;
	const result = parseYamlInteger$1(source);
	return Number.isFinite(result) ? result : NOT_RESOLVED;
}
/** @category Tags */
var intJsonTag = defineScalarTag("tag:yaml.org,2002:int", {
	implicit: true,
	implicitFirstChars: ["-", ..."0123456789"],
	resolve: resolveYamlInteger$1,
	identify: (object) => Number.isInteger(object) && !Object.is(object, -0) && object.toString(10).indexOf("e") < 0,
	represent: (object) => object.toString(10)
});
//#endregion
//#region src/tag/scalar/int_yaml11.ts
var YAML_INTEGER_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?0x[0-9a-fA-F_]+|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+|[-+]?(?:0|[1-9][0-9_]*))$");
function parseYamlInteger(source) {
	let value = source.replace(/_/g, "");
	let sign = 1;
	if (value[0] === "-" || value[0] === "+") {
		if (value[0] === "-") sign = -1;
		value = value.slice(1);
	}
	if (value.startsWith("0b")) return sign * parseInt(value.slice(2), 2);
	if (value.startsWith("0x")) return sign * parseInt(value.slice(2), 16);
	if (value.includes(":")) {
		let result = 0;
		for (const part of value.split(":")) result = result * 60 + Number(part);
		return sign * result;
	}
	if (value !== "0" && value[0] === "0") return sign * parseInt(value, 8);
	return sign * parseInt(value, 10);
}
function resolveYamlInteger(source) {
	if (!YAML_INTEGER_PATTERN.test(source)) return NOT_RESOLVED;
	const result = parseYamlInteger(source);
	return Number.isFinite(result) ? result : NOT_RESOLVED;
}
/** @category Tags */
var intYaml11Tag = defineScalarTag("tag:yaml.org,2002:int", {
	implicit: true,
	implicitFirstChars: [
		"-",
		"+",
		..."0123456789"
	],
	resolve: resolveYamlInteger,
	identify: (object) => Number.isInteger(object) && !Object.is(object, -0) && object.toString(10).indexOf("e") < 0,
	represent: (object) => object.toString(10)
});
//#endregion
//#region src/tag/scalar/float_core.ts
var YAML_FLOAT_PATTERN$1 = /* @__PURE__ */ new RegExp("^(?:[-+]?[0-9]+(?:\\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|[-+]?\\.[0-9]+(?:[eE][-+]?[0-9]+)?|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
var YAML_FLOAT_SPECIAL_PATTERN$1 = /* @__PURE__ */ new RegExp("^(?:[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
function resolveYamlFloat$2(source) {
	if (!YAML_FLOAT_PATTERN$1.test(source)) return NOT_RESOLVED;
	let value = source.toLowerCase();
	const sign = value[0] === "-" ? -1 : 1;
	if ("+-".includes(value[0])) value = value.slice(1);
	if (value === ".inf") return sign === 1 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
	if (value === ".nan") return NaN;
	const result = sign * parseFloat(value);
	if (Number.isFinite(result) || YAML_FLOAT_SPECIAL_PATTERN$1.test(source)) return result;
	return NOT_RESOLVED;
}
function representYamlFloat$2(object) {
	if (isNaN(object)) return ".nan";
	if (object === Number.POSITIVE_INFINITY) return ".inf";
	if (object === Number.NEGATIVE_INFINITY) return "-.inf";
	if (Object.is(object, -0)) return "-0.0";
	const result = object.toString(10);
	return /^[-+]?[0-9]+e/.test(result) ? result.replace("e", ".e") : result;
}
/** @category Tags */
var floatCoreTag = defineScalarTag("tag:yaml.org,2002:float", {
	implicit: true,
	implicitFirstChars: [
		"-",
		"+",
		".",
		..."0123456789"
	],
	resolve: resolveYamlFloat$2,
	identify: (object) => typeof object === "number" && (!Number.isInteger(object) || Object.is(object, -0) || object.toString(10).indexOf("e") >= 0),
	represent: representYamlFloat$2
});
//#endregion
//#region src/tag/scalar/float_json.ts
var YAML_FLOAT_IMPLICIT_PATTERN = /* @__PURE__ */ new RegExp("^-?(?:0|[1-9][0-9]*)(?:\\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$");
var YAML_FLOAT_EXPLICIT_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?[0-9]+(?:\\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|[-+]?\\.[0-9]+(?:[eE][-+]?[0-9]+)?|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
function resolveYamlFloat$1(source, isExplicit) {
	if (isExplicit) {
		if (!YAML_FLOAT_EXPLICIT_PATTERN.test(source)) return NOT_RESOLVED;
		let value = source.toLowerCase();
		const sign = value[0] === "-" ? -1 : 1;
		if ("+-".includes(value[0])) value = value.slice(1);
		if (value === ".inf") return sign === 1 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
		if (value === ".nan") return NaN;
		const result = sign * parseFloat(value);
		return Number.isFinite(result) ? result : NOT_RESOLVED;
	}
	if (!YAML_FLOAT_IMPLICIT_PATTERN.test(source)) return NOT_RESOLVED;
	const result = Number(source);
	if (Number.isFinite(result)) return result;
	return NOT_RESOLVED;
}
function representYamlFloat$1(object) {
	if (isNaN(object)) return ".nan";
	if (object === Number.POSITIVE_INFINITY) return ".inf";
	if (object === Number.NEGATIVE_INFINITY) return "-.inf";
	if (Object.is(object, -0)) return "-0.0";
	const result = object.toString(10);
	return /^[-+]?[0-9]+e/.test(result) ? result.replace("e", ".e") : result;
}
/** @category Tags */
var floatJsonTag = defineScalarTag("tag:yaml.org,2002:float", {
	implicit: true,
	implicitFirstChars: ["-", ..."0123456789"],
	resolve: resolveYamlFloat$1,
	identify: (object) => typeof object === "number" && (!Number.isInteger(object) || Object.is(object, -0) || object.toString(10).indexOf("e") >= 0),
	represent: representYamlFloat$1
});
//#endregion
//#region src/tag/scalar/float_yaml11.ts
var YAML_FLOAT_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?(?:(?:[0-9][0-9_]*)?\\.[0-9_]*)(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
var YAML_FLOAT_SPECIAL_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
function resolveYamlFloat(source) {
	if (!YAML_FLOAT_PATTERN.test(source)) return NOT_RESOLVED;
	let value = source.toLowerCase().replace(/_/g, "");
	const sign = value[0] === "-" ? -1 : 1;
	if ("+-".includes(value[0])) value = value.slice(1);
	if (value === ".inf") return sign === 1 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
	if (value === ".nan") return NaN;
	let result = 0;
	if (value.includes(":")) {
		for (const part of value.split(":")) result = result * 60 + Number(part);
		result *= sign;
	} else result = sign * parseFloat(value);
	if (Number.isFinite(result) || YAML_FLOAT_SPECIAL_PATTERN.test(source)) return result;
	return NOT_RESOLVED;
}
function representYamlFloat(object) {
	if (isNaN(object)) return ".nan";
	if (object === Number.POSITIVE_INFINITY) return ".inf";
	if (object === Number.NEGATIVE_INFINITY) return "-.inf";
	if (Object.is(object, -0)) return "-0.0";
	const result = object.toString(10);
	return /^[-+]?[0-9]+e/.test(result) ? result.replace("e", ".e") : result;
}
/** @category Tags */
var floatYaml11Tag = defineScalarTag("tag:yaml.org,2002:float", {
	implicit: true,
	implicitFirstChars: [
		"-",
		"+",
		".",
		..."0123456789"
	],
	resolve: resolveYamlFloat,
	identify: (object) => typeof object === "number" && (!Number.isInteger(object) || Object.is(object, -0) || object.toString(10).indexOf("e") >= 0),
	represent: representYamlFloat
});
//#endregion
//#region src/tag/scalar/merge.ts
/**
* Enables merge keys in {@link CORE_SCHEMA} when added with
* {@link Schema.withTags}.
*
* @category Tags
*/
var mergeTag = defineScalarTag("tag:yaml.org,2002:merge", {
	implicit: true,
	implicitFirstChars: ["<"],
	resolve: (source, isExplicit) => {
		if (source === "<<" || isExplicit && source === "") return "<<";
		return NOT_RESOLVED;
	},
	identify: () => false
});
//#endregion
//#region src/tag/scalar/binary.ts
var BASE64_PATTERN = /^[A-Za-z0-9+/]*={0,2}$/;
function resolveYamlBinary(source) {
	const input = source.replace(/\s/g, "");
	if (input.length % 4 !== 0 || !BASE64_PATTERN.test(input)) return NOT_RESOLVED;
	const binary = atob(input);
	const result = new Uint8Array(binary.length);
	for (let index = 0; index < binary.length; index++) result[index] = binary.charCodeAt(index);
	return result;
}
function representYamlBinary(object) {
	let binary = "";
	for (let index = 0; index < object.length; index++) binary += String.fromCharCode(object[index]);
	return btoa(binary);
}
/**
* The `!!binary` tag, represented as a `Uint8Array`.
*
* @category Tags
*/
var binaryTag = defineScalarTag("tag:yaml.org,2002:binary", {
	resolve: resolveYamlBinary,
	identify: (object) => Object.prototype.toString.call(object) === "[object Uint8Array]",
	represent: representYamlBinary
});
//#endregion
//#region src/tag/scalar/timestamp.ts
var YAML_DATE_REGEXP = /* @__PURE__ */ new RegExp("^([0-9][0-9][0-9][0-9])-([0-9][0-9])-([0-9][0-9])$");
var YAML_TIMESTAMP_REGEXP = /* @__PURE__ */ new RegExp("^([0-9][0-9][0-9][0-9])-([0-9][0-9]?)-([0-9][0-9]?)(?:[Tt]|[ \\t]+)([0-9][0-9]?):([0-9][0-9]):([0-9][0-9])(?:\\.([0-9]*))?(?:[ \\t]*(Z|([-+])([0-9][0-9]?)(?::([0-9][0-9]))?))?$");
function makeUtcDate(year, month, day, hour = 0, minute = 0, second = 0, fraction = 0) {
	const date = new Date(Date.UTC(year, month, day, hour, minute, second, fraction));
	date.setUTCFullYear(year, month, day);
	return date;
}
function resolveYamlTimestamp(source) {
	let match = YAML_DATE_REGEXP.exec(source);
	if (match === null) match = YAML_TIMESTAMP_REGEXP.exec(source);
	if (match === null) return NOT_RESOLVED;
	const year = +match[1];
	const month = +match[2] - 1;
	const day = +match[3];
	if (!match[4]) {
		const date = makeUtcDate(year, month, day);
		if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month || date.getUTCDate() !== day) return NOT_RESOLVED;
		return date;
	}
	const hour = +match[4];
	const minute = +match[5];
	const second = +match[6];
	let fraction = 0;
	if (hour > 23 || minute > 59 || second > 59) return NOT_RESOLVED;
	if (match[7]) {
		let value = match[7].slice(0, 3);
		while (value.length < 3) value += "0";
		fraction = +value;
	}
	const date = makeUtcDate(year, month, day, hour, minute, second, fraction);
	if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month || date.getUTCDate() !== day) return NOT_RESOLVED;
	if (match[9]) {
		const offsetHour = +match[10];
		const offsetMinute = +(match[11] || 0);
		if (offsetHour > 23 || offsetMinute > 59) return NOT_RESOLVED;
		const offset = (offsetHour * 60 + offsetMinute) * 6e4;
		date.setTime(date.getTime() - (match[9] === "-" ? -offset : offset));
	}
	return date;
}
/**
* The YAML 1.1 `!!timestamp` tag, represented as a JavaScript `Date`.
*
* @category Tags
*/
var timestampTag = defineScalarTag("tag:yaml.org,2002:timestamp", {
	implicit: true,
	implicitFirstChars: [..."0123456789"],
	resolve: resolveYamlTimestamp,
	identify: (object) => object instanceof Date,
	represent: (object) => object.toISOString()
});
//#endregion
//#region src/tag/sequence/seq.ts
/** @category Tags */
var seqTag = defineSequenceTag("tag:yaml.org,2002:seq", {
	create: () => [],
	addItem: (container, item) => {
		container.push(item);
	},
	identify: Array.isArray
});
//#endregion
//#region src/common/object.ts
function isPlainObject(data) {
	if (data === null || typeof data !== "object" || Array.isArray(data)) return false;
	const prototype = Object.getPrototypeOf(data);
	return prototype === null || prototype === Object.prototype;
}
function pick(object, keys) {
	const result = {};
	for (const key of keys) if (object[key] !== void 0) result[key] = object[key];
	return result;
}
//#endregion
//#region src/tag/sequence/omap.ts
/**
* Provided only for YAML 1.1 compatibility and supported by the loader only.
* JavaScript has no dedicated class to represent this type, so it cannot be
* identified and dumped.
*
* ```yaml
* !!omap
*   - one: 1
*   - two: 2
* ```
*
* is loaded as
*
* ```javascript
* [
*   { one: 1 },
*   { two: 2 }
* ]
* ```
*
* @category Tags
*/
var omapTag = defineSequenceTag("tag:yaml.org,2002:omap", {
	create: () => ({
		list: [],
		seen: /* @__PURE__ */ new Set()
	}),
	addItem: (carrier, item) => {
		let key;
		if (item instanceof Map) {
			if (item.size !== 1) return "cannot resolve an ordered map item";
			key = item.keys().next().value;
		} else if (isPlainObject(item)) {
			const itemKeys = Object.keys(item);
			if (itemKeys.length !== 1) return "cannot resolve an ordered map item";
			key = itemKeys[0];
		} else return "cannot resolve an ordered map item";
		if (carrier.seen.has(key)) return "duplicate key in ordered map";
		carrier.seen.add(key);
		carrier.list.push(item);
		return "";
	},
	finalize: (carrier) => carrier.list,
	identify: () => false
});
//#endregion
//#region src/tag/sequence/pairs.ts
/**
* Provided only for YAML 1.1 compatibility and supported by the loader only.
* JavaScript has no dedicated class to represent this type, so it cannot be
* identified and dumped.
*
* ```yaml
* !!pairs
*   - one: 1
*   - two: 2
* ```
*
* is loaded as
*
* ```javascript
* [
*   ['one', 1],
*   ['two', 2]
* ]
* ```
*
* @category Tags
*/
var pairsTag = defineSequenceTag("tag:yaml.org,2002:pairs", {
	create: () => [],
	addItem: (container, item) => {
		if (item instanceof Map) {
			if (item.size !== 1) return "cannot resolve a pairs item";
			container.push(item.entries().next().value);
			return "";
		}
		if (Object.prototype.toString.call(item) !== "[object Object]") return "cannot resolve a pairs item";
		const object = item;
		const keys = Object.keys(object);
		if (keys.length !== 1) return "cannot resolve a pairs item";
		container.push([keys[0], object[keys[0]]]);
		return "";
	},
	identify: () => false
});
//#endregion
//#region src/tag/mapping/map.ts
/**
* This is the default mapping implementation. It uses `{}` objects and has only
* partial functionality due to language limitations. This choice was made
* because users expect to get JavaScript objects, and it was left unchanged to
* avoid too many breaking changes in the v5 release.
*
* Side effects:
*
* - `Object.hasOwn()` checks or `for...of` loops are required for safe use (to
*   avoid falling through to prototypes).
* - Only scalar string keys are supported properly.
* - Other scalar keys, such as `null` and numbers, are converted to strings.
*   This is historical behaviour, and it can cause side effects such as
*   problems with `!!merge`.
*
* Note that non-string scalar keys may be deprecated in future versions.
*
* Ideally, use {@link realMapTag} instead.
*
* @category Tags
*/
var mapTag = defineMappingTag("tag:yaml.org,2002:map", {
	create: () => ({}),
	identify: isPlainObject,
	represent: (o) => {
		const map = /* @__PURE__ */ new Map();
		for (const key of Object.keys(o)) map.set(key, o[key]);
		return map;
	},
	addPair: (container, key, value) => {
		if (key !== null && typeof key === "object") return "object-based map does not support complex keys";
		const normalizedKey = String(key);
		if (normalizedKey === "__proto__") Object.defineProperty(container, normalizedKey, {
			value,
			enumerable: true,
			configurable: true,
			writable: true
		});
		else container[normalizedKey] = value;
		return "";
	},
	has: (container, key) => {
		if (key !== null && typeof key === "object") return false;
		return Object.prototype.hasOwnProperty.call(container, String(key));
	},
	keys: (container) => Object.keys(container),
	get: (container, key) => {
		const normalizedKey = String(key);
		if (!Object.prototype.hasOwnProperty.call(container, normalizedKey)) return null;
		return container[normalizedKey];
	}
});
//#endregion
//#region src/tag/mapping/set.ts
/**
* The YAML 1.1 `!!set` tag, represented as a JavaScript `Set`.
*
* @category Tags
*/
var setTag = defineMappingTag("tag:yaml.org,2002:set", {
	create: () => /* @__PURE__ */ new Set(),
	identify: (data) => data instanceof Set,
	represent: (data) => {
		const map = /* @__PURE__ */ new Map();
		for (const key of data) map.set(key, null);
		return map;
	},
	addPair: (container, key, value) => {
		if (value !== null) return "cannot resolve a set item";
		container.add(key);
		return "";
	},
	has: (container, key) => container.has(key),
	keys: (container) => container.keys(),
	get: () => null
});
//#endregion
//#region src/schema.ts
function createTagDefinitionMap() {
	return {
		scalar: Object.create(null),
		sequence: Object.create(null),
		mapping: Object.create(null)
	};
}
function createTagDefinitionListMap() {
	return {
		scalar: [],
		sequence: [],
		mapping: []
	};
}
function compileTags(tags) {
	const result = [];
	for (const tag of tags) {
		let index = result.length;
		for (let previousIndex = 0; previousIndex < result.length; previousIndex++) {
			const previous = result[previousIndex];
			if (previous.nodeKind === tag.nodeKind && previous.tagName === tag.tagName && previous.matchByTagPrefix === tag.matchByTagPrefix) {
				index = previousIndex;
				break;
			}
		}
		result[index] = tag;
	}
	return result;
}
/**
* Controls tag resolution when loading and type selection when dumping.
*
* @category Schemas
*/
var Schema = class Schema {
	tags;
	/** @internal */
	implicitScalarTags;
	/**
	* Dispatch implicit scalar resolvers by `source.charAt(0)`. Each bucket holds
	* the resolvers that may match that key, in schema order; a key absent from
	* the map uses
	* {@link Schema.implicitScalarAnyFirstChar}
	* (resolvers that declared no first-char constraint, so they apply to any
	* first character).
	*/
	implicitScalarByFirstChar;
	implicitScalarAnyFirstChar;
	/**
	* The default scalar tag (`!!str`), resolved once so the composer's fallback
	* for unresolved plain scalars avoids a keyed lookup per scalar.
	*
	* @internal
	*/
	defaultScalarTag;
	/**
	* The default container tags (`!!seq` / `!!map`), used by the dumper: when a
	* value is identified by its default tag, the tag is implicit and not
	* printed. Undefined if the schema does not define them (then such values
	* can't be dumped).
	*
	* @internal
	*/
	defaultSequenceTag;
	/** @internal */
	defaultMappingTag;
	exact;
	prefix;
	constructor(tags) {
		const compiledTags = compileTags(tags);
		const implicitScalarTags = [];
		const exact = createTagDefinitionMap();
		const prefix = createTagDefinitionListMap();
		for (const tag of compiledTags) {
			if (tag.nodeKind === "scalar" && tag.implicit) {
				if (tag.matchByTagPrefix) throw new Error("Implicit scalar tags cannot match by tag prefix");
				implicitScalarTags.push(tag);
			}
			switch (tag.nodeKind) {
				case "scalar":
					if (tag.matchByTagPrefix) prefix.scalar.push(tag);
					else exact.scalar[tag.tagName] = tag;
					break;
				case "sequence":
					if (tag.matchByTagPrefix) prefix.sequence.push(tag);
					else exact.sequence[tag.tagName] = tag;
					break;
				case "mapping": if (tag.matchByTagPrefix) prefix.mapping.push(tag);
				else exact.mapping[tag.tagName] = tag;
			}
		}
		const implicitScalarAnyFirstChar = implicitScalarTags.filter((tag) => tag.implicitFirstChars === null);
		const keys = /* @__PURE__ */ new Set();
		for (const tag of implicitScalarTags) if (tag.implicitFirstChars !== null) for (const key of tag.implicitFirstChars) keys.add(key);
		const implicitScalarByFirstChar = /* @__PURE__ */ new Map();
		for (const key of keys) implicitScalarByFirstChar.set(key, implicitScalarTags.filter((tag) => tag.implicitFirstChars === null || tag.implicitFirstChars.indexOf(key) !== -1));
		const defaultScalarTag = exact.scalar["tag:yaml.org,2002:str"];
		if (!defaultScalarTag) throw new Error("schema does not define the default scalar tag (tag:yaml.org,2002:str)");
		this.tags = compiledTags;
		this.implicitScalarTags = implicitScalarTags;
		this.implicitScalarByFirstChar = implicitScalarByFirstChar;
		this.implicitScalarAnyFirstChar = implicitScalarAnyFirstChar;
		this.defaultScalarTag = defaultScalarTag;
		this.defaultSequenceTag = exact.sequence["tag:yaml.org,2002:seq"];
		this.defaultMappingTag = exact.mapping["tag:yaml.org,2002:map"];
		this.exact = exact;
		this.prefix = prefix;
	}
	/** @internal */
	lookupScalarTag(tagName) {
		const exactTag = this.exact.scalar[tagName];
		if (exactTag) return exactTag;
		for (const tag of this.prefix.scalar) if (tagName.startsWith(tag.tagName)) return tag;
	}
	/** @internal */
	lookupSequenceTag(tagName) {
		const exactTag = this.exact.sequence[tagName];
		if (exactTag) return exactTag;
		for (const tag of this.prefix.sequence) if (tagName.startsWith(tag.tagName)) return tag;
	}
	/** @internal */
	lookupMappingTag(tagName) {
		const exactTag = this.exact.mapping[tagName];
		if (exactTag) return exactTag;
		for (const tag of this.prefix.mapping) if (tagName.startsWith(tag.tagName)) return tag;
	}
	/** @internal */
	resolveImplicitScalarTag(source) {
		const candidates = this.implicitScalarByFirstChar.get(source.charAt(0)) ?? this.implicitScalarAnyFirstChar;
		for (const tag of candidates) {
			const value = tag.resolve(source, false, tag.tagName);
			if (value !== NOT_RESOLVED) return {
				value,
				tag
			};
		}
		const tag = this.defaultScalarTag;
		return {
			value: tag.resolve(source, false, tag.tagName),
			tag
		};
	}
	/**
	* Creates a new schema with the specified tags added. If a tag already
	* exists, it is replaced by the specified tag.
	*
	* @example
	*
	* ```javascript
	* import { CORE_SCHEMA, mergeTag, realMapTag } from 'js-yaml'
	*
	* const schema = CORE_SCHEMA.withTags(mergeTag, realMapTag)
	* ```
	*/
	withTags(...tags) {
		let flatTags = [];
		for (const tag of tags) flatTags = flatTags.concat(tag);
		return new Schema([...this.tags, ...flatTags]);
	}
};
/**
* The YAML 1.2 Failsafe Schema: strings, sequences, and mappings.
*
* @category Schemas
*/
var FAILSAFE_SCHEMA = new Schema([
	strTag,
	seqTag,
	mapTag
]);
/**
* The YAML 1.2 JSON Schema. It uses JSON scalar forms while retaining YAML
* collection syntax.
*
* @category Schemas
*/
var JSON_SCHEMA = new Schema([
	...FAILSAFE_SCHEMA.tags,
	nullJsonTag,
	boolJsonTag,
	intJsonTag,
	floatJsonTag
]);
/**
* The default schema for the loaders. Note, {@link CORE_SCHEMA} comes
* without the `!!merge` tag. You can easily enable it if needed.
*
* @example
* Enable {@link mergeTag}:
*
* ```javascript
* import { load, CORE_SCHEMA, mergeTag } from 'js-yaml'
*
* try {
*   load(data, { schema: CORE_SCHEMA.withTags(mergeTag) })
* } catch (e) {
*   console.error(e)
* }
* ```
*
* @category Schemas
*/
var CORE_SCHEMA = new Schema([
	...FAILSAFE_SCHEMA.tags,
	nullCoreTag,
	boolCoreTag,
	intCoreTag,
	floatCoreTag
]);
/**
* YAML 1.1-compatible schema.
*
* @category Schemas
*/
var YAML11_SCHEMA = new Schema([
	...FAILSAFE_SCHEMA.tags,
	nullYaml11Tag,
	boolYaml11Tag,
	intYaml11Tag,
	floatYaml11Tag,
	timestampTag,
	mergeTag,
	binaryTag,
	omapTag,
	pairsTag,
	setTag
]);
/**
* The dumper schema for maximum compatibility. It combines all supported type
* variants from YAML 1.1 and YAML 1.2 so strings matching any of them are
* quoted. This makes the generated YAML more compatible with other parsers.
*
* The schema is based on YAML 1.1, but extends `!!int` and `!!float` to accept
* both YAML 1.1 and Core Schema forms, since Core Schema supports some forms
* that YAML 1.1 does not.
*
* @category Schemas
*/
var DUMP_SCHEMA = YAML11_SCHEMA.withTags({
	...intYaml11Tag,
	resolve: (source, isExplicit, tagName) => {
		const result = intYaml11Tag.resolve(source, isExplicit, tagName);
		return result === NOT_RESOLVED ? intCoreTag.resolve(source, isExplicit, tagName) : result;
	}
}, {
	...floatYaml11Tag,
	resolve: (source, isExplicit, tagName) => {
		const result = floatYaml11Tag.resolve(source, isExplicit, tagName);
		return result === NOT_RESOLVED ? floatCoreTag.resolve(source, isExplicit, tagName) : result;
	}
});
//#endregion
//#region src/tag/mapping/real_map.ts
/**
* Recommended when non-string keys are actually needed. It uses native
* JavaScript `Map` objects, so keys keep their constructed types instead of
* being converted to strings.
*
* It is not the default to avoid widespread breaking changes in existing
* projects. `Map` has a different access API and does not pass deep equality
* checks against `{}`-based fixtures. Alongside the other changes in v5,
* making it the default was considered too disruptive.
*
* If these differences are acceptable for your project, we recommend using
* {@link realMapTag} to guarantee the absence of problems and side effects.
*
* @example
* Enable {@link realMapTag}:
*
* ```javascript
* import { load, CORE_SCHEMA, realMapTag } from 'js-yaml'
*
* try {
*   load(data, { schema: CORE_SCHEMA.withTags(realMapTag) })
* } catch (e) {
*   console.error(e)
* }
* ```
*
* @category Tags
*/
var realMapTag = defineMappingTag("tag:yaml.org,2002:map", {
	create: () => /* @__PURE__ */ new Map(),
	addPair: (container, key, value) => {
		container.set(key, value);
		return "";
	},
	has: (container, key) => container.has(key),
	keys: (container) => container.keys(),
	get: (container, key) => container.get(key),
	identify: (data) => data instanceof Map || isPlainObject(data),
	represent: (data) => {
		if (data instanceof Map) return data;
		const map = /* @__PURE__ */ new Map();
		const obj = data;
		for (const key of Object.keys(obj)) map.set(key, obj[key]);
		return map;
	}
});
//#endregion
//#region src/tag/mapping/legacy_map.ts
function normalizeKey(key) {
	if (Array.isArray(key)) {
		const array = Array.prototype.slice.call(key);
		for (let index = 0; index < array.length; index++) {
			if (Array.isArray(array[index])) return null;
			if (typeof array[index] === "object" && Object.prototype.toString.call(array[index]) === "[object Object]") array[index] = "[object Object]";
		}
		return String(array);
	}
	if (typeof key === "object" && Object.prototype.toString.call(key) === "[object Object]") return "[object Object]";
	return String(key);
}
/**
* This implementation exists solely to reproduce v4 behavior exactly. Its use
* is strongly discouraged. If complex or non-string keys are needed, use
* {@link realMapTag} instead.
*
* @category Tags
*/
var legacyMapTag = defineMappingTag("tag:yaml.org,2002:map", {
	create: () => ({}),
	identify: isPlainObject,
	represent: (o) => {
		const map = /* @__PURE__ */ new Map();
		for (const key of Object.keys(o)) map.set(key, o[key]);
		return map;
	},
	addPair: (container, key, value) => {
		const normalizedKey = normalizeKey(key);
		if (normalizedKey === null) return "nested arrays are not supported inside keys";
		if (normalizedKey === "__proto__") Object.defineProperty(container, normalizedKey, {
			value,
			enumerable: true,
			configurable: true,
			writable: true
		});
		else container[normalizedKey] = value;
		return "";
	},
	has: (container, key) => {
		const normalizedKey = normalizeKey(key);
		return normalizedKey !== null && Object.prototype.hasOwnProperty.call(container, normalizedKey);
	},
	keys: (container) => Object.keys(container),
	get: (container, key) => {
		const normalizedKey = String(key);
		if (!Object.prototype.hasOwnProperty.call(container, normalizedKey)) return null;
		return container[normalizedKey];
	}
});
//#endregion
//#region src/common/snippet.ts
var DEFAULT_SNIPPET_OPTIONS = {
	maxLength: 79,
	indent: 1,
	linesBefore: 3,
	linesAfter: 2
};
function getLine(buffer, lineStart, lineEnd, position, maxLineLength) {
	let head = "";
	let tail = "";
	const maxHalfLength = Math.floor(maxLineLength / 2) - 1;
	if (position - lineStart > maxHalfLength) {
		head = " ... ";
		lineStart = position - maxHalfLength + head.length;
	}
	if (lineEnd - position > maxHalfLength) {
		tail = " ...";
		lineEnd = position + maxHalfLength - tail.length;
	}
	return {
		str: head + buffer.slice(lineStart, lineEnd).replace(/\t/g, "→") + tail,
		pos: position - lineStart + head.length
	};
}
function padStart(string, max) {
	return " ".repeat(Math.max(max - string.length, 0)) + string;
}
function makeSnippet(mark, options) {
	if (!mark.buffer) return null;
	const opts = {
		...DEFAULT_SNIPPET_OPTIONS,
		...options
	};
	const re = /\r?\n|\r|\0/g;
	const lineStarts = [0];
	const lineEnds = [];
	let match;
	let foundLineNo = -1;
	while (match = re.exec(mark.buffer)) {
		lineEnds.push(match.index);
		lineStarts.push(match.index + match[0].length);
		if (mark.position <= match.index && foundLineNo < 0) foundLineNo = lineStarts.length - 2;
	}
	if (foundLineNo < 0) foundLineNo = lineStarts.length - 1;
	let result = "";
	const lineNoLength = Math.min(mark.line + opts.linesAfter, lineEnds.length).toString().length;
	const maxLineLength = opts.maxLength - (opts.indent + lineNoLength + 3);
	for (let i = 1; i <= opts.linesBefore; i++) {
		if (foundLineNo - i < 0) break;
		const line = getLine(mark.buffer, lineStarts[foundLineNo - i], lineEnds[foundLineNo - i], mark.position - (lineStarts[foundLineNo] - lineStarts[foundLineNo - i]), maxLineLength);
		result = `${" ".repeat(opts.indent)}${padStart((mark.line - i + 1).toString(), lineNoLength)} | ${line.str}\n${result}`;
	}
	const line = getLine(mark.buffer, lineStarts[foundLineNo], lineEnds[foundLineNo], mark.position, maxLineLength);
	result += `${" ".repeat(opts.indent)}${padStart((mark.line + 1).toString(), lineNoLength)} | ${line.str}\n`;
	result += `${"-".repeat(opts.indent + lineNoLength + 3 + line.pos)}^\n`;
	for (let i = 1; i <= opts.linesAfter; i++) {
		if (foundLineNo + i >= lineEnds.length) break;
		const line = getLine(mark.buffer, lineStarts[foundLineNo + i], lineEnds[foundLineNo + i], mark.position - (lineStarts[foundLineNo] - lineStarts[foundLineNo + i]), maxLineLength);
		result += `${" ".repeat(opts.indent)}${padStart((mark.line + i + 1).toString(), lineNoLength)} | ${line.str}\n`;
	}
	return result.replace(/\n$/, "");
}
//#endregion
//#region src/common/exception.ts
function formatError(exception, compact) {
	let where = "";
	if (!exception.mark) return exception.reason;
	if (exception.mark.name) where += `in "${exception.mark.name}" `;
	where += `(${exception.mark.line + 1}:${exception.mark.column + 1})`;
	if (!compact && exception.mark.snippet) where += `\n\n${exception.mark.snippet}`;
	return `${exception.reason} ${where}`;
}
/**
* A YAML error. Unlike an ordinary `Error`, it adds a source snippet showing
* the location of the problem to the error message, when available.
*
* @category Main
*/
var YAMLException = class YAMLException extends Error {
	reason;
	mark;
	/**
	* Optional `mark` contains source snippet data. Usually, use
	* {@link YAMLException.throwAt} instead of passing it directly.
	*/
	constructor(reason, mark) {
		super();
		this.name = "YAMLException";
		this.reason = reason;
		this.mark = mark;
		this.message = formatError(this, false);
		if (Error.captureStackTrace) Error.captureStackTrace(this, this.constructor);
	}
	/**
	* Returns the formatted error, omitting the source snippet in compact mode.
	*/
	toString(compact) {
		return `${this.name}: ${formatError(this, compact)}`;
	}
	/**
	* Builds a YAMLException with a source snippet and throws it. `source` is
	* the raw input text; `position` is an offset into it.
	*/
	static throwAt(source, position, message, filename = "") {
		let line = 0;
		let lineStart = 0;
		for (let index = 0; index < position; index++) {
			const ch = source.charCodeAt(index);
			if (ch === 10) {
				line++;
				lineStart = index + 1;
			} else if (ch === 13) {
				line++;
				if (source.charCodeAt(index + 1) === 10) index++;
				lineStart = index + 1;
			}
		}
		const mark = {
			name: filename,
			buffer: source,
			position,
			line,
			column: position - lineStart
		};
		mark.snippet = makeSnippet(mark);
		throw new YAMLException(message, mark);
	}
};
//#endregion
//#region src/parser/events.ts
/** @category Events */
var EVENT_ID = {
	DOCUMENT: 1,
	SEQUENCE: 2,
	MAPPING: 3,
	SCALAR: 4,
	ALIAS: 5,
	POP: 6
};
/** @category Nodes */
var SCALAR_STYLE = {
	PLAIN: 1,
	SINGLE_QUOTED: 2,
	DOUBLE_QUOTED: 3,
	LITERAL_BLOCK: 4,
	FOLDED_BLOCK: 5
};
/** @category Nodes */
var COLLECTION_STYLE = {
	BLOCK: 1,
	FLOW: 2
};
/** @category Nodes */
var CHOMPING_MODE = {
	CLIP: 1,
	STRIP: 2,
	KEEP: 3
};
//#endregion
//#region src/parser/parser_scalar.ts
var NO_RANGE$3 = -1;
function simpleEscapeSequence(c) {
	switch (c) {
		case 48: return "\0";
		case 97: return "\x07";
		case 98: return "\b";
		case 116: return "	";
		case 9: return "	";
		case 110: return "\n";
		case 118: return "\v";
		case 102: return "\f";
		case 114: return "\r";
		case 101: return "\x1B";
		case 32: return " ";
		case 34: return "\"";
		case 47: return "/";
		case 92: return "\\";
		case 78: return "";
		case 95: return "\xA0";
		case 76: return "\u2028";
		case 80: return "\u2029";
		default: return "";
	}
}
var simpleEscapeCheck = new Array(256);
var simpleEscapeMap = new Array(256);
for (let i = 0; i < 256; i++) {
	simpleEscapeCheck[i] = simpleEscapeSequence(i) ? 1 : 0;
	simpleEscapeMap[i] = simpleEscapeSequence(i);
}
function charFromCodepoint(c) {
	if (c <= 65535) return String.fromCharCode(c);
	return String.fromCharCode((c - 65536 >> 10) + 55296, (c - 65536 & 1023) + 56320);
}
function fromHexCode$1(c) {
	if (c >= 48 && c <= 57) return c - 48;
	return (c | 32) - 97 + 10;
}
function escapedHexLen$1(c) {
	if (c === 120) return 2;
	if (c === 117) return 4;
	return 8;
}
function skipFoldedBreaks(input, position, end) {
	let breaks = 0;
	while (position < end) {
		const ch = input.charCodeAt(position);
		if (ch === 10) {
			breaks++;
			position++;
		} else if (ch === 13) {
			breaks++;
			position++;
			if (input.charCodeAt(position) === 10) position++;
		} else if (ch === 32 || ch === 9) position++;
		else break;
	}
	return {
		position,
		breaks
	};
}
function foldedBreaks(count) {
	if (count === 1) return " ";
	return "\n".repeat(count - 1);
}
function getPlainValue(input, start, end) {
	let result = "";
	let position = start;
	let captureStart = start;
	let captureEnd = start;
	while (position < end) {
		const ch = input.charCodeAt(position);
		if (ch === 10 || ch === 13) {
			result += input.slice(captureStart, captureEnd);
			const fold = skipFoldedBreaks(input, position, end);
			result += foldedBreaks(fold.breaks);
			position = captureStart = captureEnd = fold.position;
		} else {
			position++;
			if (ch !== 32 && ch !== 9) captureEnd = position;
		}
	}
	return result + input.slice(captureStart, captureEnd);
}
function getSingleQuotedValue(input, start, end) {
	let result = "";
	let position = start;
	let captureStart = start;
	let captureEnd = start;
	while (position < end) {
		const ch = input.charCodeAt(position);
		if (ch === 39) {
			result += input.slice(captureStart, position) + "'";
			position += 2;
			captureStart = captureEnd = position;
		} else if (ch === 10 || ch === 13) {
			result += input.slice(captureStart, captureEnd);
			const fold = skipFoldedBreaks(input, position, end);
			result += foldedBreaks(fold.breaks);
			position = captureStart = captureEnd = fold.position;
		} else {
			position++;
			if (ch !== 32 && ch !== 9) captureEnd = position;
		}
	}
	return result + input.slice(captureStart, end);
}
function getDoubleQuotedValue(input, start, end) {
	let result = "";
	let position = start;
	let captureStart = start;
	let captureEnd = start;
	while (position < end) {
		const ch = input.charCodeAt(position);
		if (ch === 92) {
			result += input.slice(captureStart, position);
			position++;
			const escaped = input.charCodeAt(position);
			if (escaped === 10 || escaped === 13) position = skipFoldedBreaks(input, position, end).position;
			else if (escaped < 256 && simpleEscapeCheck[escaped]) {
				result += simpleEscapeMap[escaped];
				position++;
			} else {
				let hexLength = escapedHexLen$1(escaped);
				let hexResult = 0;
				for (; hexLength > 0; hexLength--) {
					position++;
					const digit = fromHexCode$1(input.charCodeAt(position));
					hexResult = (hexResult << 4) + digit;
				}
				result += charFromCodepoint(hexResult);
				position++;
			}
			captureStart = captureEnd = position;
		} else if (ch === 10 || ch === 13) {
			result += input.slice(captureStart, captureEnd);
			const fold = skipFoldedBreaks(input, position, end);
			result += foldedBreaks(fold.breaks);
			position = captureStart = captureEnd = fold.position;
		} else {
			position++;
			if (ch !== 32 && ch !== 9) captureEnd = position;
		}
	}
	return result + input.slice(captureStart, end);
}
function getBlockValue(input, start, end, indent, chomping, folded) {
	const textIndent = indent < 0 ? 0 : indent;
	const region = input.slice(start, end).replace(/\r\n?/g, "\n");
	const lines = region === "" ? [] : (region.endsWith("\n") ? region.slice(0, -1) : region).split("\n");
	let result = "";
	let didReadContent = false;
	let emptyLines = 0;
	let atMoreIndented = false;
	for (const line of lines) {
		let column = 0;
		while (column < textIndent && line.charCodeAt(column) === 32) column++;
		if (indent < 0 || column >= line.length) {
			emptyLines++;
			continue;
		}
		const content = line.slice(textIndent);
		const first = content.charCodeAt(0);
		if (folded) {
			if (first === 32 || first === 9) {
				atMoreIndented = true;
				result += "\n".repeat(didReadContent ? 1 + emptyLines : emptyLines);
			} else if (atMoreIndented) {
				atMoreIndented = false;
				result += "\n".repeat(emptyLines + 1);
			} else if (emptyLines === 0) {
				if (didReadContent) result += " ";
			} else result += "\n".repeat(emptyLines);
		} else result += "\n".repeat(didReadContent ? 1 + emptyLines : emptyLines);
		result += content;
		didReadContent = true;
		emptyLines = 0;
	}
	if (chomping === CHOMPING_MODE.KEEP) result += "\n".repeat(didReadContent ? 1 + emptyLines : emptyLines);
	else if (chomping !== CHOMPING_MODE.STRIP) {
		if (didReadContent) result += "\n";
	}
	return result;
}
/**
* Decodes the scalar referenced by event offsets in `input`.
*
* @category Events
*/
function getScalarValue(input, scalar) {
	if (scalar.valueStart === NO_RANGE$3) return "";
	const { valueStart, valueEnd } = scalar;
	if (scalar.fast) return input.slice(valueStart, valueEnd);
	switch (scalar.style) {
		case SCALAR_STYLE.SINGLE_QUOTED: return getSingleQuotedValue(input, valueStart, valueEnd);
		case SCALAR_STYLE.DOUBLE_QUOTED: return getDoubleQuotedValue(input, valueStart, valueEnd);
		case SCALAR_STYLE.LITERAL_BLOCK: return getBlockValue(input, valueStart, valueEnd, scalar.indent, scalar.chomping, false);
		case SCALAR_STYLE.FOLDED_BLOCK: return getBlockValue(input, valueStart, valueEnd, scalar.indent, scalar.chomping, true);
		default: return getPlainValue(input, valueStart, valueEnd);
	}
}
//#endregion
//#region src/common/tagname.ts
var DEFAULT_TAG_HANDLERS = Object.assign(Object.create(null), {
	"!": "!",
	"!!": "tag:yaml.org,2002:"
});
var TAG_SUFFIX_CHARS = "-#;/?:@&=+$_.~*'()";
var TAG_URI_CHARS = TAG_SUFFIX_CHARS + "!,[]";
var HEX = "0123456789ABCDEF";
function percentByte(byte) {
	return "%" + HEX[byte >> 4] + HEX[byte & 15];
}
function tagPercentEncode(source, isSuffix) {
	const allowed = isSuffix ? TAG_SUFFIX_CHARS : TAG_URI_CHARS;
	let result = "";
	for (let index = 0; index < source.length; index++) {
		let ch = source.charCodeAt(index);
		if (ch >= 48 && ch <= 57 || ch >= 65 && ch <= 90 || ch >= 97 && ch <= 122 || allowed.includes(source[index])) {
			result += source[index];
			continue;
		}
		if (ch >= 55296 && ch <= 56319) ch = 65536 + ((ch & 1023) << 10) + (source.charCodeAt(++index) & 1023);
		if (ch < 128) result += percentByte(ch);
		else if (ch < 2048) result += percentByte(192 | ch >> 6) + percentByte(128 | ch & 63);
		else if (ch < 65536) result += percentByte(224 | ch >> 12) + percentByte(128 | ch >> 6 & 63) + percentByte(128 | ch & 63);
		else result += percentByte(240 | ch >> 18) + percentByte(128 | ch >> 12 & 63) + percentByte(128 | ch >> 6 & 63) + percentByte(128 | ch & 63);
	}
	return result;
}
function tagPercentDecode(source) {
	let result = "";
	let index = 0;
	while (index < source.length) {
		if (source.charCodeAt(index) !== 37) {
			result += source[index++];
			continue;
		}
		let ch = parseInt(source.slice(index + 1, index + 3), 16);
		index += 3;
		if (ch >= 192) {
			let remaining = ch < 224 ? 1 : ch < 240 ? 2 : 3;
			ch &= (1 << 6 - remaining) - 1;
			while (remaining-- > 0) {
				ch = ch << 6 | parseInt(source.slice(index + 1, index + 3), 16) & 63;
				index += 3;
			}
		}
		if (ch < 65536) result += String.fromCharCode(ch);
		else {
			ch -= 65536;
			result += String.fromCharCode(55296 | ch >> 10, 56320 | ch & 1023);
		}
	}
	return result;
}
function tagNameFull(rawTag, tagHandlers) {
	if (rawTag.startsWith("!<") && rawTag.endsWith(">")) return tagPercentDecode(rawTag.slice(2, -1));
	const handleEnd = rawTag.indexOf("!", 1);
	const handle = handleEnd === -1 ? "!" : rawTag.slice(0, handleEnd + 1);
	return tagPercentDecode(tagHandlers?.[handle] ?? DEFAULT_TAG_HANDLERS[handle] ?? handle) + tagPercentDecode(rawTag.slice(handle.length));
}
function tagNameShort(fullTag) {
	let tag = fullTag;
	if (tag.charCodeAt(0) === 33) {
		tag = tag.slice(1);
		return `!${tagPercentEncode(tag, true)}`;
	}
	if (tag.slice(0, 18) === "tag:yaml.org,2002:") return `!!${tagPercentEncode(tag.slice(18), true)}`;
	return `!<${tagPercentEncode(tag, false)}>`;
}
//#endregion
//#region src/parser/constructor.ts
var NO_RANGE$2 = -1;
var MERGE_TAG_NAME = "tag:yaml.org,2002:merge";
var DEFAULT_CONSTRUCTOR_OPTIONS = {
	filename: "",
	schema: CORE_SCHEMA,
	json: false,
	maxTotalMergeKeys: 1e4,
	maxAliases: -1
};
function eventPosition$1(event) {
	if ("tagStart" in event && event.tagStart !== NO_RANGE$2) return event.tagStart;
	if ("anchorStart" in event && event.anchorStart !== NO_RANGE$2) return event.anchorStart;
	if ("valueStart" in event && event.valueStart !== NO_RANGE$2) return event.valueStart;
	if ("start" in event) return event.start;
	return 0;
}
function throwError$1(state, message) {
	YAMLException.throwAt(state.source, state.position, message, state.filename);
}
function finalizeCollection(state, position, tag, carrier) {
	try {
		return tag.finalize(carrier);
	} catch (error) {
		if (error instanceof YAMLException) throw error;
		YAMLException.throwAt(state.source, position, error instanceof Error ? error.message : String(error), state.filename);
	}
}
function constructScalar(state, event) {
	const source = getScalarValue(state.source, event);
	const rawTag = event.tagStart === NO_RANGE$2 ? "" : state.source.slice(event.tagStart, event.tagEnd);
	const strTag = state.schema.defaultScalarTag;
	if (rawTag !== "") {
		if (rawTag === "!") return {
			value: source,
			tag: strTag
		};
		const tagName = tagNameFull(rawTag, state.tagHandlers);
		const scalarTag = state.schema.lookupScalarTag(tagName);
		if (scalarTag) {
			const result = scalarTag.resolve(source, true, tagName);
			if (result === NOT_RESOLVED) throwError$1(state, `cannot resolve a node with !<${tagName}> explicit tag`);
			return {
				value: result,
				tag: scalarTag
			};
		}
		const collectionTagDef = state.schema.lookupMappingTag(tagName) ?? state.schema.lookupSequenceTag(tagName);
		if (collectionTagDef) {
			if (source !== "") throwError$1(state, `cannot resolve a node with !<${tagName}> explicit tag`);
			const carrier = collectionTagDef.create(tagName);
			return {
				value: collectionTagDef.carrierIsResult ? carrier : finalizeCollection(state, state.position, collectionTagDef, carrier),
				tag: collectionTagDef
			};
		}
		throwError$1(state, `unknown scalar tag !<${tagName}>`);
	}
	if (event.style === SCALAR_STYLE.PLAIN) return state.schema.resolveImplicitScalarTag(source);
	return {
		value: strTag.resolve(source, false, strTag.tagName),
		tag: strTag
	};
}
function collectionTagName(state, event, defaultTagName) {
	const rawTag = event.tagStart === NO_RANGE$2 ? "" : state.source.slice(event.tagStart, event.tagEnd);
	return rawTag === "" || rawTag === "!" ? defaultTagName : tagNameFull(rawTag, state.tagHandlers);
}
function isMappingTag(tag) {
	return tag.nodeKind === "mapping";
}
function chargeMergeWork(state) {
	state.totalMergeKeys++;
	if (state.maxTotalMergeKeys !== -1 && state.totalMergeKeys > state.maxTotalMergeKeys) throwError$1(state, `merge keys exceeded maxTotalMergeKeys (${state.maxTotalMergeKeys})`);
}
function mergeKeys(state, frame, source, sourceTag) {
	chargeMergeWork(state);
	for (const sourceKey of sourceTag.keys(source)) {
		chargeMergeWork(state);
		if (frame.tag.has(frame.value, sourceKey)) continue;
		const err = frame.tag.addPair(frame.value, sourceKey, sourceTag.get(source, sourceKey));
		if (err) throwError$1(state, err);
		frame.overridable ??= /* @__PURE__ */ new Set();
		frame.overridable.add(sourceKey);
	}
}
function mergeSource(state, frame, source, sourceTag) {
	state.position = frame.keyPosition;
	if (isMappingTag(sourceTag)) mergeKeys(state, frame, source, sourceTag);
	else if (sourceTag.nodeKind === "sequence" && Array.isArray(source)) {
		if (source.length > 100) throwError$1(state, "abnormal merge sequence size");
		for (const element of source) {
			const elementTag = state.nodeTags.get(element);
			if (!elementTag) throwError$1(state, "cannot merge mappings; the provided source object is unacceptable");
			mergeKeys(state, frame, element, elementTag);
		}
	} else throwError$1(state, "cannot merge mappings; the provided source object is unacceptable");
}
function addMappingValue(state, frame, key, value, tag) {
	state.position = frame.keyPosition;
	if (frame.keyIsMerge) {
		mergeSource(state, frame, value, tag);
		return;
	}
	if (!state.json && frame.tag.has(frame.value, key) && !frame.overridable?.has(key)) throwError$1(state, "duplicated mapping key");
	const err = frame.tag.addPair(frame.value, key, value);
	if (err) throwError$1(state, err);
	frame.overridable?.delete(key);
}
function addValue(state, value, tag) {
	const frame = state.frames[state.frames.length - 1];
	if (frame.kind === "document") {
		frame.value = value;
		frame.hasValue = true;
	} else if (frame.kind === "sequence") {
		if (isMappingTag(tag)) state.nodeTags.set(value, tag);
		const err = frame.tag.addItem(frame.value, value, frame.index++);
		if (err) throwError$1(state, err);
	} else if (frame.hasKey) {
		const key = frame.key;
		frame.key = void 0;
		frame.hasKey = false;
		addMappingValue(state, frame, key, value, tag);
	} else {
		frame.key = value;
		frame.keyPosition = state.position;
		frame.hasKey = true;
		frame.keyIsMerge = tag.tagName === MERGE_TAG_NAME;
	}
}
function storeAnchor(state, event, value, tag, isValueFinal) {
	if (event.anchorStart !== NO_RANGE$2) {
		const anchor = {
			value,
			tag,
			isValueFinal
		};
		state.anchors.set(state.source.slice(event.anchorStart, event.anchorEnd), anchor);
		return anchor;
	}
	return null;
}
/**
* Constructs JavaScript documents directly from parser events, without an
* intermediate AST.
*
* @category Events
*/
function constructFromEvents(events, options) {
	const state = {
		...DEFAULT_CONSTRUCTOR_OPTIONS,
		...options,
		events,
		documents: [],
		eventIndex: 0,
		position: 0,
		frames: [],
		anchors: /* @__PURE__ */ new Map(),
		nodeTags: /* @__PURE__ */ new Map(),
		tagHandlers: Object.create(null),
		totalMergeKeys: 0,
		aliasCount: 0
	};
	while (state.eventIndex < state.events.length) {
		const event = state.events[state.eventIndex++];
		state.position = eventPosition$1(event);
		switch (event.type) {
			case EVENT_ID.DOCUMENT:
				state.anchors = /* @__PURE__ */ new Map();
				state.nodeTags = /* @__PURE__ */ new Map();
				state.aliasCount = 0;
				state.tagHandlers = Object.create(null);
				for (const directive of event.directives) if (directive.kind === "tag") state.tagHandlers[directive.handle] = directive.prefix;
				state.frames.push({
					kind: "document",
					position: state.position,
					value: void 0,
					hasValue: false
				});
				break;
			case EVENT_ID.SCALAR: {
				const { value, tag } = constructScalar(state, event);
				storeAnchor(state, event, value, tag, true);
				addValue(state, value, tag);
				break;
			}
			case EVENT_ID.SEQUENCE: {
				const tagName = collectionTagName(state, event, "tag:yaml.org,2002:seq");
				const tag = state.schema.lookupSequenceTag(tagName);
				if (!tag) throwError$1(state, `unknown sequence tag !<${tagName}>`);
				const value = tag.create(tagName);
				const anchor = storeAnchor(state, event, value, tag, tag.carrierIsResult);
				state.frames.push({
					kind: "sequence",
					position: state.position,
					value,
					tag,
					anchor,
					index: 0
				});
				break;
			}
			case EVENT_ID.MAPPING: {
				const tagName = collectionTagName(state, event, "tag:yaml.org,2002:map");
				const tag = state.schema.lookupMappingTag(tagName);
				if (!tag) throwError$1(state, `unknown mapping tag !<${tagName}>`);
				const value = tag.create(tagName);
				const anchor = storeAnchor(state, event, value, tag, tag.carrierIsResult);
				state.frames.push({
					kind: "mapping",
					position: state.position,
					value,
					tag,
					anchor,
					key: void 0,
					keyPosition: state.position,
					hasKey: false,
					keyIsMerge: false,
					overridable: null
				});
				break;
			}
			case EVENT_ID.ALIAS: {
				if (state.maxAliases !== -1 && ++state.aliasCount > state.maxAliases) throwError$1(state, `aliases exceeded maxAliases (${state.maxAliases})`);
				const name = state.source.slice(event.anchorStart, event.anchorEnd);
				const anchor = state.anchors.get(name);
				if (!anchor) throwError$1(state, `unidentified alias "${name}"`);
				if (!anchor.isValueFinal) throwError$1(state, `recursive alias "${name}" is not supported for tag ${anchor.tag.tagName} because it uses finalize()`);
				addValue(state, anchor.value, anchor.tag);
				break;
			}
			case EVENT_ID.POP: {
				const frame = state.frames.pop();
				if (frame.kind === "mapping" && frame.hasKey) {
					state.position = frame.keyPosition;
					throwError$1(state, "incomplete mapping pair in event stream");
				}
				if (frame.kind === "document") state.documents.push(frame.value);
				else {
					const value = frame.tag.carrierIsResult ? frame.value : finalizeCollection(state, frame.position, frame.tag, frame.value);
					if (frame.anchor) {
						frame.anchor.value = value;
						frame.anchor.isValueFinal = true;
					}
					addValue(state, value, frame.tag);
				}
				break;
			}
		}
	}
	return state.documents;
}
//#endregion
//#region src/parser/parser.ts
var NO_RANGE$1 = -1;
var HAS_OWN = Object.prototype.hasOwnProperty;
var CONTEXT_FLOW_IN = 1;
var CONTEXT_FLOW_OUT = 2;
var CONTEXT_BLOCK_IN = 3;
var CONTEXT_BLOCK_OUT = 4;
var PATTERN_NON_PRINTABLE = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/;
var PATTERN_FLOW_INDICATORS = /[,\[\]{}]/;
var PATTERN_TAG_HANDLE = /^(?:!|!!|![0-9A-Za-z-]+!)$/;
var NS_URI_CHAR = String.raw`(?:%[0-9A-Fa-f]{2}|[0-9A-Za-z\-#;/?:@&=+$,_.!~*'()\[\]])`;
var NS_TAG_CHAR = String.raw`(?:%[0-9A-Fa-f]{2}|[0-9A-Za-z\-#;/?:@&=+$.~*'()_])`;
var PATTERN_TAG_URI = new RegExp(`^(?:${NS_URI_CHAR})*$`);
var PATTERN_TAG_SUFFIX = new RegExp(`^(?:${NS_TAG_CHAR})+$`);
var PATTERN_TAG_PREFIX = new RegExp(`^(?:!(?:${NS_URI_CHAR})*|${NS_TAG_CHAR}(?:${NS_URI_CHAR})*)$`);
var DEFAULT_PARSER_OPTIONS = {
	filename: "",
	maxDepth: 100
};
function addDocumentEvent(state, explicitStart, explicitEnd) {
	state.events.push({
		type: EVENT_ID.DOCUMENT,
		explicitStart,
		explicitEnd,
		directives: state.directives
	});
}
function addSequenceEvent(state, start, anchorStart, anchorEnd, tagStart, tagEnd, style) {
	state.events.push({
		type: EVENT_ID.SEQUENCE,
		start,
		anchorStart,
		anchorEnd,
		tagStart,
		tagEnd,
		style
	});
}
function addMappingEvent(state, start, anchorStart, anchorEnd, tagStart, tagEnd, style) {
	state.events.push({
		type: EVENT_ID.MAPPING,
		start,
		anchorStart,
		anchorEnd,
		tagStart,
		tagEnd,
		style
	});
}
function insertFlowPairMappingEvent(state, snapshot) {
	state.events.splice(snapshot.eventsLength, 0, {
		type: EVENT_ID.MAPPING,
		start: snapshot.position,
		anchorStart: NO_RANGE$1,
		anchorEnd: NO_RANGE$1,
		tagStart: NO_RANGE$1,
		tagEnd: NO_RANGE$1,
		style: COLLECTION_STYLE.FLOW
	});
}
function addScalarEvent(state, valueStart, valueEnd, anchorStart, anchorEnd, tagStart, tagEnd, style, chomping = CHOMPING_MODE.CLIP, indent = -1, fast = false) {
	state.events.push({
		type: EVENT_ID.SCALAR,
		valueStart,
		valueEnd,
		anchorStart,
		anchorEnd,
		tagStart,
		tagEnd,
		style,
		chomping,
		indent,
		fast
	});
}
function addAliasEvent(state, anchorStart, anchorEnd) {
	state.events.push({
		type: EVENT_ID.ALIAS,
		anchorStart,
		anchorEnd
	});
}
function addPopEvent(state) {
	state.events.push({ type: EVENT_ID.POP });
}
function addEmptyScalarEvent(state) {
	addScalarEvent(state, NO_RANGE$1, NO_RANGE$1, NO_RANGE$1, NO_RANGE$1, NO_RANGE$1, NO_RANGE$1, SCALAR_STYLE.PLAIN);
}
function emptyProperties() {
	return {
		anchorStart: NO_RANGE$1,
		anchorEnd: NO_RANGE$1,
		tagStart: NO_RANGE$1,
		tagEnd: NO_RANGE$1
	};
}
function snapshotState(state) {
	return {
		position: state.position,
		line: state.line,
		lineStart: state.lineStart,
		lineIndent: state.lineIndent,
		firstTabInLine: state.firstTabInLine,
		eventsLength: state.events.length
	};
}
function restoreState(state, snapshot) {
	state.position = snapshot.position;
	state.line = snapshot.line;
	state.lineStart = snapshot.lineStart;
	state.lineIndent = snapshot.lineIndent;
	state.firstTabInLine = snapshot.firstTabInLine;
	state.events.length = snapshot.eventsLength;
}
function throwError(state, message) {
	YAMLException.throwAt(state.input.slice(0, state.length), state.position, message, state.filename);
}
function isEol(c) {
	return c === 10 || c === 13;
}
function isWhiteSpace(c) {
	return c === 9 || c === 32;
}
function isWsOrEol(c) {
	return isWhiteSpace(c) || isEol(c);
}
function isWsOrEolOrEnd(c) {
	return c === 0 || isWsOrEol(c);
}
function isFlowIndicator(c) {
	return c === 44 || c === 91 || c === 93 || c === 123 || c === 125;
}
function fromDecimalCode(c) {
	return c >= 48 && c <= 57 ? c - 48 : -1;
}
function fromHexCode(c) {
	if (c >= 48 && c <= 57) return c - 48;
	const lc = c | 32;
	if (lc >= 97 && lc <= 102) return lc - 97 + 10;
	return -1;
}
function escapedHexLen(c) {
	if (c === 120) return 2;
	if (c === 117) return 4;
	if (c === 85) return 8;
	return 0;
}
function isSimpleEscape(c) {
	return c === 48 || c === 97 || c === 98 || c === 116 || c === 9 || c === 110 || c === 118 || c === 102 || c === 114 || c === 101 || c === 32 || c === 34 || c === 47 || c === 92 || c === 78 || c === 95 || c === 76 || c === 80;
}
function consumeLineBreak(state) {
	if (state.input.charCodeAt(state.position) === 10) state.position++;
	else {
		state.position++;
		if (state.input.charCodeAt(state.position) === 10) state.position++;
	}
	state.line++;
	state.lineStart = state.position;
	state.lineIndent = 0;
	state.firstTabInLine = -1;
}
function skipSeparationSpace(state, allowComments) {
	let lineBreaks = 0;
	let ch = state.input.charCodeAt(state.position);
	let hasSeparation = state.position === state.lineStart || isWsOrEol(state.input.charCodeAt(state.position - 1));
	while (ch !== 0) {
		while (isWhiteSpace(ch)) {
			hasSeparation = true;
			if (ch === 9 && state.firstTabInLine === -1) state.firstTabInLine = state.position;
			ch = state.input.charCodeAt(++state.position);
		}
		if (allowComments && hasSeparation && ch === 35) do
			ch = state.input.charCodeAt(++state.position);
		while (!isEol(ch) && ch !== 0);
		if (!isEol(ch)) break;
		consumeLineBreak(state);
		lineBreaks++;
		hasSeparation = true;
		ch = state.input.charCodeAt(state.position);
		while (ch === 32) {
			state.lineIndent++;
			ch = state.input.charCodeAt(++state.position);
		}
	}
	return lineBreaks;
}
function testDocumentSeparator(state, position = state.position) {
	const ch = state.input.charCodeAt(position);
	if ((ch === 45 || ch === 46) && ch === state.input.charCodeAt(position + 1) && ch === state.input.charCodeAt(position + 2)) {
		const following = state.input.charCodeAt(position + 3);
		return following === 0 || isWsOrEol(following);
	}
	return false;
}
function skipByteOrderMark(state) {
	if (state.position === state.lineStart && state.input.charCodeAt(state.position) === 65279) {
		state.position++;
		state.lineStart = state.position;
	}
}
function testDocumentBoundary(state) {
	if (state.position !== state.lineStart) return false;
	if (testDocumentSeparator(state)) return true;
	if (state.input.charCodeAt(state.position) !== 65279) return false;
	const snapshot = snapshotState(state);
	skipByteOrderMark(state);
	skipSeparationSpace(state, true);
	const ch = state.input.charCodeAt(state.position);
	const result = state.position === state.lineStart && (ch === 37 || ch === 45 && testDocumentSeparator(state));
	restoreState(state, snapshot);
	return result;
}
function skipUntilLineEnd(state) {
	let ch = state.input.charCodeAt(state.position);
	while (ch !== 0 && !isEol(ch)) ch = state.input.charCodeAt(++state.position);
}
function checkPrintable(state, start, end) {
	const match = PATTERN_NON_PRINTABLE.exec(state.input.slice(start, end));
	if (match !== null) {
		state.position = start + match.index + match[0].length - 1;
		throwError(state, "the stream contains non-printable characters");
	}
}
function readTagProperty(state, props, inFlow) {
	if (state.input.charCodeAt(state.position) !== 33) return false;
	if (props.tagStart !== NO_RANGE$1) throwError(state, "duplication of a tag property");
	const start = state.position;
	let isVerbatim = false;
	let isNamed = false;
	let tagHandle = "!";
	let ch = state.input.charCodeAt(++state.position);
	if (ch === 60) {
		isVerbatim = true;
		ch = state.input.charCodeAt(++state.position);
	} else if (ch === 33) {
		isNamed = true;
		tagHandle = "!!";
		ch = state.input.charCodeAt(++state.position);
	}
	let suffixStart = state.position;
	let tagName;
	if (isVerbatim) {
		while (ch !== 0 && ch !== 62) ch = state.input.charCodeAt(++state.position);
		if (ch !== 62) throwError(state, "unexpected end of the stream within a verbatim tag");
		tagName = state.input.slice(suffixStart, state.position);
		state.position++;
	} else {
		while (ch !== 0 && !isWsOrEol(ch) && !(inFlow && isFlowIndicator(ch))) {
			if (ch === 33) {
				if (!isNamed) {
					tagHandle = state.input.slice(suffixStart - 1, state.position + 1);
					if (!PATTERN_TAG_HANDLE.test(tagHandle)) throwError(state, "named tag handle cannot contain such characters");
					isNamed = true;
					suffixStart = state.position + 1;
				} else throwError(state, "tag suffix cannot contain exclamation marks");
			}
			ch = state.input.charCodeAt(++state.position);
		}
		tagName = state.input.slice(suffixStart, state.position);
		if (PATTERN_FLOW_INDICATORS.test(tagName)) throwError(state, "tag suffix cannot contain flow indicator characters");
	}
	if (tagName && !(isVerbatim ? PATTERN_TAG_URI.test(tagName) : PATTERN_TAG_SUFFIX.test(tagName))) throwError(state, `tag name cannot contain such characters: ${tagName}`);
	if (!isVerbatim && tagHandle !== "!" && tagHandle !== "!!" && !HAS_OWN.call(state.tagHandlers, tagHandle)) throwError(state, `undeclared tag handle "${tagHandle}"`);
	props.tagStart = start;
	props.tagEnd = state.position;
	return true;
}
function readAnchorProperty(state, props) {
	if (state.input.charCodeAt(state.position) !== 38) return false;
	if (props.anchorStart !== NO_RANGE$1) throwError(state, "duplication of an anchor property");
	state.position++;
	const start = state.position;
	while (state.input.charCodeAt(state.position) !== 0 && !isWsOrEol(state.input.charCodeAt(state.position)) && !isFlowIndicator(state.input.charCodeAt(state.position))) state.position++;
	if (state.position === start) throwError(state, "name of an anchor node must contain at least one character");
	props.anchorStart = start;
	props.anchorEnd = state.position;
	return true;
}
function readAlias(state, props) {
	if (state.input.charCodeAt(state.position) !== 42) return false;
	if (props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1) throwError(state, "alias node should not have any properties");
	state.position++;
	const start = state.position;
	while (state.input.charCodeAt(state.position) !== 0 && !isWsOrEol(state.input.charCodeAt(state.position)) && !isFlowIndicator(state.input.charCodeAt(state.position))) state.position++;
	if (state.position === start) throwError(state, "name of an alias node must contain at least one character");
	addAliasEvent(state, start, state.position);
	return true;
}
function readFlowScalarBreak(state, nodeIndent) {
	skipSeparationSpace(state, false);
	if (state.lineIndent < nodeIndent) throwError(state, "deficient indentation");
}
function readSingleQuotedScalar(state, nodeIndent, props) {
	if (state.input.charCodeAt(state.position) !== 39) return false;
	state.position++;
	const start = state.position;
	let simple = true;
	while (state.input.charCodeAt(state.position) !== 0) {
		const ch = state.input.charCodeAt(state.position);
		if (ch === 39) {
			if (state.input.charCodeAt(state.position + 1) === 39) {
				simple = false;
				state.position += 2;
				continue;
			}
			const end = state.position;
			state.position++;
			addScalarEvent(state, start, end, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, SCALAR_STYLE.SINGLE_QUOTED, CHOMPING_MODE.CLIP, -1, simple);
			return true;
		}
		if (isEol(ch)) {
			simple = false;
			readFlowScalarBreak(state, nodeIndent);
		} else if (state.position === state.lineStart && testDocumentSeparator(state)) throwError(state, "unexpected end of the document within a single quoted scalar");
		else if (ch !== 9 && ch < 32) throwError(state, "expected valid JSON character");
		else state.position++;
	}
	throwError(state, "unexpected end of the stream within a single quoted scalar");
}
function readDoubleQuotedScalar(state, nodeIndent, props) {
	if (state.input.charCodeAt(state.position) !== 34) return false;
	state.position++;
	const start = state.position;
	let simple = true;
	while (state.input.charCodeAt(state.position) !== 0) {
		const ch = state.input.charCodeAt(state.position);
		if (ch === 34) {
			const end = state.position;
			state.position++;
			addScalarEvent(state, start, end, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, SCALAR_STYLE.DOUBLE_QUOTED, CHOMPING_MODE.CLIP, -1, simple);
			return true;
		}
		if (ch === 92) {
			simple = false;
			const escaped = state.input.charCodeAt(++state.position);
			if (isEol(escaped)) readFlowScalarBreak(state, nodeIndent);
			else if (isSimpleEscape(escaped)) state.position++;
			else {
				let hexLength = escapedHexLen(escaped);
				if (hexLength === 0) throwError(state, "unknown escape sequence");
				while (hexLength-- > 0) {
					state.position++;
					if (fromHexCode(state.input.charCodeAt(state.position)) < 0) throwError(state, "expected hexadecimal character");
				}
				state.position++;
			}
		} else if (isEol(ch)) {
			simple = false;
			readFlowScalarBreak(state, nodeIndent);
		} else if (state.position === state.lineStart && testDocumentSeparator(state)) throwError(state, "unexpected end of the document within a double quoted scalar");
		else if (ch !== 9 && ch < 32) throwError(state, "expected valid JSON character");
		else state.position++;
	}
	throwError(state, "unexpected end of the stream within a double quoted scalar");
}
function readBlockScalar(state, parentIndent, props) {
	const ch = state.input.charCodeAt(state.position);
	let chomping = CHOMPING_MODE.CLIP;
	let indent = -1;
	let detectedIndent = false;
	if (ch !== 124 && ch !== 62) return false;
	const style = ch === 124 ? SCALAR_STYLE.LITERAL_BLOCK : SCALAR_STYLE.FOLDED_BLOCK;
	state.position++;
	while (state.input.charCodeAt(state.position) !== 0) {
		const current = state.input.charCodeAt(state.position);
		const digit = fromDecimalCode(current);
		if (current === 43 || current === 45) {
			if (chomping !== CHOMPING_MODE.CLIP) throwError(state, "repeat of a chomping mode identifier");
			chomping = current === 43 ? CHOMPING_MODE.KEEP : CHOMPING_MODE.STRIP;
			state.position++;
		} else if (digit >= 0) {
			if (digit === 0) throwError(state, "bad explicit indentation width of a block scalar; it cannot be less than one");
			if (detectedIndent) throwError(state, "repeat of an indentation width identifier");
			indent = parentIndent + digit - 1;
			detectedIndent = true;
			state.position++;
		} else break;
	}
	let hadWhitespace = false;
	while (isWhiteSpace(state.input.charCodeAt(state.position))) {
		hadWhitespace = true;
		state.position++;
	}
	if (hadWhitespace && state.input.charCodeAt(state.position) === 35) skipUntilLineEnd(state);
	if (isEol(state.input.charCodeAt(state.position))) consumeLineBreak(state);
	else if (state.input.charCodeAt(state.position) !== 0) throwError(state, "a line break is expected");
	let contentIndent = detectedIndent ? indent : -1;
	let maxLeadingIndent = 0;
	const valueStart = state.position;
	let valueEnd = state.position;
	while (state.input.charCodeAt(state.position) !== 0) {
		const linePosition = state.position;
		let column = 0;
		while (state.input.charCodeAt(linePosition + column) === 32) column++;
		const first = state.input.charCodeAt(linePosition + column);
		if (first === 0) {
			if (contentIndent >= 0) {
				if (column > contentIndent) valueEnd = linePosition + column;
			} else if (column > 0) valueEnd = linePosition + column;
			break;
		}
		if (testDocumentBoundary(state)) break;
		if (!detectedIndent && contentIndent === -1 && isEol(first)) maxLeadingIndent = Math.max(maxLeadingIndent, column);
		if (!detectedIndent && contentIndent === -1 && !isEol(first)) {
			if (first === 9 && column < parentIndent) {
				state.position = linePosition + column;
				throwError(state, "tab characters must not be used in indentation");
			}
			if (column >= parentIndent && column < maxLeadingIndent) {
				state.position = linePosition + column;
				throwError(state, "bad indentation of a mapping entry");
			}
		}
		if (contentIndent === -1 && first !== 0 && !isEol(first) && column < parentIndent) {
			state.lineIndent = column;
			state.position = linePosition + column;
			break;
		}
		if (!detectedIndent && first !== 0 && !isEol(first) && contentIndent === -1) contentIndent = column;
		const requiredIndent = contentIndent === -1 ? parentIndent + 1 : contentIndent;
		if (first !== 0 && !isEol(first) && column < requiredIndent) {
			state.lineIndent = column;
			state.position = linePosition + column;
			break;
		}
		skipUntilLineEnd(state);
		valueEnd = state.position;
		if (isEol(state.input.charCodeAt(state.position))) {
			consumeLineBreak(state);
			valueEnd = state.position;
		}
	}
	checkPrintable(state, valueStart, valueEnd);
	addScalarEvent(state, valueStart, valueEnd, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, style, chomping, contentIndent);
	return true;
}
function canStartPlainScalar(state, nodeContext) {
	const ch = state.input.charCodeAt(state.position);
	const inFlow = nodeContext === CONTEXT_FLOW_IN;
	if (ch === 0 || isWsOrEol(ch) || ch === 35 || ch === 38 || ch === 42 || ch === 33 || ch === 124 || ch === 62 || ch === 39 || ch === 34 || ch === 37 || ch === 64 || ch === 96 || isFlowIndicator(ch)) return false;
	if (ch === 63 || ch === 45) {
		const following = state.input.charCodeAt(state.position + 1);
		if (isWsOrEolOrEnd(following) || inFlow && isFlowIndicator(following)) return false;
	}
	return true;
}
function readPlainScalar(state, nodeIndent, nodeContext, props) {
	if (!canStartPlainScalar(state, nodeContext)) return false;
	const start = state.position;
	let end = state.position;
	let ch = state.input.charCodeAt(state.position);
	const inFlow = nodeContext === CONTEXT_FLOW_IN;
	let multiline = false;
	while (ch !== 0) {
		if (testDocumentBoundary(state)) break;
		if (ch === 58) {
			const following = state.input.charCodeAt(state.position + 1);
			if (isWsOrEolOrEnd(following) || inFlow && isFlowIndicator(following)) break;
		} else if (ch === 35) {
			if (isWsOrEol(state.input.charCodeAt(state.position - 1))) break;
		} else if (inFlow && isFlowIndicator(ch)) break;
		else if (isEol(ch)) {
			const savedPosition = state.position;
			const savedLine = state.line;
			const savedLineStart = state.lineStart;
			const savedLineIndent = state.lineIndent;
			skipSeparationSpace(state, false);
			if (state.lineIndent >= nodeIndent) {
				multiline = true;
				ch = state.input.charCodeAt(state.position);
				continue;
			}
			state.position = savedPosition;
			state.line = savedLine;
			state.lineStart = savedLineStart;
			state.lineIndent = savedLineIndent;
			break;
		}
		if (!isWhiteSpace(ch)) end = state.position + 1;
		ch = state.input.charCodeAt(++state.position);
	}
	if (end === start) return false;
	checkPrintable(state, start, end);
	addScalarEvent(state, start, end, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, SCALAR_STYLE.PLAIN, CHOMPING_MODE.CLIP, -1, !multiline);
	return true;
}
function skipFlowSeparationSpace(state, nodeIndent) {
	const startLine = state.line;
	skipSeparationSpace(state, true);
	if (state.line > startLine && state.lineIndent < nodeIndent || state.firstTabInLine !== -1 && state.lineIndent < nodeIndent) throwError(state, "deficient indentation");
}
function readFlowCollection(state, nodeIndent, props) {
	const ch = state.input.charCodeAt(state.position);
	const isMapping = ch === 123;
	const start = state.position;
	let readNext = true;
	if (ch !== 91 && ch !== 123) return false;
	const terminator = isMapping ? 125 : 93;
	if (isMapping) addMappingEvent(state, start, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, COLLECTION_STYLE.FLOW);
	else addSequenceEvent(state, start, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, COLLECTION_STYLE.FLOW);
	state.position++;
	while (state.input.charCodeAt(state.position) !== 0) {
		skipFlowSeparationSpace(state, nodeIndent);
		let ch = state.input.charCodeAt(state.position);
		if (ch === terminator) {
			state.position++;
			addPopEvent(state);
			return true;
		} else if (!readNext) throwError(state, "missed comma between flow collection entries");
		else if (ch === 44) throwError(state, "expected the node content, but found ','");
		let isPair = false;
		let isExplicitPair = false;
		if (ch === 63 && isWsOrEol(state.input.charCodeAt(state.position + 1))) {
			isPair = isExplicitPair = true;
			state.position += 1;
			skipFlowSeparationSpace(state, nodeIndent);
		}
		const entryLine = state.line;
		const entryStart = snapshotState(state);
		const keyWasRead = parseNode(state, nodeIndent, CONTEXT_FLOW_IN, false, true);
		skipFlowSeparationSpace(state, nodeIndent);
		ch = state.input.charCodeAt(state.position);
		if ((isMapping || isExplicitPair || state.line === entryLine) && ch === 58) {
			isPair = true;
			state.position++;
			skipFlowSeparationSpace(state, nodeIndent);
			if (!isMapping) {
				insertFlowPairMappingEvent(state, entryStart);
				if (!keyWasRead) addEmptyScalarEvent(state);
			} else if (!keyWasRead) addEmptyScalarEvent(state);
			if (!parseNode(state, nodeIndent, CONTEXT_FLOW_IN, false, true)) addEmptyScalarEvent(state);
			skipFlowSeparationSpace(state, nodeIndent);
			if (!isMapping) addPopEvent(state);
		} else if (isMapping && isPair) {
			if (!keyWasRead) addEmptyScalarEvent(state);
			addEmptyScalarEvent(state);
		} else if (isMapping) addEmptyScalarEvent(state);
		else if (isPair) {
			insertFlowPairMappingEvent(state, entryStart);
			if (!keyWasRead) addEmptyScalarEvent(state);
			addEmptyScalarEvent(state);
			addPopEvent(state);
		}
		ch = state.input.charCodeAt(state.position);
		if (ch === 44) {
			readNext = true;
			state.position++;
		} else readNext = false;
	}
	throwError(state, "unexpected end of the stream within a flow collection");
}
function readBlockSequence(state, nodeIndent, props) {
	if (state.firstTabInLine !== -1 || state.input.charCodeAt(state.position) !== 45 || !isWsOrEolOrEnd(state.input.charCodeAt(state.position + 1))) return false;
	addSequenceEvent(state, state.position, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, COLLECTION_STYLE.BLOCK);
	while (state.input.charCodeAt(state.position) === 45 && isWsOrEolOrEnd(state.input.charCodeAt(state.position + 1))) {
		if (state.firstTabInLine !== -1) {
			state.position = state.firstTabInLine;
			throwError(state, "tab characters must not be used in indentation");
		}
		const entryLine = state.line;
		state.position++;
		const hadBreak = skipSeparationSpace(state, true) > 0;
		if (state.firstTabInLine !== -1 && state.input.charCodeAt(state.position) === 45 && isWsOrEolOrEnd(state.input.charCodeAt(state.position + 1))) throwError(state, "bad indentation of a sequence entry");
		if (hadBreak && state.lineIndent <= nodeIndent) addEmptyScalarEvent(state);
		else parseNode(state, nodeIndent, CONTEXT_BLOCK_IN, false, true);
		skipSeparationSpace(state, true);
		if (state.lineIndent < nodeIndent || state.position >= state.length) break;
		if (state.lineIndent > nodeIndent) throwError(state, "bad indentation of a sequence entry");
		if (state.line === entryLine && state.input.charCodeAt(state.position) === 45 && isWsOrEolOrEnd(state.input.charCodeAt(state.position + 1))) throwError(state, "bad indentation of a sequence entry");
	}
	addPopEvent(state);
	return true;
}
function readBlockMapping(state, nodeIndent, flowIndent, props) {
	let atExplicitKey = false;
	let detected = false;
	let mappingOpened = false;
	let pendingExplicitKey = false;
	if (state.firstTabInLine !== -1) return false;
	let ch = state.input.charCodeAt(state.position);
	while (ch !== 0) {
		if (!atExplicitKey && state.firstTabInLine !== -1) {
			state.position = state.firstTabInLine;
			throwError(state, "tab characters must not be used in indentation");
		}
		const following = state.input.charCodeAt(state.position + 1);
		const entryLine = state.line;
		if ((ch === 63 || ch === 58) && isWsOrEolOrEnd(following)) {
			if (!mappingOpened) {
				addMappingEvent(state, state.position, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, COLLECTION_STYLE.BLOCK);
				mappingOpened = true;
			}
			if (ch === 63) {
				if (atExplicitKey) addEmptyScalarEvent(state);
				detected = true;
				atExplicitKey = true;
			} else if (atExplicitKey) atExplicitKey = false;
			else {
				addEmptyScalarEvent(state);
				detected = true;
				atExplicitKey = false;
			}
			state.position += 1;
			pendingExplicitKey = true;
		} else {
			if (atExplicitKey) {
				addEmptyScalarEvent(state);
				atExplicitKey = false;
			}
			const beforeKey = snapshotState(state);
			if (!parseNode(state, flowIndent, CONTEXT_FLOW_OUT, false, true)) break;
			if (state.line === entryLine) {
				ch = state.input.charCodeAt(state.position);
				while (isWhiteSpace(ch)) ch = state.input.charCodeAt(++state.position);
				if (ch === 58) {
					ch = state.input.charCodeAt(++state.position);
					if (!isWsOrEolOrEnd(ch)) throwError(state, "a whitespace character is expected after the key-value separator within a block mapping");
					if (!mappingOpened) {
						state.events.splice(beforeKey.eventsLength, 0, {
							type: EVENT_ID.MAPPING,
							start: beforeKey.position,
							anchorStart: props.anchorStart,
							anchorEnd: props.anchorEnd,
							tagStart: props.tagStart,
							tagEnd: props.tagEnd,
							style: COLLECTION_STYLE.BLOCK
						});
						mappingOpened = true;
					}
					detected = true;
					atExplicitKey = false;
					pendingExplicitKey = false;
				} else if (detected) throwError(state, "expected ':' after a mapping key");
				else {
					if (props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1) {
						restoreState(state, beforeKey);
						return false;
					}
					return true;
				}
			} else if (detected) throwError(state, "can not read a block mapping entry; a multiline key may not be an implicit key");
			else {
				if (props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1) {
					restoreState(state, beforeKey);
					return false;
				}
				return true;
			}
		}
		if (parseNode(state, nodeIndent, CONTEXT_BLOCK_OUT, true, pendingExplicitKey)) pendingExplicitKey = false;
		if (!atExplicitKey) {
			if (pendingExplicitKey) {
				addEmptyScalarEvent(state);
				pendingExplicitKey = false;
			}
		}
		skipSeparationSpace(state, true);
		ch = state.input.charCodeAt(state.position);
		if ((state.line === entryLine || state.lineIndent > nodeIndent) && ch !== 0) throwError(state, "bad indentation of a mapping entry");
		else if (state.lineIndent < nodeIndent) break;
	}
	if (!detected) return false;
	if (atExplicitKey) addEmptyScalarEvent(state);
	if (mappingOpened) addPopEvent(state);
	return true;
}
function parseNode(state, parentIndent, nodeContext, allowToSeek, allowCompact, allowPropertyMapping = true) {
	if (state.depth >= state.maxDepth) throwError(state, `nesting exceeded maxDepth (${state.maxDepth})`);
	state.depth++;
	let indentStatus = 1;
	let atNewLine = false;
	let hasContent = false;
	let propertyStart = null;
	const props = emptyProperties();
	let allowBlockScalars = nodeContext === CONTEXT_BLOCK_OUT || nodeContext === CONTEXT_BLOCK_IN;
	let allowBlockCollections = allowBlockScalars;
	const allowBlockStyles = allowBlockScalars;
	if (allowToSeek && skipSeparationSpace(state, true)) {
		atNewLine = true;
		if (state.lineIndent > parentIndent) indentStatus = 1;
		else if (state.lineIndent === parentIndent) indentStatus = 0;
		else indentStatus = -1;
	}
	if (indentStatus === 1) while (true) {
		const ch = state.input.charCodeAt(state.position);
		const propertyState = snapshotState(state);
		if (atNewLine && indentStatus !== 1 && (ch === 33 || ch === 38)) break;
		if (atNewLine && allowBlockStyles && (props.tagStart !== NO_RANGE$1 || props.anchorStart !== NO_RANGE$1) && (ch === 33 || ch === 38)) {
			const fallbackState = snapshotState(state);
			const flowIndent = parentIndent + 1;
			if (readBlockMapping(state, state.position - state.lineStart, flowIndent, props) && state.events[fallbackState.eventsLength]?.type === EVENT_ID.MAPPING) {
				state.depth--;
				return true;
			}
			restoreState(state, fallbackState);
		}
		if (atNewLine && (ch === 33 && props.tagStart !== NO_RANGE$1 || ch === 38 && props.anchorStart !== NO_RANGE$1)) break;
		if (!readTagProperty(state, props, nodeContext === CONTEXT_FLOW_IN) && !readAnchorProperty(state, props)) break;
		if (propertyStart === null) propertyStart = propertyState;
		if (skipSeparationSpace(state, true)) {
			atNewLine = true;
			allowBlockCollections = allowBlockStyles;
			if (state.lineIndent > parentIndent) indentStatus = 1;
			else if (state.lineIndent === parentIndent) indentStatus = 0;
			else indentStatus = -1;
		} else allowBlockCollections = false;
	}
	if (allowBlockCollections) allowBlockCollections = atNewLine || allowCompact;
	if (indentStatus === 1 || nodeContext === CONTEXT_BLOCK_OUT) {
		const flowIndent = nodeContext === CONTEXT_FLOW_IN || nodeContext === CONTEXT_FLOW_OUT ? parentIndent : parentIndent + 1;
		const blockIndent = state.position - state.lineStart;
		if (indentStatus === 1) {
			if (allowBlockCollections && (readBlockSequence(state, blockIndent, props) || readBlockMapping(state, blockIndent, flowIndent, props)) || readFlowCollection(state, flowIndent, props)) hasContent = true;
			else {
				const ch = state.input.charCodeAt(state.position);
				if (propertyStart !== null && allowPropertyMapping && allowBlockStyles && !allowBlockCollections && ch !== 124 && ch !== 62) {
					const fallbackState = snapshotState(state);
					const propertyIndent = propertyStart.position - propertyStart.lineStart;
					restoreState(state, propertyStart);
					if (readBlockMapping(state, propertyIndent, flowIndent, emptyProperties()) && state.events[fallbackState.eventsLength]?.type === EVENT_ID.MAPPING) hasContent = true;
					else restoreState(state, fallbackState);
				}
				if (!hasContent && (allowBlockScalars && readBlockScalar(state, flowIndent, props) || readSingleQuotedScalar(state, flowIndent, props) || readDoubleQuotedScalar(state, flowIndent, props) || readAlias(state, props) || readPlainScalar(state, flowIndent, nodeContext, props))) hasContent = true;
			}
		} else if (indentStatus === 0) hasContent = allowBlockCollections && readBlockSequence(state, blockIndent, props);
	}
	allowBlockScalars = allowBlockScalars && !hasContent;
	if (!hasContent && (props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1 || allowBlockScalars)) {
		addScalarEvent(state, NO_RANGE$1, NO_RANGE$1, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, SCALAR_STYLE.PLAIN);
		hasContent = true;
	}
	state.depth--;
	return hasContent || props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1;
}
function readDirective(state) {
	if (state.lineIndent > 0 || state.input.charCodeAt(state.position) !== 37) return false;
	state.position++;
	const nameStart = state.position;
	while (state.input.charCodeAt(state.position) !== 0 && !isWsOrEol(state.input.charCodeAt(state.position))) state.position++;
	const name = state.input.slice(nameStart, state.position);
	const args = [];
	if (name.length === 0) throwError(state, "directive name must not be less than one character in length");
	while (state.input.charCodeAt(state.position) !== 0 && !isEol(state.input.charCodeAt(state.position))) {
		while (isWhiteSpace(state.input.charCodeAt(state.position))) state.position++;
		if (state.input.charCodeAt(state.position) === 35 || isEol(state.input.charCodeAt(state.position)) || state.input.charCodeAt(state.position) === 0) break;
		const start = state.position;
		while (state.input.charCodeAt(state.position) !== 0 && !isWsOrEol(state.input.charCodeAt(state.position))) state.position++;
		args.push(state.input.slice(start, state.position));
	}
	if (isEol(state.input.charCodeAt(state.position))) consumeLineBreak(state);
	if (name === "YAML") {
		if (state.directives.some((directive) => directive.kind === "yaml")) throwError(state, "duplication of %YAML directive");
		if (args.length !== 1) throwError(state, "YAML directive accepts exactly one argument");
		const match = /^([0-9]+)\.([0-9]+)$/.exec(args[0]);
		if (match === null) throwError(state, "ill-formed argument of the YAML directive");
		if (parseInt(match[1], 10) !== 1) throwError(state, "unacceptable YAML version of the document");
		state.directives.push({
			kind: "yaml",
			version: args[0]
		});
	} else if (name === "TAG") {
		if (args.length !== 2) throwError(state, "TAG directive accepts exactly two arguments");
		const [handle, prefix] = args;
		if (!PATTERN_TAG_HANDLE.test(handle)) throwError(state, "ill-formed tag handle (first argument) of the TAG directive");
		if (HAS_OWN.call(state.tagHandlers, handle)) throwError(state, `there is a previously declared suffix for "${handle}" tag handle`);
		if (!PATTERN_TAG_PREFIX.test(prefix)) throwError(state, "ill-formed tag prefix (second argument) of the TAG directive");
		state.tagHandlers[handle] = prefix;
		state.directives.push({
			kind: "tag",
			handle,
			prefix
		});
	}
	return true;
}
function readDocument(state) {
	state.directives = [];
	state.tagHandlers = Object.create(null);
	let hasDirectives = false;
	skipSeparationSpace(state, true);
	while (readDirective(state)) {
		hasDirectives = true;
		skipSeparationSpace(state, true);
	}
	let explicitStart = false;
	let explicitEnd = false;
	let allowCompact = true;
	if (state.lineIndent === 0 && state.input.charCodeAt(state.position) === 45 && state.input.charCodeAt(state.position + 1) === 45 && state.input.charCodeAt(state.position + 2) === 45 && isWsOrEolOrEnd(state.input.charCodeAt(state.position + 3))) {
		explicitStart = true;
		const markerLine = state.line;
		state.position += 3;
		skipSeparationSpace(state, true);
		allowCompact = state.line > markerLine;
	} else if (hasDirectives) throwError(state, "directives end mark is expected");
	const documentEventIndex = state.events.length;
	if (!explicitStart && state.position === state.lineStart && state.input.charCodeAt(state.position) === 46 && testDocumentSeparator(state)) {
		state.position += 3;
		skipSeparationSpace(state, true);
		return;
	}
	addDocumentEvent(state, explicitStart, false);
	if (!parseNode(state, state.lineIndent - 1, CONTEXT_BLOCK_OUT, false, allowCompact, allowCompact)) addEmptyScalarEvent(state);
	skipSeparationSpace(state, true);
	if (state.position === state.lineStart && testDocumentSeparator(state)) {
		explicitEnd = state.input.charCodeAt(state.position) === 46;
		if (explicitEnd) {
			const markerLine = state.line;
			state.position += 3;
			skipSeparationSpace(state, true);
			if (state.line === markerLine && state.position < state.length) throwError(state, "end of the stream or a document separator is expected");
		}
	}
	const documentEvent = state.events[documentEventIndex];
	if (documentEvent?.type === EVENT_ID.DOCUMENT) documentEvent.explicitEnd = explicitEnd;
	addPopEvent(state);
	if (!explicitEnd && state.position < state.length && !testDocumentBoundary(state)) throwError(state, "end of the stream or a document separator is expected");
}
/**
* Parses YAML into a flat event stream referencing source text by offsets.
*
* @category Events
*/
function parseEvents(input, options) {
	const length = input.length;
	const state = {
		...DEFAULT_PARSER_OPTIONS,
		...options,
		input: `${input}\0`,
		length,
		position: 0,
		line: 0,
		lineStart: 0,
		lineIndent: 0,
		firstTabInLine: -1,
		depth: 0,
		directives: [],
		tagHandlers: Object.create(null),
		events: []
	};
	const nullpos = input.indexOf("\0");
	if (nullpos !== -1) YAMLException.throwAt(input, nullpos, "null byte is not allowed in input", state.filename);
	while (state.position < state.length) {
		skipByteOrderMark(state);
		skipSeparationSpace(state, true);
		if (state.position >= state.length) break;
		const documentStart = state.position;
		readDocument(state);
		if (state.position === documentStart)
 /* c8 ignore next */
		throwError(state, "can not read a document");
	}
	return state.events;
}
//#endregion
//#region src/load.ts
var DEFAULT_LOAD_OPTIONS = {
	...DEFAULT_PARSER_OPTIONS,
	...DEFAULT_CONSTRUCTOR_OPTIONS
};
function loadDocuments(input, options = {}) {
	const opts = {
		...DEFAULT_LOAD_OPTIONS,
		...options
	};
	const source = String(input);
	const PARSER_OPT_KEYS = Object.keys(DEFAULT_PARSER_OPTIONS);
	const CONSTRUCTOR_OPT_KEYS = Object.keys(DEFAULT_CONSTRUCTOR_OPTIONS);
	return constructFromEvents(parseEvents(source, pick(opts, PARSER_OPT_KEYS)), {
		...pick(opts, CONSTRUCTOR_OPT_KEYS),
		source
	});
}
function loadAll(input, iteratorOrOptions, options) {
	let iterator = null;
	if (typeof iteratorOrOptions === "function") iterator = iteratorOrOptions;
	else if (iteratorOrOptions !== null && typeof iteratorOrOptions === "object") options = iteratorOrOptions;
	const documents = loadDocuments(input, options);
	if (iterator === null) return documents;
	for (const document of documents) iterator(document);
}
/**
* Parses `string` as a single YAML document. Throws {@link YAMLException} on
* error. This function does not understand multi-document or empty sources; it
* throws an exception on those.
*
* > [!NOTE]
* > 1. When processing untrusted input, see the
* >    [security considerations](../docs/safety.md).
* > 2. All exceptions MUST be caught, not just {@link YAMLException}.
* > 3. The default {@link CORE_SCHEMA} comes without the `!!merge` tag. You can
* >    easily enable it if needed.
* > 4. The default {@link mapTag} is `{}`-object based, with known limitations
* >    (see description). For full compatibility use {@link realMapTag}
* >    instead (it uses native JS `Map`).
*
* @example
* Enable {@link mergeTag} and {@link realMapTag}:
*
* ```javascript
* import { load, CORE_SCHEMA, mergeTag, realMapTag } from 'js-yaml'
*
* try {
*   load(data, { schema: CORE_SCHEMA.withTags(mergeTag, realMapTag) })
* } catch (e) {
*   console.error(e)
* }
* ```
*
* @category Main
*/
function load(input, options) {
	const documents = loadDocuments(input, options);
	if (documents.length === 0) throw new YAMLException("expected a document, but the input is empty");
	if (documents.length === 1) return documents[0];
	throw new YAMLException("expected a single document in the stream, but found more");
}
//#endregion
//#region src/ast/from_js.ts
var INVALID = Symbol("INVALID");
function buildRepresentTypes(schema) {
	const defaultTags = new Set([
		schema.defaultScalarTag,
		schema.defaultSequenceTag,
		schema.defaultMappingTag
	].filter((t) => t !== void 0));
	const implicitScalars = schema.implicitScalarTags;
	const explicitTags = schema.tags.filter((t) => !(t.nodeKind === "scalar" && t.implicit) && !defaultTags.has(t));
	const defaultTagsLast = schema.tags.filter((t) => defaultTags.has(t));
	return [
		...implicitScalars.map((tag) => ({
			tag,
			implicitTag: true
		})),
		...explicitTags.map((tag) => ({
			tag,
			implicitTag: false
		})),
		...defaultTagsLast.map((tag) => ({
			tag,
			implicitTag: true
		}))
	];
}
function matchTag(state, object) {
	for (let index = 0, length = state.representTypes.length; index < length; index += 1) {
		const { tag, implicitTag } = state.representTypes[index];
		if (tag.identify(object)) {
			let tagName;
			if (tag.matchByTagPrefix) tagName = tag.representTagName(object);
			else tagName = tag.tagName;
			return {
				tag,
				tagName,
				implicitTag
			};
		}
	}
	return null;
}
function build(state, object) {
	if (!state.noRefs && object !== null && typeof object === "object") {
		const existing = state.refs.get(object);
		if (existing) {
			if (existing.anchor === void 0) existing.anchor = `ref_${state.refCounter++}`;
			return {
				kind: "alias",
				anchor: existing.anchor
			};
		}
	}
	const matched = matchTag(state, object);
	if (!matched) {
		if (object === void 0) return INVALID;
		if (state.skipInvalid) return INVALID;
		throw new YAMLException(`unacceptable kind of an object to dump ${Object.prototype.toString.call(object)}`);
	}
	const { tag, tagName, implicitTag } = matched;
	const nodeTagName = implicitTag ? tagName : tagNameShort(tagName);
	if (tag.nodeKind === "scalar") return {
		kind: "scalar",
		tag: nodeTagName,
		tagged: !implicitTag,
		style: SCALAR_STYLE.PLAIN,
		value: tag.represent(object)
	};
	if (tag.nodeKind === "sequence") {
		const container = tag.represent(object);
		const node = {
			kind: "sequence",
			tag: nodeTagName,
			tagged: !implicitTag,
			style: COLLECTION_STYLE.BLOCK,
			items: []
		};
		if (!state.noRefs) state.refs.set(object, node);
		for (let index = 0, length = container.length; index < length; index += 1) {
			let item = build(state, container[index]);
			if (item === INVALID && container[index] === void 0) item = build(state, null);
			if (item === INVALID) continue;
			node.items.push(item);
		}
		return node;
	}
	const map = tag.represent(object);
	const node = {
		kind: "mapping",
		tag: nodeTagName,
		tagged: !implicitTag,
		style: COLLECTION_STYLE.BLOCK,
		items: []
	};
	if (!state.noRefs) state.refs.set(object, node);
	for (const [objectKey, objectValue] of map) {
		const key = build(state, objectKey);
		if (key === INVALID) continue;
		const value = build(state, objectValue);
		if (value === INVALID) continue;
		node.items.push({
			key,
			value
		});
	}
	return node;
}
/**
* Convert JS object to AST. A JS value is one YAML document. An unrepresentable
* root becomes an empty document, which the presenter renders as an empty
* string.
*
* @category AST
*/
function jsToAst(input, schema, options = {}) {
	const root = build({
		representTypes: buildRepresentTypes(schema),
		noRefs: options.noRefs ?? false,
		skipInvalid: options.skipInvalid ?? false,
		refs: /* @__PURE__ */ new Map(),
		refCounter: 0
	}, input);
	return [{
		contents: root === INVALID ? null : root,
		directives: []
	}];
}
//#endregion
//#region src/ast/visit.ts
/**
* Return from a visitor to stop the whole traversal.
*
* @category AST
*/
var VISIT_BREAK = Symbol("visit:break");
/**
* Return from a visitor to skip the current node's children.
*
* @category AST
*/
var VISIT_SKIP = Symbol("visit:skip");
function visitNode(node, visitor, ctx) {
	const control = visitor(node, ctx);
	if (control === VISIT_BREAK) return true;
	if (control === VISIT_SKIP) return false;
	const depth = ctx.depth + 1;
	switch (node.kind) {
		case "sequence":
			for (const item of node.items) if (visitNode(item, visitor, {
				depth,
				parent: node,
				isKey: false
			})) return true;
			break;
		case "mapping": for (const { key, value } of node.items) {
			if (visitNode(key, visitor, {
				depth,
				parent: node,
				isKey: true
			})) return true;
			if (visitNode(value, visitor, {
				depth,
				parent: node,
				isKey: false
			})) return true;
		}
	}
	return false;
}
/**
* Walk every node in the documents, calling {@link Visitor} once per
* node (pre-order).
*
* @category AST
*/
function visit(documents, visitor) {
	for (const doc of documents) if (doc.contents && visitNode(doc.contents, visitor, {
		depth: 0,
		parent: null,
		isKey: false
	})) return;
}
//#endregion
//#region src/ast/styler_defaults.ts
function hasBit(mask, bit) {
	return (mask & 1 << bit) !== 0;
}
/**
* Default scalar styling rules in application order.
* See [Scalar styling](../../docs/scalar_styling.md) for usage details.
*
* @category AST
*/
var DEFAULT_SCALAR_STYLE_RULES = {
	applyQuoteFlowKeysOption,
	doubleQuoteForInvisibles,
	doubleQuoteWhitespaceOnly,
	applyForceQuotesOption,
	tryLongOrMultilineAsBlock,
	quoteInvalidPlain,
	fallbackToDoubleQuoted
};
function _preferredQuotedStyle(layout) {
	if (layout.presenterOptions.quoteStyle === "single" && hasBit(layout.allowedStylesMask, SCALAR_STYLE.SINGLE_QUOTED)) return SCALAR_STYLE.SINGLE_QUOTED;
	return SCALAR_STYLE.DOUBLE_QUOTED;
}
function applyQuoteFlowKeysOption(layout) {
	if (!layout.presenterOptions.quoteFlowKeys) return;
	if (!layout.isKey || !layout.flowOnly || layout.style !== SCALAR_STYLE.PLAIN) return;
	layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
}
function doubleQuoteForInvisibles(layout) {
	if (layout.style === SCALAR_STYLE.PLAIN && /[\t\x7F-\xA0\u2028\u2029\uFEFF\uFFFE\uFFFF]/.test(layout.node.value)) layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
}
function doubleQuoteWhitespaceOnly(layout) {
	if (layout.style === SCALAR_STYLE.PLAIN && /^\s+$/.test(layout.node.value)) layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
}
function applyForceQuotesOption(layout) {
	if (!layout.presenterOptions.forceQuotes) return;
	if (layout.isKey || layout.style !== SCALAR_STYLE.PLAIN) return;
	if (layout.node.tag !== layout.presenterOptions.schema.defaultScalarTag.tagName) return;
	layout.style = layout.node.value.includes("\n") ? SCALAR_STYLE.DOUBLE_QUOTED : _preferredQuotedStyle(layout);
}
function tryLongOrMultilineAsBlock(layout) {
	if (layout.style !== SCALAR_STYLE.PLAIN || layout.isKey) return;
	const value = layout.node.value;
	const multiline = value.indexOf("\n") !== -1;
	if (!hasBit(layout.allowedStylesMask, SCALAR_STYLE.LITERAL_BLOCK)) {
		if (multiline) layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
		return;
	}
	const w = layout.presenterOptions.lineWidth;
	if (w === -1) {
		if (multiline) layout.style = SCALAR_STYLE.LITERAL_BLOCK;
		return;
	}
	const availableWidth = Math.max(Math.min(w, 40), w - layout.shiftOfContent);
	let position = 0;
	let shouldFold = false;
	while (position <= value.length) {
		let lineEnd = value.length;
		const nextLineBreak = value.indexOf("\n", position);
		if (nextLineBreak !== -1) lineEnd = nextLineBreak;
		const line = value.slice(position, lineEnd);
		if (line.length > availableWidth && line[0] !== " " && / [^ \t]/.test(line)) shouldFold = true;
		if (nextLineBreak === -1) break;
		position = nextLineBreak + 1;
	}
	if (shouldFold) layout.style = SCALAR_STYLE.FOLDED_BLOCK;
	else if (multiline) layout.style = SCALAR_STYLE.LITERAL_BLOCK;
}
function quoteInvalidPlain(layout) {
	if (layout.style === SCALAR_STYLE.PLAIN && !hasBit(layout.allowedStylesMask, SCALAR_STYLE.PLAIN)) layout.style = _preferredQuotedStyle(layout);
}
function fallbackToDoubleQuoted(layout) {
	if (!hasBit(layout.allowedStylesMask, layout.style)) layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
}
//#endregion
//#region src/ast/scalar_styler.ts
function setBit(mask, bit) {
	return mask | 1 << bit;
}
var SRC_C_PRINTABLE = "[\\x09\\x0A\\x0D\\x20-\\x7E\\x85\\xA0-\\uD7FF\\uE000-\\uFFFD\\u{10000}-\\u{10FFFF}]";
var SRC_B_CHAR = "[\\n\\r]";
var SRC_C_BYTE_ORDER_MARK = "\\uFEFF";
var SRC_S_WHITE = "[ \\t]";
var SRC_NB_CHAR = `(?:(?!(?:${SRC_B_CHAR}|${SRC_C_BYTE_ORDER_MARK}))${SRC_C_PRINTABLE})`;
var SRC_NS_CHAR = `(?:(?!${SRC_S_WHITE})${SRC_NB_CHAR})`;
var SRC_NB_JSON = "[\\x09\\x20-\\uD7FF\\uE000-\\uFFFF\\u{10000}-\\u{10FFFF}]";
var SRC_C_INDICATOR = "[-?:,\\[\\]{}#&*!|>'\"%@`]";
var SRC_C_FLOW_INDICATOR = "[,\\[\\]{}]";
var SRC_NS_PLAIN_SAFE_FLOW_OUT = SRC_NS_CHAR;
var SRC_NS_PLAIN_SAFE_FLOW_IN = `(?:(?!${SRC_C_FLOW_INDICATOR})${SRC_NS_CHAR})`;
var SRC_NS_PLAIN_FIRST_FLOW_OUT = `(?:(?:(?!${SRC_C_INDICATOR})${SRC_NS_CHAR})|[?:-](?=${SRC_NS_PLAIN_SAFE_FLOW_OUT}))`;
var SRC_NS_PLAIN_FIRST_FLOW_IN = `(?:(?:(?!${SRC_C_INDICATOR})${SRC_NS_CHAR})|[?:-](?=${SRC_NS_PLAIN_SAFE_FLOW_IN}))`;
var SRC_NS_PLAIN_CHAR_FLOW_OUT = `(?:(?:(?![:#])${SRC_NS_PLAIN_SAFE_FLOW_OUT})|:(?=${SRC_NS_PLAIN_SAFE_FLOW_OUT}))#*`;
var SRC_NS_PLAIN_CHAR_FLOW_IN = `(?:(?:(?![:#])${SRC_NS_PLAIN_SAFE_FLOW_IN})|:(?=${SRC_NS_PLAIN_SAFE_FLOW_IN}))#*`;
var SRC_NB_NS_PLAIN_IN_LINE_FLOW_OUT = `(?:${SRC_S_WHITE}*${SRC_NS_PLAIN_CHAR_FLOW_OUT})*`;
var SRC_NB_NS_PLAIN_IN_LINE_FLOW_IN = `(?:${SRC_S_WHITE}*${SRC_NS_PLAIN_CHAR_FLOW_IN})*`;
var SRC_NS_PLAIN_ONE_LINE_FLOW_OUT = `${SRC_NS_PLAIN_FIRST_FLOW_OUT}#*${SRC_NB_NS_PLAIN_IN_LINE_FLOW_OUT}`;
var SRC_NS_PLAIN_ONE_LINE_FLOW_IN = `${SRC_NS_PLAIN_FIRST_FLOW_IN}#*${SRC_NB_NS_PLAIN_IN_LINE_FLOW_IN}`;
var SRC_NS_PLAIN_ONE_LINE_BLOCK_KEY = SRC_NS_PLAIN_ONE_LINE_FLOW_OUT;
var SRC_NS_PLAIN_ONE_LINE_FLOW_KEY = SRC_NS_PLAIN_ONE_LINE_FLOW_IN;
var SRC_S_NS_PLAIN_NEXT_LINE_FLOW_OUT = `\\n+${SRC_NS_PLAIN_CHAR_FLOW_OUT}${SRC_NB_NS_PLAIN_IN_LINE_FLOW_OUT}`;
var SRC_S_NS_PLAIN_NEXT_LINE_FLOW_IN = `\\n+${SRC_NS_PLAIN_CHAR_FLOW_IN}${SRC_NB_NS_PLAIN_IN_LINE_FLOW_IN}`;
var SRC_NS_PLAIN_MULTI_LINE_FLOW_OUT = `${SRC_NS_PLAIN_ONE_LINE_FLOW_OUT}(?:${SRC_S_NS_PLAIN_NEXT_LINE_FLOW_OUT})*`;
var SRC_NS_PLAIN_MULTI_LINE_FLOW_IN = `${SRC_NS_PLAIN_ONE_LINE_FLOW_IN}(?:${SRC_S_NS_PLAIN_NEXT_LINE_FLOW_IN})*`;
var NS_PLAIN_FLOW_OUT = new RegExp(`^(?:${SRC_NS_PLAIN_MULTI_LINE_FLOW_OUT})$`, "u");
var NS_PLAIN_FLOW_IN = new RegExp(`^(?:${SRC_NS_PLAIN_MULTI_LINE_FLOW_IN})$`, "u");
var NS_PLAIN_BLOCK_KEY = new RegExp(`^(?:${SRC_NS_PLAIN_ONE_LINE_BLOCK_KEY})$`, "u");
var NS_PLAIN_FLOW_KEY = new RegExp(`^(?:${SRC_NS_PLAIN_ONE_LINE_FLOW_KEY})$`, "u");
var NB_SINGLE_ONE_LINE = new RegExp(`^(?:${SRC_NB_JSON})*$`, "u");
var NB_SINGLE_MULTI_LINE = new RegExp(`^(?:${SRC_NB_JSON}|\\n)*$`, "u");
var BLOCK_SCALAR_CONTENT = new RegExp(`^(?:${SRC_NB_CHAR}|\\n)*$`, "u");
var C_FORBIDDEN_FIRST_LINE = /^(?:---|\.\.\.)(?=$|[ \t\n\r])/;
var C_FORBIDDEN_CONTENT = /^(?:---|\.\.\.)(?=$|[ \t\n\r])/m;
function canUsePlain(layout) {
	const str = layout.node.value;
	if (str !== "") {
		if (!(layout.isKey ? layout.flowOnly ? NS_PLAIN_FLOW_KEY : NS_PLAIN_BLOCK_KEY : layout.flowOnly ? NS_PLAIN_FLOW_IN : NS_PLAIN_FLOW_OUT).test(str)) return false;
		if (layout.shiftOfFirstLine === 0 && C_FORBIDDEN_FIRST_LINE.test(str)) return false;
		if (layout.shiftOfContent === 0) {
			const firstLineBreak = str.indexOf("\n");
			if (firstLineBreak !== -1) {
				const content = str.slice(firstLineBreak + 1);
				if (C_FORBIDDEN_CONTENT.test(content)) return false;
			}
		}
	}
	const resolvedTag = layout.presenterOptions.schema.resolveImplicitScalarTag(str).tag.tagName;
	if (!layout.node.tagged && resolvedTag !== layout.node.tag) return false;
	if (!layout.node.tagged && str === "=" && resolvedTag === layout.presenterOptions.schema.defaultScalarTag.tagName) return false;
	return true;
}
function canUseSingleQuoted(layout) {
	const str = layout.node.value;
	if (!(layout.isKey ? NB_SINGLE_ONE_LINE : NB_SINGLE_MULTI_LINE).test(str)) return false;
	if (/[ \t]\n|\n[ \t]/.test(str)) return false;
	if (!layout.isKey && layout.shiftOfContent === 0) {
		const firstLineBreak = str.indexOf("\n");
		if (firstLineBreak !== -1 && C_FORBIDDEN_CONTENT.test(str.slice(firstLineBreak + 1))) return false;
	}
	return true;
}
function canUseBlock(layout) {
	if (layout.flowOnly || !BLOCK_SCALAR_CONTENT.test(layout.node.value)) return false;
	const contentIndent = layout.shiftOfContent - layout.shiftOfParent;
	if (contentIndent < 1) return false;
	if (contentIndent > 9 && /^\n* /.test(layout.node.value)) return false;
	if (layout.shiftOfContent === 0 && C_FORBIDDEN_CONTENT.test(layout.node.value)) return false;
	return true;
}
function detectAllowedStyles(layout) {
	let mask = setBit(0, SCALAR_STYLE.DOUBLE_QUOTED);
	if (canUsePlain(layout)) mask = setBit(mask, SCALAR_STYLE.PLAIN);
	if (canUseSingleQuoted(layout)) mask = setBit(mask, SCALAR_STYLE.SINGLE_QUOTED);
	if (canUseBlock(layout)) mask = setBit(setBit(mask, SCALAR_STYLE.LITERAL_BLOCK), SCALAR_STYLE.FOLDED_BLOCK);
	layout.allowedStylesMask = mask;
}
function renderScalar(layout) {
	switch (layout.style) {
		case SCALAR_STYLE.PLAIN: return renderPlain(layout);
		case SCALAR_STYLE.SINGLE_QUOTED: return renderSingleQuoted(layout);
		case SCALAR_STYLE.LITERAL_BLOCK: return renderLiteralBlock(layout);
		case SCALAR_STYLE.FOLDED_BLOCK: return renderFoldedBlock(layout);
		case SCALAR_STYLE.DOUBLE_QUOTED: return renderDoubleQuoted(layout);
	}
}
function renderPlain(layout) {
	return encodeFlowBreaks(layout.node.value, layout.shiftOfContent);
}
function renderSingleQuoted(layout) {
	return `'${encodeFlowBreaks(layout.node.value, layout.shiftOfContent).replace(/'/g, "''")}'`;
}
function renderLiteralBlock(layout) {
	const value = layout.node.value;
	return "|" + blockHeader(value, layout.shiftOfParent, layout.shiftOfContent) + dropEndingNewline(indentString(value, layout.shiftOfContent));
}
function renderFoldedBlock(layout) {
	const value = layout.node.value;
	const w = layout.presenterOptions.lineWidth;
	let availableWidth = Infinity;
	if (w !== -1) availableWidth = Math.max(Math.min(w, 40), w - layout.shiftOfContent);
	return ">" + blockHeader(value, layout.shiftOfParent, layout.shiftOfContent) + dropEndingNewline(indentString(foldBlockScalar(value, availableWidth), layout.shiftOfContent));
}
function renderDoubleQuoted(layout) {
	return `"${escapeString(layout.node.value)}"`;
}
function encodeFlowBreaks(string, shiftOfContent) {
	let nextLF = string.indexOf("\n");
	if (nextLF === -1) return string;
	const pad = " ".repeat(shiftOfContent);
	let result = string.slice(0, nextLF);
	const lineRe = /(\n+)([^\n]*)/g;
	lineRe.lastIndex = nextLF;
	let match;
	while (match = lineRe.exec(string)) {
		const breaks = match[1].length;
		const line = match[2];
		result += "\n".repeat(breaks + 1) + pad + line;
	}
	return result;
}
function indentString(string, spaces) {
	const indent = " ".repeat(spaces);
	let position = 0;
	let result = "";
	const length = string.length;
	while (position < length) {
		let line;
		const next = string.indexOf("\n", position);
		if (next === -1) {
			line = string.slice(position);
			position = length;
		} else {
			line = string.slice(position, next + 1);
			position = next + 1;
		}
		if (line.length && line !== "\n") result += indent;
		result += line;
	}
	return result;
}
function needIndentIndicator(string) {
	return /^\n* /.test(string);
}
function blockHeader(string, shiftOfParent, shiftOfContent) {
	const indentIndicator = needIndentIndicator(string) ? String(shiftOfContent - shiftOfParent) : "";
	const clip = string[string.length - 1] === "\n";
	return `${indentIndicator}${clip && (string[string.length - 2] === "\n" || string === "\n") ? "+" : clip ? "" : "-"}\n`;
}
function dropEndingNewline(string) {
	return string[string.length - 1] === "\n" ? string.slice(0, -1) : string;
}
function isMoreIndented(char) {
	return char === " " || char === "	";
}
function foldLine(line, width) {
	if (line === "" || isMoreIndented(line[0])) return line;
	const breakRe = / [^ \t]/g;
	let match;
	let start = 0;
	let end;
	let curr = 0;
	let next = 0;
	let result = "";
	while (match = breakRe.exec(line)) {
		next = match.index;
		if (next - start > width) {
			end = curr > start ? curr : next;
			result += `\n${line.slice(start, end)}`;
			start = end + 1;
		}
		curr = next;
	}
	result += "\n";
	if (line.length - start > width && curr > start) result += `${line.slice(start, curr)}\n${line.slice(curr + 1)}`;
	else result += line.slice(start);
	return result.slice(1);
}
function foldBlockScalar(string, width) {
	const lineRe = /(\n+)([^\n]*)/g;
	let nextLF = string.indexOf("\n");
	if (nextLF === -1) nextLF = string.length;
	lineRe.lastIndex = nextLF;
	let result = foldLine(string.slice(0, nextLF), width);
	let prevMoreIndented = string[0] === "\n" || isMoreIndented(string[0]);
	let moreIndented;
	let match;
	while (match = lineRe.exec(string)) {
		const prefix = match[1];
		const line = match[2];
		moreIndented = line !== "" && isMoreIndented(line[0]);
		result += prefix + (!prevMoreIndented && !moreIndented && line !== "" ? "\n" : "") + foldLine(line, width);
		prevMoreIndented = moreIndented;
	}
	return result;
}
var CHARACTERS_TO_ESCAPE = /["\\\x00-\x1F\x7F-\xA0\u2028\u2029\uD800-\uDFFF\uFEFF\uFFFE\uFFFF]/gu;
function escapeCharacter(character) {
	switch (character) {
		case "\0": return "\\0";
		case "\x07": return "\\a";
		case "\b": return "\\b";
		case "	": return "\\t";
		case "\n": return "\\n";
		case "\v": return "\\v";
		case "\f": return "\\f";
		case "\r": return "\\r";
		case "\x1B": return "\\e";
		case "\"": return "\\\"";
		case "\\": return "\\\\";
		case "": return "\\N";
		case "\xA0": return "\\_";
		case "\u2028": return "\\L";
		case "\u2029": return "\\P";
	}
	const code = character.charCodeAt(0);
	const hex = code.toString(16).toUpperCase();
	if (code <= 255) return `\\x${"0".repeat(2 - hex.length)}${hex}`;
	return `\\u${"0".repeat(4 - hex.length)}${hex}`;
}
function escapeString(string) {
	return string.replace(CHARACTERS_TO_ESCAPE, escapeCharacter);
}
//#endregion
//#region src/ast/presenter.ts
var CHAR_LINE_FEED = 10;
var DEFAULT_PRESENTER_OPTIONS = {
	indent: 2,
	seqNoIndent: false,
	seqInlineFirst: true,
	lineWidth: 80,
	flowBracketPadding: false,
	flowSkipCommaSpace: false,
	flowSkipColonSpace: false,
	quoteFlowKeys: false,
	quoteStyle: "single",
	forceQuotes: false,
	scalarStyleRules: Object.keys(DEFAULT_SCALAR_STYLE_RULES).map((name) => Reflect.get(DEFAULT_SCALAR_STYLE_RULES, name)),
	tagBeforeAnchor: false
};
function nodeTagShort(node) {
	return node.tagged ? node.tag : tagNameShort(node.tag);
}
function createPresenterState(options) {
	const opts = {
		...DEFAULT_PRESENTER_OPTIONS,
		...options
	};
	if (opts.flowSkipColonSpace) opts.quoteFlowKeys = true;
	return {
		...opts,
		defaultScalarTagName: opts.schema.defaultScalarTag.tagName,
		openEnded: false
	};
}
function generateNextLine(state, level) {
	return `\n${" ".repeat(state.indent * level)}`;
}
function scalarLayout(state, node, parent, level, isKey, flowOnly) {
	return {
		node,
		parent,
		level,
		isKey,
		flowOnly,
		shiftOfParent: level === 0 ? -1 : state.indent * (level - 1),
		shiftOfContent: state.indent * Math.max(1, level),
		shiftOfFirstLine: level === 0 ? 0 : state.indent * level,
		presenterOptions: state,
		allowedStylesMask: 0,
		style: node.style
	};
}
function writeFlowSequence(state, level, node) {
	let result = "";
	for (let index = 0, length = node.items.length; index < length; index += 1) {
		const item = writeNode(state, level, node.items[index], node, {}).text;
		if (index > 0) result += `,${!state.flowSkipCommaSpace ? " " : ""}`;
		result += item;
	}
	const pad = state.flowBracketPadding && node.items.length > 0 ? " " : "";
	return `[${pad}${result}${pad}]`;
}
function writeBlockSequence(state, level, node, compact) {
	let result = "";
	for (let index = 0, length = node.items.length; index < length; index += 1) {
		const item = writeNode(state, level + 1, node.items[index], node, {
			block: true,
			compact: state.seqInlineFirst,
			isblockseq: true
		}).text;
		if (!compact || result !== "") result += generateNextLine(state, level);
		if (item === "" || CHAR_LINE_FEED === item.charCodeAt(0)) result += "-";
		else result += "- ";
		result += item;
	}
	return result;
}
function writeFlowMapping(state, level, node) {
	let result = "";
	for (const { key, value } of node.items) {
		let pairBuffer = "";
		if (result !== "") pairBuffer += `,${!state.flowSkipCommaSpace ? " " : ""}`;
		const keyRender = writeNode(state, level, key, node, { iskey: true });
		const keyText = keyRender.text;
		const valueText = writeNode(state, level, value, node, {}).text;
		const sep = state.flowSkipColonSpace || valueText === "" ? "" : " ";
		const keyIsBareProps = key.kind === "scalar" && keyRender.noBody && (key.tagged || key.anchor !== void 0);
		const keyColonSep = key.kind === "alias" || keyIsBareProps ? " " : "";
		pairBuffer += `${keyText}${keyColonSep}:${sep}${valueText}`;
		result += pairBuffer;
	}
	const pad = state.flowBracketPadding && result !== "" ? " " : "";
	return `{${pad}${result}${pad}}`;
}
function writeBlockMapping(state, level, node, compact) {
	let result = "";
	for (let index = 0, length = node.items.length; index < length; index += 1) {
		let pairBuffer = "";
		if (!compact || result !== "") pairBuffer += generateNextLine(state, level);
		const { key, value } = node.items[index];
		const keyIsBlock = (key.kind === "mapping" || key.kind === "sequence") && key.style === COLLECTION_STYLE.BLOCK && key.items.length !== 0 || key.kind === "scalar" && (key.style === SCALAR_STYLE.LITERAL_BLOCK || key.style === SCALAR_STYLE.FOLDED_BLOCK);
		const keyRender = keyIsBlock ? writeNode(state, level + 1, key, node, {
			block: true,
			compact: true,
			isblockseq: !cannotBeCompact(state, key, level + 1)
		}) : writeNode(state, level + 1, key, node, {
			block: true,
			compact: true,
			iskey: true
		});
		const keyText = keyRender.text;
		const keyHasLineBreak = key.kind === "scalar" && key.value.indexOf("\n") !== -1;
		const keyIsTooLong = keyText.length > 1024 && /^[\s\S]{1025}/u.test(keyText);
		const explicitPair = keyIsBlock || keyHasLineBreak || keyIsTooLong;
		if (explicitPair) {
			if (keyText && CHAR_LINE_FEED === keyText.charCodeAt(0)) pairBuffer += "?";
			else pairBuffer += "? ";
		}
		pairBuffer += keyText;
		if (explicitPair) pairBuffer += generateNextLine(state, level);
		const valueText = writeNode(state, level + 1, value, node, {
			block: true,
			compact: explicitPair,
			isblockseq: explicitPair && !cannotBeCompact(state, value, level + 1)
		}).text;
		const keyIsBareProps = key.kind === "scalar" && keyRender.noBody && (key.tagged || key.anchor !== void 0);
		const keyColonSep = !explicitPair && (key.kind === "alias" || keyIsBareProps) ? " " : "";
		if (valueText === "" || CHAR_LINE_FEED === valueText.charCodeAt(0)) pairBuffer += `${keyColonSep}:`;
		else pairBuffer += `${keyColonSep}: `;
		pairBuffer += valueText;
		result += pairBuffer;
	}
	return result;
}
function cannotBeCompact(state, node, level) {
	if (node.kind === "alias") return true;
	return node.tagged || node.anchor !== void 0 || state.indent < 2 && level > 0;
}
function writeNode(state, level, node, parent, ctx) {
	if (node.kind === "alias") {
		state.openEnded = false;
		return {
			text: `*${node.anchor}`,
			noBody: false
		};
	}
	const { block = false, iskey = false, isblockseq = false } = ctx;
	let compact = ctx.compact ?? false;
	const hasAnchor = node.anchor !== void 0;
	if (cannotBeCompact(state, node, level)) compact = false;
	let body;
	let shouldPrintTag = node.tagged;
	const useBlockCollection = block && (node.kind === "mapping" || node.kind === "sequence") && node.style === COLLECTION_STYLE.BLOCK && node.items.length !== 0;
	if (node.kind === "mapping") {
		if (useBlockCollection) body = writeBlockMapping(state, level, node, compact);
		else body = writeFlowMapping(state, level, node);
	} else if (node.kind === "sequence") {
		if (useBlockCollection) {
			if (state.seqNoIndent && !isblockseq && level > 0) body = writeBlockSequence(state, level - 1, node, compact);
			else body = writeBlockSequence(state, level, node, compact);
		} else body = writeFlowSequence(state, level, node);
	} else {
		const layout = scalarLayout(state, node, parent, level, iskey, !block);
		detectAllowedStyles(layout);
		for (const rule of state.scalarStyleRules) rule(layout);
		body = renderScalar(layout);
		state.openEnded = (layout.style === SCALAR_STYLE.LITERAL_BLOCK || layout.style === SCALAR_STYLE.FOLDED_BLOCK) && (node.value === "\n" || node.value.endsWith("\n\n"));
		shouldPrintTag = node.tagged || body === "" && layout.flowOnly && parent?.kind === "sequence" && !hasAnchor || layout.style !== SCALAR_STYLE.PLAIN && node.tag !== state.defaultScalarTagName;
	}
	if ((node.kind === "mapping" || node.kind === "sequence") && !useBlockCollection) state.openEnded = false;
	if (useBlockCollection && compact && level > 0 && state.indent > 2) body = `${" ".repeat(state.indent - 2)}${body}`;
	const noBody = body === "";
	let text = body;
	if (shouldPrintTag || hasAnchor) {
		const props = [];
		const tag = shouldPrintTag ? nodeTagShort(node) : null;
		const anchor = hasAnchor ? `&${node.anchor}` : null;
		if (state.tagBeforeAnchor) {
			if (tag !== null) props.push(tag);
			if (anchor !== null) props.push(anchor);
		} else {
			if (anchor !== null) props.push(anchor);
			if (tag !== null) props.push(tag);
		}
		const sep = body === "" || body.charCodeAt(0) === CHAR_LINE_FEED ? "" : " ";
		text = `${props.join(" ")}${sep}${body}`;
	}
	return {
		text,
		noBody
	};
}
function rootStartsOwnLine(node) {
	return (node.kind === "sequence" || node.kind === "mapping") && node.style === COLLECTION_STYLE.BLOCK && node.items.length !== 0 && !node.tagged && node.anchor === void 0;
}
function writeDocumentDirectives(doc) {
	let result = "";
	for (const directive of doc.directives) {
		if (directive.kind === "yaml") {
			result += `%YAML ${directive.version}\n`;
			continue;
		}
		const { handle, prefix } = directive;
		result += `%TAG ${handle} ${prefix}\n`;
	}
	return result;
}
/**
* Build YAML from AST.
*
* @category AST
*/
function present(documents, options) {
	const state = createPresenterState(options);
	let result = "";
	let previousEnded = false;
	for (let index = 0; index < documents.length; index += 1) {
		const doc = documents[index];
		state.openEnded = false;
		const directives = writeDocumentDirectives(doc);
		const hasDirectives = directives !== "";
		const marker = doc.explicitStart || hasDirectives || index > 0 && !previousEnded;
		result += directives;
		if (doc.contents === null) {
			if (marker) result += "---\n";
		} else if (marker) {
			const body = writeNode(state, 0, doc.contents, null, {
				block: true,
				compact: true
			}).text;
			const sep = body === "" ? "" : hasDirectives || rootStartsOwnLine(doc.contents) ? "\n" : " ";
			result += `---${sep}${body}\n`;
		} else result += writeNode(state, 0, doc.contents, null, {
			block: true,
			compact: true
		}).text + "\n";
		previousEnded = doc.explicitEnd || state.openEnded;
		if (previousEnded) result += "...\n";
	}
	return result;
}
//#endregion
//#region src/dump.ts
var DEFAULT_DUMP_OPTIONS = {
	...DEFAULT_PRESENTER_OPTIONS,
	schema: DUMP_SCHEMA,
	skipInvalid: false,
	noRefs: false,
	flowLevel: -1,
	sortKeys: false,
	transform: () => {}
};
function defaultCompareFn(a, b) {
	const x = String(a);
	const y = String(b);
	if (x < y) return -1;
	if (x > y) return 1;
	return 0;
}
/**
* Serializes JS object as a YAML document. By default it can dump every
* supported YAML type, so it throws an exception if you try to dump regexps or
* functions. However, you can disable exceptions by setting the
* {@link DumpOptions.skipInvalid} option to `true`.
*
* @category Main
*/
function dump(input, options = {}) {
	const opts = {
		...DEFAULT_DUMP_OPTIONS,
		...options
	};
	const documents = jsToAst(input, opts.schema, {
		noRefs: opts.noRefs,
		skipInvalid: opts.skipInvalid
	});
	if (opts.flowLevel >= 0) visit(documents, (node, ctx) => {
		if (ctx.depth < opts.flowLevel) return;
		if (node.kind === "sequence" || node.kind === "mapping") node.style = COLLECTION_STYLE.FLOW;
		return VISIT_SKIP;
	});
	if (opts.sortKeys) {
		const compareFn = opts.sortKeys === true ? defaultCompareFn : opts.sortKeys;
		visit(documents, (node) => {
			if (node.kind !== "mapping") return;
			node.items.sort((a, b) => compareFn(a.key.kind === "scalar" ? a.key.value : "", b.key.kind === "scalar" ? b.key.value : ""));
		});
	}
	opts.transform(documents);
	return present(documents, {
		...pick(opts, Object.keys(DEFAULT_PRESENTER_OPTIONS)),
		schema: opts.schema
	});
}
//#endregion
//#region src/ast/from_events.ts
var NO_RANGE = (/* unused pure expression or super */ null && (-1));
function eventPosition(event) {
	if ("tagStart" in event && event.tagStart !== NO_RANGE) return event.tagStart;
	if ("anchorStart" in event && event.anchorStart !== NO_RANGE) return event.anchorStart;
	if ("valueStart" in event && event.valueStart !== NO_RANGE) return event.valueStart;
	if ("start" in event) return event.start;
	return 0;
}
function rawTag(state, event) {
	return event.tagStart === NO_RANGE ? "" : state.source.slice(event.tagStart, event.tagEnd);
}
function anchorName(state, event) {
	return event.anchorStart === NO_RANGE ? void 0 : state.source.slice(event.anchorStart, event.anchorEnd);
}
function buildScalar(state, event) {
	const value = getScalarValue(state.source, event);
	const raw = rawTag(state, event);
	let tag;
	let tagged = false;
	if (raw !== "") {
		tagged = true;
		tag = raw;
	} else if (event.style === SCALAR_STYLE.PLAIN) tag = state.schema.resolveImplicitScalarTag(value).tag.tagName;
	else tag = state.schema.defaultScalarTag.tagName;
	return {
		kind: "scalar",
		tag,
		tagged,
		style: event.style,
		anchor: anchorName(state, event),
		value
	};
}
function buildCollection(state, event, defaultTagName) {
	const raw = rawTag(state, event);
	let tag;
	let tagged = false;
	if (raw === "") tag = defaultTagName;
	else {
		tag = raw;
		tagged = true;
	}
	return {
		tag,
		tagged,
		style: event.style,
		anchor: anchorName(state, event)
	};
}
function addNode(state, node) {
	const frame = state.frames[state.frames.length - 1];
	if (frame.kind === "document") frame.doc.contents = node;
	else if (frame.kind === "sequence") frame.node.items.push(node);
	else if (frame.key) {
		frame.node.items.push({
			key: frame.key,
			value: node
		});
		frame.key = null;
	} else frame.key = node;
}
/**
* Builds an AST from parser events
*
* @category AST
*/
function eventsToAst(events, options) {
	const state = {
		source: options.source,
		schema: options.schema,
		eventIndex: 0,
		position: 0,
		frames: [],
		documents: []
	};
	while (state.eventIndex < events.length) {
		const event = events[state.eventIndex++];
		state.position = eventPosition(event);
		switch (event.type) {
			case EVENT_ID.DOCUMENT: {
				const doc = {
					contents: null,
					explicitStart: event.explicitStart,
					explicitEnd: event.explicitEnd,
					directives: event.directives
				};
				state.frames.push({
					kind: "document",
					doc
				});
				break;
			}
			case EVENT_ID.SCALAR:
				addNode(state, buildScalar(state, event));
				break;
			case EVENT_ID.SEQUENCE: {
				const { tag, tagged, style, anchor } = buildCollection(state, event, "tag:yaml.org,2002:seq");
				const node = {
					kind: "sequence",
					tag,
					tagged,
					style,
					anchor,
					items: []
				};
				state.frames.push({
					kind: "sequence",
					node
				});
				break;
			}
			case EVENT_ID.MAPPING: {
				const { tag, tagged, style, anchor } = buildCollection(state, event, "tag:yaml.org,2002:map");
				const node = {
					kind: "mapping",
					tag,
					tagged,
					style,
					anchor,
					items: []
				};
				state.frames.push({
					kind: "mapping",
					node,
					key: null
				});
				break;
			}
			case EVENT_ID.ALIAS:
				addNode(state, {
					kind: "alias",
					anchor: state.source.slice(event.anchorStart, event.anchorEnd)
				});
				break;
			case EVENT_ID.POP: {
				const frame = state.frames.pop();
				if (frame.kind === "mapping" && frame.key) throw new Error("incomplete mapping pair in event stream");
				if (frame.kind === "document") state.documents.push(frame.doc);
				else addNode(state, frame.node);
				break;
			}
		}
	}
	return state.documents;
}
//#endregion
//#region src/index.ts
/** @deprecated Use `EVENT_ID.DOCUMENT` instead. @internal */
var EVENT_DOCUMENT = EVENT_ID.DOCUMENT;
/** @deprecated Use `EVENT_ID.SEQUENCE` instead. @internal */
var EVENT_SEQUENCE = EVENT_ID.SEQUENCE;
/** @deprecated Use `EVENT_ID.MAPPING` instead. @internal */
var EVENT_MAPPING = EVENT_ID.MAPPING;
/** @deprecated Use `EVENT_ID.SCALAR` instead. @internal */
var EVENT_SCALAR = EVENT_ID.SCALAR;
/** @deprecated Use `EVENT_ID.ALIAS` instead. @internal */
var EVENT_ALIAS = EVENT_ID.ALIAS;
/** @deprecated Use `EVENT_ID.POP` instead. @internal */
var EVENT_POP = EVENT_ID.POP;
/** @deprecated Use `SCALAR_STYLE.PLAIN` instead. @internal */
var SCALAR_STYLE_PLAIN = SCALAR_STYLE.PLAIN;
/** @deprecated Use `SCALAR_STYLE.SINGLE_QUOTED` instead. @internal */
var SCALAR_STYLE_SINGLE_QUOTED = SCALAR_STYLE.SINGLE_QUOTED;
/** @deprecated Use `SCALAR_STYLE.DOUBLE_QUOTED` instead. @internal */
var SCALAR_STYLE_DOUBLE_QUOTED = SCALAR_STYLE.DOUBLE_QUOTED;
/** @deprecated Use `SCALAR_STYLE.LITERAL_BLOCK` instead. @internal */
var SCALAR_STYLE_LITERAL_BLOCK = SCALAR_STYLE.LITERAL_BLOCK;
/** @deprecated Use `SCALAR_STYLE.FOLDED_BLOCK` instead. @internal */
var SCALAR_STYLE_FOLDED_BLOCK = SCALAR_STYLE.FOLDED_BLOCK;
/** @deprecated Use `COLLECTION_STYLE.BLOCK` instead. @internal */
var COLLECTION_STYLE_BLOCK = COLLECTION_STYLE.BLOCK;
/** @deprecated Use `COLLECTION_STYLE.FLOW` instead. @internal */
var COLLECTION_STYLE_FLOW = COLLECTION_STYLE.FLOW;
/** @deprecated Use `CHOMPING_MODE.CLIP` instead. @internal */
var CHOMPING_CLIP = CHOMPING_MODE.CLIP;
/** @deprecated Use `CHOMPING_MODE.STRIP` instead. @internal */
var CHOMPING_STRIP = CHOMPING_MODE.STRIP;
/** @deprecated Use `CHOMPING_MODE.KEEP` instead. @internal */
var CHOMPING_KEEP = CHOMPING_MODE.KEEP;
//#endregion


//# sourceMappingURL=js-yaml.mjs.map
;// CONCATENATED MODULE: ./src/shared/errors.ts
/**
 * One way to turn anything thrown into a message. A thrown string or object must never
 * pass as success or print as "[object Object]".
 */
function errorMessage(error) {
    if (error instanceof Error)
        return error.message;
    if (typeof error === 'string')
        return error;
    try {
        return JSON.stringify(error) ?? String(error);
    }
    catch {
        return String(error);
    }
}

;// CONCATENATED MODULE: ./src/settings/tags.ts
/**
 * The `tags` input: `key=value` lines, or a YAML/JSON mapping. Lines are the simple form for a
 * workflow file; the mapping suits tags kept as JSON elsewhere. Only newlines separate tags
 * (not commas), so there is one way to write them and no quoting rules. Tags are checked
 * against the tagging character set because CloudFormation copies stack tags onto resources
 * (S3 buckets among them) whose own tag rules would otherwise fail the stack mid-way.
 */



/** CloudFormation's limit on tags per stack. */
const MAX_TAGS = 50;
/** The longest tag key. */
const MAX_TAG_KEY_LENGTH = 128;
/** The longest tag value. */
const MAX_TAG_VALUE_LENGTH = 256;
// The character set of AWS's tagging APIs (Tag.Key / Tag.Value patterns).
const TAG_CHAR = /[\p{L}\p{Z}\p{N}_.:/=+\-@]/u;
const ALLOWED = 'letters, digits, spaces and _ . : / = + - @';
/**
 * Parses and checks the tags: at most 50, keys 1 to 128 characters, values up to 256, keys
 * unique and not starting with `aws:` (reserved by AWS, in any case), only the characters AWS
 * tagging allows. In `key=value` lines, blank lines and `#` comments are skipped, the first `=`
 * splits key from value, and both are trimmed. A mapping is read with YAML's failsafe schema so
 * every value stays the text written (`1.10` stays `1.10`, `yes` stays `yes`).
 */
function parseTags(text) {
    if (text.trim() === '')
        return ok([]);
    const read = looksLikeMapping(text) ? readMapping(text) : readLines(text);
    return read.ok ? checkTags(read.value) : read;
}
/**
 * Tells the two forms apart by the first meaningful line: a mapping starts with `{` or has a
 * `key:` (colon then space or line end) before any `=`. So `url: http://x?a=b` is YAML, while
 * `team:owner=x` and `note=a: b` are lines.
 */
function looksLikeMapping(text) {
    const first = text
        .split(/\r?\n/)
        .map((line) => line.trim())
        .find((line) => line !== '' && !line.startsWith('#') && line !== '---');
    if (first === undefined)
        return false;
    if (first.startsWith('{'))
        return true;
    const colon = first.search(/:(\s|$)/);
    const equals = first.indexOf('=');
    return colon >= 0 && (equals < 0 || colon < equals);
}
function readLines(text) {
    const tags = [];
    const details = [];
    text.split(/\r?\n/).forEach((raw, index) => {
        const line = raw.trim();
        if (line === '' || line.startsWith('#'))
            return;
        const equals = line.indexOf('=');
        if (equals < 0) {
            details.push(`line ${index + 1} ${quote(line)} has no '='; write one key=value per line (or a YAML mapping)`);
            return;
        }
        tags.push({ key: line.slice(0, equals).trim(), value: line.slice(equals + 1).trim() });
    });
    return details.length > 0 ? fail(...details) : ok(tags);
}
function readMapping(text) {
    let document;
    try {
        document = load(text, { schema: FAILSAFE_SCHEMA, maxDepth: 10 });
    }
    catch (error) {
        // The parser's first line names the problem and its position; the rest is a source snippet.
        const reason = errorMessage(error).split('\n')[0] ?? '';
        return fail(`${quote(text)} is not a valid YAML/JSON mapping: ${reason}`);
    }
    if (document === null || typeof document !== 'object' || Array.isArray(document)) {
        return fail(`${quote(text)} is not a mapping; write key: value pairs or key=value lines`);
    }
    const tags = [];
    const details = [];
    for (const [key, value] of Object.entries(document)) {
        if (typeof value === 'string')
            tags.push({ key, value });
        else
            details.push(`tag ${quote(key)} has a ${Array.isArray(value) ? 'list' : 'mapping'} value; tag values are text`);
    }
    return details.length > 0 ? fail(...details) : ok(tags);
}
/** The characters of `text` outside the tagging character set, each quoted once. */
function badCharacters(text) {
    const bad = [...new Set(Array.from(text).filter((c) => !TAG_CHAR.test(c)))];
    return bad.length > 0 ? bad.map((c) => quote(c)).join(', ') : undefined;
}
function checkTags(tags) {
    const details = [];
    if (tags.length > MAX_TAGS) {
        details.push(`${tags.length} tags given; at most ${MAX_TAGS} are allowed on a stack`);
    }
    const seen = new Set();
    for (const { key, value } of tags) {
        const k = quote(key);
        const keyLength = Array.from(key).length;
        if (keyLength === 0)
            details.push(`a tag has an empty key (value ${quote(value)})`);
        if (keyLength > MAX_TAG_KEY_LENGTH) {
            details.push(`tag key ${k} is ${keyLength} characters long; at most ${MAX_TAG_KEY_LENGTH}`);
        }
        if (key.toLowerCase().startsWith('aws:')) {
            details.push(`tag key ${k} starts with 'aws:', a prefix AWS reserves for its own tags`);
        }
        const badKey = badCharacters(key);
        if (badKey)
            details.push(`tag key ${k} contains ${badKey}; tags allow ${ALLOWED}`);
        const valueLength = Array.from(value).length;
        if (valueLength > MAX_TAG_VALUE_LENGTH) {
            details.push(`the value of tag ${k} is ${valueLength} characters long; at most ${MAX_TAG_VALUE_LENGTH}`);
        }
        const badValue = badCharacters(value);
        if (badValue)
            details.push(`the value of tag ${k} contains ${badValue}; tags allow ${ALLOWED}`);
        if (seen.has(key))
            details.push(`tag key ${k} is given twice; tag keys must be unique`);
        seen.add(key);
    }
    return details.length > 0 ? fail(...details) : ok(tags);
}

;// CONCATENATED MODULE: ./src/settings/load.ts
/**
 * Inputs → one validated, deep-frozen Settings. The only module that knows the inputs' names.
 * It takes a reader instead of calling @actions/core, so the action, the CLI, the library and
 * the tests all feed it the same way.
 */









const MODES = ['plan', 'deploy', 'verify'];
const KEY_MODES = ['aws-owned', 'customer-managed'];
const COMMENT_POLICIES = ['always', 'on-change', 'never'];
/** STS's AssumeRoleWithWebIdentity DurationSeconds range. */
const SESSION_SECONDS = { min: 900, max: 43200 };
/** Up to 12 hours of waiting for one stack operation. */
const TIMEOUT_MINUTES = { min: 1, max: 720 };
/** The AWS SDK's own Region variables, in the order the SDK reads them. */
const REGION_VARIABLES = ['AWS_REGION', 'AWS_DEFAULT_REGION'];
/**
 * Reads, checks and freezes every input. Unset or blank inputs take {@link INPUT_DEFAULTS};
 * values are trimmed; `aws-region` falls back to AWS_REGION, then AWS_DEFAULT_REGION in `env`.
 * Every problem of every input is collected first, then thrown together as one SettingsError,
 * so a user fixes their workflow in one round.
 * @throws SettingsError listing every invalid or missing input.
 */
function loadSettings(input, env = process.env) {
    const problems = new ProblemCollector();
    const read = (name) => {
        const value = (input(name) ?? '').trim();
        return value === '' ? INPUT_DEFAULTS[name] : value;
    };
    // Read in action.yml's order, so the problems are listed in that order too.
    const mode = problems.take('mode', parseEnum(read('mode'), MODES));
    const environmentName = readEnvironmentName(read('environment-name'), problems);
    const region = readRegion(read('aws-region'), env, problems);
    const credentials = readCredentials(read, problems);
    const keyMode = problems.take('key-mode', parseEnum(read('key-mode'), KEY_MODES));
    const bucketName = read('bucket-name');
    const githubToken = read('github-token');
    const settings = {
        mode,
        environmentName,
        region,
        credentials,
        keyMode,
        kmsKey: problems.take('kms-key', parseKmsKey(read('kms-key'), { keyMode, region })),
        network: readNetwork(read, problems),
        ...(bucketName !== '' && {
            bucketName: problems.take('bucket-name', parseBucketName(bucketName)),
        }),
        stacks: readStacks(read, environmentName, problems),
        tags: problems.take('tags', parseTags(read('tags'))),
        comment: problems.take('comment', parseEnum(read('comment'), COMMENT_POLICIES)),
        ...(githubToken !== '' && { githubToken }),
        failOnDestructive: problems.take('fail-on-destructive', parseBoolean(read('fail-on-destructive'))),
        allowDestructive: problems.take('allow-destructive', parseAllowList(read('allow-destructive'))),
        terminationProtection: problems.take('termination-protection', parseBoolean(read('termination-protection'))),
        recreateFailedStack: problems.take('recreate-failed-stack', parseBoolean(read('recreate-failed-stack'))),
        timeoutMinutes: problems.take('timeout-minutes', parseInteger(read('timeout-minutes'), TIMEOUT_MINUTES.min, TIMEOUT_MINUTES.max, 'minutes')),
    };
    problems.throwIfAny();
    // Sound: every field left undefined above recorded a problem, and throwIfAny threw.
    return deepFreeze(settings);
}
/** An {@link InputReader} over a plain record, e.g. {@link DEFAULT_DEMO_INPUTS} or parsed CLI flags. */
function inputsFrom(values) {
    return (name) => (Object.hasOwn(values, name) ? values[name] : undefined);
}
function readEnvironmentName(value, problems) {
    if (value === '') {
        problems.missing('environment-name', "give the MWAA environment's name (a letter, then letters, digits, '-' or '_'; at most 80 characters), e.g. environment-name: my-airflow");
        return undefined;
    }
    return problems.take('environment-name', parseEnvironmentName(value));
}
function readRegion(value, env, problems) {
    if (value !== '')
        return problems.take('aws-region', parseRegion(value));
    for (const variable of REGION_VARIABLES) {
        const fromEnv = env[variable]?.trim() ?? '';
        if (fromEnv !== '')
            return problems.take('aws-region', parseRegion(fromEnv, ` (from ${variable})`));
    }
    problems.missing('aws-region', 'set the aws-region input (e.g. aws-region: eu-west-1), or AWS_REGION or AWS_DEFAULT_REGION in the environment');
    return undefined;
}
function readCredentials(read, problems) {
    const role = read('role-to-assume');
    return {
        ...(role !== '' && { roleToAssume: problems.take('role-to-assume', parseRoleArn(role)) }),
        roleSessionName: problems.take('role-session-name', parseSessionName(read('role-session-name'))),
        roleDurationSeconds: problems.take('role-duration-seconds', parseInteger(read('role-duration-seconds'), SESSION_SECONDS.min, SESSION_SECONDS.max, 'seconds')),
        audience: problems.take('audience', parseAudience(read('audience'))),
    };
}
/** Freezes an object and everything reachable from it, so no stage can change the settings. */
function deepFreeze(value) {
    if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
        Object.freeze(value);
        for (const child of Object.values(value))
            deepFreeze(child);
    }
    return value;
}

;// CONCATENATED MODULE: ./src/templates/cfn-yaml.ts
/**
 * Reads CloudFormation templates (YAML or JSON) into their long, JSON form: the short-form
 * tags (`!Ref x`, `!GetAtt A.B`, `!Sub ...`) become `{ Ref: x }`, `{ 'Fn::GetAtt': [A, B] }`,
 * `{ 'Fn::Sub': ... }`, exactly as CloudFormation itself sees the template.
 */

/** Short-form tag name → long-form key. `!Ref` and `!Condition` keep their name, the rest get `Fn::`. */
const SHORT_FORMS = [
    'Ref',
    'Condition',
    'Sub',
    'GetAtt',
    'Join',
    'Select',
    'Split',
    'If',
    'Equals',
    'Not',
    'And',
    'Or',
    'GetAZs',
    'FindInMap',
    'Base64',
    'Cidr',
    'ImportValue',
    'Transform',
    'Length',
    'ToJsonString',
    // Functions of the Rules section.
    'Contains',
    'EachMemberEquals',
    'EachMemberIn',
    'RefAll',
    'ValueOf',
    'ValueOfAll',
];
function longName(short) {
    return short === 'Ref' || short === 'Condition' ? short : `Fn::${short}`;
}
/** `!GetAtt A.B` splits at the first dot (attribute names such as `Endpoint.Address` keep theirs). */
function getAttScalar(source) {
    const dot = source.indexOf('.');
    return dot < 0 ? source : [source.slice(0, dot), source.slice(dot + 1)];
}
function tagsFor(short) {
    const key = longName(short);
    const tagName = `!${short}`;
    const identify = () => false; // load-only: never chosen when dumping
    return [
        defineScalarTag(tagName, {
            resolve: (source) => ({ [key]: short === 'GetAtt' ? getAttScalar(source) : source }),
            identify,
        }),
        defineSequenceTag(tagName, {
            create: () => [],
            addItem: (items, item) => {
                items.push(item);
            },
            finalize: (items) => ({ [key]: items }),
            identify,
        }),
        defineMappingTag(tagName, {
            create: () => ({}),
            addPair: (map, k, v) => {
                if (typeof k !== 'string')
                    return `${tagName} mapping keys must be strings`;
                map[k] = v;
                return '';
            },
            has: (map, k) => typeof k === 'string' && Object.hasOwn(map, k),
            keys: (result) => Object.keys(result[key] ?? {}),
            get: (result, k) => result[key]?.[String(k)],
            finalize: (map) => ({ [key]: map }),
            identify,
        }),
    ];
}
/** The YAML 1.2 core schema plus every CloudFormation short-form tag. */
const CFN_SCHEMA = CORE_SCHEMA.withTags(...SHORT_FORMS.map(tagsFor));
/** Parses a YAML or JSON document with the CloudFormation tags, without checking its shape. */
function parseCfnYaml(text, filename) {
    return load(text, { schema: CFN_SCHEMA, ...(filename ? { filename } : {}) });
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/**
 * Parses a CloudFormation template (YAML or JSON). Throws when the text is not YAML or is not a
 * template: a mapping with a `Resources` mapping whose entries each have a string `Type`.
 */
function parseTemplate(text, filename) {
    const doc = parseCfnYaml(text, filename);
    const where = filename ? `${filename}: ` : '';
    if (!isRecord(doc))
        throw new Error(`${where}a CloudFormation template must be a mapping`);
    const resources = doc['Resources'];
    if (!isRecord(resources) || Object.keys(resources).length === 0) {
        throw new Error(`${where}a CloudFormation template needs a non-empty Resources section`);
    }
    for (const [id, resource] of Object.entries(resources)) {
        if (!isRecord(resource) || typeof resource['Type'] !== 'string') {
            throw new Error(`${where}resource ${id} has no Type`);
        }
    }
    for (const section of ['Parameters', 'Conditions', 'Outputs', 'Mappings', 'Rules']) {
        if (section in doc && !isRecord(doc[section])) {
            throw new Error(`${where}the ${section} section must be a mapping`);
        }
    }
    return doc;
}

;// CONCATENATED MODULE: ./src/templates/cidr.ts
/** `Fn::Cidr` for IPv4: `count` consecutive blocks of `2^cidrBits` addresses from `block`. */
function cidr(block, count, cidrBits) {
    const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(block);
    const octets = match ? match.slice(1, 5).map(Number) : [];
    const prefix = match ? Number(match[5]) : NaN;
    if (!match || octets.some((o) => o > 255) || prefix > 32) {
        throw new Error(`Fn::Cidr: ${block} is not an IPv4 CIDR block`);
    }
    const newPrefix = 32 - cidrBits;
    if (!Number.isInteger(count) || count < 1 || count > 256) {
        throw new Error('Fn::Cidr: count must be 1 to 256');
    }
    if (!Number.isInteger(cidrBits) || newPrefix < prefix || cidrBits < 0) {
        throw new Error(`Fn::Cidr: cannot cut /${newPrefix} blocks from ${block}`);
    }
    const size = 2 ** cidrBits;
    if (count * size > 2 ** (32 - prefix)) {
        throw new Error(`Fn::Cidr: ${block} has no room for ${count} /${newPrefix} blocks`);
    }
    const address = octets.reduce((acc, o) => acc * 256 + o, 0);
    const base = address - (address % 2 ** (32 - prefix));
    return Array.from({ length: count }, (_, i) => {
        const n = base + i * size;
        const parts = [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256);
        return `${parts.join('.')}/${newPrefix}`;
    });
}

;// CONCATENATED MODULE: ./src/templates/pseudo.ts
/** CloudFormation pseudo parameters (`AWS::Region`, `AWS::Partition`, ...). */
/** `Ref: AWS::NoValue`: the enclosing key or list item disappears. */
const NO_VALUE = Symbol('AWS::NoValue');
function partitionOf(region) {
    if (region.startsWith('cn-'))
        return 'aws-cn';
    if (region.startsWith('us-gov-'))
        return 'aws-us-gov';
    return 'aws';
}
function pseudoValue(name, p) {
    const partition = p.partition ?? partitionOf(p.region);
    const stackName = p.stackName ?? 'stack';
    switch (name) {
        case 'AWS::Region':
            return p.region;
        case 'AWS::AccountId':
            return p.accountId;
        case 'AWS::Partition':
            return partition;
        case 'AWS::StackName':
            return stackName;
        case 'AWS::StackId':
            return p.stackId ?? `arn:${partition}:cloudformation:${p.region}:${p.accountId}:stack/${stackName}/id`;
        case 'AWS::URLSuffix':
            return p.urlSuffix ?? (partition === 'aws-cn' ? 'amazonaws.com.cn' : 'amazonaws.com');
        case 'AWS::NotificationARNs':
            return [...(p.notificationArns ?? [])];
        case 'AWS::NoValue':
            return NO_VALUE;
        default:
            throw new Error(`Unknown pseudo parameter ${name}`);
    }
}

;// CONCATENATED MODULE: ./src/templates/intrinsics.ts



function refValue(name, ctx) {
    if (name.startsWith('AWS::'))
        return pseudoValue(name, ctx.pseudo);
    if (Object.hasOwn(ctx.parameters, name))
        return ctx.parameters[name];
    const t = ctx.template;
    if (t?.Parameters && Object.hasOwn(t.Parameters, name)) {
        throw new Error(`Parameter ${name} has no value and no default`);
    }
    if (t && !Object.hasOwn(t.Resources, name))
        throw new Error(`Ref to unknown name ${name}`);
    return ctx.ref ? ctx.ref(name) : `{{${name}}}`;
}
function getAttValue(id, attribute, ctx) {
    if (ctx.template && !Object.hasOwn(ctx.template.Resources, id)) {
        throw new Error(`Fn::GetAtt on unknown resource ${id}`);
    }
    return ctx.getAtt ? ctx.getAtt(id, attribute) : `{{${id}.${attribute}}}`;
}
function conditionValue(name, ctx) {
    if (typeof ctx.conditions === 'function')
        return ctx.conditions(name);
    const value = ctx.conditions[name];
    if (typeof value !== 'boolean')
        throw new Error(`Unknown condition ${name}`);
    return value;
}
function intrinsics_text(value, where) {
    if (typeof value === 'string')
        return value;
    if (typeof value === 'number' || typeof value === 'boolean')
        return String(value);
    throw new Error(`${where} needs a string, got ${JSON.stringify(value)}`);
}
function list(value, where) {
    if (!Array.isArray(value))
        throw new Error(`${where} needs a list, got ${JSON.stringify(value)}`);
    return value;
}
function args(value, fn, min, max = min) {
    const items = list(value, fn);
    if (items.length < min || items.length > max) {
        throw new Error(`${fn} takes ${min === max ? min : `${min} to ${max}`} arguments`);
    }
    return items;
}
function bool(value, where) {
    if (typeof value !== 'boolean')
        throw new Error(`${where} needs a condition, got ${JSON.stringify(value)}`);
    return value;
}
function sub(value, ctx) {
    const [template, rawVars] = Array.isArray(value) ? args(value, 'Fn::Sub', 2) : [value, {}];
    const vars = inner(rawVars, ctx);
    return intrinsics_text(inner(template, ctx), 'Fn::Sub').replace(/\$\{([^}]*)\}/g, (_whole, name) => {
        if (name.startsWith('!'))
            return `\${${name.slice(1)}}`;
        const key = name.trim();
        if (Object.hasOwn(vars, key))
            return intrinsics_text(vars[key], `Fn::Sub variable ${key}`);
        const dot = key.indexOf('.');
        if (dot > 0 && !key.startsWith('AWS::')) {
            return intrinsics_text(getAttValue(key.slice(0, dot), key.slice(dot + 1), ctx), `Fn::Sub \${${key}}`);
        }
        return intrinsics_text(refValue(key, ctx), `Fn::Sub \${${key}}`);
    });
}
function same(a, b) {
    const scalar = (v) => ['string', 'number', 'boolean'].includes(typeof v);
    if (scalar(a) && scalar(b))
        return String(a) === String(b);
    return JSON.stringify(a) === JSON.stringify(b);
}
function findInMap(value, ctx) {
    const [map, top, second] = args(inner(value, ctx), 'Fn::FindInMap', 3).map((v) => intrinsics_text(v, 'Fn::FindInMap'));
    const found = ctx.template?.Mappings?.[map]?.[top]?.[second];
    if (found === undefined)
        throw new Error(`Fn::FindInMap: no ${map}/${top}/${second}`);
    return found;
}
const FUNCTIONS = {
    Ref: (a, ctx) => refValue(intrinsics_text(a, 'Ref'), ctx),
    Condition: (a, ctx) => conditionValue(intrinsics_text(a, 'Condition'), ctx),
    'Fn::GetAtt': (a, ctx) => {
        const v = inner(a, ctx);
        const [id, attr] = typeof v === 'string' && v.includes('.') ? [v.slice(0, v.indexOf('.')), v.slice(v.indexOf('.') + 1)] : args(v, 'Fn::GetAtt', 2);
        return getAttValue(intrinsics_text(id, 'Fn::GetAtt'), intrinsics_text(attr, 'Fn::GetAtt'), ctx);
    },
    'Fn::Sub': sub,
    'Fn::If': (a, ctx) => {
        const [name, whenTrue, whenFalse] = args(a, 'Fn::If', 3);
        return inner(conditionValue(intrinsics_text(name, 'Fn::If'), ctx) ? whenTrue : whenFalse, ctx);
    },
    'Fn::Equals': (a, ctx) => {
        const [x, y] = args(a, 'Fn::Equals', 2).map((v) => inner(v, ctx));
        return same(x, y);
    },
    'Fn::Not': (a, ctx) => !bool(inner(args(a, 'Fn::Not', 1)[0], ctx), 'Fn::Not'),
    'Fn::And': (a, ctx) => args(a, 'Fn::And', 2, 10).every((c) => bool(inner(c, ctx), 'Fn::And')),
    'Fn::Or': (a, ctx) => args(a, 'Fn::Or', 2, 10).some((c) => bool(inner(c, ctx), 'Fn::Or')),
    'Fn::Join': (a, ctx) => {
        const [delimiter, items] = args(a, 'Fn::Join', 2).map((v) => inner(v, ctx));
        return list(items, 'Fn::Join').map((i) => intrinsics_text(i, 'Fn::Join')).join(intrinsics_text(delimiter, 'Fn::Join'));
    },
    'Fn::Select': (a, ctx) => {
        const [index, items] = args(a, 'Fn::Select', 2).map((v) => inner(v, ctx));
        const all = list(items, 'Fn::Select');
        const i = Number(index);
        if (!Number.isInteger(i) || i < 0 || i >= all.length)
            throw new Error(`Fn::Select: index ${String(index)} out of range`);
        return all[i];
    },
    'Fn::Split': (a, ctx) => {
        const [delimiter, source] = args(a, 'Fn::Split', 2).map((v) => intrinsics_text(inner(v, ctx), 'Fn::Split'));
        return source.split(delimiter);
    },
    'Fn::GetAZs': (a, ctx) => {
        const region = intrinsics_text(inner(a, ctx), 'Fn::GetAZs') || ctx.pseudo.region;
        return ctx.azs ? [...ctx.azs(region)] : ['a', 'b', 'c'].map((z) => region + z);
    },
    'Fn::FindInMap': findInMap,
    'Fn::Base64': (a, ctx) => Buffer.from(intrinsics_text(inner(a, ctx), 'Fn::Base64')).toString('base64'),
    'Fn::Cidr': (a, ctx) => {
        const [block, count, bits] = args(inner(a, ctx), 'Fn::Cidr', 3);
        return cidr(intrinsics_text(block, 'Fn::Cidr'), Number(count), Number(bits));
    },
    'Fn::ImportValue': (a, ctx) => {
        const name = intrinsics_text(inner(a, ctx), 'Fn::ImportValue');
        return ctx.importValue ? ctx.importValue(name) : `{{Import:${name}}}`;
    },
    'Fn::Length': (a, ctx) => list(inner(a, ctx), 'Fn::Length').length,
    'Fn::ToJsonString': (a, ctx) => JSON.stringify(inner(a, ctx)),
    'Fn::Contains': (a, ctx) => {
        const [items, value] = args(a, 'Fn::Contains', 2).map((v) => inner(v, ctx));
        return list(items, 'Fn::Contains').some((i) => same(i, value));
    },
    'Fn::EachMemberEquals': (a, ctx) => {
        const [items, value] = args(a, 'Fn::EachMemberEquals', 2).map((v) => inner(v, ctx));
        return list(items, 'Fn::EachMemberEquals').every((i) => same(i, value));
    },
    'Fn::EachMemberIn': (a, ctx) => {
        const [items, allowed] = args(a, 'Fn::EachMemberIn', 2).map((v) => list(inner(v, ctx), 'Fn::EachMemberIn'));
        return items.every((i) => allowed.some((x) => same(i, x)));
    },
};
/** The intrinsic function an object stands for, if it is one (a single `Ref`/`Fn::*` key). */
function intrinsic(value) {
    const keys = Object.keys(value);
    if (keys.length !== 1)
        return undefined;
    const key = keys[0];
    // `{ Condition: Name }` (short form `!Condition`) only inside condition functions; an IAM
    // statement's Condition block is a mapping.
    if (key === 'Condition' && typeof value[key] !== 'string')
        return undefined;
    const fn = FUNCTIONS[key];
    if (fn)
        return [fn, value[key]];
    if (key.startsWith('Fn::'))
        throw new Error(`Unsupported intrinsic function ${key}`);
    return undefined;
}
function inner(value, ctx) {
    if (Array.isArray(value)) {
        return value.map((item) => inner(item, ctx)).filter((item) => item !== NO_VALUE);
    }
    if (typeof value !== 'object' || value === null)
        return value;
    const record = value;
    const fn = intrinsic(record);
    if (fn)
        return fn[0](fn[1], ctx);
    const out = {};
    for (const [key, item] of Object.entries(record)) {
        const resolved = inner(item, ctx);
        if (resolved !== NO_VALUE)
            out[key] = resolved;
    }
    return out;
}
/**
 * Resolves every intrinsic function in `value`. Keys and list items whose value is
 * `Ref: AWS::NoValue` are dropped; a top-level `AWS::NoValue` gives `undefined`.
 */
function intrinsics_resolve(value, ctx) {
    const result = inner(value, ctx);
    return result === NO_VALUE ? undefined : result;
}

;// CONCATENATED MODULE: ./src/templates/parameters.ts
function isListType(type) {
    return type === 'CommaDelimitedList' || type.startsWith('List<');
}
/**
 * The value every parameter takes: the given one, else its default. List parameters become
 * arrays. Parameters without either are left out (a `Ref` to them then fails). Throws on a value
 * for a parameter the template does not declare.
 */
function parameters_parameterValues(template, given = {}) {
    const declared = template.Parameters ?? {};
    for (const name of Object.keys(given)) {
        if (!Object.hasOwn(declared, name))
            throw new Error(`Unknown parameter ${name}`);
    }
    const values = {};
    for (const [name, definition] of Object.entries(declared)) {
        const raw = Object.hasOwn(given, name) ? given[name] : definition.Default;
        if (raw === undefined)
            continue;
        const value = Array.isArray(raw) ? raw.join(',') : String(raw);
        values[name] = isListType(definition.Type) ? (value === '' ? [] : value.split(',')) : value;
    }
    return values;
}
function problemsOf(name, p, value) {
    if (value === undefined)
        return [`Parameter ${name} needs a value`];
    const problems = [];
    const allowed = p.AllowedValues?.map(String);
    if (allowed && !allowed.includes(value)) {
        problems.push(`Parameter ${name} must be one of ${allowed.join(', ')}`);
    }
    // CloudFormation matches AllowedPattern against the whole value.
    if (p.AllowedPattern !== undefined && !new RegExp(`^(?:${p.AllowedPattern})$`).test(value)) {
        problems.push(`Parameter ${name} must match ${p.AllowedPattern}`);
    }
    if (p.MinLength !== undefined && value.length < Number(p.MinLength)) {
        problems.push(`Parameter ${name} must be at least ${p.MinLength} characters`);
    }
    if (p.MaxLength !== undefined && value.length > Number(p.MaxLength)) {
        problems.push(`Parameter ${name} must be at most ${p.MaxLength} characters`);
    }
    return problems;
}
/**
 * Checks values against AllowedValues, AllowedPattern, MinLength and MaxLength, and that every
 * parameter without a default has a value, as CloudFormation does before anything else.
 * Returns the problems found (empty when all is well).
 */
function checkParameters(template, given = {}) {
    const values = parameters_parameterValues(template, given);
    return Object.entries(template.Parameters ?? {}).flatMap(([name, p]) => {
        const v = values[name];
        return problemsOf(name, p, Array.isArray(v) ? v.join(',') : v);
    });
}

;// CONCATENATED MODULE: ./src/templates/evaluate.ts



/**
 * Every condition of the template, evaluated. Conditions may name other conditions
 * (`{ Condition: X }` inside `Fn::And`/`Fn::Or`/`Fn::Not`); a cycle is an error, and so is a
 * condition that refers to a resource.
 */
function evaluateConditions(template, given, pseudo) {
    const definitions = template.Conditions ?? {};
    const results = {};
    const pending = new Set();
    const ctx = {
        parameters: parameters_parameterValues(template, given),
        pseudo,
        template,
        conditions: (name) => lookup(name),
        ref: (id) => {
            throw new Error(`A condition cannot refer to the resource ${id}`);
        },
        getAtt: (id) => {
            throw new Error(`A condition cannot refer to the resource ${id}`);
        },
    };
    function lookup(name) {
        const known = results[name];
        if (known !== undefined)
            return known;
        if (!Object.hasOwn(definitions, name))
            throw new Error(`Unknown condition ${name}`);
        if (pending.has(name))
            throw new Error(`Condition ${name} depends on itself`);
        pending.add(name);
        const value = intrinsics_resolve(definitions[name], ctx);
        pending.delete(name);
        if (typeof value !== 'boolean')
            throw new Error(`Condition ${name} is not a condition function`);
        results[name] = value;
        return value;
    }
    for (const name of Object.keys(definitions))
        lookup(name);
    return results;
}
function holds(name, conditions) {
    if (name === undefined)
        return true;
    const value = conditions[name];
    if (value === undefined)
        throw new Error(`Unknown condition ${name}`);
    return value;
}
/** The resources that exist under these condition results, in template order. */
function activeResources(template, conditions) {
    return Object.entries(template.Resources)
        .filter(([, r]) => holds(r.Condition, conditions))
        .map(([logicalId, r]) => ({ logicalId, type: r.Type }));
}
/** The names of the outputs that exist under these condition results, in template order. */
function activeOutputs(template, conditions) {
    return Object.entries(template.Outputs ?? {})
        .filter(([, o]) => holds(o.Condition, conditions))
        .map(([name]) => name);
}
/** A context to `resolve` the template's values with: parameters, pseudo parameters, conditions. */
function createContext(template, given, pseudo, placeholders = {}) {
    return {
        ...placeholders,
        parameters: parameterValues(template, given),
        pseudo,
        template,
        conditions: evaluateConditions(template, given, pseudo),
    };
}
/**
 * The Rules section, as CloudFormation checks it before a create or update: for each rule whose
 * RuleCondition holds, every failing assertion's description (or `Rule NAME failed`).
 */
function failedRules(template, given, pseudo) {
    const ctx = {
        parameters: parameterValues(template, given),
        pseudo,
        template,
        conditions: {},
    };
    const failures = [];
    for (const [name, rule] of Object.entries(template.Rules ?? {})) {
        if (rule.RuleCondition !== undefined && resolve(rule.RuleCondition, ctx) !== true)
            continue;
        for (const assertion of rule.Assertions) {
            if (resolve(assertion.Assert, ctx) !== true) {
                failures.push(assertion.AssertDescription ?? `Rule ${name} failed`);
            }
        }
    }
    return failures;
}

;// CONCATENATED MODULE: external "node:fs/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");
;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
;// CONCATENATED MODULE: external "node:url"
const external_node_url_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");
;// CONCATENATED MODULE: ./src/templates/index.ts
/**
 * The built-in CloudFormation templates (templates/*.yaml) and the offline tools to read and
 * evaluate them.
 */







/** File name of each built-in template, inside the package's `templates/` folder. */
const TEMPLATE_FILES = {
    vpc: 'vpc.yaml',
    'mwaa-prerequisites': 'mwaa-prerequisites.yaml',
};
/** How many folders up from this module the `templates/` folder may be. */
const MAX_LEVELS = 5;
/**
 * The path of a built-in template: the first `templates/<file>` found from `startDir` upwards.
 * This module runs from src/templates (tests), lib/templates (npm package), dist/ and dist/cli/
 * (bundles); each has the package's templates/ folder a few levels up.
 */
function findBuiltInTemplate(name, startDir = (0,external_node_path_namespaceObject.dirname)((0,external_node_url_namespaceObject.fileURLToPath)(import.meta.url))) {
    const file = TEMPLATE_FILES[name];
    if (!file)
        throw new Error(`Unknown built-in template ${String(name)}`);
    const tried = [];
    let dir = startDir;
    for (let level = 0; level <= MAX_LEVELS; level++) {
        const candidate = (0,external_node_path_namespaceObject.join)(dir, 'templates', file);
        if ((0,external_node_fs_namespaceObject.existsSync)(candidate))
            return candidate;
        tried.push(candidate);
        const parent = (0,external_node_path_namespaceObject.dirname)(dir);
        if (parent === dir)
            break;
        dir = parent;
    }
    throw new Error(`Built-in template ${file} not found; the package's templates/ folder is missing. Looked for:\n  ${tried.join('\n  ')}`);
}
/** The text of a built-in template. */
async function loadBuiltInTemplate(name) {
    return (0,promises_namespaceObject.readFile)(findBuiltInTemplate(name), 'utf8');
}

;// CONCATENATED MODULE: ./src/stacks/read.ts



const readUtf8 = (path) => (0,promises_namespaceObject.readFile)(path, 'utf8');
/** The text of both templates: the built-in ones unless the settings name a replacement. */
async function readTemplates(settings, readUserFile = readUtf8) {
    const read = async (path, builtIn) => {
        if (path === undefined)
            return loadBuiltInTemplate(builtIn);
        try {
            return await readUserFile(path);
        }
        catch (error) {
            throw new Error(`Could not read template '${path}': ${errorMessage(error)}`, {
                cause: error,
            });
        }
    };
    const [vpc, prerequisites] = await Promise.all([
        read(settings.stacks.vpc.templatePath, 'vpc'),
        read(settings.stacks.prerequisites.templatePath, 'mwaa-prerequisites'),
    ]);
    return { vpc, prerequisites };
}

;// CONCATENATED MODULE: ./src/stacks/key-mode.ts

/** Maps the user's key settings to the template's KeyMode. */
function templateKeyMode(settings) {
    if (settings.keyMode === 'aws-owned')
        return 'aws-owned';
    return settings.kmsKey.source === 'existing'
        ? 'customer-managed-existing'
        : 'customer-managed-new';
}
/**
 * The ARN of an existing key. A bare key ID means the deployment account (MWAA's rule: a key
 * in another account must be given by ARN), so the ARN can only be built once the account is
 * known; until then this returns undefined.
 */
function existingKeyArn(settings, accountId) {
    const key = settings.kmsKey;
    if (key.source !== 'existing')
        return undefined;
    if (key.arn)
        return key.arn;
    if (!accountId)
        return undefined;
    return `arn:${partitionOf(settings.region)}:kms:${settings.region}:${accountId}:key/${key.keyId}`;
}

;// CONCATENATED MODULE: ./src/stacks/wiring.ts
/**
 * How the VPC stack's outputs feed the prerequisite stack's parameters. The prerequisite
 * template takes the VPC by parameter rather than Fn::ImportValue, so either stack can change
 * without CloudFormation's export locks.
 */
const VPC_OUTPUT_FOR_PARAMETER = Object.freeze({
    VpcId: 'VPC',
});
/** The outputs the VPC stack must have for the prerequisite stack and for MWAA. */
const VPC_OUTPUTS = Object.freeze([
    'VPC',
    'PublicSubnets',
    'PrivateSubnets',
    'PublicSubnet1',
    'PublicSubnet2',
    'PrivateSubnet1',
    'PrivateSubnet2',
    'NoIngressSecurityGroup',
]);
/** The outputs the prerequisite stack must have; KmsKeyArn only in customer-managed mode. */
const PREREQUISITE_OUTPUTS = Object.freeze([
    'BucketName',
    'BucketArn',
    'ExecutionRoleArn',
    'SecurityGroupId',
]);

;// CONCATENATED MODULE: ./src/stacks/specs.ts


/** CloudFormation's limit for an inline TemplateBody; larger templates need S3. */
const TEMPLATE_BODY_LIMIT = 51_200;
/** The VPC stack: the seed template with the user's address plan. */
function vpcStackSpec(settings, templateBody) {
    const n = settings.network;
    return spec(settings, 'vpc', templateBody, [
        // The seed prefixes resource names with EnvironmentName; the MWAA environment's name reads best.
        { key: 'EnvironmentName', value: settings.environmentName },
        { key: 'VpcCIDR', value: n.vpcCidr },
        { key: 'PublicSubnet1CIDR', value: n.publicSubnet1Cidr },
        { key: 'PublicSubnet2CIDR', value: n.publicSubnet2Cidr },
        { key: 'PrivateSubnet1CIDR', value: n.privateSubnet1Cidr },
        { key: 'PrivateSubnet2CIDR', value: n.privateSubnet2Cidr },
    ]);
}
/**
 * The prerequisite stack. Values that come from the VPC stack, or from the account, are
 * marked "known after deploy" while those do not exist yet, so a plan can still be shown.
 */
function prerequisiteStackSpec(settings, templateBody, context = {}) {
    const fromVpc = Object.entries(VPC_OUTPUT_FOR_PARAMETER).map(([key, output]) => {
        const value = context.vpcOutputs?.[output];
        return value !== undefined
            ? { key, value }
            : { key, knownAfterDeploy: `output ${output} of stack ${settings.stacks.vpc.name}` };
    });
    const keyMode = templateKeyMode(settings);
    const keyArn = existingKeyArn(settings, context.accountId);
    const keyParameter = keyMode !== 'customer-managed-existing' || keyArn !== undefined
        ? { key: 'ExistingKmsKeyArn', value: keyArn ?? '' }
        : { key: 'ExistingKmsKeyArn', knownAfterDeploy: 'the deployment account (key given by ID)' };
    return spec(settings, 'prerequisites', templateBody, [
        { key: 'EnvironmentName', value: settings.environmentName },
        ...fromVpc,
        { key: 'KeyMode', value: keyMode },
        keyParameter,
        { key: 'BucketName', value: settings.bucketName ?? '' },
    ]);
}
/** Both stacks, in deployment order. */
function stackSpecs(settings, templates, context = {}) {
    return [
        vpcStackSpec(settings, templates.vpc),
        prerequisiteStackSpec(settings, templates.prerequisites, context),
    ];
}
function spec(settings, role, templateBody, parameters) {
    const stack = settings.stacks[role];
    if (Buffer.byteLength(templateBody, 'utf8') > TEMPLATE_BODY_LIMIT) {
        throw new Error(`The ${role} template (${stack.templatePath ?? 'built-in'}) is larger than CloudFormation's ` +
            `${TEMPLATE_BODY_LIMIT}-byte limit for an inline template body; shorten it.`);
    }
    return Object.freeze({
        role,
        name: stack.name,
        templateBody,
        templateSource: stack.templatePath ?? 'built-in',
        parameters: Object.freeze(parameters.map((p) => Object.freeze(p))),
        // The prerequisite template creates an unnamed IAM role: CAPABILITY_IAM is enough, but a
        // user's replacement template may name its roles, and asking for both is harmless.
        capabilities: Object.freeze(['CAPABILITY_IAM', 'CAPABILITY_NAMED_IAM']),
        tags: settings.tags,
    });
}

;// CONCATENATED MODULE: ./src/stacks/summary.ts



/**
 * Resources and outputs the template declares for these parameters. Conditions only read
 * parameters known before deploy (the key mode, the bucket name); a value known only after
 * deploy stands in as a placeholder so it cannot change which resources exist.
 */
function summarizeStack(spec, settings, accountId) {
    const template = parseTemplate(spec.templateBody);
    const given = {};
    for (const p of spec.parameters)
        given[p.key] = p.value ?? `{{${p.key}}}`;
    const conditions = evaluateConditions(template, given, {
        region: settings.region,
        accountId: accountId ?? '{{AWS::AccountId}}',
        stackName: spec.name,
    });
    return {
        role: spec.role,
        name: spec.name,
        templateSource: spec.templateSource,
        parameters: spec.parameters,
        resources: activeResources(template, conditions),
        outputs: activeOutputs(template, conditions),
    };
}
/** Plain text for a terminal or log: one block per stack. */
function formatStackSummaries(summaries) {
    const lines = [];
    for (const s of summaries) {
        lines.push(`Stack ${s.name} (${s.role}, template: ${s.templateSource})`);
        lines.push('  Parameters:');
        for (const p of s.parameters) {
            const value = p.value !== undefined
                ? JSON.stringify(p.value)
                : `(known after deploy: ${p.knownAfterDeploy})`;
            lines.push(`    ${p.key} = ${value}`);
        }
        lines.push(`  Resources (${s.resources.length}):`);
        for (const r of s.resources)
            lines.push(`    + ${r.logicalId}  ${r.type}`);
        lines.push(`  Outputs: ${s.outputs.join(', ')}`);
        lines.push('');
    }
    return lines.join('\n');
}
/** Reads the templates and summarises both stacks as they would be created in an empty account. */
async function summarizeStacks(settings, readUserFile) {
    const templates = await readTemplates(settings, readUserFile);
    return stackSpecs(settings, templates).map((spec) => summarizeStack(spec, settings));
}

;// CONCATENATED MODULE: external "node:util"
const external_node_util_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");
;// CONCATENATED MODULE: ./src/cli/args.ts


/** The command line's commands; `plan`, `deploy` and `verify` are the action's modes. */
const COMMANDS = ['plan', 'deploy', 'verify'];
/** Raised for a command line the tool cannot understand; the CLI exits 2 with usage. */
class UsageError extends Error {
}
/**
 * Parses argv (without node and script). Every action input is a `--name value` flag, so what
 * works in a workflow works in a terminal.
 */
function parseCliArgs(argv) {
    const options = {
        help: { type: 'boolean', short: 'h' },
        offline: { type: 'boolean' },
        json: { type: 'boolean' },
    };
    // `mode` is the command itself; every other input is a string flag.
    for (const name of INPUT_NAMES)
        if (name !== 'mode')
            options[name] = { type: 'string' };
    let parsed;
    try {
        parsed = (0,external_node_util_namespaceObject.parseArgs)({ args: [...argv], options, allowPositionals: true, strict: true });
    }
    catch (error) {
        throw new UsageError(error.message);
    }
    const [command, ...rest] = parsed.positionals;
    if (rest.length > 0)
        throw new UsageError(`Unexpected argument '${rest[0]}'`);
    if (command !== undefined && !COMMANDS.includes(command)) {
        throw new UsageError(`Unknown command '${command}'; expected one of ${COMMANDS.join(', ')}`);
    }
    const inputs = {};
    for (const [key, value] of Object.entries(parsed.values)) {
        if (typeof value === 'string')
            inputs[key] = value;
    }
    const flag = (name) => parsed.values[name] === true;
    return {
        command: command,
        help: flag('help'),
        offline: flag('offline'),
        json: flag('json'),
        inputs,
    };
}
/** The usage text, listing every input flag with its default. */
function usage(defaults) {
    const flags = INPUT_NAMES.filter((n) => n !== 'mode').map((n) => {
        const d = defaults[n];
        return `  --${n} <value>${d ? `  (default: ${d})` : ''}`;
    });
    return [
        'Usage: mwaa-deploy <plan|deploy|verify> [options]',
        '',
        'Commands:',
        '  plan      show what CloudFormation would change in both stacks (never executes)',
        '  deploy    plan, then create or update the VPC and prerequisite stacks in order',
        '  verify    check the deployed stacks against what MWAA needs',
        '',
        'Options:',
        '  --offline  plan from the templates alone, without AWS (built-in example inputs',
        '             fill environment-name and aws-region when not given)',
        '  --json     machine-readable output',
        '  -h, --help this text',
        '',
        "Inputs (the same as the GitHub Action's):",
        ...flags,
        '',
        'Exit codes: 0 success, 1 failure, 2 bad command line or inputs.',
    ].join('\n');
}

;// CONCATENATED MODULE: ./src/cli/main.ts




const processIo = {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    env: process.env,
};
/** Runs the command line and returns its exit code: 0 success, 1 failure, 2 usage or inputs. */
async function main(argv, io = processIo) {
    try {
        const args = parseCliArgs(argv);
        if (args.help || args.command === undefined) {
            (args.help ? io.stdout : io.stderr)(`${usage(INPUT_DEFAULTS)}\n`);
            return args.help ? 0 : 2;
        }
        // Offline, the example inputs stand in for the two inputs without a default, so the
        // README's first command works on a fresh machine without an AWS account.
        const given = args.offline ? { ...DEFAULT_DEMO_INPUTS, ...args.inputs } : args.inputs;
        const settings = loadSettings(inputsFrom({ ...given, mode: args.command }), io.env);
        if (!args.offline) {
            io.stderr(`'${args.command}' against AWS is not available yet; use --offline.\n`);
            return 1;
        }
        const summaries = await summarizeStacks(settings);
        if (args.json) {
            io.stdout(`${JSON.stringify({ environment: settings.environmentName, region: settings.region, stacks: summaries }, null, 2)}\n`);
        }
        else {
            io.stdout(`Offline plan for MWAA environment '${settings.environmentName}' in ${settings.region} ` +
                `(key mode ${settings.keyMode}); an empty account: every resource is an addition.\n\n`);
            io.stdout(formatStackSummaries(summaries));
        }
        return 0;
    }
    catch (error) {
        io.stderr(`${errorMessage(error)}\n`);
        return error instanceof UsageError || error instanceof SettingsError ? 2 : 1;
    }
}


/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(827);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
