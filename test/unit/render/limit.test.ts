/** Size limits: a comment never exceeds GitHub's, and what gives way first is the least useful. */
import {
  COMMENT_LIMIT,
  COMMENT_RESERVE,
  renderForComment,
  renderForSummary,
  renderPlanMarkdown,
  SUMMARY_LIMIT_BYTES,
  SUMMARY_RESERVE_BYTES,
} from '../../../src/render/index.js';
import { fit, measureBytes, measureChars, Tier } from '../../../src/render/budget.js';
import type { Part, RowGroup } from '../../../src/render/budget.js';
import { add, bigStack, context, makePlan, runContext, vpcStack } from './factories.js';
import { destructive } from './scenarios.js';

const huge = () => makePlan([vpcStack(), bigStack(5_000)]);

describe('a plan with 5,000 changes', () => {
  const comment = renderForComment(huge(), runContext());

  test('fits a comment with room for the marker', () => {
    expect(comment.length).toBeLessThanOrEqual(COMMENT_LIMIT - COMMENT_RESERVE);
  });

  test('keeps the header, the warnings and the summary table', () => {
    expect(comment).toMatch(/^## MWAA plan: analytics\n/);
    expect(comment).toContain(
      '🛑 **Destructive: 5000 changes (1250 to add, 2500 to modify, 1250 to remove)',
    );
    expect(comment).toContain('> [!CAUTION]');
    expect(comment).toContain('> - … and 1235 more subnets or VPCs (see the stacks below)');
    expect(comment).toContain('> - … and 1235 more resources holding data (see the stacks below)');
    expect(comment).toContain(
      '| analytics-prerequisites | UPDATE&#95;COMPLETE | update | 1250 | 2500 | 1250 | 1250 |',
    );
    expect(comment).toMatch(/<sub>mwaa-deploy · plan made .*<\/sub>$/);
  });

  test('says it is shortened and where the full plan is', () => {
    expect(comment).toMatch(
      /This comment is shortened to fit GitHub's size limit for comments; left out: \d+ property details/,
    );
    expect(comment).toContain(
      'The job summary of [the workflow run](https://github.com/acme/airflow-infra/actions/runs/42) holds the full plan.',
    );
    expect(comment).toMatch(/\| … \| \d+ more not shown \(see the job summary\) \| \| \|/);
  });

  test('fits the job summary in bytes, pointing at the plan file', () => {
    const summary = renderForSummary(huge(), runContext());
    expect(Buffer.byteLength(summary, 'utf8')).toBeLessThanOrEqual(
      SUMMARY_LIMIT_BYTES - SUMMARY_RESERVE_BYTES,
    );
    expect(summary).toContain('This summary is shortened');
    expect(summary).toContain('The plan file (the `plan-file` output) holds the full plan.');
    // A summary holds far more than a comment.
    expect(summary.length).toBeGreaterThan(10 * comment.length);
  });
});

test('a plan that fits is not shortened', () => {
  const out = renderForComment(destructive(), runContext());
  expect(out).toBe(renderPlanMarkdown(destructive(), runContext()));
  expect(out).not.toContain('shortened');
});

describe('what gives way first', () => {
  const plan = () => makePlan([vpcStack(), bigStack(40)]);
  const full = renderPlanMarkdown(plan(), runContext());
  const detailsIn = (s: string) => s.match(/<details><summary>[±~+-] /g)?.length ?? 0;

  test('property details go first, the largest first; rows and the diagram stay', () => {
    const out = renderPlanMarkdown(plan(), runContext(), { limit: full.length - 50 });
    expect(out.length).toBeLessThanOrEqual(full.length - 50);
    expect(detailsIn(out)).toBe(detailsIn(full) - 1);
    expect(out).toContain('Diagram of the changes');
    expect(out).toContain('| - remove ⚠️ | Resource38 | AWS::S3::Bucket |  |');
    // The role diff (4 leaves, the largest block) went; the route additions stayed.
    const dropped = [...full.matchAll(/<details><summary>. <b>(\w+)<\/b>/g)]
      .map((m) => m[1])
      .filter((id) => !out.includes(`<b>${id}</b>`));
    expect(dropped).toHaveLength(1);
    expect(dropped[0]).toMatch(/^Resource\d*[13579]$/);
  });

  test('then the diagram, then resource rows from the end', () => {
    const withoutDetails =
      full.length -
      [...full.matchAll(/<details><summary>[±~+-] [^]*?<\/details>\n/g)].reduce(
        (n, m) => n + m[0].length,
        0,
      );
    const diagram = /<details><summary>Diagram[^]*?<\/details>\n/.exec(full)?.[0].length ?? 0;
    expect(diagram).toBeGreaterThan(500);
    const out = renderPlanMarkdown(plan(), runContext(), { limit: withoutDetails - diagram - 200 });
    expect(detailsIn(out)).toBe(0);
    expect(out).not.toContain('```mermaid');
    expect(out).toContain('| + add | Resource0 | AWS::EC2::Route |  |');
    expect(out).toMatch(/\| … \| \d+ more not shown/);
    expect(out).toContain('left out: 30 property details, the diagram');
  });

  test('bytes are counted as bytes', () => {
    const wide = makePlan([
      vpcStack({
        changes: Array.from({ length: 200 }, (_, i) =>
          add(`Res${i}`, 'AWS::EC2::Route', { after: context({ Note: '€'.repeat(100) }) }),
        ),
      }),
    ]);
    const limit = 20_000;
    const bytes = renderPlanMarkdown(wide, runContext(), { limit, unit: 'bytes' });
    const chars = renderPlanMarkdown(wide, runContext(), { limit, unit: 'chars' });
    expect(Buffer.byteLength(bytes)).toBeLessThanOrEqual(limit);
    expect(Buffer.byteLength(chars)).toBeGreaterThan(limit);
  });
});

const ROW1 = `row1${'-'.repeat(16)}`;
const ROW2 = `row2${'-'.repeat(16)}`;

describe('fit', () => {
  const group: RowGroup = { note: (n) => `(${n} more)` };
  const parts: Part[] = [
    { text: 'head', tier: Tier.KEEP },
    { text: '', tier: Tier.KEEP, trimNote: true },
    { text: ROW1, tier: Tier.ROWS, group },
    { text: ROW2, tier: Tier.ROWS, group },
    { text: 'end', tier: Tier.KEEP, endOf: group },
    { text: 'd'.repeat(50), tier: Tier.DETAILS },
    { text: 'd'.repeat(20), tier: Tier.DETAILS },
  ];
  const note = () => 'NOTE';

  test('keeps everything when it fits, without the note', () => {
    expect(fit(parts, 1_000, measureChars, note).text).toBe(
      `head\n${ROW1}\n${ROW2}\nend\n${'d'.repeat(50)}\n${'d'.repeat(20)}`,
    );
  });

  test('drops the largest details first', () => {
    const r = fit(parts, 80, measureChars, note);
    expect(r.text).toBe(`head\nNOTE\n${ROW1}\n${ROW2}\nend\n${'d'.repeat(20)}`);
    expect(r.dropped.details).toBe(1);
  });

  test('drops rows from the end and notes them where the table ends', () => {
    const r = fit(parts, 45, measureChars, note);
    expect(r.text).toBe(`head\nNOTE\n${ROW1}\n(1 more)\nend`);
    expect(r.dropped).toEqual({ details: 2, diagram: 0, rows: 1, security: 0, parameters: 0 });
  });

  test('cuts at a line break as a last resort', () => {
    const r = fit(
      [
        { text: 'x'.repeat(100), tier: Tier.KEEP },
        { text: 'y'.repeat(100), tier: Tier.KEEP },
      ],
      150,
      measureChars,
      note,
    );
    expect(r.text).toBe(`${'x'.repeat(100)}\n\nNOTE`);
  });

  test('measureBytes counts UTF-8 bytes', () => {
    expect(measureBytes('€')).toBe(3);
    expect(measureChars('€')).toBe(1);
  });
});

test('rendering time grows linearly with the number of changes', () => {
  const time = (n: number) => {
    const plan = makePlan([vpcStack(), bigStack(n)]);
    const start = performance.now();
    renderForComment(plan, runContext());
    renderForSummary(plan, runContext());
    return performance.now() - start;
  };
  time(500); // warm up
  const small = Math.max(time(1_000), 5);
  const large = time(5_000);
  // Linear is about 5 times; quadratic would be about 25.
  expect(large / small).toBeLessThan(12);
});
