/**
 * The library as npm users get it: `npm pack`, installed into an empty folder, imported by an
 * example script, and its `mwaa-deploy` command run.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

const EXAMPLE = `
import { loadSettings, inputsFrom, summarizeStacks, templateKeyMode } from 'mwaa-deploy';
const before = process.listenerCount('SIGTERM');
const settings = loadSettings(inputsFrom({ 'environment-name': 'packed', 'aws-region': 'eu-west-1', 'key-mode': 'customer-managed' }), {});
const stacks = await summarizeStacks(settings);
console.log(JSON.stringify({
  keyMode: templateKeyMode(settings),
  stacks: stacks.map((s) => [s.name, s.resources.length]),
  listenersAdded: process.listenerCount('SIGTERM') - before,
}));
`;

describe('the packed npm package', () => {
  let work: string;
  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'mwaa-pack-'));
  });
  afterAll(async () => rm(work, { recursive: true, force: true }));

  it('installs into an empty folder, imports without side effects, and runs its command', async () => {
    // prepack builds lib/ with tsc.
    await run('npm', ['pack', '--pack-destination', work, '--silent'], {
      cwd: ROOT,
      maxBuffer: 1 << 24,
    });
    const tarball = (await readdir(work)).find((f) => f.endsWith('.tgz'));
    expect(tarball).toBeDefined();
    const app = join(work, 'app');
    await run('mkdir', ['-p', app]);
    await writeFile(
      join(app, 'package.json'),
      JSON.stringify({ name: 'app', private: true, type: 'module' }),
    );
    await run(
      'npm',
      ['install', '--no-audit', '--no-fund', '--prefer-offline', join(work, tarball ?? '')],
      {
        cwd: app,
        maxBuffer: 1 << 24,
      },
    );
    await writeFile(join(app, 'example.mjs'), EXAMPLE);
    const { stdout } = await run(process.execPath, ['example.mjs'], { cwd: app });
    expect(JSON.parse(stdout)).toEqual({
      keyMode: 'customer-managed-new',
      stacks: [
        ['packed-vpc', 22],
        ['packed-mwaa-prerequisites', 7],
      ],
      listenersAdded: 0,
    });
    const cli = await run(
      join(app, 'node_modules', '.bin', 'mwaa-deploy'),
      ['plan', '--offline', '--json'],
      { cwd: app },
    );
    expect(JSON.parse(cli.stdout).stacks).toHaveLength(2);

    // An honest package: its licence, and source maps whose sources were published with them.
    const installed = join(app, 'node_modules', 'mwaa-deploy');
    expect(await readFile(join(installed, 'LICENSE'), 'utf8')).toMatch(/^MIT License/);
    const maps = (await readdir(join(installed, 'lib'), { recursive: true })).filter((f) =>
      f.endsWith('.map'),
    );
    expect(maps.length).toBeGreaterThan(0);
    const dangling: string[] = [];
    for (const file of maps) {
      const path = join(installed, 'lib', file);
      const map = JSON.parse(await readFile(path, 'utf8')) as { sources: string[] };
      for (const source of map.sources) {
        const target = resolve(dirname(path), source);
        if (!(await stat(target).catch(() => undefined))) dangling.push(`${file} -> ${source}`);
      }
    }
    expect(dangling).toEqual([]);
  }, 180_000);
});
