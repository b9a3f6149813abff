import {
  parseAllowList,
  parseBoolean,
  parseEnum,
  parseInteger,
} from '../../../src/settings/scalars.js';

describe('parseBoolean', () => {
  it.each([
    ['true', true],
    ['True', true],
    ['TRUE', true],
    ['false', false],
    ['False', false],
    ['FALSE', false],
  ])('reads %s', (text, value) => {
    expect(parseBoolean(text)).toEqual({ ok: true, value });
  });

  it.each(['yes', 'no', '1', '0', 'on', 'tRue', 'ture', ''])('rejects %s', (text) => {
    expect(parseBoolean(text)).toEqual({
      ok: false,
      details: [
        `'${text}' is not a boolean; use true or false (YAML 1.2 core schema: true | True | TRUE | false | False | FALSE)`,
      ],
    });
  });
});

describe('parseInteger', () => {
  it('reads the bounds', () => {
    expect(parseInteger('1', 1, 720, 'minutes')).toEqual({ ok: true, value: 1 });
    expect(parseInteger('720', 1, 720, 'minutes')).toEqual({ ok: true, value: 720 });
  });

  it.each(['0', '721', '99999999999999999999'])('rejects %s as out of range', (text) => {
    const parsed = parseInteger(text, 1, 720, 'minutes');
    expect(parsed.ok ? '' : parsed.details[0]).toBe(
      `'${text}' is out of range; expected a whole number of minutes from 1 to 720`,
    );
  });

  it.each(['60s', '1.5', '-5', '+5', '060', '1e2', '0x10', ' 5'])(
    'rejects %s as not a whole number',
    (text) => {
      const parsed = parseInteger(text, 1, 720, 'minutes');
      expect(parsed.ok ? '' : parsed.details[0]).toContain(
        'is not a whole number of minutes from 1 to 720',
      );
    },
  );
});

describe('parseEnum', () => {
  it('reads an allowed value and hints at the case of a near miss', () => {
    expect(parseEnum('verify', ['plan', 'verify'])).toEqual({ ok: true, value: 'verify' });
    const parsed = parseEnum('Verify', ['plan', 'verify']);
    expect(parsed.ok ? '' : parsed.details[0]).toBe(
      "'Verify' is not one of 'plan', 'verify' (did you mean 'verify'?)",
    );
  });
});

describe('parseAllowList', () => {
  it('splits on commas and newlines, trims, drops empties and duplicates', () => {
    expect(parseAllowList(' DagBucket,,\r\nAWS::KMS::Key , DagBucket\n')).toEqual({
      ok: true,
      value: ['DagBucket', 'AWS::KMS::Key'],
    });
    expect(parseAllowList('')).toEqual({ ok: true, value: [] });
  });

  it('rejects entries that are neither logical IDs nor resource types, each separately', () => {
    const parsed = parseAllowList('Dag-Bucket, AWS::S3, AWS::S3::Bucket');
    expect(parsed.ok ? [] : parsed.details).toEqual([
      "'Dag-Bucket' is neither a logical ID (letters and digits, e.g. DagBucket) nor a resource type (e.g. AWS::S3::Bucket)",
      "'AWS::S3' is neither a logical ID (letters and digits, e.g. DagBucket) nor a resource type (e.g. AWS::S3::Bucket)",
    ]);
  });
});
