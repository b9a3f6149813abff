/**
 * What exists in the fake account, as the read-only services (EC2, S3, IAM, KMS) see it: the
 * resources the stacks deployed (with their resolved properties), those a stack left behind
 * (DeletionPolicy or UpdateReplacePolicy Retain), and standalone resources a test seeded.
 * Tests can make a deployed resource drift (`patch`) without CloudFormation knowing, as a person
 * editing it in the console would: the next change set still compares against the template.
 */
import { randomUUID } from 'node:crypto';
import type { CfnState } from './state.js';
import type { ResourceRecord, StackRecord, Tag } from './types.js';

export interface LiveResource {
  readonly type: string;
  readonly physicalId: string;
  /** Resolved properties, drift (`patch`) applied. */
  readonly properties: Record<string, unknown>;
  readonly attributes: Readonly<Record<string, string>>;
  readonly region: string;
  readonly accountId: string;
  readonly created: Date;
  /** The resource's own Tags, then the stack's, then the aws:cloudformation:* ones. */
  readonly tags: readonly Tag[];
  readonly stackName?: string;
  readonly logicalId?: string;
  /**
   * Deleted, yet still described for a while, as AWS does for the types in LINGERING: a NAT
   * gateway shows `deleted`, a KMS key `PendingDeletion`.
   */
  readonly deleted?: boolean;
}

/** A resource that no stack made (an existing VPC, a key made by hand…). */
export interface SeedResource {
  readonly type: string;
  readonly physicalId: string;
  readonly properties?: Record<string, unknown>;
  readonly attributes?: Record<string, string>;
  /** Default: the fake's Region and account. */
  readonly region?: string;
  readonly accountId?: string;
}

/** An existing KMS key, outside any stack. */
export interface SeedKey {
  /** Default: a random UUID (`mrk-…` when multiRegion). */
  readonly keyId?: string;
  /** Default: the fake's Region and account (they make the ARN). */
  readonly region?: string;
  readonly accountId?: string;
  /** The key policy, as an object or JSON text. Default: KMS's default key policy. */
  readonly policy?: unknown;
  /** Default `Enabled`. */
  readonly state?: 'Enabled' | 'Disabled' | 'PendingDeletion' | 'PendingImport' | 'Unavailable';
  /** Default `SYMMETRIC_DEFAULT`. */
  readonly spec?: string;
  /** Default `ENCRYPT_DECRYPT`. */
  readonly usage?: string;
  readonly multiRegion?: boolean;
  /** Default `CUSTOMER`; `AWS` for an AWS managed key. */
  readonly manager?: 'CUSTOMER' | 'AWS';
  readonly description?: string;
}

/** Receives a copy of the resource's properties and returns what AWS now holds. */
export type Patch = (properties: Record<string, unknown>) => Record<string, unknown>;

/** Types AWS keeps describing after deletion. */
const LINGERING = new Set(['AWS::EC2::NatGateway', 'AWS::KMS::Key']);

const keyOf = (type: string, physicalId: string): string => `${type}|${physicalId}`;

export class Inventory {
  private readonly seeded: LiveResource[] = [];
  private readonly patches = new Map<string, Patch[]>();

  constructor(private readonly cfn: CfnState) {}

  /** The fake's own Region and account. */
  get account(): { readonly region: string; readonly accountId: string } {
    return { region: this.cfn.options.region, accountId: this.cfn.options.accountId };
  }

  /** Every resource in the account, oldest stack first, then retained, then seeded ones. */
  all(): LiveResource[] {
    this.cfn.advance();
    const found: LiveResource[] = [];
    for (const stack of [...this.cfn.stacks.values(), ...this.cfn.deleted]) {
      for (const r of stack.resources.values()) {
        const gone = r.status === 'DELETE_COMPLETE';
        if (!r.physicalId || (gone && !LINGERING.has(r.type))) continue;
        found.push(this.fromStack(stack, r, gone));
      }
    }
    for (const { stackName, resource } of this.cfn.retained) {
      const stack = this.cfn.stacks.get(stackName) ?? { name: stackName, tags: [], stackId: '' };
      found.push(this.fromStack(stack, resource, false));
    }
    return [...found, ...this.seeded].map((r) => this.patched(r));
  }

  ofType(type: string): LiveResource[] {
    return this.all().filter((r) => r.type === type);
  }

