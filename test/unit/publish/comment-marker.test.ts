import {
  formatMarker,
  isOurComment,
  parseMarker,
  stripMarker,
} from '../../../src/publish/comment-marker.js';

describe('comment marker', () => {
  it('writes a versioned marker with the environment first, then the fields in order', () => {
    expect(formatMarker('prod-eu_1', { fingerprint: '9f2c', status: 'planned' })).toBe(
      '<!-- mwaa-deploy:v1 environment=prod-eu_1 fingerprint=9f2c status=planned -->',
    );
  });

  it('reads back what it wrote, whatever the values hold', () => {
    const fields = { note: 'a --> b <!-- c', spaced: 'x y=z', empty: '' };
    const marker = formatMarker('prod', fields);
    expect(marker.indexOf('-->')).toBe(marker.length - 3);
    expect(marker).not.toMatch(/--!?>.*-->/);
    expect(parseMarker(`${marker}\nbody`)).toEqual({ version: 1, environment: 'prod', fields });
  });

  it('only counts a marker at the start of the body (leading blank lines allowed)', () => {
    expect(parseMarker(`\n  ${formatMarker('prod')}\nplan`)?.environment).toBe('prod');
    expect(parseMarker(`see ${formatMarker('prod')}`)).toBeUndefined();
    expect(parseMarker(`> ${formatMarker('prod')}`)).toBeUndefined();
  });

  it('reports the version, so callers can skip markers of another major version', () => {
    const v2 = '<!-- mwaa-deploy:v2 environment=prod -->';
    expect(parseMarker(v2)?.version).toBe(2);
    expect(isOurComment(v2, 'prod')).toBe(false);
    expect(isOurComment(formatMarker('prod'), 'prod')).toBe(true);
    expect(isOurComment(formatMarker('prod'), 'prod2')).toBe(false);
  });

  it('ignores other tools markers and markers without an environment', () => {
    expect(parseMarker('<!-- cdk-diff-action environment=prod -->')).toBeUndefined();
    expect(parseMarker('<!-- mwaa-deploy:v1 fingerprint=1 -->')).toBeUndefined();
  });

  it('refuses field names that could break the marker or replace the environment', () => {
    expect(() => formatMarker('prod', { 'bad name': 'x' })).toThrow(/Invalid comment marker field/);
    expect(() => formatMarker('prod', { environment: 'dev' })).toThrow(/environment/);
  });

  it('strips the marker line and nothing else', () => {
    expect(stripMarker(`${formatMarker('prod')}\n### Plan\n`)).toBe('### Plan\n');
    expect(stripMarker('no marker')).toBe('no marker');
  });
});
