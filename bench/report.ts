/** Writes BENCHMARKS.md from the measured results: machine, how to reproduce, tables, targets. */
import type { Machine } from './lib/machine.js';
import { INSTANT_INTRO, instantTable, instantTargetRows, memoryTable } from './report-instant.js';
import { bytes, fineMs, int, max, median, min, ms, table, yesNo } from './lib/stats.js';
import { latency, latencyBound } from './lib/timeline.js';
import type { Timeline, Wait } from './lib/timeline.js';
import type { MeasuredRun, Scenario } from './scenarios/action-runs.js';
import type { BundleProfile } from './scenarios/bundle-profile.js';
import type { BundleSize, ColdStart } from './scenarios/cold-start.js';
import type { InstantBackend } from './scenarios/instant-runs.js';
import type { PolicyVariant, PollModelRow } from './scenarios/poll-model.js';
import type { ValidationRow } from './scenarios/poll-validation.js';
import { COMMENT_LIMIT, SUMMARY_LIMIT_BYTES } from './scenarios/render.js';
import type { RenderRow } from './scenarios/render.js';

export interface Results {
  readonly machine: Machine;
  readonly quick: boolean;
  readonly durationMs: number;
  /** 1-minute load average when the benchmark ended. */
  readonly loadAtEnd: number;
  /** Runs against backends that answer at once (issue 13's comparison). */
  readonly instant: readonly InstantBackend[];
  readonly coldStart: readonly ColdStart[];
  readonly bundles: readonly BundleSize[];
  readonly profile: BundleProfile;
  readonly scenarios: readonly Scenario[];
  readonly pollModel: readonly PollModelRow[];
  readonly validation: readonly ValidationRow[];
  readonly variants: readonly PolicyVariant[];
  readonly render: readonly RenderRow[];
}

const wall = (r: MeasuredRun) => r.run.exitedAt - r.run.spawnedAt;
const afterFirstAws = (r: MeasuredRun) => r.run.exitedAt - r.timeline.firstAwsAt;
const overhead = (r: MeasuredRun) => wall(r) - r.timeline.modelMinMs;
const overheadAfterAws = (r: MeasuredRun) => afterFirstAws(r) - r.timeline.modelMinMs;

/** `median [min–max]` of a measure over the runs (just the value for one run). */
function spread(values: readonly number[], format: (n: number) => string = ms): string {
  if (values.length === 1) return format(values[0]!);
  return `${format(median(values))} [${format(min(values))}–${format(max(values))}]`;
}

/** "analytics1-vpc CREATE_COMPLETE" → "VPC stack CREATE_COMPLETE". */
function waitName(w: Wait): string {
  const name = w.label
    .replace(/^\S+-mwaa-prerequisites\b/, 'prerequisite stack')
    .replace(/^\S+-vpc\b/, 'VPC stack');
  return w.kind === 'change set' ? `change set of the ${name}` : `${name} (operation)`;
}

function rss(kib: number | undefined): string {
  return kib === undefined || !Number.isFinite(kib) ? 'n/a' : `${(kib / 1024).toFixed(0)} MiB`;
}

function machineSection(m: Machine, durationMs: number, loadAtEnd: number): string {
  const rows: string[][] = [
    ['Date (UTC)', m.date],
    ['CPU', `${m.cpu}, ${m.cores} cores available`],
    ['Memory', m.memory],
    ['OS', m.os],
    [
      'Node running the action',
      `${m.runnerNode}${m.runnerNodeNote ? ` (${m.runnerNodeNote})` : ''}`,
    ],
    ['Node running the benchmark and the fake AWS', m.benchNode],
    [
      'Commit',
      `${m.commit}${m.dirty.length > 0 ? ` + uncommitted changes in ${m.dirty.length} files under src/, dist/ or templates/` : ''}`,
    ],
    [`Bundle measured: ${m.bundle} (sha-256, first 16)`, m.bundleSha256],
    ['Benchmark duration', ms(durationMs)],
    [
      'Load average (1 min), start / end',
      `${m.loadAtStart.toFixed(2)} / ${loadAtEnd.toFixed(2)} on ${m.cores} cores`,
    ],
  ];
  const busy = Math.max(m.loadAtStart, loadAtEnd) > m.cores / 2;
  return (
    table(['', ''], rows) +
    (busy
      ? '\n\n⚠️ Other processes were using the CPU during this run: times are slower and noisier than on an idle machine.'
      : '')
  );
}

