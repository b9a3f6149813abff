/** The diagram: nodes by action, edges from the template, safe IDs and labels. */
import { MAX_DIAGRAM_NODES, mermaidSource } from '../../../src/render/mermaid.js';
import { add, makePlan, modify, prereqStack, remove, vpcStack } from './factories.js';

test('nodes are coloured by what happens to them, linked as the template links them', () => {
  const plan = makePlan([
    prereqStack({
      changes: [
        add('Key', 'AWS::KMS::Key'),
        modify('Bucket', 'AWS::S3::Bucket', { replacement: 'True' }),
        modify('ExecutionRole', 'AWS::IAM::Role'),
        remove('Old', 'AWS::SQS::Queue'),
      ],
    }),
  ]);
  const source = mermaidSource(plan, {
    'analytics-prerequisites': {
      Bucket: ['Key'],
      ExecutionRole: ['Bucket', 'Key'],
      BucketPolicy: ['Bucket'],
      Lonely: ['Other'],
    },
  });
  expect(source).toBeDefined();
  const lines = source!.split('\n');
  expect(lines).toContain('    s0_Key["+ Key<br/>AWS::KMS::Key"]:::add');
  expect(lines).toContain('    s0_Bucket["± Bucket<br/>AWS::S3::Bucket"]:::replace');
  expect(lines).toContain('    s0_ExecutionRole["~ ExecutionRole<br/>AWS::IAM::Role"]:::modify');
  expect(lines).toContain('    s0_Old["- Old<br/>AWS::SQS::Queue"]:::remove');
  expect(lines).toContain('    s0_BucketPolicy["BucketPolicy"]:::unchanged');
  expect(lines).toContain('  s0_ExecutionRole --> s0_Key');
  expect(lines).toContain('  s0_BucketPolicy --> s0_Bucket');
  // Unchanged resources linked only to unchanged ones stay out.
  expect(source).not.toContain('Lonely');
  for (const cls of ['add', 'modify', 'remove', 'replace', 'unchanged']) {
    expect(source).toContain(`classDef ${cls} `);
  }
});

test('hostile names get safe IDs and escaped labels; colliding IDs stay distinct', () => {
  const plan = makePlan([
    vpcStack({
      stackName: 'x"]; click s0 call alert()',
      changes: [add('a-b', 'T"<b>'), add('a_b', 'T'), add('end', 'T')],
    }),
  ]);
  const source = mermaidSource(plan, {})!;
  expect(source).toContain('subgraph stack_0["x#quot;]; click s0 call alert()"]');
  expect(source).toContain('s0_a_b["+ a-b<br/>T#quot;#lt;b#gt;"]:::add');
  expect(source).toContain('s0_a_b_2["+ a_b<br/>T"]:::add');
  expect(source).toContain('s0_end["+ end<br/>T"]:::add');
  for (const line of source.split('\n')) {
    // Outside the one quoted label per line, nothing but the syntax we write.
    const outside = line.replace(/\["[^"]*"\]/g, '');
    expect(outside).toMatch(/^[\w\s:#,.;%-]*(-->[\w\s]*)?$/);
  }
});

test('no diagram when nothing changes or the chart would be too big', () => {
  expect(mermaidSource(makePlan([vpcStack({ action: 'none' })]), {})).toBeUndefined();
  const many = Array.from({ length: MAX_DIAGRAM_NODES + 1 }, (_, i) =>
    add(`R${i}`, 'AWS::EC2::Route'),
  );
  expect(mermaidSource(makePlan([vpcStack({ changes: many })]), {})).toBeUndefined();
  expect(mermaidSource(makePlan([vpcStack({ changes: many.slice(1) })]), {})).toBeDefined();
});
