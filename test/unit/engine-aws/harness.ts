/**
 * The engine (plan, deploy) against the fake CloudFormation over the real SDK, on one instant
 * clock: the fake's time is the engine's, so every poll and wait costs no real time and the
 * order of events is the order of the engine's sleeps.
 */
import type { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import type { EngineContext } from '../../../src/plan/context.js';
import { inputsFrom, loadSettings } from '../../../src/settings/index.js';
import type { Settings } from '../../../src/settings/index.js';
import { instantClock } from '../../../src/shared/clock.js';
import { memoryLogger } from '../../../src/shared/logger.js';
import type { TemplateBodies } from '../../../src/stacks/specs.js';
import { loadBuiltInTemplate } from '../../../src/templates/index.js';
import { cfnClient } from '../../support/fake-aws/clients.js';
import { startFakeAws } from '../../support/fake-aws/index.js';
import type { FakeAws, FakeAwsOptions } from '../../support/fake-aws/index.js';

export const ACCOUNT = '123456789012';
export const VPC_STACK = 'demo-vpc';
export const PREREQ_STACK = 'demo-prerequisites';

export interface Harness {
  readonly aws: FakeAws;
  readonly cfn: CloudFormationClient;
  readonly clock: ReturnType<typeof instantClock>;
  readonly log: ReturnType<typeof memoryLogger>;
  readonly templates: TemplateBodies;
  /** An engine context for these inputs (mode deploy by default), with its own run label. */
  ctx(inputs?: Record<string, string>, runLabel?: string): EngineContext;
  settings(inputs?: Record<string, string>): Settings;
}

export async function startHarness(options: FakeAwsOptions = {}): Promise<Harness> {
  const clock = instantClock(Date.parse('2026-12-04T12:00:00Z'));
  const aws = await startFakeAws({
    now: () => clock.now(),
    changeSetReadyMs: 2_000,
    resourceMs: 5_000,
    ...options,
  });
  const cfn = cfnClient(aws, { maxAttempts: 1 });
  const log = memoryLogger();
  const templates = {
    vpc: await loadBuiltInTemplate('vpc'),
    prerequisites: await loadBuiltInTemplate('mwaa-prerequisites'),
  };
  const settings = (inputs: Record<string, string> = {}) =>
    loadSettings(
      inputsFrom({
        mode: 'deploy',
        'environment-name': 'demo',
        'aws-region': 'us-east-1',
        'vpc-stack-name': VPC_STACK,
        'prerequisites-stack-name': PREREQ_STACK,
        ...inputs,
      }),
      {},
    );
  return {
    aws,
    cfn,
    clock,
    log,
    templates,
    settings,
    ctx: (inputs = {}, runLabel = 'run-1') => ({
      settings: settings(inputs),
      cfn,
      clock,
      log,
      runLabel,
    }),
  };
}

/** Puts a deployed stack in an operation of someone else's that ends after `ms`. */
export function busyFor(aws: FakeAws, name: string, status: string, end: string, ms: number) {
  const state = aws.state;
  const stack = aws.stack(name)!;
  const now = state.now();
  state.stackEvent(stack, new Date(now), status, 'User Initiated', 'someone-else');
  state.schedule(now + ms, (at) => state.stackEvent(stack, at, end, undefined, 'someone-else'));
}
