/** The fake's options and the records it keeps, shared by its modules. */
import type { CfnTemplate } from '../../../src/templates/index.js';
import type { FaultRule } from './faults.js';
import type { MwaaOptions } from './mwaa.js';

/** How the fake behaves; every field has a default tuned for fast tests. */
export interface FakeAwsOptions {
  /** Region in ARNs. Default `us-east-1`. */
  readonly region?: string;
  /** Account in ARNs and GetCallerIdentity. Default `123456789012`. */
  readonly accountId?: string;
  /** Clock in ms since the epoch; transitions are computed from it on each request. */
  readonly now?: () => number;
  /** How long a change set stays CREATE_PENDING + CREATE_IN_PROGRESS. Default 50 ms. */
  readonly changeSetReadyMs?: number;
  /** How long a drift detection stays DETECTION_IN_PROGRESS. Default 50 ms. */
  readonly driftDetectionMs?: number;
  /** How long each resource takes to create, update or delete. Default 20 ms. */
  readonly resourceMs?: number;
  /** Page sizes, small by default so that callers must paginate. */
  readonly pageSize?: Partial<
    Record<'changes' | 'events' | 'resources' | 'stacks' | 'changeSets', number>
  >;
  /**
   * What ExecuteChangeSet does to the stack's other change sets. The API reference says they are
   * deleted ('delete', the default); 'obsolete' keeps them with ExecutionStatus OBSOLETE.
   */
  readonly otherChangeSetsOnExecute?: 'delete' | 'obsolete';
  /**
   * For this long after ExecuteChangeSet, DescribeStacks still shows the stack as it was before
   * (status and outputs), as a read that lags the write can. Default 0. CloudFormation's reads
   * are eventually consistent; the length of the lag is not documented.
   */
  readonly statusLagMs?: number;
  /** Faults active from the start (see FaultRule). */
  readonly faults?: readonly FaultRule[];
  readonly sts?: StsOptions;
  readonly oidc?: OidcOptions;
  /** How long MWAA environment operations take (see mwaa.ts). */
  readonly mwaa?: MwaaOptions;
}

export interface StsOptions {
  /** The role's maximum session duration (DurationSeconds above it is refused). Default 3600. */
  readonly maxSessionDuration?: number;
  /** The audience the OIDC provider expects in the token. Default `sts.amazonaws.com`. */
  readonly audience?: string;
  /**
   * Test knob: sessions expire after this many ms instead of DurationSeconds, so a test can
   * cross an expiry in seconds. Calls signed with expired credentials fail with ExpiredToken.
   */
  readonly sessionMs?: number;
}

export interface OidcOptions {
  /** What ACTIONS_ID_TOKEN_REQUEST_TOKEN must hold. Default `fake-oidc-request-token`. */
  readonly requestToken?: string;
  /** The token's `sub` claim. Default `repo:octo-org/octo-repo:ref:refs/heads/main`. */
  readonly subject?: string;
}

export type ResolvedOptions = Required<
  Omit<FakeAwsOptions, 'faults' | 'pageSize' | 'sts' | 'oidc' | 'mwaa'>
> & {
  readonly pageSize: Record<'changes' | 'events' | 'resources' | 'stacks' | 'changeSets', number>;
};

export interface ResourceRecord {
  readonly logicalId: string;
  readonly type: string;
  physicalId?: string;
  status: string;
  statusReason?: string;
  timestamp: Date;
  /** Properties as deployed, intrinsics resolved (what the next change set compares with). */
  properties: Record<string, unknown>;
  /** `Fn::GetAtt` values. */
  attributes: Record<string, string>;
}

export interface StackEventRecord {
  readonly EventId: string;
  readonly StackId: string;
  readonly StackName: string;
  readonly LogicalResourceId: string;
  readonly PhysicalResourceId?: string;
  readonly ResourceType: string;
  readonly Timestamp: Date;
  readonly ResourceStatus: string;
  readonly ResourceStatusReason?: string;
  readonly ClientRequestToken?: string;
}

export interface OutputRecord {
  readonly OutputKey: string;
  readonly OutputValue: string;
  readonly Description?: string;
  readonly ExportName?: string;
}

