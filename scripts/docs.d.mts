/** Types of scripts/docs.mjs, for the test that imports it (test/unit/docs). */

/** A parsed action.yml, as far as the tables read it. */
export interface ActionDefinition {
  readonly inputs: Readonly<
    Record<string, { description?: string; required?: boolean | string; default?: string } | null>
  >;
  readonly outputs: Readonly<Record<string, { description?: string } | null>>;
  readonly [key: string]: unknown;
}

/** The generated sections, by marker name. */
export const SECTIONS: readonly string[];
/** Markdown for one table cell. */
export function cell(text: unknown): string;
/** Parses action.yml; throws when it has no inputs or outputs. */
export function parseAction(yamlText: string): ActionDefinition;
/** The inputs table in markdown. */
export function inputsTable(action: ActionDefinition): string;
/** The outputs table in markdown. */
export function outputsTable(action: ActionDefinition): string;
/** Replaces the text between `<!-- name:start -->` and `<!-- name:end -->`. */
export function replaceSection(markdown: string, name: string, content: string): string;
/** Prettier with the project's settings for a markdown file. */
export function formatMarkdown(markdown: string, filepath?: string): Promise<string>;
/** The README with both sections regenerated from action.yml and formatted. */
export function renderReadme(readmeText: string, actionText: string): Promise<string>;
