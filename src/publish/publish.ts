import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunResult } from '../engine/run.js';
import { planIsDestructive } from '../plan/analysis.js';
import { planHasChanges } from '../plan/model.js';
import type { Plan } from '../plan/model.js';
import { renderForSummary } from '../render/index.js';
import type { RenderContext } from '../render/index.js';
import { renderImportErrorsMarkdown } from '../render/import-errors-markdown.js';
import { renderVerifyMarkdown } from '../render/verify-markdown.js';
import { environmentOutputs } from '../environment/outputs.js';
import { publishCodeOutputs } from './code-outputs.js';
import type { ResultSink } from './sink.js';

/** Writes the plan as JSON where later steps can read it; returns the path. */
export async function writePlanFile(plan: Plan, directory: string): Promise<string> {
  await mkdir(directory, { recursive: true });
  const safeName = plan.environmentName.replace(/[^A-Za-z0-9_-]/g, '-');
  const path = join(directory, `mwaa-deploy-plan-${safeName}.json`);
  await writeFile(path, `${JSON.stringify(plan, null, 2)}\n`);
  return path;
}

/** Sets the step outputs and the job summary from a run's result. */
export async function publishResult(
  result: RunResult,
  sink: ResultSink,
  options: { planDirectory: string; renderContext?: RenderContext },
): Promise<void> {
  const parts: string[] = [];
  if (result.plan) {
    sink.setOutput('has-changes', String(planHasChanges(result.plan)));
    sink.setOutput('destructive', String(planIsDestructive(result.plan)));
    sink.setOutput('plan-file', await writePlanFile(result.plan, options.planDirectory));
    parts.push(renderForSummary(result.plan, options.renderContext ?? { mode: 'plan' }));
  }
  const outputs = result.verify?.outputs;
  if (outputs) {
    sink.setOutput('vpc-id', outputs.vpcId);
    sink.setOutput('private-subnet-ids', outputs.privateSubnetIds.join(','));
    sink.setOutput('public-subnet-ids', outputs.publicSubnetIds.join(','));
    sink.setOutput('security-group-id', outputs.securityGroupId);
    sink.setOutput('bucket-name', outputs.bucketName);
    sink.setOutput('bucket-arn', outputs.bucketArn);
    sink.setOutput('execution-role-arn', outputs.executionRoleArn);
    sink.setOutput('kms-key-arn', outputs.kmsKeyArn ?? '');
  }
  const environment = result.deploy?.environmentOutputs ?? result.verify?.environmentOutputs;
  if (environment)
    for (const [name, value] of environmentOutputs(environment)) sink.setOutput(name, value);
  if (result.code) publishCodeOutputs(result.code, sink);
  if (result.verify) parts.push(renderVerifyMarkdown(result.verify));
  const importErrors = result.importErrors;
  if (importErrors) {
    // The count when Airflow was asked; empty when it was not (off, no DAG change, no access).
    sink.setOutput(
      'import-errors',
      importErrors.kind === 'checked' ? String(importErrors.errors.length) : '',
    );
    parts.push(renderImportErrorsMarkdown(importErrors));
  }
  if (parts.length > 0) await sink.appendSummary(`${parts.join('\n')}\n`);
}
