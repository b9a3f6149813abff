/** Plain-words notes on the results, computed, so they stay true when the numbers change. */
import { DEFAULT_POLL_POLICY } from '../src/shared/poll.js';
import type { Results } from './report.js';
import { bytes, median, ms } from './lib/stats.js';
import { latency } from './lib/timeline.js';
import type { MeasuredRun } from './scenarios/action-runs.js';

const wall = (r: MeasuredRun) => r.run.exitedAt - r.run.spawnedAt;
const overhead = (r: MeasuredRun) => wall(r) - r.timeline.modelMinMs;

export function notesFor(r: Results): string[] {
  const notes: string[] = [];
  const cold = r.coldStart[0];
  const bare = cold?.rows[0]?.median ?? Number.NaN;

  const existing = r.scenarios.find((s) => s.id === 'plan-existing');
  if (existing) {
    const o = median(existing.runs.map(overhead));
    const startup = median(existing.runs.map((x) => x.timeline.firstRequestAt - x.run.spawnedAt));
    const changeSetLatency = median(
      existing.runs.map((run) =>
        Math.max(...run.timeline.waits.filter((w) => w.kind === 'change set').map(latency)),
      ),
    );
    const rest = o - startup - changeSetLatency;
    notes.push(
      `Plan overhead (${ms(o)} median, both stacks concurrently) is mostly start-up and polling: ${ms(startup)} from spawn to the first ` +
        `request (a bare \`node -e 0\` takes ${ms(bare)}; the rest is loading the bundle, see section 3), and ${ms(changeSetLatency)} ` +
        `of detection latency on the change sets (a ${ms(existing.model.changeSetReadyMs)} change set is past the poll ramp, where ` +
        `the delay is ${ms(DEFAULT_POLL_POLICY.minDelayMs)}, jittered down to 75–100%). Everything else (credentials, CloudFormation round trips, reading the change sets, ` +
        `rendering, deleting the change sets, writing outputs) is about ${ms(rest)}. The action's process used ` +
        `${ms(median(existing.runs.map((x) => x.run.cpuMs ?? Number.NaN)))} of CPU in all (median), most of it loading the bundle.` +
        (o >= 1000
          ? ' The target is missed by start-up plus the poll delay: neither is something a faster fake would change.'
          : ''),
    );
  }

  const deploy = r.scenarios.find((s) => s.id === 'deploy-new');
  if (deploy) {
    const run = deploy.runs[0]!;
    const waits = run.timeline.waits.length;
    const lat = run.timeline.waits.map(latency).reduce((a, b) => a + b, 0);
    notes.push(
      `A deploy goes through ${waits} waits one after another (change set, stack, change set, stack), so its overhead is ` +
        `start-up plus the sum of ${waits} detection latencies (${ms(lat)} in the first run) plus verification; ` +
        `each latency stays within its bound; with waits of a few seconds the ${ms(DEFAULT_POLL_POLICY.minDelayMs)} floor of the delay ` +
        'dominates the overhead (an instant backend is answered during the ramp from 0.1 s instead: section 1).',
    );
  }

  const long = r.pollModel.find((p) => p.waitMs === 30 * 60_000);
  if (long) {
    const fits = r.variants.find((v) => {
      const at = v.results.find((x) => x.waitMs === 30 * 60_000);
      return at !== undefined && 2 * at.polls < 200;
    });
    notes.push(
      `A 30-minute wait takes about ${long.polls.mean.toFixed(0)} polls (${long.polls.min}–${long.polls.max} with jitter). ` +
        'Counting DescribeStacks alone, that is under 200; but every poll of a stack wait also reads DescribeStackEvents ' +
        `(for the progress log and the root cause of a failure), so the API calls are about ${(2 * long.polls.mean).toFixed(0)}` +
        `${2 * long.polls.max >= 200 ? ', over 200' : ''}.` +
        (2 * long.polls.max < 200
          ? ' The current policy keeps both under 200.'
          : fits
            ? ` Of the policies compared in section 2, "${fits.label}" would bring both calls under 200 while keeping the latency bound.`
            : ' None of the policies compared in section 2 brings both calls under 200.'),
    );
  }

  const scaled = r.scenarios.find((s) => s.id === 'deploy-scaled');
  const stackWaits = scaled?.runs.flatMap((x) =>
    x.timeline.waits.filter((w) => w.kind === 'stack'),
  );
  if (stackWaits && stackWaits.length > 0) {
    const polls = stackWaits.reduce((a, w) => a + w.polls, 0);
    const pages = stackWaits.reduce((a, w) => a + w.eventCalls, 0);
    const perPoll = pages / polls;
    const total = scaled!.runs[0]!.timeline.calls.length;
    notes.push(
      `Event pages: in the scaled deploy, stack waits read ${perPoll.toFixed(1)} DescribeStackEvents pages per poll ` +
        `(${pages} pages for ${polls} polls; the fake pages by 10 events)` +
        (perPoll > 1.5
          ? ': each poll reads back to a minute before the previous one (so that events listed out of order are not missed, ' +
            '`REORDER_MS` in src/cfn/events.ts), so it re-reads every event of the last minute or so, and a stack with ' +
            `many events per minute costs several pages per poll: ${Math.round((100 * pages) / total)}% of the ${total} calls of that deploy. ` +
            "Against AWS it costs fewer pages if AWS's pages hold more events (the API reference gives no size), but the status-call budget above counts one page per poll."
          : '.'),
    );
  }

  const ec2 = r.profile.categories.find((c) => c.name === 'AWS SDK client: EC2');
  const total = r.bundles.filter((b) => !b.file.includes('cli/')).reduce((a, b) => a + b.bytes, 0);
  if (ec2 && total > 0) {
    const clients = r.profile.categories.filter((c) => c.name.startsWith('AWS SDK client'));
    const clientMs = clients.reduce((a, c) => a + c.loadMs, 0);
    const ec2Calls = (id: string) => {
      const run = r.scenarios.find((s) => s.id === id)?.runs[0];
      return run
        ? [...run.timeline.byKind]
            .filter(([k]) => k.startsWith('ec2:'))
            .reduce((a, [, n]) => a + n, 0)
        : 0;
    };
    // Start-up (no inputs) loads what every mode needs; a sample in EC2 means it is among them.
    const loadedAtStart = ec2.loadMs > 1;
    notes.push(
      `Cold-start hot spots: V8 compiling what start-up loads (${ms(r.profile.compileMs)} of CPU), then evaluating the AWS SDK ` +
        `clients (${ms(clientMs)}; each registers every one of its commands on its aggregated client class at load). The EC2 client alone is ` +
        `${bytes(ec2.bytes)} (${((100 * ec2.bytes) / total).toFixed(0)}% of the action's bundle) for ${ec2Calls('deploy-new')} read-only verification calls in a deploy` +
        (loadedAtStart
          ? ', and start-up loads it in every mode, plan included, which makes no EC2 call.'
          : ': it is in a chunk that only deploy and verify load (as they start, so compiling it overlaps CloudFormation), never a plan.'),
    );
  }
  const memory = cold?.memory;
  const runs = r.scenarios.flatMap((s) => s.runs.map((x) => x.run.maxRssKiB ?? Number.NaN));
  if (memory && memory.length >= 2 && runs.length > 0) {
    const mib = (k: number) => `${(k / 1024).toFixed(0)} MiB`;
    notes.push(
      `Memory: the runtime alone peaks at ${mib(memory[0]!.maxRssKiB)}; loading the bundle takes it to ` +
        `${mib(memory[1]!.maxRssKiB)} before any work; whole plan and deploy runs peak at ${mib(Math.min(...runs))}–${mib(Math.max(...runs))}.`,
    );
  }
  const big = r.render.find((x) => x.changes === 5000);
  if (big) {
    const first = r.render.find((x) => x.commentShortened);
    notes.push(
      (first
        ? `From ${first.changes.toLocaleString('en-US')} changes on, the renderer shortens the comment itself (least useful parts first: ` +
          `property details, then the diagram, then rows), to ${big.postedChars.toLocaleString('en-US')} characters with the marker at 5,000 changes`
        : `Even at 5,000 changes the comment is ${big.postedChars.toLocaleString('en-US')} characters`) +
        `; the poster ${r.render.some((x) => x.postedCut) ? 'had to cut one' : 'never had to cut one'}. ` +
        `The job summary at 5,000 changes is ${bytes(big.summaryBytes)}${big.summaryShortened ? ', shortened to fit its 1 MiB limit' : ''}.`,
    );
  }
  return notes;
}
