/**
 * The code plan: the workspace's files against the bucket, file by file. Reads only (one listing
 * of the DAG prefix, HeadObject where the listing cannot decide, ranged reads for the diffs of
 * requirements.txt and plugins.zip) and writes nothing. Its actions are what sync executes.
 */
import { createHash } from 'node:crypto';
import { diffArrays } from 'diff';
import type { CodePlan, DagsPlan, SingleFilePlan } from '../plan/code-model.js';
import type { CodeSettings } from '../settings/code.js';
import { decodeText, REQUIREMENTS_MAX_BYTES } from './checks.js';
import { compareHeaded, compareListed, mapLimit } from './compare.js';
import type { Digest, LocalCode } from './local.js';
import { headObject, listPrefix, readRange } from './remote.js';
import type { HeadedObject, S3 } from './remote.js';
import { diffEntries, NotAZipError, readZipEntries } from './zip.js';

/** The fixed keys of the files MWAA takes by object version, at the bucket's root. */
export const ROOT_KEYS = {
  requirements: 'requirements.txt',
  plugins: 'plugins.zip',
  startupScript: 'startup.sh',
} as const;
export type RootFile = keyof typeof ROOT_KEYS;

/** One object to write: a DAG file read from disk at upload, or a root file held in memory. */
export interface Upload {
  readonly key: string;
  readonly sha256: string;
  readonly source: { readonly path: string } | { readonly bytes: Uint8Array };
  readonly root?: RootFile;
}

export interface PlannedCode {
  readonly plan: CodePlan;
  readonly uploads: readonly Upload[];
  /** DAG keys to delete, all under the DAG prefix. */
  readonly deletes: readonly string[];
  /** Set when the deletions exceed dag-deletion-limit: the message refusing them. */
  readonly overDeletionLimit?: string;
}

/** Concurrent HeadObject calls at most. */
const HEAD_CONCURRENCY = 16;

/**
 * Plans the code against `bucket`, or against a bucket the prerequisite stack has yet to create
 * (undefined: everything is added, nothing is read).
 */
