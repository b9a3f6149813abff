#!/usr/bin/env node
/**
 * The README's input and output tables, generated from action.yml so the two cannot drift:
 *
 *   node scripts/docs.mjs          rewrite the sections between the markers (npm run docs)
 *   node scripts/docs.mjs --check  exit 1 when README.md is not what action.yml gives
 *
 * Each table sits between `<!-- inputs:start -->` and `<!-- inputs:end -->` (outputs likewise).
 * The whole README then goes through Prettier with the project's settings, so the file this
 * writes is already what `prettier --check` accepts, and the test (test/unit/docs) compares the
 * same formatted text.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { load } from 'js-yaml';
import * as prettier from 'prettier';

const ROOT = new URL('../', import.meta.url);
const README = new URL('README.md', ROOT);
const ACTION = new URL('action.yml', ROOT);

/** The generated sections, by marker name. */
export const SECTIONS = ['inputs', 'outputs'];

/**
 * Markdown for a table cell: one line, pipes escaped everywhere (GFM splits cells on them even
 * inside code spans), and outside code spans the characters that would start emphasis or HTML.
 */
export function cell(text) {
  const oneLine = String(text ?? '')
    .replace(/\s+/g, ' ')
    .trim();
  return oneLine
    .split(/(`[^`]*`)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/([*_<>[\]])/g, '\\$1')))
    .join('')
    .replace(/\|/g, '\\|');
}

/** A code span for a default value, or an empty cell when there is none. */
function code(value) {
  if (value === undefined || value === null || String(value) === '') return '';
  const text = String(value);
  const fence = text.includes('`') ? '``' : '`';
  return `${fence}${text}${fence}`.replace(/\|/g, '\\|');
}

/** The parsed action.yml, checked for the shape the tables need. */
export function parseAction(yamlText) {
  const action = load(yamlText);
  if (typeof action !== 'object' || action === null) throw new Error('action.yml is empty');
  for (const key of ['inputs', 'outputs']) {
    if (typeof action[key] !== 'object' || action[key] === null) {
      throw new Error(`action.yml has no ${key}`);
    }
  }
  return action;
}

/** The inputs table: name, whether required, default, description, in action.yml's order. */
export function inputsTable(action) {
  const rows = Object.entries(action.inputs).map(([name, input]) => {
    const required = input?.required === true || input?.required === 'true';
    return `| \`${name}\` | ${required ? 'yes' : 'no'} | ${code(input?.default)} | ${cell(input?.description)} |`;
  });
  return [
    '| Input | Required | Default | Description |',
    '| --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

/** The outputs table: name and description, in action.yml's order. */
export function outputsTable(action) {
  const rows = Object.entries(action.outputs).map(
    ([name, output]) => `| \`${name}\` | ${cell(output?.description)} |`,
  );
  return ['| Output | Description |', '| --- | --- |', ...rows].join('\n');
}

/**
 * Replaces what lies between `<!-- NAME:start -->` and `<!-- NAME:end -->` with `content`.
 * Throws when the markers are missing, doubled or out of order: a README without them would
 * silently stop being checked.
 */
export function replaceSection(markdown, name, content) {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const from = markdown.indexOf(start);
  const to = markdown.indexOf(end);
  if (from < 0 || to < 0 || to < from) {
    throw new Error(`README.md needs the markers ${start} and ${end}, in that order`);
  }
  if (markdown.indexOf(start, from + 1) >= 0 || markdown.indexOf(end, to + 1) >= 0) {
    throw new Error(`README.md has the markers of the ${name} section more than once`);
  }
  const note = `<!-- Generated from action.yml by \`npm run docs\`; do not edit by hand. -->`;
  return `${markdown.slice(0, from + start.length)}\n${note}\n\n${content}\n\n${markdown.slice(to)}`;
}

/** Prettier with the project's settings for README.md, so the result passes `format:check`. */
export async function formatMarkdown(markdown, filepath = fileURLToPath(README)) {
  const options = (await prettier.resolveConfig(filepath)) ?? {};
  return prettier.format(markdown, { ...options, filepath, parser: 'markdown' });
}

/** The README as action.yml says it should be: both sections regenerated, then formatted. */
export async function renderReadme(readmeText, actionText) {
  const action = parseAction(actionText);
  let text = replaceSection(readmeText, 'inputs', inputsTable(action));
  text = replaceSection(text, 'outputs', outputsTable(action));
  return formatMarkdown(text);
}

async function main(argv) {
  const [readme, action] = await Promise.all([readFile(README, 'utf8'), readFile(ACTION, 'utf8')]);
  const expected = await renderReadme(readme, action);
  if (argv.includes('--check')) {
    if (expected !== readme) {
      process.stderr.write('README.md differs from action.yml: run `npm run docs`.\n');
      return 1;
    }
    process.stdout.write('README.md matches action.yml.\n');
    return 0;
  }
  if (expected !== readme) {
    await writeFile(README, expected);
    process.stdout.write('README.md: inputs and outputs regenerated from action.yml.\n');
  } else {
    process.stdout.write('README.md already matches action.yml.\n');
  }
  return 0;
}

// Run only as a script: the test imports the functions above.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
