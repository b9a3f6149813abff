/**
 * The release-time code part of the plan model (see model.ts): what a deploy would upload to and
 * delete from the bucket, file by file. Plain data, serialisable to JSON, like the rest of the plan.
 */

/** What happens to one file (or one object) in the bucket. */
export type CodeFileStatus = 'added' | 'changed' | 'unchanged';

/** The DAG folder against the objects under the DAG prefix. */
export interface DagsPlan {
  /** e.g. `dags/`. */
  readonly prefix: string;
  /** Paths relative to the DAG folder (so also to the prefix), sorted. */
  readonly added: readonly string[];
  readonly changed: readonly string[];
  readonly removed: readonly string[];
  readonly unchanged: number;
  /** Objects under the prefix before the deploy. */
  readonly remoteCount: number;
}

/** One file stored at a fixed key (requirements.txt, plugins.zip, startup.sh). */
export interface SingleFilePlan {
  readonly key: string;
  readonly status: CodeFileStatus;
  /** The object's current version, when it exists. */
  readonly currentVersion?: string;
}

/** requirements.txt, with the lines a reviewer reads. */
export interface RequirementsPlan extends SingleFilePlan {
  /** Lines only in the new file / only in the old one (a line diff, comments and blanks kept out). */
  readonly addedLines: readonly string[];
  readonly removedLines: readonly string[];
  /** True when the old file could not be read for the diff (the lines are then all added). */
  readonly previousUnread?: boolean;
}

/** plugins.zip, with its entries compared by content (CRC-32 and size). */
export interface PluginsPlan extends SingleFilePlan {
  /** Whether the local plugins came as a zip file or a folder the action zipped. */
  readonly source: 'zip' | 'folder';
  readonly addedEntries: readonly string[];
  readonly changedEntries: readonly string[];
  readonly removedEntries: readonly string[];
  /** True when the old zip's entries could not be read (a changed zip is shown as a whole). */
  readonly previousUnread?: boolean;
}

/** What the comparison cost, for the log and the benchmark. */
export interface CodeListingCost {
  /** ListObjectsV2 pages read (one listing of the DAG prefix). */
  readonly listPages: number;
  /** HeadObject calls: the root files, and DAG objects whose ETag is not a usable MD5. */
  readonly heads: number;
}

export interface CodePlan {
  /** The bucket compared with; undefined when the prerequisite stack creates it (all added). */
  readonly bucket?: string;
  readonly newBucket: boolean;
  readonly dags?: DagsPlan;
  readonly requirements?: RequirementsPlan;
  readonly plugins?: PluginsPlan;
  readonly startupScript?: SingleFilePlan;
  readonly cost: CodeListingCost;
  /**
   * SHA-256 over every local file's key and SHA-256: the reviewed-plan binding compares it, so a
   * file edited after review is caught even when the lists above stay the same.
   */
  readonly localDigest?: string;
  /** Notes a reviewer should read (e.g. deletions over the limit). */
  readonly warnings: readonly string[];
}

/** True when a deploy would upload or delete anything. */
export function codeHasChanges(code: CodePlan | undefined): boolean {
  if (!code) return false;
  const d = code.dags;
  const dagChanges = d ? d.added.length + d.changed.length + d.removed.length > 0 : false;
  return (
    dagChanges ||
    [code.requirements, code.plugins, code.startupScript].some(
      (f) => f !== undefined && f.status !== 'unchanged',
    )
  );
}
