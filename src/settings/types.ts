import type { EnvironmentSettings } from './environment-types.js';

/**
 * The one validated, frozen settings object every stage of the pipeline reads.
 * Only src/settings knows the action's input names; everything else takes a Settings.
 */

import type { CodeSettings } from './code.js';
import type { AllowablePrecheck } from './prechecks.js';

/** What a run does. */
export type Mode = 'plan' | 'deploy' | 'verify';

/** When to post the plan as a pull-request comment. */
export type CommentPolicy = 'always' | 'on-change' | 'never';

/** How the MWAA environment's data is encrypted (seed 002: cannot change once the environment exists). */
export type KeyMode = 'aws-owned' | 'customer-managed';

/**
 * The KMS key in customer-managed mode: created by the prerequisite stack, or an existing key.
 * An existing key given as a bare ID is only valid in the deployment account; the ARN is then
 * built once the account is known (after credentials).
 */
export type KmsKeySetting =
  | { readonly source: 'none' }
  | { readonly source: 'create' }
  | {
      readonly source: 'existing';
      /** The key ID (UUID), always present. */
      readonly keyId: string;
      /** The full key ARN when the user gave one. */
      readonly arn?: string;
      /** The key's account, when given by ARN. */
      readonly accountId?: string;
    };

/** The VPC stack's address plan (the subnets derived from the VPC's when not given). */
export interface NetworkSettings {
  readonly vpcCidr: string;
  readonly publicSubnet1Cidr: string;
  readonly publicSubnet2Cidr: string;
  readonly privateSubnet1Cidr: string;
  readonly privateSubnet2Cidr: string;
  /** The subnet inputs left empty and derived from vpcCidr (e.g. `public-subnet-1-cidr`). */
  readonly derived: readonly string[];
}

/** One deployed stack: its CloudFormation name and, optionally, a user template replacing ours. */
export interface StackSettings {
  readonly name: string;
  /** Path of a template file replacing the built-in one; undefined uses templates/. */
  readonly templatePath?: string;
}

/** Credentials: assume a role through GitHub's OIDC provider, or use the ambient chain. */
export interface CredentialSettings {
  /** Role ARN to assume with the runner's OIDC token; undefined uses ambient credentials. */
  readonly roleToAssume?: string;
  readonly roleSessionName: string;
  /** 900..43200, capped by the role's own maximum session duration. */
  readonly roleDurationSeconds: number;
  /** OIDC token audience. */
  readonly audience: string;
}

export interface Tag {
  readonly key: string;
  readonly value: string;
}

export interface Settings {
  readonly mode: Mode;
  /** MWAA environment name: ^[a-zA-Z][0-9a-zA-Z\-_]*$, at most 80 characters. */
  readonly environmentName: string;
  /** Deployment Region, e.g. eu-west-1. */
  readonly region: string;
  readonly credentials: CredentialSettings;
  readonly keyMode: KeyMode;
  readonly kmsKey: KmsKeySetting;
  readonly network: NetworkSettings;
  /** S3 bucket name; undefined lets CloudFormation generate one. */
  readonly bucketName?: string;
  /** ARN of the managed policy to set as the execution role's permissions boundary. */
  readonly permissionsBoundary?: string;
  readonly stacks: {
    readonly vpc: StackSettings;
    readonly prerequisites: StackSettings;
    /** The environment stack; only with `deploy-environment`. */
    readonly environment?: StackSettings;
  };
  /** The MWAA environment (the third stack); undefined unless `deploy-environment` is true. */
  readonly environment?: EnvironmentSettings;
  /** Stack tags, applied to both stacks (CloudFormation propagates them to resources). */
  readonly tags: readonly Tag[];
  readonly comment: CommentPolicy;
  /** Token for the PR comment; undefined disables commenting. */
  readonly githubToken?: string;
  /** Fail the step when the plan removes or replaces a stateful resource. */
  readonly failOnDestructive: boolean;
  /** Logical IDs or resource types whose destructive changes are accepted. */
  readonly allowDestructive: readonly string[];
  /**
   * "Will it create?" pre-checks (by ID, e.g. `kms-key-policy`) whose failure does not stop a
   * deploy of the environment: only those whose reading can be wrong (settings/prechecks.ts).
   */
  readonly allowFailedPrechecks: readonly AllowablePrecheck[];
  /** Turn termination protection on after creating a stack. */
  readonly terminationProtection: boolean;
  /** Delete and recreate a stack left in ROLLBACK_COMPLETE by an earlier failed create. */
  readonly recreateFailedStack: boolean;
  /**
   * Deploy only what reviewers saw: the pull request's plan comment must carry the fingerprint
   * of the plan the deploy recomputes.
   */
  readonly requireReviewedPlan: boolean;
  /** Show the account ID as *** in the plan, comment and log. */
  readonly maskAccountId: boolean;
  /** Upper bound for waiting on any one operation of the VPC or prerequisite stack. */
  readonly timeoutMinutes: number;
  /**
   * Upper bound for waiting on any one operation of the environment stack: an environment
   * create takes 20 to 40 minutes, and a failed one rolls back by deleting the environment
   * (10 to 20+ more), longer than a VPC or prerequisite wait should ever be allowed to hang.
   */
  readonly environmentTimeoutMinutes: number;
  /** Upper bound for drift detection on one stack, in seconds; 0 turns drift detection off. */
  readonly driftTimeoutSeconds: number;
  /** Release-time code synced to the bucket; undefined when no code input is set. */
  readonly code?: CodeSettings;
}
