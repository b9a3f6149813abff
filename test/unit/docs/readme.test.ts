/**
 * The docs cannot drift from the code: the README's input and output tables are what action.yml
 * gives, every input is a CLI flag, and every workflow snippet (in the README and in
 * .github/workflows) and every command line in the README only uses what exists.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { load } from 'js-yaml';
import { parseAction, renderReadme } from '../../../scripts/docs.mjs';
import { actionInputs } from '../../../src/cli/action-inputs.js';
import { COMMANDS, parseCliArgs } from '../../../src/cli/args.js';
import { ACTION_ONLY, inputsOf } from '../../../src/cli/commands.js';
import { usage } from '../../../src/cli/usage.js';
import * as library from '../../../src/index.js';
import { INPUT_DEFAULTS } from '../../../src/settings/index.js';
import { codeBlocks, read, root } from './markdown.js';

const readme = read('README.md');
const actionText = read('action.yml');
const action = parseAction(actionText);
const inputNames = Object.keys(action.inputs);
const outputNames = Object.keys(action.outputs);

interface ActionStep {
  readonly where: string;
  readonly id?: string;
  readonly with: Record<string, unknown>;
}

/** Steps that run this action: `uses: <owner>/mwaa-deploy@<ref>` or, in this repo, `uses: ./`. */
function actionSteps(document: unknown, where: string): ActionStep[] {
  const steps: ActionStep[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    const uses = record.uses;
    if (typeof uses === 'string' && (/(^|\/)mwaa-deploy(@|$)/.test(uses) || uses === './')) {
      steps.push({
        where,
        ...(typeof record.id === 'string' ? { id: record.id } : {}),
        with: (record.with ?? {}) as Record<string, unknown>,
      });
    }
    Object.values(record).forEach(visit);
  };
  visit(document);
  return steps;
}

/** `steps.<id>.outputs.<name>` references in a text. */
function outputReferences(text: string): { id: string; name: string }[] {
  return [...text.matchAll(/steps\.([\w-]+)\.outputs\.([\w-]+)/g)].map((m) => ({
    id: m[1] ?? '',
    name: m[2] ?? '',
  }));
}

/** The YAML snippets of the README and the repository's workflows, parsed. */
function workflowDocuments(): { where: string; text: string; document: unknown }[] {
  const documents = codeBlocks(readme)
    .filter((b) => b.lang === 'yaml' || b.lang === 'yml')
    .map((b) => ({ where: `README.md line ${b.line}`, text: b.text, document: load(b.text) }));
  const dir = new URL('.github/workflows/', root);
  for (const file of readdirSync(dir).filter((f) => /\.ya?ml$/.test(f))) {
    const text = readFileSync(new URL(file, dir), 'utf8');
    documents.push({ where: `.github/workflows/${file}`, text, document: load(text) });
  }
  return documents;
}

/** The first line where two texts differ, for a message a person can act on. */
function firstDifference(actual: string, expected: string): string {
  const a = actual.split('\n');
  const e = expected.split('\n');
  for (let i = 0; i < Math.max(a.length, e.length); i++) {
    if (a[i] !== e[i]) {
      return `line ${i + 1}:\n  README.md:  ${a[i] ?? '(end of file)'}\n  generated:  ${e[i] ?? '(end of file)'}`;
    }
  }
  return 'no line differs (line endings?)';
}

describe('README.md and action.yml', () => {
  it('has the inputs and outputs tables generated from action.yml', async () => {
    const expected = await renderReadme(readme, actionText);
    if (expected !== readme) {
      throw new Error(
        'README.md differs from what action.yml generates: run `npm run docs` (and commit README.md).\n' +
          `First difference at ${firstDifference(readme, expected)}`,
      );
    }
  });

  it('lists every input and output in its tables', () => {
    const section = (name: string) =>
      readme.slice(
        readme.indexOf(`<!-- ${name}:start -->`),
        readme.indexOf(`<!-- ${name}:end -->`),
      );
    for (const name of inputNames) expect(section('inputs')).toContain(`| \`${name}\``);
    for (const name of outputNames) expect(section('outputs')).toContain(`| \`${name}\``);
  });

  it('starts with the two commands CI and users rely on', () => {
    const first = codeBlocks(readme)[0];
    expect(first?.lang).toBe('sh');
    expect(first?.text).toBe(
      'node dist/cli/index.js plan --offline     # the main job on a built-in example, no AWS account needed\n' +
        'npm ci && npm test                        # the tests\n',
    );
  });
});

