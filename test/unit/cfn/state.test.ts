import { classifyStatus } from '../../../src/cfn/state.js';
import { isNoChangesReason, isStackMissingError } from '../../../src/cfn/errors.js';

describe('classifyStatus', () => {
  it.each([
    ['REVIEW_IN_PROGRESS', 'review'],
    ['CREATE_IN_PROGRESS', 'busy'],
    ['UPDATE_COMPLETE_CLEANUP_IN_PROGRESS', 'busy'],
    ['UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS', 'busy'],
    ['CREATE_COMPLETE', 'healthy'],
    ['UPDATE_COMPLETE', 'healthy'],
    ['UPDATE_ROLLBACK_COMPLETE', 'healthy'],
    ['IMPORT_COMPLETE', 'healthy'],
    ['ROLLBACK_COMPLETE', 'rollback-complete'],
    ['UPDATE_ROLLBACK_FAILED', 'update-rollback-failed'],
    ['CREATE_FAILED', 'paused'],
    ['UPDATE_FAILED', 'paused'],
    ['ROLLBACK_FAILED', 'failed'],
    ['DELETE_FAILED', 'failed'],
    ['DELETE_COMPLETE', 'missing'],
  ])('%s is %s', (status, kind) => {
    expect(classifyStatus(status)).toBe(kind);
  });
});

describe('CloudFormation error shapes', () => {
  it('recognises a missing stack by ValidationError and message', () => {
    const missing = Object.assign(new Error('Stack with id x does not exist'), {
      name: 'ValidationError',
    });
    expect(isStackMissingError(missing)).toBe(true);
    const other = Object.assign(new Error('Template format error'), { name: 'ValidationError' });
    expect(isStackMissingError(other)).toBe(false);
  });

  it('recognises both wordings of "no changes"', () => {
    expect(
      isNoChangesReason(
        "The submitted information didn't contain changes. Submit different information to create a change set.",
      ),
    ).toBe(true);
    expect(isNoChangesReason('No updates are to be performed.')).toBe(true);
    expect(isNoChangesReason('Template error: unresolved resource dependencies')).toBe(false);
    expect(isNoChangesReason(undefined)).toBe(false);
  });
});