function modelMinimumNote(s: Scenario): string {
  switch (s.id) {
    case 'plan-new':
      return "the VPC stack's CREATE change set, then deleting the empty review stack it made (the prerequisite stack is planned from its template: its VPC values are unknown)";
    case 'plan-existing':
      return 'both UPDATE change sets, computed at the same time';
    default:
      return 'VPC change set + VPC stack create, then prerequisite change set + prerequisite stack create (in order)';
  }
}

function actionSection(scenarios: readonly Scenario[]): string {
  const out: string[] = [];
  out.push(
    table(
      ['Scenario', 'Latency model', 'Model minimum is'],
      scenarios.map((s) => [
        s.title,
        `change set ready after ${ms(s.model.changeSetReadyMs)}; ${ms(s.model.resourceMs)} per resource, in dependency waves`,
        modelMinimumNote(s),
      ]),
    ),
  );
  out.push('');
  out.push(
    "**Wall time against the model's minimum.** Whole process: spawn of `node dist/index.js` to its exit. " +
      'After the first AWS call: from the STS call to the exit (leaves out Node start-up, loading the bundle and the OIDC token). ' +
      "Overhead = wall time − the model's minimum (the time CloudFormation itself was busy, from the fake's own record). Median [min–max] over the runs.",
  );
  out.push('');
  out.push(
    table(
      [
        'Scenario',
        'Runs',
        'Model minimum',
        'Wall, whole process',
        'Overhead',
        'Wall after first AWS call',
        'Overhead',
        'CPU used by the action',
      ],
      scenarios.map((s) => [
        s.title,
        String(s.runs.length),
        spread(s.runs.map((r) => r.timeline.modelMinMs)),
        spread(s.runs.map(wall)),
        `**${spread(s.runs.map(overhead))}**`,
        spread(s.runs.map(afterFirstAws)),
        `**${spread(s.runs.map(overheadAfterAws))}**`,
        spread(s.runs.map((r) => r.run.cpuMs ?? Number.NaN)),
      ]),
    ),
  );
  out.push('');
  out.push(
    "CPU used by the action: user + system CPU time of the action's process over the whole run; unlike wall time, " +
      'it does not grow when other processes compete for the machine.',
  );
  out.push('');
  out.push('**Where the time goes** (medians):');
  out.push('');
  const phase = (s: Scenario, f: (t: Timeline, r: MeasuredRun) => number) =>
    ms(median(s.runs.map((r) => f(r.timeline, r))));
  out.push(
    table(
      [
        'Scenario',
        'Start-up (spawn → first request)',
        'Credentials (→ first CloudFormation call)',
        'AWS phase (→ last call)',
        'of which model minimum',
        'of which detection latency (sum)',
        'Exit (last call → exit)',
      ],
      scenarios.map((s) => [
        s.title,
        phase(s, (t) => t.firstRequestAt - t.spawnedAt),
        phase(s, (t) => t.firstCfnAt - t.firstRequestAt),
        phase(s, (t) => t.lastCallAt - t.firstCfnAt),
        phase(s, (t) => t.modelMinMs),
        phase(s, (t) => sequentialLatency(t)),
        phase(s, (t) => t.exitedAt - t.lastCallAt),
      ]),
    ),
  );
  out.push('');
  out.push(
    '**Detection latency**: how long after CloudFormation finished (change set computed, stack in a final status, as the fake recorded it) ' +
      'the action made the call that saw it. Target: at most max(1 s, 10% of the wait). Polls: status calls until then ' +
      '(DescribeChangeSet first pages, or DescribeStacks); event calls: DescribeStackEvents pages read in the same polls. Median [min–max] over the runs.',
  );
  out.push('');
  const waitRows: string[][] = [];
  for (const s of scenarios) {
    const groups = new Map<string, Wait[]>();
    for (const r of s.runs)
      for (const w of r.timeline.waits)
        groups.set(waitName(w), [...(groups.get(waitName(w)) ?? []), w]);
    for (const [name, waits] of groups) {
      const lat = waits.map(latency);
      const ok = waits.every((w) => latency(w) <= latencyBound(w));
      waitRows.push([
        s.title,
        name,
        spread(waits.map((w) => w.endedAt - w.startedAt)),
        spread(
          waits.map((w) => w.polls),
          int,
        ),
        spread(
          waits.map((w) => w.eventCalls),
          int,
        ),
        spread(lat),
        ms(max(waits.map(latencyBound))),
        yesNo(ok),
      ]);
    }
  }
  out.push(
    table(
      [
        'Scenario',
        'Wait',
        'CloudFormation took',
        'Polls',
        'Event calls',
        'Detection latency',
        'Bound',
        'Target',
      ],
      waitRows,
    ),
  );
  out.push('');
  out.push(
    '**API calls by kind** (one run of each scenario; where runs differ, the range). The fake pages DescribeChangeSet by 5 changes and ' +
      'DescribeStackEvents by 10 events (to exercise pagination), so those two counts are likely higher than against AWS (its page sizes are not documented).',
  );
  out.push('');
  const kinds = [
    ...new Set(scenarios.flatMap((s) => s.runs.flatMap((r) => [...r.timeline.byKind.keys()]))),
  ];
  out.push(
    table(
      ['Call', ...scenarios.map((s) => s.id)],
      [
        ...kinds.map((k) => [
          `\`${k}\``,
          ...scenarios.map((s) => {
            const counts = s.runs.map((r) => r.timeline.byKind.get(k) ?? 0);
            return min(counts) === max(counts)
              ? int(counts[0]!) || ''
              : `${min(counts)}–${max(counts)}`;
          }),
        ]),
        [
          '**total**',
          ...scenarios.map((s) => {
            const counts = s.runs.map((r) => r.timeline.calls.length);
            return min(counts) === max(counts)
              ? `**${counts[0]}**`
              : `**${min(counts)}–${max(counts)}**`;
          }),
        ],
      ],
    ),
  );
  out.push('');
  out.push(
    `Scenario keys: ${scenarios.map((s) => `\`${s.id}\` = ${s.title.toLowerCase()}`).join('; ')}.`,
  );
  return out.join('\n');
}

/** Detection latency summed over the waits the run went through one after another. */
function sequentialLatency(t: Timeline): number {
  // Concurrent waits (both change sets of a plan) overlap: count the latest of each group.
  let total = 0;
  let groupEnd = -Infinity;
  let groupLatency = 0;
  for (const w of [...t.waits].sort((a, b) => a.startedAt - b.startedAt)) {
    const l = latency(w);
    if (!Number.isFinite(l)) continue;
    if (w.startedAt < groupEnd) {
      groupLatency = Math.max(groupLatency, l);
      groupEnd = Math.max(groupEnd, w.endedAt);
    } else {
      total += groupLatency;
      groupLatency = l;
      groupEnd = w.endedAt;
    }
  }
  return total + groupLatency;
}

function whatIfSection(variants: readonly PolicyVariant[]): string {
  const waits = variants[0]?.results.map((r) => r.waitMs) ?? [];
  return table(
    ['Policy', ...waits.map((w) => `${ms(w)}: polls (calls) / max latency`)],
    variants.map((v) => [
      v.label,
      ...v.results.map(
        (r) =>
          `${r.polls.toFixed(0)} (${(2 * r.polls).toFixed(0)}) / ${ms(r.maxLatencyMs)}${r.maxLatencyMs > Math.max(1000, 0.1 * r.waitMs) ? ' ❌' : ''}`,
      ),
    ]),
  );
}

function pollSection(rows: readonly PollModelRow[], validation: readonly ValidationRow[]): string {
  const out: string[] = [];
  out.push(
    table(
      [
        'Wait',
        'Polls = DescribeStacks calls, mean [min–max]',
        'Status API calls (DescribeStacks + DescribeStackEvents), mean [max]',
        'Max detection latency',
        'Bound max(1 s, 10%)',
        'Latency target',
      ],
      rows.map((r) => [
        ms(r.waitMs),
        `${r.polls.mean.toFixed(1)} [${r.polls.min}–${r.polls.max}]`,
        `${(2 * r.polls.mean).toFixed(0)} [${2 * r.polls.max}]`,
        ms(r.latency.max),
        ms(r.bound),
        yesNo(r.latency.max <= r.bound),
      ]),
    ),
  );
  out.push('');
  out.push(
    `${rows[0]?.trials ?? 0} simulated waits per row (seeded jitter, plus the two extremes of the jitter). ` +
      'A stack wait calls DescribeStacks and DescribeStackEvents on every poll, so it makes at least 2 calls per poll, more when the events it ' +
      're-reads fill more than one page (see "Real calls per poll" below); a change set wait makes 1 (DescribeChangeSet). ' +
      'The status API calls column counts the 2.',
  );
  out.push('');
  out.push(
    '**The model against the real scaled run** (the bundled action, `deploy-scaled` above):',
  );
  out.push('');
  out.push(
    table(
      [
        'Wait',
        'CloudFormation took',
        'Real polls',
        'Model polls, mean [min–max]',
        'Real calls per poll',
        'Real detection latency',
        'Model max latency',
      ],
      validation.map((v) => [
        v.wait
          .replace(/\S+-mwaa-prerequisites\b/, 'prerequisite stack')
          .replace(/\S+-vpc\b/, 'VPC stack'),
        ms(v.cfnMs),
        int(v.realPolls),
        `${v.model.mean.toFixed(1)} [${v.model.min}–${v.model.max}]`,
        v.realEventCalls > 0 ? ((v.realPolls + v.realEventCalls) / v.realPolls).toFixed(2) : '1.00',
        ms(v.realLatencyMs),
        ms(v.model.maxLatencyMs),
      ]),
    ),
  );
  return out.join('\n');
}

function profileSection(p: BundleProfile, bundleBytes: number): string {
  const rows: string[][] = [
    [
      'V8 compiling what was loaded (ES modules: the entry and the chunks it imported; not split by module)',
      bytes(bundleBytes),
      '100%',
      ms(p.compileMs),
    ],
    ...p.categories.map((c) => [
      `${c.name} (${c.modules} module${c.modules === 1 ? '' : 's'})`,
      bytes(c.bytes),
      `${((100 * c.bytes) / bundleBytes).toFixed(1)}%`,
      ms(c.loadMs),
    ]),
    ...p.other.map((o) => [o.name, '', '', ms(o.loadMs)]),
    ['**total sampled**', '', '', `**${ms(p.totalMs)}**`],
  ];
  return table(['Part', 'Size in the bundle', 'Share', 'CPU while loading'], rows);
}

function coldStartSection(
  cold: readonly ColdStart[],
  bundles: readonly BundleSize[],
  scenarios: readonly Scenario[],
  profile: BundleProfile,
): string {
  const out: string[] = [];
  for (const c of cold) {
    out.push(
      `Under Node ${c.version} (\`${c.node}\`), ${c.rows[0]?.runs ?? 0} runs each (after one warm-up), ms from spawn:`,
    );
    out.push('');
    out.push(
      table(
        ['Until', 'Median', 'Min', 'Max'],
        c.rows.map((r) => [r.what, ms(r.median), ms(r.min), ms(r.max)]),
      ),
    );
    out.push('');
  }
  out.push(
    table(
      ['Bundle', 'Size', 'gzip -9'],
      bundles.map((b) => [
        `\`${b.file}\``,
        `${bytes(b.bytes)} (${int(b.bytes)} B)`,
        bytes(b.gzipBytes),
      ]),
    ),
  );
  out.push('');
  out.push(
    `**Where start-up goes.** \`dist/index.js\` loaded with no inputs (it refuses them and exits before any AWS call) under ` +
      `\`--cpu-prof\`, median of ${profile.runs} profile${profile.runs === 1 ? '' : 's'} (the profiler adds some time). A sample is charged to the SDK client whose module ` +
      'is on its stack (evaluating a client also runs shared SDK code), else to the module it is in. Modules are classified by their content (heuristic).',
  );
  out.push('');
  out.push(profileSection(profile, bundles[0]?.bytes ?? Number.NaN));
  out.push('');
  const memory: string[][] = [];
  for (const m of cold[0]?.memory ?? []) memory.push([m.what, rss(m.maxRssKiB)]);
  for (const s of scenarios) {
    memory.push([
      `${s.title} (whole run)`,
      spread(
        s.runs.map((r) => r.run.maxRssKiB ?? Number.NaN),
        rss,
      ),
    ]);
  }
  out.push(
    'Peak resident set size (`process.resourceUsage().maxRSS` at exit, from a preloaded module):',
  );
  out.push('');
  out.push(table(['Process', 'Peak RSS'], memory));
  return out.join('\n');
}

