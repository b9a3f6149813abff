export const id = 356;
export const ids = [356];
export const modules = {

/***/ 356:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  BUCKET_OUTPUT: () => (/* reexport */ add_plan/* BUCKET_OUTPUT */.LN),
  DagDeletionLimitError: () => (/* reexport */ add_plan/* DagDeletionLimitError */._F),
  addCodePlan: () => (/* reexport */ add_plan/* addCodePlan */.sC),
  openCodeStage: () => (/* binding */ openCodeStage)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./src/settings/problems.ts
var settings_problems = __webpack_require__(1477);
;// CONCATENATED MODULE: ./src/code/checks.ts
/**
 * What the local files must be before anything is uploaded. Each check answers with the detail of
 * an `Invalid input` problem (the caller names the input), so a bad file stops the run before any
 * AWS call writes.
 */

/**
 * Our ceiling for requirements.txt. MWAA documents no byte limit; a requirements file is a list of
 * packages MWAA installs with pip at every start within its startup time, and a file over 1 MiB
 * is a wrong path (a wheel, a lock file of another tool), not a list of requirements.
 */
const REQUIREMENTS_MAX_BYTES = 1024 * 1024;
/**
 * MWAA's advice for plugins.zip (user guide, "Custom plugins directory and size limits"): under
 * 1 GB, since a larger one may not install within the startup time. Over it: a warning.
 */
const PLUGINS_ADVISED_MAX_BYTES = 1_000_000_000;
/** On MWAA, plugins.zip is unpacked here, so a requirement may name a wheel under it. */
const MWAA_LOCAL_ROOT = '/usr/local/airflow/';
/** Options that take a file or URL (pip's requirements-file format). */
const FILE_OPTIONS = /^(-r|--requirement|-c|--constraint|-e|--editable)(?:\s*=?\s*)(.*)$/;
/**
 * requirements.txt as MWAA can install it: UTF-8 text, not too large, and no reference to another
 * local file (`-r other.txt`, `-c ./constraints.txt`, `-e .`, `./dist/x.whl`): only requirements.txt
 * reaches the bucket, so such a line fails on MWAA long after the deploy. URLs and paths under
 * /usr/local/airflow/ (where plugins.zip is unpacked) are fine.
 */
function requirementsProblems(bytes) {
    if (bytes.byteLength > REQUIREMENTS_MAX_BYTES) {
        return [
            `the file is ${bytes.byteLength} bytes, over the ${REQUIREMENTS_MAX_BYTES} bytes a requirements file can sensibly be; check that the path names requirements.txt`,
        ];
    }
    const text = decodeText(bytes);
    if (text === undefined) {
        return ['the file is not UTF-8 text (or holds NUL bytes); pip reads requirements.txt as text'];
    }
    const problems = [];
    text.split(/\r?\n/).forEach((raw, i) => {
        const line = raw.replace(/(^|\s)#.*$/, '').trim();
        const option = FILE_OPTIONS.exec(line);
        const target = option ? (option[2] ?? '').replace(/^["']|["']$/g, '') : line;
        const local = option
            ? !/^[a-z][a-z0-9+.-]*:\/\//i.test(target) && !target.startsWith(MWAA_LOCAL_ROOT)
            : /^(\.{1,2}\/|file:(?!\/\/\/usr\/local\/airflow\/))/.test(target);
        if (line !== '' && local) {
            problems.push(`line ${i + 1} ${(0,settings_problems/* quote */.hD)(raw.trim())} refers to a local file, which is not uploaded with requirements.txt; use a URL, a package name, or a wheel in plugins.zip (${MWAA_LOCAL_ROOT}plugins/...)`);
        }
    });
    return problems;
}
/** The startup script: text MWAA's shell can run. */
function startupScriptProblems(bytes) {
    if (decodeText(bytes) === undefined) {
        return ['the file is not UTF-8 text (or holds NUL bytes); MWAA runs it with a shell'];
    }
    return [];
}
/** UTF-8 text without NUL bytes, or undefined. */
function decodeText(bytes) {
    if (bytes.includes(0))
        return undefined;
    try {
        return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    }
    catch {
        return undefined;
    }
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./src/code/workspace.ts
/**
 * Paths of the code inputs on disk: resolved inside the workspace only. A path is followed through
 * its links (realpath) and must still be inside the workspace, so neither `..` nor a link can make
 * the action upload a file from elsewhere on the runner (a credentials file, another checkout).
 */



/** A problem with one input's path, as the settings' problems are worded. */
class PathProblem extends Error {
    input;
    constructor(input, detail) {
        super(`Invalid input '${input}': ${detail}.`);
        this.input = input;
        this.name = 'PathProblem';
    }
}
function inside(root, path) {
    const rel = (0,external_node_path_.relative)(root, path);
    return rel === '' || (!rel.startsWith(`..${external_node_path_.sep}`) && rel !== '..' && !(0,external_node_path_.isAbsolute)(rel));
}
/** The real workspace folder (links resolved), to compare real paths with. */
async function realWorkspace(workspace) {
    return (0,promises_.realpath)(workspace);
}
/**
 * Resolves an input's path to its real path inside the workspace and checks its kind.
 * @throws PathProblem naming the input: missing, outside the workspace, or the wrong kind.
 */
async function resolveInput(input, given, workspace, realRoot, kind) {
    const path = (0,external_node_path_.resolve)(workspace, given);
    let real;
    try {
        real = await (0,promises_.realpath)(path);
    }
    catch {
        throw new PathProblem(input, `${(0,settings_problems/* quote */.hD)(given)} does not exist in the workspace (${workspace}); check the path, and that the repository is checked out (actions/checkout) before this step`);
    }
    if (!inside(realRoot, real)) {
        throw new PathProblem(input, `${(0,settings_problems/* quote */.hD)(given)} is a link that leads outside the workspace; give a path whose files are inside the repository`);
    }
    const info = await (0,promises_.stat)(real);
    if (kind === 'folder' && !info.isDirectory()) {
        throw new PathProblem(input, `${(0,settings_problems/* quote */.hD)(given)} is a file; give the folder of DAG files, e.g. dags`);
    }
    if (kind === 'file' && !info.isFile()) {
        throw new PathProblem(input, `${(0,settings_problems/* quote */.hD)(given)} is not a file; give the path of the file itself`);
    }
    return real;
}
/** Folders never uploaded: Python's byte-code caches, written when CI imports the DAGs. */
const SKIPPED_FOLDERS = new Set(['__pycache__']);
/**
 * Every file under a folder, as (path relative to it with `/`, real path), sorted by the relative
 * path. Links are followed while they stay inside the workspace; a link that leaves it is an
 * error naming the input; a folder reached twice through links is read once.
 */
async function listFolder(input, folder, realRoot) {
    const found = [];
    const seen = new Set([folder]);
    const walk = async (dir, prefix) => {
        const names = (await (0,promises_.readdir)(dir)).sort();
        for (const name of names) {
            const path = (0,external_node_path_.join)(dir, name);
            const rel = prefix === '' ? name : `${prefix}/${name}`;
            let real = path;
            let info = await (0,promises_.lstat)(path);
            if (info.isSymbolicLink()) {
                try {
                    real = await (0,promises_.realpath)(path);
                }
                catch {
                    throw new PathProblem(input, `${(0,settings_problems/* quote */.hD)(rel)} is a broken link; remove it or fix its target`);
                }
                if (!inside(realRoot, real)) {
                    throw new PathProblem(input, `${(0,settings_problems/* quote */.hD)(rel)} is a link that leads outside the workspace; replace it with the file itself`);
                }
                info = await (0,promises_.stat)(real);
            }
            if (info.isDirectory()) {
                if (SKIPPED_FOLDERS.has(name) || seen.has(real))
                    continue;
                seen.add(real);
                await walk(real, rel);
            }
            else if (info.isFile()) {
                found.push({ rel, real });
            }
        }
    };
    await walk(folder, '');
    return found.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
}

// EXTERNAL MODULE: ./node_modules/fflate/esm/index.mjs
var esm = __webpack_require__(1306);
;// CONCATENATED MODULE: ./src/code/zip.ts
/**
 * Zips: a folder zipped deterministically (the same files give the same bytes, so an unchanged
 * plugins folder never looks changed), and the entries of a zip read from its central directory
 * alone (PKWARE APPNOTE 4.3.12-4.3.16, with the ZIP64 records of 4.3.14-4.3.15), so the plan can
 * compare a bucket's plugins.zip with the local one by reading only its last bytes.
 */

/** Raised when bytes that should be a zip are not one. */
class NotAZipError extends Error {
}
// DOS times start in 1980. fflate writes the Date's local-time fields, so a Date built from local
// fields gives the same bytes in every time zone.
const FIXED_TIME = new Date(1980, 0, 1, 0, 0, 0);
const UNIX = 3;
const FILE_MODE = 0o100644 << 16;
/**
 * Zips files given as (path relative to the folder, with `/`) \u2192 bytes: entries sorted by path
 * (byte order), every time 1980-01-01 00:00, mode 0644, Unix as the origin, deflate level 6.
 */
function deterministicZip(files) {
    const tree = {};
    const names = [...files.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const name of names) {
        tree[name] = [files.get(name), { mtime: FIXED_TIME, os: UNIX, attrs: FILE_MODE, level: 6 }];
    }
    return (0,esm/* zipSync */.L)(tree, { mtime: FIXED_TIME });
}
const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL_HEADER = 0x02014b50;
/** The end record is 22 bytes, followed by a comment of at most 65,535. */
const TAIL = 22 + 0xffff;
/** The entries of a zip of `size` bytes, from its central directory only. */
async function readZipEntries(read, size) {
    if (size < 22)
        throw new NotAZipError(`${size} bytes is too short for a zip`);
    const tailStart = Math.max(0, size - TAIL);
    const tail = view(await read(tailStart, size - tailStart));
    let at = -1;
    for (let i = tail.byteLength - 22; i >= 0; i--) {
        if (tail.getUint32(i, true) === EOCD) {
            at = i;
            break;
        }
    }
    if (at < 0)
        throw new NotAZipError('no end of central directory record');
    let count = tail.getUint16(at + 10, true);
    let cdSize = tail.getUint32(at + 12, true);
    let cdOffset = tail.getUint32(at + 16, true);
    if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
        const locator = at - 20;
        if (locator < 0 || tail.getUint32(locator, true) !== ZIP64_LOCATOR) {
            throw new NotAZipError('ZIP64 sizes without a ZIP64 locator');
        }
        const recordAt = Number(tail.getBigUint64(locator + 8, true));
        const record = view(await read(recordAt, 56));
        if (record.getUint32(0, true) !== ZIP64_EOCD)
            throw new NotAZipError('bad ZIP64 end record');
        count = Number(record.getBigUint64(32, true));
        cdSize = Number(record.getBigUint64(40, true));
        cdOffset = Number(record.getBigUint64(48, true));
    }
    if (cdOffset + cdSize > size)
        throw new NotAZipError('the central directory lies past the end');
    const cd = cdOffset >= tailStart && cdOffset + cdSize <= size
        ? new DataView(tail.buffer, tail.byteOffset + cdOffset - tailStart, cdSize)
        : view(await read(cdOffset, cdSize));
    return parseCentralDirectory(cd, count);
}
function parseCentralDirectory(cd, count) {
    const entries = [];
    const decoder = new TextDecoder();
    let p = 0;
    for (let n = 0; n < count; n++) {
        if (p + 46 > cd.byteLength || cd.getUint32(p, true) !== CENTRAL_HEADER) {
            throw new NotAZipError(`central directory entry ${n + 1} of ${count} is damaged`);
        }
        const crc32 = cd.getUint32(p + 16, true);
        let size = cd.getUint32(p + 24, true);
        const nameLength = cd.getUint16(p + 28, true);
        const extraLength = cd.getUint16(p + 30, true);
        const commentLength = cd.getUint16(p + 32, true);
        const nameBytes = new Uint8Array(cd.buffer, cd.byteOffset + p + 46, nameLength);
        const name = decoder.decode(nameBytes);
        if (size === 0xffffffff)
            size = zip64Size(cd, p + 46 + nameLength, extraLength) ?? size;
        p += 46 + nameLength + extraLength + commentLength;
        // Folders are entries too; their content is their files.
        if (!name.endsWith('/'))
            entries.push({ name, crc32, size });
    }
    return entries;
}
/** The uncompressed size from a ZIP64 extended-information extra field (ID 0x0001). */
function zip64Size(cd, start, length) {
    for (let p = start; p + 4 <= start + length;) {
        const id = cd.getUint16(p, true);
        const size = cd.getUint16(p + 2, true);
        if (id === 0x0001 && size >= 8)
            return Number(cd.getBigUint64(p + 4, true));
        p += 4 + size;
    }
    return undefined;
}
function view(bytes) {
    return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
/** Entries of two zips compared by name, then CRC-32 and size; each list sorted. */
function diffEntries(before, after) {
    const old = new Map(before.map((e) => [e.name, e]));
    const now = new Map(after.map((e) => [e.name, e]));
    const added = [];
    const changed = [];
    for (const [name, e] of now) {
        const o = old.get(name);
        if (!o)
            added.push(name);
        else if (o.crc32 !== e.crc32 || o.size !== e.size)
            changed.push(name);
    }
    const removed = [...old.keys()].filter((name) => !now.has(name));
    return { added: added.sort(), changed: changed.sort(), removed: removed.sort() };
}

;// CONCATENATED MODULE: ./src/code/local.ts
/**
 * The release-time code as it is in the workspace: every DAG file hashed (bodies are not kept;
 * they are read again when uploaded), requirements.txt, the plugins zip (made from a folder when
 * a folder is given) and the startup script. Every input is checked and every problem reported
 * at once, before anything touches AWS.
 */






function digest(bytes) {
    return {
        size: bytes.byteLength,
        sha256: (0,external_node_crypto_.createHash)('sha256').update(bytes).digest('base64'),
        md5: (0,external_node_crypto_.createHash)('md5').update(bytes).digest('hex'),
    };
}
/** S3 keys are at most 1,024 bytes of UTF-8. */
const MAX_KEY_BYTES = 1024;
/**
 * Reads and checks the code inputs.
 * @throws SettingsError listing every problem, each naming its input.
 */
async function readLocalCode(code) {
    const problems = [];
    const realRoot = await realWorkspace(code.workspace);
    const attempt = async (input, fn) => {
        const given = code.paths[input];
        if (given === undefined)
            return undefined;
        try {
            return await fn(given);
        }
        catch (error) {
            if (!(error instanceof PathProblem))
                throw error;
            problems.push({ input: error.input, message: error.message });
            return undefined;
        }
    };
    const file = async (input, given, check) => {
        const real = await resolveInput(input, given, code.workspace, realRoot, 'file');
        const bytes = await (0,promises_.readFile)(real);
        const found = check?.(bytes) ?? [];
        if (found.length > 0) {
            for (const detail of found)
                problems.push(invalid(input, `${(0,settings_problems/* quote */.hD)(given)}: ${detail}`));
            return undefined;
        }
        return { bytes, ...digest(bytes) };
    };
    const dags = await attempt('dags-path', async (given) => {
        const folder = await resolveInput('dags-path', given, code.workspace, realRoot, 'folder');
        const files = [];
        for (const f of await listFolder('dags-path', folder, realRoot)) {
            if (Buffer.byteLength(code.dagPrefix + f.rel) > MAX_KEY_BYTES) {
                throw new PathProblem('dags-path', `${(0,settings_problems/* quote */.hD)(f.rel)} makes an S3 key over 1,024 bytes`);
            }
            files.push({ rel: f.rel, real: f.real, ...digest(await (0,promises_.readFile)(f.real)) });
        }
        return { folder, files };
    });
    const requirements = await attempt('requirements-path', (given) => file('requirements-path', given, requirementsProblems));
    const startupScript = await attempt('startup-script-path', (given) => file('startup-script-path', given, startupScriptProblems));
    const plugins = await attempt('plugins-path', (given) => readPlugins(given, code, realRoot));
    if (problems.length > 0)
        throw new settings_problems/* SettingsError */.GN(problems);
    return {
        ...(dags && { dags }),
        ...(requirements && { requirements }),
        ...(plugins && { plugins }),
        ...(startupScript && { startupScript }),
    };
}
/** A `.zip` file as it is (checked to be a zip), or a folder zipped deterministically. */
async function readPlugins(given, code, realRoot) {
    const input = 'plugins-path';
    let real;
    try {
        real = await resolveInput(input, given, code.workspace, realRoot, 'folder');
    }
    catch (error) {
        if (!(error instanceof PathProblem) || !/is a file/.test(error.message))
            throw error;
        real = await resolveInput(input, given, code.workspace, realRoot, 'file');
        const bytes = new Uint8Array(await (0,promises_.readFile)(real));
        try {
            const entries = await readZipEntries(async (s, n) => bytes.subarray(s, s + n), bytes.length);
            return { bytes, ...digest(bytes), source: 'zip', entries };
        }
        catch (e) {
            if (!(e instanceof NotAZipError))
                throw e;
            throw new PathProblem(input, `${(0,settings_problems/* quote */.hD)(given)} is not a zip (${e.message}); give a .zip file, or the plugins folder to have it zipped`);
        }
    }
    const files = new Map();
    for (const f of await listFolder(input, real, realRoot)) {
        files.set(f.rel, new Uint8Array(await (0,promises_.readFile)(f.real)));
    }
    const bytes = deterministicZip(files);
    const entries = await readZipEntries(async (s, n) => bytes.subarray(s, s + n), bytes.length);
    return { bytes, ...digest(bytes), source: 'folder', entries };
}
function invalid(input, detail) {
    return { input, message: `Invalid input '${input}': ${detail}.` };
}

// EXTERNAL MODULE: ./node_modules/diff/libesm/diff/array.js + 1 modules
var array = __webpack_require__(8965);
;// CONCATENATED MODULE: ./src/code/compare.ts
const PLAIN_MD5 = /^[0-9a-f]{32}$/;
/** The verdict the listing alone allows. */
function compareListed(local, remote) {
    if (remote.size !== local.size)
        return 'changed';
    if (PLAIN_MD5.test(remote.etag) && remote.etag === local.md5)
        return 'same';
    return 'ask-head';
}
/** The verdict once the object's head (its stored checksum and encryption) is known. */
function compareHeaded(local, remote) {
    if (remote.size !== local.size)
        return 'changed';
    if (remote.sha256 !== undefined)
        return remote.sha256 === local.sha256 ? 'same' : 'changed';
    const etagIsMd5 = PLAIN_MD5.test(remote.etag) &&
        (remote.encryption === undefined || remote.encryption === 'AES256');
    return etagIsMd5 && remote.etag === local.md5 ? 'same' : 'changed';
}
/** Runs `fn` over `items` with at most `limit` calls at once, keeping the order of results. */
async function mapLimit(items, limit, fn) {
    const results = new Array(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const i = next++;
            results[i] = await fn(items[i]);
        }
    };
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
    return results;
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-s3/dist-cjs/index.js
var dist_cjs = __webpack_require__(3711);
// EXTERNAL MODULE: ./src/cfn/errors.ts
var errors = __webpack_require__(4058);
;// CONCATENATED MODULE: ./src/code/remote.ts
/**
 * What the bucket holds, read without downloading object bodies for the comparison: one listing
 * of the DAG prefix (ListObjectsV2, every page), HeadObject with ChecksumMode ENABLED (S3 returns
 * the stored SHA-256 only then), and ranged GETs for the two things a reviewer reads (the old
 * requirements.txt for its line diff, the old plugins.zip's central directory for its entries).
 */


/** Every object under `prefix`, by key, and the number of pages read. */
async function listPrefix(s3, bucket, prefix) {
    const objects = new Map();
    let token;
    let pages = 0;
    do {
        let out;
        try {
            out = await s3.send(new dist_cjs.ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }));
        }
        catch (error) {
            throw (0,errors/* wrapAwsError */.AH)(`Could not list s3://${bucket}/${prefix}`, error);
        }
        pages++;
        for (const o of out.Contents ?? []) {
            if (!o.Key)
                continue;
            objects.set(o.Key, { key: o.Key, size: o.Size ?? 0, etag: unquote(o.ETag) });
        }
        token = out.IsTruncated ? out.NextContinuationToken : undefined;
    } while (token);
    return { objects, pages };
}
/** The object's metadata with its stored checksum; undefined when there is no such object. */
async function headObject(s3, bucket, key) {
    try {
        const out = await s3.send(new dist_cjs.HeadObjectCommand({ Bucket: bucket, Key: key, ChecksumMode: 'ENABLED' }));
        return {
            key,
            size: out.ContentLength ?? 0,
            etag: unquote(out.ETag),
            // A COMPOSITE checksum (multipart upload) is not the SHA-256 of the object: `xxx-3`.
            ...(out.ChecksumSHA256 &&
                !out.ChecksumSHA256.includes('-') &&
                out.ChecksumType !== 'COMPOSITE'
                ? { sha256: out.ChecksumSHA256 }
                : {}),
            ...(out.VersionId && out.VersionId !== 'null' ? { versionId: out.VersionId } : {}),
            ...(out.ServerSideEncryption ? { encryption: out.ServerSideEncryption } : {}),
        };
    }
    catch (error) {
        // HEAD answers have no body: a missing key is a bare 404 (NotFound).
        if ((0,errors/* awsErrorName */.ZH)(error) === 'NotFound' || (0,errors/* awsErrorName */.ZH)(error) === 'NoSuchKey')
            return undefined;
        throw (0,errors/* wrapAwsError */.AH)(`Could not read s3://${bucket}/${key}`, error);
    }
}
/** `length` bytes of one version of an object from `start` (a ranged GET). */
async function readRange(s3, target, start, length) {
    try {
        const out = await s3.send(new dist_cjs.GetObjectCommand({
            Bucket: target.bucket,
            Key: target.key,
            VersionId: target.versionId,
            Range: `bytes=${start}-${start + length - 1}`,
        }));
        return (await out.Body?.transformToByteArray()) ?? new Uint8Array();
    }
    catch (error) {
        throw (0,errors/* wrapAwsError */.AH)(`Could not read s3://${target.bucket}/${target.key}`, error);
    }
}
function unquote(etag) {
    return (etag ?? '').replace(/^(W\/)?"|"$/g, '');
}

;// CONCATENATED MODULE: ./src/code/plan.ts
/**
 * The code plan: the workspace's files against the bucket, file by file. Reads only (one listing
 * of the DAG prefix, HeadObject where the listing cannot decide, ranged reads for the diffs of
 * requirements.txt and plugins.zip) and writes nothing. Its actions are what sync executes.
 */






/** The fixed keys of the files MWAA takes by object version, at the bucket's root. */
const ROOT_KEYS = {
    requirements: 'requirements.txt',
    plugins: 'plugins.zip',
    startupScript: 'startup.sh',
};
/** Concurrent HeadObject calls at most. */
const HEAD_CONCURRENCY = 16;
/**
 * Plans the code against `bucket`, or against a bucket the prerequisite stack has yet to create
 * (undefined: everything is added, nothing is read).
 */
async function planCode(input) {
    const { s3, bucket, settings, local } = input;
    const uploads = [];
    const deletes = [];
    let heads = 0;
    let listPages = 0;
    const head = async (key) => {
        if (bucket === undefined)
            return undefined;
        heads++;
        return headObject(s3, bucket, key);
    };
    let dags;
    if (local.dags) {
        const prefix = settings.dagPrefix;
        const listed = bucket ? await listPrefix(s3, bucket, prefix) : { objects: new Map(), pages: 0 };
        listPages += listed.pages;
        const verdicts = await mapLimit(local.dags.files, HEAD_CONCURRENCY, async (f) => {
            const remote = listed.objects.get(prefix + f.rel);
            if (!remote)
                return 'added';
            const first = compareListed(f, remote);
            if (first !== 'ask-head')
                return first;
            const headed = await head(prefix + f.rel);
            return headed ? compareHeaded(f, headed) : 'added';
        });
        const added = [];
        const changed = [];
        local.dags.files.forEach((f, i) => {
            const verdict = verdicts[i];
            if (verdict === 'same')
                return;
            (verdict === 'added' ? added : changed).push(f.rel);
            uploads.push({ key: prefix + f.rel, sha256: f.sha256, source: { path: f.real } });
        });
        const localKeys = new Set(local.dags.files.map((f) => prefix + f.rel));
        // Folder markers (`dags/sub/`, made by the console) are not files: left alone.
        const remoteFiles = [...listed.objects.keys()].filter((k) => !k.endsWith('/'));
        for (const key of remoteFiles)
            if (!localKeys.has(key))
                deletes.push(key);
        deletes.sort();
        dags = {
            prefix,
            added,
            changed,
            removed: deletes.map((k) => k.slice(prefix.length)),
            unchanged: local.dags.files.length - added.length - changed.length,
            remoteCount: remoteFiles.length,
        };
    }
    const single = async (root, file) => {
        const key = ROOT_KEYS[root];
        const current = await head(key);
        const status = !current
            ? 'added'
            : compareHeaded(file, current) === 'same'
                ? 'unchanged'
                : 'changed';
        if (status !== 'unchanged')
            uploads.push({ key, sha256: file.sha256, source: { bytes: file.bytes }, root });
        const plan = {
            key,
            status,
            ...(current?.versionId && { currentVersion: current.versionId }),
        };
        return { plan, current };
    };
    const [requirements, plugins, startupScript] = await Promise.all([
        local.requirements && single('requirements', local.requirements),
        local.plugins && single('plugins', local.plugins),
        local.startupScript && single('startupScript', local.startupScript),
    ]);
    const warnings = [];
    const overDeletionLimit = dags && deletionProblem(dags, settings);
    if (overDeletionLimit)
        warnings.push(overDeletionLimit);
    const plan = {
        ...(bucket !== undefined && { bucket }),
        newBucket: bucket === undefined,
        ...(dags && { dags }),
        ...(requirements &&
            local.requirements && {
            requirements: {
                ...requirements.plan,
                ...(await requirementLines(s3, bucket, requirements, local.requirements.bytes)),
            },
        }),
        ...(plugins &&
            local.plugins && {
            plugins: {
                ...plugins.plan,
                source: local.plugins.source,
                ...(await pluginEntries(s3, bucket, plugins, local.plugins.entries)),
            },
        }),
        ...(startupScript && { startupScript: startupScript.plan }),
        cost: { listPages, heads },
        localDigest: localDigest(settings, local),
        warnings,
    };
    return { plan, uploads, deletes, ...(overDeletionLimit && { overDeletionLimit }) };
}
/** SHA-256 over every local file's key and SHA-256, in key order. */
function localDigest(settings, local) {
    const hash = (0,external_node_crypto_.createHash)('sha256');
    for (const f of local.dags?.files ?? [])
        hash.update(`${settings.dagPrefix}${f.rel}\0${f.sha256}\n`);
    for (const root of ['requirements', 'plugins', 'startupScript']) {
        const file = local[root];
        if (file)
            hash.update(`${ROOT_KEYS[root]}\0${file.sha256}\n`);
    }
    return hash.digest('hex');
}
/** The message refusing the deletions, or undefined when they are within dag-deletion-limit. */
function deletionProblem(dags, settings) {
    const n = dags.removed.length;
    const limit = settings.dagDeletionLimit;
    const allowed = limit.kind === 'count' ? limit.value : Math.floor((dags.remoteCount * limit.value) / 100);
    if (n === 0 || n <= allowed)
        return undefined;
    const what = limit.kind === 'count' ? `${limit.value}` : `${limit.value}% of ${dags.remoteCount}`;
    return (`The deploy would delete ${n} of the ${dags.remoteCount} DAG objects under ${dags.prefix}, more than dag-deletion-limit allows (${what}). ` +
        'Check that dags-path names the right folder; if the deletions are intended, raise dag-deletion-limit (100% allows any).');
}
/** Requirement lines: a line diff of the old and new file, blank lines and comments left out. */
async function requirementLines(s3, bucket, planned, bytes) {
    const lines = (text) => text
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter((l) => l !== '' && !l.startsWith('#'));
    const now = lines(decodeText(bytes) ?? '');
    const { current } = planned;
    if (planned.plan.status === 'unchanged')
        return { addedLines: [], removedLines: [] };
    if (!bucket || !current)
        return { addedLines: now, removedLines: [] };
    let before;
    if (current.size <= REQUIREMENTS_MAX_BYTES) {
        const old = current.size === 0
            ? new Uint8Array()
            : await readRange(s3, { bucket, key: current.key, versionId: current.versionId }, 0, current.size);
        before = decodeText(old);
    }
    if (before === undefined)
        return { addedLines: now, removedLines: [], previousUnread: true };
    const addedLines = [];
    const removedLines = [];
    for (const part of (0,array/* diffArrays */.E)(lines(before), now)) {
        if (part.added)
            addedLines.push(...part.value);
        else if (part.removed)
            removedLines.push(...part.value);
    }
    return { addedLines, removedLines };
}
/** The zip's entries against the bucket's plugins.zip, read from its central directory. */
async function pluginEntries(s3, bucket, planned, entries) {
    const none = { addedEntries: [], changedEntries: [], removedEntries: [] };
    if (planned.plan.status === 'unchanged')
        return none;
    const { current } = planned;
    if (!bucket || !current)
        return { ...none, addedEntries: entries.map((e) => e.name).sort() };
    try {
        const target = { bucket, key: current.key, versionId: current.versionId };
        const before = await readZipEntries((s, n) => readRange(s3, target, s, n), current.size);
        const d = diffEntries(before, entries);
        return { addedEntries: d.added, changedEntries: d.changed, removedEntries: d.removed };
    }
    catch (error) {
        if (!(error instanceof NotAZipError))
            throw error;
        return { ...none, addedEntries: entries.map((e) => e.name).sort(), previousUnread: true };
    }
}

;// CONCATENATED MODULE: ./src/code/sync.ts
/**
 * Executes a code plan: uploads what changed (each PutObject carries the file's SHA-256, which S3
 * checks against the body and stores, so the next plan reads it back), then deletes the DAG
 * objects whose files are gone, only under the DAG prefix, never any other key. The bucket is
 * versioned: a deletion leaves a delete marker, and the old versions stay.
 */




const VERSION_FIELD = {
    requirements: 'requirementsVersion',
    plugins: 'pluginsVersion',
    startupScript: 'startupScriptVersion',
};
const UPLOAD_CONCURRENCY = 8;
/** DeleteObjects takes at most 1,000 keys per request (S3 API reference). */
const DELETE_BATCH = 1000;
async function syncCode(s3, bucket, planned, log) {
    const { plan } = planned;
    if (planned.deletes.some((k) => !plan.dags || !k.startsWith(plan.dags.prefix))) {
        // A bug guard: the plan only ever lists keys under the prefix.
        throw new Error('Refusing to delete a key outside the DAG prefix.');
    }
    const versions = {};
    for (const root of ['requirements', 'plugins', 'startupScript']) {
        const current = plan[root]?.currentVersion;
        if (current)
            versions[VERSION_FIELD[root]] = current;
    }
    await mapLimit(planned.uploads, UPLOAD_CONCURRENCY, async (u) => {
        const body = 'bytes' in u.source ? u.source.bytes : await (0,promises_.readFile)(u.source.path);
        try {
            const out = await s3.send(new dist_cjs.PutObjectCommand({
                Bucket: bucket,
                Key: u.key,
                Body: body,
                ChecksumAlgorithm: 'SHA256',
                ChecksumSHA256: u.sha256,
            }));
            if (u.root && out.VersionId && out.VersionId !== 'null') {
                versions[VERSION_FIELD[u.root]] = out.VersionId;
            }
        }
        catch (error) {
            throw (0,errors/* wrapAwsError */.AH)(`Could not upload s3://${bucket}/${u.key}`, error);
        }
    });
    if (planned.uploads.length > 0) {
        log.info(`Uploaded ${planned.uploads.length} objects to s3://${bucket}/.`);
    }
    for (let i = 0; i < planned.deletes.length; i += DELETE_BATCH) {
        const batch = planned.deletes.slice(i, i + DELETE_BATCH);
        let out;
        try {
            out = await s3.send(new dist_cjs.DeleteObjectsCommand({
                Bucket: bucket,
                Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true },
            }));
        }
        catch (error) {
            throw (0,errors/* wrapAwsError */.AH)(`Could not delete ${batch.length} DAG objects in s3://${bucket}`, error);
        }
        // DeleteObjects answers 200 and lists the keys it could not delete.
        const failed = out.Errors ?? [];
        if (failed.length > 0) {
            const first = failed[0];
            throw new Error(`Could not delete ${failed.length} DAG objects in s3://${bucket} (${first?.Key}: ${first?.Code} ${first?.Message}).`);
        }
    }
    if (planned.deletes.length > 0) {
        log.info(`Deleted ${planned.deletes.length} DAG objects under s3://${bucket}/${plan.dags?.prefix}.`);
    }
    return {
        bucket,
        uploaded: planned.uploads.length,
        deleted: planned.deletes.length,
        dags: {
            added: plan.dags?.added.length ?? 0,
            changed: plan.dags?.changed.length ?? 0,
            removed: plan.dags?.removed.length ?? 0,
        },
        changedDags: [...(plan.dags?.added ?? []), ...(plan.dags?.changed ?? [])],
        versions,
    };
}

// EXTERNAL MODULE: ./src/code/add-plan.ts
var add_plan = __webpack_require__(5400);
;// CONCATENATED MODULE: ./src/code/stage.ts





/**
 * Reads and checks the code inputs; undefined when none is set.
 * @throws SettingsError naming each input whose files are missing, of the wrong kind, outside
 *   the workspace, or not what MWAA takes.
 */
async function openCodeStage(settings, s3, log) {
    const code = settings.code;
    if (!code)
        return undefined;
    const local = await readLocalCode(code);
    let planned;
    const bucketOf = (outputs) => outputs?.[add_plan/* BUCKET_OUTPUT */.LN] || undefined;
    const stage = {
        async plan(outputs) {
            planned = await planCode({ s3, bucket: bucketOf(outputs), settings: code, local });
            const { cost } = planned.plan;
            log.info(planned.plan.bucket
                ? `Compared the code with s3://${planned.plan.bucket}/ (${cost.listPages} listing pages, ${cost.heads} HeadObject calls).`
                : 'The bucket does not exist yet: every code file will be uploaded once the prerequisite stack has created it.');
            return planned.plan;
        },
        assertSafe() {
            if (planned?.overDeletionLimit)
                throw new add_plan/* DagDeletionLimitError */._F(planned.overDeletionLimit);
        },
        async sync(outputs) {
            const bucket = bucketOf(outputs);
            if (!bucket) {
                throw new Error(`The prerequisite stack has no ${add_plan/* BUCKET_OUTPUT */.LN} output, so the code has no bucket to go to.`);
            }
            if (!planned || planned.plan.bucket !== bucket) {
                planned = await planCode({ s3, bucket, settings: code, local });
                stage.assertSafe();
            }
            return syncCode(s3, bucket, planned, log);
        },
    };
    return stage;
}


/***/ })

};
