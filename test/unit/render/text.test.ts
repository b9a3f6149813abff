/** The terminal renderer: symbols, aligned columns, no markdown. */
import { renderPlanText } from '../../../src/render/index.js';
import {
  add,
  detail,
  makePlan,
  modify,
  prereqStack,
  remove,
  runContext,
  vpcStack,
} from './factories.js';
import { destructive, newEnvironment } from './scenarios.js';

const plan = makePlan([
  vpcStack({
    changes: [
      add('NewRoute', 'AWS::EC2::Route'),
      modify('VPC', 'AWS::EC2::VPC', { details: [detail('EnableDnsHostnames', 'false', 'true')] }),
      remove('OldSubnetAssociation', 'AWS::EC2::SubnetRouteTableAssociation'),
      modify('PrivateSubnet1', 'AWS::EC2::Subnet', {
        replacement: 'True',
        details: [
          detail('CidrBlock', '10.0.1.0/24', '10.0.9.0/24', { requiresRecreation: 'Always' }),
        ],
      }),
    ],
  }),
  prereqStack({ action: 'none' }),
]);

test('one line per change with its symbol, columns aligned', () => {
  const lines = renderPlanText(plan, runContext()).split('\n');
  const rows = lines.filter((l) => /^ {4}[+~±-] /.test(l));
  expect(rows.map((r) => r.slice(4, 5))).toEqual(['+', '~', '-', '±']);
  const typeColumn = rows.map((r) => r.indexOf('AWS::'));
  expect(new Set(typeColumn).size).toBe(1);
  expect(lines).toContain('        CidrBlock: 10.0.1.0/24 -> 10.0.9.0/24 (recreation Always)');
  expect(rows[3]).toMatch(/replacement True$/);
});

test('the summary is an aligned table of plain text, numbers right-aligned', () => {
  const lines = renderPlanText(plan, runContext()).split('\n');
  const header = lines.find((l) => l.startsWith('Stack '));
  expect(header).toBeDefined();
  const row = lines.find((l) => l.startsWith('analytics-vpc '));
  expect(row?.length).toBe(header?.length);
  expect(row).toMatch(/update +1 +2 +1 +1$/);
});

test('no markdown: no tables, no emphasis, no HTML', () => {
  const text = renderPlanText(destructive(), runContext());
  expect(text).not.toMatch(/^\|/m);
  expect(text).not.toMatch(/\*\*|<details>|```|> \[!/);
});

test('destructive warnings come first, severe ones marked !!', () => {
  const text = renderPlanText(destructive(), runContext());
  const lines = text.split('\n');
  const first = lines.findIndex((l) => l.startsWith('!!'));
  expect(first).toBeGreaterThan(0);
  expect(first).toBeLessThan(lines.findIndex((l) => l.startsWith('Stack ')));
  expect(text).toMatch(
    /^ ! KeyAlias \(AWS::KMS::Alias\) in stack analytics-prerequisites is removed\.$/m,
  );
});

test('values known after deploy say where they come from', () => {
  expect(renderPlanText(newEnvironment(), runContext())).toMatch(
    /^ {4}VpcId +\(known after deploy: output VPC of stack analytics-vpc\)$/m,
  );
});
