/**
 * Routes each request by protocol: awsQuery POSTs by their `Version` (CloudFormation
 * 2010-05-15, STS 2011-06-15), the OIDC GET by its path. Every call is logged, scripted faults
 * are applied before any state changes, and CloudFormation's schedule is brought up to date.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import * as changeSets from './change-sets.js';
import type { FaultBook } from './faults.js';
import { OIDC_PATH, answerOidc } from './oidc.js';
import * as stacks from './stacks.js';
import type { CfnState } from './state.js';
import type { FakeSts } from './sts.js';
import type { CallRecord, OidcOptions } from './types.js';
import { AwsError, parseQuery, queryError, queryResponse } from './wire.js';
import type { WireResponse } from './wire.js';

const NAMESPACES = {
  cloudformation: 'http://cloudformation.amazonaws.com/doc/2010-05-15/',
  sts: 'https://sts.amazonaws.com/doc/2011-06-15/',
};
const SERVICES: Readonly<Record<string, 'cloudformation' | 'sts'>> = {
  '2010-05-15': 'cloudformation',
  '2011-06-15': 'sts',
};

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

export interface Services {
  readonly cfn: CfnState;
  readonly sts: FakeSts;
  readonly faults: FaultBook;
  readonly calls: CallRecord[];
  readonly oidc: OidcOptions;
  readonly now: () => number;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** The access key of a SigV4 `Authorization` header (absent on unsigned calls). */
function accessKeyOf(req: IncomingMessage): string | undefined {
  return /Credential=([^/]+)\//.exec(req.headers.authorization ?? '')?.[1];
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
    'content-length': Buffer.byteLength(answer.body),
  });
  res.end(answer.body);
}

/** Runs a handler and answers in awsQuery; a bug in the fake answers 500 with its stack. */
function answerQuery(
  call: CallRecord,
  namespace: string,
  run: () => unknown,
): [WireResponse, string?] {
  try {
    return [queryResponse(call.action, namespace, run())];
  } catch (error) {
    const bug = `Fake AWS bug: ${error instanceof Error ? error.stack : String(error)}`;
    const aws = error instanceof AwsError ? error : new AwsError('InternalFailure', bug, 500);
    return [queryError(aws, namespace), aws.code];
  }
}

function dispatch(s: Services, call: CallRecord, version: unknown): unknown {
  if (call.service === 'sts') return s.sts.handle(call.action, call.params, call.accessKeyId);
  const handler = CFN_ACTIONS[call.action];
  if (call.service !== 'cloudformation' || !handler) {
    throw new AwsError(
      'InvalidAction',
      `Could not find operation ${call.action} for version ${String(version)}`,
    );
  }
  if (!call.accessKeyId) {
    throw new AwsError(
      'MissingAuthenticationToken',
      'Request is missing Authentication Token',
      403,
    );
  }
  s.cfn.advance();
  return handler(s.cfn, call.params);
}

export function router(s: Services): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const body = await readBody(req);
    const oidc = req.method === 'GET' && url.pathname === OIDC_PATH;
    const { Action, Version, ...params } = oidc
      ? { Action: 'GetIdToken', Version: '' }
      : parseQuery(body);
    const service = oidc ? 'oidc' : (SERVICES[String(Version)] ?? 'unknown');
    const call: CallRecord = {
      service,
      action: String(Action ?? ''),
      params: oidc ? { audience: url.searchParams.get('audience') ?? undefined } : params,
      time: new Date(s.now()),
      accessKeyId: accessKeyOf(req),
    };
    s.calls.push(call);
    const namespace = NAMESPACES[service === 'sts' ? 'sts' : 'cloudformation'];
    for (const fault of s.faults.check(service, call.action)) {
      if (fault.kind === 'delay') {
        await new Promise((r) => setTimeout(r, fault.ms));
        continue;
      }
      if (fault.kind === 'reset') {
        call.fault = 'reset';
        return void req.socket.destroy();
      }
      call.fault = fault.error.code;
      const json = {
        status: fault.error.status,
        headers: {},
        body: JSON.stringify({ message: fault.error.message }),
      };
      return send(res, call, oidc ? json : queryError(fault.error, namespace), fault.error.code);
    }
    if (oidc) {
      const answer = answerOidc(url, req.headers.authorization, s.oidc, s.now());
      const headers = { 'content-type': 'application/json' };
      return send(res, call, { status: answer.status, headers, body: answer.body });
    }
    const [answer, code] = answerQuery(call, namespace, () => dispatch(s, call, Version));
    send(res, call, answer, code);
  };
}
