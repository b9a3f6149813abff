/**
 * A scriptable fake of the AWS endpoints the product calls (CloudFormation, STS, and the
 * read-only EC2, S3, IAM and KMS calls of verification) and of the runner's OIDC token endpoint,
 * on one loopback HTTP server. The real SDK clients (or the
 * bundled action, with AWS_ENDPOINT_URL) talk to it over the real wire protocols. It exists for
 * the behaviour moto lacks: change set details, per-resource events, failures and rollbacks,
 * throttling and other faults (see shared/reference/local-aws.md).
 *
 *   const aws = await startFakeAws({ resourceMs: 5 });
 *   const cfn = new CloudFormationClient({ endpoint: aws.url, region: 'us-east-1', credentials });
 *   aws.failResource({ stackName: 'vpc', logicalId: 'NatGateway1', reason: 'Quota exceeded' });
 *   aws.addFault({ service: 'cloudformation', action: 'DescribeStacks', kind: 'throttle', every: 2 });
 *   aws.patchResource('vpc', 'VPC', (p) => ({ ...p, EnableDnsHostnames: false })); // drift
 *   const keyArn = aws.seedKey({ policy: { Version: '2012-10-17', Statement: [] } });
 *   ...
 *   await aws.close();
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DriftBook } from './drift.js';
import { FaultBook } from './faults.js';
import { KmsGrants } from './kms-grants.js';
import { FakeMwaa } from './mwaa.js';
import type { EnvironmentFailure } from './mwaa.js';
import { mwaaProvider } from './providers.js';
import type { FaultRule } from './faults.js';
import { Inventory } from './inventory.js';
import type { LiveResource, Patch, SeedKey, SeedResource } from './inventory.js';
import { DEFAULT_REQUEST_TOKEN, OIDC_PATH } from './oidc.js';
import { seedStack } from './seed.js';
import type { SeedStack } from './seed.js';
import { ObjectStore } from './s3-objects.js';
import { router } from './server.js';
import { CfnState } from './state.js';
import { FakeSts } from './sts.js';
import type {
  CallRecord,
  ChangeSetFailure,
  FakeAwsOptions,
  ResolvedOptions,
  ResourceFailure,
  StackRecord,
} from './types.js';

export type { FaultRule } from './faults.js';
export type { LiveResource, Patch, SeedKey, SeedResource } from './inventory.js';
export type { SeedStack } from './seed.js';
export type { AssumedRole } from './sts.js';
export type * from './types.js';
export { NO_CHANGES } from './change-sets.js';
export type { EnvironmentFailure, MwaaOptions } from './mwaa.js';
export { REALISTIC_MWAA_MS } from './mwaa.js';
export { MWAA_GRANTS } from './kms-grants.js';

export interface FakeAws {
  /** Base URL, for `endpoint` or AWS_ENDPOINT_URL. */
  readonly url: string;
  /** What ACTIONS_ID_TOKEN_REQUEST_URL and ACTIONS_ID_TOKEN_REQUEST_TOKEN should hold. */
  readonly oidcRequestUrl: string;
  readonly oidcRequestToken: string;
  /** Every request answered, oldest first. */
  readonly calls: CallRecord[];
  /** The objects in the stacks' buckets (PutObject, ListObjectsV2, ...: s3-objects.ts). */
  readonly objects: ObjectStore;
  /** CloudFormation's state, brought up to the clock's time. */
  readonly state: CfnState;
  readonly sts: FakeSts;
  /** Environment for a child process: the AWS endpoint and the OIDC variables. */
  env(): Record<string, string>;
  /** A live stack by name, brought up to the clock's time. */
  stack(name: string): StackRecord | undefined;
  seedStack(seed: SeedStack): StackRecord;
  /** Makes a resource fail (create, update or delete) with this reason. */
  failResource(failure: ResourceFailure): void;
  /** Makes the next change set(s) of a stack end FAILED with this reason. */
  failChangeSet(failure: ChangeSetFailure): void;
  /**
   * What EC2, S3, IAM and KMS show: the stacks' resources (retained ones too) and seeded ones,
   * drift applied. Optionally of one type, e.g. `AWS::EC2::Subnet`.
   */
  resources(type?: string): LiveResource[];
  /** Seeds a KMS key outside any stack (an existing key); returns its ARN. */
  seedKey(seed?: SeedKey): string;
  /** Seeds any other resource outside any stack, by CloudFormation type and properties. */
  seedResource(seed: SeedResource): LiveResource;
  /**
   * Makes a deployed resource drift, as an edit outside CloudFormation would: the read-only
   * services show `patch(properties)`; CloudFormation still compares with the template.
   */
  patchResource(stackName: string, logicalId: string, patch: Patch): void;
  /** The fake MWAA: environments and their log groups, brought up to the clock's time. */
  readonly mwaa: FakeMwaa;
  /** KMS grants (MWAA's four, and any made with CreateGrant). */
  readonly grants: KmsGrants;
  /** Makes the next environment create or update fail in MWAA with this error. */
  failEnvironment(failure: EnvironmentFailure): void;
  /** Adds a fault; returns a function that removes it. */
  addFault(rule: FaultRule): () => void;
  clearFaults(): void;
  close(): Promise<void>;
}

