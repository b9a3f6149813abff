/**
 * IAM's GetRole, the one IAM call verification makes, in place of `@aws-sdk/client-iam`
 * (./signed-reader.ts says why). IAM speaks the Query protocol (a signed form POST of
 * `Action=GetRole&Version=2010-05-08&RoleName=…`, an XML answer under `GetRoleResult`), at one
 * global endpoint per partition, signed in that partition's Region. The policy document comes
 * URL-encoded, as the SDK leaves it. The class name is the SDK's, so code and tests dispatching
 * on it keep working.
 */
import { parseXML } from '@aws-sdk/xml-builder';
import type { GetRoleRequest, GetRoleResponse, Role } from '@aws-sdk/client-iam';
import type { XmlObject } from './ec2/xml.js';
import { child, defined, int, text } from './ec2/xml.js';
import { configuredEndpoint, createSignedSender, serviceError } from './signed-reader.js';
import type { ReaderOptions } from './signed-reader.js';

const API_VERSION = '2010-05-08';

/**
 * GetRole's modelled errors: the SDK names them by their exception shapes, not by the wire code
 * (`<Code>NoSuchEntity</Code>` throws `NoSuchEntityException`); other codes keep their name.
 */
const MODELLED: Readonly<Record<string, string>> = {
  NoSuchEntity: 'NoSuchEntityException',
  ServiceFailure: 'ServiceFailureException',
};

export class GetRoleCommand {
  constructor(readonly input: GetRoleRequest) {}
}

/** What `send` takes: {@link GetRoleCommand}; tests hand in plain objects. */
export interface IamReader {
  send(command: GetRoleCommand): Promise<GetRoleResponse>;
}

/** IAM's endpoint and signing Region: one per partition, or the environment's override. */
export function iamEndpoint(
  region: string,
  env: ReaderOptions['env'],
): { url: URL; signingRegion: string } {
  const [host, signingRegion] = region.startsWith('cn-')
    ? ['iam.cn-north-1.amazonaws.com.cn', 'cn-north-1']
    : region.startsWith('us-gov-')
      ? ['iam.us-gov.amazonaws.com', 'us-gov-west-1']
      : ['iam.amazonaws.com', 'us-east-1'];
  return { url: configuredEndpoint('IAM', env) ?? new URL(`https://${host}`), signingRegion };
}

function role(node: XmlObject | undefined): Role | undefined {
  if (node === undefined) return undefined;
  const created = text(node, 'CreateDate');
  return defined({
    Path: text(node, 'Path'),
    RoleName: text(node, 'RoleName'),
    RoleId: text(node, 'RoleId'),
    Arn: text(node, 'Arn'),
    CreateDate: created ? new Date(created) : undefined,
    AssumeRolePolicyDocument: text(node, 'AssumeRolePolicyDocument'),
    Description: text(node, 'Description'),
    MaxSessionDuration: int(node, 'MaxSessionDuration'),
  }) as Role;
}

/** Creates the reader; nothing is sent until the first `send`. */
export function createIamReader(options: ReaderOptions): IamReader {
  const { url, signingRegion } = iamEndpoint(options.region, options.env);
  const send = createSignedSender(options, { signingName: 'iam', signingRegion });
  return {
    send(command: GetRoleCommand): Promise<GetRoleResponse> {
      const body = new URLSearchParams({
        Action: 'GetRole',
        Version: API_VERSION,
        RoleName: command.input.RoleName ?? '',
      });
      const headers = { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' };
      return send({ method: 'POST', url, headers, body: body.toString() }, (answer) => {
        let parsed: XmlObject | undefined;
        try {
          parsed = answer.text.trim() === '' ? undefined : (parseXML(answer.text) as XmlObject);
        } catch {
          parsed = undefined; // not XML (a proxy's page): reported by status
        }
        if (answer.status < 200 || answer.status >= 300) {
          const error = child(child(parsed, 'ErrorResponse'), 'Error');
          const requestId = answer.headers['x-amzn-requestid'];
          const code = text(error, 'Code');
          const name = code === undefined ? undefined : (MODELLED[code] ?? code);
          throw serviceError(answer.status, name, text(error, 'Message'), requestId);
        }
        const result = child(child(parsed, 'GetRoleResponse'), 'GetRoleResult');
        if (result === undefined) throw serviceError(answer.status, undefined, 'no GetRoleResult');
        const found = role(child(result, 'Role'));
        return (found ? { Role: found } : {}) as GetRoleResponse;
      });
    },
  };
}