export async function planCode(input: {
  readonly s3: S3;
  readonly bucket: string | undefined;
  readonly settings: CodeSettings;
  readonly local: LocalCode;
}): Promise<PlannedCode> {
  const { s3, bucket, settings, local } = input;
  const uploads: Upload[] = [];
  const deletes: string[] = [];
  let heads = 0;
  let listPages = 0;
  const head = async (key: string): Promise<HeadedObject | undefined> => {
    if (bucket === undefined) return undefined;
    heads++;
    return headObject(s3, bucket, key);
  };

  let dags: DagsPlan | undefined;
  if (local.dags) {
    const prefix = settings.dagPrefix;
    const listed = bucket ? await listPrefix(s3, bucket, prefix) : { objects: new Map(), pages: 0 };
    listPages += listed.pages;
    const verdicts = await mapLimit(local.dags.files, HEAD_CONCURRENCY, async (f) => {
      const remote = listed.objects.get(prefix + f.rel);
      if (!remote) return 'added' as const;
      const first = compareListed(f, remote);
      if (first !== 'ask-head') return first;
      const headed = await head(prefix + f.rel);
      return headed ? compareHeaded(f, headed) : ('added' as const);
    });
    const added: string[] = [];
    const changed: string[] = [];
    local.dags.files.forEach((f, i) => {
      const verdict = verdicts[i];
      if (verdict === 'same') return;
      (verdict === 'added' ? added : changed).push(f.rel);
      uploads.push({ key: prefix + f.rel, sha256: f.sha256, source: { path: f.real } });
    });
    const localKeys = new Set(local.dags.files.map((f) => prefix + f.rel));
    // Folder markers (`dags/sub/`, made by the console) are not files: left alone.
    const remoteFiles = [...listed.objects.keys()].filter((k) => !k.endsWith('/'));
    for (const key of remoteFiles) if (!localKeys.has(key)) deletes.push(key);
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

  const single = async (root: RootFile, file: Digest & { bytes: Uint8Array }) => {
    const key = ROOT_KEYS[root];
    const current = await head(key);
    const status = !current
      ? 'added'
      : compareHeaded(file, current) === 'same'
        ? 'unchanged'
        : 'changed';
    if (status !== 'unchanged')
      uploads.push({ key, sha256: file.sha256, source: { bytes: file.bytes }, root });
    const plan: SingleFilePlan = {
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

  const warnings: string[] = [];
  const overDeletionLimit = dags && deletionProblem(dags, settings);
  if (overDeletionLimit) warnings.push(overDeletionLimit);
  const plan: CodePlan = {
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
function localDigest(settings: CodeSettings, local: LocalCode): string {
  const hash = createHash('sha256');
  for (const f of local.dags?.files ?? [])
    hash.update(`${settings.dagPrefix}${f.rel}\0${f.sha256}\n`);
  for (const root of ['requirements', 'plugins', 'startupScript'] as const) {
    const file = local[root];
    if (file) hash.update(`${ROOT_KEYS[root]}\0${file.sha256}\n`);
  }
  return hash.digest('hex');
}

/** The message refusing the deletions, or undefined when they are within dag-deletion-limit. */
function deletionProblem(dags: DagsPlan, settings: CodeSettings): string | undefined {
  const n = dags.removed.length;
  const limit = settings.dagDeletionLimit;
  const allowed =
    limit.kind === 'count' ? limit.value : Math.floor((dags.remoteCount * limit.value) / 100);
  if (n === 0 || n <= allowed) return undefined;
  const what = limit.kind === 'count' ? `${limit.value}` : `${limit.value}% of ${dags.remoteCount}`;
  return (
    `The deploy would delete ${n} of the ${dags.remoteCount} DAG objects under ${dags.prefix}, more than dag-deletion-limit allows (${what}). ` +
    'Check that dags-path names the right folder; if the deletions are intended, raise dag-deletion-limit (100% allows any).'
  );
}

type Planned = { plan: SingleFilePlan; current: HeadedObject | undefined };

/** Requirement lines: a line diff of the old and new file, blank lines and comments left out. */
async function requirementLines(
  s3: S3,
  bucket: string | undefined,
  planned: Planned,
  bytes: Uint8Array,
) {
  const lines = (text: string) =>
    text
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l !== '' && !l.startsWith('#'));
  const now = lines(decodeText(bytes) ?? '');
  const { current } = planned;
  if (planned.plan.status === 'unchanged') return { addedLines: [], removedLines: [] };
  if (!bucket || !current) return { addedLines: now, removedLines: [] };
  let before: string | undefined;
  if (current.size <= REQUIREMENTS_MAX_BYTES) {
    const old =
      current.size === 0
        ? new Uint8Array()
        : await readRange(
            s3,
            { bucket, key: current.key, versionId: current.versionId },
            0,
            current.size,
          );
    before = decodeText(old);
  }
  if (before === undefined) return { addedLines: now, removedLines: [], previousUnread: true };
  const addedLines: string[] = [];
  const removedLines: string[] = [];
  for (const part of diffArrays(lines(before), now)) {
    if (part.added) addedLines.push(...part.value);
    else if (part.removed) removedLines.push(...part.value);
  }
  return { addedLines, removedLines };
}

/** The zip's entries against the bucket's plugins.zip, read from its central directory. */
async function pluginEntries(
  s3: S3,
  bucket: string | undefined,
  planned: Planned,
  entries: readonly { name: string; crc32: number; size: number }[],
) {
  const none = { addedEntries: [], changedEntries: [], removedEntries: [] };
  if (planned.plan.status === 'unchanged') return none;
  const { current } = planned;
  if (!bucket || !current) return { ...none, addedEntries: entries.map((e) => e.name).sort() };
  try {
    const target = { bucket, key: current.key, versionId: current.versionId };
    const before = await readZipEntries((s, n) => readRange(s3, target, s, n), current.size);
    const d = diffEntries(before, entries);
    return { addedEntries: d.added, changedEntries: d.changed, removedEntries: d.removed };
  } catch (error) {
    if (!(error instanceof NotAZipError)) throw error;
    return { ...none, addedEntries: entries.map((e) => e.name).sort(), previousUnread: true };
  }
}
