/**
 * Property tests: no plan, however large or hostile its strings, yields a comment over GitHub's
 * limit, a job summary over 1 MiB, or markdown that breaks out of its tables, opens HTML, pings
 * anyone, passes for a workflow command or leaves a code block open; and no plain-text plan
 * carries a workflow command or a control character. The plans are random but seeded: a failure
 * names the seed, and `randomPlan(seed)` gives that plan back.
 */
import type { Plan, PropertyChange, Replacement, StackPlan } from '../../../src/plan/model.js';
import {
  COMMENT_LIMIT,
  COMMENT_RESERVE,
  renderForComment,
  renderForSummary,
  renderPlanMarkdown,
  renderPlanText,
  SUMMARY_LIMIT_BYTES,
  SUMMARY_RESERVE_BYTES,
} from '../../../src/render/index.js';
import { runContext } from './factories.js';
import { randomPlan } from './random-plans.js';
import { cidrChange } from './scenarios.js';

/** How many random plans; PROPERTY_RUNS and PROPERTY_SEED override (to explore, or to replay). */
const RUNS = Number(process.env.PROPERTY_RUNS ?? 300);
const FIRST_SEED = Number(process.env.PROPERTY_SEED ?? 0x5eed);
const SEEDS = Array.from({ length: RUNS }, (_, i) => FIRST_SEED + i);

/** The HTML the renderer writes itself; any other tag in the markdown came from a value. */
const OWN_TAGS = new Set(['details', 'summary', 'b', 'sub', 'code', 'br']);

/** C0 and C1 controls other than tab and line feed (a CR would end a line for some readers). */
// eslint-disable-next-line no-control-regex
const MARKDOWN_CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
/** In the terminal, nothing but the line feed. */
// eslint-disable-next-line no-control-regex
const TEXT_CONTROLS = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;

/** Pipes that separate cells: not escaped by a backslash (the renderer writes `&#124;` for text). */
const cellSeparators = (line: string): number => line.match(/(?<!\\)\|/g)?.length ?? 0;

const show = (text: string): string =>
  JSON.stringify(text.length > 160 ? `${text.slice(0, 160)}…` : text);

/**
 * What is wrong with a rendered markdown plan, as messages (none when all is well). Code blocks
 * are parsed as CommonMark does; the other checks apply to the text outside them, where markup
 * takes effect.
 */
function markdownProblems(markdown: string): string[] {
  const problems: string[] = [];
  const prose: string[] = [];
  let open: { char: string; length: number; line: number } | undefined;
  const lines = markdown.split('\n');
  lines.forEach((line, i) => {
    if (/^\s*::/.test(line))
      problems.push(`line ${i + 1} starts a workflow command: ${show(line)}`);
    const fence = FENCE.exec(line);
    if (open) {
      const run = fence?.[1] ?? '';
      if (
        fence &&
        run[0] === open.char &&
        run.length >= open.length &&
        (fence[2] ?? '').trim() === ''
      ) {
        if (run.length !== open.length)
          problems.push(`line ${i + 1} closes a fence of ${open.length} with ${run.length}`);
        open = undefined;
      }
      return;
    }
    // A backtick fence's info string cannot hold a backtick (else it is inline code).
    if (fence && !(fence[1]?.startsWith('`') && fence[2]?.includes('`'))) {
      open = { char: fence[1]?.[0] ?? '`', length: fence[1]?.length ?? 0, line: i + 1 };
      return;
    }
    prose.push(line);
  });
  if (open) problems.push(`the code block opened at line ${open.line} is never closed`);

  // Tables: a block of lines starting with `|`, each with as many separators as the header,
  // the second a delimiter row, and a blank line after (else the next line joins the table).
  for (let i = 0; i < prose.length; i++) {
    if (!prose[i]?.startsWith('|')) continue;
    const header = prose[i] ?? '';
    const columns = cellSeparators(header);
    if (!/^\|(\s*:?-+:?\s*\|)+$/.test(prose[i + 1] ?? ''))
      problems.push(`table without a delimiter row after ${show(header)}`);
    let j = i;
    for (; j < prose.length && prose[j]?.startsWith('|'); j++) {
      const row = prose[j] ?? '';
      if (cellSeparators(row) !== columns)
        problems.push(
          `row has ${cellSeparators(row)} separators, header ${columns}: ${show(row)} (header ${show(header)})`,
        );
    }
    if (j < prose.length && prose[j] !== '')
      problems.push(`table runs on into ${show(prose[j] ?? '')}`);
    i = j;
  }

  const text = prose.join('\n');
  for (const m of text.matchAll(/<(\/?)([a-z][\w-]*)|<!/gi)) {
    if (m[0] === '<!')
      problems.push(
        `raw <! (a comment or declaration) at ${show(text.slice(m.index, m.index + 40))}`,
      );
    else if (!OWN_TAGS.has((m[2] ?? '').toLowerCase()))
      problems.push(`raw HTML ${show(text.slice(m.index, m.index + 40))}`);
  }
  const count = (re: RegExp) => text.match(re)?.length ?? 0;
  if (count(/<details\b/gi) !== count(/<\/details>/gi))
    problems.push(`${count(/<details\b/gi)} <details> opened, ${count(/<\/details>/gi)} closed`);
  for (const tag of ['summary', 'b', 'code', 'sub']) {
    const opened = count(new RegExp(`<${tag}>`, 'gi'));
    const closed = count(new RegExp(`</${tag}>`, 'gi'));
    if (opened !== closed) problems.push(`${opened} <${tag}> opened, ${closed} closed`);
  }
  // A link's destination is no text: GitHub finds mentions in what it shows.
  const shown = text.replace(/\]\([^)\s]*\)/g, '](…)');
  const mention = /@\w/.exec(shown);
  if (mention)
    problems.push(
      `a mention: ${show(text.slice(Math.max(0, mention.index - 20), mention.index + 20))}`,
    );
  const control = MARKDOWN_CONTROLS.exec(markdown);
  if (control)
    problems.push(`control character U+${control[0].charCodeAt(0).toString(16).padStart(4, '0')}`);
  return problems;
}