function resolveOptions(options: FakeAwsOptions): ResolvedOptions {
  return {
    region: options.region ?? 'us-east-1',
    accountId: options.accountId ?? '123456789012',
    now: options.now ?? Date.now,
    changeSetReadyMs: options.changeSetReadyMs ?? 50,
    driftDetectionMs: options.driftDetectionMs ?? 50,
    resourceMs: options.resourceMs ?? 20,
    otherChangeSetsOnExecute: options.otherChangeSetsOnExecute ?? 'delete',
    statusLagMs: options.statusLagMs ?? 0,
    pageSize: {
      changes: 5,
      events: 10,
      resources: 10,
      stacks: 10,
      changeSets: 10,
      ...options.pageSize,
    },
  };
}

export async function startFakeAws(options: FakeAwsOptions = {}): Promise<FakeAws> {
  const resolved = resolveOptions(options);
  const cfn = new CfnState(resolved);
  const sts = new FakeSts(options.sts ?? {}, resolved.accountId, resolved.now);
  const faults = new FaultBook();
  for (const rule of options.faults ?? []) faults.add(rule);
  const calls: CallRecord[] = [];
  const inventory = new Inventory(cfn);
  const grants = new KmsGrants(inventory, resolved.now);
  const mwaa = new FakeMwaa(cfn, inventory, grants, options.mwaa);
  cfn.providers.set('AWS::MWAA::Environment', mwaaProvider(mwaa));
  const drift = new DriftBook(cfn, inventory);
  const objects = new ObjectStore(resolved.now);

  const handle = router({
    cfn,
    inventory,
    drift,
    objects,
    sts,
    faults,
    calls,
    oidc: options.oidc ?? {},
    now: resolved.now,
    mwaa,
    grants,
  });
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.writeHead(500).end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  // A fake a test forgot to close must not keep the process (or Jest) alive.
  server.unref();
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const oidcRequestUrl = `${url}${OIDC_PATH}?api-version=2.0`;
  const oidcRequestToken = options.oidc?.requestToken ?? DEFAULT_REQUEST_TOKEN;

  return {
    url,
    oidcRequestUrl,
    oidcRequestToken,
    calls,
    objects,
    get state() {
      cfn.advance();
      return cfn;
    },
    sts,
    env: () => ({
      AWS_ENDPOINT_URL: url,
      ACTIONS_ID_TOKEN_REQUEST_URL: oidcRequestUrl,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: oidcRequestToken,
    }),
    stack: (name) => {
      cfn.advance();
      return cfn.stacks.get(name);
    },
    seedStack: (seed) => seedStack(cfn, seed),
    failResource: (failure) => void cfn.resourceFailures.push({ ...failure }),
    failChangeSet: (failure) => void cfn.changeSetFailures.push({ ...failure }),
    resources: (type) => (type ? inventory.ofType(type) : inventory.all()),
    seedKey: (seed = {}) => inventory.seedKey(seed),
    seedResource: (seed) => inventory.seed(seed),
    patchResource: (stackName, logicalId, patch) => inventory.patch(stackName, logicalId, patch),
    get mwaa() {
      cfn.advance();
      return mwaa;
    },
    grants,
    failEnvironment: (failure) => void mwaa.failures.push({ ...failure }),
    addFault: (rule) => faults.add(rule),
    clearFaults: () => faults.clear(),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) =>
        server.close((e) => (e ? reject(e) : resolve())),
      );
    },
  };
}
