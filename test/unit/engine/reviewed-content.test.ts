/**
 * The reviewed-plan binding compares what the comment shows with the plan rendered now, leaving
 * out only what differs between the plan run and the deploy run.
 */
import { reviewedContent, showsPlan } from '../../../src/engine/reviewed-content.js';
import { formatMarker } from '../../../src/publish/comment-marker.js';

const marker = formatMarker('orders', { fingerprint: 'f1', status: 'planned' });

const comment = (header: string, body: string, footer: string) =>
  `${marker}\n## MWAA plan: orders\n\n${header}\n\n${body}\n\n<sub>mwaa-deploy · plan made ${footer} · plan model v1</sub>`;

const BODY = '📝 **2 changes**\n\n| Stack | Action |\n| --- | --- |\n| orders-vpc | update |';

describe('reviewed content', () => {
  it('ignores the header context line, the footer and the applied line', () => {
    const planRun = comment('**Commit** aaa · **Mode** plan', BODY, '2026-12-01T10:00:00Z');
    const deployRun = comment('**Commit** bbb · **Mode** plan', BODY, '2026-12-02T11:00:00Z');
    const applied = `${planRun}\n\n**Applied** in [this run](https://x) at 2026-12-02 11:05 UTC.`;
    expect(reviewedContent(planRun).text).toBe(BODY);
    expect(showsPlan(planRun, deployRun)).toBe(true);
    expect(showsPlan(applied, deployRun)).toBe(true);
  });

  it('refuses a comment whose plan text differs, however small the change', () => {
    const shown = comment('', BODY.replace('update', 'none'), 'x');
    expect(showsPlan(shown, comment('', BODY, 'y'))).toBe(false);
    expect(showsPlan(`${marker}\n✅ **No changes**`, comment('', BODY, 'y'))).toBe(false);
  });

  it('accepts a cut comment whose kept text starts the plan rendered now', () => {
    const cut = `${marker}\n${BODY.slice(0, 40)}\n\n**This plan is longer than a comment can hold (65,536 characters) and was cut here.**`;
    expect(showsPlan(cut, comment('', BODY, 'y'))).toBe(true);
    expect(showsPlan(cut, comment('', BODY.replace('2 changes', '3 changes'), 'y'))).toBe(false);
  });
});
