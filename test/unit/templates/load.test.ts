/** Finding the built-in templates from wherever the module runs (src, lib, dist, dist/cli). */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  TEMPLATE_FILES,
  findBuiltInTemplate,
  loadBuiltInTemplate,
  parseTemplate,
} from '../../../src/templates/index.js';

describe('built-in templates', () => {
  test('TEMPLATE_FILES names the three templates', () => {
    expect(TEMPLATE_FILES).toStrictEqual({
      vpc: 'vpc.yaml',
      'mwaa-prerequisites': 'mwaa-prerequisites.yaml',
      'mwaa-environment': 'mwaa-environment.yaml',
    });
  });

  test.each(Object.keys(TEMPLATE_FILES) as Array<keyof typeof TEMPLATE_FILES>)(
    '%s loads from the package templates/ folder and parses',
    async (name) => {
      expect(findBuiltInTemplate(name)).toMatch(new RegExp(`[/\\\\]templates[/\\\\]${name}\\.yaml$`));
      const template = parseTemplate(await loadBuiltInTemplate(name));
      expect(Object.keys(template.Resources).length).toBeGreaterThan(0);
    },
  );

  describe('search from the layouts the package ships in', () => {
    let root: string;
    beforeAll(() => {
      root = mkdtempSync(join(tmpdir(), 'mwaa-templates-'));
      mkdirSync(join(root, 'templates'));
      writeFileSync(join(root, 'templates', 'vpc.yaml'), 'Resources: {}\n');
      for (const dir of ['lib/templates', 'dist/cli', 'src/templates']) {
        mkdirSync(join(root, dir), { recursive: true });
      }
    });
    afterAll(() => rmSync(root, { recursive: true, force: true }));

    test.each(['lib/templates', 'dist', 'dist/cli', 'src/templates'])('from %s', (dir) => {
      expect(findBuiltInTemplate('vpc', join(root, dir))).toBe(join(root, 'templates', 'vpc.yaml'));
    });

    test('a clear error when the folder is missing', () => {
      expect(() => findBuiltInTemplate('mwaa-prerequisites', join(root, 'dist', 'cli'))).toThrow(
        /Built-in template mwaa-prerequisites\.yaml not found.*templates\/ folder is missing/s,
      );
    });
  });
});
