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

const root = new URL('../../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');

const readme = read('README.md');
const actionText = read('action.yml');
const action = parseAction(actionText);
const inputNames = Object.keys(action.inputs);
const outputNames = Object.keys(action.outputs);

interface CodeBlock {
  readonly lang: string;
  readonly text: string;
  /** 1-based line of the opening fence, for messages. */
  readonly line: number;
}

/** Fenced code blocks of a markdown text (``` fences, as this README uses). */
function codeBlocks(markdown: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  const fence = /^```([\w-]*)[^\n]*\n([\s\S]*?)^```[ \t]*$/gm;
  for (const match of markdown.matchAll(fence)) {
    blocks.push({
      lang: match[1] ?? '',
      text: match[2] ?? '',
      line: markdown.slice(0, match.index).split('\n').length,
    });
  }
  return blocks;
}

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

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces as hyphens. */
function headingAnchor(heading: string): string {
  return heading
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[`*]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** The anchors a markdown file's headings get (fenced code left out; repeats numbered). */
function anchorsOf(markdown: string): Set<string> {
  const prose = markdown.replace(/^```[\s\S]*?^```[ \t]*$/gm, '');
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  for (const match of prose.matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const anchor = headingAnchor(match[1] ?? '');
    const count = seen.get(anchor) ?? 0;
    seen.set(anchor, count + 1);
    anchors.add(count === 0 ? anchor : `${anchor}-${count}`);
  }
  return anchors;
}

describe('links to headings (README.md, docs/, policies/README.md)', () => {
  const documents = [
    'README.md',
    ...readdirSync(new URL('docs/', root))
      .filter((f) => f.endsWith('.md'))
      .map((f) => `docs/${f}`),
    'policies/README.md',
  ];

  it('finds the anchors of this README the way GitHub makes them', () => {
    const anchors = anchorsOf(readme);
    expect(anchors).toContain('quick-start-from-an-empty-account-to-a-plan-comment');
    expect(anchors).toContain('will-it-create-the-environments-pre-checks');
    expect(anchors).not.toContain('in-the-clone-writes-mwaa-deploy-010tgz');
  });

  it('resolve, within a file and across files', () => {
    const problems: string[] = [];
    for (const document of documents) {
      const text = read(document).replace(/^```[\s\S]*?^```[ \t]*$/gm, '');
      for (const match of text.matchAll(/\]\(([^)\s]*#[^)\s]+)\)/g)) {
        const link = match[1] ?? '';
        if (/^[a-z]+:/.test(link)) continue;
        const [path = '', anchor = ''] = link.split('#');
        const target = path === '' ? document : new URL(path, new URL(document, root)).pathname;
        const targetText = path === '' ? read(document) : readFileSync(target, 'utf8');
        if (!anchorsOf(targetText).has(anchor)) problems.push(`${document}: ${link}`);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('the checks table', () => {
  it('lists every check that verify runs', () => {
    const dir = new URL('src/verify/', root);
    const ids = readdirSync(dir)
      .filter((f) => f.endsWith('.ts'))
      .flatMap((f) => [...readFileSync(new URL(f, dir), 'utf8').matchAll(/\bid: '([a-z-]+)'/g)])
      .map((m) => m[1] ?? '');
    expect(ids.length).toBeGreaterThan(10);
    const section = readme.slice(
      readme.indexOf('## What the checks check'),
      readme.indexOf('## Inputs'),
    );
    expect(ids.filter((id) => !section.includes(`| \`${id}\``))).toEqual([]);
  });
});

