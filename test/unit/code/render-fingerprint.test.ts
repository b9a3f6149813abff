/**
 * The Code section as reviewers read it (comment, summary, log), trimmed like the other tables,
 * and the reviewed-plan binding over the code.
 */
import type { CodePlan } from '../../../src/plan/code-model.js';
import { describeFingerprintChange, planFingerprint } from '../../../src/plan/fingerprint.js';
import type { Plan } from '../../../src/plan/model.js';
import { planHasChanges } from '../../../src/plan/model.js';
import { renderForComment, renderPlanMarkdown, renderPlanText } from '../../../src/render/index.js';

const unchangedStacks: Plan['stacks'] = (['vpc', 'prerequisites'] as const).map((role) => ({
  role,
  stackName: `env-${role}`,
  status: 'UPDATE_COMPLETE',
  action: 'none',
  source: 'change-set',
  templateSource: 'built-in',
  parameters: [],
  changes: [],
  warnings: [],
}));

function code(over: Partial<CodePlan> = {}): CodePlan {
  return {
    bucket: 'env-bucket',
    newBucket: false,
    dags: {
      prefix: 'dags/',
      added: ['new_dag.py'],
      changed: ['etl/daily.py'],
      removed: ['old <b>dag</b>.py'],
      unchanged: 40,
      remoteCount: 42,
    },
    requirements: {
      key: 'requirements.txt',
      status: 'changed',
      currentVersion: 'v1',
      addedLines: ['requests==2.32.3'],
      removedLines: ['requests==2.31.0'],
    },
    plugins: {
      key: 'plugins.zip',
      status: 'unchanged',
      currentVersion: 'p1',
      source: 'folder',
      addedEntries: [],
      changedEntries: [],
      removedEntries: [],
    },
    startupScript: { key: 'startup.sh', status: 'unchanged', currentVersion: 's1' },
    cost: { listPages: 1, heads: 3 },
    localDigest: 'a'.repeat(64),
    warnings: [],
    ...over,
  };
}

const plan = (c: CodePlan): Plan => ({
  version: 1,
  environmentName: 'env',
  region: 'eu-west-1',
  accountId: '123456789012',
  createdAt: '2026-12-04T00:00:00Z',
  keyMode: 'aws-owned',
  stacks: unchangedStacks,
  warnings: [],
  code: c,
});

describe('the Code section', () => {
  it('lists the files, the requirement lines and what MWAA does, escaped', () => {
    const md = renderPlanMarkdown(plan(code()), { mode: 'plan' });
    expect(md).toContain('No stack changes; code: 3 files to upload, 1 DAG object to delete.');
    expect(md).toContain('### Code');
    expect(md).toContain('| dags/ (DAG files) | 1 added, 1 changed, 1 removed, 40 unchanged |');
    expect(md).toContain('| + add | new&#95;dag.py |');
    expect(md).toContain('| - remove | old &lt;b&gt;dag&lt;/b&gt;.py |');
    expect(md).toMatch(/```diff\n- requests==2\.31\.0\n\+ requests==2\.32\.3\n```/);
    expect(md).toContain('version v1 -&gt; a new version; the environment installs it');
    expect(md).toContain('| plugins.zip (zipped from a folder) | unchanged (version p1 stays)');
    const text = renderPlanText(plan(code()), { mode: 'plan' });
    expect(text).toContain('dags/ (DAG files): 1 added, 1 changed, 1 removed, 40 unchanged');
    expect(text).toContain('    - old <b>dag</b>.py');
    expect(planHasChanges(plan(code()))).toBe(true);
  });

  it('keeps a comment of 20,000 DAG files under the limit, deletions longest', () => {
    const many = Array.from({ length: 20_000 }, (_, i) => `team/dag_${i}.py`);
    const huge = code({
      dags: {
        prefix: 'dags/',
        added: many,
        changed: [],
        removed: ['gone.py'],
        unchanged: 0,
        remoteCount: 1,
      },
    });
    const comment = renderForComment(plan(huge), { mode: 'plan' });
    expect(comment.length).toBeLessThanOrEqual(65_536 - 1_000);
    expect(comment).toContain('| - remove | gone.py |');
    expect(comment).not.toContain('dag&#95;19999');
    expect(comment).toMatch(/\| … \| \d+ more not shown/);
    expect(comment).toContain('20000 added');
  });

  it('says when nothing changes', () => {
    const none = code({
      dags: { prefix: 'dags/', added: [], changed: [], removed: [], unchanged: 3, remoteCount: 3 },
      requirements: {
        key: 'requirements.txt',
        status: 'unchanged',
        currentVersion: 'v1',
        addedLines: [],
        removedLines: [],
      },
    });
    expect(planHasChanges(plan(none))).toBe(false);
    expect(renderPlanMarkdown(plan(none), { mode: 'plan' })).toContain('No changes.');
  });
});

describe('the reviewed-plan binding over the code', () => {
  it('changes when a file changes after review, and says so', () => {
    const reviewed = planFingerprint(plan(code()), {});
    const edited = planFingerprint(plan(code({ localDigest: 'b'.repeat(64) })), {});
    expect(edited.value).not.toBe(reviewed.value);
    expect(describeFingerprintChange(reviewed.parts, edited.parts)).toEqual([
      'code: the files differ from the reviewed ones',
    ]);
    const planned = planFingerprint(plan(code({ cost: { listPages: 9, heads: 9 } })), {});
    expect(planned.value).toBe(reviewed.value);
  });
});