function textProblems(text: string): string[] {
  const problems: string[] = [];
  text.split('\n').forEach((line, i) => {
    if (/^\s*::/.test(line))
      problems.push(`line ${i + 1} starts a workflow command: ${show(line)}`);
  });
  const control = TEXT_CONTROLS.exec(text);
  if (control)
    problems.push(
      `control character U+${control[0].charCodeAt(0).toString(16).padStart(4, '0')} in ${show(text.slice(Math.max(0, control.index - 30), control.index + 30))}`,
    );
  return problems;
}

const COMMENT_MAX = COMMENT_LIMIT - COMMENT_RESERVE;
const SUMMARY_MAX = SUMMARY_LIMIT_BYTES - SUMMARY_RESERVE_BYTES;

interface Findings {
  readonly comment: string[];
  readonly summary: string[];
  readonly text: string[];
}

let findings: Findings | undefined;

/** Renders every plan once in each form (a plan is made once: making it costs as much). */
function run(): Findings {
  if (findings) return findings;
  const found: Findings = { comment: [], summary: [], text: [] };
  for (const seed of SEEDS) {
    const { plan, ctx } = randomPlan(seed);
    const comment = renderForComment(plan, ctx);
    if (comment.length > COMMENT_MAX)
      found.comment.push(`seed ${seed}: ${comment.length} characters (most ${COMMENT_MAX})`);
    for (const p of markdownProblems(comment).slice(0, 3)) found.comment.push(`seed ${seed}: ${p}`);
    const summary = renderForSummary(plan, ctx);
    const bytes = Buffer.byteLength(summary, 'utf8');
    if (bytes > SUMMARY_MAX)
      found.summary.push(`seed ${seed}: ${bytes} bytes (most ${SUMMARY_MAX})`);
    for (const p of markdownProblems(summary).slice(0, 3)) found.summary.push(`seed ${seed}: ${p}`);
    for (const p of textProblems(renderPlanText(plan, ctx)).slice(0, 3))
      found.text.push(`seed ${seed}: ${p}`);
  }
  return (findings = found);
}

describe(`${RUNS} random plans, seeds ${FIRST_SEED}..${FIRST_SEED + RUNS - 1}`, () => {
  test('the PR comment fits GitHub with room for the marker, and its markdown holds', () => {
    expect(run().comment).toEqual([]);
  });

  test('the job summary fits 1 MiB with room for the checks, and its markdown holds', () => {
    expect(run().summary).toEqual([]);
  });

  test('the plain text has no workflow command and no control character but the line feed', () => {
    expect(run().text).toEqual([]);
  });
});

