/**
 * What both renderers say, as plain (unescaped) text: the symbol and counts of changes, the
 * verdict, and the warnings about destructive changes. Each renderer escapes for its medium.
 */
import type { DestructiveChange, KeyModeSwitch, PlanAnalysis } from '../plan/analysis.js';
import { ENVIRONMENT_TYPE, environmentWarning } from '../environment/plan-warnings.js';
import { NETWORK_TYPES } from '../plan/analysis.js';
import type { Plan, ResourceChange, StackPlan } from '../plan/model.js';
import { codeOnlyVerdict } from './code-view.js';

export type ChangeKind =
  'add' | 'modify' | 'remove' | 'replace' | 'maybe-replace' | 'import' | 'dynamic';

export function changeKind(c: ResourceChange): ChangeKind {
  switch (c.action) {
    case 'Add':
      return 'add';
    case 'Remove':
      return 'remove';
    case 'Import':
      return 'import';
    case 'Dynamic':
      return 'dynamic';
    default:
      return c.replacement === 'True'
        ? 'replace'
        : c.replacement === 'Conditional'
          ? 'maybe-replace'
          : 'modify';
  }
}

/** The terminal symbol of each kind of change (also shown in markdown tables). */
export const SYMBOL: Readonly<Record<ChangeKind, string>> = {
  add: '+',
  modify: '~',
  remove: '-',
  replace: '±',
  'maybe-replace': '±',
  import: '>',
  dynamic: '?',
};

/** How a change reads in a table's action column. */
export const ACTION_WORD: Readonly<Record<ChangeKind, string>> = {
  add: 'add',
  modify: 'modify',
  remove: 'remove',
  replace: 'replace',
  'maybe-replace': 'may replace',
  import: 'import',
  dynamic: 'dynamic',
};

export interface StackCounts {
  readonly add: number;
  readonly modify: number;
  readonly remove: number;
  /** Replacement True or Conditional (also counted in modify, as CloudFormation does). */
  readonly replace: number;
}

/** The counts of a stack's changes, in one pass. */
export function stackCounts(stack: StackPlan): StackCounts {
  let add = 0;
  let modify = 0;
  let remove = 0;
  let replace = 0;
  for (const c of stack.changes) {
    if (c.action === 'Add') add++;
    else if (c.action === 'Remove') remove++;
    else if (c.action === 'Modify') modify++;
    if (c.replacement === 'True' || c.replacement === 'Conditional') replace++;
  }
  return { add, modify, remove, replace };
}

export function totalCounts(plan: Plan): StackCounts {
  const all = plan.stacks.map(stackCounts);
  const sum = (k: keyof StackCounts) => all.reduce((n, c) => n + c[k], 0);
  return { add: sum('add'), modify: sum('modify'), remove: sum('remove'), replace: sum('replace') };
}

export type VerdictLevel = 'none' | 'changes' | 'destructive';