function renderSection(rows: readonly RenderRow[]): string {
  const out: string[] = [];
  const growth = (i: number) => {
    if (i === 0) return '—';
    const prev = rows[i - 1]!;
    const r = rows[i]!;
    const x = (pick: (row: RenderRow) => number) => `×${(pick(r) / pick(prev)).toFixed(1)}`;
    return (
      `${x((v) => v.comment.cpuMs)} / ${x((v) => v.summary.cpuMs)} / ${x((v) => v.text.cpuMs)} ` +
      `for ×${(r.changes / prev.changes).toFixed(0)} changes`
    );
  };
  const cell = (t: RenderRow['comment']) => `${fineMs(t.cpuMs)} (${fineMs(t.wallMs)})`;
  out.push(
    table(
      [
        'Changes',
        'renderForComment',
        'renderForSummary',
        'renderPlanText',
        'CPU growth (comment / summary / text)',
        'CPU per change (summary)',
      ],
      rows.map((r, i) => [
        int(r.changes),
        cell(r.comment),
        cell(r.summary),
        cell(r.text),
        growth(i),
        `${((r.summary.cpuMs / r.changes) * 1000).toFixed(1)} µs`,
      ]),
    ),
  );
  out.push('');
  out.push(
    'Each cell: CPU time per call (wall time in brackets), median over batches of calls. CPU time is the measure ' +
      'to compare: wall time also counts waiting for the CPU when other processes use it.',
  );
  out.push('');
  out.push(
    table(
      [
        'Changes',
        'Comment as posted (marker + body)',
        `of ${int(COMMENT_LIMIT)}`,
        'Shortened by the renderer',
        'Cut by the poster',
        'Job summary',
        `of ${bytes(SUMMARY_LIMIT_BYTES)}`,
        'Log text',
      ],
      rows.map((r) => [
        int(r.changes),
        `${int(r.postedChars)} chars`,
        `${((100 * r.postedChars) / COMMENT_LIMIT).toFixed(1)}%`,
        r.commentShortened ? 'yes' : 'no',
        r.postedCut ? 'yes' : 'no',
        bytes(r.summaryBytes),
        `${((100 * r.summaryBytes) / SUMMARY_LIMIT_BYTES).toFixed(1)}%`,
        `${int(r.textChars)} chars`,
      ]),
    ),
  );
  return out.join('\n');
}