describe('the checks themselves', () => {
  test('see a broken table, open HTML, a mention, a workflow command and an open fence', () => {
    const bad = [
      '| a | b |',
      '| --- | --- |',
      '| x | y | z |',
      'runs on',
      '',
      '<details><summary>s</summary>',
      '<script>',
      '@octocat',
      '::error::x',
      '````',
      'never closed',
    ].join('\n');
    const problems = markdownProblems(bad).join('\n');
    expect(problems).toMatch(/row has 4 separators, header 3/);
    expect(problems).toMatch(/table runs on/);
    expect(problems).toMatch(/raw HTML "<script>/);
    expect(problems).toMatch(/1 <details> opened, 0 closed/);
    expect(problems).toMatch(/a mention/);
    expect(problems).toMatch(/starts a workflow command/);
    expect(problems).toMatch(/never closed/);
  });

  test('accept escaped pipes, entities, a mention defused and a fence closed', () => {
    const good = [
      '| a | b |',
      '| --- | ---: |',
      '| x&#124;y | @\u200doctocat &lt;script&gt; |',
      '',
      '<details><summary><b>x</b></summary>',
      '',
      '````diff',
      '+ ``` <script> @octocat',
      '````',
      '',
      '</details>',
    ].join('\n');
    expect(markdownProblems(good)).toEqual([]);
    expect(textProblems('a\n  : :error::x\n')).toEqual([]);
    expect(textProblems('a\u001b[2J')).toHaveLength(1);
  });
});

/**
 * Bugs the random plans found, each pinned by a plan that shows it; fixed in src/render
 * (safeUrl, normalize.ts, the hard cut), so these now guard against their return.
 */
describe('renderer bugs found by the property test', () => {
  // BUG safeUrl (src/render/markdown-header.ts, safeUrl) accepts C0/C1 control characters:
  // its pattern /^https?:\/\/[^\s<>"'`\\]+$/ only refuses whitespace among them, so ESC, BEL,
  // NUL, DEL and U+009B (CSI) in the run URL reach the header and the trim note raw (and the
  // terminal, when `mwaa-deploy render --format comment` prints it).
  it('a run URL with control characters is not linked raw', () => {
    const ctx = runContext({
      runUrl: 'https://github.com/acme/airflow-infra/actions/runs/42\u001b]0;pwned\u0007',
    });
    expect(markdownProblems(renderForComment(cidrChange(), ctx))).toEqual([]);
  });

  // BUG values of the model's enums are written without escaping: ResourceChange.replacement in
  // the resources table (src/render/markdown-stack.ts, stackParts) and StackPlan.action in the
  // summary table (src/render/markdown-header.ts, summaryParts); in the text renderer also
  // StackPlan.role, replacement and PropertyChange.requiresRecreation (src/render/text.ts).
  // A plan file is only checked for its version and a stacks array (src/cli/render.ts,
  // readPlanFile), so `mwaa-deploy render` on a plan file made elsewhere (a fork's artifact)
  // can break a table, add HTML or send control characters to the terminal.
  const offModel = (): Plan => {
    const plan = cidrChange();
    const [vpc, prereq] = plan.stacks as [StackPlan, StackPlan];
    const hostile = 'True | <script>x</script> @octocat \u001b[2J';
    const changes = vpc.changes.map((c, i) =>
      i === 0
        ? {
            ...c,
            replacement: hostile as Replacement,
            details: c.details.map((d) => ({
              ...d,
              requiresRecreation: hostile as PropertyChange['requiresRecreation'],
            })),
          }
        : c,
    );
    return {
      ...plan,
      stacks: [
        { ...vpc, changes, action: hostile as StackPlan['action'] },
        { ...prereq, role: hostile as StackPlan['role'] },
      ],
    };
  };

  it('a plan file with values outside the model cannot break the markdown', () => {
    expect(markdownProblems(renderPlanMarkdown(offModel(), runContext()))).toEqual([]);
  });

  it('a plan file with values outside the model sends no control character to the terminal', () => {
    expect(textProblems(renderPlanText(offModel(), runContext()))).toEqual([]);
  });

  // BUG the parts always kept are not capped, though src/render/markdown-header.ts says "their
  // size does not grow with the plan": the environment name, region, account, stack names and
  // statuses, the warning subjects (logical ID, type), the template source (markdown-stack.ts)
  // and createdAt (markdown.ts, the footer) are escaped but never truncated. When they exceed
  // the limit, fit() first drops every droppable part, then hardCut() cuts the text at a line
  // break (src/render/budget.ts): a long environment name cuts off the verdict itself...
  it('an oversized environment name does not push the verdict out of the comment', () => {
    const plan = { ...cidrChange(), environmentName: '`'.repeat(13_000) };
    expect(renderForComment(plan, runContext())).toContain('🛑 **Destructive');
  });

  // ...and when the oversized part comes after the trim note (createdAt, in the footer), the
  // comment says it is shortened twice: assemble() already wrote the note, and hardCut()
  // appends it again.
  it('a comment cut hard says once that it is shortened', () => {
    // Names are bounded now; many long warnings still force a hard cut.
    const plan = { ...cidrChange(), warnings: Array.from({ length: 60 }, () => '|'.repeat(2_000)) };
    const out = renderForComment(plan, runContext());
    expect(out.match(/This comment is shortened/g)).toHaveLength(1);
  });

  // ...and the cut can fall inside the summary table: seed 900604 (a 10,000-pipe account ID,
  // 60,000 characters escaped) keeps the table's header and loses its delimiter row and rows.
  it('a comment cut hard keeps the summary table whole (seed 900604)', () => {
    const { plan, ctx } = randomPlan(900_604);
    expect(markdownProblems(renderForComment(plan, ctx))).toEqual([]);
  });
});
