import { templateFacts } from '../plan/analysis-template.js';
import type { Plan } from '../plan/model.js';
import type { RenderContext } from '../render/index.js';
import type { Settings } from '../settings/types.js';
import type { TemplateBodies } from '../stacks/specs.js';
import type { GitHubContext } from './github-context.js';

/**
 * What the renderers need to know about this run: where it runs, what to hide, and the facts of
 * each stack's template (links for the diagram, retained resources, NoEcho parameters).
 */
export function renderContextFor(input: {
  readonly settings: Settings;
  readonly plan: Plan;
  readonly templates: TemplateBodies;
  readonly github?: GitHubContext;
  /** Values never to show, e.g. the GitHub token. */
  readonly secrets?: readonly string[];
}): RenderContext {
  const { settings, github } = input;
  const facts: Record<string, ReturnType<typeof templateFacts>> = {};
  for (const stack of input.plan.stacks)
    facts[stack.stackName] = templateFacts(input.templates[stack.role] ?? '');
  return {
    mode: settings.mode,
    commitSha: github?.sha,
    runUrl: github?.runUrl,
    repository: github?.repository,
    serverUrl: github?.serverUrl,
    maskAccount: settings.maskAccountId,
    secrets: [...(input.secrets ?? []), ...(settings.githubToken ? [settings.githubToken] : [])],
    templates: facts,
  };
}
