/**
 * Routes each request by protocol (requests.ts): CloudFormation, STS and IAM in awsQuery, EC2 in
 * its query dialect, KMS in awsJson1_1, S3 in REST-XML, the OIDC GET by its path. Every call is
 * logged, scripted faults are applied before any state changes (and answered in the service's
 * own error format), and CloudFormation's schedule is brought up to date.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import * as changeSets from './change-sets.js';
import type { DriftBook } from './drift.js';
import { handleEc2 } from './ec2.js';
import { NOT_IMPLEMENTED_PAGE } from './faults.js';
import type { FaultBook } from './faults.js';
import { handleIam } from './iam.js';
import type { Inventory } from './inventory.js';
import { handleKms } from './kms.js';
import type { KmsGrants } from './kms-grants.js';
import { handleLogs } from './logs.js';
import type { FakeMwaa } from './mwaa.js';
import { handleMwaa } from './mwaa-rest.js';
import { answerOidc } from './oidc.js';
import { identify, signingScope } from './requests.js';
import type { Incoming } from './requests.js';
import { handleS3 } from './s3.js';
import { handleObjects, OBJECT_OPERATIONS } from './s3-objects.js';
import type { ObjectRequest, ObjectStore } from './s3-objects.js';
import * as stacks from './stacks.js';
import type { CfnState } from './state.js';
import type { FakeSts } from './sts.js';
import type { CallRecord, OidcOptions } from './types.js';
import { AwsError } from './wire.js';
import type { WireResponse } from './wire.js';

type Handler = (state: CfnState, params: Record<string, unknown>) => unknown;
const CFN_ACTIONS: Readonly<Record<string, Handler>> = {
  CreateChangeSet: changeSets.createChangeSet,
  DescribeChangeSet: changeSets.describeChangeSet,
  ListChangeSets: changeSets.listChangeSets,
  DeleteChangeSet: changeSets.deleteChangeSet,
  ExecuteChangeSet: changeSets.executeChangeSet,
  DescribeStacks: stacks.describeStacks,
  DescribeStackEvents: stacks.describeStackEvents,
  DescribeStackResources: stacks.describeStackResources,
  ListStackResources: stacks.listStackResources,
  DeleteStack: stacks.deleteStack,
  UpdateTerminationProtection: stacks.updateTerminationProtection,
  GetTemplate: stacks.getTemplate,
  GetTemplateSummary: stacks.getTemplateSummary,
  ContinueUpdateRollback: stacks.continueUpdateRollback,
};

/** Drift detection reads the live resources too (see drift.ts). */
const DRIFT_ACTIONS: Readonly<
  Record<string, (d: DriftBook, params: Record<string, unknown>) => unknown>
> = {
  DetectStackDrift: (d, p) => d.detectStackDrift(p),
  DescribeStackDriftDetectionStatus: (d, p) => d.describeStackDriftDetectionStatus(p),
  DescribeStackResourceDrifts: (d, p) => d.describeStackResourceDrifts(p),
};