describe('the bootstrap commands', () => {
  // CloudFormation takes a TemplateBody of at most 51,200 bytes (CreateChangeSet API reference:
  // "a minimum length of 1 byte and a maximum length of 51,200 bytes"); a larger one must come
  // from S3 (TemplateURL), and `aws cloudformation deploy` refuses one without --s3-bucket before
  // any call ("Templates with a size greater than 51,200 bytes must be deployed via an S3
  // Bucket", seen with awscli 1.45 on templates/github-oidc-roles.yaml at 56,865 bytes).
  const TEMPLATE_BODY_LIMIT = 51_200;

  it('upload a template over the inline limit through S3', () => {
    const deploys = codeBlocks(readme)
      .filter((b) => b.lang === 'sh')
      .flatMap((b) => b.text.replace(/\\\n\s*/g, ' ').split('\n'))
      .filter((line) => /\baws cloudformation deploy\b/.test(line));
    expect(deploys.length).toBeGreaterThan(0);
    const problems = deploys.flatMap((line) => {
      const file = /--template-file\s+(\S+)/.exec(line)?.[1] ?? '';
      const template = readFileSync(new URL(`templates/${file.split('/').pop()}`, root));
      return template.length > TEMPLATE_BODY_LIMIT && !/--s3-bucket\s/.test(line)
        ? [`${file} is ${template.length} bytes: the command needs --s3-bucket`]
        : [];
    });
    expect(problems).toEqual([]);
  });
});

describe('the stacks the bootstrap roles reach', () => {
  it('are the ones README.md and policies/README.md name', () => {
    const suffixes = new Set(
      ['plan-role.json', 'deploy-role.json'].flatMap((file) =>
        [...read(`policies/${file}`).matchAll(/:stack\/\{stack_prefix\}-([\w-]+)\/\*/g)].map(
          (m) => m[1] ?? '',
        ),
      ),
    );
    expect([...suffixes].sort()).toEqual(['mwaa-environment', 'mwaa-prerequisites', 'vpc']);
    const policiesReadme = read('policies/README.md');
    const bootstrap = /^Both roles touch[\s\S]*?\n\n/m.exec(readme)?.[0] ?? '';
    for (const suffix of suffixes) {
      expect(bootstrap).toContain(`\`StackNamePrefix-${suffix}\``);
      expect(policiesReadme).toContain(`\`{stack_prefix}-${suffix}\``);
    }
  });
});

describe('the tests docs/ names as evidence', () => {
  /** Every test file under test/, by base name. */
  function testFiles(dir = new URL('test/', root)): Map<string, URL> {
    const found = new Map<string, URL>();
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const url = new URL(entry.isDirectory() ? `${entry.name}/` : entry.name, dir);
      if (entry.isDirectory()) for (const [k, v] of testFiles(url)) found.set(k, v);
      else if (entry.name.endsWith('.test.ts')) found.set(entry.name, url);
    }
    return found;
  }

  it('exist, with the titles quoted (`file.test.ts` › describe › it; › another it)', () => {
    const files = testFiles();
    const problems: string[] = [];
    let quoted = 0;
    for (const doc of readdirSync(new URL('docs/', root)).filter((f) => f.endsWith('.md'))) {
      for (const cell of read(`docs/${doc}`).split('|')) {
        for (const m of cell.matchAll(/`([\w-]+\.test\.ts)` › (.*?)(?=; `|$)/gs)) {
          const file = files.get(m[1] ?? '');
          if (!file) {
            problems.push(`docs/${doc}: no test file ${m[1]}`);
            continue;
          }
          const source = readFileSync(file, 'utf8').replace(/\\'/g, "'");
          const titles = (m[2] ?? '')
            .replace(/\s*‡\s*$/, '')
            .trim()
            .split(/; › | › /);
          for (const title of titles) {
            quoted++;
            // describe.each('%s …') is quoted with its values (SIGINT/SIGTERM …).
            const each = title.replace(/^\S+/, '%s');
            if (!source.includes(title) && !source.includes(each)) {
              problems.push(`docs/${doc}: ${m[1]} has no test titled '${title}'`);
            }
          }
        }
      }
    }
    expect(quoted).toBeGreaterThan(20);
    expect(problems).toEqual([]);
  });
});