interface Target {
  readonly target: string;
  readonly measured: string;
  readonly met: boolean;
}

function targets(r: Results): Target[] {
  const list: Target[] = [...instantTargetRows(r.instant)];
  const existing = r.scenarios.find((s) => s.id === 'plan-existing');
  const fresh = r.scenarios.find((s) => s.id === 'plan-new');
  if (existing) {
    const o = median(existing.runs.map(overhead));
    const oa = median(existing.runs.map(overheadAfterAws));
    list.push({
      target: `Plan overhead under 1 s, both stacks planned concurrently (whole process, spawn to exit; median of ${existing.runs.length} runs)`,
      measured: `${ms(o)} median, ${ms(max(existing.runs.map(overhead)))} worst (after the first AWS call: ${ms(oa)})`,
      met: o < 1000,
    });
  }
  if (fresh) {
    list.push({
      target: `Plan overhead under 1 s, new environment (whole process; median of ${fresh.runs.length} runs)`,
      measured: `${ms(median(fresh.runs.map(overhead)))} median, ${ms(max(fresh.runs.map(overhead)))} worst`,
      met: median(fresh.runs.map(overhead)) < 1000,
    });
  }
  const waits = r.scenarios.flatMap((s) => s.runs.flatMap((run) => run.timeline.waits));
  const worst = waits.reduce<Wait | undefined>(
    (a, w) => (!a || latency(w) / latencyBound(w) > latency(a) / latencyBound(a) ? w : a),
    undefined,
  );
  if (worst) {
    list.push({
      target: 'Detection latency at most max(1 s, 10% of the wait): real runs',
      measured: `${waits.length} waits; closest to its bound: ${ms(latency(worst))} of ${ms(latencyBound(worst))} (${waitName(worst)}, a ${ms(worst.endedAt - worst.startedAt)} wait)`,
      met: waits.every((w) => latency(w) <= latencyBound(w)),
    });
  }
  if (r.pollModel.length > 0) {
    list.push({
      target: 'Detection latency at most max(1 s, 10% of the wait): poll model, 10 s to 30 min',
      measured: r.pollModel.map((p) => `${ms(p.waitMs)}: ${ms(p.latency.max)}`).join('; '),
      met: r.pollModel.every((p) => p.latency.max <= p.bound),
    });
  }
  const long = r.pollModel.find((p) => p.waitMs === 30 * 60_000);
  if (long) {
    list.push({
      target: 'A 30-minute wait: under 200 status calls (DescribeStacks polls)',
      measured: `${long.polls.mean.toFixed(0)} mean, ${long.polls.max} worst`,
      met: long.polls.max < 200,
    });
    list.push({
      target: 'A 30-minute wait: under 200 status calls, counting DescribeStackEvents too',
      measured: `${(2 * long.polls.mean).toFixed(0)} mean, ${2 * long.polls.max} worst (counting 2 calls per poll, the least there can be)`,
      met: 2 * long.polls.max < 200,
    });
  }
  const k1 = r.render.find((x) => x.changes === 1000);
  const k5 = r.render.find((x) => x.changes === 5000);
  if (k1 && k5) {
    const ratios = (['comment', 'summary', 'text'] as const).map(
      (key) => k5[key].cpuMs / k1[key].cpuMs,
    );
    list.push({
      target:
        'Render time grows about linearly (CPU time, 1,000 → 5,000 changes: ×5 is linear; counted as met up to ×10)',
      measured: `comment ×${ratios[0]!.toFixed(1)}, summary ×${ratios[1]!.toFixed(1)}, text ×${ratios[2]!.toFixed(1)}`,
      met: ratios.every((x) => x <= 10),
    });
  }
  if (r.render.length > 0) {
    const biggest = r.render.reduce((a, b) => (b.postedChars > a.postedChars ? b : a));
    list.push({
      target: `The comment stays within GitHub's limit (${int(COMMENT_LIMIT)} characters), every size`,
      measured: `largest ${int(biggest.postedChars)} chars (${int(biggest.changes)} changes)${r.render.some((x) => x.postedCut) ? '; the poster had to cut one' : ''}`,
      met: r.render.every((x) => x.postedChars <= COMMENT_LIMIT && !x.postedCut),
    });
  }
  return list;
}