  /** The live (or lingering) resource of this type and physical ID; live ones win. */
  find(type: string, physicalId: string): LiveResource | undefined {
    const matches = this.ofType(type).filter((r) => r.physicalId === physicalId);
    return matches.find((r) => !r.deleted) ?? matches[0];
  }

  seed(seed: SeedResource): LiveResource {
    const { region, accountId } = this.cfn.options;
    const resource: LiveResource = {
      type: seed.type,
      physicalId: seed.physicalId,
      properties: structuredClone(seed.properties ?? {}),
      attributes: { ...seed.attributes },
      region: seed.region ?? region,
      accountId: seed.accountId ?? accountId,
      created: new Date(this.cfn.now()),
      tags: tagsOf(seed.properties?.['Tags']),
    };
    this.seeded.push(resource);
    return resource;
  }

  /** Seeds a KMS key; returns its ARN. */
  seedKey(seed: SeedKey): string {
    const region = seed.region ?? this.cfn.options.region;
    const accountId = seed.accountId ?? this.cfn.options.accountId;
    const keyId = seed.keyId ?? `${seed.multiRegion ? 'mrk-' : ''}${randomUUID()}`;
    const arn = `arn:aws:kms:${region}:${accountId}:key/${keyId}`;
    this.seed({
      type: 'AWS::KMS::Key',
      physicalId: keyId,
      region,
      accountId,
      attributes: { KeyId: keyId, Arn: arn },
      properties: {
        KeyPolicy: seed.policy,
        KeyState: seed.state ?? 'Enabled',
        KeySpec: seed.spec,
        KeyUsage: seed.usage,
        MultiRegion: seed.multiRegion,
        KeyManager: seed.manager,
        Description: seed.description,
      },
    });
    return arn;
  }

  /**
   * Makes a stack's resource drift: `patch` gets a copy of the properties on every read (so it
   * may mutate it) and several patches apply in order. A replacement (new physical ID) ends it.
   */
  patch(stackName: string, logicalId: string, patch: Patch): void {
    this.cfn.advance();
    const stack =
      this.cfn.stacks.get(stackName) ?? this.cfn.deleted.findLast((s) => s.name === stackName);
    const record = stack?.resources.get(logicalId);
    if (!record?.physicalId) {
      throw new Error(`patchResource: ${stackName} has no deployed resource ${logicalId}`);
    }
    const key = keyOf(record.type, record.physicalId);
    this.patches.set(key, [...(this.patches.get(key) ?? []), patch]);
  }

  private patching = false;

  private patched(r: LiveResource): LiveResource {
    const patches = this.patches.get(keyOf(r.type, r.physicalId));
    if (!patches) return r;
    if (this.patching) {
      throw new Error('patchResource: a patch must not read the fake (read what it needs first)');
    }
    this.patching = true;
    try {
      const properties = patches.reduce((p, fn) => fn(p), structuredClone(r.properties));
      return { ...r, properties };
    } finally {
      this.patching = false;
    }
  }

  private fromStack(
    stack: Pick<StackRecord, 'name' | 'tags' | 'stackId'>,
    r: ResourceRecord,
    deleted: boolean,
  ): LiveResource {
    const { region, accountId } = this.cfn.options;
    const cfnTags: Tag[] = [
      { Key: 'aws:cloudformation:stack-name', Value: stack.name },
      { Key: 'aws:cloudformation:logical-id', Value: r.logicalId },
      { Key: 'aws:cloudformation:stack-id', Value: stack.stackId },
    ];
    return {
      type: r.type,
      physicalId: r.physicalId!,
      properties: r.properties,
      attributes: r.attributes,
      region,
      accountId,
      created: r.timestamp,
      tags: [...tagsOf(r.properties['Tags']), ...stack.tags, ...cfnTags],
      stackName: stack.name,
      logicalId: r.logicalId,
      ...(deleted ? { deleted } : {}),
    };
  }
}

function tagsOf(value: unknown): Tag[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((t): t is Record<string, unknown> => typeof t === 'object' && t !== null)
    .map((t) => ({ Key: String(t['Key'] ?? ''), Value: String(t['Value'] ?? '') }));
}

/** A property as text ('' when absent). */
export function text(value: unknown): string {
  return value === undefined || value === null ? '' : String(value);
}

/** A boolean property: CloudFormation accepts `true` and `"true"`. */
export function flag(value: unknown, fallback: boolean): boolean {
  if (value === undefined || value === null || value === '') return fallback;
  return value === true || String(value).toLowerCase() === 'true';
}
