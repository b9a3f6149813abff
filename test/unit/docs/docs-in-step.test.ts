/**
 * The docs stay in step with the product beyond the README's tables: links to headings resolve,
 * the checks table lists every check, the bootstrap commands work as written, the READMEs name
 * the stacks the roles reach, and the tests docs/ quotes as evidence exist.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { codeBlocks, read, root } from './markdown.js';

const readme = read('README.md');

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

  it("include every section of the README's Contents line", () => {
    const contents = /^\*\*Contents:\*\*[\s\S]*?\n\n/m.exec(readme)?.[0] ?? '';
    const prose = readme.replace(/^```[\s\S]*?^```[ \t]*$/gm, '');
    const sections = [...prose.matchAll(/^## (.+)$/gm)].map((m) => headingAnchor(m[1] ?? ''));
    expect(sections.length).toBeGreaterThan(10);
    expect(sections.filter((anchor) => !contents.includes(`(#${anchor})`))).toEqual([]);
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
    // Test files named alone (`Tests: busy-vpc.test.ts, …`), by base name or by path.
    for (const doc of readdirSync(new URL('docs/', root)).filter((f) => f.endsWith('.md'))) {
      for (const m of read(`docs/${doc}`).matchAll(/`([\w./-]+\.test\.ts)`/g)) {
        const name = m[1] ?? '';
        const exists = name.includes('/') ? existsSync(new URL(name, root)) : files.has(name);
        if (!exists) problems.push(`docs/${doc}: no test file ${name}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
