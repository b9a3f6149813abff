/** What a re-planned stack does beyond its reviewed plan. */
import { changesBeyondReview } from '../../../src/plan/analysis-review.js';
import { add, modify, prereqStack, remove } from '../render/factories.js';

const ids = (r: ReturnType<typeof changesBeyondReview>) => r.map((c) => c.logicalId);

describe('changes beyond the reviewed plan', () => {
  it('is empty when the fresh plan does what was shown, or less', () => {
    const reviewed = prereqStack({
      changes: [
        modify('SecurityGroup', 'AWS::EC2::SecurityGroup', { replacement: 'Conditional' }),
        remove('Old', 'AWS::SNS::Topic'),
      ],
    });
    const fresh = prereqStack({
      changes: [modify('SecurityGroup', 'AWS::EC2::SecurityGroup', { replacement: 'True' })],
    });
    expect(changesBeyondReview(reviewed, fresh)).toEqual([]);
  });

  it('lists a replacement or removal not shown, or shown as less destructive; not additions or updates', () => {
    const reviewed = prereqStack({
      changes: [
        add('SecurityGroup', 'AWS::EC2::SecurityGroup'),
        modify('Role', 'AWS::IAM::Role', { replacement: 'True' }),
      ],
    });
    const fresh = prereqStack({
      changes: [
        modify('SecurityGroup', 'AWS::EC2::SecurityGroup', { replacement: 'True' }),
        remove('Role', 'AWS::IAM::Role'),
        modify('Bucket', 'AWS::S3::Bucket'),
        add('Key', 'AWS::KMS::Key'),
        modify('Subnet', 'AWS::EC2::Subnet', { replacement: 'Conditional' }),
      ],
    });
    const beyond = changesBeyondReview(reviewed, fresh);
    expect(ids(beyond)).toEqual(['SecurityGroup', 'Role', 'Subnet']);
    expect(beyond[2]?.reviewed).toBeUndefined();
    expect(beyond[0]?.reviewed?.action).toBe('Add');
  });
});