export interface Services {
  readonly cfn: CfnState;
  readonly inventory: Inventory;
  readonly drift: DriftBook;
  readonly objects: ObjectStore;
  readonly sts: FakeSts;
  readonly faults: FaultBook;
  readonly calls: CallRecord[];
  readonly oidc: OidcOptions;
  readonly now: () => number;
  readonly mwaa: FakeMwaa;
  readonly grants: KmsGrants;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function send(
  res: ServerResponse,
  call: CallRecord,
  answer: WireResponse,
  errorCode?: string,
): void {
  call.status = answer.status;
  call.errorCode = errorCode;
  res.writeHead(answer.status, {
    ...answer.headers,
    // A HEAD answer states the object's length without sending it.
    'content-length': answer.headers['content-length'] ?? Buffer.byteLength(answer.body),
  });
  res.end(answer.body);
}

/** Runs a handler and answers in the service's protocol; a bug in the fake answers 500 with its stack. */
function answer(incoming: Incoming, run: () => unknown): [WireResponse, string?] {
  try {
    return [incoming.ok(run())];
  } catch (error) {
    const bug = `Fake AWS bug: ${error instanceof Error ? error.stack : String(error)}`;
    const aws = error instanceof AwsError ? error : new AwsError('InternalFailure', bug, 500);
    return [incoming.error(aws), aws.code];
  }
}

/** Signature required, in each protocol's words. */
const UNSIGNED: Readonly<Record<string, string>> = {
  kms: 'MissingAuthenticationTokenException',
  logs: 'MissingAuthenticationTokenException',
  mwaa: 'UnauthorizedException',
  s3: 'AccessDenied',
};

/** The expired-token error in each protocol's words (JSON services add `Exception`). */
const EXPIRED: Readonly<Record<string, string>> = {
  kms: 'ExpiredTokenException',
  logs: 'ExpiredTokenException',
  mwaa: 'ExpiredTokenException',
};

function dispatch(s: Services, call: CallRecord, version: string | undefined): unknown {
  if (s.sts.expired(call.accessKeyId)) {
    const code = EXPIRED[call.service] ?? 'ExpiredToken';
    throw new AwsError(code, 'The security token included in the request is expired', 400);
  }
  if (call.service === 'sts') return s.sts.handle(call.action, call.params, call.accessKeyId);
  const driftHandler = call.service === 'cloudformation' ? DRIFT_ACTIONS[call.action] : undefined;
  const handler =
    call.service === 'cloudformation'
      ? (CFN_ACTIONS[call.action] ??
        (driftHandler && ((_: CfnState, p: Record<string, unknown>) => driftHandler(s.drift, p))))
      : undefined;
  if (call.service === 'unknown' || (call.service === 'cloudformation' && !handler)) {
    throw new AwsError(
      'InvalidAction',
      `Could not find operation ${call.action} for version ${String(version)}`,
    );
  }
  if (!call.accessKeyId) {
    const code = UNSIGNED[call.service] ?? 'MissingAuthenticationToken';
    throw new AwsError(code, 'Request is missing Authentication Token', 403);
  }
  s.cfn.advance();
  switch (call.service) {
    case 'ec2':
      return handleEc2(s.inventory, call.action, call.params);
    case 'iam':
      return handleIam(s.inventory, call.action, call.params);
    case 'kms':
      return (
        s.grants.handle(call.action, call.params) ??
        handleKms(s.inventory, call.action, call.params)
      );
    case 'mwaa':
      return handleMwaa(
        s.mwaa,
        s.objects,
        String(call.params['method']),
        String(call.params['path']),
        call.params['body'] as Record<string, unknown>,
      );
    case 'logs':
      return handleLogs(s.mwaa, call.action, call.params);
    case 's3':
      if (OBJECT_OPERATIONS.includes(call.action as (typeof OBJECT_OPERATIONS)[number])) {
        return handleObjects(s.objects, s.inventory, {
          action: call.action,
          bucket: String(call.params['Bucket'] ?? ''),
          key: String(call.params['Key'] ?? ''),
          query: call.params['Query'] as URLSearchParams,
          headers: call.params['Headers'] as ObjectRequest['headers'],
          body: call.params['Body'] as Buffer,
        });
      }
      return handleS3(s.inventory, call.action, String(call.params['Bucket'] ?? ''));
    default:
      return handler!(s.cfn, call.params);
  }
}

export function router(s: Services): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const raw = await readBody(req);
    const incoming = identify(req, url, raw.toString('utf8'), raw);
    const call: CallRecord = {
      service: incoming.service,
      action: incoming.action,
      params: incoming.params,
      time: new Date(s.now()),
      accessKeyId: signingScope(req)?.accessKeyId,
    };
    s.calls.push(call);
    let loseResponse = false;
    for (const fault of s.faults.check(call.service, call.action)) {
      if (fault.kind === 'lost-response') {
        loseResponse = true;
        continue;
      }
      if (fault.kind === 'delay') {
        await new Promise((r) => setTimeout(r, fault.ms));
        continue;
      }
      if (fault.kind === 'reset') {
        call.fault = 'reset';
        return void req.socket.destroy();
      }
      if (fault.kind === 'not-implemented') {
        call.fault = 'not-implemented';
        const headers = { 'content-type': 'text/html; charset=utf-8' };
        return send(res, call, { status: 500, headers, body: NOT_IMPLEMENTED_PAGE });
      }
      call.fault = fault.error.code;
      return send(res, call, incoming.error(fault.error), fault.error.code);
    }
    if (call.service === 'oidc') {
      const oidc = answerOidc(url, req.headers.authorization, s.oidc, s.now());
      const headers = { 'content-type': 'application/json' };
      return send(res, call, { status: oidc.status, headers, body: oidc.body });
    }
    const [response, code] = answer(incoming, () => dispatch(s, call, incoming.version));
    if (loseResponse) {
      call.fault = 'lost-response';
      return void req.socket.destroy();
    }
    send(res, call, response, code);
  };
}
