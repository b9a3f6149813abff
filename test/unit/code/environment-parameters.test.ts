import {
  environmentCodeAfterSync,
  environmentCodeAtPlan,
} from '../../../src/code/environment-parameters.js';
import type { CodePlan } from '../../../src/plan/code-model.js';

const plan: CodePlan = {
  bucket: 'b',
  newBucket: false,
  requirements: {
    key: 'requirements.txt',
    status: 'changed',
    currentVersion: 'r1',
    addedLines: ['boto3'],
    removedLines: [],
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
  cost: { listPages: 0, heads: 2 },
  warnings: [],
};

describe('object versions for the environment stack', () => {
  it('at plan time: unchanged files keep their version, changed ones are known after deploy', () => {
    const { values, knownAfterDeploy } = environmentCodeAtPlan(plan);
    expect(values).toEqual({
      RequirementsS3Path: 'requirements.txt',
      PluginsS3Path: 'plugins.zip',
      PluginsS3ObjectVersion: 'p1',
    });
    expect(knownAfterDeploy.RequirementsS3ObjectVersion).toMatch(
      /new version of requirements\.txt \(now r1\)/,
    );
    expect(Object.keys(knownAfterDeploy)).toEqual(['RequirementsS3ObjectVersion']);
  });

  it('after the sync: the versions in the bucket, only for the files whose input is set', () => {
    const values = environmentCodeAfterSync(plan, {
      bucket: 'b',
      uploaded: 1,
      deleted: 0,
      dags: { added: 0, changed: 0, removed: 0 },
      changedDags: [],
      versions: { requirementsVersion: 'r2', pluginsVersion: 'p1' },
    });
    expect(values).toEqual({
      RequirementsS3Path: 'requirements.txt',
      RequirementsS3ObjectVersion: 'r2',
      PluginsS3Path: 'plugins.zip',
      PluginsS3ObjectVersion: 'p1',
    });
  });
});
