import { SettingsError, inputsFrom, loadSettings } from '../../../src/settings/index.js';
import { parseTags } from '../../../src/settings/tags.js';

function tags(text: string) {
  const parsed = parseTags(text);
  if (!parsed.ok) throw new Error(parsed.details.join('; '));
  return parsed.value;
}

function tagProblems(text: string): string[] {
  try {
    loadSettings(
      inputsFrom({ 'environment-name': 'e', 'aws-region': 'us-east-1', tags: text }),
      {},
    );
  } catch (error) {
    if (error instanceof SettingsError) return error.problems.map((p) => p.message);
    throw error;
  }
  throw new Error('expected a SettingsError');
}

describe('tags as key=value lines', () => {
  it('reads lines, trimming, skipping blanks and comments, splitting at the first =', () => {
    expect(
      tags('Owner = data team\n\n# a comment\r\nQuery=a=b c\nEmpty=\nteam:cost-center=42'),
    ).toEqual([
      { key: 'Owner', value: 'data team' },
      { key: 'Query', value: 'a=b c' },
      { key: 'Empty', value: '' },
      { key: 'team:cost-center', value: '42' },
    ]);
  });

  it('keeps a value that contains ": "', () => {
    expect(tags('Note=see: docs')).toEqual([{ key: 'Note', value: 'see: docs' }]);
  });

  it('rejects a line without =, naming the line', () => {
    expect(tagProblems('Owner=data\njust-a-word')).toEqual([
      "Invalid input 'tags': line 2 'just-a-word' has no '='; write one key=value per line (or a YAML mapping).",
    ]);
  });

  it('rejects an empty key', () => {
    expect(tagProblems('=value')).toEqual([
      "Invalid input 'tags': a tag has an empty key (value 'value').",
    ]);
  });
});

describe('tags as a YAML or JSON mapping', () => {
  it('reads YAML, keeping every value as written', () => {
    expect(tags('Owner: data\nVersion: 1.10\nEnabled: yes\nBlank:')).toEqual([
      { key: 'Owner', value: 'data' },
      { key: 'Version', value: '1.10' },
      { key: 'Enabled', value: 'yes' },
      { key: 'Blank', value: '' },
    ]);
  });

  it('reads JSON', () => {
    expect(tags('{"Owner": "data", "Count": 3}')).toEqual([
      { key: 'Owner', value: 'data' },
      { key: 'Count', value: '3' },
    ]);
  });

  it('tells a URL value in YAML from a key=value line', () => {
    expect(tags('Docs: https://example.com/a=b')).toEqual([
      { key: 'Docs', value: 'https://example.com/a=b' },
    ]);
  });

  it('rejects invalid YAML, lists and nested values', () => {
    expect(tagProblems('Owner: a\nOwner: b')).toEqual([
      "Invalid input 'tags': 'Owner: a\\nOwner: b' is not a valid YAML/JSON mapping: duplicated mapping key (2:1).",
    ]);
    expect(tagProblems('{"a": "b"')[0]).toContain('is not a valid YAML/JSON mapping');
    expect(tagProblems('Owner: [a, b]')).toEqual([
      "Invalid input 'tags': tag 'Owner' has a list value; tag values are text.",
    ]);
    expect(tagProblems('Owner:\n  name: x')[0]).toContain("tag 'Owner' has a mapping value");
  });
});

describe('tag rules', () => {
  it('rejects keys starting with aws:, in any case', () => {
    expect(tagProblems('aws:cloudformation:stack-name=x')).toEqual([
      "Invalid input 'tags': tag key 'aws:cloudformation:stack-name' starts with 'aws:', a prefix AWS reserves for its own tags.",
    ]);
    expect(tagProblems('AWS:Owner=x')[0]).toContain("starts with 'aws:'");
  });

  it('rejects a key over 128 and a value over 256 characters', () => {
    expect(tagProblems(`${'k'.repeat(129)}=v`)[0]).toContain('is 129 characters long; at most 128');
    expect(tagProblems(`k=${'v'.repeat(257)}`)).toEqual([
      "Invalid input 'tags': the value of tag 'k' is 257 characters long; at most 256.",
    ]);
    expect(tags(`${'k'.repeat(128)}=${'v'.repeat(256)}`)).toHaveLength(1);
  });

  it('rejects duplicate keys', () => {
    expect(tagProblems('Owner=a\nOwner=b')).toEqual([
      "Invalid input 'tags': tag key 'Owner' is given twice; tag keys must be unique.",
    ]);
  });

  it('rejects more than 50 tags', () => {
    const lines = (n: number) => Array.from({ length: n }, (_, i) => `k${i}=v`).join('\n');
    expect(tags(lines(50))).toHaveLength(50);
    expect(tagProblems(lines(51))).toEqual([
      "Invalid input 'tags': 51 tags given; at most 50 are allowed on a stack.",
    ]);
  });

  it('rejects characters outside the tagging set', () => {
    expect(tagProblems('Owner=a#b;c\nTeam!=x')).toEqual([
      "Invalid input 'tags': the value of tag 'Owner' contains '#', ';'; tags allow letters, digits, spaces and _ . : / = + - @.",
      "Invalid input 'tags': tag key 'Team!' contains '!'; tags allow letters, digits, spaces and _ . : / = + - @.",
    ]);
    expect(tags('Équipe=données 2024 @x/y+z')).toHaveLength(1);
  });

  it('ends up frozen in the settings', () => {
    const settings = loadSettings(
      inputsFrom({ 'environment-name': 'e', 'aws-region': 'us-east-1', tags: 'a=b' }),
      {},
    );
    expect(settings.tags).toEqual([{ key: 'a', value: 'b' }]);
  });
});
