import { describe, expect, it } from '@jest/globals';
import { outcomeProblem } from '../../../src/environment/apply.js';
import { environmentNotes, environmentWarning } from '../../../src/environment/plan-warnings.js';
import type { Plan, StackPlan } from '../../../src/plan/model.js';

const START = Date.parse('2026-12-04T10:00:00Z');

describe('outcomeProblem: success is this update’s LastUpdate.Status', () => {
  it('accepts AVAILABLE with this update SUCCESS', () => {
    expect(
      outcomeProblem(
        {
          Name: 'a',
          Status: 'AVAILABLE',
          LastUpdate: { Status: 'SUCCESS', CreatedAt: START / 1000 + 5 },
        },
        START,
      ),
    ).toBeUndefined();
  });

  it('refuses AVAILABLE after a failed update MWAA rolled back, with MWAA’s error', () => {
    expect(
      outcomeProblem(
        {
          Name: 'a',
          Status: 'AVAILABLE',
          LastUpdate: {
            Status: 'FAILED',
            CreatedAt: START / 1000 + 5,
            Error: {
              ErrorCode: 'INCORRECT_CONFIGURATION',
              ErrorMessage: 'requirements.txt failed',
            },
          },
        },
        START,
      ),
    ).toBe(
      "the environment's last update ended FAILED (INCORRECT_CONFIGURATION: requirements.txt failed); it reads AVAILABLE.",
    );
  });

  it('ignores an older failed update, and refuses a status other than AVAILABLE', () => {
    const old = { Status: 'FAILED', CreatedAt: START / 1000 - 3600 };
    expect(
      outcomeProblem({ Name: 'a', Status: 'AVAILABLE', LastUpdate: old }, START),
    ).toBeUndefined();
    expect(outcomeProblem({ Name: 'a', Status: 'UPDATING', LastUpdate: old }, START)).toMatch(
      /is UPDATING, not AVAILABLE/,
    );
    expect(outcomeProblem(undefined, START)).toBe('the MWAA environment does not exist.');
  });
});

function stack(over: Partial<StackPlan>): StackPlan {
  return {
    role: 'environment',
    stackName: 'a-mwaa-environment',
    status: 'CREATE_COMPLETE',
    action: 'update',
    source: 'change-set',
    templateSource: 'built-in',
    parameters: [],
    changes: [],
    warnings: [],
    ...over,
  };
}

function plan(stacks: StackPlan[]): Plan {
  return {
    version: 1,
    environmentName: 'a',
    region: 'eu-west-1',
    createdAt: '2026-12-04T10:00:00Z',
    keyMode: 'customer-managed',
    stacks,
    warnings: [],
  };
}

describe('plan warnings for an existing environment', () => {
  it('flags an in-place update as a restart with its downtime', () => {
    const notes = environmentNotes(
      plan([
        stack({
          changes: [
            {
              action: 'Modify',
              logicalId: 'Environment',
              type: 'AWS::MWAA::Environment',
              replacement: 'False',
              scope: ['Properties'],
              details: [
                { attribute: 'Properties', name: 'MaxWorkers', requiresRecreation: 'Never' },
              ],
            },
          ],
        }),
      ]),
    );
    expect(notes).toEqual([
      expect.stringMatching(
        /^Updating environment a \(MaxWorkers\) restarts its schedulers, workers and web server: expect 10 to 30 minutes/,
      ),
    ]);
  });

  it('says a key-mode switch replaces an existing environment', () => {
    const notes = environmentNotes(
      plan([
        stack({
          role: 'prerequisites',
          stackName: 'a-mwaa-prerequisites',
          parameters: [{ key: 'KeyMode', before: 'aws-owned', after: 'customer-managed-new' }],
        }),
        stack({ action: 'none' }),
      ]),
    );
    expect(notes).toEqual([
      expect.stringMatching(
        /^The key mode changes \(aws-owned → customer-managed-new\) while environment a exists: .* replaces the environment/,
      ),
    ]);
  });

  it('says nothing for an environment not created yet', () => {
    expect(environmentNotes(plan([stack({ status: 'MISSING', action: 'create' })]))).toEqual([]);
  });

  it('words a replacement as the loss of the metadata database, allowed only by logical ID', () => {
    const w = environmentWarning({
      stack: 's',
      logicalId: 'Environment',
      type: 'AWS::MWAA::Environment',
      reason: 'replace',
      stateful: true,
      retained: true,
    });
    expect(w?.text).toMatch(/is REPLACED: a new environment means a new metadata database/);
    expect(w?.text).toMatch(/unless allow-destructive names Environment\.$/);
  });
});
