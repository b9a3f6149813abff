/**
 * A throwaway workspace (what GITHUB_WORKSPACE points at) holding release-time code: a DAG
 * folder, requirements.txt, a plugins folder and a startup script, changed file by file by tests.
 */
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export interface CodeWorkspace {
  readonly root: string;
  write(path: string, content: string | Uint8Array): Promise<void>;
  remove(path: string): Promise<void>;
  link(path: string, target: string): Promise<void>;
  dispose(): Promise<void>;
}

/** The inputs that point the action at the workspace's code. */
export const CODE_INPUTS = {
  'dags-path': 'dags',
  'requirements-path': 'requirements.txt',
  'plugins-path': 'plugins',
  'startup-script-path': 'startup.sh',
} as const;

export const REQUIREMENTS = [
  '--constraint "https://raw.githubusercontent.com/apache/airflow/constraints-2.10.3/constraints-3.11.txt"',
  'apache-airflow-providers-snowflake==5.8.0',
  'boto3',
  '',
].join('\n');

export async function codeWorkspace(
  files: Readonly<Record<string, string>> = {
    'dags/a.py': 'from airflow import DAG\n# a\n',
    'dags/b.py': 'from airflow import DAG\n# b\n',
    'dags/sub/c.py': 'from airflow import DAG\n# c\n',
    'requirements.txt': REQUIREMENTS,
    'plugins/operators/hello.py': 'class Hello: pass\n',
    'plugins/__init__.py': '',
    'startup.sh': '#!/bin/sh\nexport A=1\n',
  },
): Promise<CodeWorkspace> {
  const root = await mkdtemp(join(tmpdir(), 'mwaa-deploy-ws-'));
  const write = async (path: string, content: string | Uint8Array) => {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), content);
  };
  for (const [path, content] of Object.entries(files)) await write(path, content);
  return {
    root,
    write,
    remove: (path) => rm(join(root, path), { recursive: true, force: true }),
    link: async (path, target) => {
      await mkdir(dirname(join(root, path)), { recursive: true });
      await symlink(target, join(root, path));
    },
    dispose: () => rm(root, { recursive: true, force: true }),
  };
}