export interface Verdict {
  readonly level: VerdictLevel;
  /** One line, e.g. "Destructive: 5 changes (2 to add, 1 to modify, 2 to remove), 2 destroy a resource". */
  readonly text: string;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The one-line verdict of a plan. */
export function verdict(plan: Plan, analysis: PlanAnalysis): Verdict {
  // The stacks decide the counts; a plan whose only changes are code files says so.
  if (!plan.stacks.some((s) => s.action !== 'none'))
    return codeOnlyVerdict(plan) ?? { level: 'none', text: 'No changes.' };
  const t = totalCounts(plan);
  const counts = `${plural(analysis.changeCount, 'change')} (${t.add} to add, ${t.modify} to modify, ${t.remove} to remove)`;
  const destroying = analysis.destructive.length;
  if (destroying === 0 && !analysis.keyModeSwitch) return { level: 'changes', text: `${counts}.` };
  const why = [
    ...(destroying > 0
      ? [
          `${destroying} of them ${destroying === 1 ? 'removes or replaces' : 'remove or replace'} a resource`,
        ]
      : []),
    ...(analysis.keyModeSwitch ? ['the key mode changes'] : []),
  ];
  return { level: 'destructive', text: `Destructive: ${counts}; ${why.join(', and ')}.` };
}

/** A warning as subject and predicate: "Bucket (AWS::S3::Bucket) in stack x" + "is replaced: …". */
export interface WarningText {
  readonly subject: string;
  /** Continues the subject as a sentence ("is removed.", "changes: …"). */
  readonly text: string;
  /** Data loss, a stranded environment or a key-mode switch, as opposed to a routine replacement. */
  readonly severe: boolean;
}

function noun(type: string): string {
  if (type === 'AWS::S3::Bucket') return 'bucket';
  if (type === 'AWS::KMS::Key') return 'key';
  return 'resource';
}

function statefulText(d: DestructiveChange): string {
  const n = noun(d.type);
  const key = d.type === 'AWS::KMS::Key';
  if (d.reason === 'remove') {
    if (d.retained === true)
      return key
        ? 'is removed from the stack but retained: the key stays in the account (what it encrypted can still be read), no longer managed by this stack.'
        : `is removed from the stack but retained: the ${n} stays in the account with its data, no longer managed by this stack.`;
    if (key)
      return `is removed: the key is scheduled for deletion, and what it encrypted cannot be read once it is deleted${d.retained === undefined ? ' (unless its DeletionPolicy is Retain)' : ''}.`;
    return d.retained === false
      ? `is removed: the ${n} is deleted with its data.`
      : `is removed: the ${n} is deleted with its data unless its DeletionPolicy is Retain.`;
  }
  const how =
    d.reason === 'replace'
      ? 'is replaced'
      : 'may be replaced (CloudFormation decides during the deploy)';
  if (d.retained === true) {
    return key
      ? `${how}: the old key is retained, but the new key cannot decrypt what the old one encrypted, and the environment must be pointed at the new key.`
      : `${how}: the old ${n} is retained with its data, but the new one starts empty and the environment must be pointed at it.`;
  }
  return d.retained === false
    ? `${how}: the old ${n} is deleted with its data.`
    : `${how}: the old ${n} is deleted with its data unless its UpdateReplacePolicy is Retain.`;
}

const REASON: Readonly<Record<DestructiveChange['reason'], string>> = {
  remove: 'is removed.',
  replace: 'is replaced.',
  'conditional-replace': 'may be replaced (CloudFormation decides during the deploy).',
};

/** The warning for one destructive change. */
export function destructiveWarning(d: DestructiveChange): WarningText {
  const environment = environmentWarning(d);
  if (environment) return environment;
  const subject = `${d.logicalId} (${d.type}) in stack ${d.stack}`;
  if (NETWORK_TYPES.has(d.type)) {
    const what = d.type === 'AWS::EC2::VPC' ? 'another VPC' : 'other subnets';
    return {
      subject,
      severe: true,
      text: `${REASON[d.reason].slice(0, -1)}: an MWAA environment cannot move to ${what}; an environment using it must be recreated.`,
    };
  }
  if (d.stateful) return { subject, severe: true, text: statefulText(d) };
  return { subject, severe: false, text: REASON[d.reason] };
}

/** The warning for a key-mode switch. */
export function keyModeWarning(k: KeyModeSwitch): WarningText {
  return {
    subject: `The key mode (${k.before} → ${k.after}) of stack ${k.stack}`,
    severe: true,
    text: 'changes: an existing MWAA environment cannot change its encryption; it must be deleted and created again to use the new key mode.',
  };
}

/** The warnings of an analysis by category, each in plan order. */
export interface WarningGroups {
  /** A replaced or removed MWAA environment first, then the key-mode switch. */
  readonly keyMode: readonly WarningText[];
  /** A VPC or subnet removed or replaced. */
  readonly network: readonly WarningText[];
  /** A stateful resource removed or replaced. */
  readonly stateful: readonly WarningText[];
  /** Anything else removed or replaced. */
  readonly routine: readonly WarningText[];
}

export function warningGroups(analysis: PlanAnalysis): WarningGroups {
  const network: WarningText[] = [];
  const stateful: WarningText[] = [];
  const routine: WarningText[] = [];
  const environment: WarningText[] = [];
  for (const d of analysis.destructive) {
    const w = destructiveWarning(d);
    if (d.type === ENVIRONMENT_TYPE) environment.push(w);
    else (NETWORK_TYPES.has(d.type) ? network : w.severe ? stateful : routine).push(w);
  }
  const k = analysis.keyModeSwitch;
  // A replaced environment loses its metadata database: the loudest warning, first.
  return {
    keyMode: [...environment, ...(k ? [keyModeWarning(k)] : [])],
    network,
    stateful,
    routine,
  };
}

/** Every warning of the analysis, most severe first: key mode, network, stateful, the rest. */
export function destructiveWarnings(analysis: PlanAnalysis): WarningText[] {
  const g = warningGroups(analysis);
  return [...g.keyMode, ...g.network, ...g.stateful, ...g.routine];
}