export function renderReport(r: Results, notes: readonly string[]): string {
  const t = targets(r);
  const cold = r.coldStart[0];
  const firstAws = cold?.rows.find((x) => x.what.startsWith('first AWS call'));
  const sections = [
    '# Benchmarks',
    '',
    r.quick
      ? '> **Quick run** (`--quick`): smaller models and fewer runs, to check the benchmark itself. Not the reference numbers.\n'
      : '',
    'Measured runs, not timed tests: the bundled action (`dist/index.js` as committed, or the build `BENCH_BUNDLE` names) is started the way the runner starts it and ' +
      'talks to the fake AWS of `test/support/fake-aws` over the real wire protocols, with a latency model (change sets ready after a ' +
      'set time, each resource taking a set time, in dependency waves). Rendering is timed in process on synthetic plans. ' +
      'Generated by `npm run bench`; do not edit by hand.',
    '',
    '## Machine',
    '',
    machineSection(r.machine, r.durationMs, r.loadAtEnd),
    '',
    '## How to reproduce',
    '',
    '```sh',
    'npm ci',
    'npm run package   # only if src/ changed: the benchmark measures dist/index.js as it is',
    'npm run bench     # about 3 minutes; rewrites BENCHMARKS.md',
    'npm run bench -- --quick   # about 30 s, smaller models; writes .tmp/BENCHMARKS.quick.md',
    'npm run bench -- --report-only   # rewrites the report from .tmp/bench/results.json, no measuring',
    'npm run bench -- --instant-only  # only the instant-backend runs (section 1), printed, BENCHMARKS.md untouched',
    '# measure a build of the sources without touching dist/ (the steps of `npm run package`):',
    'node node_modules/@vercel/ncc/dist/ncc/cli.js build src/bundle.ts -o .tmp/bench-bundle --target es2022',
    'node scripts/ascii-bundle.mjs .tmp/bench-bundle',
    'BENCH_BUNDLE=.tmp/bench-bundle/index.js npm run bench',
    '```',
    '',
    '`npm run bench` compiles `bench/` (with the `src/` and `test/support/` modules it uses) through `bench/tsconfig.json` into ' +
      '`.tmp/bench/`, then runs `.tmp/bench/bench/run.js`. The action runs under `NODE24_BIN` when set, else the Node 24 that ' +
      '`scripts/node24.sh` prints (it installs one into `.tmp/node24` the first time). Raw results: `.tmp/bench/results.json`.',
    '',
    '## Targets',
    '',
    table(
      ['Target', 'Measured', 'Result'],
      t.map((x) => [x.target, x.measured, yesNo(x.met)]),
    ),
    '',
    ...(notes.length > 0 ? ['**Notes**', '', ...notes.map((n) => `- ${n}`), ''] : []),
    '## 1. Against backends that answer at once (issue 13)',
    '',
    INSTANT_INTRO,
    '',
    instantTable(r.instant),
    '',
    '**Where the memory is** (`v8.getHeapSpaceStatistics()`, `v8.getHeapStatistics()` and `process.memoryUsage()` at exit, ' +
      'from the same preloaded module; physical sizes). A heap snapshot of a first deploy (`v8.writeHeapSnapshot()` from a ' +
      'preloaded module at 120 MiB RSS, before the changes below; `BENCH_HEAP_SNAPSHOT=<file>` makes usage-at-exit.ts write one ' +
      "at exit) held only 26 MiB: 11 MiB of strings, almost all the sources of the bundle's chunks, each kept as a two-byte " +
      'string because of a few characters beyond Latin-1 (3.4 MiB for the 1.8 MB main chunk, one `→` in js-yaml; 1.8 MiB for ' +
      "@actions/core's undici chunk), 7.8 MiB of code (bytecode, scope infos, feedback), 6 MiB of objects, shapes and arrays; " +
      'no SDK client object, parsed template or response of note. The rest of the RSS is outside the heap: the runtime ' +
      "(about 45 MiB), the young generation's semi-spaces (14 MiB physical after loading the SDK), the parser and " +
      'compiler zones (14 MiB of malloc at their peak, while chunks compile) and external memory (7 MiB). So memory follows ' +
      'the code loaded, and the cuts were code: a plan no longer imports the environment pre-checks (and with them the S3 and ' +
      "KMS SDK modules) unless it plans a new environment; the runner's OIDC token is fetched without @actions/core and " +
      'undici; `npm run package` writes ASCII-only chunks (scripts/ascii-bundle.mjs), so V8 keeps their sources one byte per ' +
      'character; verification reads S3, IAM and KMS through small signed readers (src/aws/s3-read.ts, iam-read.ts, ' +
      'kms-read.ts) as it already read EC2, instead of the SDK clients (+9, +4 and +1 MiB RSS measured alone).',
    '',
    memoryTable(r.instant),
    '',
    '## 1b. Plan and deploy against the latency model',
    '',
    actionSection(r.scenarios),
    '',
    '## 2. Long waits: status calls and detection latency',
    '',
    'The wait loop (`pollUntil` with `DEFAULT_POLL_POLICY`: the first delay 0.1 s, each later one at least the time waited until 0.7 s, ' +
      'then 9.8% of the time waited, capped at 150 s, each jittered down to 75–100%) ' +
      'run on a simulated clock (`instantClock`), the operation finishing after the given time; then the same model next to the real scaled run.',
    '',
    pollSection(r.pollModel, r.validation),
    '',
    '**Other policies, for comparison** (simulated the same way; calls counted as 2 per poll of a stack wait, the least there can be; ❌ where the latency bound is exceeded):',
    '',
    whatIfSection(r.variants),
    '',
    '## 3. Cold start, bundle size, memory',
    '',
    firstAws
      ? `The action reaches its first AWS call ${ms(firstAws.median)} (median) after it is spawned.`
      : '',
    '',
    coldStartSection(r.coldStart, r.bundles, r.scenarios, r.profile),
    '',
    '## 4. Rendering synthetic plans',
    '',
    'A VPC stack and a stack of n changes of every kind (`bigStack` in `test/unit/render/factories.ts`: adds, in-place and replacing ' +
      'modifies with property details, removals of retained buckets, IAM policy changes). Median of repeated runs after a warm-up, ' +
      "in the benchmark's Node.",
    '',
    renderSection(r.render),
    '',
  ];
  return sections.filter((s, i, all) => !(s === '' && all[i - 1] === '')).join('\n');
}
