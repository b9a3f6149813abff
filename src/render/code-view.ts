/**
 * What both renderers say about the release-time code, as plain (unescaped) text. A plan file can
 * come from anywhere, so the code part is first made safe: lists are lists of bounded strings,
 * statuses one of theirs.
 */
import type {
  CodePlan,
  PluginsPlan,
  RequirementsPlan,
  SingleFilePlan,
} from '../plan/code-model.js';
import { truncate } from './escape.js';

const NAME_MAX = 1_100;
const STATUSES = ['added', 'changed', 'unchanged'] as const;

const names = (value: unknown): string[] =>
  Array.isArray(value) ? value.map((v) => truncate(String(v), NAME_MAX)) : [];
const count = (value: unknown): number =>
  typeof value === 'number' && Number.isFinite(value) ? value : 0;

function single<T extends SingleFilePlan>(f: T | undefined): T | undefined {
  if (!f || typeof f !== 'object') return undefined;
  const status = STATUSES.includes(f.status) ? f.status : 'changed';
  return {
    ...f,
    key: truncate(String(f.key), NAME_MAX),
    status,
    ...(f.currentVersion !== undefined && {
      currentVersion: truncate(String(f.currentVersion), 200),
    }),
  };
}

/** The code plan with every field of the expected shape (or undefined when there is none). */
export function normalizeCode(code: CodePlan | undefined): CodePlan | undefined {
  if (!code || typeof code !== 'object') return undefined;
  const requirements = single<RequirementsPlan>(code.requirements);
  const plugins = single<PluginsPlan>(code.plugins);
  return {
    ...(code.bucket !== undefined && { bucket: truncate(String(code.bucket), 200) }),
    newBucket: code.newBucket === true,
    ...(code.dags && {
      dags: {
        prefix: truncate(String(code.dags.prefix), NAME_MAX),
        added: names(code.dags.added),
        changed: names(code.dags.changed),
        removed: names(code.dags.removed),
        unchanged: count(code.dags.unchanged),
        remoteCount: count(code.dags.remoteCount),
      },
    }),
    ...(requirements && {
      requirements: {
        ...requirements,
        addedLines: names(requirements.addedLines),
        removedLines: names(requirements.removedLines),
      },
    }),
    ...(plugins && {
      plugins: {
        ...plugins,
        source: plugins.source === 'zip' ? 'zip' : 'folder',
        addedEntries: names(plugins.addedEntries),
        changedEntries: names(plugins.changedEntries),
        removedEntries: names(plugins.removedEntries),
      },
    }),
    ...(code.startupScript && { startupScript: single(code.startupScript) }),
    cost: { listPages: count(code.cost?.listPages), heads: count(code.cost?.heads) },
    warnings: names(code.warnings).map((w) => truncate(w, 2_000)),
  };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Where the code goes, in one line. */
export function codeTarget(code: CodePlan): string {
  return code.newBucket || code.bucket === undefined
    ? 'The bucket is created by the prerequisite stack: every file is uploaded once it exists.'
    : `Compared by content with s3://${code.bucket}/ (nothing is written by a plan).`;
}

/** The DAG folder in one phrase: "3 added, 1 changed, 2 removed, 1,994 unchanged". */
export function dagCounts(code: CodePlan): string | undefined {
  const d = code.dags;
  if (!d) return undefined;
  return `${d.added.length} added, ${d.changed.length} changed, ${d.removed.length} removed, ${d.unchanged} unchanged`;
}

/** One root file's change in a phrase, with what MWAA does about it. */
export function singleFileLine(
  f: SingleFilePlan,
  what: 'requirements' | 'plugins' | 'startup',
): string {
  if (f.status === 'unchanged') {
    return `unchanged${f.currentVersion ? ` (version ${f.currentVersion} stays)` : ''}`;
  }
  const verb = f.status === 'added' ? 'added' : 'changed';
  const from = f.currentVersion ? `: version ${f.currentVersion} -> a new version` : '';
  const takes =
    what === 'startup'
      ? 'the environment runs it after it takes the new version'
      : 'the environment installs it once it takes the new version';
  return `${verb}${from}; ${takes}`;
}

/** requirements.txt's diff in a phrase. */
export function requirementsCounts(r: RequirementsPlan): string {
  if (r.status === 'unchanged') return 'no line changes';
  const note = r.previousUnread ? ' (the old file could not be read)' : '';
  return `${plural(r.addedLines.length, 'line')} added, ${r.removedLines.length} removed${note}`;
}

/** plugins.zip's entries in a phrase. */
export function pluginCounts(p: PluginsPlan): string {
  if (p.status === 'unchanged') return 'no entry changes';
  const note = p.previousUnread ? ' (the old zip could not be read)' : '';
  return `${plural(p.addedEntries.length, 'entry', 'entries')} added, ${p.changedEntries.length} changed, ${p.removedEntries.length} removed${note}`;
}

/** The verdict of a plan whose stacks do not change but whose code does. */
export function codeOnlyVerdict(plan: {
  readonly code?: CodePlan;
}): { level: 'changes'; text: string } | undefined {
  const code = normalizeCode(plan.code);
  if (!code) return undefined;
  const files = [
    ...(code.dags ? [code.dags.added.length + code.dags.changed.length] : []),
    ...[code.requirements, code.plugins, code.startupScript].map((f) =>
      f && f.status !== 'unchanged' ? 1 : 0,
    ),
  ].reduce((a, b) => a + b, 0);
  const removed = code.dags?.removed.length ?? 0;
  if (files + removed === 0) return undefined;
  return {
    level: 'changes',
    text: `No stack changes; code: ${plural(files, 'file')} to upload, ${plural(removed, 'DAG object')} to delete.`,
  };
}