export interface Tag {
  readonly Key: string;
  readonly Value: string;
}

/** What a stack is made of once deployed; kept to roll back to. */
export interface StackContent {
  templateBody: string;
  template?: CfnTemplate;
  parameters: Record<string, string>;
  outputs: OutputRecord[];
  resources: Map<string, ResourceRecord>;
  tags: Tag[];
  capabilities: string[];
}

export interface StackRecord extends StackContent {
  readonly stackId: string;
  readonly name: string;
  status: string;
  statusReason?: string;
  readonly creationTime: Date;
  lastUpdatedTime?: Date;
  deletionTime?: Date;
  terminationProtection: boolean;
  disableRollback: boolean;
  description?: string;
  changeSetId?: string;
  /** Oldest first (DescribeStackEvents answers newest first). */
  events: StackEventRecord[];
  /** What DescribeStacks shows until `until` (see FakeAwsOptions.statusLagMs). */
  staleView?: { readonly until: number; readonly shape: Record<string, unknown> };
  /** The content before the update in progress, restored by a rollback. */
  previous?: StackContent;
}

export interface Change {
  readonly Type: 'Resource';
  readonly ResourceChange: Record<string, unknown>;
}

export interface ChangeSetRecord {
  readonly id: string;
  readonly name: string;
  readonly stackId: string;
  readonly stackName: string;
  readonly type: 'CREATE' | 'UPDATE';
  readonly creationTime: Date;
  /** When CREATE_PENDING ends and when the change set is ready. */
  readonly pendingUntil: number;
  readonly readyAt: number;
  readonly finalStatus: 'CREATE_COMPLETE' | 'FAILED';
  readonly statusReason?: string;
  executionStatus:
    | 'UNAVAILABLE'
    | 'AVAILABLE'
    | 'EXECUTE_IN_PROGRESS'
    | 'EXECUTE_COMPLETE'
    | 'EXECUTE_FAILED'
    | 'OBSOLETE';
  readonly templateBody: string;
  readonly template: CfnTemplate;
  readonly parameters: Record<string, string>;
  readonly capabilities: string[];
  readonly tags: Tag[];
  /** False when the request had no Tags: the stack's tags are then left as they are. */
  readonly tagsGiven: boolean;
  readonly description?: string;
  readonly onStackFailure?: string;
  /** The request's ClientToken: a retry with the same one gets this change set back. */
  readonly clientToken?: string;
  /** Changes without and with property values (IncludePropertyValues). */
  readonly changes: Change[];
  readonly changesWithValues: Change[];
  /** Resources the change set replaces: they get new physical IDs when executed. */
  readonly replaced: readonly string[];
}

/** A resource that fails, scripted with `failResource`. */
export interface ResourceFailure {
  readonly stackName: string;
  readonly logicalId: string;
  /** Which operation fails. Default: any. */
  readonly operation?: 'create' | 'update' | 'delete';
  readonly reason: string;
  /** When set, the rollback fails too (UPDATE_ROLLBACK_FAILED / ROLLBACK_FAILED), with this reason. */
  readonly rollbackReason?: string;
  /** How many operations it fails before succeeding. Default: every one. */
  times?: number;
}

/** A change set that ends FAILED for a reason other than "no changes", scripted with `failChangeSet`. */
export interface ChangeSetFailure {
  readonly stackName: string;
  readonly reason: string;
  times?: number;
}

/** The services the fake answers, by the name the call log and fault rules use. */
export type ServiceName =
  'cloudformation' | 'sts' | 'oidc' | 'ec2' | 's3' | 'iam' | 'kms' | 'mwaa' | 'logs' | 'unknown';

/** One request the fake answered, for assertions. */
export interface CallRecord {
  readonly service: ServiceName;
  readonly action: string;
  readonly params: Record<string, unknown>;
  readonly time: Date;
  /** The access key the request was signed with, if signed. */
  readonly accessKeyId?: string;
  status?: number;
  errorCode?: string;
  /** The scripted fault that answered this call, if any. */
  fault?: string;
}