describe('the CLI and action.yml', () => {
  const runs = ['plan', 'deploy', 'verify', 'render'] as const;
  const cliInputs = inputNames.filter(
    (n) => n !== 'mode' && !(ACTION_ONLY as readonly string[]).includes(n),
  );

  it('has a flag, with its description from action.yml, in the help of a command for every input', () => {
    const helps = runs.map((c) => usage(c, actionInputs()));
    const missing = cliInputs.filter((n) => !helps.some((h) => h.includes(`--${n} `)));
    expect(missing).toEqual([]);
    const described = cliInputs.filter((n) => {
      const first = String(action.inputs[n]?.description ?? '')
        .split(/\s+/)
        .slice(0, 4)
        .join(' ');
      return helps.some((h) => h.replace(/\s+/g, ' ').includes(first));
    });
    expect(described).toEqual(cliInputs);
    const toolHelp = usage(undefined, actionInputs());
    for (const mode of ['plan', 'deploy', 'verify']) {
      expect(COMMANDS as readonly string[]).toContain(mode);
      expect(toolHelp).toContain(mode);
    }
  });

  it('accepts every input as a flag of the commands that use it, and knows no input action.yml lacks', () => {
    for (const name of cliInputs) {
      const users = runs.filter((c) => inputsOf(c).includes(name as never));
      expect(users.length).toBeGreaterThan(0);
      for (const command of users) {
        expect(parseCliArgs([command, `--${name}`, 'x']).inputs[name]).toBe('x');
      }
    }
    expect(Object.keys(INPUT_DEFAULTS).sort()).toEqual([...inputNames].sort());
  });

  it('accepts every command line the README shows', () => {
    const lines = codeBlocks(readme)
      .filter((b) => b.lang === 'sh' || b.lang === 'bash' || b.lang === 'shell')
      .flatMap((b) => b.text.replace(/\\\n\s*/g, ' ').split('\n'));
    const commands = lines
      .map((l) => l.replace(/\s#.*$/, '').trim())
      .map(
        (l) =>
          /(?:^|\s)(?:node dist\/cli\/index\.js|npx mwaa-deploy|mwaa-deploy)\s+(.*)$/.exec(l)?.[1],
      )
      .filter((rest): rest is string => rest !== undefined);
    expect(commands.length).toBeGreaterThan(0);
    const problems: string[] = [];
    for (const rest of commands) {
      // Up to a pipe, redirection or next command; the README's command lines quote nothing.
      const argv = (rest.split(/\s(?:\|\|?|&&|;|\d?>)/)[0] ?? '').split(/\s+/).filter(Boolean);
      try {
        parseCliArgs(argv);
      } catch (error) {
        problems.push(`${argv.join(' ')}: ${(error as Error).message}`);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('workflow snippets (README.md and .github/workflows)', () => {
  const documents = workflowDocuments();

  it('are YAML and include steps that run this action', () => {
    const steps = documents.flatMap((d) => actionSteps(d.document, d.where));
    expect(steps.length).toBeGreaterThan(0);
  });

  it('only give inputs that action.yml declares, with valid modes, and every required one', () => {
    const required = inputNames.filter((n) => action.inputs[n]?.required === true);
    const problems: string[] = [];
    for (const { where, document } of documents) {
      for (const step of actionSteps(document, where)) {
        for (const key of Object.keys(step.with)) {
          if (!inputNames.includes(key)) problems.push(`${where}: unknown input '${key}'`);
        }
        for (const key of required) {
          if (!(key in step.with)) problems.push(`${where}: required input '${key}' missing`);
        }
        const mode = step.with.mode;
        if (mode !== undefined && !['plan', 'deploy', 'verify'].includes(String(mode))) {
          problems.push(`${where}: mode '${String(mode)}' is not plan, deploy or verify`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('give only inputs in a bare `with:` fragment (a mapping that is no workflow)', () => {
    const fragments = documents.filter(
      (d) =>
        typeof d.document === 'object' &&
        d.document !== null &&
        !Array.isArray(d.document) &&
        !('jobs' in d.document) &&
        !('steps' in d.document),
    );
    expect(fragments.length).toBeGreaterThan(0);
    const problems = fragments.flatMap((d) =>
      Object.keys(d.document as object)
        .filter((key) => !inputNames.includes(key))
        .map((key) => `${d.where}: unknown input '${key}'`),
    );
    expect(problems).toEqual([]);
  });

  it('only read outputs that action.yml declares, from steps that run this action', () => {
    const problems: string[] = [];
    for (const { where, text, document } of documents) {
      const ids = new Set(
        actionSteps(document, where)
          .map((s) => s.id)
          .filter((id) => id !== undefined),
      );
      for (const ref of outputReferences(text)) {
        if (ids.has(ref.id) && !outputNames.includes(ref.name)) {
          problems.push(`${where}: steps.${ref.id}.outputs.${ref.name} is not an output`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('the library example', () => {
  it('imports only what the package exports', () => {
    const imports = codeBlocks(readme)
      .filter((b) => b.lang === 'ts' || b.lang === 'js')
      .flatMap((b) => [...b.text.matchAll(/import\s*{([^}]*)}\s*from\s*'mwaa-deploy'/g)])
      .flatMap((m) => (m[1] ?? '').split(','))
      .map((name) => name.trim().replace(/^type\s+/, ''))
      .filter((name) => name !== '');
    expect(imports.length).toBeGreaterThan(0);
    expect(imports.filter((name) => !(name in library))).toEqual([]);
  });
});

describe('README.md links', () => {
  it('point at files that exist', () => {
    const links = [...readme.matchAll(/\]\((?!https?:|#|mailto:)([^)\s]+)\)/g)].map(
      (m) => (m[1] ?? '').split('#')[0] ?? '',
    );
    const missing = links.filter((path) => {
      try {
        readFileSync(new URL(path, root));
        return false;
      } catch (error) {
        // A directory is a fine target too.
        return (error as NodeJS.ErrnoException).code !== 'EISDIR';
      }
    });
    expect(missing).toEqual([]);
  });
});

describe('CHANGELOG.md', () => {
  it('has a section for the version in package.json', () => {
    const pkg = JSON.parse(read('package.json')) as { version: string };
    expect(read('CHANGELOG.md')).toMatch(
      new RegExp(`^## \\[${pkg.version.replace(/\./g, '\\.')}\\]`, 'm'),
    );
  });
});

describe('the repository and release line the docs name', () => {
  const pkg = JSON.parse(read('package.json')) as { version: string; repository: { url: string } };
  const repository = /github\.com\/([\w.-]+\/[\w.-]+?)(?:\.git)?$/.exec(pkg.repository.url)?.[1];

  it('is package.json repository everywhere (one place to change for a fork)', () => {
    expect(repository).toBeDefined();
    const named = [
      ...[...readme.matchAll(/uses: ([\w.-]+\/mwaa-deploy)@/g)].map((m) => m[1]),
      ...[...readme.matchAll(/raw\.githubusercontent\.com\/([\w.-]+\/[\w.-]+)\//g)].map(
        (m) => m[1],
      ),
      ...[
        ...read('CHANGELOG.md').matchAll(/github\.com\/([\w.-]+\/[\w.-]+)\/(?:compare|releases)/g),
      ].map((m) => m[1]),
    ];
    expect(named.length).toBeGreaterThan(3);
    expect([...new Set(named)]).toEqual([repository]);
  });

  it('is the tag the release workflow moves for the version in package.json', () => {
    const [major, minor] = pkg.version.split('.');
    const line = major === '0' ? `v0.${minor}` : `v${major}`;
    const refs = [
      ...[...readme.matchAll(/uses: [\w.-]+\/mwaa-deploy@([\w.-]+)/g)].map((m) => m[1]),
      ...[
        ...readme.matchAll(/raw\.githubusercontent\.com\/[\w.-]+\/mwaa-deploy\/([\w.-]+)\//g),
      ].map((m) => m[1]),
    ];
    expect(refs.length).toBeGreaterThan(0);
    expect([...new Set(refs)]).toEqual([line]);
  });
});
