/**
 * Measured runs of the bundled action against the fake AWS with a latency model: a plan of a
 * new environment, a plan of an existing one (both stacks planned concurrently, both with
 * changes), a deploy of a new environment, and a deploy scaled so one stack takes tens of
 * seconds (to compare the real poll counts with the simulated poll model).
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeAws } from '../../test/support/fake-aws/index.js';
import type { FakeAws } from '../../test/support/fake-aws/index.js';
import { runTimed } from '../lib/spawn-action.js';
import type { TimedRun } from '../lib/spawn-action.js';
import { readTimeline, recordChangeSets } from '../lib/timeline.js';
import type { Timeline } from '../lib/timeline.js';

export interface Model {
  readonly changeSetReadyMs: number;
  readonly resourceMs: number;
}

export interface MeasuredRun {
  readonly run: TimedRun;
  readonly timeline: Timeline;
}

export interface Scenario {
  readonly id: string;
  readonly title: string;
  readonly model: Model;
  readonly runs: readonly MeasuredRun[];
}

export interface ActionBenchOptions {
  readonly root: string;
  readonly node: string;
  readonly bundle: string;
  /** Fewer and faster runs, for a smoke test of the benchmark itself. */
  readonly quick: boolean;
  readonly log: (line: string) => void;
}

const ROLE = 'arn:aws:iam::123456789012:role/mwaa-deploy-bench';

function inputs(mode: 'plan' | 'deploy', env: string, extra: Record<string, string> = {}) {
  return {
    mode,
    'environment-name': env,
    'aws-region': 'us-east-1',
    'role-to-assume': ROLE,
    comment: 'never',
    ...extra,
  };
}

/** User templates that change one resource in each stack in place (a PR's typical edit). */
export async function editedTemplates(root: string): Promise<Record<string, string>> {
  const dir = await mkdtemp(join(tmpdir(), 'mwaa-bench-tpl-'));
  const vpc = (await readFile(join(root, 'templates', 'vpc.yaml'), 'utf8')).replace(
    '${EnvironmentName} Public Routes',
    '${EnvironmentName} Public Route Table',
  );
  const prereq = (
    await readFile(join(root, 'templates', 'mwaa-prerequisites.yaml'), 'utf8')
  ).replace('Execution role of the Amazon MWAA environment', 'MWAA execution role for');
  await writeFile(join(dir, 'vpc.yaml'), vpc);
  await writeFile(join(dir, 'prereq.yaml'), prereq);
  return {
    'vpc-template': join(dir, 'vpc.yaml'),
    'prerequisites-template': join(dir, 'prereq.yaml'),
  };
}

async function measure(
  aws: FakeAws,
  options: ActionBenchOptions,
  runInputs: Record<string, string>,
  changeSets: ReturnType<typeof recordChangeSets>,
): Promise<MeasuredRun> {
  const from = aws.calls.length;
  const run = await runTimed({
    node: options.node,
    bundle: options.bundle,
    cwd: options.root,
    inputs: runInputs,
    env: aws.env(),
    measureMemory: true,
  });
  if (run.code !== 0) {
    throw new Error(
      `The action failed (exit ${String(run.code)}):\n${run.stdout.slice(-3000)}\n${run.stderr.slice(-2000)}`,
    );
  }
  return { run, timeline: readTimeline(aws, changeSets, run, from) };
}

export async function actionBench(options: ActionBenchOptions): Promise<Scenario[]> {
  const q = options.quick;
  const repeats = q ? 1 : 5;
  const scenarios: Scenario[] = [];

  // Plans: change sets take 3 s to compute, resources 20 ms (only the setup deploy needs them).
  const planModel: Model = { changeSetReadyMs: q ? 500 : 3000, resourceMs: 20 };
  const planAws = await startFakeAws(planModel);
  try {
    const recorded = recordChangeSets(planAws);
    const fresh: MeasuredRun[] = [];
    for (let i = 0; i < repeats; i++) {
      options.log(`  plan, new environment, run ${i + 1}/${repeats}`);
      fresh.push(await measure(planAws, options, inputs('plan', 'analytics'), recorded));
    }
    scenarios.push({
      id: 'plan-new',
      title: 'Plan, new environment (empty account)',
      model: planModel,
      runs: fresh,
    });

    options.log('  setting up an existing environment (deploy, not measured)');
    await measure(planAws, options, inputs('deploy', 'analytics'), recorded);
    const edited = await editedTemplates(options.root);
    const existing: MeasuredRun[] = [];
    for (let i = 0; i < repeats; i++) {
      options.log(`  plan, existing environment, run ${i + 1}/${repeats}`);
      existing.push(await measure(planAws, options, inputs('plan', 'analytics', edited), recorded));
    }
    scenarios.push({
      id: 'plan-existing',
      title: 'Plan, existing environment, both stacks changed (planned concurrently)',
      model: planModel,
      runs: existing,
    });
  } finally {
    await planAws.close();
  }

  // Deploy of a new environment: change sets 3 s, each resource wave 1 s.
  const deployModel: Model = {
    changeSetReadyMs: q ? 500 : 3000,
    resourceMs: q ? 100 : 1000,
  };
  const deployAws = await startFakeAws(deployModel);
  try {
    const recorded = recordChangeSets(deployAws);
    const runs: MeasuredRun[] = [];
    for (let i = 0; i < (q ? 1 : 2); i++) {
      options.log(`  deploy, new environment, run ${i + 1}`);
      runs.push(await measure(deployAws, options, inputs('deploy', `analytics${i + 1}`), recorded));
    }
    scenarios.push({
      id: 'deploy-new',
      title: 'Deploy, new environment',
      model: deployModel,
      runs,
    });
  } finally {
    await deployAws.close();
  }

  // Scaled: each resource wave takes seconds, so the VPC stack takes most of a minute.
  const scaledModel: Model = {
    changeSetReadyMs: q ? 1000 : 5000,
    resourceMs: q ? 600 : 8000,
  };
  const scaledAws = await startFakeAws(scaledModel);
  try {
    const recorded = recordChangeSets(scaledAws);
    options.log('  deploy, new environment, scaled latency model (about 1.5 minutes)');
    scenarios.push({
      id: 'deploy-scaled',
      title: 'Deploy, new environment, scaled model (long waits)',
      model: scaledModel,
      runs: [await measure(scaledAws, options, inputs('deploy', 'analytics'), recorded)],
    });
  } finally {
    await scaledAws.close();
  }
  return scenarios;
}
