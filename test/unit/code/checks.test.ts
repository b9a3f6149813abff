import {
  REQUIREMENTS_MAX_BYTES,
  requirementsProblems,
  startupScriptProblems,
} from '../../../src/code/checks.js';
import { compareHeaded, compareListed } from '../../../src/code/compare.js';
import { digest } from '../../../src/code/local.js';

const text = (s: string) => new TextEncoder().encode(s);

describe('requirements.txt as MWAA can install it', () => {
  it('accepts packages, URLs, constraints by URL and wheels under /usr/local/airflow', () => {
    expect(
      requirementsProblems(
        text(
          [
            '--constraint "https://raw.githubusercontent.com/apache/airflow/constraints-2.10.3/constraints-3.11.txt"',
            'apache-airflow-providers-snowflake==5.8.0  # pinned',
            '/usr/local/airflow/plugins/my_pkg-1.0-py3-none-any.whl',
            '-e git+https://github.com/org/repo.git#egg=repo',
            '',
          ].join('\n'),
        ),
      ),
    ).toEqual([]);
  });

  it('names each line that refers to a local file, which never reaches the bucket', () => {
    const problems = requirementsProblems(
      text('boto3\n-r base.txt\n-c ./constraints.txt\n-e .\n./dist/x.whl\n'),
    );
    expect(problems.map((p) => p.slice(0, 7))).toEqual([
      'line 2 ',
      'line 3 ',
      'line 4 ',
      'line 5 ',
    ]);
  });

  it('refuses a file that is not text or is far too large', () => {
    expect(requirementsProblems(new Uint8Array([0x62, 0, 0x63]))[0]).toMatch(/not UTF-8 text/);
    expect(requirementsProblems(new Uint8Array([0xff, 0xfe]))[0]).toMatch(/not UTF-8 text/);
    expect(requirementsProblems(new Uint8Array(REQUIREMENTS_MAX_BYTES + 1).fill(0x61))[0]).toMatch(
      /over the 1048576 bytes/,
    );
    expect(startupScriptProblems(new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0]))).toHaveLength(1);
  });
});

describe('comparing by content', () => {
  const local = digest(text('print(1)\n'));

  it('decides from the listing when the size differs or the ETag is the MD5', () => {
    expect(compareListed(local, { key: 'k', size: local.size + 1, etag: local.md5 })).toBe(
      'changed',
    );
    expect(compareListed(local, { key: 'k', size: local.size, etag: local.md5 })).toBe('same');
    // A multipart ETag, or an SSE-KMS one: only HeadObject can tell.
    expect(compareListed(local, { key: 'k', size: local.size, etag: `${local.md5}-2` })).toBe(
      'ask-head',
    );
    expect(compareListed(local, { key: 'k', size: local.size, etag: 'f'.repeat(32) })).toBe(
      'ask-head',
    );
  });

  it('trusts the stored SHA-256 first, the ETag only where it is an MD5', () => {
    const head = { key: 'k', size: local.size, etag: 'f'.repeat(32) };
    expect(compareHeaded(local, { ...head, sha256: local.sha256 })).toBe('same');
    expect(compareHeaded(local, { ...head, sha256: 'AAAA' })).toBe('changed');
    expect(compareHeaded(local, { ...head, etag: local.md5, encryption: 'AES256' })).toBe('same');
    // An SSE-KMS object without a checksum cannot be proven equal: uploaded again.
    expect(compareHeaded(local, { ...head, etag: local.md5, encryption: 'aws:kms' })).toBe(
      'changed',
    );
  });
});
