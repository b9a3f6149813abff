import type { Settings } from '../settings/types.js';
import {
  activeOutputs,
  activeResources,
  evaluateConditions,
  parseTemplate,
} from '../templates/index.js';
import type { ActiveResource } from '../templates/index.js';
import { readTemplates } from './read.js';
import type { ReadTemplateFile } from './read.js';
import { stackSpecs } from './specs.js';
import type { ParameterSpec, StackSpec } from './types.js';

/** What a stack would hold, read from its template alone: the offline view of a stack. */
export interface StackSummary {
  readonly role: StackSpec['role'];
  readonly name: string;
  readonly templateSource: string;
  readonly parameters: readonly ParameterSpec[];
  readonly resources: readonly ActiveResource[];
  readonly outputs: readonly string[];
}

/**
 * Resources and outputs the template declares for these parameters. Conditions only read
 * parameters known before deploy (the key mode, the bucket name); a value known only after
 * deploy stands in as a placeholder so it cannot change which resources exist.
 */
export function summarizeStack(
  spec: StackSpec,
  settings: Settings,
  accountId?: string,
): StackSummary {
  const template = parseTemplate(spec.templateBody);
  const given: Record<string, string> = {};
  for (const p of spec.parameters) given[p.key] = p.value ?? `{{${p.key}}}`;
  const conditions = evaluateConditions(template, given, {
    region: settings.region,
    accountId: accountId ?? '{{AWS::AccountId}}',
    stackName: spec.name,
  });
  return {
    role: spec.role,
    name: spec.name,
    templateSource: spec.templateSource,
    parameters: spec.parameters,
    resources: activeResources(template, conditions),
    outputs: activeOutputs(template, conditions),
  };
}

/** Plain text for a terminal or log: one block per stack. */
export function formatStackSummaries(summaries: readonly StackSummary[]): string {
  const lines: string[] = [];
  for (const s of summaries) {
    lines.push(`Stack ${s.name} (${s.role}, template: ${s.templateSource})`);
    lines.push('  Parameters:');
    for (const p of s.parameters) {
      const value =
        p.value !== undefined
          ? JSON.stringify(p.value)
          : `(known after deploy: ${p.knownAfterDeploy})`;
      lines.push(`    ${p.key} = ${value}`);
    }
    lines.push(`  Resources (${s.resources.length}):`);
    for (const r of s.resources) lines.push(`    + ${r.logicalId}  ${r.type}`);
    lines.push(`  Outputs: ${s.outputs.join(', ')}`);
    lines.push('');
  }
  return lines.join('\n');
}

/** Reads the templates and summarises both stacks as they would be created in an empty account. */
export async function summarizeStacks(
  settings: Settings,
  readUserFile?: ReadTemplateFile,
): Promise<StackSummary[]> {
  const templates = await readTemplates(settings, readUserFile);
  return stackSpecs(settings, templates).map((spec) => summarizeStack(spec, settings));
}
