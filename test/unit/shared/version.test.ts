import { readFileSync } from 'node:fs';
import { VERSION } from '../../../src/version.js';

test('the user agent version is package.json version', () => {
  const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8'));
  expect(VERSION).toBe(pkg.version);
});
