import { outputsOf, readStackState } from '../cfn/state.js';
import type { EngineContext } from '../plan/context.js';
import { checkStackOutputs, verifyEnvironment } from '../verify/index.js';
import type { VerifyClients, VerifyReport } from '../verify/index.js';
import { resultsOk } from '../verify/report.js';
import { checkTerminationProtection } from '../verify/termination-protection.js';

/**
 * Checks the deployed stacks: their outputs first (present, well formed), then MWAA's
 * invariants by read-only API calls. Outputs already read (after a deploy) can be passed in.
 */
export async function verifyStacks(
  ctx: EngineContext,
  clients: VerifyClients,
  known?: {
    vpc: Readonly<Record<string, string>>;
    prerequisites: Readonly<Record<string, string>>;
    environment?: Readonly<Record<string, string>>;
  },
): Promise<VerifyReport> {
  const { settings } = ctx;
  const outputs = known ?? (await readOutputs(ctx));
  const checked = checkStackOutputs(outputs.vpc, outputs.prerequisites, settings);
  if (!checked.outputs) {
    throw new Error(
      `The stacks' outputs are not what MWAA needs:\n- ${checked.problems.join('\n- ')}`,
    );
  }
  const report = await verifyEnvironment({
    settings,
    outputs: checked.outputs,
    clients,
    outputProblems: checked.problems,
    log: ctx.log,
  });
  const protectedReport = settings.terminationProtection
    ? await withTerminationProtection(ctx, report)
    : report;
  if (!settings.environment || !ctx.environment) return protectedReport;
  const environmentOutputs =
    known?.environment ?? (await readEnvironmentOutputs(ctx, settings.stacks.environment?.name));
  // Loaded only with deploy-environment, like the readers it uses.
  const { withEnvironmentChecks } = await import('../environment/verify.js');
  return withEnvironmentChecks(
    protectedReport,
    settings,
    ctx.environment,
    clients.kms,
    environmentOutputs,
  );
}

/** The report with the termination-protection check of every stack (the environment's too). */
async function withTerminationProtection(
  ctx: EngineContext,
  report: VerifyReport,
): Promise<VerifyReport> {
  const { stacks } = ctx.settings;
  const protection = await checkTerminationProtection(ctx.cfn, [
    stacks.vpc.name,
    stacks.prerequisites.name,
    ...(stacks.environment ? [stacks.environment.name] : []),
  ]);
  const results = [...report.results, protection];
  return { ...report, results, ok: resultsOk(results) };
}

async function readOutputs(ctx: EngineContext) {
  const { vpc, prerequisites } = ctx.settings.stacks;
  const [v, p] = await Promise.all([
    readStackState(ctx.cfn, vpc.name),
    readStackState(ctx.cfn, prerequisites.name),
  ]);
  for (const [state, name] of [
    [v, vpc.name],
    [p, prerequisites.name],
  ] as const) {
    if (state.kind !== 'healthy') {
      throw new Error(
        `Stack ${name} is ${state.status}; verify needs both stacks deployed (run mode: deploy first).`,
      );
    }
  }
  return { vpc: outputsOf(v.stack), prerequisites: outputsOf(p.stack) };
}

/** The environment stack's outputs, when it is deployed (verify mode). */
async function readEnvironmentOutputs(ctx: EngineContext, name: string | undefined) {
  if (name === undefined) return undefined;
  const state = await readStackState(ctx.cfn, name);
  return state.kind === 'healthy' ? outputsOf(state.stack) : undefined;
}
