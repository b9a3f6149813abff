export const id = 3;
export const ids = [3];
export const modules = {

/***/ 2601:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Qq: () => (/* binding */ text),
/* harmony export */   Wh: () => (/* binding */ int),
/* harmony export */   jf: () => (/* binding */ child),
/* harmony export */   lc: () => (/* binding */ bool),
/* harmony export */   ld: () => (/* binding */ items),
/* harmony export */   sw: () => (/* binding */ defined)
/* harmony export */ });
/**
 * Reading EC2 Query-protocol XML as `parseXML` (the SDK's own parser, from
 * `@aws-sdk/xml-builder`) returns it: elements as properties, text as strings, a list as a
 * `<fooSet>` whose `item` is one object or an array of them, an empty element as ''.
 */
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** The child element `key` as an object, or undefined when absent or empty. */
function child(node, key) {
    const value = node?.[key];
    return isObject(value) ? value : undefined;
}
/** The `item`s of the list element `key` (EC2 wraps every list member in `<item>`). */
function items(node, key) {
    const item = child(node, key)?.item;
    if (item === undefined)
        return [];
    return (Array.isArray(item) ? item : [item]).filter(isObject);
}
/** The text of `key`, undefined when absent (as the SDK leaves a missing member). */
function text(node, key) {
    const value = node?.[key];
    if (typeof value === 'string')
        return value;
    if (typeof value === 'number' || typeof value === 'boolean')
        return String(value);
    return undefined;
}
/** A boolean member: EC2 writes `true` or `false`. */
function bool(node, key) {
    const value = text(node, key);
    return value === undefined || value === '' ? undefined : value === 'true';
}
/** An integer member (ports), undefined when absent or not a number. */
function int(node, key) {
    const value = text(node, key);
    if (value === undefined || value === '')
        return undefined;
    const n = Number(value);
    return Number.isFinite(n) ? n : undefined;
}
/** An object without its undefined members, so results compare like the SDK's. */
function defined(value) {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
}


/***/ }),

/***/ 8493:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $1: () => (/* binding */ createIamReader),
/* harmony export */   kb: () => (/* binding */ GetRoleCommand)
/* harmony export */ });
/* unused harmony export iamEndpoint */
/* harmony import */ var _aws_sdk_xml_builder__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4274);
/* harmony import */ var _ec2_xml_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2601);
/* harmony import */ var _signed_reader_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6133);
/**
 * IAM's GetRole, the one IAM call verification makes, in place of `@aws-sdk/client-iam`
 * (./signed-reader.ts says why). IAM speaks the Query protocol (a signed form POST of
 * `Action=GetRole&Version=2010-05-08&RoleName=\u2026`, an XML answer under `GetRoleResult`), at one
 * global endpoint per partition, signed in that partition's Region. The policy document comes
 * URL-encoded, as the SDK leaves it. The class name is the SDK's, so code and tests dispatching
 * on it keep working.
 */



const API_VERSION = '2010-05-08';
/**
 * GetRole's modelled errors: the SDK names them by their exception shapes, not by the wire code
 * (`<Code>NoSuchEntity</Code>` throws `NoSuchEntityException`); other codes keep their name.
 */
const MODELLED = {
    NoSuchEntity: 'NoSuchEntityException',
    ServiceFailure: 'ServiceFailureException',
};
class GetRoleCommand {
    input;
    constructor(input) {
        this.input = input;
    }
}
/** IAM's endpoint and signing Region: one per partition, or the environment's override. */
function iamEndpoint(region, env) {
    const [host, signingRegion] = region.startsWith('cn-')
        ? ['iam.cn-north-1.amazonaws.com.cn', 'cn-north-1']
        : region.startsWith('us-gov-')
            ? ['iam.us-gov.amazonaws.com', 'us-gov-west-1']
            : ['iam.amazonaws.com', 'us-east-1'];
    return { url: (0,_signed_reader_js__WEBPACK_IMPORTED_MODULE_0__/* .configuredEndpoint */ .iw)('IAM', env) ?? new URL(`https://${host}`), signingRegion };
}
function role(node) {
    if (node === undefined)
        return undefined;
    const created = (0,_ec2_xml_js__WEBPACK_IMPORTED_MODULE_1__/* .text */ .Qq)(node, 'CreateDate');
    return (0,_ec2_xml_js__WEBPACK_IMPORTED_MODULE_1__/* .defined */ .sw)({
        Path: (0,_ec2_xml_js__WEBPACK_IMPORTED_MODULE_1__/* .text */ .Qq)(node, 'Path'),
        RoleName: (0,_ec2_xml_js__WEBPACK_IMPORTED_MODULE_1__/* .text */ .Qq)(node, 'RoleName'),
        RoleId: (0,_ec2_xml_js__WEBPACK_IMPORTED_MODULE_1__/* .text */ .Qq)(node, 'RoleId'),
        Arn: (0,_ec2_xml_js__WEBPACK_IMPORTED_MODULE_1__/* .text */ .Qq)(node, 'Arn'),
        CreateDate: created ? new Date(created) : undefined,
        AssumeRolePolicyDocument: (0,_ec2_xml_js__WEBPACK_IMPORTED_MODULE_1__/* .text */ .Qq)(node, 'AssumeRolePolicyDocument'),
        Description: (0,_ec2_xml_js__WEBPACK_IMPORTED_MODULE_1__/* .text */ .Qq)(node, 'Description'),
        MaxSessionDuration: (0,_ec2_xml_js__WEBPACK_IMPORTED_MODULE_1__/* .int */ .Wh)(node, 'MaxSessionDuration'),
    });
}
/** Creates the reader; nothing is sent until the first `send`. */
function createIamReader(options) {
    const { url, signingRegion } = iamEndpoint(options.region, options.env);
    const send = (0,_signed_reader_js__WEBPACK_IMPORTED_MODULE_0__/* .createSignedSender */ .oH)(options, { signingName: 'iam', signingRegion });
    return {
        send(command) {
            const body = new URLSearchParams({
                Action: 'GetRole',
                Version: API_VERSION,
                RoleName: command.input.RoleName ?? '',
            });
            const headers = { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' };
            return send({ method: 'POST', url, headers, body: body.toString() }, (answer) => {
                let parsed;
                try {
                    parsed = answer.text.trim() === '' ? undefined : (0,_aws_sdk_xml_builder__WEBPACK_IMPORTED_MODULE_2__.parseXML)(answer.text);
                }
                catch {
                    parsed = undefined; // not XML (a proxy's page): reported by status
                }
                if (answer.status < 200 || answer.status >= 300) {
                    const error = (0,_ec2_xml_js__WEBPACK_IMPORTED_MODULE_1__/* .child */ .jf)((0,_ec2_xml_js__WEBPACK_IMPORTED_MODULE_1__/* .child */ .jf)(parsed, 'ErrorResponse'), 'Error');
                    const requestId = answer.headers['x-amzn-requestid'];
                    const code = (0,_ec2_xml_js__WEBPACK_IMPORTED_MODULE_1__/* .text */ .Qq)(error, 'Code');
                    const name = code === undefined ? undefined : (MODELLED[code] ?? code);
                    throw (0,_signed_reader_js__WEBPACK_IMPORTED_MODULE_0__/* .serviceError */ .cg)(answer.status, name, (0,_ec2_xml_js__WEBPACK_IMPORTED_MODULE_1__/* .text */ .Qq)(error, 'Message'), requestId);
                }
                const result = (0,_ec2_xml_js__WEBPACK_IMPORTED_MODULE_1__/* .child */ .jf)((0,_ec2_xml_js__WEBPACK_IMPORTED_MODULE_1__/* .child */ .jf)(parsed, 'GetRoleResponse'), 'GetRoleResult');
                if (result === undefined)
                    throw (0,_signed_reader_js__WEBPACK_IMPORTED_MODULE_0__/* .serviceError */ .cg)(answer.status, undefined, 'no GetRoleResult');
                const found = role((0,_ec2_xml_js__WEBPACK_IMPORTED_MODULE_1__/* .child */ .jf)(result, 'Role'));
                return (found ? { Role: found } : {});
            });
        },
    };
}


/***/ }),

/***/ 8729:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $r: () => (/* binding */ GetKeyPolicyCommand),
/* harmony export */   F9: () => (/* binding */ ListGrantsCommand),
/* harmony export */   XT: () => (/* binding */ createKmsReader),
/* harmony export */   sp: () => (/* binding */ DescribeKeyCommand)
/* harmony export */ });
/* unused harmony export KmsReadCommand */
/* harmony import */ var _signed_reader_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6133);

/** One KMS call: its action and how to read its answer. */
class KmsReadCommand {
    input;
    constructor(input) {
        this.input = input;
    }
    parse(body) {
        return body;
    }
}
/** Epoch seconds as a Date, as the SDK reads awsJson timestamps. */
function dated(value, keys) {
    if (value === undefined)
        return undefined;
    const out = { ...value };
    for (const key of keys)
        if (typeof out[key] === 'number')
            out[key] = new Date(out[key] * 1000);
    return out;
}
class DescribeKeyCommand extends KmsReadCommand {
    action = 'DescribeKey';
    parse(body) {
        const dates = ['CreationDate', 'DeletionDate', 'ValidTo'];
        const metadata = dated(body.KeyMetadata, dates);
        return (metadata ? { ...body, KeyMetadata: metadata } : body);
    }
}
class GetKeyPolicyCommand extends KmsReadCommand {
    action = 'GetKeyPolicy';
}
class ListGrantsCommand extends KmsReadCommand {
    action = 'ListGrants';
    parse(body) {
        const grants = body.Grants;
        if (grants === undefined)
            return body;
        return { ...body, Grants: grants.map((g) => dated(g, ['CreationDate'])) };
    }
}
/** The error code of `x-amzn-errortype` or `__type`, without namespace or suffix. */
function errorCode(header, body) {
    const raw = header ?? (typeof body.__type === 'string' ? body.__type : undefined);
    return raw?.split(':')[0]?.split('#').pop() || undefined;
}
/** Creates the reader; nothing is sent until the first `send`. */
function createKmsReader(options) {
    const url = (0,_signed_reader_js__WEBPACK_IMPORTED_MODULE_0__/* .configuredEndpoint */ .iw)('KMS', options.env) ??
        new URL(`https://kms.${options.region}.${(0,_signed_reader_js__WEBPACK_IMPORTED_MODULE_0__/* .dnsSuffix */ .T3)(options.region)}`);
    const send = (0,_signed_reader_js__WEBPACK_IMPORTED_MODULE_0__/* .createSignedSender */ .oH)(options, { signingName: 'kms' });
    return {
        send(command) {
            const headers = {
                'content-type': 'application/x-amz-json-1.1',
                'x-amz-target': `TrentService.${command.action}`,
            };
            const body = JSON.stringify(command.input);
            return send({ method: 'POST', url, headers, body }, (answer) => {
                let json = {};
                try {
                    json = answer.text.trim() === '' ? {} : JSON.parse(answer.text);
                }
                catch {
                    // not JSON (a proxy's page): reported by status below
                }
                if (answer.status < 200 || answer.status >= 300) {
                    const code = errorCode(answer.headers['x-amzn-errortype'], json);
                    const message = json.message ?? json.Message;
                    const requestId = answer.headers['x-amzn-requestid'];
                    throw (0,_signed_reader_js__WEBPACK_IMPORTED_MODULE_0__/* .serviceError */ .cg)(answer.status, code, message, requestId);
                }
                return command.parse(json);
            });
        },
    };
}


/***/ }),

/***/ 5388:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GL: () => (/* binding */ GetPublicAccessBlockCommand),
/* harmony export */   _r: () => (/* binding */ GetBucketVersioningCommand),
/* harmony export */   ch: () => (/* binding */ createS3Reader),
/* harmony export */   r_: () => (/* binding */ GetBucketLocationCommand)
/* harmony export */ });
/* unused harmony exports S3ReadCommand, s3Url */
/* harmony import */ var _aws_sdk_xml_builder__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4274);
/* harmony import */ var _ec2_xml_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2601);
/* harmony import */ var _signed_reader_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6133);
/**
 * The three S3 bucket reads verification makes (versioning, public access block, location), in
 * place of `@aws-sdk/client-s3` (./signed-reader.ts says why). S3's REST-XML protocol: a signed
 * `GET` of the bucket with the subresource as the query (`?versioning`), the answer an XML
 * document whose root holds the members. Virtual-hosted addressing
 * (`<bucket>.s3.<region>.amazonaws.com`) as the SDK uses, path-style (`<endpoint>/<bucket>`)
 * with a custom endpoint (as the clients are configured, `forcePathStyle`) or a bucket name DNS
 * cannot carry. Errors as the SDK throws them: `<Error><Code>` in `name`, status in `$metadata`.
 * The class names are the SDK's, so code and tests dispatching on them keep working. Code sync
 * (object reads and writes, src/code/) still uses the SDK client.
 */



/** One bucket subresource read: the query that names it and how to read the document. */
class S3ReadCommand {
    input;
    constructor(input) {
        this.input = input;
    }
}
class GetBucketVersioningCommand extends S3ReadCommand {
    subresource = 'versioning';
    parse(root) {
        return (0,_ec2_xml_js__WEBPACK_IMPORTED_MODULE_0__/* .defined */ .sw)({
            Status: (0,_ec2_xml_js__WEBPACK_IMPORTED_MODULE_0__/* .text */ .Qq)(root, 'Status'),
            MFADelete: (0,_ec2_xml_js__WEBPACK_IMPORTED_MODULE_0__/* .text */ .Qq)(root, 'MfaDelete'),
        });
    }
}
class GetPublicAccessBlockCommand extends S3ReadCommand {
    subresource = 'publicAccessBlock';
    parse(root) {
        return {
            PublicAccessBlockConfiguration: (0,_ec2_xml_js__WEBPACK_IMPORTED_MODULE_0__/* .defined */ .sw)({
                BlockPublicAcls: (0,_ec2_xml_js__WEBPACK_IMPORTED_MODULE_0__/* .bool */ .lc)(root, 'BlockPublicAcls'),
                IgnorePublicAcls: (0,_ec2_xml_js__WEBPACK_IMPORTED_MODULE_0__/* .bool */ .lc)(root, 'IgnorePublicAcls'),
                BlockPublicPolicy: (0,_ec2_xml_js__WEBPACK_IMPORTED_MODULE_0__/* .bool */ .lc)(root, 'BlockPublicPolicy'),
                RestrictPublicBuckets: (0,_ec2_xml_js__WEBPACK_IMPORTED_MODULE_0__/* .bool */ .lc)(root, 'RestrictPublicBuckets'),
            }),
        };
    }
}
class GetBucketLocationCommand extends S3ReadCommand {
    subresource = 'location';
    /** `<LocationConstraint>eu-west-1</LocationConstraint>`; empty for us-east-1. */
    parse(root) {
        const value = (0,_ec2_xml_js__WEBPACK_IMPORTED_MODULE_0__/* .text */ .Qq)(root, '#text');
        return value
            ? { LocationConstraint: value }
            : {};
    }
}
/** A bucket name virtual hosting can carry: lower-case DNS labels, no dots (TLS wildcards). */
const VIRTUAL_HOSTABLE = /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/;
/** The URL of a bucket's subresource, addressed as the SDK addresses it. */
function s3Url(region, env, bucket, subresource) {
    const configured = (0,_signed_reader_js__WEBPACK_IMPORTED_MODULE_1__/* .configuredEndpoint */ .iw)('S3', env);
    const base = configured ?? new URL(`https://s3.${region}.${(0,_signed_reader_js__WEBPACK_IMPORTED_MODULE_1__/* .dnsSuffix */ .T3)(region)}`);
    const url = new URL(base.href);
    if (configured || !VIRTUAL_HOSTABLE.test(bucket)) {
        url.pathname = `${url.pathname.replace(/\/+$/, '')}/${encodeURIComponent(bucket)}`;
    }
    else {
        url.hostname = `${bucket}.${url.hostname}`;
    }
    url.search = subresource;
    return url;
}
function s3Error(status, body, requestId) {
    let detail;
    try {
        detail = body.trim() === '' ? undefined : (0,_aws_sdk_xml_builder__WEBPACK_IMPORTED_MODULE_2__.parseXML)(body).Error;
    }
    catch {
        detail = undefined; // not XML (a proxy's page): reported by status
    }
    const code = (0,_ec2_xml_js__WEBPACK_IMPORTED_MODULE_0__/* .text */ .Qq)(detail, 'Code') ?? (status === 404 ? 'NotFound' : undefined);
    return (0,_signed_reader_js__WEBPACK_IMPORTED_MODULE_1__/* .serviceError */ .cg)(status, code, (0,_ec2_xml_js__WEBPACK_IMPORTED_MODULE_0__/* .text */ .Qq)(detail, 'Message'), requestId);
}
/** Creates the reader; nothing is sent until the first `send`. */
function createS3Reader(options) {
    const send = (0,_signed_reader_js__WEBPACK_IMPORTED_MODULE_1__/* .createSignedSender */ .oH)(options, { signingName: 's3', uriEscapePath: false });
    return {
        send(command) {
            const bucket = command.input.Bucket ?? '';
            const url = s3Url(options.region, options.env, bucket, command.subresource);
            return send({ method: 'GET', url }, (answer) => {
                if (answer.status < 200 || answer.status >= 300) {
                    throw s3Error(answer.status, answer.text, answer.headers['x-amz-request-id']);
                }
                // The document's one root element; parseXML gives a root with only text as a string.
                const root = Object.values((0,_aws_sdk_xml_builder__WEBPACK_IMPORTED_MODULE_2__.parseXML)(answer.text))[0];
                if (typeof root === 'string')
                    return command.parse(root === '' ? {} : { '#text': root });
                return command.parse((root ?? {}));
            });
        },
    };
}


/***/ }),

/***/ 6133:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T3: () => (/* binding */ dnsSuffix),
/* harmony export */   cg: () => (/* binding */ serviceError),
/* harmony export */   iw: () => (/* binding */ configuredEndpoint),
/* harmony export */   oH: () => (/* binding */ createSignedSender)
/* harmony export */ });
/* harmony import */ var _smithy_core_protocols__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3422);
/* harmony import */ var _smithy_core_retry__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3609);
/* harmony import */ var _smithy_signature_v4__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5118);
/**
 * What the small readers of ./ec2/, ./s3-read.ts, ./iam-read.ts and ./kms-read.ts share in place
 * of an SDK client: the endpoint the SDK would use, SigV4 signing (`@smithy/signature-v4`, which
 * the SDK uses), the SDK clients' HTTP handler, and adaptive retries of throttling and transient
 * errors (`@smithy/core`'s strategy, as `retryMode: 'adaptive'`). Each reader turns its
 * protocol's requests and answers into the SDK's shapes; an error it builds carries the code in
 * `name` and the status in `$metadata`, as the SDK's do, so this retries it as the SDK would.
 * Why not the SDK clients: each carries the schemas of all its service's operations; S3, IAM and
 * KMS together raised a deploy's peak RSS by ~14 MiB for seven read-only calls (BENCHMARKS.md).
 * Not kept: FIPS and dual-stack endpoints, endpoints from the shared config file, clock-skew
 * correction.
 */



/** The endpoint override the SDK reads (`AWS_ENDPOINT_URL_<SERVICE>`, then `AWS_ENDPOINT_URL`). */
function configuredEndpoint(envName, env) {
    const ignore = env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS?.toLowerCase() === 'true';
    const configured = ignore
        ? undefined
        : env[`AWS_ENDPOINT_URL_${envName}`] || env.AWS_ENDPOINT_URL;
    return configured ? new URL(configured) : undefined;
}
/** The DNS suffix of a Region's partition. */
function dnsSuffix(region) {
    return region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
}
/** An error as the SDK throws it: the code in `name`, the HTTP status in `$metadata`. */
function serviceError(status, code, message, requestId) {
    const error = new Error(message || `HTTP ${status}`);
    error.name = code || `Http${status}`;
    error.$metadata = { httpStatusCode: status, requestId };
    error.$fault = status >= 500 ? 'server' : 'client';
    return error;
}
function errorType(error) {
    if ((0,_smithy_core_retry__WEBPACK_IMPORTED_MODULE_0__.isThrottlingError)(error))
        return 'THROTTLING';
    if ((0,_smithy_core_retry__WEBPACK_IMPORTED_MODULE_0__.isTransientError)(error))
        return 'TRANSIENT';
    if ((0,_smithy_core_retry__WEBPACK_IMPORTED_MODULE_0__.isServerError)(error))
        return 'SERVER_ERROR';
    return undefined;
}
async function readBody(body) {
    if (typeof body === 'string')
        return body;
    const chunks = [];
    for await (const chunk of body)
        chunks.push(Buffer.from(chunk));
    return Buffer.concat(chunks).toString('utf8');
}
function sleepFor(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
}
/**
 * A function that sends a request, signed, and returns the answer; `check` turns an answer into
 * the value or throws the service's error (built with {@link serviceError}). Errors the SDK
 * would retry are retried, up to `maxAttempts`, with the adaptive strategy's delays.
 */
function createSignedSender(options, scope) {
    const signer = new _smithy_signature_v4__WEBPACK_IMPORTED_MODULE_1__.SignatureV4({
        credentials: options.credentials,
        region: scope.signingRegion ?? options.region,
        service: scope.signingName,
        sha256: options.sha256,
        uriEscapePath: scope.uriEscapePath ?? true,
    });
    const retry = new _smithy_core_retry__WEBPACK_IMPORTED_MODULE_0__.AdaptiveRetryStrategy(() => Promise.resolve(options.maxAttempts));
    const sleep = options.sleep ?? sleepFor;
    async function once(request, check) {
        const { url } = request;
        const query = {};
        url.searchParams.forEach((value, key) => (query[key] = value));
        const unsigned = new _smithy_core_protocols__WEBPACK_IMPORTED_MODULE_2__.HttpRequest({
            method: request.method,
            protocol: url.protocol,
            hostname: url.hostname,
            port: url.port === '' ? undefined : Number(url.port),
            path: url.pathname,
            query,
            headers: {
                host: url.host,
                'user-agent': options.userAgent,
                'x-amz-user-agent': options.userAgent,
                ...request.headers,
            },
            ...(request.body !== undefined && { body: request.body }),
        });
        const signed = (await signer.sign(unsigned));
        const { response } = await options.requestHandler.handle(signed);
        const text = await readBody(response.body);
        return check({ status: response.statusCode, headers: response.headers, text });
    }
    return async function send(request, check) {
        let token = (await retry.acquireInitialRetryToken(scope.signingName));
        for (;;) {
            try {
                const result = await once(request, check);
                retry.recordSuccess(token);
                return result;
            }
            catch (error) {
                const type = errorType(error);
                if (type === undefined)
                    throw error;
                try {
                    token = (await retry.refreshRetryTokenForRetry(token, {
                        errorType: type,
                    }));
                }
                catch {
                    throw error; // out of attempts or retry capacity: the last error, as the SDK does
                }
                await sleep(token.getRetryDelay());
            }
        }
    };
}


/***/ }),

/***/ 3397:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H0: () => (/* binding */ signedJson),
/* harmony export */   Xf: () => (/* binding */ serviceEndpoint),
/* harmony export */   _7: () => (/* binding */ ServiceError)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _smithy_signature_v4__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5118);
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(311);
/* harmony import */ var _signed_reader_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6133);
/**
 * A few signed JSON calls without a generated SDK client: MWAA's GetEnvironment (REST-JSON) and
 * CloudWatch Logs' DescribeLogGroups (awsJson1_1). @aws-sdk/client-mwaa is only served here at
 * 3.523.0, which would bring a second @smithy copy into the bundle; the SigV4 signer the other
 * clients already bundle signs these two calls just as well (see the commit for the measurements).
 */




/** An error answered by the service, with its error code as `name` (like the SDK's errors). */
class ServiceError extends Error {
    code;
    status;
    constructor(code, message, status) {
        super(message);
        this.code = code;
        this.status = status;
        this.name = code;
    }
}
function bytes(data) {
    if (typeof data === 'string')
        return data;
    if (data instanceof ArrayBuffer)
        return Buffer.from(data);
    return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
}
/** SHA-256 for the signer, from node:crypto (the signer asks for a constructor). */
class NodeSha256 {
    hash;
    constructor(secret) {
        this.hash = secret === undefined ? (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256') : (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHmac)('sha256', bytes(secret));
    }
    update(data) {
        this.hash.update(bytes(data));
    }
    async digest() {
        return new Uint8Array(this.hash.digest());
    }
}
/**
 * The service's endpoint: the override the SDK would read (./signed-reader.ts's
 * `configuredEndpoint`, shared with the EC2, S3, IAM and KMS readers), else the public one. With an override the host prefix (MWAA's `api.`) is left
 * out, as the SDK's `disableHostPrefix` does: a loopback fake has no `api.127.0.0.1`.
 */
function serviceEndpoint(env, service, region) {
    const override = (0,_signed_reader_js__WEBPACK_IMPORTED_MODULE_1__/* .configuredEndpoint */ .iw)(service.envName, env);
    if (override)
        return override.href.replace(/\/+$/, '');
    return `https://${service.hostPrefix ?? ''}${service.host}.${region}.${(0,_signed_reader_js__WEBPACK_IMPORTED_MODULE_1__/* .dnsSuffix */ .T3)(region)}`;
}
/** Sends one signed request with a JSON body (or none) and returns the parsed JSON answer. */
async function signedJson(service, request) {
    const url = new URL(service.endpoint + request.path);
    const body = request.body === undefined ? undefined : JSON.stringify(request.body);
    const credentials = typeof service.credentials === 'function' ? await service.credentials() : service.credentials;
    const signer = new _smithy_signature_v4__WEBPACK_IMPORTED_MODULE_2__.SignatureV4({
        credentials,
        region: service.region,
        service: service.signingName,
        sha256: NodeSha256,
    });
    const signed = await signer.sign({
        method: request.method,
        protocol: url.protocol,
        hostname: url.hostname,
        port: url.port ? Number(url.port) : undefined,
        path: url.pathname,
        query: {},
        headers: {
            host: url.host,
            'user-agent': `mwaa-deploy/${_version_js__WEBPACK_IMPORTED_MODULE_3__/* .VERSION */ .x}`,
            ...(body !== undefined && { 'content-type': 'application/json' }),
            ...request.headers,
        },
        body,
    });
    const response = await (service.fetch ?? fetch)(url, {
        method: request.method,
        headers: signed.headers,
        body,
    });
    const text = await response.text();
    let json = {};
    try {
        json = text === '' ? {} : JSON.parse(text);
    }
    catch {
        // A proxy's HTML error page: reported by status below.
    }
    if (!response.ok) {
        const type = response.headers.get('x-amzn-errortype') ?? String(json['__type'] ?? '');
        const code = type.split(':')[0]?.split('#').pop() || `HTTP${response.status}`;
        const message = String(json['message'] ?? json['Message'] ?? `HTTP ${response.status}`);
        throw new ServiceError(code, message, response.status);
    }
    return json;
}


/***/ }),

/***/ 4058:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $j: () => (/* binding */ isStackMissingError),
/* harmony export */   AH: () => (/* binding */ wrapAwsError),
/* harmony export */   ZH: () => (/* binding */ awsErrorName),
/* harmony export */   hZ: () => (/* binding */ isNoChangesReason),
/* harmony export */   pe: () => (/* binding */ isChangeSetMissingError),
/* harmony export */   sm: () => (/* binding */ isAccessDeniedError)
/* harmony export */ });
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8382);

/** The SDK's error code (its `name`), e.g. ValidationError or Throttling. */
function awsErrorName(error) {
    return typeof error === 'object' && error !== null && 'name' in error ? String(error.name) : '';
}
/**
 * DescribeStacks on a missing stack is not a "not found" class: it is a ValidationError whose
 * message says the stack does not exist.
 */
function isStackMissingError(error) {
    return awsErrorName(error) === 'ValidationError' && /does not exist/i.test((0,_shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .g)(error));
}
/**
 * A change set that is gone: deleted by its owner, or by CloudFormation when another change set
 * of the stack was executed. The SDK names the query protocol's `ChangeSetNotFound` this way.
 */
function isChangeSetMissingError(error) {
    const name = awsErrorName(error);
    if (name === 'ChangeSetNotFoundException' || name === 'ChangeSetNotFound')
        return true;
    // Wrapped by wrapAwsError: the SDK's error is the cause.
    const cause = error instanceof Error ? error.cause : undefined;
    return cause !== undefined && cause !== error && isChangeSetMissingError(cause);
}
/**
 * The caller may not make this call (IAM): the query protocol's AccessDenied, possibly wrapped
 * by wrapAwsError with the SDK's error as the cause.
 */
function isAccessDeniedError(error) {
    const name = awsErrorName(error);
    if (name === 'AccessDenied' || name === 'AccessDeniedException')
        return true;
    const cause = error instanceof Error ? error.cause : undefined;
    return cause !== undefined && cause !== error && isAccessDeniedError(cause);
}
/** A change set that failed only because there was nothing to change (both wordings). */
function isNoChangesReason(reason) {
    return (reason !== undefined &&
        (/didn't contain changes/i.test(reason) || /No updates are to be performed/i.test(reason)));
}
/** Wraps an SDK error with what was being attempted, keeping the error as the cause. */
function wrapAwsError(what, error) {
    const name = awsErrorName(error);
    return new Error(`${what}: ${name && name !== 'Error' ? `${name}: ` : ''}${(0,_shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .g)(error)}`, {
        cause: error,
    });
}


/***/ }),

/***/ 6960:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   So: () => (/* binding */ readStackState),
/* harmony export */   Yz: () => (/* binding */ outputsOf),
/* harmony export */   ft: () => (/* binding */ pagerOf)
/* harmony export */ });
/* unused harmony export classifyStatus */
/* harmony import */ var _aws_sdk_client_cloudformation__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3805);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4058);


/**
 * The SDK's `paginate*` helpers take a whole client but only call its `send`, so the engine's
 * narrower Cfn serves them as it is.
 */
function pagerOf(cfn) {
    return { client: cfn };
}
const HEALTHY = new Set([
    'CREATE_COMPLETE',
    'UPDATE_COMPLETE',
    'UPDATE_ROLLBACK_COMPLETE',
    'IMPORT_COMPLETE',
    'IMPORT_ROLLBACK_COMPLETE',
]);
/** Classifies a status string. */
function classifyStatus(status) {
    if (status === 'REVIEW_IN_PROGRESS')
        return 'review';
    if (status.endsWith('_IN_PROGRESS'))
        return 'busy';
    if (HEALTHY.has(status))
        return 'healthy';
    if (status === 'UPDATE_FAILED' || status === 'CREATE_FAILED')
        return 'paused';
    if (status === 'ROLLBACK_COMPLETE')
        return 'rollback-complete';
    if (status === 'UPDATE_ROLLBACK_FAILED')
        return 'update-rollback-failed';
    if (status === 'DELETE_COMPLETE')
        return 'missing';
    return 'failed';
}
/** The stack and its state; a missing stack is a state, not an error. */
async function readStackState(cfn, stackName) {
    let stack;
    try {
        const out = await cfn.send(new _aws_sdk_client_cloudformation__WEBPACK_IMPORTED_MODULE_0__/* .DescribeStacksCommand */ .Y47({ StackName: stackName }));
        stack = out.Stacks?.[0];
    }
    catch (error) {
        if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .isStackMissingError */ .$j)(error))
            return { kind: 'missing', status: 'MISSING' };
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .wrapAwsError */ .AH)(`Could not describe stack ${stackName}`, error);
    }
    if (!stack?.StackStatus)
        return { kind: 'missing', status: 'MISSING' };
    return { kind: classifyStatus(stack.StackStatus), status: stack.StackStatus, stack };
}
/** The stack's outputs as a plain map. */
function outputsOf(stack) {
    const outputs = {};
    for (const o of stack?.Outputs ?? []) {
        if (o.OutputKey)
            outputs[o.OutputKey] = o.OutputValue ?? '';
    }
    return outputs;
}


/***/ }),

/***/ 5400:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LN: () => (/* binding */ BUCKET_OUTPUT),
/* harmony export */   _F: () => (/* binding */ DagDeletionLimitError),
/* harmony export */   sC: () => (/* binding */ addCodePlan)
/* harmony export */ });
/* harmony import */ var _cfn_state_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6960);
/**
 * What the engine needs of the code stage without loading it: the stage's interface, its error,
 * and adding its plan to a planned run. The stage itself (src/code/stage.ts, S3 object calls) is
 * loaded only when code inputs are set.
 */

/** Raised when a deploy would delete more DAG objects than dag-deletion-limit allows. */
class DagDeletionLimitError extends Error {
    constructor(message) {
        super(message);
        this.name = 'DagDeletionLimitError';
    }
}
/** The prerequisite stack's output naming the bucket. */
const BUCKET_OUTPUT = 'BucketName';
/**
 * The run with the code plan in its plan: compared with the bucket of the deployed prerequisite
 * stack, or planned as all added when that stack is not deployed yet. Unchanged without a stage.
 */
async function addCodePlan(run, code) {
    // Planned already when the environment stack needed the code's object versions (planBoth).
    if (!code || run.plan.code)
        return run;
    const prerequisites = run.stacks.find((s) => s.spec.role === 'prerequisites')?.state;
    const outputs = prerequisites?.kind === 'healthy' ? (0,_cfn_state_js__WEBPACK_IMPORTED_MODULE_0__/* .outputsOf */ .Yz)(prerequisites.stack) : undefined;
    return { ...run, plan: { ...run.plan, code: await code.plan(outputs) } };
}


/***/ }),

/***/ 1228:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  checkDeployedDags: () => (/* binding */ checkDeployedDags),
  importErrorsFailure: () => (/* binding */ importErrorsFailure),
  reasonNotToCheck: () => (/* binding */ reasonNotToCheck)
});

// EXTERNAL MODULE: ./src/shared/errors.ts
var shared_errors = __webpack_require__(8382);
// EXTERNAL MODULE: ./src/shared/retry.ts
var retry = __webpack_require__(3091);
;// CONCATENATED MODULE: ./src/code/import-errors.ts


/** Where MWAA unpacks the DAG prefix on its containers. */
const MWAA_DAGS = '/usr/local/airflow/dags/';
const PAGE = 100;
/** Codes meaning "no REST access here": say so and go on (MWAA API reference, InvokeRestApi). */
const UNAVAILABLE = {
    AccessDeniedException: 'the role may not call airflow:InvokeRestApi on this environment',
    ValidationException: 'MWAA refused the call (REST access needs Apache Airflow 2.4.3 or later and an AVAILABLE environment)',
    ResourceNotFoundException: 'the environment does not exist (yet)',
    RestApiClientException: 'Airflow refused the request',
};
/**
 * Worth another attempt: throttling, MWAA's 5xx, and Airflow's (RestApiServerException, e.g. the
 * call's 10-second timeout on a busy webserver: MWAA user guide, "Using the Apache Airflow REST
 * API"), and a network error (no code).
 */
function import_errors_transient(error) {
    const { code, status } = error;
    if (typeof code !== 'string')
        return true;
    return (code === 'ThrottlingException' ||
        code === 'RestApiServerException' ||
        (typeof status === 'number' && status >= 500));
}
const ATTEMPTS = 4;
const MAX_MESSAGE = 500;
function clip(text, max) {
    return text.length <= max ? text : `${text.slice(0, max - 1)}\u2026`;
}
async function checkImportErrors(input) {
    const { log } = input;
    log.info(`Waiting ${Math.round(input.waitMs / 1000)} s for MWAA to sync the DAG files and Airflow to parse them.`);
    await input.clock.sleep(input.waitMs, input.signal);
    let raw;
    try {
        const invoke = (request) => (0,retry/* retry */.L)(() => input.invoke(request), {
            attempts: ATTEMPTS,
            baseDelayMs: 2_000,
            maxDelayMs: 10_000,
            retryable: import_errors_transient,
            clock: input.clock,
            onRetry: (error, attempt) => log.info(`InvokeRestApi failed (${(0,shared_errors/* errorMessage */.g)(error)}); retrying (${attempt}).`),
        });
        raw = await readAll(invoke, input.environmentName);
    }
    catch (error) {
        const code = error.code;
        if (typeof code === 'string' && UNAVAILABLE[code]) {
            const reason = `Import errors not checked: ${UNAVAILABLE[code]} (${code}: ${(0,shared_errors/* errorMessage */.g)(error)}).`;
            log.info(reason);
            return { kind: 'unavailable', reason };
        }
        const what = `Could not read Airflow's import errors of ${input.environmentName} after ${ATTEMPTS} attempts: ${(0,shared_errors/* errorMessage */.g)(error)}`;
        // The deploy is done: only a policy that gates on the result fails for want of one.
        if (!input.failOnError) {
            const reason = `Import errors not checked: ${what}.`;
            log.warning(reason);
            return { kind: 'unavailable', reason };
        }
        throw new Error(`${what}. The deploy itself is complete; set import-errors: warn (or off) to go on without the check.`, {
            cause: error,
        });
    }
    const changed = new Set(input.changedFiles);
    const errors = raw.map((e) => {
        const filename = String(e['filename'] ?? '');
        const file = filename.startsWith(MWAA_DAGS) ? filename.slice(MWAA_DAGS.length) : filename;
        const trace = String(e['stack_trace'] ?? '')
            .split('\n')
            .map((l) => l.trim())
            .filter((l) => l !== '');
        const timestamp = typeof e['timestamp'] === 'string' ? e['timestamp'] : undefined;
        const at = timestamp === undefined ? Number.NaN : Date.parse(timestamp);
        const recent = input.uploadedAt === undefined || Number.isNaN(at) || at >= input.uploadedAt;
        return {
            file,
            ...(timestamp !== undefined && { timestamp }),
            // A DAG file's own text can make this line anything: bounded for the log and summary.
            message: clip(trace.at(-1) ?? 'no stack trace', MAX_MESSAGE),
            changedByDeploy: changed.has(file) && recent,
        };
    });
    const ours = errors.filter((e) => e.changedByDeploy);
    for (const e of errors) {
        const stale = changed.has(e.file) && !e.changedByDeploy ? ' (recorded before this upload)' : '';
        const line = `Airflow import error in ${e.file}${stale}: ${e.message}`;
        if (e.changedByDeploy && input.failOnError)
            log.error(line);
        else
            log.warning(line);
    }
    if (errors.length === 0)
        log.info('Airflow reports no import errors.');
    return { kind: 'checked', errors, failed: input.failOnError && ours.length > 0 };
}
/** Every import error, page by page (limit/offset, until total_entries). */
async function readAll(invoke, name) {
    const all = [];
    for (let offset = 0;; offset += PAGE) {
        const answer = await invoke({
            name,
            method: 'GET',
            path: '/importErrors',
            queryParameters: { limit: PAGE, offset },
        });
        const body = (answer.body ?? {});
        const page = Array.isArray(body.import_errors)
            ? body.import_errors
            : [];
        all.push(...page);
        const total = typeof body.total_entries === 'number' ? body.total_entries : all.length;
        if (page.length === 0 || all.length >= total)
            return all;
    }
}

;// CONCATENATED MODULE: ./src/code/import-errors-stage.ts


/** At most this many errors in the step's failure message. */
const LISTED = 5;
/** The first Airflow version MWAA gives REST access to. */
const REST_SINCE = [2, 4, 3];
/** Why not to ask at all, from the settings and what the sync did; undefined: ask. */
function reasonNotToCheck(code, synced) {
    if (!code?.paths['dags-path'])
        return 'no dags-path';
    if (code.importErrors === 'off')
        return 'import-errors is off';
    if (!synced)
        return 'the code was not synced';
    const { added, changed, removed } = synced.dags;
    if (added + changed + removed === 0)
        return 'no DAG file changed';
    return undefined;
}
/**
 * Runs the import-errors check after the code sync (see the module comment); undefined when the
 * run has no DAG folder (nothing to say).
 */
async function checkDeployedDags(input) {
    const { code, synced, log, environmentName: name } = input;
    if (!code?.paths['dags-path'])
        return undefined;
    const skip = (reason) => {
        log.info(`Import errors not checked: ${reason}.`);
        return { kind: 'skipped', reason };
    };
    const why = reasonNotToCheck(code, synced);
    if (why !== undefined)
        return skip(why);
    const readers = input.readers;
    if (!readers?.rest)
        return skip('no MWAA client');
    let environment;
    try {
        environment = await readers.mwaa.getEnvironment(name);
    }
    catch (error) {
        return skip(`could not read MWAA environment ${name} (${(0,shared_errors/* errorMessage */.g)(error)})`);
    }
    if (!environment)
        return skip(`there is no MWAA environment named ${name}`);
    if (environment.Status !== 'AVAILABLE') {
        return skip(`MWAA environment ${name} is ${environment.Status ?? 'in an unknown state'}`);
    }
    const version = environment.AirflowVersion;
    if (version !== undefined && olderThan(version, REST_SINCE)) {
        const reason = `Import errors not checked: environment ${name} runs Apache Airflow ${version}; MWAA gives REST access from 2.4.3.`;
        log.info(reason);
        return { kind: 'unavailable', reason };
    }
    return checkImportErrors({
        invoke: readers.rest,
        environmentName: name,
        changedFiles: synced?.changedDags ?? [],
        ...(synced?.startedAt !== undefined && { uploadedAt: synced.startedAt }),
        waitMs: code.importErrorsWaitSeconds * 1000,
        failOnError: code.importErrors === 'fail',
        clock: input.clock,
        log,
        ...(input.signal && { signal: input.signal }),
    });
}
/** The step's failure message when a new import error fails it by policy; undefined otherwise. */
function importErrorsFailure(outcome) {
    if (outcome?.kind !== 'checked' || !outcome.failed)
        return undefined;
    const ours = outcome.errors.filter((e) => e.changedByDeploy);
    // The first few in the failure line; the log and the summary list every one.
    const shown = ours.slice(0, LISTED).map((e) => `${e.file}: ${e.message}`);
    if (ours.length > LISTED)
        shown.push(`and ${ours.length - LISTED} more (see the log)`);
    const list = shown.join('; ');
    return (`Airflow could not import ${ours.length} DAG file${ours.length === 1 ? '' : 's'} this deploy changed: ${list}. ` +
        'Fix the file (or set import-errors: warn to only report it).');
}
/** True when dotted `version` is below `minimum` (2.4.2 < 2.4.3 < 2.10.1). */
function olderThan(version, minimum) {
    const parts = version.split('.').map((p) => Number.parseInt(p, 10) || 0);
    for (let i = 0; i < minimum.length; i++) {
        const a = parts[i] ?? 0;
        const b = minimum[i];
        if (a !== b)
            return a < b;
    }
    return false;
}


/***/ }),

/***/ 1986:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   W: () => (/* binding */ cancellation)
/* harmony export */ });
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8382);

/** Listens for SIGINT and SIGTERM on `proc` (the process by default) until dispose(). */
function cancellation(proc = process) {
    const controller = new AbortController();
    const onSignal = (name) => () => controller.abort(new Error(`The job was cancelled (${name}).`));
    const handlers = [
        ['SIGINT', onSignal('SIGINT')],
        ['SIGTERM', onSignal('SIGTERM')],
    ];
    for (const [name, handler] of handlers)
        proc.on(name, handler);
    return {
        signal: controller.signal,
        describe: (error, mode) => `${(0,_shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .g)(controller.signal.reason)}` +
            (error === controller.signal.reason
                ? ''
                : /^waiting for /.test((0,_shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .g)(error))
                    ? ` Stopped while ${(0,_shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .g)(error)}.`
                    : ` Stopped with: ${(0,_shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .g)(error)}.`) +
            (mode === 'plan'
                ? ' The plan removed the change sets it had made; nothing was executed.'
                : ' A stack operation that had already started keeps running in AWS; the next run waits for it.'),
        dispose: () => {
            for (const [name, handler] of handlers)
                proc.off(name, handler);
        },
    };
}


/***/ }),

/***/ 7094:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  b: () => (/* binding */ runJob)
});

// UNUSED EXPORTS: runLabelFor

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/code/add-plan.ts
var add_plan = __webpack_require__(5400);
// EXTERNAL MODULE: ./src/cfn/state.ts
var cfn_state = __webpack_require__(6960);
// EXTERNAL MODULE: ./src/plan/analysis.ts + 1 modules
var analysis = __webpack_require__(7198);
;// CONCATENATED MODULE: ./src/plan/analysis-review.ts
/**
 * What a fresh plan of a stack does beyond the plan reviewers saw. The deploy re-plans a stack
 * when the outputs it takes from an earlier stack were unknown or changed; that change set may
 * replace or remove what the reviewed plan showed as "known after deploy", or not at all.
 */

/**
 * How much of the resource as it is a change destroys: 0 keeps it, 1 replaces it (or may), 2
 * removes it. A reviewed "may be replaced" covers a fresh "will be replaced".
 */
const SEVERITY = {
    'conditional-replace': 1,
    replace: 1,
    remove: 2,
};
function severity(change) {
    const reason = (0,analysis/* destructiveReason */.fO)(change);
    return reason === undefined ? 0 : SEVERITY[reason];
}
/**
 * The changes of `fresh` beyond `reviewed`: a replacement or removal of a resource the reviewed
 * plan did not list, or listed as less destructive (added or updated in place where it is now
 * replaced, replaced where it is now removed). Empty when the fresh plan destroys nothing the
 * reviewers did not see.
 */
function changesBeyondReview(reviewed, fresh) {
    const shown = new Map(reviewed.changes.map((c) => [c.logicalId, c]));
    const beyond = [];
    for (const now of fresh.changes) {
        const was = shown.get(now.logicalId);
        // Only what destroys counts: an addition or an in-place update the plan did not list
        // loses nothing, and CloudFormation rolls it back with the rest if it fails.
        if (severity(now) <= (was === undefined ? 0 : severity(was)))
            continue;
        beyond.push({
            logicalId: now.logicalId,
            type: now.type,
            now,
            ...(was !== undefined ? { reviewed: was } : {}),
        });
    }
    return beyond;
}

// EXTERNAL MODULE: ./src/plan/fingerprint.ts
var fingerprint = __webpack_require__(1731);
// EXTERNAL MODULE: ./src/plan/model.ts + 1 modules
var model = __webpack_require__(304);
// EXTERNAL MODULE: ./src/shared/text.ts
var shared_text = __webpack_require__(4646);
// EXTERNAL MODULE: ./src/render/escape.ts
var render_escape = __webpack_require__(7789);
// EXTERNAL MODULE: ./src/render/view.ts
var view = __webpack_require__(2423);
;// CONCATENATED MODULE: ./src/render/side-by-side.ts


const MAX_ID = 60;
function cell(change) {
    if (change === undefined)
        return '(no change)';
    const kind = (0,view/* changeKind */.P0)(change);
    return `${view/* SYMBOL */.PF[kind]} ${view/* ACTION_WORD */.c9[kind]}`;
}
/** The two plans of one stack as aligned columns: resource, reviewed plan, plan now. */
function renderPlansSideBySide(reviewed, fresh, beyond) {
    const before = new Map(reviewed.changes.map((c) => [c.logicalId, c]));
    const after = new Map(fresh.changes.map((c) => [c.logicalId, c]));
    const flagged = new Set(beyond.map((b) => b.logicalId));
    const ids = [...new Set([...after.keys(), ...before.keys()])];
    const rows = [['', 'Resource', 'Reviewed plan', 'Plan now']];
    for (const id of ids) {
        const type = (after.get(id) ?? before.get(id))?.type ?? '';
        rows.push([
            flagged.has(id) ? '!' : '',
            (0,shared_text/* escapeTerminal */.en)((0,render_escape/* truncate */.xv)(`${id} (${type})`, MAX_ID)),
            cell(before.get(id)),
            cell(after.get(id)),
        ]);
    }
    if (ids.length === 0)
        rows.push(['', '(no resource changes)', '', '']);
    const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
    return rows
        .map((r) => r
        .map((c, i) => c.padEnd(widths[i]))
        .join('  ')
        .trimEnd())
        .join('\n');
}

// EXTERNAL MODULE: ./src/engine/policy.ts + 1 modules
var policy = __webpack_require__(8229);
// EXTERNAL MODULE: ./src/engine/review.ts + 1 modules
var engine_review = __webpack_require__(6255);
;// CONCATENATED MODULE: ./src/engine/gate.ts
/**
 * The one gate every change set passes before it executes, whoever calls the engine (the
 * action, the CLI, a library caller of runMode or deployBoth): the destructive-change policy,
 * the reviewed-plan binding, and, for a change set planned again during the deploy, nothing
 * beyond what the reviewed plan showed.
 */






/** Raised when a change set planned during the deploy does more than the reviewed plan. */
class UnreviewedChangeError extends Error {
    name = 'UnreviewedChangeError';
}
class ChangeSetGate {
    options;
    admitted;
    reviewedComment;
    fingerprints = new WeakMap();
    constructor(options) {
        this.options = options;
    }
    /** The plan's fingerprint, computed once per plan. */
    fingerprint(plan) {
        let fp = this.fingerprints.get(plan);
        if (!fp) {
            fp = (0,fingerprint/* planFingerprint */.an)(plan, this.options.templates);
            this.fingerprints.set(plan, fp);
        }
        return fp;
    }
    /** The comment the deploy was bound to, once admitPlan found it. */
    get reviewed() {
        return this.reviewedComment;
    }
    /**
     * The whole plan, before anything executes: the policy over every stack (so one error lists
     * every violation), then, when required, the reviewed plan's fingerprint. Remembers the plan
     * as the one each change set is held to.
     */
    async admitPlan(plan) {
        const { settings, templates, review, log } = this.options;
        const violation = (0,policy/* policyViolation */.W)(plan, settings, templates);
        if (violation)
            throw new policy/* DestructivePlanError */.S(violation);
        // A plan without changes executes nothing, so there is nothing to have reviewed.
        if (settings.requireReviewedPlan && (0,model/* planHasChanges */.q)(plan)) {
            if (!review) {
                throw new engine_review/* ReviewedPlanError */.hB('require-reviewed-plan is on, but nothing was given to read the reviewed plan from ' +
                    "(the action reads the pull request's plan comment; a library caller passes a review source), so nothing was deployed.");
            }
            const { comment, where } = await review.read();
            this.reviewedComment = (0,engine_review/* assertReviewed */.Qc)({
                fingerprint: this.fingerprint(plan),
                comment,
                where,
                stackNames: Object.fromEntries(plan.stacks.map((s) => [s.role, s.stackName])),
                ...(review.render ? { rendered: review.render(plan) } : {}),
            });
            log.info(`The plan matches the one reviewed on ${where}.`);
        }
        this.admitted = plan;
    }
    /**
     * One stack's change set, just before it executes (the deploy path calls this with the
     * change set it is about to execute, which may have been planned again since admitPlan):
     * the policy, and no change beyond what the admitted plan showed for the stack.
     */
    admitChangeSet(fresh) {
        const plan = this.admitted;
        const reviewed = plan?.stacks.find((s) => s.stackName === fresh.stackName);
        if (!plan || !reviewed) {
            throw new UnreviewedChangeError(`The change set of stack ${fresh.stackName} reached execution without a plan that passed the gate; nothing was executed for it.`);
        }
        const { settings, templates } = this.options;
        const violation = (0,policy/* policyViolation */.W)({ ...plan, stacks: [fresh] }, settings, templates);
        if (violation)
            throw new policy/* DestructivePlanError */.S(violation);
        const beyond = changesBeyondReview(reviewed, fresh);
        if (beyond.length === 0)
            return;
        throw new UnreviewedChangeError(`The change set of stack ${fresh.stackName}, planned again with the outputs of the stacks deployed before it, ` +
            `replaces or removes more than the reviewed plan showed (${beyond.map((b) => b.logicalId).join(', ')}; marked !):\n` +
            `${renderPlansSideBySide(reviewed, fresh, beyond)}\n` +
            `It was not executed, and neither was anything after it. Run the plan again (it now shows these changes), review it, and deploy.`);
    }
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-cloudformation/dist-cjs/index.js
var dist_cjs = __webpack_require__(3805);
;// CONCATENATED MODULE: ./src/shared/poll.ts
/**
 * The default: detect completion within max(1 s, 10% of the wait). Polls at about 0, 0.1, 0.2,
 * 0.4 and 0.8 s, then every 0.7 s (at most 0.7 s plus one call's time: inside the 1 s bound of
 * short waits), then 9.8% of the time waited, just inside the 10% bound. The cap (150 s) only
 * bites past half an hour, so a 30-minute wait takes under a hundred polls even at the jitter's
 * worst (each poll reads the status and the new events: under 200 calls in all).
 */
const DEFAULT_POLL_POLICY = {
    firstDelayMs: 100,
    minDelayMs: 700,
    maxDelayMs: 150_000,
    fraction: 0.098,
};
/**
 * The next delay for a wait that has lasted elapsedMs. The jitter only shortens the delay
 * (between 75% and 100%) so the bound on detection latency still holds while concurrent runs
 * spread their calls.
 */
function nextPollDelay(elapsedMs, policy, random = Math.random) {
    const floor = Math.min(policy.minDelayMs, Math.max(policy.firstDelayMs, elapsedMs));
    const base = Math.min(policy.maxDelayMs, Math.max(floor, elapsedMs * policy.fraction));
    return Math.max(1, Math.round(base * (0.75 + 0.25 * random())));
}
class PollTimeoutError extends Error {
}
/**
 * Calls check until it returns a value other than undefined, sleeping between calls as the
 * policy says. Throws PollTimeoutError (with what) once timeoutMs has passed.
 */
async function pollUntil(check, options) {
    const policy = options.policy ?? DEFAULT_POLL_POLICY;
    const start = options.clock.now();
    for (;;) {
        const result = await check();
        if (result !== undefined)
            return result;
        const elapsed = options.clock.now() - start;
        if (elapsed >= options.timeoutMs) {
            throw new PollTimeoutError(`Timed out after ${Math.round(elapsed / 1000)} s waiting for ${options.what}`);
        }
        const delay = Math.min(nextPollDelay(elapsed, policy, options.random), options.timeoutMs - elapsed);
        try {
            await options.clock.sleep(Math.max(1, delay), options.signal);
        }
        catch (error) {
            // Cancelled: say what was being waited for, so the step's error names it.
            if (options.signal?.aborted)
                throw new Error(`waiting for ${options.what}`, { cause: error });
            throw error;
        }
    }
}

// EXTERNAL MODULE: ./src/templates/cfn-yaml.ts
var cfn_yaml = __webpack_require__(6724);
// EXTERNAL MODULE: ./src/cfn/errors.ts
var errors = __webpack_require__(4058);
;// CONCATENATED MODULE: ./src/cfn/changeset.ts






/** Raised when a change set fails for a reason other than "no changes". */
class ChangeSetFailedError extends Error {
}
/**
 * Creates a change set for the spec. Every parameter must be known: a value known only after
 * deploy means the stack cannot be planned with CloudFormation yet.
 */
async function createChangeSet(cfn, spec, options) {
    const parameters = spec.parameters.map((p) => {
        if (p.value === undefined) {
            throw new Error(`Parameter ${p.key} of stack ${spec.name} is not known yet (${p.knownAfterDeploy}).`);
        }
        return { ParameterKey: p.key, ParameterValue: p.value };
    });
    try {
        const out = await cfn.send(new dist_cjs/* CreateChangeSetCommand */.YDU({
            StackName: spec.name,
            ChangeSetName: options.name,
            // Always explicit: omitting it means UPDATE on AWS (and CREATE on some emulators).
            ChangeSetType: options.type,
            TemplateBody: spec.templateBody,
            Parameters: parameters,
            Capabilities: [...spec.capabilities],
            // No tags given: send none. An empty Tags removes every tag of the stack, those set
            // outside this action too; absent, CloudFormation leaves them as they are.
            ...(spec.tags.length > 0
                ? { Tags: spec.tags.map((t) => ({ Key: t.key, Value: t.value })) }
                : {}),
            // Declared so that IAM can allow only these types (cloudformation:ResourceTypes, which
            // the bootstrap roles require); CloudFormation refuses a template with a type not listed.
            ResourceTypes: resourceTypes(spec.templateBody),
            Description: options.description.slice(0, 1024),
            // A failed create rolls back to ROLLBACK_COMPLETE, where the first failure stays readable.
            ...(options.type === 'CREATE' ? { OnStackFailure: 'ROLLBACK' } : {}),
            IncludeNestedStacks: false,
            // One per request (the SDK's retries resend the same input): a retry after a lost
            // response gets the change set the first attempt made, instead of AlreadyExists. Not
            // the change set's name: a re-plan in the same run must not get a deleted one back.
            ClientToken: (0,external_node_crypto_.randomUUID)(),
        }));
        if (!out.Id)
            throw new Error('CloudFormation returned no change set ID');
        return { id: out.Id, stackId: out.StackId ?? '' };
    }
    catch (error) {
        throw (0,errors/* wrapAwsError */.AH)(`Could not create a ${options.type} change set for stack ${spec.name}`, error);
    }
}
/** Every resource type the template declares, sorted, whatever its conditions. */
function resourceTypes(templateBody) {
    const template = (0,cfn_yaml/* parseTemplate */.QC)(templateBody);
    return [...new Set(Object.values(template.Resources).map((r) => r.Type))].sort();
}
/**
 * Waits until the change set is computed, then reads all of it. "No changes" is a result, not
 * an error; any other failure is a ChangeSetFailedError with CloudFormation's reason.
 */
async function waitForChangeSet(cfn, ref, options) {
    const first = await pollUntil(async () => {
        const page = await describeFirstPage(cfn, ref.id);
        return page.Status === 'CREATE_COMPLETE' || page.Status === 'FAILED' ? page : undefined;
    }, {
        clock: options.clock,
        timeoutMs: options.timeoutMs,
        what: `change set ${ref.name} of ${ref.stackName}`,
        signal: options.signal,
    });
    const parameters = (first.Parameters ?? []).map((p) => ({
        key: p.ParameterKey ?? '',
        value: p.ParameterValue ?? '',
    }));
    const base = {
        id: ref.id,
        name: ref.name,
        stackId: first.StackId ?? '',
        type: ref.type,
        parameters,
    };
    if (first.Status === 'FAILED') {
        if ((0,errors/* isNoChangesReason */.hZ)(first.StatusReason))
            return { ...base, noChanges: true, changes: [] };
        throw new ChangeSetFailedError(`The change set for stack ${ref.stackName} failed: ${first.StatusReason ?? 'no reason given'}`);
    }
    const changes = [...(first.Changes ?? [])];
    // The first page was read by the poll: the SDK's paginator goes on from its NextToken.
    if (first.NextToken) {
        try {
            for await (const page of (0,dist_cjs/* paginateDescribeChangeSet */.xV_)({ ...(0,cfn_state/* pagerOf */.ft)(cfn), startingToken: first.NextToken }, { ChangeSetName: ref.id, IncludePropertyValues: true })) {
                changes.push(...(page.Changes ?? []));
            }
        }
        catch (error) {
            throw (0,errors/* wrapAwsError */.AH)(`Could not describe change set ${ref.id}`, error);
        }
    }
    // An executable change set with no resource change still changes the stack (outputs,
    // parameter values, tags): CloudFormation says "nothing to do" only as a FAILED change set.
    return { ...base, noChanges: false, changes };
}
async function describeFirstPage(cfn, id) {
    try {
        return await cfn.send(new dist_cjs/* DescribeChangeSetCommand */.TTT({ ChangeSetName: id, IncludePropertyValues: true }));
    }
    catch (error) {
        throw (0,errors/* wrapAwsError */.AH)(`Could not describe change set ${id}`, error);
    }
}
/** Raised when a planned change set cannot be executed; the message says what to do. */
class ChangeSetNotExecutableError extends Error {
}
/**
 * Reads the change set again right before ExecuteChangeSet: only an AVAILABLE one can run.
 * Executing another change set on the stack (another run's deploy) makes this one OBSOLETE or
 * deletes it; either way the plan no longer describes what would happen.
 */
async function requireExecutable(cfn, ref) {
    const again = `Nothing was executed on ${ref.stackName}. Run again to plan from the stack as it is now (and review that plan).`;
    let out;
    try {
        out = await cfn.send(new dist_cjs/* DescribeChangeSetCommand */.TTT({ ChangeSetName: ref.id }));
    }
    catch (error) {
        if (!(0,errors/* isChangeSetMissingError */.pe)(error))
            throw (0,errors/* wrapAwsError */.AH)(`Could not describe change set ${ref.id}`, error);
        throw new ChangeSetNotExecutableError(`The planned change set of stack ${ref.stackName} no longer exists: the stack changed since the plan ` +
            `(executing another change set on a stack deletes its other change sets), or someone deleted it. ${again}`);
    }
    const status = out.ExecutionStatus ?? 'UNAVAILABLE';
    if (status === 'AVAILABLE')
        return;
    const why = status === 'OBSOLETE'
        ? 'the stack changed since the plan (its change set is OBSOLETE: another change set or update ran on the stack)'
        : status === 'UNAVAILABLE'
            ? out.Status === 'FAILED'
                ? `its change set failed (${out.StatusReason ?? 'no reason given'})`
                : `its change set is not ready (${out.Status ?? 'unknown status'}); CloudFormation is still computing it`
            : `its change set is already ${status}: another run executed it`;
    throw new ChangeSetNotExecutableError(`Stack ${ref.stackName} cannot be deployed as planned: ${why}. ${again}`);
}
/**
 * Deletes a change set; a plan leaves nothing behind. One already gone (executing another change
 * set of the stack deletes it) is not an error.
 */
async function deleteChangeSet(cfn, id) {
    try {
        await cfn.send(new dist_cjs/* DeleteChangeSetCommand */.$GE({ ChangeSetName: id }));
    }
    catch (error) {
        if ((0,errors/* isChangeSetMissingError */.pe)(error))
            return;
        throw (0,errors/* wrapAwsError */.AH)(`Could not delete change set ${id}`, error);
    }
}

;// CONCATENATED MODULE: ./src/cfn/events.ts




/**
 * Events can appear out of order: an event may be listed with a time before events already
 * read (AWS records them as resources report, and paging is not a snapshot). So a poll reads
 * back to a little before the previous poll began, not just to the first event it has seen.
 */
const REORDER_MS = 60_000;
/**
 * Follows the events of one stack operation. DescribeStackEvents answers newest first and
 * paginated; a poll reads pages until it reaches events older than the previous poll (less
 * the reorder margin) or than the operation, so a long history costs a page or two per poll.
 */
class EventFollower {
    cfn;
    stack;
    since;
    token;
    now;
    seen = new Set();
    previousPoll;
    /** Every event of this operation so far, oldest first. */
    events = [];
    constructor(cfn, stack, 
    /** Only events at or after this time belong to the operation. */
    since, 
    /** The operation's ClientRequestToken: events caused by others are skipped. */
    token, 
    /** The runner's clock, to know when the previous poll began. */
    now = Date.now) {
        this.cfn = cfn;
        this.stack = stack;
        this.since = since;
        this.token = token;
        this.now = now;
    }
    /** Reads the events that appeared since the last call, oldest first. */
    async poll() {
        const started = this.now();
        const floor = Math.max(this.since.getTime(), (this.previousPoll ?? 0) - REORDER_MS);
        const fresh = [];
        // The SDK's paginator follows NextToken; leaving the loop at the first event older than
        // the floor stops it, so only the pages needed are read.
        try {
            pages: for await (const page of (0,dist_cjs/* paginateDescribeStackEvents */.A_l)((0,cfn_state/* pagerOf */.ft)(this.cfn), {
                StackName: this.stack,
            })) {
                for (const event of page.StackEvents ?? []) {
                    if (event.Timestamp && event.Timestamp.getTime() < floor)
                        break pages;
                    const id = event.EventId ??
                        `${event.LogicalResourceId}:${event.ResourceStatus}:${event.Timestamp?.toISOString()}`;
                    if (this.seen.has(id))
                        continue;
                    this.seen.add(id);
                    // Events of this operation carry its token; the REVIEW_IN_PROGRESS event of the
                    // change set and the events of other runs do not.
                    if (this.token && event.ClientRequestToken !== this.token)
                        continue;
                    fresh.push(event);
                }
            }
        }
        catch (error) {
            // A deleted stack, asked for by name, no longer exists: it has no more events to tell.
            if ((0,errors/* isStackMissingError */.$j)(error))
                return [];
            throw (0,errors/* wrapAwsError */.AH)(`Could not read the events of stack ${this.stack}`, error);
        }
        this.previousPoll = started;
        // Oldest first; a stable sort keeps AWS's order for events of the same time.
        fresh.reverse();
        fresh.sort((a, b) => (a.Timestamp?.getTime() ?? 0) - (b.Timestamp?.getTime() ?? 0));
        this.events.push(...fresh);
        this.events.sort((a, b) => (a.Timestamp?.getTime() ?? 0) - (b.Timestamp?.getTime() ?? 0));
        return fresh;
    }
    /**
     * The root cause of a failed operation: the first failed event whose reason is not the
     * knock-on "cancelled" of other resources.
     */
    firstFailure() {
        return this.events.find((e) => e.ResourceStatus?.endsWith('_FAILED') &&
            e.ResourceStatusReason !== undefined &&
            !/^Resource (creation|update) cancelled/i.test(e.ResourceStatusReason));
    }
    /** True once the stack's own event of a final status (not *_IN_PROGRESS) was read. */
    stackEnded() {
        return this.events.some((e) => e.ResourceType === 'AWS::CloudFormation::Stack' &&
            e.ResourceStatus !== undefined &&
            !e.ResourceStatus.endsWith('_IN_PROGRESS'));
    }
    /** Logical IDs of resources (not the stack itself) that finished, successfully or not. */
    finishedResources() {
        const done = new Set();
        for (const e of this.events) {
            if (e.ResourceType === 'AWS::CloudFormation::Stack')
                continue;
            if (e.LogicalResourceId && /_(COMPLETE|FAILED)$/.test(e.ResourceStatus ?? ''))
                done.add(e.LogicalResourceId);
        }
        return done;
    }
}
/** One log line per event: time, status, resource, reason. */
function formatEvent(e) {
    const time = e.Timestamp ? e.Timestamp.toISOString().slice(11, 19) : '--:--:--';
    const reason = e.ResourceStatusReason ? `: ${e.ResourceStatusReason}` : '';
    // Reasons are free text (a custom resource writes its own): one line, no control
    // characters, so nothing in them can pass for a workflow command.
    return (0,shared_text/* escapeTerminal */.en)(`${time} ${e.ResourceStatus ?? ''} ${e.LogicalResourceId ?? ''} (${e.ResourceType ?? ''})${reason}`);
}

;// CONCATENATED MODULE: ./src/cfn/leftovers.ts
/** What a resource left outside its stack goes on costing, by type (the common ones here). */
const COSTS = {
    'AWS::EC2::NatGateway': 'a NAT gateway is billed per hour and per GB until deleted',
    'AWS::EC2::EIP': 'an Elastic IP address is billed per hour until released',
    'AWS::EC2::VPC': "no charge, but it counts toward the Region's VPC quota (5 by default)",
    'AWS::EC2::Subnet': 'no charge, but it keeps its VPC from being deleted',
    'AWS::EC2::SecurityGroup': 'no charge, but it keeps its VPC from being deleted',
    'AWS::EC2::InternetGateway': "no charge, but it counts toward the Region's quota",
    'AWS::KMS::Key': 'a customer managed key is billed monthly until its deletion completes',
    'AWS::S3::Bucket': 'its objects are billed for storage until deleted',
};
/**
 * Resources this operation's cleanup could not delete: an update (or its rollback) ends
 * *_COMPLETE even when the cleanup phase fails to delete a removed resource or the old copy of
 * a replaced one. Each one stays in the account, outside the stack, until deleted by hand.
 */
function cleanupLeftovers(stackName, events) {
    return events
        .filter((e) => e.ResourceStatus === 'DELETE_FAILED' && e.ResourceType !== 'AWS::CloudFormation::Stack')
        .map((e) => {
        const cost = COSTS[e.ResourceType ?? ''] ?? 'it may be billed until deleted';
        return (`Stack ${stackName}: CloudFormation could not delete ${e.LogicalResourceId} (${e.ResourceType}) ` +
            `${e.PhysicalResourceId ?? ''} during cleanup: ${e.ResourceStatusReason ?? 'no reason given'}. ` +
            `It stays in the account, outside the stack; delete it by hand once what depends on it is gone (${cost}).`);
    });
}

;// CONCATENATED MODULE: ./src/cfn/operation.ts






/** Raised when a stack operation ends in failure; message carries the root cause. */
class StackOperationError extends Error {
    status;
    constructor(message, status) {
        super(message);
        this.status = status;
    }
}
/**
 * How long a final status read without this run's final event is not believed. Reads lag writes
 * by seconds at most in practice (not documented); after this, the status read stands.
 */
const STALE_READ_GRACE_MS = 60_000;
/** Clocks on the runner and in AWS disagree a little; events this much older still count. */
const CLOCK_SKEW_MS = 60_000;
/** A create or an update ends well only in these; a stack that vanished is a failure. */
const SUCCESS = new Set(['CREATE_COMPLETE', 'UPDATE_COMPLETE', 'IMPORT_COMPLETE']);
/**
 * Waits for the operation running on a stack to end, logging each new event of the operation
 * and progress (resources done of total, elapsed time). Returns the final stack on success;
 * throws StackOperationError with the first real failure otherwise.
 */
async function waitForStack(cfn, target, options) {
    const { clock, log } = options;
    const id = target.stackId || target.stackName;
    const follower = new EventFollower(cfn, id, new Date(target.startedAt - CLOCK_SKEW_MS), target.token, () => clock.now());
    let lastProgress = '';
    // The last status read, for the timeout's message: what is still going on in AWS.
    let lastStatus;
    const logEvents = async () => {
        for (const event of await follower.poll())
            log.info(`  ${formatEvent(event)}`);
    };
    // One line per change: status, resources done of total, elapsed time.
    const progress = (status) => {
        lastStatus = status;
        const elapsed = Math.round((clock.now() - target.startedAt) / 1000);
        const done = Math.min(follower.finishedResources().size, target.totalResources ?? 0);
        const line = target.totalResources
            ? `${target.stackName}: ${status}, ${done}/${target.totalResources} resources done, ${elapsed} s`
            : `${target.stackName}: ${status}, ${elapsed} s`;
        if (line !== lastProgress)
            log.info(line);
        lastProgress = line;
    };
    try {
        return await pollUntil(async () => {
            await logEvents();
            const state = await (0,cfn_state/* readStackState */.So)(cfn, id);
            if (state.kind === 'missing')
                return { stack: undefined, status: 'DELETE_COMPLETE' };
            // REVIEW_IN_PROGRESS after ExecuteChangeSet or DeleteStack: the operation has not shown
            // yet (a read that lags the call), not a final state.
            if (state.kind === 'busy' || state.kind === 'review') {
                progress(state.status);
                return undefined;
            }
            // Just after the call, a read can still show the status (and outputs) from before it:
            // once this run's events show (the service echoes the token), a final status counts
            // only with this run's own final event read, or after a grace. A service that does not
            // echo tokens (moto) is taken at its word.
            const early = clock.now() - target.startedAt < STALE_READ_GRACE_MS;
            const ownEvents = target.token !== undefined && follower.events.length > 0;
            if (early && ownEvents && !follower.stackEnded())
                return undefined;
            return { stack: state.stack, status: state.status };
        }, {
            clock,
            timeoutMs: options.timeoutMs,
            what: `stack ${target.stackName}`,
            signal: options.signal,
        }).then(async ({ stack, status }) => {
            // The operation may have ended between this poll's events and its status read: read the
            // events once more, so the last ones are logged and the root cause is among them.
            await logEvents();
            progress(status);
            if (target.deleting ? status === 'DELETE_COMPLETE' : SUCCESS.has(status)) {
                for (const line of cleanupLeftovers(target.stackName, follower.events))
                    log.warning(line);
                return stack;
            }
            if (status === 'DELETE_COMPLETE') {
                throw new StackOperationError(`Stack ${target.stackName} ended in DELETE_COMPLETE: it was deleted while this run ` +
                    'waited for it (by another run, a person, or a failed create that was set to delete ' +
                    "itself). Nothing of this run's change is in place; run again to create it.", status);
            }
            const cause = follower.firstFailure();
            const reason = cause
                ? `${cause.LogicalResourceId} (${cause.ResourceType}) ${cause.ResourceStatus}: ${cause.ResourceStatusReason}`
                : (stack?.StackStatusReason ?? 'no failure event found');
            throw new StackOperationError(`Stack ${target.stackName} ended in ${status}. First failure: ${reason}`, status);
        });
    }
    catch (error) {
        if (error instanceof PollTimeoutError) {
            const still = lastStatus ? `Stack ${target.stackName} is still ${lastStatus}: the` : 'The';
            const raise = options.timeoutInput ? `, or raise ${options.timeoutInput} to wait longer` : '';
            throw new StackOperationError(`${error.message}. ${still} operation is still running in AWS (see the stack's events ` +
                `in the CloudFormation console); the next run waits for it to finish${raise}.`, 'TIMEOUT');
        }
        throw error;
    }
}
/** Executes a change set and waits for the stack; the token marks this run's events. */
async function executeChangeSet(cfn, changeSet, options) {
    const startedAt = options.clock.now();
    try {
        await cfn.send(new dist_cjs/* ExecuteChangeSetCommand */.PB_({
            ChangeSetName: changeSet.id,
            ClientRequestToken: options.token,
            // A rollback deletes what this execution created, even under DeletionPolicy Retain: a
            // failed first create must not leave a key per attempt, nor a named bucket that makes
            // every retry fail with "already exists". What existed before is kept as its policy says.
            RetainExceptOnCreate: true,
        }));
    }
    catch (error) {
        throw (0,errors/* wrapAwsError */.AH)(`Could not execute the change set of stack ${changeSet.stackName}`, error);
    }
    return waitForStack(cfn, {
        stackName: changeSet.stackName,
        stackId: changeSet.stackId,
        token: options.token,
        totalResources: changeSet.totalResources,
        startedAt,
    }, options);
}
/** Deletes a stack and waits until it is gone. */
async function deleteStack(cfn, stack, options) {
    const startedAt = options.clock.now();
    try {
        await cfn.send(new dist_cjs/* DeleteStackCommand */.fAr({
            StackName: stack.stackId || stack.stackName,
            ClientRequestToken: options.token,
        }));
    }
    catch (error) {
        throw (0,errors/* wrapAwsError */.AH)(`Could not delete stack ${stack.stackName}`, error);
    }
    await waitForStack(cfn, { ...stack, token: options.token, startedAt, deleting: true }, options);
}
/** True when the status is a finished one (no operation running). */
function isSettled(status) {
    return classifyStatus(status) !== 'busy';
}

;// CONCATENATED MODULE: ./src/cfn/review-stack.ts



/**
 * Why a review stack a plan made may not be deleted, or undefined when it may. A plan's CREATE
 * change set puts a new stack in REVIEW_IN_PROGRESS, but another run's CREATE change set joins
 * that same stack, and executing it turns the stack into a real one (and deletes the plan's
 * change set). So the plan looks again, by stack ID, right before DeleteStack: the stack must
 * still be REVIEW_IN_PROGRESS and hold no change set at all (the plan deletes its own first).
 * A small window between this look and DeleteStack remains; CloudFormation has no conditional
 * delete to close it.
 */
async function reviewStackInUse(cfn, stackId) {
    const state = await (0,cfn_state/* readStackState */.So)(cfn, stackId);
    if (state.kind === 'missing' || state.status === 'DELETE_COMPLETE')
        return 'it is already gone';
    if (state.kind !== 'review')
        return `it is now ${state.status}: another run deployed it`;
    const others = await changeSetNames(cfn, stackId, state.stack?.StackId ?? stackId);
    if (others.length > 0) {
        return `it holds change sets of other runs (${others.slice(0, 3).join(', ')}${others.length > 3 ? ', ...' : ''})`;
    }
    return undefined;
}
/** The names of every change set of a stack (ListChangeSets, every page), by its ID when given. */
async function changeSetNames(cfn, stackName, stackId) {
    const names = [];
    try {
        // The SDK's paginator follows NextToken; every page is needed, so it fits as it is.
        for await (const page of (0,dist_cjs/* paginateListChangeSets */.N8l)((0,cfn_state/* pagerOf */.ft)(cfn), { StackName: stackName })) {
            for (const s of page.Summaries ?? []) {
                // Only this stack's: some emulators (moto) ignore StackName and list every stack's.
                if (stackId && s.StackId && s.StackId !== stackId)
                    continue;
                names.push(s.ChangeSetName ?? s.ChangeSetId ?? '?');
            }
        }
    }
    catch (error) {
        throw (0,errors/* wrapAwsError */.AH)(`Could not list the change sets of stack ${stackName}`, error);
    }
    return names;
}

;// CONCATENATED MODULE: ./src/plan/context.ts
/**
 * How long one operation of a stack may be waited for, and the input that sets it: the
 * environment stack has its own budget (a failed create and its rollback take 60 to 80 minutes),
 * so a VPC or prerequisite wait is not allowed to hang that long too.
 */
function operationBudget(ctx, role) {
    return role === 'environment'
        ? {
            timeoutMs: ctx.settings.environmentTimeoutMinutes * 60_000,
            timeoutInput: 'environment-timeout-minutes',
        }
        : { timeoutMs: ctx.settings.timeoutMinutes * 60_000, timeoutInput: 'timeout-minutes' };
}
/**
 * A change set or token name unique to this run: `[a-zA-Z][-a-zA-Z0-9]*`, at most 128
 * characters, as CloudFormation requires.
 */
function runScopedName(prefix, ctx, suffix) {
    const label = ctx.runLabel.replace(/[^a-zA-Z0-9-]/g, '-').replace(/-+/g, '-');
    return `${prefix}-${label}-${suffix}`.replace(/-+$/, '').slice(0, 128);
}

;// CONCATENATED MODULE: ./src/plan/plan-discard.ts





/**
 * Leaves the account as the plan found it: deletes the change set, or the whole stack when the
 * plan's own CREATE change set made it (an empty REVIEW_IN_PROGRESS stack holds nothing).
 */
async function discardPlan(planned, ctx) {
    if (!planned.changeSet)
        return;
    await discardQuietly({
        spec: planned.spec,
        changeSetId: planned.changeSet.id,
        stackId: planned.changeSet.stackId,
        createdReviewStack: planned.createdReviewStack,
    }, ctx);
}
async function discardQuietly(target, ctx) {
    try {
        await deleteChangeSet(ctx.cfn, target.changeSetId);
        if (!target.createdReviewStack)
            return;
        // Look again before deleting: another run may have joined or deployed this stack.
        const inUse = await reviewStackInUse(ctx.cfn, target.stackId);
        if (inUse) {
            ctx.log.info(`Stack ${target.spec.name} is left as it is: ${inUse}.`);
            return;
        }
        await deleteStack(ctx.cfn, { stackName: target.spec.name, stackId: target.stackId }, {
            clock: ctx.clock,
            log: ctx.log,
            ...operationBudget(ctx, target.spec.role),
            token: runScopedName('mwaa-deploy-cleanup', ctx, target.spec.role),
        });
    }
    catch (error) {
        if ((0,errors/* isAccessDeniedError */.sm)(error)) {
            // The bootstrap plan role may not delete stacks (policies/README.md): the empty review
            // stack holds no resource and the next plan or the first deploy reuses it.
            ctx.log.info(`Stack ${target.spec.name} is left in REVIEW_IN_PROGRESS (empty, no resources): this role may not delete stacks. The first deploy creates it.`);
            return;
        }
        ctx.log.warning(`Could not clean up the plan of stack ${target.spec.name}: ${error.message}`);
    }
}

// EXTERNAL MODULE: ./src/stacks/summary.ts
var summary = __webpack_require__(7853);
// EXTERNAL MODULE: ./src/plan/convert.ts
var convert = __webpack_require__(1432);
// EXTERNAL MODULE: ./src/templates/evaluate.ts + 1 modules
var evaluate = __webpack_require__(7225);
// EXTERNAL MODULE: ./src/templates/intrinsics.ts + 1 modules
var intrinsics = __webpack_require__(2411);
;// CONCATENATED MODULE: ./src/plan/plan-outputs.ts




/** A placeholder for a value only a resource has: `{{Ref:Id}}` or `{{GetAtt:Id.Attribute}}`. */
const PLACEHOLDER = /\{\{(?:Ref|GetAtt):([^.}]+)[^}]*\}\}/g;
/**
 * Each output's value with resource values left as placeholders, under the template's
 * conditions. An output whose expression cannot be evaluated offline is left out.
 */
function expressions(inputs) {
    const ctx = (0,evaluate/* createContext */.q6)(inputs.template, inputs.parameters, inputs.pseudo, {
        ref: (id) => `{{Ref:${id}}}`,
        getAtt: (id, attribute) => `{{GetAtt:${id}.${attribute}}}`,
    });
    const result = new Map();
    for (const key of (0,evaluate/* activeOutputs */.Xu)(inputs.template, ctx.conditions)) {
        try {
            const value = (0,intrinsics/* resolve */.h)(inputs.template.Outputs?.[key]?.Value, ctx);
            result.set(key, typeof value === 'string' ? value : JSON.stringify(value));
        }
        catch {
            // An intrinsic the offline evaluator does not know: say nothing rather than guess.
        }
    }
    return result;
}
/**
 * The outputs the change set will change, from the template's Outputs evaluated with the new
 * parameters, compared with the stack's current outputs. A value that needs a resource is
 * known now only when the same expression already is a deployed output (under the deployed
 * template and parameters) and the resource is neither new nor replaced; otherwise it is
 * "known after deploy".
 */
function outputChanges(next, deployed, changes) {
    const renewed = new Set(changes
        .filter((c) => c.action === 'Add' || (c.action === 'Modify' && c.replacement !== 'False'))
        .map((c) => c.logicalId));
    const current = deployed?.outputs ?? {};
    const known = new Map();
    if (deployed) {
        for (const [key, expression] of expressions(deployed)) {
            if (current[key] !== undefined)
                known.set(expression, current[key]);
        }
    }
    const result = [];
    const nextExpressions = expressions(next);
    for (const [key, expression] of nextExpressions) {
        const needs = [...expression.matchAll(PLACEHOLDER)].map((m) => m[1]);
        const value = needs.length === 0
            ? expression
            : needs.some((id) => renewed.has(id))
                ? undefined
                : known.get(expression);
        const before = current[key];
        const change = before === undefined ? 'add' : 'modify';
        if (value === undefined) {
            // A value that needs a new or replaced resource changes; one only unreadable now may not.
            if (before === undefined || needs.some((id) => renewed.has(id)))
                result.push({
                    key,
                    change,
                    ...(before !== undefined ? { before } : {}),
                    knownAfterDeploy: true,
                });
        }
        else if (value !== before) {
            result.push({ key, change, ...(before !== undefined ? { before } : {}), after: value });
        }
    }
    for (const [key, before] of Object.entries(current)) {
        if (!nextExpressions.has(key) && isGone(next, key))
            result.push({ key, change: 'remove', before });
    }
    return result;
}
/** True when the output is gone from the template (or its condition), not merely unevaluable. */
function isGone(next, key) {
    const ctx = (0,evaluate/* createContext */.q6)(next.template, next.parameters, next.pseudo);
    return !(0,evaluate/* activeOutputs */.Xu)(next.template, ctx.conditions).includes(key);
}
/**
 * The deployed side of outputChanges: the stack's template as deployed (GetTemplate, Original
 * stage), its parameters and outputs. Undefined for a stack without one.
 */
async function deployedOutputInputs(cfn, stack, pseudo) {
    if (!stack?.StackId)
        return undefined;
    let body;
    try {
        const out = await cfn.send(new dist_cjs/* GetTemplateCommand */._JK({ StackName: stack.StackId, TemplateStage: 'Original' }));
        body = out.TemplateBody;
    }
    catch (error) {
        throw (0,errors/* wrapAwsError */.AH)(`Could not read the deployed template of stack ${stack.StackName}`, error);
    }
    if (!body)
        return undefined;
    const parameters = {};
    for (const p of stack.Parameters ?? []) {
        if (p.ParameterKey)
            parameters[p.ParameterKey] = p.ResolvedValue ?? p.ParameterValue ?? '';
    }
    return { template: (0,cfn_yaml/* parseTemplate */.QC)(body), parameters, pseudo, outputs: (0,cfn_state/* outputsOf */.Yz)(stack) };
}
/**
 * The output changes of a computed change set, and a note when CloudFormation lists no resource
 * change but the change set still does something (it is executed: only a FAILED "didn't
 * contain changes" one means nothing to do). Reading the deployed template may be refused or
 * fail: the plan then says so and goes on.
 */
async function planOutputs(ctx, planned) {
    const pseudo = {
        region: ctx.settings.region,
        accountId: planned.accountId,
        stackName: planned.stackName,
        stackId: planned.stack?.StackId,
    };
    let outputs;
    const warnings = [];
    try {
        const deployed = await deployedOutputInputs(ctx.cfn, planned.stack, pseudo);
        const next = {
            template: (0,cfn_yaml/* parseTemplate */.QC)(planned.templateBody),
            parameters: planned.parameters,
            pseudo,
        };
        outputs = outputChanges(next, deployed, planned.changes);
    }
    catch (error) {
        warnings.push(`The outputs' changes could not be computed: ${error.message}`);
    }
    if (planned.changes.length === 0 && planned.stack) {
        const parts = [
            ...(outputs && outputs.length > 0
                ? [`outputs ${outputs.map((o) => `${o.key} (${o.change})`).join(', ')}`]
                : []),
            ...(planned.parameterKeysChanged.length > 0
                ? [`parameters ${planned.parameterKeysChanged.join(', ')}`]
                : []),
        ];
        warnings.push('CloudFormation lists no resource change, but the change set still changes the stack' +
            `${parts.length > 0 ? ` (${parts.join('; ')})` : ' (its tags or other stack settings)'}: deploy executes it.`);
    }
    return { outputs, warnings };
}

;// CONCATENATED MODULE: ./src/plan/plan-stack.ts










/**
 * Plans one stack. A stack busy with another operation is waited for first. States a change
 * set cannot be made from are errors with the way out, except ROLLBACK_COMPLETE when the user
 * opted in to recreating it.
 */
async function planStack(spec, ctx, known) {
    try {
        return await planOnce(spec, ctx, known);
    }
    catch (error) {
        // Another run executed a change set on the stack while this one was computed, which
        // deletes every other change set: plan once more from the stack as that run leaves it.
        if (!(0,errors/* isChangeSetMissingError */.pe)(error))
            throw error;
        ctx.log.info(`The change set of stack ${spec.name} was deleted while CloudFormation computed it (another run ` +
            `executed a change set on the stack): planning stack ${spec.name} again once it has settled.`);
        return planOnce(spec, ctx);
    }
}
async function planOnce(spec, ctx, known) {
    let state = known ?? (await (0,cfn_state/* readStackState */.So)(ctx.cfn, spec.name));
    if (state.kind === 'busy')
        state = await waitUntilSettled(spec, state, ctx);
    const warnings = [];
    switch (state.kind) {
        case 'update-rollback-failed':
            throw new Error(`Stack ${spec.name} is in UPDATE_ROLLBACK_FAILED: an update failed and so did its rollback. ` +
                `Run 'aws cloudformation continue-update-rollback --stack-name ${spec.name}' (add ` +
                '--resources-to-skip for resources that cannot roll back), wait for UPDATE_ROLLBACK_COMPLETE, then run again.');
        case 'failed':
            throw new Error(`Stack ${spec.name} is in ${state.status}${state.stack?.StackStatusReason ? ` (${state.stack.StackStatusReason})` : ''}. ` +
                'It cannot be updated; fix the cause and delete the stack (retained resources such as the bucket stay), then run again.');
        case 'paused':
            warnings.push(`The stack is in ${state.status}: a run with rollback disabled stopped at a failure and kept what it had made. ` +
                'This plan updates it from there (CloudFormation resumes). To return to the last working state instead, run ' +
                `'aws cloudformation rollback-stack --stack-name ${spec.name}' (a stack never created is deleted by it), then run again.`);
            break;
        case 'rollback-complete':
            if (!ctx.settings.recreateFailedStack) {
                throw new Error(`Stack ${spec.name} is in ROLLBACK_COMPLETE: an earlier create failed and the stack can only be deleted. ` +
                    'Set recreate-failed-stack: true to delete and recreate it, or delete it yourself.');
            }
            warnings.push('The stack is in ROLLBACK_COMPLETE from a failed create: deploy deletes and recreates it.');
            return templatePlan(spec, ctx, state, warnings, true);
    }
    if (spec.parameters.some((p) => p.value === undefined))
        return templatePlan(spec, ctx, state, warnings, false);
    const type = state.kind === 'healthy' || state.kind === 'paused' ? 'UPDATE' : 'CREATE';
    const name = runScopedName('mwaa-deploy', ctx, spec.role);
    const created = await createChangeSet(ctx.cfn, spec, {
        name,
        type,
        description: `mwaa-deploy plan of ${spec.role} stack for MWAA environment ${ctx.settings.environmentName} (${ctx.runLabel})`,
    });
    const createdReviewStack = state.kind === 'missing';
    let changeSet;
    try {
        changeSet = await waitForChangeSet(ctx.cfn, { id: created.id, name, stackName: spec.name, type }, {
            clock: ctx.clock,
            timeoutMs: operationBudget(ctx, spec.role).timeoutMs,
            signal: ctx.signal,
        });
    }
    catch (error) {
        await discardQuietly({ spec, changeSetId: created.id, stackId: created.stackId, createdReviewStack }, ctx);
        throw error;
    }
    const changes = changeSet.changes
        .map(convert/* toResourceChange */._s)
        .filter((c) => c !== undefined);
    const parameters = (0,convert/* parameterChanges */.xI)(spec.parameters, state.stack?.Parameters);
    const outputs = changeSet.noChanges
        ? { outputs: [], warnings: [] }
        : await planOutputs(ctx, {
            templateBody: spec.templateBody,
            stackName: spec.name,
            // Only a deployed stack has outputs and a template to compare with.
            stack: type === 'UPDATE' ? state.stack : undefined,
            accountId: accountOf(changeSet.stackId),
            parameters: Object.fromEntries(changeSet.parameters.map((p) => [p.key, p.value])),
            changes,
            parameterKeysChanged: parameters.filter((p) => p.before !== p.after).map((p) => p.key),
        });
    return {
        spec,
        state,
        changeSet,
        createdReviewStack,
        recreate: false,
        plan: {
            role: spec.role,
            stackName: spec.name,
            status: state.status,
            action: changeSet.noChanges ? 'none' : type === 'CREATE' ? 'create' : 'update',
            source: 'change-set',
            templateSource: spec.templateSource,
            parameters,
            changes,
            outputs: outputs.outputs,
            warnings: [...warnings, ...outputs.warnings],
        },
    };
}
/** The account of a CloudFormation ARN (arn:aws:cloudformation:REGION:ACCOUNT:...). */
function accountOf(arn) {
    return arn.split(':')[4] ?? '';
}
/**
 * The plan of a stack that cannot have a change set yet (or must not get one): every resource of
 * its template added.
 */
function templatePlan(spec, ctx, state, warnings, recreate) {
    const { resources } = (0,summary/* summarizeStack */.eV)(spec, ctx.settings);
    return {
        spec,
        state,
        createdReviewStack: false,
        recreate,
        plan: {
            role: spec.role,
            stackName: spec.name,
            status: state.status,
            action: 'create',
            source: 'template',
            templateSource: spec.templateSource,
            parameters: (0,convert/* parameterChanges */.xI)(spec.parameters, recreate ? undefined : state.stack?.Parameters),
            changes: (0,convert/* additionsFrom */.K$)(resources),
            warnings,
        },
    };
}
/**
 * Waits for another operation on the stack to end (bounded by the stack's operation budget),
 * logging each status it passes through with the time waited, and returns the settled state.
 */
async function waitUntilSettled(spec, state, ctx) {
    const { name } = spec;
    const { timeoutMs, timeoutInput } = operationBudget(ctx, spec.role);
    ctx.log.info(`Stack ${name} is busy (${state.status}); waiting for that operation to finish.`);
    const started = ctx.clock.now();
    let last = state.status;
    try {
        return await pollUntil(async () => {
            const now = await (0,cfn_state/* readStackState */.So)(ctx.cfn, name);
            if (now.status !== last) {
                const waited = Math.round((ctx.clock.now() - started) / 1000);
                ctx.log.info(`Stack ${name}: ${now.status} after ${waited} s of waiting.`);
                last = now.status;
            }
            return now.kind === 'busy' ? undefined : now;
        }, {
            clock: ctx.clock,
            timeoutMs,
            what: `the running operation on stack ${name} to finish`,
            signal: ctx.signal,
        });
    }
    catch (error) {
        if (!(error instanceof PollTimeoutError))
            throw error;
        throw new Error(`${error.message}: it is still ${last} and keeps running in AWS. Run again once it has ` +
            `finished, or raise ${timeoutInput} to wait longer.`, { cause: error });
    }
}

;// CONCATENATED MODULE: ./src/deploy/plan-again.ts

/**
 * A stack planned again during a deploy, with values known only now (the stacks before it
 * deployed, the code's uploaded versions): its first change set is discarded, the fresh one
 * takes its place among the `pending` ones (discarded by the caller if anything fails), and
 * keeps the drift found before, so the gate judges the fresh change set with it. `plan` makes
 * the fresh plan (the environment stage runs its pre-checks with it).
 */
async function planAgain(first, spec, ctx, pending, plan = planStack) {
    await discardPlan(first, ctx);
    pending.delete(first);
    const fresh = await plan(spec, ctx);
    const drift = first.plan.drift;
    const planned = drift ? { ...fresh, plan: { ...fresh.plan, drift } } : fresh;
    pending.add(planned);
    return planned;
}

// EXTERNAL MODULE: ./src/stacks/specs.ts
var specs = __webpack_require__(5821);
// EXTERNAL MODULE: ./src/plan/analysis-additions.ts
var analysis_additions = __webpack_require__(4841);
// EXTERNAL MODULE: ./src/settings/network.ts + 2 modules
var network = __webpack_require__(1835);
;// CONCATENATED MODULE: ./src/code/environment-parameters.ts
const FILES = [
    ['requirements', 'RequirementsS3Path', 'RequirementsS3ObjectVersion', 'requirementsVersion'],
    ['plugins', 'PluginsS3Path', 'PluginsS3ObjectVersion', 'pluginsVersion'],
    ['startupScript', 'StartupScriptS3Path', 'StartupScriptS3ObjectVersion', 'startupScriptVersion'],
];
/** After the sync: each set file's key and its version in the bucket now. */
function environmentCodeAfterSync(plan, synced) {
    const values = {};
    for (const [file, path, version, field] of FILES) {
        const planned = plan[file];
        if (!planned)
            continue;
        values[path] = planned.key;
        const v = synced.versions[field];
        if (v)
            values[version] = v;
    }
    return values;
}
/**
 * At plan time: an unchanged file keeps its current version (a known value, so the environment
 * does not update for it); a new or changed file's version exists only after the upload, so the
 * environment stack's plan shows it as known after deploy ("the environment will update").
 */
function environmentCodeAtPlan(plan) {
    const values = {};
    const knownAfterDeploy = {};
    for (const [file, path, version] of FILES) {
        const planned = plan[file];
        if (!planned)
            continue;
        values[path] = planned.key;
        if (planned.status === 'unchanged' && planned.currentVersion) {
            values[version] = planned.currentVersion;
        }
        else {
            knownAfterDeploy[version] =
                `the new version of ${planned.key}${planned.currentVersion ? ` (now ${planned.currentVersion})` : ''}, uploaded by this deploy`;
        }
    }
    return { values, knownAfterDeploy };
}

// EXTERNAL MODULE: ./src/plan/analysis-prechecks.ts
var analysis_prechecks = __webpack_require__(1352);
// EXTERNAL MODULE: ./src/stacks/environment-spec.ts
var environment_spec = __webpack_require__(3738);
// EXTERNAL MODULE: ./src/environment/plan-warnings.ts
var plan_warnings = __webpack_require__(2838);
;// CONCATENATED MODULE: ./src/environment/plan.ts
/**
 * Planning the environment stack: from the deployed VPC and prerequisite stacks' outputs when
 * both exist (a real change set), otherwise from the template with those values known after
 * deploy; with the "will it create?" pre-checks of an environment the plan creates or updates.
 */






/** True when these settings and templates include the environment stack. */
function environmentEnabled(ctx, templates) {
    return ctx.settings.environment !== undefined && templates.environment !== undefined;
}
/**
 * Plans the environment stack; `vpcOutputs` are the VPC stack's when it is deployed. The
 * prerequisite stack's outputs are read here (undefined while it is not deployed). With code
 * inputs, `planCode` plans the code against that stack's bucket first, and its object versions
 * become the environment's code parameters (a changed file's version is known after deploy).
 */
async function planEnvironment(ctx, templates, context, planCode) {
    let prerequisiteOutputs = context.prerequisiteOutputs;
    if (prerequisiteOutputs === undefined && (context.vpcOutputs !== undefined || planCode)) {
        const state = await (0,cfn_state/* readStackState */.So)(ctx.cfn, ctx.settings.stacks.prerequisites.name);
        if (state.kind === 'healthy')
            prerequisiteOutputs = (0,cfn_state/* outputsOf */.Yz)(state.stack);
    }
    const code = planCode && environmentCodeAtPlan(await planCode(prerequisiteOutputs));
    const current = await (0,cfn_state/* readStackState */.So)(ctx.cfn, environmentStackName(ctx));
    const spec = (0,environment_spec/* environmentStackSpec */.t_)(ctx.settings, templates.environment ?? '', {
        ...context,
        prerequisiteOutputs,
        environmentCodeKept: (0,environment_spec/* currentCodeParameters */.f0)(current.stack?.Parameters),
        ...(code && { environmentCode: code.values, environmentCodePending: code.knownAfterDeploy }),
    });
    return planEnvironmentStack(spec, ctx, { accountId: context.accountId, vpcOutputs: context.vpcOutputs, prerequisiteOutputs }, current);
}
/**
 * Plans the environment stack from `spec` with the pre-checks. A stack about to be created is
 * checked first: when a pre-check stops it, it is shown from its template and no change set is
 * made (CreateChangeSet alone would leave the stack in REVIEW_IN_PROGRESS). An existing stack
 * is checked when its change set creates, replaces or updates the environment. Also used when
 * the deploy plans the stack again with the outputs of the stacks it has just deployed.
 */
async function planEnvironmentStack(spec, ctx, known, state) {
    const clients = ctx.environment?.read;
    if (clients === undefined)
        return planStack(spec, ctx, state);
    const current = state ?? (await (0,cfn_state/* readStackState */.So)(ctx.cfn, spec.name));
    if (current.kind === 'missing' || current.kind === 'review') {
        const outcome = await runPrechecks(ctx, clients, known);
        if (stops(ctx, outcome.failed)) {
            return withPrechecks(templatePlan(spec, ctx, current, [], false), outcome);
        }
        return withPrechecks(await planStack(spec, ctx, current), outcome);
    }
    const planned = await planStack(spec, ctx, current);
    if (!touchesEnvironment(planned.plan))
        return planned;
    return withPrechecks(planned, await runPrechecks(ctx, clients, known));
}
/**
 * The pre-checks, loaded only when a plan needs them: they bring the S3 and KMS readers, which a
 * plan that neither creates nor touches an environment never calls; imported statically they
 * were compiled by every plan and cost it peak RSS (BENCHMARKS.md, issue 13).
 */
async function runPrechecks(ctx, clients, known) {
    const { environmentPrechecks } = await Promise.all(/* import() */[__webpack_require__.e(328), __webpack_require__.e(9)]).then(__webpack_require__.bind(__webpack_require__, 9));
    return environmentPrechecks(ctx, clients, known);
}
/** True when a failed pre-check is not one allow-failed-prechecks accepts. */
function stops(ctx, failed) {
    return failed.some((p) => !(0,analysis_prechecks/* precheckAllowed */.cI)(p, ctx.settings.allowFailedPrechecks));
}
/** The plan creates the stack, or adds or modifies its environment. */
function touchesEnvironment(plan) {
    return (plan.action === 'create' ||
        plan.changes.some((c) => c.type === plan_warnings/* ENVIRONMENT_TYPE */.tJ && (c.action === 'Add' || c.action === 'Modify')));
}
function withPrechecks(planned, outcome) {
    if (outcome.failed.length === 0 && outcome.notes.length === 0)
        return planned;
    return {
        ...planned,
        plan: {
            ...planned.plan,
            warnings: [...planned.plan.warnings, ...outcome.notes],
            ...(outcome.failed.length > 0 && { failedPrechecks: outcome.failed }),
        },
    };
}
/** The environment stack's name (its settings exist whenever the environment is enabled). */
function environmentStackName(ctx) {
    const stack = ctx.settings.stacks.environment;
    if (!stack)
        throw new Error('deploy-environment is off: there is no environment stack.');
    return stack.name;
}

;// CONCATENATED MODULE: ./src/plan/plan.ts








/**
 * Plans both stacks (and the environment stack when enabled). When the VPC stack exists its
 * outputs feed the prerequisite stack, and they are planned concurrently; when it does not, the
 * prerequisite stack is planned from its template alone, its VPC-dependent values "known after
 * deploy". With an environment stack and code inputs, the code is planned first for the
 * environment's object versions, and the plan carries it (addCodePlan then keeps it).
 */
async function planBoth(ctx, templates, accountId, code) {
    const { settings } = ctx;
    const vpcSpec = (0,specs/* vpcStackSpec */.fc)(settings, templates.vpc);
    let vpcState = await (0,cfn_state/* readStackState */.So)(ctx.cfn, vpcSpec.name);
    // The VPC's outputs feed the prerequisite stack: a busy VPC stack (a deploy cancelled or timed
    // out a moment ago) is waited for, not read as if it had none.
    if (vpcState.kind === 'busy')
        vpcState = await waitUntilSettled(vpcSpec, vpcState, ctx);
    const vpcOutputs = vpcState.kind === 'healthy' ? (0,cfn_state/* outputsOf */.Yz)(vpcState.stack) : undefined;
    const prereqSpec = (0,specs/* prerequisiteStackSpec */.uH)(settings, templates.prerequisites, {
        accountId,
        vpcOutputs,
    });
    const planning = [planStack(vpcSpec, ctx, vpcState), planStack(prereqSpec, ctx)];
    let codePlan;
    if (environmentEnabled(ctx, templates)) {
        const planCode = code &&
            (async (outputs) => (codePlan = await code.plan(outputs)));
        planning.push(planEnvironment(ctx, templates, { accountId, vpcOutputs }, planCode));
    }
    const results = await Promise.allSettled(planning);
    const rejected = results.find((r) => r.status === 'rejected');
    if (rejected) {
        // One stack failed to plan: do not leave the others' change sets behind.
        for (const r of results)
            if (r.status === 'fulfilled')
                await discardPlan(r.value, ctx);
        throw rejected.reason;
    }
    // Added resources as the template will create them, where CloudFormation gave no values.
    const complete = (s) => ({
        ...s,
        plan: (0,analysis_additions/* withTemplateContexts */.VL)(s.plan, {
            templateBody: s.spec.templateBody,
            stackName: s.spec.name,
            region: settings.region,
            accountId,
            parameters: s.spec.parameters,
        }),
    });
    const stacks = results.map((r) => complete(r.value));
    const [, prereq, environment] = stacks;
    const derived = (0,network/* derivedSubnetsNote */.W)(settings.network);
    const warnings = derived ? [derived] : [];
    if (prereq.plan.source === 'template' && !prereq.recreate && !vpcOutputs) {
        warnings.push(`${vpcStateNote(vpcSpec.name, vpcState)}, so the prerequisite stack is shown from its template: ` +
            'values that come from the VPC are known after deploy.');
    }
    if (environment?.plan.source === 'template' && !environment.recreate) {
        warnings.push('The VPC or prerequisite stack does not exist yet, so the environment stack is shown from its template: ' +
            'values that come from them are known after deploy.');
    }
    const plan = {
        version: model/* PLAN_MODEL_VERSION */.Z,
        environmentName: settings.environmentName,
        region: settings.region,
        accountId,
        createdAt: new Date(ctx.clock.now()).toISOString(),
        keyMode: settings.keyMode,
        stacks: stacks.map((s) => s.plan),
        warnings,
        ...(codePlan && { code: codePlan }),
    };
    // What the plan means for an existing environment (restart, replacement by a key-mode switch).
    return { stacks, plan: { ...plan, warnings: [...(0,plan_warnings/* environmentNotes */.h5)(plan), ...warnings] } };
}
/** Discards every change set of a plan (and the review stacks it created). Never throws. */
async function discardRun(run, ctx) {
    await Promise.all(run.stacks.map((s) => discardPlan(s, ctx)));
}
/** Why the VPC stack gives no outputs yet, by its state: an existing stack is never "missing". */
function vpcStateNote(name, state) {
    if (state.kind === 'missing')
        return `The VPC stack ${name} does not exist yet`;
    if (state.kind === 'review') {
        return `The VPC stack ${name} exists only as a change set under review (REVIEW_IN_PROGRESS)`;
    }
    return `The VPC stack ${name} is in ${state.status} and gives no outputs until it is deployed again`;
}

// EXTERNAL MODULE: ./src/stacks/wiring.ts
var wiring = __webpack_require__(2563);
;// CONCATENATED MODULE: ./src/deploy/apply-stack.ts







/**
 * Brings one planned stack to its planned state: recreate a ROLLBACK_COMPLETE stack when the
 * user opted in, execute the change set when it has changes, otherwise delete the empty change
 * set and leave the stack alone. Turns termination protection on whenever it is off.
 */
async function applyStack(planned, ctx, 
/** The gate: sees the plan of the change set about to execute, and throws to stop it. */
admit) {
    // One log group per stack (collapsible in the Actions log): its operation and its events.
    return ctx.log.group(`Stack ${planned.spec.name}`, () => applyInGroup(planned, ctx, admit));
}
async function applyInGroup(planned, ctx, admit) {
    const wait = {
        clock: ctx.clock,
        log: ctx.log,
        ...operationBudget(ctx, planned.spec.role),
        signal: ctx.signal,
    };
    const name = planned.spec.name;
    if (planned.recreate) {
        ctx.log.info(`Deleting stack ${name} (ROLLBACK_COMPLETE) to recreate it, as recreate-failed-stack asks.`);
        await deleteStack(ctx.cfn, { stackName: name, stackId: planned.state.stack?.StackId }, {
            ...wait,
            token: runScopedName('mwaa-deploy-delete', ctx, planned.spec.role),
        });
        planned = await planStack(planned.spec, ctx);
    }
    const changeSet = planned.changeSet;
    if (!changeSet)
        throw new Error(`Stack ${name} has no change set to execute.`);
    admit(planned.plan);
    if (changeSet.noChanges) {
        await deleteChangeSet(ctx.cfn, changeSet.id);
        ctx.log.info(`Stack ${name}: no changes.`);
        // An empty change set changes nothing: the stack read when planning is still current.
        const stack = planned.state.stack ?? (await (0,cfn_state/* readStackState */.So)(ctx.cfn, name)).stack;
        await protect(ctx, name, stack);
        return { stackName: name, result: 'unchanged', stack };
    }
    await requireExecutable(ctx.cfn, { id: changeSet.id, stackName: name });
    ctx.log.info(`Executing change set ${changeSet.name} on stack ${name} (${changeSet.changes.length} changes).`);
    const stack = await executeChangeSet(ctx.cfn, {
        id: changeSet.id,
        stackName: name,
        stackId: changeSet.stackId,
        totalResources: changeSet.changes.length,
    }, { ...wait, token: runScopedName('mwaa-deploy-exec', ctx, planned.spec.role) });
    const created = changeSet.type === 'CREATE';
    await protect(ctx, name, stack);
    return { stackName: name, result: created ? 'created' : 'updated', stack };
}
/**
 * Turns termination protection on when the settings ask for it and the stack lacks it: in every
 * deploy, so a stack created before the setting (or whose earlier protection call failed) gets
 * it too. Never turns it off.
 */
async function protect(ctx, name, stack) {
    if (!ctx.settings.terminationProtection || stack?.EnableTerminationProtection === true)
        return;
    try {
        await ctx.cfn.send(new dist_cjs/* UpdateTerminationProtectionCommand */.mP2({
            StackName: name,
            EnableTerminationProtection: true,
        }));
    }
    catch (error) {
        throw (0,errors/* wrapAwsError */.AH)(`Stack ${name} is deployed, but turning termination protection on failed (the next deploy tries again)`, error);
    }
}

// EXTERNAL MODULE: ./src/shared/errors.ts
var shared_errors = __webpack_require__(8382);
// EXTERNAL MODULE: ./src/environment/mwaa-api.ts
var mwaa_api = __webpack_require__(9298);
;// CONCATENATED MODULE: ./src/environment/apply.ts
/**
 * Deploying the environment stack: CloudFormation waits 20 to 40 minutes for a new environment
 * (10 to 30 for an update), so the environment's own status (GetEnvironment) is logged while it
 * waits, MWAA's `LastUpdate.Error` is put beside CloudFormation's event on failure, and success
 * is this update's `LastUpdate.Status` SUCCESS: an environment reads AVAILABLE again after a
 * failed update that MWAA rolled back.
 */




/** Clocks disagree a little: an update this much older than our start still counts as ours. */
const apply_CLOCK_SKEW_MS = 60_000;
/** The watcher polls at least this often, and at most every 2 minutes. */
const WATCH = { minMs: 1_000, maxMs: 120_000, fraction: 0.1 };
/** Raised when the environment did not end where the deploy meant it to. */
class EnvironmentDeployError extends Error {
}
/**
 * Applies the planned environment stack (as {@link applyStack} does) while logging the
 * environment's status; adds MWAA's root cause to a failure, and fails a "successful" stack
 * operation whose environment update did not succeed.
 */
async function applyEnvironmentStack(planned, ctx, mwaa, admit) {
    const name = ctx.settings.environmentName;
    const startedAt = ctx.clock.now();
    const watcher = watchEnvironment(name, ctx, mwaa, startedAt);
    let applied;
    try {
        applied = await applyStack(planned, ctx, admit);
    }
    catch (error) {
        await watcher.stop();
        throw await explainFailure(error, name, mwaa, watcher.lastSeen());
    }
    await watcher.stop();
    if (applied.result === 'unchanged')
        return applied;
    const environment = await mwaa.getEnvironment(name);
    const problem = outcomeProblem(environment, startedAt);
    if (problem !== undefined) {
        throw new EnvironmentDeployError(`Stack ${applied.stackName} ${applied.result === 'created' ? 'was created' : 'was updated'}, but ${problem}`);
    }
    ctx.log.info(`MWAA environment ${name} is AVAILABLE; its last update succeeded.`);
    return applied;
}
/**
 * The stack's error with the environment's side of it: MWAA's root cause (LastUpdate.Error) when
 * there is one, and on a timeout always the environment's status, so the step says what is still
 * going on in AWS. Any other error without an MWAA cause is returned as it is.
 */
async function explainFailure(error, name, mwaa, lastSeen) {
    let unreadable = false;
    const now = await mwaa.getEnvironment(name).catch(() => {
        unreadable = true;
        return undefined;
    });
    // CloudFormation's rollback may already have deleted a failed environment: then the error
    // the watcher saw while it existed is all there is.
    const environment = (0,mwaa_api/* lastUpdateError */.Uk)(now) !== undefined ? now : (lastSeen ?? now);
    const cause = (0,mwaa_api/* lastUpdateError */.Uk)(environment);
    const timedOut = error instanceof StackOperationError && error.status === 'TIMEOUT';
    if (cause === undefined && !timedOut)
        return error;
    // A failed create is deleted by CloudFormation's rollback (MWAA takes ~20 minutes to do it):
    // say the environment is gone rather than quote the last status the watcher saw.
    const state = unreadable
        ? `could not be read (last seen ${lastSeen?.Status ?? 'never'})`
        : now !== undefined
            ? `is ${now.Status ?? 'in no state'}`
            : lastSeen !== undefined
                ? 'was deleted by the rollback'
                : 'does not exist yet';
    const last = cause === undefined
        ? 'no error from MWAA so far'
        : `its last update ${environment?.LastUpdate?.Status ?? 'failed'}: ${cause}`;
    return new EnvironmentDeployError(`${(0,shared_errors/* errorMessage */.g)(error)}\nMWAA environment ${name} ${state}; ${last}`, { cause: error });
}
/** Why the environment did not end AVAILABLE with this update's LastUpdate SUCCESS, if it did not. */
function outcomeProblem(environment, startedAt) {
    if (environment === undefined)
        return 'the MWAA environment does not exist.';
    const last = environment.LastUpdate;
    const lastAt = (last?.CreatedAt ?? 0) * 1000;
    const ours = last !== undefined && lastAt >= startedAt - apply_CLOCK_SKEW_MS;
    if (ours && last.Status !== 'SUCCESS') {
        const cause = (0,mwaa_api/* lastUpdateError */.Uk)(environment) ?? 'no error given';
        return `the environment's last update ended ${last.Status ?? 'without a status'} (${cause}); it reads ${environment.Status ?? 'no status'}.`;
    }
    if (environment.Status !== 'AVAILABLE') {
        return `the MWAA environment is ${environment.Status ?? 'in no state'}, not AVAILABLE${(0,mwaa_api/* lastUpdateError */.Uk)(environment) ? ` (${(0,mwaa_api/* lastUpdateError */.Uk)(environment)})` : ''}.`;
    }
    return undefined;
}
/**
 * Logs the environment's status each time it changes (with the minutes waited), until stopped.
 * A failing GetEnvironment is logged once and never fails the deploy: CloudFormation's wait
 * decides the outcome; this only explains it.
 */
function watchEnvironment(name, ctx, mwaa, startedAt) {
    const stopper = new AbortController();
    let last = '';
    let seen;
    let warned = false;
    const loop = (async () => {
        while (!stopper.signal.aborted && !ctx.signal?.aborted) {
            try {
                const environment = await mwaa.getEnvironment(name);
                if (environment)
                    seen = environment;
                // Gone after it was seen: deleted (a failed create's rollback), MWAA's DELETED.
                const status = environment?.Status ?? (seen ? 'DELETED' : 'NOT_CREATED_YET');
                if (status !== last) {
                    const minutes = Math.floor((ctx.clock.now() - startedAt) / 60_000);
                    const failed = environment?.LastUpdate?.Status === 'FAILED' ? (0,mwaa_api/* lastUpdateError */.Uk)(environment) : undefined;
                    ctx.log.info(`MWAA environment ${name}: ${status} (${minutes} min)${failed ? `; last update FAILED: ${failed}` : ''}`);
                    last = status;
                }
            }
            catch (error) {
                if (!warned)
                    ctx.log.warning(`Could not read MWAA environment ${name}: ${(0,shared_errors/* errorMessage */.g)(error)}`);
                warned = true;
            }
            const elapsed = ctx.clock.now() - startedAt;
            const delay = Math.min(WATCH.maxMs, Math.max(WATCH.minMs, elapsed * WATCH.fraction));
            await ctx.clock.sleep(delay, stopper.signal).catch(() => undefined);
        }
    })();
    return {
        lastSeen: () => seen,
        stop: async () => {
            stopper.abort();
            await loop;
        },
    };
}

;// CONCATENATED MODULE: ./src/environment/deploy.ts
/**
 * The environment stack's turn in a deploy, after the prerequisite stack: planned again when
 * the other stacks' outputs were not known at plan time (or changed), then applied while the
 * environment's own status is watched.
 */





/**
 * Applies the environment stack with the deployed stacks' outputs. `pending` holds the change
 * sets not yet executed, which the caller discards if anything fails; `admit` is the gate each
 * change set passes before it executes.
 */
async function deployEnvironment(first, ctx, templates, context, deploy) {
    const { pending, admit } = deploy;
    const spec = (0,environment_spec/* environmentStackSpec */.t_)(ctx.settings, templates.environment ?? '', {
        environmentCodeKept: (0,environment_spec/* currentCodeParameters */.f0)(first.state.stack?.Parameters),
        ...context,
    });
    let planned = first;
    if (planned.recreate) {
        planned = { ...planned, spec };
    }
    else if (!sameValues(planned, spec.parameters)) {
        ctx.log.info(`Planning stack ${spec.name} again with the other stacks' outputs and the code's versions.`);
        // With the outputs known now, the pre-checks run in full before the change set is made.
        planned = await planAgain(planned, spec, ctx, pending, (s, c) => planEnvironmentStack(s, c, context));
    }
    // Admitted while still pending (a refused change set is discarded by the caller).
    admit(planned.plan);
    pending.delete(planned);
    const mwaa = ctx.environment?.mwaa;
    return mwaa ? applyEnvironmentStack(planned, ctx, mwaa, admit) : applyStack(planned, ctx, admit);
}
/** True when the planned change set was made with exactly these parameter values. */
function sameValues(planned, fresh) {
    if (planned.plan.source !== 'change-set')
        return false;
    const before = new Map(planned.spec.parameters.map((p) => [p.key, p.value]));
    return (fresh.length === planned.spec.parameters.length &&
        fresh.every((p) => p.value !== undefined && before.get(p.key) === p.value));
}

;// CONCATENATED MODULE: ./src/drift/server-errors.ts
/** Attempts of a drift call answered with a server error, the first one included. */
const DRIFT_SERVER_ERROR_ATTEMPTS = 2;
/** Throttling answers (some come as 5xx) are left to the client's retry strategy. */
const THROTTLING = /^(Throttling|ThrottlingException|TooManyRequestsException|RequestLimitExceeded)$/;
/**
 * A server error after the last attempt: without a status in `$metadata` or a cause, the SDK's
 * retry strategy counts it a client error and does not retry it.
 */
class DriftServerError extends Error {
    name = 'DriftServerError';
}
/**
 * Adds to `command` (its own middleware stack, not the client's) a step inside the SDK's retry
 * loop that counts the 5xx answers and, at the {@link DRIFT_SERVER_ERROR_ATTEMPTS}th, throws a
 * {@link DriftServerError} the retry strategy sees as a client error, so it stops there.
 */
function fewServerErrorRetries(command) {
    let serverErrors = 0;
    const action = command.constructor.name.replace(/Command$/, '');
    command.middlewareStack.add((next) => async (args) => {
        try {
            return await next(args);
        }
        catch (error) {
            const e = error;
            const status = e.$metadata?.httpStatusCode ?? 0;
            if (status < 500 || THROTTLING.test(e.name ?? ''))
                throw error;
            serverErrors += 1;
            if (serverErrors < DRIFT_SERVER_ERROR_ATTEMPTS)
                throw error;
            // No `cause`: the SDK's retry strategy looks into causes, and a 5xx one reads as transient.
            // A body that is not an AWS error document (moto's HTML page) leaves the name `Error`.
            const code = e.name && e.name !== 'Error' ? e.name : 'no AWS error code';
            throw new DriftServerError(`CloudFormation answered ${action} with HTTP ${status} (${code}) ${serverErrors} times`);
        }
    }, 
    // Below the retry middleware (priority high in the same step), so inside its loop.
    { step: 'finalizeRequest', priority: 'low', name: 'mwaaDriftServerErrors' });
    return command;
}

;// CONCATENATED MODULE: ./src/drift/detect.ts
/**
 * Drift detection: what changed in AWS outside CloudFormation since the last deploy (a
 * statement added to the execution role by hand, an ingress rule added in the console). A
 * deploy reverts it, so the plan shows it. Detection is asynchronous and can take a minute on
 * real stacks; it is bounded by the caller's timeout, and whatever stops it (not permitted,
 * timed out, a stack in a state that cannot be checked) becomes one line, never a failure.
 */





/** Permission errors in each wording CloudFormation and IAM use. */
const NOT_PERMITTED = /^(AccessDenied|AccessDeniedException|UnauthorizedOperation)$/;
function toDrifted(d) {
    return {
        logicalId: d.LogicalResourceId ?? '',
        ...(d.PhysicalResourceId ? { physicalId: d.PhysicalResourceId } : {}),
        type: d.ResourceType ?? 'Unknown',
        status: d.StackResourceDriftStatus === 'DELETED' ? 'DELETED' : 'MODIFIED',
        differences: (d.PropertyDifferences ?? []).map((p) => ({
            path: p.PropertyPath ?? '',
            ...(p.ExpectedValue !== undefined ? { expected: p.ExpectedValue } : {}),
            ...(p.ActualValue !== undefined ? { actual: p.ActualValue } : {}),
            kind: p.DifferenceType ?? 'NOT_EQUAL',
        })),
    };
}
async function driftedResources(cfn, stackName) {
    const out = [];
    let token;
    do {
        const page = await cfn.send(fewServerErrorRetries(new dist_cjs/* DescribeStackResourceDriftsCommand */.Bkw({
            StackName: stackName,
            StackResourceDriftStatusFilters: ['MODIFIED', 'DELETED'],
            MaxResults: 100,
            NextToken: token,
        })));
        out.push(...(page.StackResourceDrifts ?? []).map(toDrifted));
        token = page.NextToken;
    } while (token);
    return out;
}
/**
 * Runs drift detection on one existing stack and returns what drifted, or why it could not
 * say. Only cancellation is thrown.
 */
async function detectStackDrift(cfn, stackName, options) {
    const seconds = Math.round(options.timeoutMs / 1000);
    try {
        const { StackDriftDetectionId: id } = await cfn.send(fewServerErrorRetries(new dist_cjs/* DetectStackDriftCommand */._9b({ StackName: stackName })));
        const status = await pollUntil(async () => {
            const s = await cfn.send(fewServerErrorRetries(new dist_cjs/* DescribeStackDriftDetectionStatusCommand */.Hb8({ StackDriftDetectionId: id })));
            return s.DetectionStatus === 'DETECTION_IN_PROGRESS' ? undefined : s;
        }, {
            clock: options.clock,
            timeoutMs: options.timeoutMs,
            what: `drift detection on stack ${stackName}`,
            ...(options.signal ? { signal: options.signal } : {}),
        });
        // DETECTION_FAILED still reports the resources it could check (others were not supported).
        if (status.DetectionStatus === 'DETECTION_FAILED' && status.StackDriftStatus !== 'DRIFTED') {
            return {
                status: 'unavailable',
                reason: `drift detection failed${status.DetectionStatusReason ? `: ${status.DetectionStatusReason}` : ''}`,
            };
        }
        if (status.StackDriftStatus === 'IN_SYNC')
            return { status: 'checked', drifted: [] };
        return { status: 'checked', drifted: await driftedResources(cfn, stackName) };
    }
    catch (error) {
        if (options.signal?.aborted)
            throw error;
        if (error instanceof PollTimeoutError) {
            return {
                status: 'unavailable',
                reason: `drift detection did not finish within ${seconds} s (drift-timeout-seconds)`,
            };
        }
        if (NOT_PERMITTED.test((0,errors/* awsErrorName */.ZH)(error))) {
            return {
                status: 'unavailable',
                reason: 'drift detection is not permitted for this role (it needs cloudformation:DetectStackDrift, ' +
                    'DescribeStackDriftDetectionStatus, DescribeStackResourceDrifts and read access to the resources)',
            };
        }
        return { status: 'unavailable', reason: `drift detection failed: ${(0,shared_errors/* errorMessage */.g)(error)}` };
    }
}

;// CONCATENATED MODULE: ./src/drift/plan.ts

/** The run with each existing stack's drift; unchanged when drift detection is off. */
async function withDrift(run, ctx) {
    const seconds = ctx.settings.driftTimeoutSeconds;
    if (seconds === 0)
        return run;
    const found = await Promise.all(run.stacks.map(async (s) => {
        // A stack that does not exist yet (or only as this plan's review stack) has nothing to drift.
        if (s.state.kind !== 'healthy' || s.recreate)
            return undefined;
        const drift = await detectStackDrift(ctx.cfn, s.spec.name, {
            clock: ctx.clock,
            timeoutMs: seconds * 1000,
            ...(ctx.signal ? { signal: ctx.signal } : {}),
        });
        if (drift.status === 'unavailable') {
            ctx.log.warning(`Stack ${s.spec.name}: ${drift.reason}; the plan goes on without it.`);
        }
        else if (drift.drifted.length > 0) {
            ctx.log.warning(`Stack ${s.spec.name}: ${drift.drifted.length} resource(s) changed outside CloudFormation (${drift.drifted
                .map((d) => d.logicalId)
                .join(', ')}); a deploy reverts drift on the resources it updates.`);
        }
        return drift;
    }));
    const stacks = run.stacks.map((s, i) => {
        const drift = found[i];
        return drift ? { ...s, plan: { ...s.plan, drift } } : s;
    });
    return { stacks, plan: { ...run.plan, stacks: stacks.map((s) => s.plan) } };
}

;// CONCATENATED MODULE: ./src/deploy/deploy.ts












/**
 * Deploys in order: plan the stacks, pass the plan through the gate, execute the VPC stack's
 * change set, read its outputs, then plan again (if the VPC's outputs were not known or
 * changed) and execute the prerequisite stack; sync the code; then, with deploy-environment,
 * the environment stack the same way (planned again with both stacks' outputs and the code's
 * object versions). Each change set passes the gate just before it executes, so one planned
 * again here cannot do more than the plan that was admitted.
 */
async function deployBoth(ctx, templates, accountId, options = {}) {
    const gate = options.gate ?? new ChangeSetGate({ settings: ctx.settings, templates, log: ctx.log });
    const admit = (plan) => gate.admitChangeSet(plan);
    const planned = await planBoth(ctx, templates, accountId, options.code);
    const pending = new Set(planned.stacks);
    try {
        // What changed outside CloudFormation, which this deploy is about to revert.
        // With code inputs, the plan also holds the code compared with the bucket.
        const run = await (0,add_plan/* addCodePlan */.sC)(await withDrift(planned, ctx), options.code);
        await options.onPlan?.(run);
        await gate.admitPlan(run.plan);
        options.code?.assertSafe();
        const [vpcPlanned, firstPrereq, firstEnvironment] = run.stacks;
        // The same change sets, now carrying the drift: the ones to discard on failure.
        pending.clear();
        for (const s of run.stacks)
            pending.add(s);
        // Admitted here while the change set is still pending (a refused one is discarded below),
        // and again by applyStack with the change set it executes (a recreated stack's is new).
        admit(vpcPlanned.plan);
        pending.delete(vpcPlanned);
        const vpc = await applyStack(vpcPlanned, ctx, admit);
        const vpcOutputs = (0,cfn_state/* outputsOf */.Yz)(vpc.stack);
        const spec = (0,specs/* prerequisiteStackSpec */.uH)(ctx.settings, templates.prerequisites, {
            accountId,
            vpcOutputs,
        });
        let prereq = firstPrereq;
        if (prereq.recreate) {
            prereq = { ...prereq, spec };
        }
        else if (!sameParameters(prereq, spec.parameters)) {
            ctx.log.info(`Planning stack ${spec.name} again with the VPC stack's outputs.`);
            prereq = await planAgain(prereq, spec, ctx, pending);
        }
        admit(prereq.plan);
        pending.delete(prereq);
        const prerequisites = await applyStack(prereq, ctx, admit);
        const prerequisiteOutputs = (0,cfn_state/* outputsOf */.Yz)(prerequisites.stack);
        // The bucket exists now; the environment stack (next) takes the code's object versions.
        const startedAt = ctx.clock.now();
        const synced = options.code && {
            ...(await options.code.sync(prerequisiteOutputs)),
            startedAt,
        };
        const environmentCode = synced && run.plan.code ? environmentCodeAfterSync(run.plan.code, synced) : undefined;
        const environment = firstEnvironment &&
            (await deployEnvironment(firstEnvironment, ctx, templates, { accountId, vpcOutputs, prerequisiteOutputs, ...(environmentCode && { environmentCode }) }, { pending, admit }));
        return {
            run,
            applied: environment ? [vpc, prerequisites, environment] : [vpc, prerequisites],
            vpcOutputs,
            prerequisiteOutputs,
            ...(synced && { code: synced }),
            ...(environment && { environmentOutputs: (0,cfn_state/* outputsOf */.Yz)(environment.stack) }),
        };
    }
    finally {
        // A failure before a change set ran must not leave it behind.
        for (const p of pending)
            await discardPlan(p, ctx);
    }
}
/** True when the planned change set was made with exactly these VPC-derived values. */
function sameParameters(planned, fresh) {
    if (planned.plan.source !== 'change-set')
        return false;
    return Object.keys(wiring/* VPC_OUTPUT_FOR_PARAMETER */.y_).every((key) => {
        const before = planned.spec.parameters.find((p) => p.key === key)?.value;
        const after = fresh.find((p) => p.key === key)?.value;
        return before !== undefined && before === after;
    });
}

// EXTERNAL MODULE: ./src/verify/result.ts
var result = __webpack_require__(252);
// EXTERNAL MODULE: ./src/verify/report.ts
var verify_report = __webpack_require__(5271);
;// CONCATENATED MODULE: ./src/verify/index.ts











const OUTPUTS = { id: 'stack-outputs', title: 'Stack outputs present and well formed' };
/**
 * Starts loading the checks (and the SDK modules their commands come from) without waiting for
 * them: a deploy calls this before its CloudFormation work, so compiling them overlaps the waits
 * instead of following them. A failure to load is left for {@link verifyEnvironment} to report.
 */
function preloadChecks() {
    Promise.all(/* import() */[__webpack_require__.e(328), __webpack_require__.e(542)]).then(__webpack_require__.bind(__webpack_require__, 1542)).catch(() => undefined);
}
/**
 * Runs every check (independent ones concurrently) and gathers the results in a fixed order.
 * Never rejects because of AWS: a failing SDK call becomes a failed result naming the call.
 * The key checks run only in customer-managed mode.
 */
async function verifyEnvironment(input) {
    // Loaded here, not at the top: see checks.ts.
    const { startChecks } = await Promise.all(/* import() */[__webpack_require__.e(328), __webpack_require__.e(542)]).then(__webpack_require__.bind(__webpack_require__, 1542));
    const results = await Promise.all(startChecks(input));
    if (input.outputProblems !== undefined) {
        const problems = input.outputProblems;
        results.unshift(problems.length > 0 ? (0,result/* failure */.V2)(OUTPUTS, problems) : (0,result/* pass */.IX)(OUTPUTS, 'all present'));
    }
    for (const r of results) {
        input.log?.debug(`verify ${r.id}: ${r.ok ? 'ok' : r.severity} (${r.details})`);
    }
    return { ok: (0,verify_report/* resultsOk */.j)(results), results, outputs: input.outputs };
}

// EXTERNAL MODULE: ./src/verify/outputs.ts + 1 modules
var verify_outputs = __webpack_require__(1554);
;// CONCATENATED MODULE: ./src/verify/termination-protection.ts



const CHECK = {
    id: 'termination-protection',
    title: 'Termination protection on for every stack',
};
/**
 * Termination protection on every stack (the termination-protection input asks for it, and
 * each deploy turns it on): CloudFormation then refuses DeleteStack, whoever asks, so a plan
 * role's cleanup or a stray delete cannot take the environment's network and data with it.
 */
async function checkTerminationProtection(cfn, stackNames) {
    const off = [];
    for (const name of stackNames) {
        try {
            const out = await cfn.send(new dist_cjs/* DescribeStacksCommand */.Y47({ StackName: name }));
            if (out.Stacks?.[0]?.EnableTerminationProtection !== true)
                off.push(name);
        }
        catch (error) {
            return (0,result/* failure */.V2)(CHECK, `cloudformation:DescribeStacks on ${name} failed: ${(0,shared_errors/* errorMessage */.g)(error)}`);
        }
    }
    if (off.length === 0)
        return (0,result/* pass */.IX)(CHECK, `on for ${stackNames.join(', ')}`);
    return (0,result/* failure */.V2)(CHECK, off.map((name) => `off for ${name}: turn it on with 'aws cloudformation update-termination-protection ` +
        `--enable-termination-protection --stack-name ${name}' (the next deploy also does)`));
}

;// CONCATENATED MODULE: ./src/engine/verify-stacks.ts




/**
 * Checks the deployed stacks: their outputs first (present, well formed), then MWAA's
 * invariants by read-only API calls. Outputs already read (after a deploy) can be passed in.
 */
async function verifyStacks(ctx, clients, known) {
    const { settings } = ctx;
    const outputs = known ?? (await readOutputs(ctx));
    const checked = (0,verify_outputs/* checkStackOutputs */.b)(outputs.vpc, outputs.prerequisites, settings);
    if (!checked.outputs) {
        throw new Error(`The stacks' outputs are not what MWAA needs:\n- ${checked.problems.join('\n- ')}`);
    }
    const report = await verifyEnvironment({
        settings,
        outputs: checked.outputs,
        clients,
        outputProblems: checked.problems,
        log: ctx.log,
    });
    const protectedReport = settings.terminationProtection
        ? await withTerminationProtection(ctx, report)
        : report;
    if (!settings.environment || !ctx.environment)
        return protectedReport;
    const environmentOutputs = known?.environment ?? (await readEnvironmentOutputs(ctx, settings.stacks.environment?.name));
    // Loaded only with deploy-environment, like the readers it uses.
    const { withEnvironmentChecks } = await __webpack_require__.e(/* import() */ 716).then(__webpack_require__.bind(__webpack_require__, 8716));
    return withEnvironmentChecks(protectedReport, settings, ctx.environment, clients.kms, environmentOutputs);
}
/** The report with the termination-protection check of every stack (the environment's too). */
async function withTerminationProtection(ctx, report) {
    const { stacks } = ctx.settings;
    const protection = await checkTerminationProtection(ctx.cfn, [
        stacks.vpc.name,
        stacks.prerequisites.name,
        ...(stacks.environment ? [stacks.environment.name] : []),
    ]);
    const results = [...report.results, protection];
    return { ...report, results, ok: (0,verify_report/* resultsOk */.j)(results) };
}
async function readOutputs(ctx) {
    const { vpc, prerequisites } = ctx.settings.stacks;
    const [v, p] = await Promise.all([
        (0,cfn_state/* readStackState */.So)(ctx.cfn, vpc.name),
        (0,cfn_state/* readStackState */.So)(ctx.cfn, prerequisites.name),
    ]);
    for (const [state, name] of [
        [v, vpc.name],
        [p, prerequisites.name],
    ]) {
        if (state.kind !== 'healthy') {
            throw new Error(`Stack ${name} is ${state.status}; verify needs both stacks deployed (run mode: deploy first).`);
        }
    }
    return { vpc: (0,cfn_state/* outputsOf */.Yz)(v.stack), prerequisites: (0,cfn_state/* outputsOf */.Yz)(p.stack) };
}
/** The environment stack's outputs, when it is deployed (verify mode). */
async function readEnvironmentOutputs(ctx, name) {
    if (name === undefined)
        return undefined;
    const state = await (0,cfn_state/* readStackState */.So)(ctx.cfn, name);
    return state.kind === 'healthy' ? (0,cfn_state/* outputsOf */.Yz)(state.stack) : undefined;
}

;// CONCATENATED MODULE: ./src/engine/run.ts








/**
 * Runs the settings' mode against AWS:
 * - plan: change sets for both stacks, read and deleted, and drift detection on the stacks that
 *   exist; nothing executes, and a stack the plan itself created in REVIEW_IN_PROGRESS is
 *   deleted again;
 * - deploy: plan, then every change set through the gate (the destructive-change policy, the
 *   reviewed plan, nothing beyond it) and executed in order, then verify;
 * - verify: check the deployed stacks only.
 */
async function runMode(ctx, session, templates, options = {}) {
    // The code inputs' files are read and checked before any AWS call writes. Loaded only when
    // code inputs are set, so a run without them never loads the S3 object code.
    const code = ctx.settings.code && ctx.settings.mode !== 'verify'
        ? await (await Promise.all(/* import() */[__webpack_require__.e(711), __webpack_require__.e(350), __webpack_require__.e(356)]).then(__webpack_require__.bind(__webpack_require__, 356))).openCodeStage(ctx.settings, session.clients.s3Objects, ctx.log)
        : undefined;
    const gate = new ChangeSetGate({
        settings: ctx.settings,
        templates,
        log: ctx.log,
        ...(options.review ? { review: options.review } : {}),
    });
    const onPlan = (plan) => options.onPlan?.(plan, gate.fingerprint(plan)) ?? Promise.resolve();
    // Deploy and verify end with the checks: load them while CloudFormation works.
    if (ctx.settings.mode !== 'plan')
        preloadChecks();
    switch (ctx.settings.mode) {
        case 'plan': {
            let run = await planBoth(ctx, templates, session.accountId, code);
            try {
                run = await (0,add_plan/* addCodePlan */.sC)(await withDrift(run, ctx), code);
                await onPlan(run.plan);
            }
            finally {
                await discardRun(run, ctx);
            }
            const blocked = (0,policy/* policyViolation */.W)(run.plan, ctx.settings, templates);
            return {
                plan: run.plan,
                fingerprint: gate.fingerprint(run.plan),
                ...(blocked ? { blocked } : {}),
            };
        }
        case 'deploy': {
            const { run, ...deploy } = await deployBoth(ctx, templates, session.accountId, {
                gate,
                onPlan: (r) => onPlan(r.plan),
                ...(code && { code }),
            });
            const verify = await verifyStacks(ctx, session.clients, {
                vpc: deploy.vpcOutputs,
                prerequisites: deploy.prerequisiteOutputs,
                ...(deploy.environmentOutputs && { environment: deploy.environmentOutputs }),
            });
            // Did Airflow accept the DAGs? Loaded only when a DAG folder is synced.
            const importErrors = ctx.settings.code?.paths['dags-path']
                ? await (await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 1228))).checkDeployedDags({
                    code: ctx.settings.code,
                    synced: deploy.code,
                    environmentName: ctx.settings.environmentName,
                    readers: ctx.environment,
                    clock: ctx.clock,
                    log: ctx.log,
                    ...(ctx.signal && { signal: ctx.signal }),
                })
                : undefined;
            return {
                plan: run.plan,
                fingerprint: gate.fingerprint(run.plan),
                ...(gate.reviewed ? { reviewed: gate.reviewed } : {}),
                deploy,
                verify,
                ...(deploy.code && { code: deploy.code }),
                ...(importErrors && { importErrors }),
            };
        }
        case 'verify':
            return { verify: await verifyStacks(ctx, session.clients) };
    }
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-sts/dist-cjs/index.js
var client_sts_dist_cjs = __webpack_require__(1695);
// EXTERNAL MODULE: ./src/version.ts
var version = __webpack_require__(311);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/xml-builder/dist-cjs/index.js
var xml_builder_dist_cjs = __webpack_require__(4274);
// EXTERNAL MODULE: ./src/aws/signed-reader.ts
var signed_reader = __webpack_require__(6133);
;// CONCATENATED MODULE: ./src/aws/ec2/reader.ts
/**
 * A client for the EC2 Query protocol that makes only the read-only calls of
 * `./commands.ts`, in place of `@aws-sdk/client-ec2`. Why: that SDK client carries the schemas of
 * all of EC2's operations; loading it under Node 24 took a process from 71 to 138 MiB and
 * 429 ms, and kept a deploy's peak RSS near 190 MiB for five Describe calls (BENCHMARKS.md).
 *
 * It keeps what matters of the SDK client: the same credentials (the provider of the
 * CloudFormation client, so the same chain and cache), SigV4 signing (`@smithy/signature-v4`,
 * which the SDK uses), the same HTTP handler, adaptive retries on throttling and transient
 * errors (`@smithy/core`'s strategy, as `retryMode: 'adaptive'`), the endpoint override by
 * AWS_ENDPOINT_URL_EC2 / AWS_ENDPOINT_URL (unless AWS_IGNORE_CONFIGURED_ENDPOINT_URLS), the
 * product's user agent, errors shaped like the SDK's (code in `name`), and it follows NextToken.
 * Not kept: FIPS and dual-stack endpoints, endpoints from the shared config file, clock-skew
 * correction.
 */


/** The API version every EC2 Query call names. */
const API_VERSION = '2016-11-15';
/** A bound on NextToken pages, in case an endpoint keeps answering with one. */
const MAX_PAGES = 100;
/** The endpoint the SDK would use: the environment's override, else the Region's. */
function ec2Endpoint(region, env) {
    return (0,signed_reader/* configuredEndpoint */.iw)('EC2', env) ?? new URL(`https://ec2.${region}.${(0,signed_reader/* dnsSuffix */.T3)(region)}`);
}
/** An EC2 error as the SDK throws it: the error code in `name`, HTTP status in `$metadata`. */
function ec2Error(status, body, requestId) {
    const errorNode = body?.Response?.Errors;
    const first = errorNode?.Error;
    const detail = (Array.isArray(first) ? first[0] : first);
    const code = typeof detail?.Code === 'string' ? detail.Code : undefined;
    const message = typeof detail?.Message === 'string' ? detail.Message : undefined;
    return (0,signed_reader/* serviceError */.cg)(status, code, message, requestId);
}
/** Creates the reader; nothing is sent until the first `send`. */
function createEc2Reader(options) {
    const url = ec2Endpoint(options.region, options.env);
    const send = (0,signed_reader/* createSignedSender */.oH)(options, { signingName: 'ec2' });
    function withRetries(action, params) {
        const body = new URLSearchParams({ Action: action, Version: API_VERSION, ...params });
        const headers = { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' };
        return send({ method: 'POST', url, headers, body: body.toString() }, (answer) => {
            const parsed = answer.text.trim() === '' ? undefined : (0,xml_builder_dist_cjs.parseXML)(answer.text);
            if (answer.status < 200 || answer.status >= 300) {
                throw ec2Error(answer.status, parsed, answer.headers['x-amzn-requestid']);
            }
            const root = parsed?.[`${action}Response`];
            if (typeof root !== 'object' || root === null)
                throw ec2Error(answer.status, undefined);
            return root;
        });
    }
    return {
        async send(command) {
            const params = command.params();
            let result = command.parse(await withRetries(command.action, params));
            const nextToken = () => result.NextToken;
            // Follow NextToken unless the caller asked for one page (MaxResults or its own token).
            const onePage = 'MaxResults' in params || 'NextToken' in params;
            for (let page = 1; !onePage && command.merge && nextToken() && page < MAX_PAGES; page++) {
                const next = { ...params, NextToken: nextToken() ?? '' };
                result = command.merge(result, command.parse(await withRetries(command.action, next)));
            }
            return result;
        },
    };
}

// EXTERNAL MODULE: ./src/aws/iam-read.ts
var iam_read = __webpack_require__(8493);
// EXTERNAL MODULE: ./src/aws/kms-read.ts
var kms_read = __webpack_require__(8729);
// EXTERNAL MODULE: ./src/aws/s3-read.ts
var s3_read = __webpack_require__(5388);
;// CONCATENATED MODULE: ./src/aws/clients.ts







/**
 * A client whose SDK module is imported, and the client created, on the first `send`; later
 * calls reuse it. The import must be a literal `import('@aws-sdk/client-\u2026')` in the caller so
 * the bundler (ncc) emits the module as a separate chunk loaded only then.
 *
 * To add a client the same way: `mwaa: lazyClient(() => import('@aws-sdk/client-mwaa')
 * .then((m) => new m.MWAAClient(config)))`, typed `Sender<MWAAClient>` in {@link AwsClients}.
 */
function lazyClient(load) {
    let client;
    const send = async (...args) => {
        client ??= load();
        return (await client).send(...args);
    };
    return { send };
}
/**
 * One configuration for all clients: the settings' Region, adaptive retries (which also slow
 * the client down when AWS throttles it, instead of only retrying), and a user agent naming the
 * product so account owners can tell its calls apart in CloudTrail. The SDK itself honours
 * AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE>, which is how tests point it at fakes.
 */
function createAwsClients(options) {
    const env = options.env ?? process.env;
    const common = {
        region: options.region,
        credentials: options.credentials,
        retryMode: 'adaptive',
        maxAttempts: options.maxAttempts ?? 10,
        customUserAgent: [['mwaa-deploy', version/* VERSION */.x]],
    };
    // A custom endpoint (a local emulator) serves every bucket on one host: path-style addressing.
    const customEndpoint = Boolean(env.AWS_ENDPOINT_URL || env.AWS_ENDPOINT_URL_S3);
    const cloudformation = new dist_cjs/* CloudFormationClient */.m1N(common);
    const readers = {
        region: options.region,
        credentials: cloudformation.config.credentials,
        requestHandler: cloudformation.config.requestHandler,
        sha256: cloudformation.config.sha256,
        maxAttempts: common.maxAttempts,
        userAgent: `mwaa-deploy/${version/* VERSION */.x} lang/js md/nodejs#${process.versions.node}`,
        env,
    };
    return {
        cloudformation,
        sts: new client_sts_dist_cjs/* STSClient */.iM(common),
        ec2: createEc2Reader(readers),
        s3: (0,s3_read/* createS3Reader */.ch)(readers),
        iam: (0,iam_read/* createIamReader */.$1)(readers),
        kms: (0,kms_read/* createKmsReader */.XT)(readers),
        s3Objects: lazyClient(() => __webpack_require__.e(/* import() */ 711).then(__webpack_require__.t.bind(__webpack_require__, 3711, 19)).then((m) => new m.S3Client({ ...common, forcePathStyle: customEndpoint }))),
    };
}

// EXTERNAL MODULE: ./src/shared/retry.ts
var retry = __webpack_require__(3091);
;// CONCATENATED MODULE: ./src/aws/credentials.ts



/** STS errors worth another try: the identity provider or STS itself hiccupped. */
const TRANSIENT = new Set([
    'IDPCommunicationError',
    'Throttling',
    'RequestLimitExceeded',
    'ServiceUnavailable',
    'InternalFailure',
    'InternalError',
]);
/**
 * The error's code without the SDK's `Exception` suffix: the SDK names STS's
 * `IDPCommunicationError` as `IDPCommunicationErrorException` and `InvalidIdentityToken` as
 * `InvalidIdentityTokenException`, while other codes keep their wire name.
 */
function errorName(error) {
    const name = error?.name ?? '';
    return name.replace(/Exception$/, '');
}
/**
 * Worth another attempt with a fresh token: STS's transient errors, and InvalidIdentityToken
 * when STS could not fetch GitHub's signing keys ("Couldn't retrieve verification key from your
 * identity provider"), a known passing failure of the provider rather than a bad token.
 */
function isTransient(error) {
    if (error instanceof TokenRequestError)
        return false; // getIdToken retried on its own
    const name = errorName(error);
    if (TRANSIENT.has(name) || NETWORK.has(name))
        return true;
    const code = error.code;
    if (code !== undefined && NETWORK.has(code))
        return true;
    const status = error.$metadata?.httpStatusCode;
    if (status !== undefined && status >= 500)
        return true;
    // A network error from another realm reaches the SDK as a plain value and is wrapped as
    // "AWS SDK error wrapper for TimeoutError: socket hang up": only its text remains.
    if (/\b(socket hang up|ECONNRESET|ETIMEDOUT|TimeoutError)\b/.test((0,shared_errors/* errorMessage */.g)(error)))
        return true;
    return name === 'InvalidIdentityToken' && /verification key/i.test((0,shared_errors/* errorMessage */.g)(error));
}
/**
 * No answer at all (a reset connection, a timeout): the STS client makes one attempt per call
 * (the SDK would retry with the same token), so this loop retries these too.
 */
const NETWORK = new Set([
    'TimeoutError',
    'RequestTimeout',
    'RequestTimeoutException',
    'ECONNRESET',
    'ECONNREFUSED',
    'EPIPE',
    'ETIMEDOUT',
    'EAI_AGAIN',
]);
/** A failure to get the OIDC token, which its own function already retried. */
class TokenRequestError extends Error {
}
/**
 * Exchanges the runner's OIDC token for role credentials. AccessDenied is not retried: it is
 * a trust-policy mismatch that waiting cannot fix, and the hint says where to look.
 */
async function assumeRoleWithOidc(settings, deps) {
    let response;
    try {
        response = await (0,retry/* retry */.L)(async () => {
            // A fresh token each attempt: a retried token may have expired (GitHub's live about
            // five minutes), and the provider's hiccup may have been about this one.
            const token = await deps.getIdToken(settings.audience).catch((error) => {
                throw new TokenRequestError((0,shared_errors/* errorMessage */.g)(error), { cause: error });
            });
            deps.onSecret(token);
            return deps.sts.send(new client_sts_dist_cjs/* AssumeRoleWithWebIdentityCommand */.WH({
                RoleArn: settings.roleToAssume,
                RoleSessionName: settings.roleSessionName,
                DurationSeconds: settings.roleDurationSeconds,
                WebIdentityToken: token,
            }));
        }, {
            attempts: 6,
            baseDelayMs: 1000,
            maxDelayMs: 15_000,
            clock: deps.clock,
            retryable: isTransient,
            onRetry: (error, attempt, delay) => deps.onRetry?.(`AssumeRoleWithWebIdentity attempt ${attempt} failed (${errorName(error)}: ${(0,shared_errors/* errorMessage */.g)(error)}); retrying in ${delay} ms with a new token`),
        });
    }
    catch (error) {
        // The token function's own error (e.g. no id-token permission) says what to do as it is.
        if (error instanceof TokenRequestError)
            throw error.cause;
        throw new Error(assumeRoleFailure(settings.roleToAssume, error), { cause: error });
    }
    const c = response.Credentials;
    if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken) {
        throw new Error(`Could not assume role ${settings.roleToAssume}: STS returned no credentials.`);
    }
    deps.onSecret(c.AccessKeyId);
    deps.onSecret(c.SecretAccessKey);
    deps.onSecret(c.SessionToken);
    // The assumed-role ARN names the account (arn:aws:sts::123456789012:assumed-role/...), so
    // the session need not ask GetCallerIdentity for it.
    const accountId = credentials_accountOf(response.AssumedRoleUser?.Arn);
    return {
        accessKeyId: c.AccessKeyId,
        secretAccessKey: c.SecretAccessKey,
        sessionToken: c.SessionToken,
        expiration: c.Expiration,
        ...(accountId ? { accountId } : {}),
    };
}
/** The 12-digit account of an ARN, or undefined. */
function credentials_accountOf(arn) {
    const account = arn?.split(':')[4];
    return account !== undefined && /^\d{12}$/.test(account) ? account : undefined;
}
function assumeRoleFailure(roleArn, error) {
    const name = errorName(error);
    const base = `Could not assume role ${roleArn} with OIDC: ${name ? `${name}: ` : ''}${(0,shared_errors/* errorMessage */.g)(error)}`;
    if (name === 'AccessDenied') {
        return (`${base}\nThe role's trust policy does not accept this workflow's token. Check that it trusts ` +
            'the provider token.actions.githubusercontent.com with Action sts:AssumeRoleWithWebIdentity, ' +
            "that 'token.actions.githubusercontent.com:aud' matches the audience input, and that its " +
            "'token.actions.githubusercontent.com:sub' condition matches this run's subject " +
            '(e.g. repo:OWNER/REPO:ref:refs/heads/main, repo:OWNER/REPO:pull_request or ' +
            'repo:OWNER/REPO:environment:NAME).');
    }
    if (name === 'InvalidIdentityToken') {
        return `${base}\nIs the GitHub OIDC provider (https://token.actions.githubusercontent.com) registered in IAM with this audience?`;
    }
    if (name === 'ValidationError' && /DurationSeconds/i.test((0,shared_errors/* errorMessage */.g)(error))) {
        return `${base}\nLower role-duration-seconds to at most the role's maximum session duration.`;
    }
    return base;
}
/** The account the credentials belong to: needed for ARNs and shown in the plan. */
async function callerAccount(sts) {
    try {
        const identity = await sts.send(new client_sts_dist_cjs/* GetCallerIdentityCommand */.zI({}));
        if (!identity.Account)
            throw new Error('no account in the answer');
        return identity.Account;
    }
    catch (error) {
        throw new Error(`Could not identify the AWS account (sts:GetCallerIdentity): ${(0,shared_errors/* errorMessage */.g)(error)}. ` +
            'Without role-to-assume the action uses the credentials in the environment; are there any?', { cause: error });
    }
}

;// CONCATENATED MODULE: ./src/aws/oidc-token.ts


/** Raised when the runner cannot give an OIDC token; the message carries the fix. */
class OidcTokenError extends Error {
}
const PREFIX = 'Could not get an OIDC token from GitHub';
/** The HTTP status getIDToken put in its message (`Error Code : 403`, as core's), if any. */
function statusIn(error) {
    const match = /Error Code\s*:\s*(\d{3})/.exec((0,shared_errors/* errorMessage */.g)(error));
    return match ? Number(match[1]) : undefined;
}
/** A connection failure (no status), a 5xx or a 429: worth another try. */
function oidc_token_transient(error) {
    const status = statusIn(error);
    return status === undefined || status >= 500 || status === 429;
}
/** getIDToken's multi-line message (core's wording), on one line. */
function oneLine(error) {
    return (0,shared_errors/* errorMessage */.g)(error)
        .replace(/^Error message:\s*/, '')
        .replace(/\s+/g, ' ')
        .trim();
}
/**
 * Asks `source` for a token with this audience, after checking that the job may have one.
 * @throws OidcTokenError saying what to change.
 */
async function requestOidcToken(audience, source, options) {
    if (!options.env.ACTIONS_ID_TOKEN_REQUEST_URL || !options.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN) {
        throw new OidcTokenError(`${PREFIX}: ACTIONS_ID_TOKEN_REQUEST_URL and ` +
            'ACTIONS_ID_TOKEN_REQUEST_TOKEN are not set. Give the job `permissions: id-token: write` ' +
            '(and `contents: read`). Pull requests from forks never get OIDC tokens.');
    }
    if (source === undefined) {
        throw new OidcTokenError(`${PREFIX}: role-to-assume exchanges the Actions runner's OIDC token, which only the action asks for. ` +
            'Outside the action, leave role-to-assume empty and use AWS credentials (environment, profile, SSO).');
    }
    try {
        return await (0,retry/* retry */.L)(() => source(audience), {
            attempts: 5,
            baseDelayMs: 1000,
            maxDelayMs: 10_000,
            clock: options.clock,
            retryable: oidc_token_transient,
            onRetry: (error, attempt, delay) => options.onRetry?.(`OIDC token attempt ${attempt} failed (${oneLine(error)}); retrying in ${delay} ms`),
        });
    }
    catch (error) {
        const status = statusIn(error);
        const hint = status !== undefined && status < 500 && status !== 429
            ? ' Check that the job has `permissions: id-token: write`.'
            : '';
        throw new OidcTokenError(`${PREFIX}: ${oneLine(error)}.${hint}`, { cause: error });
    }
}

;// CONCATENATED MODULE: ./src/aws/refreshing-credentials.ts
/** How long before expiry to renew: 5 minutes, or a third of a shorter session. */
const MARGIN_MS = 5 * 60_000;
/**
 * A credential provider for the SDK clients: the current credentials until `margin` before
 * they expire, then new ones (one renewal at a time, however many calls ask at once).
 * Credentials without an expiry never renew.
 */
function refreshingCredentials(options) {
    let current = options.initial;
    let renewAt = renewalTime(current, options.clock.now());
    let pending;
    return async () => {
        if (renewAt === undefined || options.clock.now() < renewAt)
            return current;
        pending ??= options
            .assume()
            .then((fresh) => {
            current = fresh;
            renewAt = renewalTime(fresh, options.clock.now());
            options.onRefresh?.(fresh.expiration);
            return fresh;
        })
            .finally(() => {
            pending = undefined;
        });
        return pending;
    };
}
/** When to renew credentials obtained at `now`; undefined when they do not expire. */
function renewalTime(credentials, now) {
    const expiry = credentials.expiration?.getTime();
    if (expiry === undefined)
        return undefined;
    const lifetime = Math.max(0, expiry - now);
    return expiry - Math.min(MARGIN_MS, lifetime / 3);
}

;// CONCATENATED MODULE: ./src/engine/session.ts




/**
 * Credentials first: with role-to-assume, the runner's OIDC token is exchanged for the role's
 * credentials (masked at once); without it, the SDK's usual chain (environment, profile, ...).
 * Then the account is read, which both proves the credentials and is needed for ARNs.
 */
async function openSession(settings, deps) {
    const create = deps.createClients ?? createAwsClients;
    const { roleToAssume } = settings.credentials;
    // mask-aws-account-id: the account is a secret from the moment it is known, so the runner
    // hides it everywhere (log lines, AWS errors, outputs), not only in the rendered plan.
    const maskAccount = (account) => {
        if (settings.maskAccountId && account)
            deps.onSecret(account);
    };
    maskAccount(roleToAssume === undefined ? undefined : accountOfArn(roleToAssume));
    let clients;
    let knownAccount;
    if (roleToAssume) {
        const getIdToken = (audience) => requestOidcToken(audience, deps.getIdToken, {
            env: deps.env,
            clock: deps.clock,
            onRetry: (m) => deps.log.warning(m),
        });
        // One attempt per call: assumeRoleWithOidc retries with a fresh token, the SDK would not.
        const anonymous = create({ region: settings.region, env: deps.env, maxAttempts: 1 });
        const assume = () => assumeRoleWithOidc({ ...settings.credentials, roleToAssume }, {
            sts: anonymous.sts,
            getIdToken,
            onSecret: deps.onSecret,
            clock: deps.clock,
            onRetry: (m) => deps.log.warning(m),
        });
        const initial = await assume();
        deps.log.info(`Assumed role ${roleToAssume} (session ${settings.credentials.roleSessionName}).`);
        // Renewed before expiry (a fresh OIDC token, the role assumed again) for long waits.
        const credentials = refreshingCredentials({
            initial,
            assume,
            clock: deps.clock,
            onRefresh: (expiration) => deps.log.info(`Renewed the session of role ${roleToAssume}${expiration ? ` (valid until ${expiration.toISOString()})` : ''}.`),
        });
        clients = create({ region: settings.region, credentials, env: deps.env });
        // STS just issued these credentials and named their account: no GetCallerIdentity.
        knownAccount = initial.accountId;
    }
    else {
        clients = create({ region: settings.region, env: deps.env });
    }
    const accountId = knownAccount ?? (await callerAccount(clients.sts));
    maskAccount(accountId);
    // Loaded only with deploy-environment, or for the import-errors check after a deploy of DAG
    // files: any other run never loads MWAA or Logs code.
    const checksDags = settings.mode === 'deploy' &&
        settings.code?.paths['dags-path'] !== undefined &&
        settings.code.importErrors !== 'off';
    const environment = settings.environment || checksDags
        ? (await __webpack_require__.e(/* import() */ 46).then(__webpack_require__.bind(__webpack_require__, 6046))).environmentReaders({
            region: settings.region,
            // The CloudFormation client's provider: the same credentials, refreshed with it.
            credentials: clients.cloudformation.config.credentials,
            env: deps.env,
            read: clients,
        })
        : undefined;
    return { clients, accountId, ...(environment && { environment }) };
}
/** The 12-digit account of an ARN such as arn:aws:iam::123456789012:role/name. */
function accountOfArn(arn) {
    return /^arn:[^:]+:[^:]*:[^:]*:(\d{12}):/.exec(arn)?.[1];
}

;// CONCATENATED MODULE: ./src/engine/job.ts
/**
 * One orchestration for both shells (the action and the CLI): open the AWS session, name the
 * run, run the mode with the gate and cancellation. A shell reads its inputs, calls runJob and
 * presents the result; every decision about what may execute is made below it.
 */



/**
 * A label unique to this run, for change set names and client tokens: the workflow run's ID
 * and attempt on Actions (so a re-run is told apart), `local` elsewhere, and a random suffix
 * so two runs of the same attempt never share a change set.
 */
function runLabelFor(env) {
    const random = (0,external_node_crypto_.randomBytes)(3).toString('hex');
    return env.GITHUB_RUN_ID
        ? `${env.GITHUB_RUN_ID}-${env.GITHUB_RUN_ATTEMPT ?? '1'}-${random}`
        : `local-${random}`;
}
/** Credentials, then the mode: what the action and the CLI both do once their inputs are read. */
async function runJob(settings, templates, deps) {
    const session = await openSession(settings, {
        env: deps.env,
        clock: deps.clock,
        log: deps.log,
        onSecret: deps.onSecret,
        ...deps.session,
    });
    const ctx = {
        settings,
        cfn: session.clients.cloudformation,
        clock: deps.clock,
        log: deps.log,
        runLabel: runLabelFor(deps.env),
        ...(session.environment && { environment: session.environment }),
        ...(deps.signal ? { signal: deps.signal } : {}),
    };
    return runMode(ctx, session, templates, {
        ...(deps.onPlan ? { onPlan: deps.onPlan } : {}),
        ...(deps.review ? { review: deps.review } : {}),
    });
}


/***/ }),

/***/ 8229:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  S: () => (/* binding */ DestructivePlanError),
  W: () => (/* binding */ policyViolation)
});

// EXTERNAL MODULE: ./src/plan/analysis.ts + 1 modules
var plan_analysis = __webpack_require__(7198);
;// CONCATENATED MODULE: ./src/plan/analysis-policy.ts
/**
 * The destructive-change policy: which destructive changes stop a deploy. Changes that lose
 * data or strand an existing MWAA environment violate it unless the user allows them:
 *   - a stateful resource (bucket, key, \u2026) removed or (possibly) replaced, even when retained:
 *     the environment would be left pointing at a resource the stack no longer manages;
 *   - a VPC or subnet removed or replaced: an environment cannot move network;
 *   - a key-mode switch: an environment cannot change its encryption;
 *   - drift on a security resource (role, policy, key, bucket policy, security group) that the
 *     plan changes: the deploy would silently revert a permission or a rule added by hand.
 * Other removals and replacements (a route, a NAT gateway) are shown but do not violate.
 */

/** The allow-list entry that allows reverting drift on every security resource. */
const DRIFT_ALLOWANCE = 'Drift';
/** Judges an analysed plan against the policy. */
function evaluateDestructivePolicy(analysis, policy) {
    if (!policy.failOnDestructive)
        return { violations: [], allowed: [] };
    const allow = new Set(policy.allow.map((a) => a.trim()).filter((a) => a !== ''));
    const network = new Set(analysis.networkReplacement);
    const candidates = analysis.destructive.filter((d) => d.stateful || network.has(d));
    const k = analysis.keyModeSwitch;
    if (k) {
        candidates.unshift({
            stack: k.stack,
            logicalId: plan_analysis/* KEY_MODE_PARAMETER */.co,
            type: 'AWS::CloudFormation::Parameter',
            reason: 'key-mode-switch',
            stateful: true,
            before: k.before,
            after: k.after,
        });
    }
    for (const d of analysis.drift.filter((x) => x.security && x.revertedByPlan)) {
        candidates.push({
            stack: d.stack,
            logicalId: d.logicalId,
            type: d.type,
            reason: 'drift',
            stateful: false,
            paths: d.differences.map((p) => p.path),
        });
    }
    const isAllowed = (v) => v.reason === 'drift'
        ? allow.has(DRIFT_ALLOWANCE) || allow.has(v.logicalId)
        : // An environment is allowed only by its logical ID: its replacement loses the metadata database.
            allow.has(v.logicalId) || (v.type !== 'AWS::MWAA::Environment' && allow.has(v.type));
    return {
        violations: candidates.filter((v) => !isAllowed(v)),
        allowed: candidates.filter(isAllowed),
    };
}
/** One line per violation, for the error that fails the step. */
function describeViolations(violations) {
    return violations
        .map((v) => v.reason === 'key-mode-switch'
        ? `- ${v.stack}: key mode ${v.before} \u2192 ${v.after} (allow with "${plan_analysis/* KEY_MODE_PARAMETER */.co}")`
        : v.reason === 'drift'
            ? `- ${v.stack}: ${v.logicalId} (${v.type}) was changed outside CloudFormation${v.paths.length > 0 ? ` (${v.paths.join(', ')})` : ''}; the deploy reverts it (allow with "${DRIFT_ALLOWANCE}" or "${v.logicalId}")`
            : `- ${v.stack}: ${v.logicalId} (${v.type}) ${REASON_WORDS[v.reason]} (allow with "${v.logicalId}" or "${v.type}")`)
        .join('\n');
}
const REASON_WORDS = {
    remove: 'removed',
    replace: 'replaced',
    'conditional-replace': 'may be replaced',
};

// EXTERNAL MODULE: ./src/plan/analysis-prechecks.ts
var analysis_prechecks = __webpack_require__(1352);
// EXTERNAL MODULE: ./src/plan/analysis-template.ts
var analysis_template = __webpack_require__(556);
;// CONCATENATED MODULE: ./src/engine/policy.ts




/**
 * Raised when the settings forbid the plan: it is destructive, or it creates or updates an MWAA
 * environment a pre-check knows will fail. The message lists why.
 */
class DestructivePlanError extends Error {
}
/**
 * The plan's policy under the settings: the "will it create?" pre-checks (allow-failed-prechecks)
 * and the destructive-change policy (fail-on-destructive, allow-destructive). Returns the message
 * of every violation, or undefined when the plan may proceed.
 */
function policyViolation(plan, settings, templates) {
    const retained = Object.fromEntries(plan.stacks.map((s) => [s.stackName, (0,analysis_template/* templateFacts */.AA)(templates[s.role] ?? '').retained]));
    const analysis = (0,plan_analysis/* analyzePlan */.U5)(plan, { retained });
    const { violations } = evaluateDestructivePolicy(analysis, {
        failOnDestructive: settings.failOnDestructive,
        allow: settings.allowDestructive,
    });
    const prechecks = (0,analysis_prechecks/* evaluatePrechecks */.Ch)(plan, settings.allowFailedPrechecks).violations;
    const messages = [
        ...(prechecks.length > 0 ? [(0,analysis_prechecks/* describePrecheckViolations */.d1)(prechecks)] : []),
        ...(violations.length > 0
            ? [
                `The plan is destructive and fail-on-destructive is on:\n${describeViolations(violations)}\n` +
                    'If this is intended, add the logical IDs or types to allow-destructive (KeyMode allows a key-mode switch; Drift allows reverting changes made outside CloudFormation).',
            ]
            : []),
    ];
    return messages.length > 0 ? messages.join('\n') : undefined;
}


/***/ }),

/***/ 6255:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  hB: () => (/* binding */ ReviewedPlanError),
  Qc: () => (/* binding */ assertReviewed),
  gi: () => (/* binding */ fingerprintFields)
});

// EXTERNAL MODULE: ./src/plan/fingerprint.ts
var plan_fingerprint = __webpack_require__(1731);
// EXTERNAL MODULE: ./src/publish/comment-marker.ts
var comment_marker = __webpack_require__(7341);
;// CONCATENATED MODULE: ./src/engine/reviewed-content.ts
/**
 * What reviewers judged in a plan comment, without what legitimately differs between the plan
 * run and the deploy run: the marker, the header's context line (commit, mode, run link), the
 * footer (when the plan was made) and the "applied" line. What is left, from the verdict on
 * (warnings, summary table, changes, security and parameter rows), must be what the deploy's own
 * plan renders to, or the comment does not show what is about to be deployed.
 */

/** The verdict line opens the reviewed content (see render/markdown-header.ts). */
const VERDICT = /^(?:\u2705|\ud83d\udcdd|\ud83d\uded1) \*\*/m;
/** The footer, the truncation note and the applied line close it. */
const CLOSERS = [
    '\n<sub>mwaa-deploy \u00b7 plan made',
    '\n\n**This plan is longer than a comment',
    '\n\n**Applied** in ',
];
function reviewedContent(commentBody) {
    const body = (0,comment_marker/* stripMarker */.db)(commentBody);
    const start = VERDICT.exec(body)?.index ?? 0;
    let end = body.length;
    for (const closer of CLOSERS) {
        const at = body.indexOf(closer, start);
        if (at !== -1 && at < end)
            end = at;
    }
    const truncated = body.includes(CLOSERS[1]);
    return { text: body.slice(start, end).trimEnd(), truncated };
}
/**
 * Whether a comment shows the plan rendered now: equal content, or, when the comment had to be
 * cut to fit, a rendering that starts with what the comment kept (less the fences the cut
 * closed).
 */
function showsPlan(commentBody, rendered) {
    const shown = reviewedContent(commentBody);
    const now = reviewedContent(rendered).text;
    if (!shown.truncated)
        return shown.text === now;
    const kept = shown.text.replace(/(?:\n```|\n<\/details>)+$/, '');
    return kept.length > 0 && now.startsWith(kept);
}

;// CONCATENATED MODULE: ./src/engine/review.ts


/** Raised when a deploy would not do what reviewers saw. */
class ReviewedPlanError extends Error {
}
/** Marker fields that bind a plan comment to the plan it shows. */
function fingerprintFields(fingerprint) {
    return {
        fingerprint: fingerprint.value,
        parts: Object.entries(fingerprint.parts)
            .map(([k, v]) => `${k}:${v}`)
            .join(','),
    };
}
function parseParts(text) {
    const parts = {};
    for (const item of (text ?? '').split(',')) {
        const at = item.lastIndexOf(':');
        if (at > 0)
            parts[item.slice(0, at)] = item.slice(at + 1);
    }
    return parts;
}
/**
 * The reviewed-plan binding: the deploy's freshly computed plan must carry the fingerprint of
 * the plan in the pull request's comment. Otherwise it throws, saying what changed since review
 * (a template, parameters, the stacks in AWS, or the changes CloudFormation now plans).
 * With `rendered` (the deploy's plan rendered as the plan comment renders it), the comment must
 * also show that plan: a marker alone can be copied into a comment that shows something else.
 */
function assertReviewed(input) {
    const { comment, fingerprint, where } = input;
    if (!comment) {
        throw new ReviewedPlanError(`require-reviewed-plan is on, but ${where} has no plan comment for this environment. ` +
            'Run the action in plan mode on the pull request (with comment: always or on-change) and have it reviewed, ' +
            'or turn require-reviewed-plan off.');
    }
    if (comment.fields.fingerprint === fingerprint.value) {
        if (input.rendered === undefined || showsPlan(comment.body ?? '', input.rendered)) {
            return comment;
        }
        throw new ReviewedPlanError(`The plan comment (${comment.url ?? `on ${where}`}) carries this plan's fingerprint but ` +
            'does not show this plan: its text differs from the plan rendered now (edited, or ' +
            'posted by another workflow). Nothing was deployed. Re-run the plan on the pull ' +
            'request and review it again.');
    }
    const what = (0,plan_fingerprint/* describeFingerprintChange */.AV)(parseParts(comment.fields.parts), fingerprint.parts, input.stackNames);
    throw new ReviewedPlanError(`The plan changed since review (${comment.url ?? `the plan comment on ${where}`}):\n` +
        `${(what.length > 0 ? what : ['the plan differs from the reviewed one']).map((l) => `- ${l}`).join('\n')}\n` +
        'Nothing was deployed. Re-run the plan on the pull request and review it again.');
}


/***/ }),

/***/ 9298:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Uk: () => (/* binding */ lastUpdateError),
/* harmony export */   _s: () => (/* binding */ mwaaReader),
/* harmony export */   pJ: () => (/* binding */ mwaaRestApi)
/* harmony export */ });
/* harmony import */ var _aws_signed_request_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3397);
/**
 * The read-only MWAA calls the product makes (GetEnvironment, and InvokeRestApi for Airflow's
 * import errors), over the signed-request helper: CloudFormation creates, updates and deletes
 * the environment; this only watches and checks it.
 */

/**
 * MWAA's API over SigV4 (signing name `airflow`). GetEnvironment carries the host prefix `api.`
 * (api.airflow.REGION.amazonaws.com); with an endpoint override it is left out.
 */
function mwaaReader(options) {
    const service = {
        region: options.region,
        signingName: 'airflow',
        endpoint: (0,_aws_signed_request_js__WEBPACK_IMPORTED_MODULE_0__/* .serviceEndpoint */ .Xf)(options.env, { envName: 'MWAA', host: 'airflow', hostPrefix: 'api.' }, options.region),
        credentials: options.credentials,
        fetch: options.fetch,
    };
    return {
        async getEnvironment(name) {
            try {
                const answer = await (0,_aws_signed_request_js__WEBPACK_IMPORTED_MODULE_0__/* .signedJson */ .H0)(service, {
                    method: 'GET',
                    path: `/environments/${encodeURIComponent(name)}`,
                });
                return answer['Environment'];
            }
            catch (error) {
                if (error instanceof _aws_signed_request_js__WEBPACK_IMPORTED_MODULE_0__/* .ServiceError */ ._7 && error.code === 'ResourceNotFoundException') {
                    return undefined;
                }
                throw error;
            }
        },
    };
}
/**
 * InvokeRestApi over SigV4 (signing name `airflow`): `POST /restapi/{Name}` with `{Method, Path,
 * QueryParameters}` (MWAA API reference, InvokeRestApi). It carries the host prefix `env.`
 * (env.airflow.REGION.amazonaws.com, where CreateCliToken and CreateWebLoginToken also go);
 * with an endpoint override the prefix is left out, as for GetEnvironment's `api.`.
 */
function mwaaRestApi(options) {
    const service = {
        region: options.region,
        signingName: 'airflow',
        endpoint: (0,_aws_signed_request_js__WEBPACK_IMPORTED_MODULE_0__/* .serviceEndpoint */ .Xf)(options.env, { envName: 'MWAA', host: 'airflow', hostPrefix: 'env.' }, options.region),
        credentials: options.credentials,
        fetch: options.fetch,
    };
    return async (request) => {
        const answer = await (0,_aws_signed_request_js__WEBPACK_IMPORTED_MODULE_0__/* .signedJson */ .H0)(service, {
            method: 'POST',
            path: `/restapi/${encodeURIComponent(request.name)}`,
            body: {
                Method: request.method,
                Path: request.path,
                ...(request.queryParameters && { QueryParameters: request.queryParameters }),
            },
        });
        return { status: Number(answer['RestApiStatusCode'] ?? 0), body: answer['RestApiResponse'] };
    };
}
/** `CODE: message` of the last update's error, or undefined when it has none. */
function lastUpdateError(environment) {
    const error = environment?.LastUpdate?.Error;
    if (!error || (!error.ErrorCode && !error.ErrorMessage))
        return undefined;
    return `${error.ErrorCode ?? 'error'}: ${error.ErrorMessage ?? '(no message)'}`;
}


/***/ }),

/***/ 2838:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AS: () => (/* binding */ environmentWarning),
/* harmony export */   h5: () => (/* binding */ environmentNotes),
/* harmony export */   tJ: () => (/* binding */ ENVIRONMENT_TYPE)
/* harmony export */ });
/** The resource type of the environment. */
const ENVIRONMENT_TYPE = 'AWS::MWAA::Environment';
/** The warning for a destructive change to an environment; undefined for any other type. */
function environmentWarning(d) {
    if (d.type !== ENVIRONMENT_TYPE)
        return undefined;
    const subject = `The MWAA environment ${d.logicalId} in stack ${d.stack}`;
    const how = d.reason === 'remove'
        ? 'is removed from the stack'
        : d.reason === 'replace'
            ? 'is REPLACED'
            : 'may be REPLACED (CloudFormation decides during the deploy)';
    const retainedNote = d.retained === true
        ? ' The old environment is retained (and still billed) outside the stack.'
        : '';
    return {
        subject,
        severe: true,
        text: `${how}: a new environment means a new metadata database, so DAG run history, connections and variables stored in Airflow are lost, and creating it takes 20 to 40 minutes.${retainedNote} ` +
            `This violates fail-on-destructive unless allow-destructive names ${d.logicalId}.`,
    };
}
/** Notes for the environment stack's plan: restarts and downtime, and a key-mode switch's consequence. */
function environmentNotes(plan) {
    const env = plan.stacks.find((s) => s.role === 'environment');
    if (env === undefined || env.status === 'MISSING')
        return [];
    const notes = [];
    const switched = keyModeChange(plan.stacks.find((s) => s.role === 'prerequisites'));
    if (switched) {
        notes.push(`The key mode changes (${switched}) while environment ${plan.environmentName} exists: its KmsKey changes, which replaces the environment (new metadata database; run history, connections and variables lost).`);
    }
    const updated = env.changes.find((c) => c.type === ENVIRONMENT_TYPE && c.action === 'Modify' && c.replacement === 'False');
    if (updated) {
        const what = updated.details.map((d) => d.name).filter((n) => !!n);
        notes.push(`Updating environment ${plan.environmentName}${what.length ? ` (${[...new Set(what)].join(', ')})` : ''} restarts its schedulers, workers and web server: expect 10 to 30 minutes during which tasks may be interrupted and the Airflow UI may be unavailable.`);
    }
    return notes;
}
function keyModeChange(stack) {
    const p = stack?.parameters.find((x) => x.key === 'KeyMode');
    if (p?.before === undefined || p.after === undefined || p.before === p.after)
        return undefined;
    return `${p.before} \u2192 ${p.after}`;
}


/***/ }),

/***/ 4841:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   VL: () => (/* binding */ withTemplateContexts)
/* harmony export */ });
/* unused harmony exports knownAfterDeploy, templateContexts */
/* harmony import */ var _templates_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6724);
/* harmony import */ var _templates_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7225);
/* harmony import */ var _templates_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2411);
/* harmony import */ var _analysis_context_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8615);
/**
 * What a resource that does not exist yet will be, read from the evaluated template: the
 * AfterContext of every added resource of a stack planned from its template (a new stack, or
 * one whose inputs do not exist yet), and the properties CloudFormation left out of an `Add`'s
 * AfterContext. A reviewer of a new environment must read the role's statements, the key
 * policy and the security group's rules before they exist; values that only exist after
 * deploy (a VPC ID, the ARN of a key the stack creates) read "(known after deploy: \u2026)".
 */


/** The text that stands for a value only known once the stack is deployed. */
function knownAfterDeploy(what) {
    return `(known after deploy: ${what})`;
}
/**
 * Every active resource's properties, evaluated for these parameters. NoEcho parameters stay
 * hidden ('****', as CloudFormation shows them); a resource whose properties cannot be
 * evaluated offline is left out (the plan then says nothing more than before).
 */
function templateContexts(input) {
    const template = (0,_templates_index_js__WEBPACK_IMPORTED_MODULE_0__/* .parseTemplate */ .QC)(input.templateBody);
    const given = {};
    for (const p of input.parameters) {
        const noEcho = String(template.Parameters?.[p.key]?.NoEcho ?? '').toLowerCase() === 'true';
        given[p.key] = noEcho
            ? '****'
            : (p.value ?? knownAfterDeploy(p.knownAfterDeploy ?? `parameter ${p.key}`));
    }
    let ctx;
    try {
        ctx = (0,_templates_index_js__WEBPACK_IMPORTED_MODULE_1__/* .createContext */ .q6)(template, given, {
            region: input.region,
            accountId: input.accountId ?? knownAfterDeploy('the deployment account'),
            stackName: input.stackName,
        }, {
            ref: (id) => knownAfterDeploy(id),
            getAtt: (id, attribute) => knownAfterDeploy(`${id}.${attribute}`),
            importValue: (name) => knownAfterDeploy(`export ${name}`),
        });
    }
    catch {
        return {};
    }
    const contexts = {};
    for (const [id, resource] of Object.entries(template.Resources)) {
        try {
            if (resource.Condition !== undefined && ctx.conditions[resource.Condition] !== true)
                continue;
            contexts[id] = { Properties: (0,_templates_index_js__WEBPACK_IMPORTED_MODULE_2__/* .resolve */ .h)(resource.Properties ?? {}, ctx) };
        }
        catch {
            // An intrinsic the offline evaluator cannot follow: leave this resource as it was.
        }
    }
    return contexts;
}
/** The Add's after context, completed from the template where CloudFormation left gaps. */
function completed(change, contexts) {
    const fromTemplate = contexts[change.logicalId];
    if (change.action !== 'Add' || !fromTemplate || !(0,_analysis_context_js__WEBPACK_IMPORTED_MODULE_3__/* .isRecord */ .u4)(fromTemplate.Properties))
        return change;
    const given = (0,_analysis_context_js__WEBPACK_IMPORTED_MODULE_3__/* .isRecord */ .u4)(change.after) ? change.after : undefined;
    const givenProperties = (0,_analysis_context_js__WEBPACK_IMPORTED_MODULE_3__/* .isRecord */ .u4)(given?.['Properties']) ? given['Properties'] : {};
    return {
        ...change,
        after: {
            ...given,
            Properties: { ...fromTemplate.Properties, ...givenProperties },
        },
    };
}
/**
 * The stack plan with every added resource's after context completed from the template (which
 * is only evaluated when the plan adds something).
 */
function withTemplateContexts(stack, input) {
    if (!stack.changes.some((c) => c.action === 'Add'))
        return stack;
    const contexts = templateContexts(input);
    return { ...stack, changes: stack.changes.map((c) => completed(c, contexts)) };
}


/***/ }),

/***/ 8615:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P1: () => (/* binding */ propertiesOf),
/* harmony export */   U4: () => (/* binding */ parsedJson),
/* harmony export */   tx: () => (/* binding */ retainedByContext),
/* harmony export */   u4: () => (/* binding */ isRecord)
/* harmony export */ });
/** A JSON object (not an array, not null). */
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** The properties in a context, or undefined when CloudFormation gave no context. */
function propertiesOf(context) {
    if (!isRecord(context))
        return undefined;
    const properties = context['Properties'];
    return isRecord(properties) ? properties : {};
}
/** A JSON value that may arrive as a JSON string (policy documents often do). */
function parsedJson(value) {
    if (typeof value !== 'string')
        return value;
    const text = value.trim();
    if (!text.startsWith('{') && !text.startsWith('['))
        return value;
    try {
        return JSON.parse(text);
    }
    catch {
        return value;
    }
}
const RETAINING = new Set(['Retain', 'RetainExceptOnCreate']);
/**
 * Whether the resource outlives this change, from the contexts alone: a removal keeps it when
 * its DeletionPolicy retains it, a replacement keeps the old one when its UpdateReplacePolicy
 * does. Undefined when the contexts do not say.
 */
function retainedByContext(change, on) {
    const attribute = on === 'delete' ? 'DeletionPolicy' : 'UpdateReplacePolicy';
    // A replacement follows the template being deployed; a removal the one that made the resource.
    const contexts = on === 'delete' ? [change.before] : [change.after, change.before];
    for (const context of contexts) {
        if (!isRecord(context))
            continue;
        const policy = context[attribute];
        if (typeof policy === 'string')
            return RETAINING.has(policy);
    }
    return undefined;
}


/***/ }),

/***/ 1352:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ch: () => (/* binding */ evaluatePrechecks),
/* harmony export */   cI: () => (/* binding */ precheckAllowed),
/* harmony export */   d1: () => (/* binding */ describePrecheckViolations)
/* harmony export */ });
/** True when allow-failed-prechecks (`allow`) accepts this failed pre-check. */
function precheckAllowed(p, allow) {
    return p.allowable && allow.includes(p.id);
}
/** Judges the plan's failed pre-checks against the allow list (pre-check IDs). */
function evaluatePrechecks(plan, allow) {
    const failed = plan.stacks.flatMap((s) => (s.failedPrechecks ?? []).map((p) => ({ ...p, stack: s.stackName })));
    const isAllowed = (p) => precheckAllowed(p, allow);
    return { violations: failed.filter((p) => !isAllowed(p)), allowed: failed.filter(isAllowed) };
}
/** The error's text: each failed pre-check with what was found, the fix, and the way past it. */
function describePrecheckViolations(violations) {
    const lines = violations.map((v) => {
        const past = v.allowable
            ? ` If the check reads your setup wrongly, add "${v.id}" to allow-failed-prechecks.`
            : '';
        return `- ${v.stack}: ${v.title}: no. ${v.details}${past}`;
    });
    return ('The MWAA environment would fail 20 to 40 minutes into its creation or update, so nothing was created or changed:\n' +
        `${lines.join('\n')}\n` +
        'Fix these, then run again.');
}


/***/ }),

/***/ 556:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AA: () => (/* binding */ templateFacts)
/* harmony export */ });
/* unused harmony exports resourceLinks, retainedResources */
/* harmony import */ var _templates_cfn_yaml_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6724);
/* harmony import */ var _analysis_context_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8615);
/**
 * Facts about a stack's template that a plan does not carry: which resources refer to which
 * (for the diagram), which are retained when removed or replaced, and which parameters are
 * NoEcho (their values must never be shown).
 */


/** `${Name}` and `${Name.Attr}` in a Sub string; `${!Literal}` is not a reference. */
const SUB_VARIABLE = /\$\{([^!}][^}]*)\}/g;
function collect(value, resources, into) {
    if (Array.isArray(value)) {
        for (const item of value)
            collect(item, resources, into);
        return;
    }
    if (!(0,_analysis_context_js__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u4)(value))
        return;
    for (const [key, inner] of Object.entries(value)) {
        if (key === 'Ref' && typeof inner === 'string') {
            if (resources.has(inner))
                into.add(inner);
        }
        else if (key === 'Fn::GetAtt') {
            const target = Array.isArray(inner)
                ? inner[0]
                : typeof inner === 'string'
                    ? inner.split('.')[0]
                    : undefined;
            if (typeof target === 'string' && resources.has(target))
                into.add(target);
        }
        else if (key === 'Fn::Sub') {
            const [text, variables] = Array.isArray(inner) ? [inner[0], inner[1]] : [inner, undefined];
            const own = new Set((0,_analysis_context_js__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u4)(variables) ? Object.keys(variables) : []);
            if (typeof text === 'string') {
                for (const match of text.matchAll(SUB_VARIABLE)) {
                    const name = (match[1] ?? '').split('.')[0]?.trim() ?? '';
                    if (!own.has(name) && resources.has(name))
                        into.add(name);
                }
            }
            if (variables !== undefined)
                collect(variables, resources, into);
        }
        else {
            collect(inner, resources, into);
        }
    }
}
function linksOf(template) {
    const ids = new Set(Object.keys(template.Resources));
    const links = {};
    for (const [id, resource] of Object.entries(template.Resources)) {
        const found = new Set();
        collect(resource.Properties, ids, found);
        const dependsOn = resource.DependsOn;
        for (const d of typeof dependsOn === 'string' ? [dependsOn] : (dependsOn ?? [])) {
            if (ids.has(d))
                found.add(d);
        }
        found.delete(id);
        links[id] = [...found].sort();
    }
    return links;
}
const RETAINING = new Set(['Retain', 'RetainExceptOnCreate']);
function retainedOf(template) {
    const entries = Object.entries(template.Resources);
    return {
        onDelete: entries.filter(([, r]) => RETAINING.has(String(r.DeletionPolicy))).map(([id]) => id),
        onReplace: entries.filter(([, r]) => r.UpdateReplacePolicy === 'Retain').map(([id]) => id),
    };
}
function noEchoOf(template) {
    return Object.entries(template.Parameters ?? {})
        .filter(([, p]) => p.NoEcho === true || String(p.NoEcho).toLowerCase() === 'true')
        .map(([key]) => key);
}
/**
 * Which resources each resource refers to, read from the template text: the edges of the
 * plan's diagram. Parameters and pseudo parameters are not resources and are left out.
 */
function resourceLinks(templateBody) {
    return linksOf(parseTemplate(templateBody));
}
/** The resources the template keeps in the account when removed or replaced. */
function retainedResources(templateBody) {
    return retainedOf(parseTemplate(templateBody));
}
/** Links, retained resources and NoEcho parameters, parsing the template once. */
function templateFacts(templateBody) {
    const template = (0,_templates_cfn_yaml_js__WEBPACK_IMPORTED_MODULE_1__/* .parseTemplate */ .QC)(templateBody);
    return { links: linksOf(template), retained: retainedOf(template), noEcho: noEchoOf(template) };
}


/***/ }),

/***/ 7198:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  co: () => (/* binding */ KEY_MODE_PARAMETER),
  rg: () => (/* binding */ NETWORK_TYPES),
  U5: () => (/* binding */ analyzePlan),
  fO: () => (/* binding */ destructiveReason),
  WD: () => (/* binding */ planIsDestructive)
});

// UNUSED EXPORTS: STATEFUL_TYPES, isDestructive

// EXTERNAL MODULE: ./src/plan/analysis-context.ts
var analysis_context = __webpack_require__(8615);
;// CONCATENATED MODULE: ./src/plan/analysis-security.ts
/**
 * Security-relevant changes: IAM statements and trust statements, managed policies, key policy
 * and resource policy statements, and security group rules, added or removed. Compared
 * statement by statement (and rule by rule) between the before and after contexts, so a
 * reordered policy is no change and a one-line edit shows as one statement out, one in.
 */

const asList = (value) => value === undefined || value === null ? [] : Array.isArray(value) ? value : [value];
function statements(document, kind, where) {
    const doc = (0,analysis_context/* parsedJson */.U4)(document);
    if (!(0,analysis_context/* isRecord */.u4)(doc))
        return [];
    return asList(doc['Statement']).map((value) => ({ kind, value, ...(where ? { where } : {}) }));
}
function inlinePolicies(properties) {
    return asList(properties['Policies']).flatMap((p) => (0,analysis_context/* isRecord */.u4)(p)
        ? statements(p['PolicyDocument'], 'iam-statement', String(p['PolicyName'] ?? ''))
        : []);
}
function managedPolicies(properties) {
    return asList(properties['ManagedPolicyArns']).map((value) => ({
        kind: 'managed-policy',
        value,
    }));
}
function resourcePolicy(kind, property, name) {
    return {
        kind,
        properties: { [property]: kind },
        items: (p) => statements(p[property], kind, name ? String(p[name] ?? '') : undefined),
    };
}
function wholeRule(kind) {
    // The resource is the rule; which group it belongs to is part of it.
    return { kind, properties: {}, items: (p) => [{ kind, value: p }] };
}
const IAM_IDENTITY = {
    kind: 'iam-statement',
    properties: { Policies: 'iam-statement', ManagedPolicyArns: 'managed-policy' },
    items: (p) => [...inlinePolicies(p), ...managedPolicies(p)],
};
/** The resource types looked at, and how to read each. */
const EXTRACTORS = {
    'AWS::IAM::Role': {
        kind: 'iam-statement',
        properties: {
            AssumeRolePolicyDocument: 'trust-statement',
            Policies: 'iam-statement',
            ManagedPolicyArns: 'managed-policy',
        },
        items: (p) => [
            ...statements(p['AssumeRolePolicyDocument'], 'trust-statement'),
            ...inlinePolicies(p),
            ...managedPolicies(p),
        ],
    },
    'AWS::IAM::User': IAM_IDENTITY,
    'AWS::IAM::Group': IAM_IDENTITY,
    'AWS::IAM::Policy': resourcePolicy('iam-statement', 'PolicyDocument', 'PolicyName'),
    'AWS::IAM::ManagedPolicy': resourcePolicy('iam-statement', 'PolicyDocument', 'ManagedPolicyName'),
    'AWS::KMS::Key': resourcePolicy('key-policy-statement', 'KeyPolicy'),
    'AWS::S3::BucketPolicy': resourcePolicy('resource-policy-statement', 'PolicyDocument'),
    'AWS::SQS::QueuePolicy': resourcePolicy('resource-policy-statement', 'PolicyDocument'),
    'AWS::SNS::TopicPolicy': resourcePolicy('resource-policy-statement', 'PolicyDocument'),
    'AWS::EC2::SecurityGroup': {
        kind: 'ingress-rule',
        properties: { SecurityGroupIngress: 'ingress-rule', SecurityGroupEgress: 'egress-rule' },
        items: (p) => [
            ...asList(p['SecurityGroupIngress']).map((value) => ({
                kind: 'ingress-rule',
                value,
            })),
            ...asList(p['SecurityGroupEgress']).map((value) => ({ kind: 'egress-rule', value })),
        ],
    },
    'AWS::EC2::SecurityGroupIngress': wholeRule('ingress-rule'),
    'AWS::EC2::SecurityGroupEgress': wholeRule('egress-rule'),
};
/** The resource types whose changes are security-relevant. */
const SECURITY_TYPES = new Set(Object.keys(EXTRACTORS));
/**
 * A JSON text that is the same for equivalent statements: keys sorted, lists of scalars sorted
 * (their order means nothing in a policy or a rule), a one-item list the same as its item, and
 * scalars as strings (CloudFormation reports `true` as "true").
 */
function canonicalJson(value) {
    return JSON.stringify(canonical(value));
}
function canonical(value) {
    if (Array.isArray(value)) {
        const items = value.map(canonical);
        if (items.length === 1)
            return items[0];
        return items.every((i) => typeof i === 'string') ? [...items].sort() : items;
    }
    if ((0,analysis_context/* isRecord */.u4)(value)) {
        const out = {};
        for (const key of Object.keys(value).sort())
            out[key] = canonical(value[key]);
        return out;
    }
    return value === null || value === undefined ? value : String(value);
}
const WILDCARD_PRINCIPAL = (p) => p === '*' || ((0,analysis_context/* isRecord */.u4)(p) && asList(p['AWS']).includes('*'));
function isBroad(item) {
    const v = item.value;
    if (!(0,analysis_context/* isRecord */.u4)(v))
        return false;
    if (item.kind === 'ingress-rule')
        return v['CidrIp'] === '0.0.0.0/0' || v['CidrIpv6'] === '::/0';
    if (item.kind === 'egress-rule' || v['Effect'] !== 'Allow')
        return false;
    if (asList(v['Action']).includes('*'))
        return true;
    return WILDCARD_PRINCIPAL(v['Principal']) && v['Condition'] === undefined;
}
function keyOf(item) {
    return `${item.kind}\u0000${item.where ?? ''}\u0000${canonicalJson(item.value)}`;
}
/** Items in `after` but not `before` (added) and the reverse (removed), counting duplicates. */
function diffItems(before, after) {
    const counts = new Map();
    for (const item of before)
        counts.set(keyOf(item), (counts.get(keyOf(item)) ?? 0) + 1);
    const added = [];
    for (const item of after) {
        const key = keyOf(item);
        const n = counts.get(key) ?? 0;
        if (n > 0)
            counts.set(key, n - 1);
        else
            added.push(item);
    }
    const removed = [];
    for (const item of before) {
        const key = keyOf(item);
        const n = counts.get(key) ?? 0;
        if (n > 0) {
            counts.set(key, n - 1);
            removed.push(item);
        }
    }
    return { added, removed };
}
function changedWithoutValues(change, extractor) {
    const names = new Set();
    for (const d of change.details) {
        const name = d.name ?? d.path?.split('/')[2];
        if (name !== undefined && Object.hasOwn(extractor.properties, name))
            names.add(name);
    }
    return [...names].map((name) => ({
        kind: extractor.properties[name] ?? extractor.kind,
        where: name,
        value: undefined,
    }));
}
function resourceSecurityChanges(stack, change) {
    const extractor = EXTRACTORS[change.type];
    if (!extractor || change.action === 'Import')
        return [];
    const before = (0,analysis_context/* propertiesOf */.P1)(change.before);
    const after = (0,analysis_context/* propertiesOf */.P1)(change.after);
    const base = { stack, logicalId: change.logicalId, type: change.type };
    const out = (items, how) => items.map((item) => ({
        ...base,
        kind: item.kind,
        change: how,
        ...(item.where !== undefined ? { where: item.where } : {}),
        ...(item.value !== undefined ? { value: item.value } : {}),
        broad: how !== 'removed' && isBroad(item),
    }));
    const unknown = [{ kind: extractor.kind, value: undefined }];
    switch (change.action) {
        case 'Add':
            return out(after ? extractor.items(after) : unknown, 'added');
        case 'Remove':
            return out(before ? extractor.items(before) : unknown, 'removed');
        default: {
            if (!before || !after)
                return out(changedWithoutValues(change, extractor), 'changed');
            const { added, removed } = diffItems(extractor.items(before), extractor.items(after));
            return [...out(removed, 'removed'), ...out(added, 'added')];
        }
    }
}
/** Every security-relevant change of one stack, in the order of its resource changes. */
function stackSecurityChanges(stack) {
    return stack.changes.flatMap((c) => resourceSecurityChanges(stack.stackName, c));
}

// EXTERNAL MODULE: ./src/plan/model.ts + 1 modules
var model = __webpack_require__(304);
;// CONCATENATED MODULE: ./src/plan/analysis.ts
/**
 * What a plan means for the environment: which changes destroy something (and whether what
 * they destroy holds data), a switch of key mode, a move of the network, and the
 * security-relevant changes. The renderer shows it; the destructive-change policy judges it.
 */



/**
 * Resource types whose data goes with them: removing or replacing one loses something (or,
 * when retained, leaves it behind while the stack moves on to a new, empty one).
 */
const STATEFUL_TYPES = new Set([
    'AWS::S3::Bucket',
    'AWS::KMS::Key',
    'AWS::Logs::LogGroup',
    'AWS::DynamoDB::Table',
    'AWS::RDS::DBInstance',
    'AWS::RDS::DBCluster',
    'AWS::EFS::FileSystem',
    'AWS::SecretsManager::Secret',
    // Its metadata database (run history, connections, variables) goes with it.
    'AWS::MWAA::Environment',
]);
/** Types an MWAA environment is bound to for life: it cannot move subnet or VPC. */
const NETWORK_TYPES = new Set(['AWS::EC2::VPC', 'AWS::EC2::Subnet']);
/** The prerequisite stack's parameter that chooses the encryption (template KeyMode). */
const KEY_MODE_PARAMETER = 'KeyMode';
/** A change that deletes the resource as it is: a removal or a (possible) replacement. */
function isDestructive(change) {
    return destructiveReason(change) !== undefined;
}
/** Why a change is destructive, or undefined when it is not. */
function destructiveReason(change) {
    if (change.action === 'Remove')
        return 'remove';
    if (change.replacement === 'True')
        return 'replace';
    if (change.replacement === 'Conditional')
        return 'conditional-replace';
    return undefined;
}
/** True when any stack removes or replaces a resource. */
function planIsDestructive(plan) {
    return plan.stacks.some((s) => s.changes.some(isDestructive));
}
function keyModeSwitch(stack) {
    if (stack.role !== 'prerequisites')
        return undefined;
    const p = stack.parameters.find((x) => x.key === KEY_MODE_PARAMETER);
    if (p?.before === undefined || p.after === undefined || p.before === p.after)
        return undefined;
    return { stack: stack.stackName, before: p.before, after: p.after };
}
/**
 * Analyses a plan in one pass over its changes. Retention comes from the change's contexts
 * first (they carry the policies in force), then from the lists given by the caller.
 */
function analyzePlan(plan, options = {}) {
    const stateful = new Set([...STATEFUL_TYPES, ...(options.statefulTypes ?? [])]);
    const destructive = [];
    const securityChanges = [];
    const drift = [];
    let changeCount = 0;
    let switched;
    for (const stack of plan.stacks) {
        const listed = options.retained?.[stack.stackName];
        const onDelete = new Set(listed?.onDelete ?? []);
        const onReplace = new Set(listed?.onReplace ?? []);
        changeCount += stack.changes.length;
        for (const change of stack.changes) {
            const reason = destructiveReason(change);
            if (reason === undefined)
                continue;
            const on = reason === 'remove' ? 'delete' : 'replace';
            const retained = (0,analysis_context/* retainedByContext */.tx)(change, on) ??
                ((on === 'delete' ? onDelete : onReplace).has(change.logicalId) || undefined);
            destructive.push({
                stack: stack.stackName,
                logicalId: change.logicalId,
                type: change.type,
                reason,
                stateful: stateful.has(change.type),
                ...(retained !== undefined ? { retained } : {}),
            });
        }
        securityChanges.push(...stackSecurityChanges(stack));
        if (stack.drift?.status === 'checked') {
            const touched = new Set(stack.changes.filter((c) => c.action !== 'Add').map((c) => c.logicalId));
            for (const d of stack.drift.drifted) {
                drift.push({
                    ...d,
                    stack: stack.stackName,
                    security: SECURITY_TYPES.has(d.type),
                    revertedByPlan: touched.has(d.logicalId),
                });
            }
        }
        switched ??= keyModeSwitch(stack);
    }
    return {
        hasChanges: (0,model/* planHasChanges */.q)(plan),
        changeCount,
        destructive,
        ...(switched ? { keyModeSwitch: switched } : {}),
        networkReplacement: destructive.filter((d) => NETWORK_TYPES.has(d.type)),
        securityChanges,
        drift,
    };
}


/***/ }),

/***/ 1432:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K$: () => (/* binding */ additionsFrom),
/* harmony export */   _s: () => (/* binding */ toResourceChange),
/* harmony export */   xI: () => (/* binding */ parameterChanges)
/* harmony export */ });
function parseContext(text) {
    if (text === undefined)
        return undefined;
    try {
        return JSON.parse(text);
    }
    catch {
        return text;
    }
}
/** A CloudFormation change as the plan model holds it. */
function toResourceChange(change) {
    const rc = change.ResourceChange;
    if (change.Type !== 'Resource' || !rc?.LogicalResourceId)
        return undefined;
    const details = (rc.Details ?? []).map((d) => ({
        attribute: d.Target?.Attribute ?? 'Properties',
        name: d.Target?.Name,
        path: d.Target?.Path,
        requiresRecreation: d.Target?.RequiresRecreation,
        before: d.Target?.BeforeValue,
        after: d.Target?.AfterValue,
        evaluation: d.Evaluation,
        changeSource: d.ChangeSource,
        causingEntity: d.CausingEntity,
    }));
    return {
        action: (rc.Action ?? 'Dynamic'),
        logicalId: rc.LogicalResourceId,
        physicalId: rc.PhysicalResourceId,
        type: rc.ResourceType ?? 'Unknown',
        replacement: rc.Replacement,
        scope: rc.Scope ?? [],
        details,
        before: parseContext(rc.BeforeContext),
        after: parseContext(rc.AfterContext),
    };
}
/** Every resource of a template as an addition: the plan of a stack that cannot be planned yet. */
function additionsFrom(resources) {
    return resources.map((r) => ({
        action: 'Add',
        logicalId: r.logicalId,
        type: r.type,
        scope: [],
        details: [],
    }));
}
/**
 * Parameter changes: the deployed values against the planned ones. NoEcho values come back
 * from CloudFormation as '****' and are kept that way.
 */
function parameterChanges(planned, deployed) {
    const before = new Map((deployed ?? []).map((p) => [p.ParameterKey ?? '', p.ParameterValue]));
    return planned.map((p) => ({
        key: p.key,
        before: before.get(p.key),
        after: p.value,
        ...(p.knownAfterDeploy ? { knownAfterDeploy: p.knownAfterDeploy } : {}),
    }));
}


/***/ }),

/***/ 1731:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AV: () => (/* binding */ describeFingerprintChange),
/* harmony export */   an: () => (/* binding */ planFingerprint)
/* harmony export */ });
/* unused harmony export templateDigest */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);

/** JSON with sorted keys, so equal data always gives equal text. */
function canonical(value) {
    if (Array.isArray(value))
        return `[${value.map(canonical).join(',')}]`;
    if (value !== null && typeof value === 'object') {
        const entries = Object.entries(value)
            .filter(([, v]) => v !== undefined)
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
        return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
    }
    return JSON.stringify(value);
}
/** SHA-256 of a template body, as the fingerprint records it. */
function templateDigest(body) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(body).digest('hex');
}
const digest = (value) => (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(canonical(value)).digest('hex');
/**
 * A fingerprint of what the plan would do: the templates, the parameters, each stack's state
 * before the plan, and every change with its details. It leaves out what differs between two
 * plans of the same thing (times, change set names), so a deploy can recompute it and tell
 * whether it is about to do what reviewers saw.
 */
function planFingerprint(plan, templates) {
    const parts = {};
    for (const s of plan.stacks) {
        parts[`${s.role}.template`] = templateDigest(templates[s.role] ?? '');
        parts[`${s.role}.parameters`] = digest(s.parameters.map((p) => [p.key, p.before, p.after, p.knownAfterDeploy]));
        parts[`${s.role}.state`] = digest([s.stackName, s.status]);
        parts[`${s.role}.changes`] = digest([
            s.action,
            s.changes.map((c) => ({
                action: c.action,
                logicalId: c.logicalId,
                physicalId: c.physicalId,
                type: c.type,
                replacement: c.replacement,
                scope: c.scope,
                details: c.details,
            })),
        ]);
    }
    if (plan.code)
        Object.assign(parts, codeParts(plan.code));
    const scope = [plan.version, plan.environmentName, plan.region, plan.accountId, plan.keyMode];
    const value = digest({ scope, parts });
    const short = Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, v.slice(0, 12)]));
    return { value, parts: short };
}
/**
 * The release-time code's parts: `code.files`, the content of every local file (so a file edited
 * after review is caught even when the plan's lists stay the same), and `code.sync`, what the
 * deploy would upload and delete given the bucket.
 */
function codeParts(code) {
    const { cost: _cost, warnings: _warnings, localDigest, ...sync } = code;
    return { 'code.files': digest(localDigest ?? ''), 'code.sync': digest(sync) };
}
const PART_WORDS = {
    files: 'the files differ from the reviewed ones',
    sync: 'the bucket changed, so the uploads and deletions differ',
    template: 'its template changed',
    parameters: 'its parameters changed',
    state: 'the stack changed in AWS',
    changes: 'CloudFormation now plans different changes',
};
/** Which parts differ between a reviewed fingerprint and a new one, in words. */
function describeFingerprintChange(reviewed, current, stackNames = {}) {
    const lines = [];
    for (const key of Object.keys({ ...reviewed, ...current })) {
        if (reviewed[key] === current[key])
            continue;
        const [role = key, part = ''] = key.split('.');
        lines.push(`${stackNames[role] ?? role}: ${PART_WORDS[part] ?? `${part} changed`}`);
    }
    return lines;
}


/***/ }),

/***/ 304:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Z: () => (/* binding */ PLAN_MODEL_VERSION),
  q: () => (/* binding */ planHasChanges)
});

;// CONCATENATED MODULE: ./src/plan/code-model.ts
/**
 * The release-time code part of the plan model (see model.ts): what a deploy would upload to and
 * delete from the bucket, file by file. Plain data, serialisable to JSON, like the rest of the plan.
 */
/** True when a deploy would upload or delete anything. */
function codeHasChanges(code) {
    if (!code)
        return false;
    const d = code.dags;
    const dagChanges = d ? d.added.length + d.changed.length + d.removed.length > 0 : false;
    return (dagChanges ||
        [code.requirements, code.plugins, code.startupScript].some((f) => f !== undefined && f.status !== 'unchanged'));
}

;// CONCATENATED MODULE: ./src/plan/model.ts
/**
 * The plan model: the contract between the engine and everything that presents a plan
 * (renderer, PR comment, job summary, JSON file). Plain data, serialisable to JSON, versioned.
 */

/** Bumped whenever a field changes meaning or disappears. */
const PLAN_MODEL_VERSION = 1;
/** True when any stack changes, or the release-time code would upload or delete anything. */
function planHasChanges(plan) {
    return plan.stacks.some((s) => s.action !== 'none') || codeHasChanges(plan.code);
}


/***/ }),

/***/ 7341:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Uf: () => (/* binding */ MARKER_VERSION),
/* harmony export */   db: () => (/* binding */ stripMarker),
/* harmony export */   gJ: () => (/* binding */ formatMarker),
/* harmony export */   gY: () => (/* binding */ parseMarker)
/* harmony export */ });
/* unused harmony export isOurComment */
/**
 * The hidden marker that makes a plan comment "ours": an HTML comment on the body's first line,
 *
 *   <!-- mwaa-deploy:v1 environment=prod fingerprint=9f2c status=planned -->
 *
 * invisible in the rendered comment, versioned so a later format can tell old comments apart,
 * and carrying the caller's fields (a plan fingerprint, planned/applied) for later runs to read.
 */
/** The marker format this code writes and understands. */
const MARKER_VERSION = 1;
const PREFIX = 'mwaa-deploy';
const FIELD_NAME = /^[a-z][a-z0-9_-]*$/;
// Anchored at the body's start: a comment that merely quotes the marker text is not ours.
const MARKER = /^\s*<!--\s*mwaa-deploy:v(\d+)((?:[ \t]+[^\s=]+=[^\s]*)*)[ \t]*-->/;
/**
 * The marker line for an environment and extra fields. Values are percent-encoded, so no value
 * (not even one holding `-->` or spaces) can end the HTML comment or split a field. Throws on a
 * field name that is not `[a-z][a-z0-9_-]*` or that tries to replace `environment`.
 */
function formatMarker(environment, fields = {}) {
    const parts = [`environment=${encodeValue(environment)}`];
    for (const [name, value] of Object.entries(fields)) {
        if (!FIELD_NAME.test(name) || name === 'environment') {
            throw new Error(`Invalid comment marker field '${name}'. Expected [a-z][a-z0-9_-]*.`);
        }
        parts.push(`${name}=${encodeValue(value)}`);
    }
    return `<!-- ${PREFIX}:v${MARKER_VERSION} ${parts.join(' ')} -->`;
}
/** Reads the marker at the start of a comment body; undefined when the body has none. */
function parseMarker(body) {
    const match = MARKER.exec(body);
    if (!match)
        return undefined;
    const fields = {};
    let environment;
    for (const pair of (match[2] ?? '').trim().split(/\s+/)) {
        const at = pair.indexOf('=');
        if (at <= 0)
            continue;
        const name = pair.slice(0, at);
        const value = decodeValue(pair.slice(at + 1));
        if (name === 'environment')
            environment = value;
        else
            fields[name] = value;
    }
    if (environment === undefined)
        return undefined;
    return { version: Number(match[1]), environment, fields };
}
/** Whether a body carries this code's marker for this environment. */
function isOurComment(body, environment) {
    const marker = parseMarker(body);
    return marker?.version === MARKER_VERSION && marker.environment === environment;
}
/** The body without its marker line (and the newline after it). */
function stripMarker(body) {
    const match = MARKER.exec(body);
    return match ? body.slice(match[0].length).replace(/^\r?\n/, '') : body;
}
function encodeValue(value) {
    // encodeURIComponent leaves [A-Za-z0-9-_.!~*'()] alone and escapes < > space = and the rest.
    return encodeURIComponent(value);
}
function decodeValue(value) {
    try {
        return decodeURIComponent(value);
    }
    catch {
        return value;
    }
}


/***/ }),

/***/ 9690:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  v: () => (/* binding */ publishResult),
  J: () => (/* binding */ writePlanFile)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/plan/analysis.ts + 1 modules
var analysis = __webpack_require__(7198);
// EXTERNAL MODULE: ./src/plan/model.ts + 1 modules
var model = __webpack_require__(304);
// EXTERNAL MODULE: ./src/render/markdown.ts + 6 modules
var markdown = __webpack_require__(3753);
// EXTERNAL MODULE: ./src/render/escape.ts
var render_escape = __webpack_require__(7789);
;// CONCATENATED MODULE: ./src/render/import-errors-markdown.ts

/** At most this many rows in the job summary; the log lists every error. */
const MAX_ROWS = 100;
/**
 * Airflow's import errors after the deploy, for the job summary: one row per file, the files
 * this deploy changed first (they decide the step), or the one line saying why nothing was asked.
 */
function renderImportErrorsMarkdown(outcome) {
    const heading = '### Airflow import errors';
    if (outcome.kind !== 'checked') {
        return [
            heading,
            '',
            (0,render_escape/* escapeInline */.VV)(outcome.reason.replace(/^Import errors not checked: /, 'Not checked: ')),
            '',
        ].join('\n');
    }
    if (outcome.errors.length === 0) {
        return [heading, '', 'Airflow reports no import errors.', ''].join('\n');
    }
    const sorted = [...outcome.errors].sort((a, b) => Number(b.changedByDeploy) - Number(a.changedByDeploy) || a.file.localeCompare(b.file));
    const ours = sorted.filter((e) => e.changedByDeploy).length;
    const verdict = outcome.failed
        ? `\u274c ${ours} DAG file${ours === 1 ? '' : 's'} this deploy changed failed to import.`
        : ours > 0
            ? `\u26a0\ufe0f ${ours} DAG file${ours === 1 ? '' : 's'} this deploy changed failed to import (import-errors: warn).`
            : `\u26a0\ufe0f ${sorted.length} import error${sorted.length === 1 ? '' : 's'}, none in a file this deploy changed.`;
    const rows = sorted
        .slice(0, MAX_ROWS)
        .map((e) => `| ${e.changedByDeploy ? 'yes' : ''} | ${(0,render_escape/* escapeCell */.kq)(e.file)} | ${(0,render_escape/* escapeCell */.kq)(e.message)} |`);
    const more = sorted.length > MAX_ROWS ? [`_${sorted.length - MAX_ROWS} more in the log._`, ''] : [];
    return [
        heading,
        '',
        verdict,
        '',
        '| changed by this deploy | file | error |',
        '| --- | --- | --- |',
        ...rows,
        '',
        ...more,
    ].join('\n');
}

;// CONCATENATED MODULE: ./src/render/verify-markdown.ts

/** The checks as a table for the job summary: one row per check, failures first in words. */
function renderVerifyMarkdown(report) {
    const icon = (ok, severity) => ok ? '\u2705' : severity === 'warning' ? '\u26a0\ufe0f' : '\u274c';
    const rows = report.results.map((r) => `| ${icon(r.ok, r.severity)} | ${(0,render_escape/* escapeCell */.kq)(r.title)} | ${r.ok ? '' : (0,render_escape/* escapeCell */.kq)(r.details)} |`);
    const failed = report.results.filter((r) => !r.ok && r.severity === 'error').length;
    const verdict = failed === 0 ? 'All checks passed.' : `${failed} check${failed === 1 ? '' : 's'} failed.`;
    return [
        '### MWAA checks',
        '',
        verdict,
        '',
        '| | check | details |',
        '| --- | --- | --- |',
        ...rows,
        '',
    ].join('\n');
}

;// CONCATENATED MODULE: ./src/environment/outputs.ts
/** The environment stack's outputs as the action's outputs. */
/** The log group outputs of the environment template, one per enabled log type. */
const LOG_GROUP_OUTPUTS = [
    'DagProcessingLogGroupArn',
    'SchedulerLogGroupArn',
    'TaskLogGroupArn',
    'WebserverLogGroupArn',
    'WorkerLogGroupArn',
];
/** `environment-arn`, `webserver-url` and `log-group-arns` (comma separated) from the stack's outputs. */
function environmentOutputs(outputs) {
    return [
        ['environment-arn', outputs['EnvironmentArn'] ?? ''],
        ['webserver-url', outputs['WebserverUrl'] ?? ''],
        ['log-group-arns', logGroupArns(outputs).join(',')],
    ];
}
/** The log group ARNs among the outputs, in the template's order. */
function logGroupArns(outputs) {
    return LOG_GROUP_OUTPUTS.map((k) => outputs[k]).filter((v) => !!v);
}

;// CONCATENATED MODULE: ./src/publish/code-outputs.ts
/**
 * The code's outputs after a deploy: the object versions MWAA pins (empty for a file whose input
 * is not set) and the DAG counts.
 */
function publishCodeOutputs(code, sink) {
    sink.setOutput('requirements-s3-object-version', code.versions.requirementsVersion ?? '');
    sink.setOutput('plugins-s3-object-version', code.versions.pluginsVersion ?? '');
    sink.setOutput('startup-script-s3-object-version', code.versions.startupScriptVersion ?? '');
    sink.setOutput('dags-added', String(code.dags.added));
    sink.setOutput('dags-changed', String(code.dags.changed));
    sink.setOutput('dags-removed', String(code.dags.removed));
}

;// CONCATENATED MODULE: ./src/publish/publish.ts









/** Writes the plan as JSON where later steps can read it; returns the path. */
async function writePlanFile(plan, directory) {
    await (0,promises_.mkdir)(directory, { recursive: true });
    const safeName = plan.environmentName.replace(/[^A-Za-z0-9_-]/g, '-');
    const path = (0,external_node_path_.join)(directory, `mwaa-deploy-plan-${safeName}.json`);
    await (0,promises_.writeFile)(path, `${JSON.stringify(plan, null, 2)}\n`);
    return path;
}
/** Sets the step outputs and the job summary from a run's result. */
async function publishResult(result, sink, options) {
    const parts = [];
    if (result.plan) {
        sink.setOutput('has-changes', String((0,model/* planHasChanges */.q)(result.plan)));
        sink.setOutput('destructive', String((0,analysis/* planIsDestructive */.WD)(result.plan)));
        sink.setOutput('plan-file', await writePlanFile(result.plan, options.planDirectory));
        parts.push((0,markdown/* renderForSummary */.cD)(result.plan, options.renderContext ?? { mode: 'plan' }));
    }
    const outputs = result.verify?.outputs;
    if (outputs) {
        sink.setOutput('vpc-id', outputs.vpcId);
        sink.setOutput('private-subnet-ids', outputs.privateSubnetIds.join(','));
        sink.setOutput('public-subnet-ids', outputs.publicSubnetIds.join(','));
        sink.setOutput('security-group-id', outputs.securityGroupId);
        sink.setOutput('bucket-name', outputs.bucketName);
        sink.setOutput('bucket-arn', outputs.bucketArn);
        sink.setOutput('execution-role-arn', outputs.executionRoleArn);
        sink.setOutput('kms-key-arn', outputs.kmsKeyArn ?? '');
    }
    const environment = result.deploy?.environmentOutputs ?? result.verify?.environmentOutputs;
    if (environment)
        for (const [name, value] of environmentOutputs(environment))
            sink.setOutput(name, value);
    if (result.code)
        publishCodeOutputs(result.code, sink);
    if (result.verify)
        parts.push(renderVerifyMarkdown(result.verify));
    const importErrors = result.importErrors;
    if (importErrors) {
        // The count when Airflow was asked; empty when it was not (off, no DAG change, no access).
        sink.setOutput('import-errors', importErrors.kind === 'checked' ? String(importErrors.errors.length) : '');
        parts.push(renderImportErrorsMarkdown(importErrors));
    }
    if (parts.length > 0)
        await sink.appendSummary(`${parts.join('\n')}\n`);
}


/***/ }),

/***/ 9519:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EO: () => (/* binding */ measureBytes),
/* harmony export */   Ju: () => (/* binding */ Tier),
/* harmony export */   Uj: () => (/* binding */ fit),
/* harmony export */   yI: () => (/* binding */ measureChars)
/* harmony export */ });
/**
 * Fits a rendered document into a size limit by leaving parts out, least useful first, without
 * rendering anything twice: every part is measured once, and dropping one only subtracts its
 * size. The order: property details (largest first, so that as many resources as possible keep
 * theirs), then the diagram, then resource rows (from the end), security rows, parameter rows.
 * Parts of tier KEEP (header, warnings, summary) are never left out.
 */
/** GitHub limits a comment body in characters (a JS string's length never undercounts them). */
const measureChars = (text) => text.length;
/** The job summary is limited in bytes of UTF-8. */
const measureBytes = (text) => Buffer.byteLength(text, 'utf8');
const Tier = {
    KEEP: 0,
    DETAILS: 1,
    DIAGRAM: 2,
    ROWS: 3,
    SECURITY: 4,
    PARAMETERS: 5,
};
const NONE = { details: 0, diagram: 0, rows: 0, security: 0, parameters: 0 };
const TIER_KEY = {
    1: 'details',
    2: 'diagram',
    3: 'rows',
    4: 'security',
    5: 'parameters',
};
/**
 * Joins the parts with line breaks, leaving parts out until the text fits `limit` as
 * measured by `measure`. `trimNote` writes the note shown when anything was left out.
 */
function fit(parts, limit, measure, trimNote) {
    const sizes = parts.map((p) => measure(p.text) + 1);
    let total = sizes.reduce((a, b) => a + b, 0);
    const dropped = new Array(parts.length).fill(false);
    if (total <= limit)
        return { text: assemble(parts, dropped, NONE, trimNote), dropped: NONE, trimmed: false };
    // Room for the notes, sized for the most that could be left out.
    const rowsOf = new Map();
    const most = { ...NONE };
    for (const part of parts) {
        if (part.group)
            rowsOf.set(part.group, (rowsOf.get(part.group) ?? 0) + 1);
        if (part.tier !== Tier.KEEP)
            most[TIER_KEY[part.tier]]++;
    }
    total += measure(trimNote(most)) + 1;
    const noted = new Set();
    const drop = (i) => {
        dropped[i] = true;
        total -= sizes[i] ?? 0;
        const group = parts[i]?.group;
        if (group && !noted.has(group)) {
            noted.add(group);
            total += measure(group.note(rowsOf.get(group) ?? 0)) + 1;
        }
    };
    const counts = { ...NONE };
    for (const tier of [Tier.DETAILS, Tier.DIAGRAM, Tier.ROWS, Tier.SECURITY, Tier.PARAMETERS]) {
        const candidates = [];
        for (let i = parts.length - 1; i >= 0; i--)
            if (parts[i]?.tier === tier)
                candidates.push(i);
        if (tier === Tier.DETAILS)
            candidates.sort((a, b) => (sizes[b] ?? 0) - (sizes[a] ?? 0) || a - b);
        // Routine parts go before important ones (the rows of destructive changes stay longest);
        // the sort is stable, so the order within each kind is kept.
        candidates.sort((a, b) => Number(parts[a]?.important ?? false) - Number(parts[b]?.important ?? false));
        for (const i of candidates) {
            if (total <= limit)
                break;
            drop(i);
            counts[TIER_KEY[tier]]++;
        }
        if (total <= limit)
            break;
    }
    let text = assemble(parts, dropped, counts, trimNote);
    // The hard cut adds the note itself: assemble without it, or it would appear twice.
    if (measure(text) > limit) {
        text = hardCut(assemble(parts, dropped, counts, () => ''), limit, measure, trimNote(counts));
    }
    return { text, dropped: counts, trimmed: true };
}
function assemble(parts, dropped, counts, trimNote) {
    const omitted = new Map();
    const out = [];
    const trimmed = Object.values(counts).some((n) => n > 0);
    parts.forEach((part, i) => {
        if (dropped[i]) {
            if (part.group)
                omitted.set(part.group, (omitted.get(part.group) ?? 0) + 1);
            return;
        }
        if (part.trimNote) {
            if (trimmed)
                out.push(trimNote(counts));
            return;
        }
        const n = part.endOf ? (omitted.get(part.endOf) ?? 0) : 0;
        if (part.endOf && n > 0)
            out.push(part.endOf.note(n));
        out.push(part.text);
    });
    return out.join('\n');
}
/** Only when even the parts kept always do not fit: cut at a line break, then the note. */
function hardCut(text, limit, measure, note) {
    const room = limit - measure(note) - 2;
    let end = Math.min(text.length, Math.max(0, room));
    while (end > 0 && measure(text.slice(0, end)) > room)
        end = Math.floor(end * 0.9);
    const cut = text.lastIndexOf('\n', end);
    return `${text.slice(0, cut > 0 ? cut : end)}\n\n${note}`;
}


/***/ }),

/***/ 6513:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BQ: () => (/* binding */ codeTarget),
/* harmony export */   PM: () => (/* binding */ codeOnlyVerdict),
/* harmony export */   RQ: () => (/* binding */ singleFileLine),
/* harmony export */   Xe: () => (/* binding */ dagCounts),
/* harmony export */   Yi: () => (/* binding */ pluginCounts),
/* harmony export */   Zq: () => (/* binding */ requirementsCounts),
/* harmony export */   vz: () => (/* binding */ normalizeCode)
/* harmony export */ });
/* harmony import */ var _escape_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7789);

const NAME_MAX = 1_100;
const STATUSES = ['added', 'changed', 'unchanged'];
const names = (value) => Array.isArray(value) ? value.map((v) => (0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .truncate */ .xv)(String(v), NAME_MAX)) : [];
const count = (value) => typeof value === 'number' && Number.isFinite(value) ? value : 0;
function single(f) {
    if (!f || typeof f !== 'object')
        return undefined;
    const status = STATUSES.includes(f.status) ? f.status : 'changed';
    return {
        ...f,
        key: (0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .truncate */ .xv)(String(f.key), NAME_MAX),
        status,
        ...(f.currentVersion !== undefined && {
            currentVersion: (0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .truncate */ .xv)(String(f.currentVersion), 200),
        }),
    };
}
/** The code plan with every field of the expected shape (or undefined when there is none). */
function normalizeCode(code) {
    if (!code || typeof code !== 'object')
        return undefined;
    const requirements = single(code.requirements);
    const plugins = single(code.plugins);
    return {
        ...(code.bucket !== undefined && { bucket: (0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .truncate */ .xv)(String(code.bucket), 200) }),
        newBucket: code.newBucket === true,
        ...(code.dags && {
            dags: {
                prefix: (0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .truncate */ .xv)(String(code.dags.prefix), NAME_MAX),
                added: names(code.dags.added),
                changed: names(code.dags.changed),
                removed: names(code.dags.removed),
                unchanged: count(code.dags.unchanged),
                remoteCount: count(code.dags.remoteCount),
            },
        }),
        ...(requirements && {
            requirements: {
                ...requirements,
                addedLines: names(requirements.addedLines),
                removedLines: names(requirements.removedLines),
            },
        }),
        ...(plugins && {
            plugins: {
                ...plugins,
                source: plugins.source === 'zip' ? 'zip' : 'folder',
                addedEntries: names(plugins.addedEntries),
                changedEntries: names(plugins.changedEntries),
                removedEntries: names(plugins.removedEntries),
            },
        }),
        ...(code.startupScript && { startupScript: single(code.startupScript) }),
        cost: { listPages: count(code.cost?.listPages), heads: count(code.cost?.heads) },
        warnings: names(code.warnings).map((w) => (0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .truncate */ .xv)(w, 2_000)),
    };
}
const plural = (n, one, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
/** Where the code goes, in one line. */
function codeTarget(code) {
    return code.newBucket || code.bucket === undefined
        ? 'The bucket is created by the prerequisite stack: every file is uploaded once it exists.'
        : `Compared by content with s3://${code.bucket}/ (nothing is written by a plan).`;
}
/** The DAG folder in one phrase: "3 added, 1 changed, 2 removed, 1,994 unchanged". */
function dagCounts(code) {
    const d = code.dags;
    if (!d)
        return undefined;
    return `${d.added.length} added, ${d.changed.length} changed, ${d.removed.length} removed, ${d.unchanged} unchanged`;
}
/** One root file's change in a phrase, with what MWAA does about it. */
function singleFileLine(f, what) {
    if (f.status === 'unchanged') {
        return `unchanged${f.currentVersion ? ` (version ${f.currentVersion} stays)` : ''}`;
    }
    const verb = f.status === 'added' ? 'added' : 'changed';
    const from = f.currentVersion ? `: version ${f.currentVersion} -> a new version` : '';
    const takes = what === 'startup'
        ? 'the environment runs it after it takes the new version'
        : 'the environment installs it once it takes the new version';
    return `${verb}${from}; ${takes}`;
}
/** requirements.txt's diff in a phrase. */
function requirementsCounts(r) {
    if (r.status === 'unchanged')
        return 'no line changes';
    const note = r.previousUnread ? ' (the old file could not be read)' : '';
    return `${plural(r.addedLines.length, 'line')} added, ${r.removedLines.length} removed${note}`;
}
/** plugins.zip's entries in a phrase. */
function pluginCounts(p) {
    if (p.status === 'unchanged')
        return 'no entry changes';
    const note = p.previousUnread ? ' (the old zip could not be read)' : '';
    return `${plural(p.addedEntries.length, 'entry', 'entries')} added, ${p.changedEntries.length} changed, ${p.removedEntries.length} removed${note}`;
}
/** The verdict of a plan whose stacks do not change but whose code does. */
function codeOnlyVerdict(plan) {
    const code = normalizeCode(plan.code);
    if (!code)
        return undefined;
    const files = [
        ...(code.dags ? [code.dags.added.length + code.dags.changed.length] : []),
        ...[code.requirements, code.plugins, code.startupScript].map((f) => f && f.status !== 'unchanged' ? 1 : 0),
    ].reduce((a, b) => a + b, 0);
    const removed = code.dags?.removed.length ?? 0;
    if (files + removed === 0)
        return undefined;
    return {
        level: 'changes',
        text: `No stack changes; code: ${plural(files, 'file')} to upload, ${plural(removed, 'DAG object')} to delete.`,
    };
}


/***/ }),

/***/ 5790:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  I: () => (/* binding */ prepareRender)
});

// EXTERNAL MODULE: ./src/plan/analysis.ts + 1 modules
var plan_analysis = __webpack_require__(7198);
// EXTERNAL MODULE: ./src/render/escape.ts
var render_escape = __webpack_require__(7789);
;// CONCATENATED MODULE: ./src/render/normalize.ts

/** Longest name, status or reason shown in the parts of a rendering that are always kept. */
const NAME_MAX = 200;
const TEXT_MAX = 2_000;
function oneOf(value, allowed) {
    return allowed.includes(value) ? value : undefined;
}
const normalize_text = (value, max) => (0,render_escape/* truncate */.xv)(String(value ?? ''), max);
const optional = (value, max) => value === undefined || value === null ? undefined : normalize_text(value, max);
function detail(d) {
    return {
        ...d,
        attribute: normalize_text(d.attribute, NAME_MAX),
        requiresRecreation: oneOf(d.requiresRecreation, ['Never', 'Conditionally', 'Always']),
    };
}
function change(c) {
    return {
        ...c,
        action: oneOf(c.action, ['Add', 'Modify', 'Remove', 'Import', 'Dynamic']) ?? 'Dynamic',
        logicalId: normalize_text(c.logicalId, NAME_MAX),
        type: normalize_text(c.type, NAME_MAX),
        replacement: oneOf(c.replacement, ['True', 'False', 'Conditional']),
        scope: Array.isArray(c.scope) ? c.scope.map((x) => normalize_text(x, NAME_MAX)) : [],
        details: Array.isArray(c.details) ? c.details.map(detail) : [],
    };
}
function drifted(d) {
    return {
        ...d,
        logicalId: normalize_text(d.logicalId, NAME_MAX),
        type: normalize_text(d.type, NAME_MAX),
        status: oneOf(d.status, ['MODIFIED', 'DELETED']) ?? 'MODIFIED',
        differences: Array.isArray(d.differences)
            ? d.differences.map((p) => ({
                ...p,
                path: normalize_text(p.path, TEXT_MAX),
                kind: oneOf(p.kind, ['ADD', 'REMOVE', 'NOT_EQUAL']) ?? 'NOT_EQUAL',
            }))
            : [],
    };
}
function drift(d) {
    if (d === undefined || d === null || typeof d !== 'object')
        return undefined;
    if (d.status === 'checked') {
        return { status: 'checked', drifted: Array.isArray(d.drifted) ? d.drifted.map(drifted) : [] };
    }
    return { status: 'unavailable', reason: normalize_text(d.reason, TEXT_MAX) };
}
function prechecks(list) {
    if (!Array.isArray(list))
        return undefined;
    return list.map((p) => ({
        id: normalize_text(p?.id, NAME_MAX),
        title: normalize_text(p?.title, NAME_MAX),
        details: normalize_text(p?.details, TEXT_MAX),
        allowable: p?.allowable === true,
    }));
}
function stack(s) {
    const d = drift(s.drift);
    const failed = prechecks(s.failedPrechecks);
    return {
        ...s,
        role: oneOf(s.role, ['vpc', 'prerequisites', 'environment']) ?? 'prerequisites',
        stackName: normalize_text(s.stackName, NAME_MAX),
        status: normalize_text(s.status, NAME_MAX),
        action: oneOf(s.action, ['create', 'update', 'none']) ?? 'update',
        source: oneOf(s.source, ['change-set', 'template']) ?? 'change-set',
        templateSource: normalize_text(s.templateSource, NAME_MAX),
        parameters: Array.isArray(s.parameters) ? s.parameters : [],
        changes: Array.isArray(s.changes) ? s.changes.map(change) : [],
        warnings: Array.isArray(s.warnings) ? s.warnings.map((w) => normalize_text(w, TEXT_MAX)) : [],
        ...(d ? { drift: d } : { drift: undefined }),
        ...(failed ? { failedPrechecks: failed } : { failedPrechecks: undefined }),
    };
}
/**
 * A plan made safe to render whatever its origin (a plan file can come from anywhere): fields
 * with a fixed set of values keep only those values, and the names, statuses and notes that
 * every rendering keeps whole are bounded, so none of them can push the verdict out of a comment.
 */
function normalizePlan(plan) {
    return {
        ...plan,
        environmentName: normalize_text(plan.environmentName, NAME_MAX),
        region: normalize_text(plan.region, NAME_MAX),
        accountId: optional(plan.accountId, NAME_MAX),
        createdAt: normalize_text(plan.createdAt, NAME_MAX),
        keyMode: normalize_text(plan.keyMode, NAME_MAX),
        stacks: Array.isArray(plan.stacks) ? plan.stacks.map(stack) : [],
        warnings: Array.isArray(plan.warnings) ? plan.warnings.map((w) => normalize_text(w, TEXT_MAX)) : [],
    };
}

// EXTERNAL MODULE: ./src/render/scrub.ts
var render_scrub = __webpack_require__(3067);
;// CONCATENATED MODULE: ./src/render/context.ts
/**
 * What a renderer knows besides the plan: where it runs (commit, workflow run), what to hide
 * (secrets, NoEcho parameters, the account), and facts from the stacks' templates. Both
 * renderers start from `prepareRender`, which scrubs the plan and analyses it once.
 */



/** Scrubs the plan and the context, then analyses the scrubbed plan. */
function prepareRender(plan, ctx) {
    const declared = [
        ...(ctx.noEchoKeys ?? []),
        ...Object.values(ctx.templates ?? {}).flatMap((t) => t.noEcho ?? []),
    ];
    const keys = (0,render_scrub/* noEchoKeys */.t5)(plan, declared);
    const secrets = [
        ...(ctx.secrets ?? []),
        ...(0,render_scrub/* noEchoValues */.FM)(plan, keys),
        ...(ctx.maskAccount && plan.accountId ? [plan.accountId] : []),
    ];
    const scrub = (0,render_scrub/* secretScrubber */.vt)(secrets);
    const clean = (0,render_scrub/* scrubPlan */.vU)(normalizePlan(plan), keys, scrub);
    const retained = Object.fromEntries(Object.entries(ctx.templates ?? {}).flatMap(([stack, t]) => t.retained ? [[stack, t.retained]] : []));
    const analysis = (0,plan_analysis/* analyzePlan */.U5)(clean, {
        retained,
        ...(ctx.statefulTypes ? { statefulTypes: ctx.statefulTypes } : {}),
    });
    const text = (v) => (v === undefined ? undefined : scrub(v));
    return {
        plan: clean,
        analysis,
        scrub,
        ctx: {
            ...ctx,
            commitSha: text(ctx.commitSha),
            runUrl: text(ctx.runUrl),
            repository: text(ctx.repository),
        },
    };
}


/***/ }),

/***/ 7967:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Oz: () => (/* binding */ describeSecurityChange),
/* harmony export */   Tn: () => (/* binding */ securityKindLabel)
/* harmony export */ });
/* unused harmony exports describeStatement, describeRule */
/* harmony import */ var _plan_analysis_context_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8615);
/* harmony import */ var _properties_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6539);
/**
 * Security changes in words, as plain text: a statement as "Allow s3:GetObject on arn:\u2026 for
 * Service airflow.amazonaws.com when {\u2026}", a rule as "all traffic from 0.0.0.0/0".
 */


const list = (v) => (Array.isArray(v) ? v : [v]).map((x) => (0,_properties_js__WEBPACK_IMPORTED_MODULE_0__/* .valueText */ .R)(x) ?? '').join(', ');
function principal(p) {
    if (!(0,_plan_analysis_context_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u4)(p))
        return list(p);
    return Object.entries(p)
        .map(([kind, who]) => `${kind} ${list(who)}`)
        .join('; ');
}
/** An IAM or resource policy statement in one line. */
function describeStatement(s) {
    if (!(0,_plan_analysis_context_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u4)(s))
        return (0,_properties_js__WEBPACK_IMPORTED_MODULE_0__/* .valueText */ .R)(s) ?? '';
    const parts = [];
    if (s['Sid'] !== undefined)
        parts.push(`[${(0,_properties_js__WEBPACK_IMPORTED_MODULE_0__/* .valueText */ .R)(s['Sid'])}]`);
    parts.push(String(s['Effect'] ?? '?'));
    if (s['Action'] !== undefined)
        parts.push(list(s['Action']));
    if (s['NotAction'] !== undefined)
        parts.push(`any action except ${list(s['NotAction'])}`);
    if (s['Resource'] !== undefined)
        parts.push(`on ${list(s['Resource'])}`);
    if (s['NotResource'] !== undefined)
        parts.push(`on any resource except ${list(s['NotResource'])}`);
    if (s['Principal'] !== undefined)
        parts.push(`for ${principal(s['Principal'])}`);
    if (s['NotPrincipal'] !== undefined)
        parts.push(`for anyone except ${principal(s['NotPrincipal'])}`);
    if (s['Condition'] !== undefined)
        parts.push(`when ${JSON.stringify(s['Condition'])}`);
    return parts.join(' ');
}
const PEERS = [
    'CidrIp',
    'CidrIpv6',
    'SourceSecurityGroupId',
    'SourceSecurityGroupName',
    'SourcePrefixListId',
    'DestinationSecurityGroupId',
    'DestinationPrefixListId',
];
/** A security group rule in one line: protocol and ports, peer, description. */
function describeRule(r, kind) {
    if (!(0,_plan_analysis_context_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u4)(r))
        return (0,_properties_js__WEBPACK_IMPORTED_MODULE_0__/* .valueText */ .R)(r) ?? '';
    const protocol = String(r['IpProtocol'] ?? '?');
    const from = r['FromPort'];
    const to = r['ToPort'];
    const ports = from === undefined
        ? ''
        : from === to || to === undefined
            ? ` port ${String(from)}`
            : ` ports ${String(from)}-${String(to)}`;
    const what = protocol === '-1' ? 'all traffic' : `${protocol}${ports}`;
    const peerKey = PEERS.find((k) => r[k] !== undefined);
    const peer = peerKey ? `${kind === 'egress-rule' ? 'to' : 'from'} ${(0,_properties_js__WEBPACK_IMPORTED_MODULE_0__/* .valueText */ .R)(r[peerKey])}` : '';
    const group = r['GroupId'] !== undefined ? ` (group ${(0,_properties_js__WEBPACK_IMPORTED_MODULE_0__/* .valueText */ .R)(r['GroupId'])})` : '';
    const description = r['Description'] !== undefined ? ` - ${(0,_properties_js__WEBPACK_IMPORTED_MODULE_0__/* .valueText */ .R)(r['Description'])}` : '';
    return `${what} ${peer}`.trim() + group + description;
}
/** The label of a kind of change, with where it sits (the inline policy's name). */
function securityKindLabel(c) {
    // A whole resource added or removed without values: say what it is.
    if (c.value === undefined && c.change !== 'changed')
        return c.type;
    const where = c.where ? ` ${c.where}` : '';
    switch (c.kind) {
        case 'trust-statement':
            return 'trust policy';
        case 'iam-statement':
            return c.change === 'changed' ? `IAM${where}` : `IAM policy${where}`;
        case 'managed-policy':
            return 'managed policy';
        case 'key-policy-statement':
            return 'key policy';
        case 'resource-policy-statement':
            return 'resource policy';
        case 'ingress-rule':
            return 'ingress rule';
        case 'egress-rule':
            return 'egress rule';
    }
}
/** What changed, in one line. */
function describeSecurityChange(c) {
    if (c.value === undefined) {
        if (c.change === 'changed')
            return `${c.where ?? 'policy'} changes (CloudFormation gave no values)`;
        return c.change === 'added'
            ? 'new resource; its statements or rules could not be read from the template'
            : 'resource removed, with its statements or rules';
    }
    if (c.kind === 'ingress-rule' || c.kind === 'egress-rule')
        return describeRule(c.value, c.kind);
    if (c.kind === 'managed-policy')
        return (0,_properties_js__WEBPACK_IMPORTED_MODULE_0__/* .valueText */ .R)(c.value) ?? '';
    return describeStatement(c.value);
}


/***/ }),

/***/ 7789:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DV: () => (/* binding */ codeBlock),
/* harmony export */   VV: () => (/* binding */ escapeInline),
/* harmony export */   jf: () => (/* binding */ mermaidId),
/* harmony export */   kq: () => (/* binding */ escapeCell),
/* harmony export */   x2: () => (/* binding */ escapeMermaidLabel),
/* harmony export */   xv: () => (/* binding */ truncate)
/* harmony export */ });
/* unused harmony export escapeMarkdown */
/* harmony import */ var _shared_text_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4646);
/**
 * Untrusted text (property values, tags, parameter values, status reasons) inside markdown,
 * HTML, mermaid or a terminal: it must not break a table, open or close HTML, end a code span
 * or block, ping anyone, or pass for a workflow command.
 */


const INLINE = {
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;',
    '"': '&quot;',
    '|': '&#124;',
    '`': '&#96;',
    '\\': '&#92;',
    '*': '&#42;',
    _: '&#95;',
    '[': '&#91;',
    ']': '&#93;',
    '~': '&#126;',
    // A zero-width joiner after @ keeps "@team" readable without notifying it (GitHub looks for
    // mentions in the rendered text, so an entity such as &#64; would still ping).
    '@': '@\u200d',
};
const INLINE_CHARS = /[&<>"|`\\*_[\]~@]|\r\n|\r|\n/g;
function inline(text, newline) {
    return text
        .replace(_shared_text_js__WEBPACK_IMPORTED_MODULE_0__/* .CONTROLS */ .VH, '')
        .replace(INLINE_CHARS, (c) => c.length > 1 || c === '\n' || c === '\r' ? newline : INLINE[c]);
}
/**
 * Text for a markdown line, a heading, a list item or an HTML element: every character that
 * markdown or HTML gives a meaning becomes an entity, line breaks become spaces.
 */
function escapeInline(text) {
    return inline(text, ' ');
}
/** Text for a markdown table cell: as escapeInline, with line breaks kept as `<br>`. */
function escapeCell(text) {
    return inline(text, '<br>');
}
/** Kept for existing callers: the same as escapeInline. */
const escapeMarkdown = (/* unused pure expression or super */ null && (escapeInline));
/**
 * At most `max` characters (UTF-16 units), cut with an ellipsis that says how much is left
 * out. Cut before escaping so that no entity is split; never splits a surrogate pair.
 */
function truncate(text, max) {
    if (text.length <= max)
        return text;
    let end = Math.max(0, max - 1);
    const code = text.charCodeAt(end - 1);
    if (code >= 0xd800 && code <= 0xdbff)
        end -= 1;
    return `${text.slice(0, end)}\u2026`;
}
/**
 * A fenced code block around `content` whose fence is longer than any run of backticks in it,
 * so nothing inside can close it. `info` is ours (e.g. `diff`, `mermaid`), never untrusted.
 */
function codeBlock(content, info = '') {
    let longest = 0;
    for (const run of content.matchAll(/`+/g))
        longest = Math.max(longest, run[0].length);
    const fence = '`'.repeat(Math.max(3, longest + 1));
    return `${fence}${info}\n${content.replace(_shared_text_js__WEBPACK_IMPORTED_MODULE_0__/* .CONTROLS */ .VH, '')}\n${fence}`;
}
const MERMAID = {
    '"': '#quot;',
    '#': '#35;',
    '&': '#amp;',
    '<': '#lt;',
    '>': '#gt;',
    '`': '#96;',
    '%': '#37;',
};
/** Text inside a quoted mermaid label: quotes, markup and line breaks cannot escape it. */
function escapeMermaidLabel(text) {
    return text
        .replace(_shared_text_js__WEBPACK_IMPORTED_MODULE_0__/* .CONTROLS */ .VH, '')
        .replace(/\r\n|\r|\n/g, ' ')
        .replace(/["#&<>`%]/g, (c) => MERMAID[c]);
}
/** A mermaid node ID made of letters, digits and `_` only (never a keyword such as `end`). */
function mermaidId(prefix, text) {
    return `${prefix}_${text.replace(/[^A-Za-z0-9_]/g, '_')}`;
}


/***/ }),

/***/ 1322:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ precheckWarnings),
/* harmony export */   A: () => (/* binding */ precheckParts)
/* harmony export */ });
/* harmony import */ var _escape_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7789);
/* harmony import */ var _budget_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9519);


/** At most this many failed pre-checks listed; each of the 9 checks fails at most once a stack. */
const MAX_ITEMS = 15;
const MAX_LINE = 1_000;
const MAX_DETAILS = 4_000;
/** The failed pre-checks of every stack, in plan order. */
function precheckWarnings(plan) {
    return plan.stacks.flatMap((s) => (s.failedPrechecks ?? []).map((p) => {
        const first = (p.details.split('\n')[0] ?? '').replace(/:$/, '');
        const more = p.details.includes('\n') ? ' (in full below)' : '';
        const past = p.allowable
            ? `The deploy stops here unless allow-failed-prechecks names ${p.id} (only if the check reads your setup wrongly).`
            : 'The deploy stops here until it is fixed.';
        return {
            subject: `${p.title} (${s.stackName}): no.`,
            text: `${first}${more}. ${past}`,
            details: p.details,
        };
    }));
}
/** The caution block and the fold with each finding in full; nothing when every check passed. */
function precheckParts(p) {
    const warnings = precheckWarnings(p.plan);
    if (warnings.length === 0)
        return [];
    const shown = warnings.slice(0, MAX_ITEMS);
    const lines = [
        '> [!CAUTION]',
        '> **Will it create? No: the MWAA environment would fail 20 to 40 minutes into its creation or update. A deploy of this plan stops before anything is created or changed.**',
        '>',
        ...shown.map((w) => `> - **${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeInline */ .VV)(w.subject)}** ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeInline */ .VV)((0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .truncate */ .xv)(w.text, MAX_LINE))}`),
        ...(warnings.length > shown.length ? [`> - \u2026 and ${warnings.length - shown.length} more`] : []),
        '',
    ];
    const full = shown.filter((w) => w.details.includes('\n'));
    const fold = full.length > 0
        ? [
            '<details><summary>Will it create? The findings in full</summary>',
            '',
            ...full.flatMap((w) => [
                `**${(0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeInline */ .VV)(w.subject)}**`,
                '',
                (0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .codeBlock */ .DV)((0,_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .truncate */ .xv)(w.details, MAX_DETAILS)),
                '',
            ]),
            '</details>',
            '',
        ]
        : [];
    return [{ text: [...lines, ...fold].join('\n'), tier: _budget_js__WEBPACK_IMPORTED_MODULE_1__/* .Tier */ .Ju.KEEP }];
}


/***/ }),

/***/ 3753:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  W$: () => (/* binding */ COMMENT_LIMIT),
  XH: () => (/* binding */ renderForComment),
  cD: () => (/* binding */ renderForSummary)
});

// UNUSED EXPORTS: COMMENT_RESERVE, SUMMARY_LIMIT_BYTES, SUMMARY_RESERVE_BYTES, renderPlanMarkdown

// EXTERNAL MODULE: ./src/plan/analysis.ts + 1 modules
var analysis = __webpack_require__(7198);
// EXTERNAL MODULE: ./src/render/budget.ts
var budget = __webpack_require__(9519);
// EXTERNAL MODULE: ./src/render/code-view.ts
var code_view = __webpack_require__(6513);
// EXTERNAL MODULE: ./src/render/escape.ts
var render_escape = __webpack_require__(7789);
;// CONCATENATED MODULE: ./src/render/code-markdown.ts



const KEEP = (text) => ({ text, tier: budget/* Tier */.Ju.KEEP });
/** Rows of one list of changes, trimmed like the other tables. */
function listParts(title, rows, elsewhere) {
    if (rows.length === 0)
        return [];
    const group = { note: (n) => `| \u2026 | ${n} more not shown (${elsewhere}) |` };
    return [
        KEEP(`**${title}**`),
        KEEP(''),
        KEEP('| Change | Path |'),
        KEEP('| --- | --- |'),
        ...rows.map(([sign, word, name]) => ({
            tier: budget/* Tier */.Ju.ROWS,
            group,
            ...(word === 'remove' ? { important: true } : {}),
            text: `| ${sign} ${word} | ${(0,render_escape/* escapeCell */.kq)(name)} |`,
        })),
        { text: '', tier: budget/* Tier */.Ju.KEEP, endOf: group },
    ];
}
/** The parts of the Code section; none when the plan has no code. */
function codeParts(raw, elsewhere) {
    const code = (0,code_view/* normalizeCode */.vz)(raw);
    if (!code)
        return [];
    const parts = [KEEP('### Code'), KEEP(''), KEEP(`${(0,render_escape/* escapeInline */.VV)((0,code_view/* codeTarget */.BQ)(code))}\n`)];
    for (const w of code.warnings)
        parts.push(KEEP(`> [!WARNING]\n> ${(0,render_escape/* escapeInline */.VV)(w)}\n`));
    parts.push(KEEP('| File | Change |'), KEEP('| --- | --- |'));
    const { dags, requirements, plugins, startupScript } = code;
    if (dags)
        parts.push(KEEP(`| ${(0,render_escape/* escapeCell */.kq)(dags.prefix)} (DAG files) | ${(0,code_view/* dagCounts */.Xe)(code)} |`));
    if (requirements) {
        parts.push(KEEP(`| ${(0,render_escape/* escapeCell */.kq)(requirements.key)} | ${(0,render_escape/* escapeCell */.kq)((0,code_view/* singleFileLine */.RQ)(requirements, 'requirements'))}; ${(0,code_view/* requirementsCounts */.Zq)(requirements)} |`));
    }
    if (plugins) {
        const from = plugins.source === 'folder' ? ' (zipped from a folder)' : '';
        parts.push(KEEP(`| ${(0,render_escape/* escapeCell */.kq)(plugins.key)}${from} | ${(0,render_escape/* escapeCell */.kq)((0,code_view/* singleFileLine */.RQ)(plugins, 'plugins'))}; ${(0,code_view/* pluginCounts */.Yi)(plugins)} |`));
    }
    if (startupScript) {
        parts.push(KEEP(`| ${(0,render_escape/* escapeCell */.kq)(startupScript.key)} | ${(0,render_escape/* escapeCell */.kq)((0,code_view/* singleFileLine */.RQ)(startupScript, 'startup'))} |`));
    }
    parts.push(KEEP(''));
    if (dags) {
        parts.push(...listParts(`DAG files under ${(0,render_escape/* escapeInline */.VV)(dags.prefix)}`, [
            ...dags.added.map((n) => ['+', 'add', n]),
            ...dags.changed.map((n) => ['~', 'change', n]),
            ...dags.removed.map((n) => ['-', 'remove', n]),
        ], elsewhere));
    }
    if (requirements && requirements.addedLines.length + requirements.removedLines.length > 0) {
        const lines = [
            ...requirements.removedLines.map((l) => `- ${l}`),
            ...requirements.addedLines.map((l) => `+ ${l}`),
        ];
        parts.push(KEEP(`**${(0,render_escape/* escapeInline */.VV)(requirements.key)}**\n`), {
            text: `${(0,render_escape/* codeBlock */.DV)(lines.join('\n'), 'diff')}\n`,
            tier: budget/* Tier */.Ju.DETAILS,
        });
    }
    if (plugins) {
        parts.push(...listParts(`Entries of ${(0,render_escape/* escapeInline */.VV)(plugins.key)}`, [
            ...plugins.addedEntries.map((n) => ['+', 'add', n]),
            ...plugins.changedEntries.map((n) => ['~', 'change', n]),
            ...plugins.removedEntries.map((n) => ['-', 'remove', n]),
        ], elsewhere));
    }
    return parts;
}

// EXTERNAL MODULE: ./src/render/context.ts + 1 modules
var context = __webpack_require__(5790);
// EXTERNAL MODULE: ./src/render/view.ts
var view = __webpack_require__(2423);
;// CONCATENATED MODULE: ./src/render/markdown-header.ts



/** At most this many items of one kind of warning, or of notes; the tables below have the rest. */
const MAX_WARNING_ITEMS = 15;
/** Untrusted text in a warning or note is cut to this many characters. */
const MAX_NOTE_CHARS = 1_000;
const ICON = {
    none: '\u2705',
    changes: '\ud83d\udcdd',
    destructive: '\ud83d\uded1',
};
const keep = (...lines) => lines.map((text) => ({ text, tier: budget/* Tier */.Ju.KEEP }));
/** An http(s) URL that is safe inside `[text](url)`, or undefined. */
function safeUrl(url) {
    // No spaces, quotes, angle brackets, backslashes, control or bidi characters: the URL is
    // printed as it is, in markdown and on terminals.
    if (url === undefined ||
        // eslint-disable-next-line no-control-regex -- refusing control characters is the point
        !/^https?:\/\/[^\s<>"'`\\\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]+$/.test(url)) {
        return undefined;
    }
    return url.replace(/\(/g, '%28').replace(/\)/g, '%29');
}
function commit(p) {
    const sha = p.ctx.commitSha;
    if (!sha)
        return undefined;
    if (!/^[0-9a-f]{7,64}$/i.test(sha))
        return (0,render_escape/* escapeInline */.VV)((0,render_escape/* truncate */.xv)(sha, 64));
    const server = safeUrl(p.ctx.serverUrl ?? 'https://github.com');
    const repo = p.ctx.repository;
    const text = `<code>${sha.slice(0, 7)}</code>`;
    return server && repo && /^[\w.-]+\/[\w.-]+$/.test(repo)
        ? `[${text}](${server}/${repo}/commit/${sha})`
        : text;
}
/** Title, context line and verdict. */
function headerParts(p) {
    const v = (0,view/* verdict */.WJ)(p.plan, p.analysis);
    const meta = [
        `**Region** ${(0,render_escape/* escapeInline */.VV)(p.plan.region)}`,
        `**Account** ${p.plan.accountId ? (0,render_escape/* escapeInline */.VV)(p.plan.accountId) : 'not known (offline)'}`,
        ...(commit(p) ? [`**Commit** ${commit(p)}`] : []),
        `**Mode** ${(0,render_escape/* escapeInline */.VV)(p.ctx.mode)}`,
        ...(safeUrl(p.ctx.runUrl) ? [`[Workflow run](${safeUrl(p.ctx.runUrl)})`] : []),
    ];
    return keep(`## MWAA plan: ${(0,render_escape/* escapeInline */.VV)(p.plan.environmentName)}`, '', meta.join(' \u00b7 '), '', `${ICON[v.level]} **${(0,render_escape/* escapeInline */.VV)(v.text)}**`, '');
}
function items(list, more) {
    const shown = list.slice(0, MAX_WARNING_ITEMS).map((w) => `> - **${(0,render_escape/* escapeInline */.VV)(w.subject)}** ${(0,render_escape/* escapeInline */.VV)(w.text)}`);
    const rest = list.length - shown.length;
    return rest > 0 ? [...shown, `> - \u2026 and ${rest} more ${more}`] : shown;
}
/** The destructive-change warnings (first, loudest) and the plan's own notes. */
function warningParts(p) {
    const g = (0,view/* warningGroups */.Dq)(p.analysis);
    const severe = [
        ...items(g.keyMode, ''),
        ...items(g.network, 'subnets or VPCs (see the stacks below)'),
        ...items(g.stateful, 'resources holding data (see the stacks below)'),
    ];
    const lines = [];
    if (severe.length > 0) {
        lines.push('> [!CAUTION]', '> **Destructive changes: review before deploying.**', '>', ...severe, '');
    }
    if (g.routine.length > 0) {
        lines.push('> [!WARNING]', `> ${severe.length > 0 ? 'Also removed or replaced' : 'Removed or replaced'} (no data is kept in these):`, '>', ...items(g.routine, '(see the stacks below)'), '');
    }
    const notes = [
        ...p.plan.warnings,
        ...p.plan.stacks.flatMap((s) => s.warnings.map((w) => `${s.stackName}: ${w}`)),
    ];
    if (notes.length > 0) {
        const shown = notes
            .slice(0, MAX_WARNING_ITEMS)
            .map((n) => `> - ${(0,render_escape/* escapeInline */.VV)((0,render_escape/* truncate */.xv)(n, MAX_NOTE_CHARS))}`);
        if (notes.length > shown.length)
            shown.push(`> - \u2026 and ${notes.length - shown.length} more`);
        lines.push('> [!NOTE]', ...shown, '');
    }
    return keep(...lines);
}
/** One row per stack: what it is, its status, and counts of each kind of change. */
function summaryParts(p) {
    const rows = p.plan.stacks.map((s) => {
        const c = (0,view/* stackCounts */.zE)(s);
        const plan = s.source === 'template' && s.action !== 'none' ? `${s.action} (from the template)` : s.action;
        return `| ${(0,render_escape/* escapeCell */.kq)(s.stackName)} | ${(0,render_escape/* escapeCell */.kq)(s.status)} | ${plan} | ${c.add} | ${c.modify} | ${c.remove} | ${c.replace} |`;
    });
    return keep('| Stack | Status | Plan | Add | Modify | Remove | Replace |', '| --- | --- | --- | ---: | ---: | ---: | ---: |', ...rows, '');
}

;// CONCATENATED MODULE: ./src/render/markdown-drift.ts


/** A value is cut to this many characters in the table. */
const MAX_VALUE_CHARS = 300;
const cell = (v) => v === undefined || v === 'null' ? '*(none)*' : (0,render_escape/* escapeCell */.kq)((0,render_escape/* truncate */.xv)(v, MAX_VALUE_CHARS));
/** The drift table with its warning, and the lines for stacks not checked; nothing otherwise. */
function driftParts(drift, stacks, elsewhere) {
    const unchecked = stacks.flatMap((s) => s.drift?.status === 'unavailable'
        ? [
            `- ${(0,render_escape/* escapeInline */.VV)(s.stackName)}: ${(0,render_escape/* escapeInline */.VV)(s.drift.reason)}; the plan went on without it.`,
        ]
        : []);
    const parts = [];
    if (drift.length > 0) {
        const reverted = drift.filter((d) => d.revertedByPlan).map((d) => (0,render_escape/* escapeInline */.VV)(d.logicalId));
        const security = drift
            .filter((d) => d.security && d.revertedByPlan)
            .map((d) => (0,render_escape/* escapeInline */.VV)(d.logicalId));
        parts.push({ text: '### Changed outside CloudFormation (drift)', tier: budget/* Tier */.Ju.KEEP }, { text: '', tier: budget/* Tier */.Ju.KEEP }, {
            text: [
                '> [!WARNING]',
                `> **${drift.length} resource${drift.length === 1 ? ' was' : 's were'} changed outside CloudFormation. A deploy reverts a drifted resource to the template whenever it updates it.**`,
                reverted.length > 0
                    ? `> This plan updates ${reverted.join(', ')} (\u21ba): deploying it reverts ${reverted.length === 1 ? 'that change' : 'those changes'}.`
                    : '> This plan does not update them: they stay as they are until their next update.',
                ...(security.length > 0
                    ? [
                        `> Security resources among them (${security.join(', ')}) need \`Drift\` or their logical ID in allow-destructive to deploy.`,
                    ]
                    : []),
                '',
            ].join('\n'),
            tier: budget/* Tier */.Ju.KEEP,
        }, { text: '| Resource | Stack | Property | In the template | In AWS |', tier: budget/* Tier */.Ju.KEEP }, { text: '| --- | --- | --- | --- | --- |', tier: budget/* Tier */.Ju.KEEP });
        const group = { note: (n) => `| \u2026 | ${n} more not shown (${elsewhere}) | | | |` };
        for (const d of drift) {
            const id = `${d.revertedByPlan ? '\u21ba ' : ''}${d.security ? '\ud83d\udd10 ' : ''}${(0,render_escape/* escapeCell */.kq)(d.logicalId)} (${(0,render_escape/* escapeCell */.kq)(d.type)})`;
            const rows = d.status === 'DELETED' || d.differences.length === 0
                ? [`| ${id} | ${(0,render_escape/* escapeCell */.kq)(d.stack)} | *(deleted outside CloudFormation)* | | |`]
                : d.differences.map((p) => `| ${id} | ${(0,render_escape/* escapeCell */.kq)(d.stack)} | ${(0,render_escape/* escapeCell */.kq)(p.path)} | ${cell(p.expected)} | ${cell(p.actual)} |`);
            parts.push(...rows.map((text) => ({ text, tier: budget/* Tier */.Ju.SECURITY, group, important: true })));
        }
        parts.push({ text: '', tier: budget/* Tier */.Ju.KEEP, endOf: group });
    }
    if (unchecked.length > 0) {
        parts.push({ text: ['**Drift not checked:**', ...unchecked, ''].join('\n'), tier: budget/* Tier */.Ju.KEEP });
    }
    return parts;
}

// EXTERNAL MODULE: ./src/render/markdown-prechecks.ts
var markdown_prechecks = __webpack_require__(1322);
// EXTERNAL MODULE: ./src/render/describe.ts
var describe = __webpack_require__(7967);
;// CONCATENATED MODULE: ./src/render/markdown-security.ts



/** A statement is cut to this many characters in the table. */
const MAX_STATEMENT_CHARS = 600;
const SIGN = {
    added: '+',
    removed: '-',
    changed: '~',
};
/** The table, or nothing when no change is security-relevant. */
function securityParts(changes, elsewhere) {
    if (changes.length === 0)
        return [];
    const group = {
        note: (n) => `| \u2026 | ${n} more not shown (${elsewhere}) | | | |`,
    };
    const rows = changes.map((c) => {
        const text = (0,render_escape/* truncate */.xv)((0,describe/* describeSecurityChange */.Oz)(c), MAX_STATEMENT_CHARS);
        const broad = c.broad ? '\u26a0\ufe0f broad: ' : '';
        return {
            tier: budget/* Tier */.Ju.SECURITY,
            group,
            text: `| ${SIGN[c.change]} | ${(0,render_escape/* escapeCell */.kq)(c.logicalId)} | ${(0,render_escape/* escapeCell */.kq)(c.stack)} | ${(0,render_escape/* escapeCell */.kq)((0,describe/* securityKindLabel */.Tn)(c))} | ${broad}${(0,render_escape/* escapeCell */.kq)(text)} |`,
        };
    });
    return [
        { text: '### Security-relevant changes', tier: budget/* Tier */.Ju.KEEP },
        { text: '', tier: budget/* Tier */.Ju.KEEP },
        { text: '| | Resource | Stack | What | Statement or rule |', tier: budget/* Tier */.Ju.KEEP },
        { text: '| :-: | --- | --- | --- | --- |', tier: budget/* Tier */.Ju.KEEP },
        ...rows,
        { text: '', tier: budget/* Tier */.Ju.KEEP, endOf: group },
    ];
}

// EXTERNAL MODULE: ./src/render/parameters.ts
var parameters = __webpack_require__(1130);
// EXTERNAL MODULE: ./src/render/properties.ts
var properties = __webpack_require__(6539);
;// CONCATENATED MODULE: ./src/render/markdown-stack.ts





/** A table cell is cut to this many characters; longer values go to a code block. */
const MAX_CELL_CHARS = 120;
/** A value in a code block is cut to this many characters. */
const MAX_BLOCK_CHARS = 4_000;
const markdown_stack_cell = (text, none = '\u2014') => text === undefined ? none : text === '' ? '*(empty)*' : (0,render_escape/* escapeCell */.kq)(text);
function pretty(value) {
    const t = value.trim();
    if (t.startsWith('{') || t.startsWith('[')) {
        try {
            return JSON.stringify(JSON.parse(t), null, 2);
        }
        catch {
            // not JSON: shown as it is
        }
    }
    return value;
}
const isLong = (v) => v !== undefined && (v.length > MAX_CELL_CHARS || /[\r\n]/.test(v));
function longValueBlock(row) {
    const side = (sign, v) => v === undefined
        ? []
        : (0,render_escape/* truncate */.xv)(pretty(v), MAX_BLOCK_CHARS)
            .split(/\r\n|\r|\n/)
            .map((l) => `${sign} ${l}`);
    return [
        `**${(0,render_escape/* escapeInline */.VV)(row.path)}**`,
        '',
        (0,render_escape/* codeBlock */.DV)([...side('-', row.before), ...side('+', row.after)].join('\n'), 'diff'),
        '',
    ].join('\n');
}
/** The `<details>` block of one change, or undefined when there is nothing to show. */
function detailsBlock(change) {
    const { rows, valued, omitted } = (0,properties/* propertyRows */.v)(change);
    if (rows.length === 0)
        return undefined;
    const kind = (0,view/* changeKind */.P0)(change);
    const noun = rows.length + omitted === 1 ? 'property' : 'properties';
    const lines = [
        `<details><summary>${view/* SYMBOL */.PF[kind]} <b>${(0,render_escape/* escapeInline */.VV)(change.logicalId)}</b> ${(0,render_escape/* escapeInline */.VV)(change.type)}: ${rows.length + omitted} ${noun}</summary>`,
        '',
    ];
    if (change.physicalId)
        lines.push(`Physical ID: ${(0,render_escape/* escapeInline */.VV)(change.physicalId)}`, '');
    const long = [];
    if (valued && change.action === 'Add') {
        lines.push('| Property | Value |', '| --- | --- |');
        for (const r of rows) {
            const moved = isLong(r.after);
            if (moved)
                long.push(r);
            lines.push(`| ${markdown_stack_cell(r.path)} | ${moved ? '*(below)*' : markdown_stack_cell(r.after)} |`);
        }
    }
    else if (valued) {
        lines.push('| Property | Before | After | Recreation | Cause |', '| --- | --- | --- | --- | --- |');
        for (const r of rows) {
            const moved = isLong(r.before) || isLong(r.after);
            if (moved)
                long.push(r);
            const before = moved && r.before !== undefined ? '*(below)*' : markdown_stack_cell(r.before);
            const after = moved && r.after !== undefined ? '*(below)*' : markdown_stack_cell(r.after);
            lines.push(`| ${markdown_stack_cell(r.path)} | ${before} | ${after} | ${markdown_stack_cell(r.recreation, '')} | ${markdown_stack_cell(r.cause, '')} |`);
        }
    }
    else {
        lines.push('CloudFormation gave no values for these properties.', '');
        lines.push('| Property | Recreation | Cause |', '| --- | --- | --- |');
        for (const r of rows)
            lines.push(`| ${markdown_stack_cell(r.path)} | ${markdown_stack_cell(r.recreation, '')} | ${markdown_stack_cell(r.cause, '')} |`);
    }
    lines.push('');
    for (const r of long)
        lines.push(longValueBlock(r));
    if (omitted > 0)
        lines.push(`*\u2026 ${omitted} more not shown.*`, '');
    lines.push('</details>', '');
    return lines.join('\n');
}
function parameterParts(stack, elsewhere) {
    const { rows, unchanged } = (0,parameters/* parameterRows */.b)(stack);
    if (rows.length === 0)
        return [];
    const group = { note: (n) => `| \u2026 ${n} more not shown (${elsewhere}) | | |` };
    const after = (r) => r.knownAfterDeploy !== undefined
        ? `*known after deploy*: ${(0,render_escape/* escapeCell */.kq)(r.knownAfterDeploy)}`
        : r.hidden
            ? '*(NoEcho: hidden)*'
            : markdown_stack_cell(r.after);
    return [
        { text: '**Parameters**', tier: budget/* Tier */.Ju.KEEP },
        { text: '', tier: budget/* Tier */.Ju.KEEP },
        { text: '| Parameter | Before | After |', tier: budget/* Tier */.Ju.KEEP },
        { text: '| --- | --- | --- |', tier: budget/* Tier */.Ju.KEEP },
        ...rows.map((r) => ({
            tier: budget/* Tier */.Ju.PARAMETERS,
            group,
            text: `| ${(0,render_escape/* escapeCell */.kq)(r.key)} | ${r.hidden && r.before !== undefined ? '*(NoEcho: hidden)*' : markdown_stack_cell(r.before)} | ${after(r)} |`,
        })),
        { text: '', tier: budget/* Tier */.Ju.KEEP, endOf: group },
        ...(unchanged > 0
            ? [
                {
                    text: `${unchanged} unchanged parameter${unchanged === 1 ? '' : 's'} not shown.\n`,
                    tier: budget/* Tier */.Ju.KEEP,
                },
            ]
            : []),
    ];
}
/** The parts of one stack. `severe` holds the logical IDs whose change is a severe warning. */
function stackParts(stack, severe, elsewhere) {
    const intro = stack.source === 'template'
        ? 'Planned from the template: the stack cannot have a change set until its inputs exist, so property values are known after deploy.'
        : `Planned with a change set (${(0,render_escape/* escapeInline */.VV)(stack.templateSource)} template).`;
    const parts = [
        { text: `### ${(0,render_escape/* escapeInline */.VV)(stack.stackName)} (${(0,render_escape/* escapeInline */.VV)(stack.role)})`, tier: budget/* Tier */.Ju.KEEP },
        { text: '', tier: budget/* Tier */.Ju.KEEP },
        { text: `${intro}\n`, tier: budget/* Tier */.Ju.KEEP },
        ...parameterParts(stack, elsewhere),
    ];
    if (stack.changes.length === 0) {
        parts.push({ text: 'No changes.\n', tier: budget/* Tier */.Ju.KEEP });
        return parts;
    }
    const group = { note: (n) => `| \u2026 | ${n} more not shown (${elsewhere}) | | |` };
    parts.push({ text: '**Resources**', tier: budget/* Tier */.Ju.KEEP }, { text: '', tier: budget/* Tier */.Ju.KEEP }, { text: '| Action | Logical ID | Type | Replacement |', tier: budget/* Tier */.Ju.KEEP }, { text: '| --- | --- | --- | --- |', tier: budget/* Tier */.Ju.KEEP });
    for (const c of stack.changes) {
        const kind = (0,view/* changeKind */.P0)(c);
        const flag = severe.has(c.logicalId) ? ' \u26a0\ufe0f' : '';
        parts.push({
            tier: budget/* Tier */.Ju.ROWS,
            group,
            ...(flag || kind === 'remove' || kind === 'replace' || kind === 'maybe-replace'
                ? { important: true }
                : {}),
            text: `| ${view/* SYMBOL */.PF[kind]} ${view/* ACTION_WORD */.c9[kind]}${flag} | ${(0,render_escape/* escapeCell */.kq)(c.logicalId)} | ${(0,render_escape/* escapeCell */.kq)(c.type)} | ${c.replacement && c.action === 'Modify' ? c.replacement : ''} |`,
        });
    }
    parts.push({ text: '', tier: budget/* Tier */.Ju.KEEP, endOf: group });
    for (const c of stack.changes) {
        const block = detailsBlock(c);
        if (block !== undefined)
            parts.push({ text: block, tier: budget/* Tier */.Ju.DETAILS });
    }
    return parts;
}

;// CONCATENATED MODULE: ./src/render/mermaid.ts


/** Past this many nodes a chart is unreadable (and GitHub refuses large diagrams). */
const MAX_DIAGRAM_NODES = 150;
const CLASS_OF = {
    add: 'add',
    import: 'add',
    modify: 'modify',
    dynamic: 'modify',
    remove: 'remove',
    replace: 'replace',
    'maybe-replace': 'replace',
};
const CLASS_DEFS = [
    'classDef add fill:#dafbe1,stroke:#1a7f37,color:#1f2328',
    'classDef modify fill:#fff8c5,stroke:#9a6700,color:#1f2328',
    'classDef remove fill:#ffebe9,stroke:#cf222e,color:#1f2328,stroke-dasharray:4 3',
    'classDef replace fill:#ffebe9,stroke:#cf222e,color:#1f2328,stroke-width:3px',
    'classDef unchanged fill:#f6f8fa,stroke:#8c959f,color:#656d76',
];
/**
 * The mermaid source (without fence) for the plan, or undefined when there is nothing to draw
 * or more than MAX_DIAGRAM_NODES nodes. `links` are by stack name.
 */
function mermaidSource(plan, links) {
    const lines = ['flowchart LR', ...CLASS_DEFS.map((d) => `  ${d}`)];
    const edges = [];
    let count = 0;
    plan.stacks.forEach((stack, s) => {
        const stackLinks = links[stack.stackName] ?? {};
        if (stack.changes.length === 0)
            return;
        const nodes = new Map();
        const used = new Set();
        const add = (logicalId, type, cls, symbol) => {
            if (nodes.has(logicalId))
                return;
            let id = (0,render_escape/* mermaidId */.jf)(`s${s}`, logicalId);
            for (let n = 2; used.has(id); n++)
                id = `${(0,render_escape/* mermaidId */.jf)(`s${s}`, logicalId)}_${n}`;
            used.add(id);
            const text = `${symbol ? `${symbol} ` : ''}${logicalId}`;
            const label = type
                ? `${(0,render_escape/* escapeMermaidLabel */.x2)(text)}<br/>${(0,render_escape/* escapeMermaidLabel */.x2)(type)}`
                : (0,render_escape/* escapeMermaidLabel */.x2)(text);
            nodes.set(logicalId, { id, logicalId, label, cls });
        };
        for (const c of stack.changes) {
            const kind = (0,view/* changeKind */.P0)(c);
            add(c.logicalId, c.type, CLASS_OF[kind], view/* SYMBOL */.PF[kind]);
        }
        const changed = new Set(nodes.keys());
        // Unchanged resources appear when something changing links to them, or they to it.
        for (const [from, targets] of Object.entries(stackLinks)) {
            for (const to of targets) {
                if (changed.has(from) || changed.has(to)) {
                    add(from, undefined, 'unchanged', '');
                    add(to, undefined, 'unchanged', '');
                }
            }
        }
        count += nodes.size;
        if (count > MAX_DIAGRAM_NODES)
            return;
        lines.push(`  subgraph ${(0,render_escape/* mermaidId */.jf)('stack', String(s))}["${(0,render_escape/* escapeMermaidLabel */.x2)(stack.stackName)}"]`);
        for (const n of nodes.values())
            lines.push(`    ${n.id}["${n.label}"]:::${n.cls}`);
        lines.push('  end');
        for (const [from, targets] of Object.entries(stackLinks)) {
            const a = nodes.get(from);
            for (const to of targets) {
                const b = nodes.get(to);
                if (a && b)
                    edges.push(`  ${a.id} --> ${b.id}`);
            }
        }
    });
    if (count === 0 || count > MAX_DIAGRAM_NODES)
        return undefined;
    return [...lines, ...edges].join('\n');
}
/** The diagram as a fenced mermaid block, or undefined (see mermaidSource). */
function mermaidBlock(plan, links) {
    const source = mermaidSource(plan, links);
    return source === undefined ? undefined : (0,render_escape/* codeBlock */.DV)(source, 'mermaid');
}

;// CONCATENATED MODULE: ./src/render/markdown.ts
/**
 * The plan in markdown, for the PR comment and the job summary: header and verdict, warnings,
 * a summary table, security-relevant changes, each stack's parameters and resources with their
 * property changes, and a diagram; shortened to a size limit when asked.
 */











/** GitHub rejects a comment body longer than this many characters. */
const COMMENT_LIMIT = 65_536;
/** Room left in a comment for what the caller adds (the hidden marker, a heading). */
const COMMENT_RESERVE = 1_000;
/** GitHub's limit for one step's job summary, in bytes. */
const SUMMARY_LIMIT_BYTES = 1_048_576;
/** Room left in the job summary for the rest of the step's summary (the checks). */
const SUMMARY_RESERVE_BYTES = 16_384;
function elsewhere(target) {
    return target === 'summary' ? 'see the plan file' : 'see the job summary';
}
function trimNote(p, options) {
    return (d) => {
        const left = [
            ...(d.details > 0 ? [`${d.details} property details`] : []),
            ...(d.diagram > 0 ? ['the diagram'] : []),
            ...(d.rows > 0 ? [`${d.rows} resource rows`] : []),
            ...(d.security > 0 ? [`${d.security} security rows`] : []),
            ...(d.parameters > 0 ? [`${d.parameters} parameter rows`] : []),
        ];
        const what = left.length > 0 ? `; left out: ${left.join(', ')}` : '';
        const run = safeUrl(p.ctx.runUrl);
        const full = options.target === 'summary'
            ? 'The plan file (the `plan-file` output) holds the full plan.'
            : `The job summary of ${run ? `[the workflow run](${run})` : 'the workflow run'} holds the full plan.`;
        const why = options.target === 'comment'
            ? "This comment is shortened to fit GitHub's size limit for comments"
            : options.target === 'summary'
                ? "This summary is shortened to fit GitHub's 1 MiB limit for a job summary"
                : `This plan is shortened to ${options.limit ?? 0} ${options.unit ?? 'chars'}`;
        return ['> [!NOTE]', `> ${why}${what}. ${full}`, ''].join('\n');
    };
}
/** Every part of the document, in order, before any is left out. */
function documentParts(p, options) {
    const where = elsewhere(options.target);
    const severe = new Map();
    for (const d of p.analysis.destructive) {
        if (!d.stateful && !analysis/* NETWORK_TYPES */.rg.has(d.type))
            continue;
        const ids = severe.get(d.stack) ?? new Set();
        ids.add(d.logicalId);
        severe.set(d.stack, ids);
    }
    const links = Object.fromEntries(Object.entries(p.ctx.templates ?? {}).map(([stack, facts]) => [stack, facts.links]));
    const diagram = p.analysis.hasChanges ? mermaidBlock(p.plan, links) : undefined;
    return [
        ...headerParts(p),
        ...(0,markdown_prechecks/* precheckParts */.A)(p),
        ...warningParts(p),
        ...summaryParts(p),
        { text: '', tier: budget/* Tier */.Ju.KEEP, trimNote: true },
        ...driftParts(p.analysis.drift, p.plan.stacks, where),
        ...securityParts(p.analysis.securityChanges, where),
        ...p.plan.stacks.flatMap((s) => stackParts(s, severe.get(s.stackName) ?? new Set(), where)),
        ...codeParts(p.plan.code, where),
        ...(diagram
            ? [
                {
                    text: [
                        '<details><summary>Diagram of the changes</summary>',
                        '',
                        diagram,
                        '',
                        '</details>',
                        '',
                    ].join('\n'),
                    tier: budget/* Tier */.Ju.DIAGRAM,
                },
            ]
            : []),
        {
            text: `<sub>mwaa-deploy \u00b7 plan made ${(0,render_escape/* escapeInline */.VV)(p.plan.createdAt)} \u00b7 plan model v${p.plan.version}</sub>`,
            tier: budget/* Tier */.Ju.KEEP,
        },
    ];
}
/**
 * The plan in GitHub-flavoured markdown. With a limit, parts are left out (property details
 * first, largest first; then the diagram; then resource, security and parameter rows) until
 * it fits; the header, the warnings and the summary table are always kept, and a note says
 * what was left out and where the full plan is.
 */
function renderPlanMarkdown(plan, ctx, options = {}) {
    const p = (0,context/* prepareRender */.I)(plan, ctx);
    const parts = documentParts(p, options);
    const measure = options.unit === 'bytes' ? budget/* measureBytes */.EO : budget/* measureChars */.yI;
    return (0,budget/* fit */.Uj)(parts, options.limit ?? Number.POSITIVE_INFINITY, measure, trimNote(p, options)).text;
}
/** The plan for the PR comment: at most 65,536 characters less `reserve` (default 1,000). */
function renderForComment(plan, ctx, options = {}) {
    return renderPlanMarkdown(plan, ctx, {
        limit: COMMENT_LIMIT - (options.reserve ?? COMMENT_RESERVE),
        unit: 'chars',
        target: 'comment',
    });
}
/** The plan for the job summary: at most 1 MiB (in bytes) less `reserve` (default 16 KiB). */
function renderForSummary(plan, ctx, options = {}) {
    return renderPlanMarkdown(plan, ctx, {
        limit: SUMMARY_LIMIT_BYTES - (options.reserve ?? SUMMARY_RESERVE_BYTES),
        unit: 'bytes',
        target: 'summary',
    });
}


/***/ }),

/***/ 1130:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   b: () => (/* binding */ parameterRows)
/* harmony export */ });
/* harmony import */ var _scrub_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3067);

/**
 * Rows for a stack's parameters: every parameter of a new stack, else those that change, are
 * NoEcho, or are known only after deploy; `unchanged` counts the rest.
 */
function parameterRows(stack) {
    const rows = [];
    let unchanged = 0;
    const isNew = stack.parameters.every((p) => p.before === undefined);
    for (const p of stack.parameters) {
        const hidden = p.before === _scrub_js__WEBPACK_IMPORTED_MODULE_0__/* .NO_ECHO_MASK */ .fS || p.after === _scrub_js__WEBPACK_IMPORTED_MODULE_0__/* .NO_ECHO_MASK */ .fS;
        if (!isNew && !hidden && p.knownAfterDeploy === undefined && p.before === p.after) {
            unchanged++;
            continue;
        }
        rows.push({
            key: p.key,
            hidden,
            ...(p.before !== undefined ? { before: p.before } : {}),
            ...(p.after !== undefined ? { after: p.after } : {}),
            ...(p.knownAfterDeploy !== undefined ? { knownAfterDeploy: p.knownAfterDeploy } : {}),
        });
    }
    return { rows, unchanged };
}


/***/ }),

/***/ 6539:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R: () => (/* binding */ valueText),
/* harmony export */   v: () => (/* binding */ propertyRows)
/* harmony export */ });
/* harmony import */ var _plan_analysis_context_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8615);
/**
 * The changed properties of one resource change, as rows of path, before and after. Taken from
 * CloudFormation's details when they carry values (IncludePropertyValues), else from a diff of
 * the before and after contexts, else the names of the changed properties alone.
 */

/** A value as text: strings as they are, anything else as compact JSON. */
function valueText(value) {
    if (value === undefined)
        return undefined;
    return typeof value === 'string' ? value : JSON.stringify(value);
}
function shortPath(path) {
    return path.replace(/^\/?Properties\//, '').replace(/^\//, '');
}
function causeOf(d) {
    if (d.changeSource === 'ParameterReference' && d.causingEntity)
        return `parameter ${d.causingEntity}`;
    if (d.changeSource === 'ResourceReference' && d.causingEntity)
        return `resource ${d.causingEntity}`;
    if (d.changeSource === 'ResourceAttribute' && d.causingEntity)
        return d.causingEntity;
    return undefined;
}
function fromDetails(change, valued, cap) {
    const byPath = new Map();
    let total = 0;
    for (const d of change.details) {
        const path = d.path ? shortPath(d.path) : (d.name ?? d.attribute);
        const key = `${path}\u0000${d.before ?? ''}\u0000${d.after ?? ''}`;
        const seen = byPath.get(key);
        const cause = causeOf(d);
        if (seen) {
            // CloudFormation lists a change once per cause; show one row with the cause it names.
            if (!seen.cause && cause)
                byPath.set(key, { ...seen, cause });
            continue;
        }
        total++;
        if (byPath.size >= cap)
            continue;
        byPath.set(key, {
            path,
            ...(d.before !== undefined ? { before: d.before } : {}),
            ...(d.after !== undefined ? { after: d.after } : {}),
            ...(d.requiresRecreation ? { recreation: d.requiresRecreation } : {}),
            ...(cause ? { cause } : {}),
        });
    }
    const rows = [...byPath.values()];
    return { rows, valued, omitted: total - rows.length };
}
/** Leaves that differ between two JSON values, depth first, at most `cap` of them. */
function leafDiff(before, after, cap) {
    const rows = [];
    let total = 0;
    const walk = (path, a, b) => {
        const bothObjects = typeof a === 'object' &&
            a !== null &&
            typeof b === 'object' &&
            b !== null &&
            Array.isArray(a) === Array.isArray(b);
        if (bothObjects) {
            const left = a;
            const right = b;
            const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
            for (const k of keys)
                walk(path ? `${path}/${k}` : k, left[k], right[k]);
            return;
        }
        const x = valueText(a);
        const y = valueText(b);
        if (x === y)
            return;
        total++;
        if (rows.length < cap) {
            rows.push({
                path,
                ...(x !== undefined ? { before: x } : {}),
                ...(y !== undefined ? { after: y } : {}),
            });
        }
    };
    walk('', before, after);
    return { rows, total };
}
/** The properties plus the resource's policies (as `@DeletionPolicy`, no property's name). */
function withPolicies(properties, context) {
    const out = { ...properties };
    for (const p of ['DeletionPolicy', 'UpdateReplacePolicy']) {
        if ((0,_plan_analysis_context_js__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u4)(context) && context[p] !== undefined)
            out[`@${p}`] = context[p];
    }
    return out;
}
function fromContexts(change, cap) {
    const before = (0,_plan_analysis_context_js__WEBPACK_IMPORTED_MODULE_0__/* .propertiesOf */ .P1)(change.before);
    const after = (0,_plan_analysis_context_js__WEBPACK_IMPORTED_MODULE_0__/* .propertiesOf */ .P1)(change.after);
    if (change.action === 'Add' && after) {
        // A new resource: one row per property, its whole value.
        const entries = Object.entries(after);
        const rows = entries.slice(0, cap).map(([path, v]) => ({ path, after: valueText(v) ?? '' }));
        return { rows, valued: true, omitted: entries.length - rows.length };
    }
    if (change.action !== 'Modify' || !before || !after)
        return undefined;
    const recreation = new Map();
    for (const d of change.details)
        if (d.name && d.requiresRecreation)
            recreation.set(d.name, d.requiresRecreation);
    const diff = leafDiff(withPolicies(before, change.before), withPolicies(after, change.after), cap);
    const rows = diff.rows.map((r) => {
        const top = r.path.split('/')[0] ?? '';
        const how = recreation.get(top);
        return { ...r, path: r.path.replace(/^@/, ''), ...(how ? { recreation: how } : {}) };
    });
    return { rows, valued: true, omitted: diff.total - rows.length };
}
/**
 * The rows for one change, at most `cap` (a policy document can have hundreds of leaves).
 * A removal has none: the resource goes whole.
 */
function propertyRows(change, cap = 200) {
    if (change.action === 'Remove')
        return { rows: [], valued: false, omitted: 0 };
    if (change.details.some((d) => d.before !== undefined || d.after !== undefined)) {
        return fromDetails(change, true, cap);
    }
    return fromContexts(change, cap) ?? fromDetails(change, false, cap);
}


/***/ }),

/***/ 3067:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FM: () => (/* binding */ noEchoValues),
/* harmony export */   fS: () => (/* binding */ NO_ECHO_MASK),
/* harmony export */   t5: () => (/* binding */ noEchoKeys),
/* harmony export */   vU: () => (/* binding */ scrubPlan),
/* harmony export */   vt: () => (/* binding */ secretScrubber)
/* harmony export */ });
/* unused harmony exports SECRET_MASK, scrubDeep */
/** What a hidden value shows instead. */
const SECRET_MASK = '***';
/** What CloudFormation shows for a NoEcho parameter, and what we show too. */
const NO_ECHO_MASK = '****';
/** A function that replaces every secret in a text by `***`; the identity when there are none. */
function secretScrubber(secrets) {
    // Longest first, so a secret that contains another is replaced whole. Blank values would
    // match everywhere and are no secret.
    const unique = [...new Set(secrets.filter((s) => s.trim() !== ''))].sort((a, b) => b.length - a.length);
    if (unique.length === 0)
        return (text) => text;
    const pattern = new RegExp(unique.map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
    return (text) => text.replace(pattern, SECRET_MASK);
}
/** Applies `scrub` to every string (keys included) in a JSON-like value. */
function scrubDeep(value, scrub) {
    const walk = (v) => {
        if (typeof v === 'string')
            return scrub(v);
        if (Array.isArray(v))
            return v.map(walk);
        if (typeof v === 'object' && v !== null) {
            const out = {};
            for (const [k, inner] of Object.entries(v))
                out[scrub(k)] = walk(inner);
            return out;
        }
        return v;
    };
    return walk(value);
}
/**
 * The NoEcho parameter keys of a plan: those named by the caller and those CloudFormation
 * already shows as `****`.
 */
function noEchoKeys(plan, declared) {
    const keys = new Set(declared);
    for (const stack of plan.stacks) {
        for (const p of stack.parameters) {
            if (p.before === NO_ECHO_MASK || p.after === NO_ECHO_MASK)
                keys.add(p.key);
        }
    }
    return keys;
}
/** The values of NoEcho parameters that the plan holds in clear (the planned ones). */
function noEchoValues(plan, keys) {
    const values = [];
    for (const stack of plan.stacks) {
        for (const p of stack.parameters) {
            if (!keys.has(p.key))
                continue;
            for (const v of [p.before, p.after])
                if (v !== undefined && v !== NO_ECHO_MASK)
                    values.push(v);
        }
    }
    return values;
}
function maskParameter(p) {
    return {
        ...p,
        ...(p.before !== undefined ? { before: NO_ECHO_MASK } : {}),
        ...(p.after !== undefined ? { after: NO_ECHO_MASK } : {}),
    };
}
/** The plan with NoEcho parameters masked and every secret replaced, everywhere. */
function scrubPlan(plan, keys, scrub) {
    const stacks = plan.stacks.map((s) => ({
        ...s,
        parameters: s.parameters.map((p) => (keys.has(p.key) ? maskParameter(p) : p)),
    }));
    return scrubDeep({ ...plan, stacks }, scrub);
}


/***/ }),

/***/ 1187:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  $: () => (/* binding */ renderPlanText)
});

// EXTERNAL MODULE: ./src/render/code-view.ts
var code_view = __webpack_require__(6513);
// EXTERNAL MODULE: ./src/shared/text.ts
var shared_text = __webpack_require__(4646);
// EXTERNAL MODULE: ./src/render/escape.ts
var render_escape = __webpack_require__(7789);
;// CONCATENATED MODULE: ./src/render/code-text.ts


/** At most this many names of one list are printed. */
const MAX_LISTED = 200;
const t = (text) => (0,shared_text/* escapeTerminal */.en)((0,render_escape/* truncate */.xv)(text, 1_100));
function list(out, sign, names) {
    for (const n of names.slice(0, MAX_LISTED))
        out.push(`    ${sign} ${t(n)}`);
    if (names.length > MAX_LISTED)
        out.push(`    ... ${names.length - MAX_LISTED} more (see the plan file)`);
}
/** The lines of the Code section; none when the plan has no code. */
function codeTextLines(raw) {
    const code = (0,code_view/* normalizeCode */.vz)(raw);
    if (!code)
        return [];
    const out = ['Code', `  ${t((0,code_view/* codeTarget */.BQ)(code))}`];
    for (const w of code.warnings)
        out.push(`  !! ${t(w)}`);
    const { dags, requirements, plugins, startupScript } = code;
    if (dags) {
        out.push(`  ${t(dags.prefix)} (DAG files): ${(0,code_view/* dagCounts */.Xe)(code)}`);
        list(out, '+', dags.added);
        list(out, '~', dags.changed);
        list(out, '-', dags.removed);
    }
    if (requirements) {
        out.push(`  ${t(requirements.key)}: ${t((0,code_view/* singleFileLine */.RQ)(requirements, 'requirements'))}; ${(0,code_view/* requirementsCounts */.Zq)(requirements)}`);
        list(out, '-', requirements.removedLines);
        list(out, '+', requirements.addedLines);
    }
    if (plugins) {
        out.push(`  ${t(plugins.key)}: ${t((0,code_view/* singleFileLine */.RQ)(plugins, 'plugins'))}; ${(0,code_view/* pluginCounts */.Yi)(plugins)}`);
        list(out, '+', plugins.addedEntries);
        list(out, '~', plugins.changedEntries);
        list(out, '-', plugins.removedEntries);
    }
    if (startupScript) {
        out.push(`  ${t(startupScript.key)}: ${t((0,code_view/* singleFileLine */.RQ)(startupScript, 'startup'))}`);
    }
    out.push('');
    return out;
}

// EXTERNAL MODULE: ./src/render/context.ts + 1 modules
var context = __webpack_require__(5790);
// EXTERNAL MODULE: ./src/render/describe.ts
var describe = __webpack_require__(7967);
// EXTERNAL MODULE: ./src/render/markdown-prechecks.ts
var markdown_prechecks = __webpack_require__(1322);
// EXTERNAL MODULE: ./src/render/parameters.ts
var parameters = __webpack_require__(1130);
// EXTERNAL MODULE: ./src/render/properties.ts
var properties = __webpack_require__(6539);
// EXTERNAL MODULE: ./src/render/view.ts
var view = __webpack_require__(2423);
;// CONCATENATED MODULE: ./src/render/text.ts








/** A value is cut to this many characters. */
const MAX_VALUE_CHARS = 200;
/** A column is padded to at most this width (longer values just push the line). */
const MAX_COLUMN = 40;
const text_t = (text, max = MAX_VALUE_CHARS) => (0,shared_text/* escapeTerminal */.en)((0,render_escape/* truncate */.xv)(text, max));
const v = (text) => text === undefined ? '(none)' : text === '' ? '""' : text_t(text);
function widths(rows) {
    const w = [];
    for (const row of rows)
        row.forEach((c, i) => (w[i] = Math.min(MAX_COLUMN, Math.max(w[i] ?? 0, c.length))));
    return w;
}
/** Rows as aligned columns; `right` lists the columns aligned right (numbers). */
function columns(rows, indent, right = new Set()) {
    const w = widths(rows);
    return rows.map((row) => (indent +
        row
            .map((c, i) => i === row.length - 1 && !right.has(i)
            ? c
            : right.has(i)
                ? c.padStart(w[i] ?? 0)
                : c.padEnd(w[i] ?? 0))
            .join('  ')).trimEnd());
}
/** The plan as plain text. */
function renderPlanText(plan, ctx) {
    const p = (0,context/* prepareRender */.I)(plan, ctx);
    const out = [];
    const meta = [
        `Region ${text_t(p.plan.region)}`,
        `Account ${p.plan.accountId ? text_t(p.plan.accountId) : 'not known (offline)'}`,
        ...(p.ctx.commitSha ? [`Commit ${text_t(p.ctx.commitSha.slice(0, 12))}`] : []),
        `Mode ${text_t(p.ctx.mode)}`,
    ];
    out.push(`MWAA plan: ${text_t(p.plan.environmentName)}`, `  ${meta.join(' | ')}`);
    if (p.ctx.runUrl)
        out.push(`  Run ${text_t(p.ctx.runUrl, 500)}`);
    out.push((0,view/* verdict */.WJ)(p.plan, p.analysis).text, '');
    // Failed pre-checks first: a deploy of this plan stops on them.
    const failed = (0,markdown_prechecks/* precheckWarnings */.$)(p.plan);
    if (failed.length > 0) {
        out.push('!! Will it create? No: the MWAA environment would fail 20 to 40 minutes into its creation or update; a deploy of this plan stops before anything is created or changed.');
        for (const w of failed) {
            out.push(`!! ${text_t(w.subject)} ${text_t(w.text, 1_000)}`);
            const rest = w.details.split('\n').slice(1);
            for (const line of rest.slice(0, 40))
                out.push(`     ${text_t(line, 1_000)}`);
        }
    }
    const warnings = (0,view/* destructiveWarnings */.el)(p.analysis);
    for (const w of warnings)
        out.push(`${w.severe ? '!!' : ' !'} ${text_t(w.subject)} ${text_t(w.text, 1_000)}`);
    const drift = p.analysis.drift;
    if (drift.length > 0) {
        out.push(` ! ${drift.length} resource${drift.length === 1 ? ' was' : 's were'} changed outside CloudFormation (drift); a deploy reverts those it updates (marked [reverted]):`);
        for (const d of drift) {
            const where = `${text_t(d.logicalId)} (${text_t(d.type)}, ${text_t(d.stack)})${d.security ? ' [security]' : ''}${d.revertedByPlan ? ' [reverted]' : ''}`;
            if (d.status === 'DELETED' || d.differences.length === 0)
                out.push(`     ${where}: deleted outside CloudFormation`);
            for (const x of d.differences)
                out.push(`     ${where} ${text_t(x.path)}: template ${v(x.expected)}, AWS ${v(x.actual)}`);
        }
    }
    for (const s of p.plan.stacks)
        if (s.drift?.status === 'unavailable')
            out.push(`Note: ${text_t(s.stackName)}: ${text_t(s.drift.reason, 1_000)}; the plan went on without it.`);
    for (const n of p.plan.warnings)
        out.push(`Note: ${text_t(n, 1_000)}`);
    for (const s of p.plan.stacks)
        for (const n of s.warnings)
            out.push(`Note: ${text_t(s.stackName)}: ${text_t(n, 1_000)}`);
    if (out[out.length - 1] !== '')
        out.push('');
    const summary = p.plan.stacks.map((s) => {
        const c = (0,view/* stackCounts */.zE)(s);
        return [
            text_t(s.stackName),
            text_t(s.status),
            s.action,
            ...[c.add, c.modify, c.remove, c.replace].map(String),
        ];
    });
    out.push(...columns([['Stack', 'Status', 'Plan', 'Add', 'Modify', 'Remove', 'Replace'], ...summary], '', new Set([3, 4, 5, 6])), '');
    for (const s of p.plan.stacks) {
        out.push(`${text_t(s.stackName)} (${s.role}): ${s.action}${s.source === 'template' ? ', planned from the template (values known after deploy)' : ''}`);
        const params = (0,parameters/* parameterRows */.b)(s);
        if (params.rows.length > 0) {
            out.push('  Parameters');
            const rows = params.rows.map((r) => [
                text_t(r.key),
                r.hidden
                    ? '(NoEcho: hidden)'
                    : r.knownAfterDeploy !== undefined
                        ? `${r.before === undefined ? '' : `${v(r.before)} -> `}(known after deploy: ${text_t(r.knownAfterDeploy)})`
                        : r.before === undefined
                            ? v(r.after)
                            : `${v(r.before)} -> ${v(r.after)}`,
            ]);
            out.push(...columns(rows, '    '));
        }
        if (s.changes.length === 0) {
            out.push('  No changes.', '');
            continue;
        }
        out.push('  Resources');
        const heads = s.changes.map((c) => [
            view/* SYMBOL */.PF[(0,view/* changeKind */.P0)(c)],
            text_t(c.logicalId),
            text_t(c.type),
            c.action === 'Modify' && c.replacement && c.replacement !== 'False'
                ? `replacement ${c.replacement}`
                : '',
        ]);
        const lines = columns(heads, '    ');
        s.changes.forEach((c, i) => {
            out.push(lines[i] ?? '');
            const { rows, valued, omitted } = (0,properties/* propertyRows */.v)(c, 50);
            for (const r of rows) {
                const extra = [
                    r.recreation ? `recreation ${r.recreation}` : '',
                    r.cause ? `via ${text_t(r.cause)}` : '',
                ]
                    .filter(Boolean)
                    .join(', ');
                const change = !valued
                    ? ''
                    : c.action === 'Add'
                        ? `: ${v(r.after)}`
                        : `: ${v(r.before)} -> ${v(r.after)}`;
                out.push(`        ${text_t(r.path)}${change}${extra ? ` (${extra})` : ''}`);
            }
            if (omitted > 0)
                out.push(`        ... ${omitted} more`);
        });
        out.push('');
    }
    out.push(...codeTextLines(p.plan.code));
    const security = p.analysis.securityChanges;
    if (security.length > 0) {
        out.push('Security-relevant changes');
        const sign = { added: '+', removed: '-', changed: '~' };
        for (const c of security) {
            out.push(`  ${sign[c.change]} ${text_t(c.logicalId)} (${text_t(c.stack)}) ${text_t((0,describe/* securityKindLabel */.Tn)(c))}: ${c.broad ? 'BROAD ' : ''}${text_t((0,describe/* describeSecurityChange */.Oz)(c), 400)}`);
        }
        out.push('');
    }
    return (0,shared_text/* neutraliseCommands */.$B)(out.join('\n').trimEnd() + '\n');
}


/***/ }),

/***/ 2423:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dq: () => (/* binding */ warningGroups),
/* harmony export */   P0: () => (/* binding */ changeKind),
/* harmony export */   PF: () => (/* binding */ SYMBOL),
/* harmony export */   WJ: () => (/* binding */ verdict),
/* harmony export */   c9: () => (/* binding */ ACTION_WORD),
/* harmony export */   el: () => (/* binding */ destructiveWarnings),
/* harmony export */   zE: () => (/* binding */ stackCounts)
/* harmony export */ });
/* unused harmony exports totalCounts, destructiveWarning, keyModeWarning */
/* harmony import */ var _environment_plan_warnings_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2838);
/* harmony import */ var _plan_analysis_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7198);
/* harmony import */ var _code_view_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6513);



function changeKind(c) {
    switch (c.action) {
        case 'Add':
            return 'add';
        case 'Remove':
            return 'remove';
        case 'Import':
            return 'import';
        case 'Dynamic':
            return 'dynamic';
        default:
            return c.replacement === 'True'
                ? 'replace'
                : c.replacement === 'Conditional'
                    ? 'maybe-replace'
                    : 'modify';
    }
}
/** The terminal symbol of each kind of change (also shown in markdown tables). */
const SYMBOL = {
    add: '+',
    modify: '~',
    remove: '-',
    replace: '\u00b1',
    'maybe-replace': '\u00b1',
    import: '>',
    dynamic: '?',
};
/** How a change reads in a table's action column. */
const ACTION_WORD = {
    add: 'add',
    modify: 'modify',
    remove: 'remove',
    replace: 'replace',
    'maybe-replace': 'may replace',
    import: 'import',
    dynamic: 'dynamic',
};
/** The counts of a stack's changes, in one pass. */
function stackCounts(stack) {
    let add = 0;
    let modify = 0;
    let remove = 0;
    let replace = 0;
    for (const c of stack.changes) {
        if (c.action === 'Add')
            add++;
        else if (c.action === 'Remove')
            remove++;
        else if (c.action === 'Modify')
            modify++;
        if (c.replacement === 'True' || c.replacement === 'Conditional')
            replace++;
    }
    return { add, modify, remove, replace };
}
function totalCounts(plan) {
    const all = plan.stacks.map(stackCounts);
    const sum = (k) => all.reduce((n, c) => n + c[k], 0);
    return { add: sum('add'), modify: sum('modify'), remove: sum('remove'), replace: sum('replace') };
}
const plural = (n, one, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
/** The one-line verdict of a plan. */
function verdict(plan, analysis) {
    // The stacks decide the counts; a plan whose only changes are code files says so.
    if (!plan.stacks.some((s) => s.action !== 'none'))
        return (0,_code_view_js__WEBPACK_IMPORTED_MODULE_0__/* .codeOnlyVerdict */ .PM)(plan) ?? { level: 'none', text: 'No changes.' };
    const t = totalCounts(plan);
    const counts = `${plural(analysis.changeCount, 'change')} (${t.add} to add, ${t.modify} to modify, ${t.remove} to remove)`;
    const destroying = analysis.destructive.length;
    if (destroying === 0 && !analysis.keyModeSwitch)
        return { level: 'changes', text: `${counts}.` };
    const why = [
        ...(destroying > 0
            ? [
                `${destroying} of them ${destroying === 1 ? 'removes or replaces' : 'remove or replace'} a resource`,
            ]
            : []),
        ...(analysis.keyModeSwitch ? ['the key mode changes'] : []),
    ];
    return { level: 'destructive', text: `Destructive: ${counts}; ${why.join(', and ')}.` };
}
function noun(type) {
    if (type === 'AWS::S3::Bucket')
        return 'bucket';
    if (type === 'AWS::KMS::Key')
        return 'key';
    return 'resource';
}
function statefulText(d) {
    const n = noun(d.type);
    const key = d.type === 'AWS::KMS::Key';
    if (d.reason === 'remove') {
        if (d.retained === true)
            return key
                ? 'is removed from the stack but retained: the key stays in the account (what it encrypted can still be read), no longer managed by this stack.'
                : `is removed from the stack but retained: the ${n} stays in the account with its data, no longer managed by this stack.`;
        if (key)
            return `is removed: the key is scheduled for deletion, and what it encrypted cannot be read once it is deleted${d.retained === undefined ? ' (unless its DeletionPolicy is Retain)' : ''}.`;
        return d.retained === false
            ? `is removed: the ${n} is deleted with its data.`
            : `is removed: the ${n} is deleted with its data unless its DeletionPolicy is Retain.`;
    }
    const how = d.reason === 'replace'
        ? 'is replaced'
        : 'may be replaced (CloudFormation decides during the deploy)';
    if (d.retained === true) {
        return key
            ? `${how}: the old key is retained, but the new key cannot decrypt what the old one encrypted, and the environment must be pointed at the new key.`
            : `${how}: the old ${n} is retained with its data, but the new one starts empty and the environment must be pointed at it.`;
    }
    return d.retained === false
        ? `${how}: the old ${n} is deleted with its data.`
        : `${how}: the old ${n} is deleted with its data unless its UpdateReplacePolicy is Retain.`;
}
const REASON = {
    remove: 'is removed.',
    replace: 'is replaced.',
    'conditional-replace': 'may be replaced (CloudFormation decides during the deploy).',
};
/** The warning for one destructive change. */
function destructiveWarning(d) {
    const environment = (0,_environment_plan_warnings_js__WEBPACK_IMPORTED_MODULE_1__/* .environmentWarning */ .AS)(d);
    if (environment)
        return environment;
    const subject = `${d.logicalId} (${d.type}) in stack ${d.stack}`;
    if (_plan_analysis_js__WEBPACK_IMPORTED_MODULE_2__/* .NETWORK_TYPES */ .rg.has(d.type)) {
        const what = d.type === 'AWS::EC2::VPC' ? 'another VPC' : 'other subnets';
        return {
            subject,
            severe: true,
            text: `${REASON[d.reason].slice(0, -1)}: an MWAA environment cannot move to ${what}; an environment using it must be recreated.`,
        };
    }
    if (d.stateful)
        return { subject, severe: true, text: statefulText(d) };
    return { subject, severe: false, text: REASON[d.reason] };
}
/** The warning for a key-mode switch. */
function keyModeWarning(k) {
    return {
        subject: `The key mode (${k.before} \u2192 ${k.after}) of stack ${k.stack}`,
        severe: true,
        text: 'changes: an existing MWAA environment cannot change its encryption; it must be deleted and created again to use the new key mode.',
    };
}
function warningGroups(analysis) {
    const network = [];
    const stateful = [];
    const routine = [];
    const environment = [];
    for (const d of analysis.destructive) {
        const w = destructiveWarning(d);
        if (d.type === _environment_plan_warnings_js__WEBPACK_IMPORTED_MODULE_1__/* .ENVIRONMENT_TYPE */ .tJ)
            environment.push(w);
        else
            (_plan_analysis_js__WEBPACK_IMPORTED_MODULE_2__/* .NETWORK_TYPES */ .rg.has(d.type) ? network : w.severe ? stateful : routine).push(w);
    }
    const k = analysis.keyModeSwitch;
    // A replaced environment loses its metadata database: the loudest warning, first.
    return {
        keyMode: [...environment, ...(k ? [keyModeWarning(k)] : [])],
        network,
        stateful,
        routine,
    };
}
/** Every warning of the analysis, most severe first: key mode, network, stateful, the rest. */
function destructiveWarnings(analysis) {
    const g = warningGroups(analysis);
    return [...g.keyMode, ...g.network, ...g.stateful, ...g.routine];
}


/***/ }),

/***/ 9563:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Qh: () => (/* binding */ INPUT_NAMES),
/* harmony export */   WJ: () => (/* binding */ INPUT_DEFAULTS),
/* harmony export */   gB: () => (/* binding */ DEFAULT_DEMO_INPUTS)
/* harmony export */ });
/**
 * The inputs' defaults, duplicated from action.yml because the library and the CLI run without
 * it. A unit test compares this table with action.yml so the two cannot drift apart.
 */
const INPUT_DEFAULTS = {
    mode: 'plan',
    // Required: no default. Listed so the table names every input.
    'environment-name': '',
    'aws-region': '',
    'role-to-assume': '',
    'role-session-name': 'mwaa-deploy',
    'role-duration-seconds': '3600',
    audience: 'sts.amazonaws.com',
    'key-mode': 'aws-owned',
    'kms-key': '',
    'vpc-cidr': '10.192.0.0/16',
    // Empty: derived from vpc-cidr (settings/subnet-layout.ts); the seed's values for the default.
    'public-subnet-1-cidr': '',
    'public-subnet-2-cidr': '',
    'private-subnet-1-cidr': '',
    'private-subnet-2-cidr': '',
    'bucket-name': '',
    'vpc-stack-name': '',
    'prerequisites-stack-name': '',
    'vpc-template': '',
    'prerequisites-template': '',
    'permissions-boundary': '',
    tags: '',
    comment: 'on-change',
    // action.yml defaults this to `${{ github.token }}`; outside Actions there is no token.
    'github-token': '',
    'fail-on-destructive': 'true',
    'allow-destructive': '',
    'allow-failed-prechecks': '',
    'termination-protection': 'true',
    'recreate-failed-stack': 'false',
    'require-reviewed-plan': 'false',
    'mask-aws-account-id': 'false',
    'timeout-minutes': '60',
    // The environment stack's own budget: a failed create and its rollback take 60 to 80 minutes.
    'environment-timeout-minutes': '120',
    'drift-timeout-seconds': '120',
    // Release-time code (src/settings/code.ts): all optional.
    'dags-path': '',
    'requirements-path': '',
    'startup-script-path': '',
    'plugins-path': '',
    'dag-s3-path': 'dags',
    'dag-deletion-limit': '50%',
    'import-errors': 'fail',
    'import-errors-wait-seconds': '90',
    'deploy-environment': 'false',
    'environment-stack-name': '',
    'environment-template': '',
    'airflow-version': '',
    'environment-class': 'mw1.small',
    'min-workers': '1',
    // Empty: 10, or 1 for mw1.micro (which does not scale its one worker).
    'max-workers': '',
    // Empty: 2, or 1 for mw1.micro (MWAA's own defaults).
    schedulers: '',
    'webserver-access-mode': 'PRIVATE_ONLY',
    'log-levels': '',
    'weekly-maintenance-window-start': '',
    'airflow-configuration-options': '',
};
/** Every input name, in action.yml order. */
const INPUT_NAMES = Object.freeze(Object.keys(INPUT_DEFAULTS));
/**
 * The inputs of the offline demo (`mwaa-deploy plan --offline`): the two inputs without a usable
 * default, everything else from {@link INPUT_DEFAULTS}.
 */
const DEFAULT_DEMO_INPUTS = Object.freeze({
    'environment-name': 'mwaa-demo',
    'aws-region': 'us-east-1',
});


/***/ }),

/***/ 160:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  W: () => (/* binding */ inputsFrom),
  M: () => (/* binding */ loadSettings)
});

// EXTERNAL MODULE: ./src/settings/problems.ts
var settings_problems = __webpack_require__(1477);
;// CONCATENATED MODULE: ./src/settings/bucket-name.ts
/**
 * S3 general purpose bucket naming rules. CloudFormation only reports a bad name when it
 * creates the bucket; checking first names the input and the rule broken.
 */

/** Prefixes S3 reserves for its own features (access points, Object Lambda, demos). */
const RESERVED_PREFIXES = ['xn--', 'sthree-', 'amzn-s3-demo-'];
/** Suffixes S3 reserves (access point aliases, Multi-Region Access Points, directory and table buckets). */
const RESERVED_SUFFIXES = ['-s3alias', '--ol-s3', '.mrap', '--x-s3', '--table-s3'];
const IP_ADDRESS = /^\d+\.\d+\.\d+\.\d+$/;
/**
 * Checks an S3 general purpose bucket name: 3 to 63 characters of lowercase letters, digits,
 * `.` and `-`; starting and ending with a letter or digit; no `..`; not shaped like an IP
 * address; none of S3's reserved prefixes or suffixes. Dots are allowed, as S3 allows them,
 * although they break virtual-hosted HTTPS and Transfer Acceleration.
 * Returns every rule the name breaks.
 */
function parseBucketName(name) {
    const q = (0,settings_problems/* quote */.hD)(name);
    const details = [];
    if (name.length < 3 || name.length > 63) {
        details.push(`${q} is ${name.length} characters long; a bucket name has 3 to 63`);
    }
    const bad = [...new Set(name.replace(/[a-z0-9.-]/g, ''))];
    if (bad.length > 0) {
        details.push(`${q} contains ${bad.map((c) => (0,settings_problems/* quote */.hD)(c)).join(', ')}; a bucket name has only lowercase letters, digits, '.' and '-'`);
    }
    if (!/^[a-z0-9]/.test(name) || !/[a-z0-9]$/.test(name)) {
        details.push(`${q} must start and end with a lowercase letter or digit`);
    }
    if (name.includes('..')) {
        details.push(`${q} contains '..'; a bucket name must not have two adjacent periods`);
    }
    if (IP_ADDRESS.test(name)) {
        details.push(`${q} is formatted like an IP address, which S3 does not allow`);
    }
    for (const prefix of RESERVED_PREFIXES) {
        if (name.startsWith(prefix)) {
            details.push(`${q} starts with '${prefix}', a prefix S3 reserves`);
        }
    }
    for (const suffix of RESERVED_SUFFIXES) {
        if (name.endsWith(suffix))
            details.push(`${q} ends with '${suffix}', a suffix S3 reserves`);
    }
    return details.length > 0 ? (0,settings_problems/* fail */.fJ)(...details) : (0,settings_problems.ok)(name);
}

// EXTERNAL MODULE: ./src/settings/defaults.ts
var defaults = __webpack_require__(9563);
// EXTERNAL MODULE: ./src/settings/names.ts
var names = __webpack_require__(4761);
;// CONCATENATED MODULE: ./src/settings/kms-key.ts
/**
 * The `kms-key` input. MWAA's KMS support table (seed 001) reads: key ID or ARN yes, alias no,
 * multi-Region key no. The API accepts `alias/...` and the environment fails much later, so
 * every unsupported form is rejected here, before any AWS call.
 */


const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const KEY_ARN = /^arn:(aws[a-z-]*):kms:([a-z0-9-]+):(\d{12}):key\/(.+)$/;
const ALIAS_ARN = /^arn:[^:]*:kms:[^:]*:[^:]*:alias\//;
const MRK_ARN = /^arn:[^:]*:kms:[^:]*:[^:]*:key\/mrk-/;
const SUPPORT_TABLE = 'not supported by MWAA (its KMS support table: key ID or ARN yes, alias no, multi-Region key no)';
const EXPECTED = 'expected a key ID like 1234abcd-12ab-34cd-56ef-1234567890ab or a key ARN like arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';
/**
 * Reads `kms-key` in the light of `key-mode` and the deployment Region:
 * - empty: `create` (the stack creates a key) in customer-managed mode, `none` in AWS-owned mode;
 * - a key ARN `arn:<partition>:kms:<region>:<account>:key/<uuid>` in the deployment Region:
 *   `existing` with `keyId`, `arn` and `accountId`;
 * - a bare key ID (UUID): `existing` with `keyId` only. A bare ID always means a key in the
 *   deployment account (the one the credentials resolve to); a key in another account can only
 *   be given by its ARN, and nothing in an ID tells the two apart;
 * - an alias (`alias/...` or an alias ARN), a multi-Region key (`mrk-...`), a key ARN in another
 *   Region, or anything else: rejected, saying which form to give instead;
 * - any key while `key-mode` is `aws-owned`: rejected, as the two contradict each other.
 */
function parseKmsKey(value, context) {
    if (value === '') {
        return (0,settings_problems.ok)(context.keyMode === 'customer-managed' ? { source: 'create' } : { source: 'none' });
    }
    const details = [];
    const key = parseKeyReference(value, context.region);
    if (!key.ok)
        details.push(...key.details);
    if (context.keyMode === 'aws-owned') {
        details.push(`${(0,settings_problems/* quote */.hD)(value)} is set but key-mode is 'aws-owned'; set key-mode: customer-managed or clear kms-key`);
    }
    return details.length > 0 ? (0,settings_problems/* fail */.fJ)(...details) : key;
}
/** The form checks alone: what kind of key reference `value` is, and whether MWAA can use it. */
function parseKeyReference(value, region) {
    const q = (0,settings_problems/* quote */.hD)(value);
    if (value.startsWith('alias/') || ALIAS_ARN.test(value)) {
        return (0,settings_problems/* fail */.fJ)(`${q} is an AWS KMS key alias: ${SUPPORT_TABLE}; give the key ID or key ARN`);
    }
    if (value.startsWith('mrk-') || MRK_ARN.test(value)) {
        return (0,settings_problems/* fail */.fJ)(`${q} is an AWS KMS multi-Region key: ${SUPPORT_TABLE}; give a single-Region key's ID or ARN`);
    }
    if (UUID.test(value))
        return (0,settings_problems.ok)({ source: 'existing', keyId: value });
    const arn = KEY_ARN.exec(value);
    if (arn === null) {
        const hint = UUID.test(value.toLowerCase()) ? ' (key IDs are lowercase)' : '';
        return (0,settings_problems/* fail */.fJ)(`${q} is not a KMS key ID or key ARN${hint}; ${EXPECTED}`);
    }
    const [, partition = '', keyRegion = '', accountId = '', keyId = ''] = arn;
    if (!UUID.test(keyId)) {
        return (0,settings_problems/* fail */.fJ)(`${q} is not a KMS key ARN: the part after 'key/' must be a key ID; ${EXPECTED}`);
    }
    if (region !== undefined && keyRegion !== region) {
        return (0,settings_problems/* fail */.fJ)(`${q} is in Region ${keyRegion} but the deployment Region is ${region}; MWAA needs a key in the environment's Region`);
    }
    const expectedPartition = (0,names/* knownPartitionOf */.hV)(keyRegion);
    if (expectedPartition !== undefined && partition !== expectedPartition) {
        return (0,settings_problems/* fail */.fJ)(`${q} has partition '${partition}' but Region ${keyRegion} is in '${expectedPartition}'`);
    }
    return (0,settings_problems.ok)({ source: 'existing', keyId, arn: value, accountId });
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/settings/scalars.ts
var scalars = __webpack_require__(316);
;// CONCATENATED MODULE: ./src/settings/code.ts
/**
 * The release-time code inputs: the DAG folder, requirements.txt, the plugins (a zip or a folder)
 * and the startup script, all paths inside the workspace. Here only their form is checked (no
 * `..` escape, no absolute path elsewhere, no control characters); what is on disk (exists, folder
 * or file, links that leave the workspace) is checked by src/code/ before any AWS call writes.
 */



const IMPORT_ERRORS_POLICIES = ['fail', 'warn', 'off'];
/**
 * import-errors-wait-seconds: 0 (ask at once) to 600. MWAA syncs the bucket to its containers
 * about every 30 s and Airflow's scheduler then parses the new files (min_file_process_interval,
 * 30 s by default), so the default (90 s) covers a sync, a parse and a margin.
 */
const IMPORT_ERRORS_WAIT_SECONDS = { min: 0, max: 600 };
/** The code inputs that point at files, by input name. */
const CODE_PATH_INPUTS = [
    'dags-path',
    'requirements-path',
    'startup-script-path',
    'plugins-path',
];
/**
 * Reads the code inputs; undefined when no path input is set (nothing changes from before).
 * `env` gives GITHUB_WORKSPACE; without it the working directory is the workspace.
 */
function readCode(read, env, problems) {
    const workspace = (0,external_node_path_.resolve)(env['GITHUB_WORKSPACE']?.trim() || process.cwd());
    const paths = {};
    for (const input of CODE_PATH_INPUTS) {
        const value = read(input);
        if (value === '')
            continue;
        const parsed = problems.take(input, parseWorkspacePath(value, workspace));
        if (parsed !== undefined)
            paths[input] = parsed;
    }
    const dagPrefix = problems.take('dag-s3-path', parseDagPrefix(read('dag-s3-path')));
    const limit = problems.take('dag-deletion-limit', parseDeletionLimit(read('dag-deletion-limit')));
    const importErrors = problems.take('import-errors', (0,scalars/* parseEnum */.nL)(read('import-errors'), IMPORT_ERRORS_POLICIES));
    const waitSeconds = problems.take('import-errors-wait-seconds', (0,scalars/* parseInteger */.cG)(read('import-errors-wait-seconds'), IMPORT_ERRORS_WAIT_SECONDS.min, IMPORT_ERRORS_WAIT_SECONDS.max, 'seconds'));
    const given = CODE_PATH_INPUTS.some((input) => read(input) !== '');
    if (!given ||
        dagPrefix === undefined ||
        limit === undefined ||
        importErrors === undefined ||
        waitSeconds === undefined) {
        return undefined;
    }
    return {
        workspace,
        paths,
        dagPrefix,
        dagDeletionLimit: limit,
        importErrors,
        importErrorsWaitSeconds: waitSeconds,
    };
}
// Controls, line separators and bidirectional overrides: legal in some file names, but they
// could disguise a path in the plan and the log.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
/** A path that stays inside the workspace once `..` segments are resolved. */
function parseWorkspacePath(text, workspace) {
    if (UNSAFE.test(text)) {
        return (0,settings_problems/* fail */.fJ)(`${(0,settings_problems/* quote */.hD)(text)} contains control, line-separator or bidirectional characters; give a path inside the workspace`);
    }
    const inside = (0,external_node_path_.relative)(workspace, (0,external_node_path_.resolve)(workspace, text));
    if (inside === '..' || inside.startsWith(`..${external_node_path_.sep}`) || (0,external_node_path_.isAbsolute)(inside)) {
        return (0,settings_problems/* fail */.fJ)(`${(0,settings_problems/* quote */.hD)(text)} leads outside the workspace (${workspace}); give a path inside the repository, e.g. dags`);
    }
    return (0,settings_problems.ok)((0,external_node_path_.isAbsolute)(text) ? text : (0,external_node_path_.normalize)(text));
}
/** MWAA's DagS3Path: at most 1024 characters (API reference, RelativePath). */
const DAG_PATH_MAX_CHARS = 1024;
/** S3 object keys: at most 1024 bytes of UTF-8 (S3 user guide, "Naming objects"). */
const S3_KEY_MAX_BYTES = 1024;
/** Room kept after the prefix for a file name (`x.py` at the least). */
const MIN_NAME_BYTES = 4;
/**
 * The environment's DAG folder in the bucket (MWAA's DagS3Path, e.g. `dags`), as a key prefix.
 * The bucket's root is refused: deletions there would reach requirements.txt and every other key.
 */
function parseDagPrefix(text) {
    if (/^s3:\/\//i.test(text)) {
        return (0,settings_problems/* fail */.fJ)(`${(0,settings_problems/* quote */.hD)(text)} must be a folder relative to the bucket, e.g. dags (not an s3:// URL)`);
    }
    const trimmed = text.replace(/^\/+|\/+$/g, '');
    if (trimmed === '') {
        return (0,settings_problems/* fail */.fJ)(`${(0,settings_problems/* quote */.hD)(text)} is the bucket's root; DAGs need a folder of their own, e.g. dags (DAG objects no longer in the folder are deleted under it)`);
    }
    const segments = trimmed.split('/');
    if (segments.some((s) => s === '' || s === '.' || s === '..' || UNSAFE.test(s) || s.includes('\\'))) {
        return (0,settings_problems/* fail */.fJ)(`${(0,settings_problems/* quote */.hD)(text)} is not a folder path in the bucket; use names separated by '/', e.g. dags or airflow/dags`);
    }
    // MWAA's DagS3Path (API reference: RelativePath, 1 to 1024 characters, pattern `.*`, which
    // excludes line breaks, refused above) is a key prefix: S3 keys are at most 1024 bytes of
    // UTF-8, and the prefix must leave room for the DAG files' names after its '/'. That bound is
    // the tighter one (a character is at least a byte), so it covers MWAA's.
    const bytes = Buffer.byteLength(`${trimmed}/`, 'utf8');
    if (bytes > S3_KEY_MAX_BYTES - MIN_NAME_BYTES) {
        return (0,settings_problems/* fail */.fJ)(`${(0,settings_problems/* quote */.hD)(text)} is ${bytes} bytes as a key prefix; S3 keys are at most ${S3_KEY_MAX_BYTES} bytes (UTF-8) and MWAA's DagS3Path at most ${DAG_PATH_MAX_CHARS} characters, and the DAG files' names must fit after it: use a shorter folder, e.g. dags`);
    }
    return (0,settings_problems.ok)(`${trimmed}/`);
}
/** `50%` (a share of the DAG objects under the prefix) or `20` (a number of objects). */
function parseDeletionLimit(text) {
    const percent = /^(\d{1,3})%$/.exec(text);
    if (percent) {
        const value = Number(percent[1]);
        if (value <= 100)
            return (0,settings_problems.ok)({ kind: 'percent', value });
    }
    if (/^(0|[1-9]\d{0,8})$/.test(text))
        return (0,settings_problems.ok)({ kind: 'count', value: Number(text) });
    return (0,settings_problems/* fail */.fJ)(`${(0,settings_problems/* quote */.hD)(text)} is neither a percentage from 0% to 100% nor a whole number of objects; e.g. 50% (the default) or 100% to allow any deletion`);
}

// EXTERNAL MODULE: ./src/settings/network.ts + 2 modules
var network = __webpack_require__(1835);
;// CONCATENATED MODULE: ./src/settings/environment-types.ts
/** The settings of the optional third stack: the MWAA environment itself (`deploy-environment`). */
/** MWAA's environment classes (the API model's `EnvironmentClass`). */
const ENVIRONMENT_CLASSES = [
    'mw1.micro',
    'mw1.small',
    'mw1.medium',
    'mw1.large',
    'mw1.xlarge',
    'mw1.2xlarge',
];
const WEBSERVER_ACCESS_MODES = ['PRIVATE_ONLY', 'PUBLIC_ONLY'];
/** MWAA's `LoggingLevel` values, and DISABLED for a log type turned off. */
const LOG_LEVELS = ['DISABLED', 'CRITICAL', 'ERROR', 'WARNING', 'INFO', 'DEBUG'];
/** The five log types of `LoggingConfiguration`, by the names the `log-levels` input uses. */
const LOG_TYPES = ['dag-processing', 'scheduler', 'task', 'webserver', 'worker'];

// EXTERNAL MODULE: ./node_modules/js-yaml/dist/js-yaml.mjs
var js_yaml = __webpack_require__(3243);
// EXTERNAL MODULE: ./src/shared/errors.ts
var errors = __webpack_require__(8382);
;// CONCATENATED MODULE: ./src/settings/tags.ts
/**
 * The `tags` input: `key=value` lines, or a YAML/JSON mapping. Lines are the simple form for a
 * workflow file; the mapping suits tags kept as JSON elsewhere. Only newlines separate tags
 * (not commas), so there is one way to write them and no quoting rules. Tags are checked
 * against the tagging character set because CloudFormation copies stack tags onto resources
 * (S3 buckets among them) whose own tag rules would otherwise fail the stack mid-way.
 */



/** CloudFormation's limit on tags per stack. */
const MAX_TAGS = 50;
/** The longest tag key. */
const MAX_TAG_KEY_LENGTH = 128;
/** The longest tag value. */
const MAX_TAG_VALUE_LENGTH = 256;
// The character set of AWS's tagging APIs (Tag.Key / Tag.Value patterns).
const TAG_CHAR = /[\p{L}\p{Z}\p{N}_.:/=+\-@]/u;
const ALLOWED = 'letters, digits, spaces and _ . : / = + - @';
/**
 * Parses and checks the tags: at most 50, keys 1 to 128 characters, values up to 256, keys
 * unique and not starting with `aws:` (reserved by AWS, in any case), only the characters AWS
 * tagging allows. In `key=value` lines, blank lines and `#` comments are skipped, the first `=`
 * splits key from value, and both are trimmed. A mapping is read with YAML's failsafe schema so
 * every value stays the text written (`1.10` stays `1.10`, `yes` stays `yes`).
 */
function parseTags(text) {
    if (text.trim() === '')
        return (0,settings_problems.ok)([]);
    const read = looksLikeMapping(text) ? readMapping(text) : readLines(text);
    return read.ok ? checkTags(read.value) : read;
}
/**
 * `key=value` lines or a YAML/JSON mapping, unchecked: the reader of `tags`, also used for other
 * mapping inputs (`airflow-configuration-options`, `log-levels`).
 */
function parseKeyValues(text) {
    if (text.trim() === '')
        return (0,settings_problems.ok)([]);
    return looksLikeMapping(text) ? readMapping(text) : readLines(text);
}
/**
 * Tells the two forms apart by the first meaningful line: a mapping starts with `{` or has a
 * `key:` (colon then space or line end) before any `=`. So `url: http://x?a=b` is YAML, while
 * `team:owner=x` and `note=a: b` are lines.
 */
function looksLikeMapping(text) {
    const first = text
        .split(/\r?\n/)
        .map((line) => line.trim())
        .find((line) => line !== '' && !line.startsWith('#') && line !== '---');
    if (first === undefined)
        return false;
    if (first.startsWith('{'))
        return true;
    const colon = first.search(/:(\s|$)/);
    const equals = first.indexOf('=');
    return colon >= 0 && (equals < 0 || colon < equals);
}
function readLines(text) {
    const tags = [];
    const details = [];
    text.split(/\r?\n/).forEach((raw, index) => {
        const line = raw.trim();
        if (line === '' || line.startsWith('#'))
            return;
        const equals = line.indexOf('=');
        if (equals < 0) {
            details.push(`line ${index + 1} ${(0,settings_problems/* quote */.hD)(line)} has no '='; write one key=value per line (or a YAML mapping)`);
            return;
        }
        tags.push({ key: line.slice(0, equals).trim(), value: line.slice(equals + 1).trim() });
    });
    return details.length > 0 ? (0,settings_problems/* fail */.fJ)(...details) : (0,settings_problems.ok)(tags);
}
function readMapping(text) {
    let document;
    try {
        document = (0,js_yaml/* load */.Hh)(text, { schema: js_yaml/* FAILSAFE_SCHEMA */.uH, maxDepth: 10 });
    }
    catch (error) {
        // The parser's first line names the problem and its position; the rest is a source snippet.
        const reason = (0,errors/* errorMessage */.g)(error).split('\n')[0] ?? '';
        return (0,settings_problems/* fail */.fJ)(`${(0,settings_problems/* quote */.hD)(text)} is not a valid YAML/JSON mapping: ${reason}`);
    }
    if (document === null || typeof document !== 'object' || Array.isArray(document)) {
        return (0,settings_problems/* fail */.fJ)(`${(0,settings_problems/* quote */.hD)(text)} is not a mapping; write key: value pairs or key=value lines`);
    }
    const tags = [];
    const details = [];
    for (const [key, value] of Object.entries(document)) {
        if (typeof value === 'string')
            tags.push({ key, value });
        else
            details.push(`tag ${(0,settings_problems/* quote */.hD)(key)} has a ${Array.isArray(value) ? 'list' : 'mapping'} value; tag values are text`);
    }
    return details.length > 0 ? (0,settings_problems/* fail */.fJ)(...details) : (0,settings_problems.ok)(tags);
}
/** The characters of `text` outside the tagging character set, each quoted once. */
function badCharacters(text) {
    const bad = [...new Set(Array.from(text).filter((c) => !TAG_CHAR.test(c)))];
    return bad.length > 0 ? bad.map((c) => (0,settings_problems/* quote */.hD)(c)).join(', ') : undefined;
}
function checkTags(tags) {
    const details = [];
    if (tags.length > MAX_TAGS) {
        details.push(`${tags.length} tags given; at most ${MAX_TAGS} are allowed on a stack`);
    }
    const seen = new Set();
    for (const { key, value } of tags) {
        const k = (0,settings_problems/* quote */.hD)(key);
        const keyLength = Array.from(key).length;
        if (keyLength === 0)
            details.push(`a tag has an empty key (value ${(0,settings_problems/* quote */.hD)(value)})`);
        if (keyLength > MAX_TAG_KEY_LENGTH) {
            details.push(`tag key ${k} is ${keyLength} characters long; at most ${MAX_TAG_KEY_LENGTH}`);
        }
        if (key.toLowerCase().startsWith('aws:')) {
            details.push(`tag key ${k} starts with 'aws:', a prefix AWS reserves for its own tags`);
        }
        const badKey = badCharacters(key);
        if (badKey)
            details.push(`tag key ${k} contains ${badKey}; tags allow ${ALLOWED}`);
        const valueLength = Array.from(value).length;
        if (valueLength > MAX_TAG_VALUE_LENGTH) {
            details.push(`the value of tag ${k} is ${valueLength} characters long; at most ${MAX_TAG_VALUE_LENGTH}`);
        }
        const badValue = badCharacters(value);
        if (badValue)
            details.push(`the value of tag ${k} contains ${badValue}; tags allow ${ALLOWED}`);
        if (seen.has(key))
            details.push(`tag key ${k} is given twice; tag keys must be unique`);
        seen.add(key);
    }
    return details.length > 0 ? (0,settings_problems/* fail */.fJ)(...details) : (0,settings_problems.ok)(tags);
}

;// CONCATENATED MODULE: ./src/settings/environment.ts





/**
 * Workers: the API model's minimum is 1 and it sets no maximum (MinWorkers, MaxWorkers). The
 * limit is a service quota, "Workers per environment", 25 by default and adjustable (MWAA user
 * guide, quotas), so more than 25 can be right; 120 is a bound against typos.
 */
const WORKERS = { min: 1, max: 120 };
/** Schedulers: 2 to 5, except mw1.micro which runs exactly 1 (the API reference). */
const SCHEDULERS = { min: 2, max: 5 };
/** The console's defaults: task logs at INFO, the others at WARNING. */
const DEFAULT_LOG_LEVELS = {
    'dag-processing': 'WARNING',
    scheduler: 'WARNING',
    task: 'INFO',
    webserver: 'WARNING',
    worker: 'WARNING',
};
/** Versions MWAA no longer creates environments with (retired by MWAA's version support policy). */
const RETIRED_AIRFLOW = new Set(['1.10.12', '2.0.2', '2.2.2']);
/** The API model's `ConfigKey` and `ConfigValue` patterns. */
const CONFIG_KEY = /^[a-z]+([a-z0-9._]*[a-z0-9_]+)?$/;
const CONFIG_VALUE = /^[ -~]+$/;
/** Reads `deploy-environment`; the environment inputs are read only when it is true. */
function readDeployEnvironment(read, problems) {
    return problems.take('deploy-environment', (0,scalars/* parseBoolean */.yG)(read('deploy-environment'))) ?? false;
}
/**
 * Reads every environment input; undefined when any was invalid (each problem recorded,
 * naming its input and the fix).
 */
function readEnvironment(read, problems) {
    const before = problems.problems.length;
    const version = read('airflow-version');
    const airflowVersion = version === '' ? '' : problems.take('airflow-version', parseAirflowVersion(version));
    const environmentClass = problems.take('environment-class', (0,scalars/* parseEnum */.nL)(read('environment-class'), ENVIRONMENT_CLASSES));
    const micro = environmentClass === 'mw1.micro';
    const minWorkers = readWorkers('min-workers', read('min-workers'), micro, problems);
    const maxWorkers = readWorkers('max-workers', read('max-workers') || (micro ? '1' : '10'), micro, problems);
    if (minWorkers !== undefined && maxWorkers !== undefined && maxWorkers < minWorkers) {
        problems.invalid('max-workers', `'${maxWorkers}' is below min-workers ${minWorkers}; set max-workers to at least min-workers`);
    }
    const schedulers = readSchedulers(read('schedulers'), environmentClass, problems);
    const webserverAccessMode = problems.take('webserver-access-mode', (0,scalars/* parseEnum */.nL)(read('webserver-access-mode'), WEBSERVER_ACCESS_MODES));
    // dag-s3-path is one input shared with the code sync, checked (and reported) by readCode.
    const dag = parseDagPrefix(read('dag-s3-path'));
    const dagS3Path = dag.ok ? dag.value.replace(/\/$/, '') : undefined;
    const logLevels = problems.take('log-levels', parseLogLevels(read('log-levels')));
    const window = read('weekly-maintenance-window-start');
    const weeklyMaintenanceWindowStart = window === '' ? '' : problems.take('weekly-maintenance-window-start', parseWindow(window));
    const airflowConfigurationOptions = problems.take('airflow-configuration-options', parseConfigurationOptions(read('airflow-configuration-options')));
    if (problems.problems.length > before || dagS3Path === undefined)
        return undefined;
    return {
        ...(airflowVersion ? { airflowVersion } : {}),
        environmentClass: environmentClass,
        minWorkers: minWorkers,
        maxWorkers: maxWorkers,
        schedulers: schedulers,
        webserverAccessMode: webserverAccessMode,
        dagS3Path: dagS3Path,
        logLevels: logLevels,
        ...(weeklyMaintenanceWindowStart ? { weeklyMaintenanceWindowStart } : {}),
        airflowConfigurationOptions: airflowConfigurationOptions,
    };
}
/** `X.Y.Z` (or `X.Y`), not a version MWAA has retired. */
function parseAirflowVersion(text) {
    if (!/^\d+\.\d+(\.\d+)?$/.test(text)) {
        return (0,settings_problems/* fail */.fJ)(`${(0,settings_problems/* quote */.hD)(text)} is not an Apache Airflow version; write it like 2.10.3, or leave it empty for MWAA's default`);
    }
    if (RETIRED_AIRFLOW.has(text)) {
        return (0,settings_problems/* fail */.fJ)(`${(0,settings_problems/* quote */.hD)(text)} is a version MWAA no longer creates environments with; choose a supported one, e.g. 2.10.3`);
    }
    return (0,settings_problems.ok)(text);
}
/**
 * `min-workers` or `max-workers`. mw1.micro runs one combined worker and scheduler and "does not
 * support auto-scaling" (MWAA user guide, environment classes): both must be 1 there.
 */
function readWorkers(input, text, micro, problems) {
    const workers = problems.take(input, (0,scalars/* parseInteger */.cG)(text, WORKERS.min, WORKERS.max, 'workers'));
    if (micro && workers !== undefined && workers !== 1) {
        problems.invalid(input, `${(0,settings_problems/* quote */.hD)(text)} is not possible with environment-class mw1.micro, which runs exactly 1 worker and does not scale; set ${input}: 1${input === 'max-workers' ? ' or leave it empty' : ''}`);
        return undefined;
    }
    return workers;
}
function readSchedulers(text, environmentClass, problems) {
    const micro = environmentClass === 'mw1.micro';
    if (text === '')
        return micro ? 1 : 2;
    if (micro) {
        if (text === '1')
            return 1;
        problems.invalid('schedulers', `${(0,settings_problems/* quote */.hD)(text)} is not possible with environment-class mw1.micro, which runs exactly 1 scheduler; set schedulers: 1 or leave it empty`);
        return undefined;
    }
    return problems.take('schedulers', (0,scalars/* parseInteger */.cG)(text, SCHEDULERS.min, SCHEDULERS.max, 'schedulers'));
}
/** `DAY:HH:MM` in UTC; MWAA takes the minutes 00 or 30 (its console offers half hours). */
function parseWindow(text) {
    if (/^(MON|TUE|WED|THU|FRI|SAT|SUN):([01]\d|2[0-3]):(00|30)$/.test(text))
        return (0,settings_problems.ok)(text);
    return (0,settings_problems/* fail */.fJ)(`${(0,settings_problems/* quote */.hD)(text)} is not DAY:HH:MM (UTC, the day as MON..SUN, minutes 00 or 30), e.g. SUN:03:30`);
}
/** `type=LEVEL` lines or a mapping; unnamed types keep the console's defaults. */
function parseLogLevels(text) {
    const pairs = parseKeyValues(text);
    if (!pairs.ok)
        return pairs;
    const levels = { ...DEFAULT_LOG_LEVELS };
    const details = [];
    for (const { key, value } of pairs.value) {
        const type = LOG_TYPES.find((t) => t === key);
        if (type === undefined) {
            details.push(`${(0,settings_problems/* quote */.hD)(key)} is not a log type; use ${LOG_TYPES.join(', ')}`);
            continue;
        }
        const level = (0,scalars/* parseEnum */.nL)(value.toUpperCase(), LOG_LEVELS);
        if (!level.ok)
            details.push(`${type}: ${level.details.join('; ')}`);
        else
            levels[type] = level.value;
    }
    return details.length > 0 ? (0,settings_problems/* fail */.fJ)(...details) : (0,settings_problems.ok)(levels);
}
/** A mapping of Airflow options (`core.default_timezone: utc`), keys and values as MWAA's API takes them. */
function parseConfigurationOptions(text) {
    const pairs = parseKeyValues(text);
    if (!pairs.ok)
        return pairs;
    const options = {};
    const details = [];
    for (const { key, value } of pairs.value) {
        if (!CONFIG_KEY.test(key) || key.length > 64 || !key.includes('.')) {
            details.push(`${(0,settings_problems/* quote */.hD)(key)} is not an Airflow option; write section.option in lowercase, e.g. core.default_timezone`);
        }
        else if (!CONFIG_VALUE.test(value) || value.length > 65_536) {
            details.push(`the value of ${key} must be 1 to 65536 printable ASCII characters`);
        }
        else
            options[key] = value;
    }
    return details.length > 0 ? (0,settings_problems/* fail */.fJ)(...details) : (0,settings_problems.ok)(options);
}

;// CONCATENATED MODULE: ./src/settings/environment-stack.ts



/**
 * The environment stack's name (`environment-stack-name`, or `<env>-mwaa-environment`) and
 * template; the name must differ from the other two stacks'.
 */
function readEnvironmentStack(read, environmentName, others, problems) {
    const given = read('environment-stack-name');
    let name;
    if (given !== '')
        name = problems.take('environment-stack-name', (0,names/* parseStackName */.Ff)(given));
    else if (environmentName !== undefined) {
        const derived = (0,names/* parseStackName */.Ff)((0,names/* deriveStackNames */.i1)(environmentName).environment);
        if (derived.ok)
            name = derived.value;
        else
            for (const d of derived.details)
                problems.invalid('environment-name', `gives the stack name ${d}; set environment-stack-name`);
    }
    if (name === undefined)
        return undefined;
    if (others.some((o) => o.toLowerCase() === name.toLowerCase())) {
        problems.invalid('environment-stack-name', `${(0,settings_problems/* quote */.hD)(name)} is also another stack's name; the three stacks need different names`);
        return undefined;
    }
    const templatePath = read('environment-template');
    return templatePath === '' ? { name } : { name, templatePath };
}
/** The environment's settings and stack, when `deploy-environment` is true; undefined on any problem. */
function withEnvironment(read, environmentName, stacks, problems) {
    const others = stacks ? [stacks.vpc.name, stacks.prerequisites.name] : [];
    const stack = readEnvironmentStack(read, environmentName, others, problems);
    const settings = readEnvironment(read, problems);
    return stack && settings ? { settings, stack } : undefined;
}

// EXTERNAL MODULE: ./src/settings/prechecks.ts
var prechecks = __webpack_require__(961);
;// CONCATENATED MODULE: ./src/settings/stack-names.ts


/**
 * Reads `vpc-stack-name`, `prerequisites-stack-name` and the two template paths. `environmentName`
 * is undefined when that input was invalid: the derived names are then not checked (the
 * environment name's own problem says enough). Returns undefined when any problem was found.
 */
function readStacks(read, environmentName, problems) {
    const derived = environmentName === undefined ? undefined : (0,names/* deriveStackNames */.i1)(environmentName);
    const vpc = stackName(read, 'vpc-stack-name', derived?.vpc, problems);
    const prerequisites = stackName(read, 'prerequisites-stack-name', derived?.prerequisites, problems);
    if (vpc === undefined || prerequisites === undefined)
        return undefined;
    // Stack names are compared without case: a pair differing only in case is a typo, not a plan.
    if (vpc.toLowerCase() === prerequisites.toLowerCase()) {
        // Blame an input the user actually set; both derived names can never collide.
        const input = read('prerequisites-stack-name') !== '' ? 'prerequisites-stack-name' : 'vpc-stack-name';
        const other = input === 'vpc-stack-name' ? 'prerequisite' : 'VPC';
        const name = input === 'vpc-stack-name' ? vpc : prerequisites;
        problems.invalid(input, `${(0,settings_problems/* quote */.hD)(name)} is also the ${other} stack's name; the two stacks need different names`);
        return undefined;
    }
    return {
        vpc: stack(vpc, read('vpc-template')),
        prerequisites: stack(prerequisites, read('prerequisites-template')),
    };
}
/** A given stack name, checked; or the derived one, checked too (against the environment name). */
function stackName(read, input, derived, problems) {
    const given = read(input);
    if (given !== '')
        return problems.take(input, (0,names/* parseStackName */.Ff)(given));
    if (derived === undefined)
        return undefined;
    const parsed = (0,names/* parseStackName */.Ff)(derived);
    if (parsed.ok)
        return parsed.value;
    for (const detail of parsed.details) {
        problems.invalid('environment-name', `gives the stack name ${detail}; set ${input}`);
    }
    return undefined;
}
function stack(name, templatePath) {
    return templatePath === '' ? { name } : { name, templatePath };
}

;// CONCATENATED MODULE: ./src/settings/load.ts
/**
 * Inputs \u2192 one validated, deep-frozen Settings. The only module that knows the inputs' names.
 * It takes a reader instead of calling @actions/core, so the action, the CLI, the library and
 * the tests all feed it the same way.
 */













const MODES = ['plan', 'deploy', 'verify'];
const KEY_MODES = ['aws-owned', 'customer-managed'];
const COMMENT_POLICIES = ['always', 'on-change', 'never'];
/** STS's AssumeRoleWithWebIdentity DurationSeconds range. */
const SESSION_SECONDS = { min: 900, max: 43200 };
/** Up to 12 hours of waiting for one stack operation. */
const TIMEOUT_MINUTES = { min: 1, max: 720 };
/** Drift detection takes about a minute on real stacks; a plan must not hang on it. */
const DRIFT_TIMEOUT_SECONDS = { min: 0, max: 900 };
/** The AWS SDK's own Region variables, in the order the SDK reads them. */
const REGION_VARIABLES = ['AWS_REGION', 'AWS_DEFAULT_REGION'];
/**
 * Reads, checks and freezes every input. Unset or blank inputs take {@link INPUT_DEFAULTS};
 * values are trimmed; `aws-region` falls back to AWS_REGION, then AWS_DEFAULT_REGION in `env`.
 * Every problem of every input is collected first, then thrown together as one SettingsError,
 * so a user fixes their workflow in one round.
 * @throws SettingsError listing every invalid or missing input.
 */
function loadSettings(input, env = process.env) {
    const problems = new settings_problems/* ProblemCollector */.tH();
    const read = (name) => {
        const value = (input(name) ?? '').trim();
        return value === '' ? defaults/* INPUT_DEFAULTS */.WJ[name] : value;
    };
    // Read in action.yml's order, so the problems are listed in that order too.
    const mode = problems.take('mode', (0,scalars/* parseEnum */.nL)(read('mode'), MODES));
    const environmentName = readEnvironmentName(read('environment-name'), problems);
    const region = readRegion(read('aws-region'), env, problems);
    const credentials = readCredentials(read, problems);
    const keyMode = problems.take('key-mode', (0,scalars/* parseEnum */.nL)(read('key-mode'), KEY_MODES));
    const bucketName = read('bucket-name');
    const boundary = read('permissions-boundary');
    const githubToken = read('github-token');
    // A token is one word; anything else would end up in an HTTP header (and its error message).
    // The value itself is never quoted: it is a secret.
    // eslint-disable-next-line no-control-regex
    if (/[\s\u0000-\u001f\u007f]/.test(githubToken)) {
        problems.invalid('github-token', 'the token contains spaces, line breaks or control characters (its value is not shown); pass the token alone, e.g. github-token: ${{ secrets.GITHUB_TOKEN }}');
    }
    const stacks = readStacks(read, environmentName, problems);
    // The environment inputs are checked even when deploy-environment is off: a typo there is
    // still a mistake in the workflow, better found now than when the environment is turned on.
    const deployEnvironment = readDeployEnvironment(read, problems);
    const checkedEnvironment = withEnvironment(read, environmentName, stacks, problems);
    const environment = deployEnvironment ? checkedEnvironment : undefined;
    const settings = {
        mode,
        environmentName,
        region,
        credentials,
        keyMode,
        kmsKey: problems.take('kms-key', parseKmsKey(read('kms-key'), { keyMode, region })),
        network: (0,network/* readNetwork */.L)(read, problems),
        ...(bucketName !== '' && {
            bucketName: problems.take('bucket-name', parseBucketName(bucketName)),
        }),
        stacks: environment && stacks ? { ...stacks, environment: environment.stack } : stacks,
        ...(environment && { environment: environment.settings }),
        ...(boundary !== '' && {
            permissionsBoundary: problems.take('permissions-boundary', parseBoundaryArn(boundary)),
        }),
        tags: problems.take('tags', parseTags(read('tags'))),
        comment: problems.take('comment', (0,scalars/* parseEnum */.nL)(read('comment'), COMMENT_POLICIES)),
        ...(githubToken !== '' && { githubToken }),
        failOnDestructive: problems.take('fail-on-destructive', (0,scalars/* parseBoolean */.yG)(read('fail-on-destructive'))),
        allowDestructive: problems.take('allow-destructive', (0,scalars/* parseAllowList */.jR)(read('allow-destructive'))),
        allowFailedPrechecks: problems.take('allow-failed-prechecks', (0,prechecks/* parsePrecheckAllowList */.e_)(read('allow-failed-prechecks'))),
        terminationProtection: problems.take('termination-protection', (0,scalars/* parseBoolean */.yG)(read('termination-protection'))),
        recreateFailedStack: problems.take('recreate-failed-stack', (0,scalars/* parseBoolean */.yG)(read('recreate-failed-stack'))),
        requireReviewedPlan: problems.take('require-reviewed-plan', (0,scalars/* parseBoolean */.yG)(read('require-reviewed-plan'))),
        maskAccountId: problems.take('mask-aws-account-id', (0,scalars/* parseBoolean */.yG)(read('mask-aws-account-id'))),
        timeoutMinutes: problems.take('timeout-minutes', (0,scalars/* parseInteger */.cG)(read('timeout-minutes'), TIMEOUT_MINUTES.min, TIMEOUT_MINUTES.max, 'minutes')),
        environmentTimeoutMinutes: problems.take('environment-timeout-minutes', (0,scalars/* parseInteger */.cG)(read('environment-timeout-minutes'), TIMEOUT_MINUTES.min, TIMEOUT_MINUTES.max, 'minutes')),
        driftTimeoutSeconds: problems.take('drift-timeout-seconds', (0,scalars/* parseInteger */.cG)(read('drift-timeout-seconds'), DRIFT_TIMEOUT_SECONDS.min, DRIFT_TIMEOUT_SECONDS.max, 'seconds')),
    };
    const code = readCode(read, env, problems);
    problems.throwIfAny();
    // Sound: every field left undefined above recorded a problem, and throwIfAny threw.
    return deepFreeze({ ...settings, ...(code && { code }) });
}
/** An {@link InputReader} over a plain record, e.g. {@link DEFAULT_DEMO_INPUTS} or parsed CLI flags. */
function inputsFrom(values) {
    return (name) => (Object.hasOwn(values, name) ? values[name] : undefined);
}
function readEnvironmentName(value, problems) {
    if (value === '') {
        problems.missing('environment-name', "give the MWAA environment's name (a letter, then letters, digits, '-' or '_'; at most 80 characters), e.g. environment-name: my-airflow");
        return undefined;
    }
    return problems.take('environment-name', (0,names/* parseEnvironmentName */.gU)(value));
}
function readRegion(value, env, problems) {
    if (value !== '')
        return problems.take('aws-region', (0,names/* parseRegion */.cf)(value));
    for (const variable of REGION_VARIABLES) {
        const fromEnv = env[variable]?.trim() ?? '';
        if (fromEnv !== '')
            return problems.take('aws-region', (0,names/* parseRegion */.cf)(fromEnv, ` (from ${variable})`));
    }
    problems.missing('aws-region', 'set the aws-region input (e.g. aws-region: eu-west-1), or AWS_REGION or AWS_DEFAULT_REGION in the environment');
    return undefined;
}
function readCredentials(read, problems) {
    const role = read('role-to-assume');
    return {
        ...(role !== '' && { roleToAssume: problems.take('role-to-assume', (0,names/* parseRoleArn */.DM)(role)) }),
        roleSessionName: problems.take('role-session-name', (0,names/* parseSessionName */.NN)(read('role-session-name'))),
        roleDurationSeconds: problems.take('role-duration-seconds', (0,scalars/* parseInteger */.cG)(read('role-duration-seconds'), SESSION_SECONDS.min, SESSION_SECONDS.max, 'seconds')),
        audience: problems.take('audience', (0,names/* parseAudience */.QA)(read('audience'))),
    };
}
/** Freezes an object and everything reachable from it, so no stage can change the settings. */
function deepFreeze(value) {
    if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
        Object.freeze(value);
        for (const child of Object.values(value))
            deepFreeze(child);
    }
    return value;
}
/** A managed policy ARN, as IAM's PermissionsBoundary takes it (and the template's pattern). */
function parseBoundaryArn(value) {
    return /^arn:aws[a-z-]*:iam::\d{12}:policy\/(?:[\w+=,.@-]+\/)*[\w+=,.@-]{1,128}$/.test(value)
        ? (0,settings_problems.ok)(value)
        : (0,settings_problems/* fail */.fJ)(`${(0,settings_problems/* quote */.hD)(value)} is not an IAM managed policy ARN; give the ExecutionRoleBoundaryArn output of templates/github-oidc-roles.yaml, e.g. arn:aws:iam::123456789012:policy/NAME`);
}


/***/ }),

/***/ 4761:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DM: () => (/* binding */ parseRoleArn),
/* harmony export */   Ff: () => (/* binding */ parseStackName),
/* harmony export */   NN: () => (/* binding */ parseSessionName),
/* harmony export */   QA: () => (/* binding */ parseAudience),
/* harmony export */   cf: () => (/* binding */ parseRegion),
/* harmony export */   gU: () => (/* binding */ parseEnvironmentName),
/* harmony export */   hV: () => (/* binding */ knownPartitionOf),
/* harmony export */   i1: () => (/* binding */ deriveStackNames)
/* harmony export */ });
/* unused harmony exports ENVIRONMENT_NAME_PATTERN, MAX_ENVIRONMENT_NAME_LENGTH, STACK_NAME_PATTERN, MAX_STACK_NAME_LENGTH */
/* harmony import */ var _problems_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1477);
/**
 * Names and identifiers: the environment, the stacks, the Region, the role to assume. Each check
 * says the expected form in the words of the service that would reject the value later.
 */

/** MWAA's environment name pattern (the API model's `EnvironmentName`). */
const ENVIRONMENT_NAME_PATTERN = /^[a-zA-Z][0-9a-zA-Z\-_]*$/;
/** The longest MWAA environment name. */
const MAX_ENVIRONMENT_NAME_LENGTH = 80;
/** CloudFormation's stack name pattern. */
const STACK_NAME_PATTERN = /^[a-zA-Z][-a-zA-Z0-9]*$/;
/** The longest CloudFormation stack name. */
const MAX_STACK_NAME_LENGTH = 128;
/** Checks an MWAA environment name. */
function parseEnvironmentName(name) {
    const form = `(a letter, then letters, digits, '-' or '_'; at most ${MAX_ENVIRONMENT_NAME_LENGTH} characters)`;
    if (!ENVIRONMENT_NAME_PATTERN.test(name)) {
        return (0,_problems_js__WEBPACK_IMPORTED_MODULE_0__/* .fail */ .fJ)(`${(0,_problems_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(name)} does not match ${ENVIRONMENT_NAME_PATTERN.source} ${form}`);
    }
    if (name.length > MAX_ENVIRONMENT_NAME_LENGTH) {
        return (0,_problems_js__WEBPACK_IMPORTED_MODULE_0__/* .fail */ .fJ)(`${(0,_problems_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(name)} is ${name.length} characters long ${form}`);
    }
    return (0,_problems_js__WEBPACK_IMPORTED_MODULE_0__.ok)(name);
}
/** Checks a CloudFormation stack name. */
function parseStackName(name) {
    const form = `(a letter, then letters, digits or '-'; at most ${MAX_STACK_NAME_LENGTH} characters)`;
    if (!STACK_NAME_PATTERN.test(name)) {
        return (0,_problems_js__WEBPACK_IMPORTED_MODULE_0__/* .fail */ .fJ)(`${(0,_problems_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(name)} does not match ${STACK_NAME_PATTERN.source} ${form}`);
    }
    if (name.length > MAX_STACK_NAME_LENGTH) {
        return (0,_problems_js__WEBPACK_IMPORTED_MODULE_0__/* .fail */ .fJ)(`${(0,_problems_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(name)} is ${name.length} characters long ${form}`);
    }
    return (0,_problems_js__WEBPACK_IMPORTED_MODULE_0__.ok)(name);
}
/**
 * The stack names used when none is given: `<env>-vpc` and `<env>-mwaa-prerequisites`, with the
 * environment name's `_` turned into `-` because stack names do not allow `_`.
 */
function deriveStackNames(environmentName) {
    const base = environmentName.replace(/_/g, '-');
    return {
        vpc: `${base}-vpc`,
        prerequisites: `${base}-mwaa-prerequisites`,
        environment: `${base}-mwaa-environment`,
    };
}
// Two or more lowercase words, the last one a number: us-east-1, us-gov-west-1, cn-north-1,
// us-isob-east-1, eusc-de-east-1. Loose on purpose: new Regions appear every year.
const REGION_PATTERN = /^[a-z]{2,4}(-[a-z]+){1,3}-\d{1,2}$/;
/** Checks the shape of a Region name; whether it exists is left to AWS. */
function parseRegion(region, source = '') {
    if (!REGION_PATTERN.test(region)) {
        return (0,_problems_js__WEBPACK_IMPORTED_MODULE_0__/* .fail */ .fJ)(`${(0,_problems_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(region)}${source} is not an AWS Region name; expected lowercase like eu-west-1 or us-gov-west-1`);
    }
    return (0,_problems_js__WEBPACK_IMPORTED_MODULE_0__.ok)(region);
}
/**
 * The ARN partition of a Region, when it can be told from the name: `aws-cn` for `cn-*`,
 * `aws-us-gov` for `us-gov-*`, `aws` for the commercial Regions. Undefined for the isolated and
 * sovereign partitions, whose naming this code does not try to track.
 */
function knownPartitionOf(region) {
    if (region.startsWith('cn-'))
        return 'aws-cn';
    if (region.startsWith('us-gov-'))
        return 'aws-us-gov';
    if (/^[a-z]{2}-[a-z]+-\d+$/.test(region))
        return 'aws';
    return undefined;
}
const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/(?:[\w+=,.@-]+\/)*[\w+=,.@-]{1,64}$/;
const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;
/** Checks an IAM role ARN, e.g. `arn:aws:iam::123456789012:role/path/name`. */
function parseRoleArn(arn) {
    if (ROLE_ARN.test(arn))
        return (0,_problems_js__WEBPACK_IMPORTED_MODULE_0__.ok)(arn);
    const expected = 'expected an IAM role ARN like arn:aws:iam::123456789012:role/my-role';
    if (ROLE_NAME.test(arn)) {
        return (0,_problems_js__WEBPACK_IMPORTED_MODULE_0__/* .fail */ .fJ)(`${(0,_problems_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(arn)} is a role name, not an ARN; ${expected}`);
    }
    if (/^arn:aws[a-z-]*:sts::/.test(arn)) {
        return (0,_problems_js__WEBPACK_IMPORTED_MODULE_0__/* .fail */ .fJ)(`${(0,_problems_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(arn)} is an STS session ARN, not the role's; ${expected}`);
    }
    return (0,_problems_js__WEBPACK_IMPORTED_MODULE_0__/* .fail */ .fJ)(`${(0,_problems_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(arn)} is not an IAM role ARN; ${expected}`);
}
/** Checks an STS role session name: 2 to 64 characters of letters, digits and `_+=,.@-`. */
function parseSessionName(name) {
    if (/^[\w+=,.@-]{2,64}$/.test(name))
        return (0,_problems_js__WEBPACK_IMPORTED_MODULE_0__.ok)(name);
    return (0,_problems_js__WEBPACK_IMPORTED_MODULE_0__/* .fail */ .fJ)(`${(0,_problems_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(name)} is not a role session name (2 to 64 characters of letters, digits and _+=,.@-)`);
}
/** Checks the OIDC audience: any non-empty text without whitespace. */
function parseAudience(audience) {
    if (/^\S{1,255}$/.test(audience))
        return (0,_problems_js__WEBPACK_IMPORTED_MODULE_0__.ok)(audience);
    return (0,_problems_js__WEBPACK_IMPORTED_MODULE_0__/* .fail */ .fJ)(`${(0,_problems_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(audience)} is not an OIDC audience (1 to 255 characters, no spaces, e.g. sts.amazonaws.com)`);
}


/***/ }),

/***/ 1835:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  W: () => (/* binding */ derivedSubnetsNote),
  L: () => (/* binding */ readNetwork)
});

// EXTERNAL MODULE: ./src/settings/problems.ts
var settings_problems = __webpack_require__(1477);
// EXTERNAL MODULE: ./src/shared/ipv4.ts
var ipv4 = __webpack_require__(2146);
;// CONCATENATED MODULE: ./src/settings/cidr.ts
/**
 * IPv4 CIDR blocks for the VPC and its subnets. MWAA documents no IPv6-only support, so only
 * IPv4 is accepted, and strictly: EC2 rejects a block with host bits set, and catching that
 * here (with the corrected block) beats a failed stack operation minutes later.
 */


/** The smallest and largest prefix EC2 accepts for a VPC or subnet IPv4 block. */
const MIN_PREFIX = 16;
/** See {@link MIN_PREFIX}. */
const MAX_PREFIX = 28;
const EXPECTED = 'expected an IPv4 CIDR like 10.192.0.0/16';
/** Writes a block back as text, e.g. `10.192.0.0/16`. */
function formatCidr(cidr) {
    return (0,ipv4/* formatIpv4Cidr */.H)(cidr.network, cidr.prefix);
}
/**
 * Parses `a.b.c.d/n` strictly: four decimal octets 0-255 without leading zeros, a prefix 0-32,
 * and no host bits set (the address must be the block's network address).
 */
function parseIpv4Cidr(text) {
    if (text.includes(':')) {
        return (0,settings_problems/* fail */.fJ)(`${(0,settings_problems/* quote */.hD)(text)} is an IPv6 address; MWAA subnets need IPv4 CIDRs (${EXPECTED})`);
    }
    if (!text.includes('/')) {
        return (0,settings_problems/* fail */.fJ)(`${(0,settings_problems/* quote */.hD)(text)} has no prefix length; ${EXPECTED}`);
    }
    const read = (0,ipv4/* readIpv4Cidr */.Q9)(text);
    if (!read.ok && read.reason === 'shape') {
        return (0,settings_problems/* fail */.fJ)(`${(0,settings_problems/* quote */.hD)(text)} is not an IPv4 CIDR: ${EXPECTED} (four numbers 0-255, '/', prefix)`);
    }
    if (!read.ok && read.reason === 'octet') {
        return (0,settings_problems/* fail */.fJ)(`${(0,settings_problems/* quote */.hD)(text)} is not an IPv4 CIDR: each of the four numbers must be 0 to 255 without leading zeros`);
    }
    if (!read.ok) {
        return (0,settings_problems/* fail */.fJ)(`${(0,settings_problems/* quote */.hD)(text)} is not an IPv4 CIDR: the prefix must be 0 to 32 without leading zeros`);
    }
    const { address, prefix } = read;
    const network = (address & (0,ipv4/* ipv4Mask */.Ek)(prefix)) >>> 0;
    if (network !== address) {
        const corrected = formatCidr({ network, prefix });
        return (0,settings_problems/* fail */.fJ)(`${(0,settings_problems/* quote */.hD)(text)} has host bits set: the address of a /${prefix} block must be its network address (did you mean ${corrected}?)`);
    }
    return (0,settings_problems.ok)({ network, prefix });
}
/** Parses a VPC or subnet block: {@link parseIpv4Cidr} plus EC2's /16 to /28 size rule. */
function parseVpcCidr(text) {
    const parsed = parseIpv4Cidr(text);
    if (!parsed.ok)
        return parsed;
    const { prefix } = parsed.value;
    if (prefix < MIN_PREFIX || prefix > MAX_PREFIX) {
        return (0,settings_problems/* fail */.fJ)(`${(0,settings_problems/* quote */.hD)(text)} has prefix /${prefix}; VPC and subnet blocks must be /${MIN_PREFIX} to /${MAX_PREFIX}`);
    }
    return parsed;
}
/** True when every address of `inner` is in `outer`. */
function cidrContains(outer, inner) {
    return (inner.prefix >= outer.prefix && (inner.network & (0,ipv4/* ipv4Mask */.Ek)(outer.prefix)) >>> 0 === outer.network);
}
/** True when the two blocks share at least one address (for CIDR blocks: one contains the other). */
function cidrsOverlap(a, b) {
    return cidrContains(a, b) || cidrContains(b, a);
}

// EXTERNAL MODULE: ./src/settings/defaults.ts
var defaults = __webpack_require__(9563);
;// CONCATENATED MODULE: ./src/settings/subnet-layout.ts

/** The subnet inputs in the order of the layout's blocks. */
const SUBNET_INPUTS = [
    'public-subnet-1-cidr',
    'public-subnet-2-cidr',
    'private-subnet-1-cidr',
    'private-subnet-2-cidr',
];
/** The seed's blocks, by input: the index of a /(vpc+8) block inside the VPC. */
const SEED_BLOCKS = [10, 11, 20, 21];
/** The four subnets for a VPC, by input, or undefined when the VPC is too small for any layout. */
function deriveSubnets(vpc) {
    const seedPrefix = vpc.prefix + 8;
    const [prefix, blocks] = seedPrefix <= MAX_PREFIX ? [seedPrefix, SEED_BLOCKS] : [vpc.prefix + 2, [0, 1, 2, 3]];
    if (prefix > MAX_PREFIX)
        return undefined;
    const size = 2 ** (32 - prefix);
    const entries = SUBNET_INPUTS.map((input, i) => [input, formatCidr({ network: vpc.network + (blocks[i] ?? 0) * size, prefix })]);
    return Object.fromEntries(entries);
}

;// CONCATENATED MODULE: ./src/settings/network.ts
/**
 * The VPC stack's address plan: five CIDR inputs checked alone and against each other, because
 * EC2 only reports a subnet outside its VPC, or two overlapping subnets, once the stack is
 * half-built and rolling back.
 */




/**
 * Reads and checks the network inputs: each a strict IPv4 CIDR of /16 to /28, each subnet inside
 * `vpc-cidr`, the four subnets pairwise disjoint. A subnet left empty is derived from `vpc-cidr`
 * (see subnet-layout.ts) and named in `derived`. Returns undefined when any problem was found.
 */
function readNetwork(read, problems) {
    const before = problems.problems.length;
    const vpcText = read('vpc-cidr');
    const vpc = problems.take('vpc-cidr', parseVpcCidr(vpcText));
    const layout = vpc === undefined ? undefined : deriveSubnets(vpc);
    const given = (input) => read(input) !== '';
    const derived = SUBNET_INPUTS.filter((input) => !given(input));
    const valueOf = (input) => given(input) ? read(input) : (layout?.[input] ?? '');
    const subnets = [];
    for (const input of SUBNET_INPUTS) {
        const text = valueOf(input);
        if (text === '') {
            // Only when vpc-cidr is invalid (already reported) or too small for four subnets.
            if (vpc !== undefined) {
                problems.missing(input, `vpc-cidr ${formatCidr(vpc)} is too small to derive four subnets of /${MAX_PREFIX} or larger; give the four subnet CIDRs`);
            }
            continue;
        }
        const cidr = problems.take(input, parseVpcCidr(text));
        if (cidr === undefined)
            continue;
        if (vpc !== undefined && !cidrContains(vpc, cidr)) {
            problems.invalid(input, `${(0,settings_problems/* quote */.hD)(text)} is not inside vpc-cidr ${formatCidr(vpc)}`);
            continue;
        }
        // Report an overlap once, on the later input of the pair.
        const clash = subnets.find((earlier) => cidrsOverlap(earlier.cidr, cidr));
        if (clash !== undefined) {
            problems.invalid(input, `${(0,settings_problems/* quote */.hD)(text)} overlaps ${clash.input} ${formatCidr(clash.cidr)}; the four subnets must not share addresses`);
            continue;
        }
        subnets.push({ input, cidr });
    }
    if (problems.problems.length > before)
        return undefined;
    return {
        vpcCidr: vpcText,
        publicSubnet1Cidr: valueOf('public-subnet-1-cidr'),
        publicSubnet2Cidr: valueOf('public-subnet-2-cidr'),
        privateSubnet1Cidr: valueOf('private-subnet-1-cidr'),
        privateSubnet2Cidr: valueOf('private-subnet-2-cidr'),
        derived,
    };
}
/**
 * A line for the plan naming the subnets derived from a `vpc-cidr` the user gave, so a reviewer
 * sees values nobody typed; undefined when every subnet was given, or when the VPC is the
 * default one (its subnets are then the seed template's, as documented).
 */
function derivedSubnetsNote(network) {
    if (network.derived.length === 0 || network.vpcCidr === defaults/* INPUT_DEFAULTS */.WJ['vpc-cidr']) {
        return undefined;
    }
    const values = {
        'public-subnet-1-cidr': network.publicSubnet1Cidr,
        'public-subnet-2-cidr': network.publicSubnet2Cidr,
        'private-subnet-1-cidr': network.privateSubnet1Cidr,
        'private-subnet-2-cidr': network.privateSubnet2Cidr,
    };
    const list = network.derived.map((input) => `${input} ${values[input]}`).join(', ');
    return `Derived from vpc-cidr ${network.vpcCidr} with the seed template's layout (give the input to choose another): ${list}.`;
}


/***/ }),

/***/ 961:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e_: () => (/* binding */ parsePrecheckAllowList),
/* harmony export */   vT: () => (/* binding */ isAllowablePrecheck)
/* harmony export */ });
/* unused harmony export ALLOWABLE_PRECHECKS */
/* harmony import */ var _problems_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1477);
/* harmony import */ var _scalars_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(316);
/**
 * `allow-failed-prechecks`: the "will it create?" pre-checks a deploy may go past. Only the
 * checks whose reading of AWS can be wrong are listed here, so only they can be allowed:
 *   - `kms-key-policy`: a key policy may grant CloudWatch Logs under conditions the check does
 *     not evaluate (condition keys other than the logs ARN, NotPrincipal, grants);
 *   - `private-routing`: a VPC without NAT can reach AWS through interface and gateway endpoints
 *     (MWAA's private routing), which the NAT-route check does not see;
 *   - `security-group`: rules can reach the group's members in ways the check does not read
 *     (prefix lists, egress limited to the endpoints).
 * The others read plain facts (the key's state and spec, the subnets' zones, the bucket's
 * versioning and Region): when one fails, the environment fails, so the only way on is the fix.
 */


const ALLOWABLE_PRECHECKS = ['kms-key-policy', 'private-routing', 'security-group'];
/** The pre-checks that read facts: no allow-list entry goes past them. */
const FACT_PRECHECKS = ['kms-key', 'private-subnets', 'bucket-versioning', 'bucket-region'];
/** True when `id` names a pre-check that `allow-failed-prechecks` may accept. */
function isAllowablePrecheck(id) {
    return ALLOWABLE_PRECHECKS.includes(id);
}
/** Comma- or newline-separated pre-check IDs, trimmed, duplicates dropped. */
function parsePrecheckAllowList(text) {
    const entries = (0,_scalars_js__WEBPACK_IMPORTED_MODULE_0__/* .splitList */ .ry)(text);
    const details = entries.flatMap((e) => isAllowablePrecheck(e)
        ? []
        : FACT_PRECHECKS.includes(e)
            ? [
                `${(0,_problems_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(e)} cannot be allowed: it reads a fact about the resource (an environment created anyway fails), so fix what it reports instead`,
            ]
            : [
                `${(0,_problems_js__WEBPACK_IMPORTED_MODULE_1__/* .quote */ .hD)(e)} is not a pre-check that can be allowed; use ${ALLOWABLE_PRECHECKS.join(', ')}`,
            ]);
    return details.length > 0 ? (0,_problems_js__WEBPACK_IMPORTED_MODULE_1__/* .fail */ .fJ)(...details) : (0,_problems_js__WEBPACK_IMPORTED_MODULE_1__.ok)(entries.filter(isAllowablePrecheck));
}


/***/ }),

/***/ 1477:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GN: () => (/* binding */ SettingsError),
/* harmony export */   fJ: () => (/* binding */ fail),
/* harmony export */   hD: () => (/* binding */ quote),
/* harmony export */   hN: () => (/* binding */ escapeControl),
/* harmony export */   ok: () => (/* binding */ ok),
/* harmony export */   tH: () => (/* binding */ ProblemCollector)
/* harmony export */ });
/* unused harmony export MAX_QUOTED_LENGTH */
/**
 * Validation problems: every input is checked and every problem is kept, so one run tells the
 * user everything that is wrong instead of one mistake per workflow run.
 */
/** A successful {@link Parsed}. */
function ok(value) {
    return { ok: true, value };
}
/** A failed {@link Parsed} with one or more details. */
function fail(...details) {
    return { ok: false, details };
}
/** Longest part of a user value shown in a message; the rest is elided. */
const MAX_QUOTED_LENGTH = 80;
// C0 and C1 controls, DEL, Unicode line/paragraph separators and bidirectional overrides: any of
// them could end a log line (letting a value start a `::workflow-command::`) or disguise text.
function isUnsafe(code) {
    return (code <= 0x1f ||
        (code >= 0x7f && code <= 0x9f) ||
        code === 0x200e ||
        code === 0x200f ||
        code === 0x2028 ||
        code === 0x2029 ||
        (code >= 0x202a && code <= 0x202e) ||
        (code >= 0x2066 && code <= 0x2069));
}
const NAMED_ESCAPES = { 0x0a: '\\n', 0x0d: '\\r', 0x09: '\\t' };
/** Replaces every unsafe character by a visible escape (`\n`, `\x1b`, `\u2028`). */
function escapeControl(text) {
    let out = '';
    for (const c of text) {
        const code = c.codePointAt(0) ?? 0;
        if (!isUnsafe(code))
            out += c;
        else if (NAMED_ESCAPES[code] !== undefined)
            out += NAMED_ESCAPES[code];
        else if (code <= 0xff)
            out += `\\x${code.toString(16).padStart(2, '0')}`;
        else
            out += `\\u${code.toString(16).padStart(4, '0')}`;
    }
    return out;
}
/**
 * Shows a user value safely inside a one-line message: single-quoted, control characters
 * escaped (backslashes doubled first, so an escape in the output always means a real control
 * character), and cut to {@link MAX_QUOTED_LENGTH} characters so a pasted file cannot flood the log.
 */
function quote(value) {
    const chars = Array.from(value); // code points, so an emoji is never cut in half
    const shown = chars.length > MAX_QUOTED_LENGTH ? chars.slice(0, MAX_QUOTED_LENGTH).join('') : value;
    const suffix = chars.length > MAX_QUOTED_LENGTH ? `\u2026' (${chars.length} characters)` : `'`;
    return `'${escapeControl(shown.replace(/\\/g, '\\\\'))}${suffix}`;
}
/** Every problem found while loading settings, thrown once after all inputs were checked. */
class SettingsError extends Error {
    /** The problems in input order; never empty. */
    problems;
    constructor(problems) {
        const lines = problems.map((p) => p.message);
        super(lines.length === 1
            ? (lines[0] ?? '')
            : [`${lines.length} problems with the inputs:`, ...lines].join('\n'));
        this.name = 'SettingsError';
        this.problems = Object.freeze([...problems]);
    }
}
/** Collects problems while the inputs are read; {@link throwIfAny} ends the collection. */
class ProblemCollector {
    found = [];
    /** The problems so far. */
    get problems() {
        return this.found;
    }
    /** Records an invalid value; `detail` quotes the value and says the expected form. */
    invalid(input, detail) {
        // A last guard: details may embed text from elsewhere (e.g. a YAML parser's message).
        this.found.push({ input, message: `Invalid input '${input}': ${escapeControl(detail)}.` });
    }
    /** Records a required input that has no value; `help` says what to give. */
    missing(input, help) {
        this.found.push({ input, message: `Missing input '${input}': ${escapeControl(help)}.` });
    }
    /** Records the details of a failed parse and returns the value of a successful one. */
    take(input, parsed) {
        if (parsed.ok)
            return parsed.value;
        for (const detail of parsed.details)
            this.invalid(input, detail);
        return undefined;
    }
    /** Throws one {@link SettingsError} holding every problem, if there is any. */
    throwIfAny() {
        if (this.found.length > 0)
            throw new SettingsError(this.found);
    }
}


/***/ }),

/***/ 316:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   cG: () => (/* binding */ parseInteger),
/* harmony export */   jR: () => (/* binding */ parseAllowList),
/* harmony export */   nL: () => (/* binding */ parseEnum),
/* harmony export */   ry: () => (/* binding */ splitList),
/* harmony export */   yG: () => (/* binding */ parseBoolean)
/* harmony export */ });
/* harmony import */ var _problems_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1477);
/**
 * Booleans, integers, enumerations and lists. All strict: a typo such as `ture` or `60s` is an
 * error naming the input, never silently false or NaN.
 */

// The YAML 1.2 core schema's booleans, as @actions/core's getBooleanInput accepts them.
const TRUE = ['true', 'True', 'TRUE'];
const FALSE = ['false', 'False', 'FALSE'];
/** Reads `true`/`True`/`TRUE` or `false`/`False`/`FALSE`; anything else (`yes`, `1`) is an error. */
function parseBoolean(text) {
    if (TRUE.includes(text))
        return (0,_problems_js__WEBPACK_IMPORTED_MODULE_0__.ok)(true);
    if (FALSE.includes(text))
        return (0,_problems_js__WEBPACK_IMPORTED_MODULE_0__.ok)(false);
    return (0,_problems_js__WEBPACK_IMPORTED_MODULE_0__/* .fail */ .fJ)(`${(0,_problems_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(text)} is not a boolean; use true or false (YAML 1.2 core schema: true | True | TRUE | false | False | FALSE)`);
}
/** Reads a whole decimal number between `min` and `max` inclusive; `unit` names it in messages. */
function parseInteger(text, min, max, unit) {
    const range = `a whole number of ${unit} from ${min} to ${max}`;
    if (!/^(0|[1-9]\d*)$/.test(text))
        return (0,_problems_js__WEBPACK_IMPORTED_MODULE_0__/* .fail */ .fJ)(`${(0,_problems_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(text)} is not ${range}`);
    const n = Number(text);
    if (n < min || n > max)
        return (0,_problems_js__WEBPACK_IMPORTED_MODULE_0__/* .fail */ .fJ)(`${(0,_problems_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(text)} is out of range; expected ${range}`);
    return (0,_problems_js__WEBPACK_IMPORTED_MODULE_0__.ok)(n);
}
/** Reads one of `allowed`, exactly (case included), hinting at the right case when it differs. */
function parseEnum(text, allowed) {
    const found = allowed.find((a) => a === text);
    if (found !== undefined)
        return (0,_problems_js__WEBPACK_IMPORTED_MODULE_0__.ok)(found);
    const caseless = allowed.find((a) => a.toLowerCase() === text.toLowerCase());
    const hint = caseless !== undefined ? ` (did you mean '${caseless}'?)` : '';
    return (0,_problems_js__WEBPACK_IMPORTED_MODULE_0__/* .fail */ .fJ)(`${(0,_problems_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(text)} is not one of ${allowed.map((a) => `'${a}'`).join(', ')}${hint}`);
}
const LOGICAL_ID = /^[A-Za-z0-9]+$/;
const RESOURCE_TYPE = /^[A-Za-z0-9]+::[A-Za-z0-9]+::[A-Za-z0-9]+$/;
/** Comma- or newline-separated entries, trimmed, empty ones skipped, duplicates dropped. */
function splitList(text) {
    return [
        ...new Set(text
            .split(/[,\n]/)
            .map((entry) => entry.trim())
            .filter((entry) => entry !== '')),
    ];
}
/**
 * Reads `allow-destructive`: comma- or newline-separated entries, trimmed, empty ones skipped,
 * duplicates dropped. Each is a CloudFormation logical ID (`DagBucket`) or resource type
 * (`AWS::S3::Bucket`).
 */
function parseAllowList(text) {
    const entries = splitList(text);
    const bad = entries.filter((e) => !LOGICAL_ID.test(e) && !RESOURCE_TYPE.test(e));
    if (bad.length > 0) {
        return (0,_problems_js__WEBPACK_IMPORTED_MODULE_0__/* .fail */ .fJ)(...bad.map((e) => `${(0,_problems_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(e)} is neither a logical ID (letters and digits, e.g. DagBucket) nor a resource type (e.g. AWS::S3::Bucket)`));
    }
    return (0,_problems_js__WEBPACK_IMPORTED_MODULE_0__.ok)(entries);
}


/***/ }),

/***/ 6103:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ systemClock)
/* harmony export */ });
/* unused harmony export instantClock */
/** The real clock. */
const systemClock = {
    now: () => Date.now(),
    sleep: (ms, signal) => new Promise((resolve, reject) => {
        if (signal?.aborted)
            return reject(signal.reason);
        const timer = setTimeout(() => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
        }, ms);
        const onAbort = () => {
            clearTimeout(timer);
            reject(signal?.reason);
        };
        signal?.addEventListener('abort', onAbort, { once: true });
    }),
};
/** A clock whose sleep advances its own time at once: for tests and benchmarks of the logic. */
function instantClock(start = 0) {
    let now = start;
    const slept = [];
    return {
        slept,
        now: () => now,
        sleep: async (ms) => {
            slept.push(ms);
            now += ms;
        },
    };
}


/***/ }),

/***/ 8382:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ errorMessage)
/* harmony export */ });
/**
 * One way to turn anything thrown into a message. A thrown string or object must never
 * pass as success or print as "[object Object]".
 */
function errorMessage(error) {
    if (error instanceof Error)
        return error.message;
    if (typeof error === 'string')
        return error;
    try {
        return JSON.stringify(error) ?? String(error);
    }
    catch {
        return String(error);
    }
}


/***/ }),

/***/ 2146:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ek: () => (/* binding */ ipv4Mask),
/* harmony export */   H: () => (/* binding */ formatIpv4Cidr),
/* harmony export */   Q9: () => (/* binding */ readIpv4Cidr)
/* harmony export */ });
/**
 * IPv4 CIDR text, read and written in one place: the settings check the user's blocks with it,
 * and the template evaluator's `Fn::Cidr` cuts subnets with it.
 */
const SHAPE = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\/(\d+)$/;
/** A decimal part without leading zeros (`010` is octal to some tools and decimal to others). */
function decimal(text, max) {
    if (text.length > 1 && text.startsWith('0'))
        return undefined;
    const n = Number(text);
    return n <= max ? n : undefined;
}
/** Reads `a.b.c.d/n` strictly: four decimal octets 0-255 without leading zeros, a prefix 0-32. */
function readIpv4Cidr(text) {
    const match = SHAPE.exec(text);
    if (!match)
        return { ok: false, reason: 'shape' };
    const octets = match.slice(1, 5).map((part) => decimal(part, 255));
    if (octets.some((o) => o === undefined))
        return { ok: false, reason: 'octet' };
    const prefix = decimal(match[5] ?? '', 32);
    if (prefix === undefined)
        return { ok: false, reason: 'prefix' };
    const address = octets.reduce((acc, o) => acc * 256 + (o ?? 0), 0);
    return { ok: true, address, prefix };
}
/** The netmask of a prefix length, as an unsigned 32-bit number. */
function ipv4Mask(prefix) {
    // `<< 32` is a no-op in JavaScript, hence the special case.
    return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}
/** Writes a block as text, e.g. `10.192.0.0/16`. */
function formatIpv4Cidr(network, prefix) {
    const n = network;
    return `${n >>> 24}.${(n >>> 16) & 0xff}.${(n >>> 8) & 0xff}.${n & 0xff}/${prefix}`;
}


/***/ }),

/***/ 5672:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   U: () => (/* binding */ findPackageFile)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);


/** How many folders up from a module the package's root may be. */
const MAX_LEVELS = 5;
/**
 * The first `<dir>/<relativePath>` that exists, from `startDir` upwards, and the paths tried.
 * The code runs from src/<stage> (tests), lib/<stage> (npm package), dist/ and dist/cli/
 * (bundles); each has the package's own files (templates/, action.yml) a few levels up. A loop
 * over existsSync, not a fixed `../..`, also keeps ncc from copying the files into the bundle.
 */
function findPackageFile(relativePath, startDir) {
    const tried = [];
    let dir = startDir;
    for (let level = 0; level <= MAX_LEVELS; level++) {
        const candidate = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, relativePath);
        if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(candidate))
            return { path: candidate, tried };
        tried.push(candidate);
        const parent = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(dir);
        if (parent === dir)
            break;
        dir = parent;
    }
    return { tried };
}


/***/ }),

/***/ 3091:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J: () => (/* binding */ equalJitter),
/* harmony export */   L: () => (/* binding */ retry)
/* harmony export */ });
/**
 * "Equal jitter" (AWS Architecture Blog, "Exponential Backoff And Jitter"): half the cap, plus a
 * random part of the other half. Never less than half the cap, so a retry always backs off,
 * and spread enough that many runners failing together do not retry together.
 */
function equalJitter(capMs, random = Math.random) {
    return Math.round(capMs / 2 + (random() * capMs) / 2);
}
/**
 * Runs fn until it succeeds, an error is not retryable, or attempts run out, waiting an
 * exponential delay with {@link equalJitter} between attempts.
 */
async function retry(fn, options) {
    const random = options.random ?? Math.random;
    for (let attempt = 1;; attempt++) {
        try {
            return await fn();
        }
        catch (error) {
            if (attempt >= options.attempts || !options.retryable(error))
                throw error;
            const cap = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1));
            const delay = equalJitter(cap, random);
            options.onRetry?.(error, attempt, delay);
            await options.clock.sleep(delay);
        }
    }
}


/***/ }),

/***/ 4646:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $B: () => (/* binding */ neutraliseCommands),
/* harmony export */   VH: () => (/* binding */ CONTROLS),
/* harmony export */   en: () => (/* binding */ escapeTerminal)
/* harmony export */ });
/** Text for terminals and the runner's log, where a line can be a workflow command. */
/**
 * C0 controls other than tab and line breaks, DEL, the C1 block (terminal escapes), and the
 * bidirectional and separator characters that make text read otherwise than it is.
 */
const CONTROLS = 
// eslint-disable-next-line no-control-regex
/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
/**
 * Text for one terminal line: controls (ANSI escapes included) removed and line breaks shown
 * as `\n`, so a value can never start a line of its own (where the runner would read
 * `::command::` as a workflow command) or move the cursor.
 */
function escapeTerminal(text) {
    return text
        .replace(/\r\n|\r|\n/g, '\\n')
        .replace(/\t/g, ' ')
        .replace(CONTROLS, '');
}
/**
 * The last guard for text sent to the runner's log: a line that begins with `::` (after
 * spaces) would be a workflow command; it gets a space between the colons.
 */
function neutraliseCommands(text) {
    return text.replace(/^(\s*):(?=:)/gm, '$1: ');
}


/***/ }),

/***/ 3738:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   f0: () => (/* binding */ currentCodeParameters),
/* harmony export */   t_: () => (/* binding */ environmentStackSpec)
/* harmony export */ });
/* unused harmony exports ENVIRONMENT_WIRING, LOG_LEVEL_PARAMETERS, CODE_PARAMETERS, PENDING_VERSION */
/* harmony import */ var _specs_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5821);

/** Which output of which stack feeds each wired parameter of the environment template. */
const ENVIRONMENT_WIRING = Object.freeze([
    { parameter: 'PrivateSubnet1', stack: 'vpc', output: 'PrivateSubnet1' },
    { parameter: 'PrivateSubnet2', stack: 'vpc', output: 'PrivateSubnet2' },
    { parameter: 'SecurityGroupId', stack: 'prerequisites', output: 'SecurityGroupId' },
    { parameter: 'ExecutionRoleArn', stack: 'prerequisites', output: 'ExecutionRoleArn' },
    { parameter: 'SourceBucketArn', stack: 'prerequisites', output: 'BucketArn' },
]);
/** The template's log-level parameter of each log type. */
const LOG_LEVEL_PARAMETERS = Object.freeze({
    'dag-processing': 'DagProcessingLogLevel',
    scheduler: 'SchedulerLogLevel',
    task: 'TaskLogLevel',
    webserver: 'WebserverLogLevel',
    worker: 'WorkerLogLevel',
});
/** The code parameters the code sync may set; each defaults to empty (none, or latest). */
const CODE_PARAMETERS = Object.freeze([
    'RequirementsS3Path',
    'RequirementsS3ObjectVersion',
    'PluginsS3Path',
    'PluginsS3ObjectVersion',
    'StartupScriptS3Path',
    'StartupScriptS3ObjectVersion',
]);
/**
 * The code parameters a deployed environment stack has now (from DescribeStacks), to keep them
 * when a run does not manage that code (no code inputs, or not that file).
 */
function currentCodeParameters(parameters) {
    const kept = {};
    for (const p of parameters ?? []) {
        const key = p.ParameterKey;
        if (key && CODE_PARAMETERS.includes(key) && p.ParameterValue) {
            kept[key] = p.ParameterValue;
        }
    }
    return kept;
}
/** The placeholder of an object version that exists only once the code sync has uploaded it. */
const PENDING_VERSION = 'pending-upload';
/**
 * The marker line where the airflow-configuration-options mapping is written: the template's
 * parameters can only carry text, and `AirflowConfigurationOptions` is a JSON mapping.
 */
const OPTIONS_MARKER = /^([ \t]*)# AirflowConfigurationOptions: \{\}[ \t]*$/m;
/**
 * The environment stack's spec. Values from the other stacks are "known after deploy" while
 * those stacks do not exist yet, so a plan can still show the environment.
 */
function environmentStackSpec(settings, templateBody, context = {}) {
    const env = settings.environment;
    if (env === undefined)
        throw new Error('deploy-environment is off: there is no environment stack.');
    const outputsOf = { vpc: context.vpcOutputs, prerequisites: context.prerequisiteOutputs };
    const stackName = {
        vpc: settings.stacks.vpc.name,
        prerequisites: settings.stacks.prerequisites.name,
    };
    const wired = ENVIRONMENT_WIRING.map(({ parameter, stack, output }) => {
        const value = outputsOf[stack]?.[output];
        return value !== undefined
            ? { key: parameter, value }
            : { key: parameter, knownAfterDeploy: `output ${output} of stack ${stackName[stack]}` };
    });
    const key = settings.keyMode === 'aws-owned'
        ? { key: 'KmsKeyArn', value: '' }
        : context.prerequisiteOutputs?.['KmsKeyArn'] !== undefined
            ? { key: 'KmsKeyArn', value: context.prerequisiteOutputs['KmsKeyArn'] }
            : {
                key: 'KmsKeyArn',
                knownAfterDeploy: `output KmsKeyArn of stack ${stackName.prerequisites}`,
            };
    const code = CODE_PARAMETERS.flatMap((k) => {
        const value = context.environmentCode?.[k];
        if (value !== undefined)
            return [{ key: k, value }];
        const pending = context.environmentCodePending?.[k];
        // A real change set still shows the environment updating; deploy plans it again with the
        // version the sync uploaded, so the placeholder never executes.
        if (pending !== undefined)
            return [{ key: k, value: PENDING_VERSION, knownAfterDeploy: pending }];
        const kept = context.environmentCodeKept?.[k];
        return kept !== undefined ? [{ key: k, value: kept }] : [];
    });
    return (0,_specs_js__WEBPACK_IMPORTED_MODULE_0__/* .spec */ .IC)(settings, 'environment', withOptions(templateBody, env.airflowConfigurationOptions), [
        { key: 'EnvironmentName', value: settings.environmentName },
        ...wired,
        key,
        { key: 'AirflowVersion', value: env.airflowVersion ?? '' },
        { key: 'EnvironmentClass', value: env.environmentClass },
        { key: 'MinWorkers', value: String(env.minWorkers) },
        { key: 'MaxWorkers', value: String(env.maxWorkers) },
        { key: 'Schedulers', value: String(env.schedulers) },
        { key: 'WebserverAccessMode', value: env.webserverAccessMode },
        { key: 'WeeklyMaintenanceWindowStart', value: env.weeklyMaintenanceWindowStart ?? '' },
        { key: 'DagS3Path', value: env.dagS3Path },
        ...Object.entries(LOG_LEVEL_PARAMETERS).map(([type, parameter]) => ({
            key: parameter,
            value: env.logLevels[type],
        })),
        ...code,
    ]);
}
/** Writes the options mapping at the template's marker line (JSON is YAML's flow style). */
function withOptions(templateBody, options) {
    if (Object.keys(options).length === 0)
        return templateBody;
    const marker = OPTIONS_MARKER.exec(templateBody);
    if (marker === null) {
        throw new Error("Invalid input 'airflow-configuration-options': the environment template has no line " +
            "'# AirflowConfigurationOptions: {}' under the environment's Properties to write the options at; " +
            'add that line to your environment-template, or leave airflow-configuration-options empty.');
    }
    return templateBody.replace(OPTIONS_MARKER, `${marker[1] ?? ''}AirflowConfigurationOptions: ${JSON.stringify(options)}`);
}


/***/ }),

/***/ 8072:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ templateKeyMode),
/* harmony export */   k: () => (/* binding */ existingKeyArn)
/* harmony export */ });
/* harmony import */ var _templates_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(333);

/** Maps the user's key settings to the template's KeyMode. */
function templateKeyMode(settings) {
    if (settings.keyMode === 'aws-owned')
        return 'aws-owned';
    return settings.kmsKey.source === 'existing'
        ? 'customer-managed-existing'
        : 'customer-managed-new';
}
/**
 * The ARN of an existing key. A bare key ID means the deployment account (MWAA's rule: a key
 * in another account must be given by ARN), so the ARN can only be built once the account is
 * known; until then this returns undefined.
 */
function existingKeyArn(settings, accountId) {
    const key = settings.kmsKey;
    if (key.source !== 'existing')
        return undefined;
    if (key.arn)
        return key.arn;
    if (!accountId)
        return undefined;
    return `arn:${(0,_templates_index_js__WEBPACK_IMPORTED_MODULE_0__/* .partitionOf */ .iQ)(settings.region)}:kms:${settings.region}:${accountId}:key/${key.keyId}`;
}


/***/ }),

/***/ 6469:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Q: () => (/* binding */ readTemplates)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./src/settings/problems.ts
var problems = __webpack_require__(1477);
// EXTERNAL MODULE: ./src/shared/errors.ts
var errors = __webpack_require__(8382);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(3136);
// EXTERNAL MODULE: ./src/shared/package-file.ts
var package_file = __webpack_require__(5672);
;// CONCATENATED MODULE: ./src/templates/index.ts
/**
 * The built-in CloudFormation templates (templates/*.yaml) and the offline tools to read and
 * evaluate them.
 */







/** File name of each built-in template, inside the package's `templates/` folder. */
const TEMPLATE_FILES = {
    vpc: 'vpc.yaml',
    'mwaa-prerequisites': 'mwaa-prerequisites.yaml',
    'mwaa-environment': 'mwaa-environment.yaml',
};
/**
 * The path of a built-in template: the first `templates/<file>` found from `startDir` upwards
 * (see {@link findPackageFile}).
 */
function findBuiltInTemplate(name, startDir = (0,external_node_path_.dirname)((0,external_node_url_.fileURLToPath)(import.meta.url))) {
    const file = TEMPLATE_FILES[name];
    if (!file)
        throw new Error(`Unknown built-in template ${String(name)}`);
    const found = (0,package_file/* findPackageFile */.U)((0,external_node_path_.join)('templates', file), startDir);
    if (found.path !== undefined)
        return found.path;
    throw new Error(`Built-in template ${file} not found; the package's templates/ folder is missing. Looked for:\n  ${found.tried.join('\n  ')}`);
}
/** The text of a built-in template. */
async function loadBuiltInTemplate(name) {
    return (0,promises_.readFile)(findBuiltInTemplate(name), 'utf8');
}

;// CONCATENATED MODULE: ./src/stacks/read.ts




/** The input naming each template file. */
const INPUT_OF = {
    vpc: 'vpc-template',
    'mwaa-prerequisites': 'prerequisites-template',
    'mwaa-environment': 'environment-template',
};
const readUtf8 = (path) => (0,promises_.readFile)(path, 'utf8');
/** The text of both templates: the built-in ones unless the settings name a replacement. */
async function readTemplates(settings, readUserFile = readUtf8) {
    const read = async (path, builtIn) => {
        if (path === undefined)
            return loadBuiltInTemplate(builtIn);
        const input = INPUT_OF[builtIn];
        try {
            return await readUserFile(path);
        }
        catch (error) {
            // The OS error repeats the path: say it once, quoted and bounded, naming the input.
            const cause = error.code ?? (0,errors/* errorMessage */.g)(error).split(':')[0];
            // A SettingsError like every other bad input, so the CLI exits 2 as documented.
            throw new problems/* SettingsError */.GN([
                {
                    input,
                    message: `Invalid input '${input}': could not read the template ${(0,problems/* quote */.hD)(path)} (${cause}); ` +
                        'give the path of a CloudFormation template in the repository, or leave it empty for the built-in one.',
                },
            ]);
        }
    };
    const environment = settings.stacks.environment;
    const [vpc, prerequisites, env] = await Promise.all([
        read(settings.stacks.vpc.templatePath, 'vpc'),
        read(settings.stacks.prerequisites.templatePath, 'mwaa-prerequisites'),
        environment ? read(environment.templatePath, 'mwaa-environment') : undefined,
    ]);
    return env === undefined ? { vpc, prerequisites } : { vpc, prerequisites, environment: env };
}


/***/ }),

/***/ 5821:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   IC: () => (/* binding */ spec),
/* harmony export */   Nk: () => (/* binding */ stackSpecs),
/* harmony export */   fc: () => (/* binding */ vpcStackSpec),
/* harmony export */   uH: () => (/* binding */ prerequisiteStackSpec)
/* harmony export */ });
/* unused harmony export TEMPLATE_BODY_LIMIT */
/* harmony import */ var _key_mode_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8072);
/* harmony import */ var _wiring_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2563);
/* harmony import */ var _environment_spec_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3738);



/** CloudFormation's limit for an inline TemplateBody; larger templates need S3. */
const TEMPLATE_BODY_LIMIT = 51_200;
/** The VPC stack: the seed template with the user's address plan. */
function vpcStackSpec(settings, templateBody) {
    const n = settings.network;
    return spec(settings, 'vpc', templateBody, [
        // The seed prefixes resource names with EnvironmentName; the MWAA environment's name reads best.
        { key: 'EnvironmentName', value: settings.environmentName },
        { key: 'VpcCIDR', value: n.vpcCidr },
        { key: 'PublicSubnet1CIDR', value: n.publicSubnet1Cidr },
        { key: 'PublicSubnet2CIDR', value: n.publicSubnet2Cidr },
        { key: 'PrivateSubnet1CIDR', value: n.privateSubnet1Cidr },
        { key: 'PrivateSubnet2CIDR', value: n.privateSubnet2Cidr },
    ]);
}
/**
 * The prerequisite stack. Values that come from the VPC stack, or from the account, are
 * marked "known after deploy" while those do not exist yet, so a plan can still be shown.
 */
function prerequisiteStackSpec(settings, templateBody, context = {}) {
    const fromVpc = Object.entries(_wiring_js__WEBPACK_IMPORTED_MODULE_0__/* .VPC_OUTPUT_FOR_PARAMETER */ .y_).map(([key, output]) => {
        const value = context.vpcOutputs?.[output];
        return value !== undefined
            ? { key, value }
            : { key, knownAfterDeploy: `output ${output} of stack ${settings.stacks.vpc.name}` };
    });
    const keyMode = (0,_key_mode_js__WEBPACK_IMPORTED_MODULE_1__/* .templateKeyMode */ .D)(settings);
    const keyArn = (0,_key_mode_js__WEBPACK_IMPORTED_MODULE_1__/* .existingKeyArn */ .k)(settings, context.accountId);
    const keyParameter = keyMode !== 'customer-managed-existing' || keyArn !== undefined
        ? { key: 'ExistingKmsKeyArn', value: keyArn ?? '' }
        : { key: 'ExistingKmsKeyArn', knownAfterDeploy: 'the deployment account (key given by ID)' };
    return spec(settings, 'prerequisites', templateBody, [
        { key: 'EnvironmentName', value: settings.environmentName },
        ...fromVpc,
        { key: 'KeyMode', value: keyMode },
        keyParameter,
        { key: 'BucketName', value: settings.bucketName ?? '' },
        // Only when given: a custom prerequisites template need not declare it.
        ...(settings.permissionsBoundary === undefined
            ? []
            : [{ key: 'PermissionsBoundaryArn', value: settings.permissionsBoundary }]),
    ]);
}
/** Every stack, in deployment order: two, or three with `deploy-environment`. */
function stackSpecs(settings, templates, context = {}) {
    const env = settings.environment && templates.environment;
    return [
        vpcStackSpec(settings, templates.vpc),
        prerequisiteStackSpec(settings, templates.prerequisites, context),
        ...(env ? [(0,_environment_spec_js__WEBPACK_IMPORTED_MODULE_2__/* .environmentStackSpec */ .t_)(settings, env, context)] : []),
    ];
}
/** @internal The spec of any stack, checked against CloudFormation's inline template limit. */
function spec(settings, role, templateBody, parameters) {
    const stack = settings.stacks[role];
    if (stack === undefined)
        throw new Error(`The ${role} stack is not enabled in these settings.`);
    if (Buffer.byteLength(templateBody, 'utf8') > TEMPLATE_BODY_LIMIT) {
        throw new Error(`The ${role} template (${stack.templatePath ?? 'built-in'}) is larger than CloudFormation's ` +
            `${TEMPLATE_BODY_LIMIT}-byte limit for an inline template body; shorten it.`);
    }
    return Object.freeze({
        role,
        name: stack.name,
        templateBody,
        templateSource: stack.templatePath ?? 'built-in',
        parameters: Object.freeze(parameters.map((p) => Object.freeze(p))),
        // The prerequisite template creates an unnamed IAM role: CAPABILITY_IAM is enough, but a
        // user's replacement template may name its roles, and asking for both is harmless.
        capabilities: Object.freeze([
            'CAPABILITY_IAM',
            'CAPABILITY_NAMED_IAM',
            // A user's template with a Transform (a macro, e.g. AWS::LanguageExtensions) needs it.
            ...(hasTransform(templateBody) ? ['CAPABILITY_AUTO_EXPAND'] : []),
        ]),
        tags: settings.tags,
    });
}
/**
 * True when the template declares a top-level Transform (YAML `Transform:` at the start of a
 * line, or a JSON "Transform" key). A text test, so the template is not parsed once more here;
 * a false positive only asks for a harmless capability.
 */
function hasTransform(templateBody) {
    return /^Transform\s*:/m.test(templateBody) || /"Transform"\s*:/.test(templateBody);
}


/***/ }),

/***/ 7853:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   eV: () => (/* binding */ summarizeStack)
/* harmony export */ });
/* unused harmony exports formatStackSummaries, summarizeStacks */
/* harmony import */ var _templates_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6724);
/* harmony import */ var _templates_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7225);



/**
 * Resources and outputs the template declares for these parameters. Conditions only read
 * parameters known before deploy (the key mode, the bucket name); a value known only after
 * deploy stands in as a placeholder so it cannot change which resources exist.
 */
function summarizeStack(spec, settings, accountId) {
    const template = (0,_templates_index_js__WEBPACK_IMPORTED_MODULE_0__/* .parseTemplate */ .QC)(spec.templateBody);
    const given = {};
    for (const p of spec.parameters)
        given[p.key] = p.value ?? `{{${p.key}}}`;
    const conditions = (0,_templates_index_js__WEBPACK_IMPORTED_MODULE_1__/* .evaluateConditions */ .wz)(template, given, {
        region: settings.region,
        accountId: accountId ?? '{{AWS::AccountId}}',
        stackName: spec.name,
    });
    return {
        role: spec.role,
        name: spec.name,
        templateSource: spec.templateSource,
        parameters: spec.parameters,
        resources: (0,_templates_index_js__WEBPACK_IMPORTED_MODULE_1__/* .activeResources */ .Ep)(template, conditions),
        outputs: (0,_templates_index_js__WEBPACK_IMPORTED_MODULE_1__/* .activeOutputs */ .Xu)(template, conditions),
    };
}
/** Plain text for a terminal or log: one block per stack. */
function formatStackSummaries(summaries) {
    const lines = [];
    for (const s of summaries) {
        lines.push(`Stack ${s.name} (${s.role}, template: ${s.templateSource})`);
        lines.push('  Parameters:');
        for (const p of s.parameters) {
            const value = p.value !== undefined
                ? JSON.stringify(p.value)
                : `(known after deploy: ${p.knownAfterDeploy})`;
            lines.push(`    ${p.key} = ${value}`);
        }
        lines.push(`  Resources (${s.resources.length}):`);
        for (const r of s.resources)
            lines.push(`    + ${r.logicalId}  ${r.type}`);
        lines.push(`  Outputs: ${s.outputs.join(', ')}`);
        lines.push('');
    }
    return lines.join('\n');
}
/** Reads the templates and summarises both stacks as they would be created in an empty account. */
async function summarizeStacks(settings, readUserFile) {
    const templates = await readTemplates(settings, readUserFile);
    return stackSpecs(settings, templates).map((spec) => summarizeStack(spec, settings));
}


/***/ }),

/***/ 2563:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $x: () => (/* binding */ VPC_OUTPUTS),
/* harmony export */   C9: () => (/* binding */ PREREQUISITE_OUTPUTS),
/* harmony export */   y_: () => (/* binding */ VPC_OUTPUT_FOR_PARAMETER)
/* harmony export */ });
/**
 * How the VPC stack's outputs feed the prerequisite stack's parameters. The prerequisite
 * template takes the VPC by parameter rather than Fn::ImportValue, so either stack can change
 * without CloudFormation's export locks.
 */
const VPC_OUTPUT_FOR_PARAMETER = Object.freeze({
    VpcId: 'VPC',
});
/** The outputs the VPC stack must have for the prerequisite stack and for MWAA. */
const VPC_OUTPUTS = Object.freeze([
    'VPC',
    'PublicSubnets',
    'PrivateSubnets',
    'PublicSubnet1',
    'PublicSubnet2',
    'PrivateSubnet1',
    'PrivateSubnet2',
    'NoIngressSecurityGroup',
]);
/** The outputs the prerequisite stack must have; KmsKeyArn only in customer-managed mode. */
const PREREQUISITE_OUTPUTS = Object.freeze([
    'BucketName',
    'BucketArn',
    'ExecutionRoleArn',
    'SecurityGroupId',
]);


/***/ }),

/***/ 6724:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   QC: () => (/* binding */ parseTemplate)
/* harmony export */ });
/* unused harmony exports CFN_SCHEMA, parseCfnYaml */
/* harmony import */ var js_yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3243);
/**
 * Reads CloudFormation templates (YAML or JSON) into their long, JSON form: the short-form
 * tags (`!Ref x`, `!GetAtt A.B`, `!Sub ...`) become `{ Ref: x }`, `{ 'Fn::GetAtt': [A, B] }`,
 * `{ 'Fn::Sub': ... }`, exactly as CloudFormation itself sees the template.
 */

/** Short-form tag name \u2192 long-form key. `!Ref` and `!Condition` keep their name, the rest get `Fn::`. */
const SHORT_FORMS = [
    'Ref',
    'Condition',
    'Sub',
    'GetAtt',
    'Join',
    'Select',
    'Split',
    'If',
    'Equals',
    'Not',
    'And',
    'Or',
    'GetAZs',
    'FindInMap',
    'Base64',
    'Cidr',
    'ImportValue',
    'Transform',
    'Length',
    'ToJsonString',
    // Functions of the Rules section.
    'Contains',
    'EachMemberEquals',
    'EachMemberIn',
    'RefAll',
    'ValueOf',
    'ValueOfAll',
];
function longName(short) {
    return short === 'Ref' || short === 'Condition' ? short : `Fn::${short}`;
}
/** `!GetAtt A.B` splits at the first dot (attribute names such as `Endpoint.Address` keep theirs). */
function getAttScalar(source) {
    const dot = source.indexOf('.');
    return dot < 0 ? source : [source.slice(0, dot), source.slice(dot + 1)];
}
function tagsFor(short) {
    const key = longName(short);
    const tagName = `!${short}`;
    const identify = () => false; // load-only: never chosen when dumping
    return [
        (0,js_yaml__WEBPACK_IMPORTED_MODULE_0__/* .defineScalarTag */ .Gf)(tagName, {
            resolve: (source) => ({ [key]: short === 'GetAtt' ? getAttScalar(source) : source }),
            identify,
        }),
        (0,js_yaml__WEBPACK_IMPORTED_MODULE_0__/* .defineSequenceTag */ .NE)(tagName, {
            create: () => [],
            addItem: (items, item) => {
                items.push(item);
            },
            finalize: (items) => ({ [key]: items }),
            identify,
        }),
        (0,js_yaml__WEBPACK_IMPORTED_MODULE_0__/* .defineMappingTag */ .bH)(tagName, {
            create: () => ({}),
            addPair: (map, k, v) => {
                if (typeof k !== 'string')
                    return `${tagName} mapping keys must be strings`;
                map[k] = v;
                return '';
            },
            has: (map, k) => typeof k === 'string' && Object.hasOwn(map, k),
            keys: (result) => Object.keys(result[key] ?? {}),
            get: (result, k) => result[key]?.[String(k)],
            finalize: (map) => ({ [key]: map }),
            identify,
        }),
    ];
}
/** The YAML 1.2 core schema plus every CloudFormation short-form tag. */
const CFN_SCHEMA = js_yaml__WEBPACK_IMPORTED_MODULE_0__/* .CORE_SCHEMA */ .OU.withTags(...SHORT_FORMS.map(tagsFor));
/** Parses a YAML or JSON document with the CloudFormation tags, without checking its shape. */
function parseCfnYaml(text, filename) {
    return (0,js_yaml__WEBPACK_IMPORTED_MODULE_0__/* .load */ .Hh)(text, { schema: CFN_SCHEMA, ...(filename ? { filename } : {}) });
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/**
 * Parses a CloudFormation template (YAML or JSON). Throws when the text is not YAML or is not a
 * template: a mapping with a `Resources` mapping whose entries each have a string `Type`.
 */
function parseTemplate(text, filename) {
    const doc = parseCfnYaml(text, filename);
    const where = filename ? `${filename}: ` : '';
    if (!isRecord(doc))
        throw new Error(`${where}a CloudFormation template must be a mapping`);
    const resources = doc['Resources'];
    if (!isRecord(resources) || Object.keys(resources).length === 0) {
        throw new Error(`${where}a CloudFormation template needs a non-empty Resources section`);
    }
    for (const [id, resource] of Object.entries(resources)) {
        if (!isRecord(resource) || typeof resource['Type'] !== 'string') {
            throw new Error(`${where}resource ${id} has no Type`);
        }
    }
    for (const section of ['Parameters', 'Conditions', 'Outputs', 'Mappings', 'Rules']) {
        if (section in doc && !isRecord(doc[section])) {
            throw new Error(`${where}the ${section} section must be a mapping`);
        }
    }
    return doc;
}


/***/ }),

/***/ 7225:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Xu: () => (/* binding */ activeOutputs),
  Ep: () => (/* binding */ activeResources),
  q6: () => (/* binding */ createContext),
  wz: () => (/* binding */ evaluateConditions)
});

// UNUSED EXPORTS: failedRules, partitionOf, resolve

// EXTERNAL MODULE: ./src/templates/intrinsics.ts + 1 modules
var intrinsics = __webpack_require__(2411);
;// CONCATENATED MODULE: ./src/templates/parameters.ts
function isListType(type) {
    return type === 'CommaDelimitedList' || type.startsWith('List<');
}
/**
 * The value every parameter takes: the given one, else its default. List parameters become
 * arrays. Parameters without either are left out (a `Ref` to them then fails). Throws on a value
 * for a parameter the template does not declare.
 */
function parameters_parameterValues(template, given = {}) {
    const declared = template.Parameters ?? {};
    for (const name of Object.keys(given)) {
        if (!Object.hasOwn(declared, name))
            throw new Error(`Unknown parameter ${name}`);
    }
    const values = {};
    for (const [name, definition] of Object.entries(declared)) {
        const raw = Object.hasOwn(given, name) ? given[name] : definition.Default;
        if (raw === undefined)
            continue;
        const value = Array.isArray(raw) ? raw.join(',') : String(raw);
        values[name] = isListType(definition.Type) ? (value === '' ? [] : value.split(',')) : value;
    }
    return values;
}
function problemsOf(name, p, value) {
    if (value === undefined)
        return [`Parameter ${name} needs a value`];
    const problems = [];
    const allowed = p.AllowedValues?.map(String);
    if (allowed && !allowed.includes(value)) {
        problems.push(`Parameter ${name} must be one of ${allowed.join(', ')}`);
    }
    // CloudFormation matches AllowedPattern against the whole value.
    if (p.AllowedPattern !== undefined && !new RegExp(`^(?:${p.AllowedPattern})$`).test(value)) {
        problems.push(`Parameter ${name} must match ${p.AllowedPattern}`);
    }
    if (p.MinLength !== undefined && value.length < Number(p.MinLength)) {
        problems.push(`Parameter ${name} must be at least ${p.MinLength} characters`);
    }
    if (p.MaxLength !== undefined && value.length > Number(p.MaxLength)) {
        problems.push(`Parameter ${name} must be at most ${p.MaxLength} characters`);
    }
    return problems;
}
/**
 * Checks values against AllowedValues, AllowedPattern, MinLength and MaxLength, and that every
 * parameter without a default has a value, as CloudFormation does before anything else.
 * Returns the problems found (empty when all is well).
 */
function checkParameters(template, given = {}) {
    const values = parameters_parameterValues(template, given);
    return Object.entries(template.Parameters ?? {}).flatMap(([name, p]) => {
        const v = values[name];
        return problemsOf(name, p, Array.isArray(v) ? v.join(',') : v);
    });
}

;// CONCATENATED MODULE: ./src/templates/evaluate.ts



/**
 * Every condition of the template, evaluated. Conditions may name other conditions
 * (`{ Condition: X }` inside `Fn::And`/`Fn::Or`/`Fn::Not`); a cycle is an error, and so is a
 * condition that refers to a resource.
 */
function evaluateConditions(template, given, pseudo) {
    const definitions = template.Conditions ?? {};
    const results = {};
    const pending = new Set();
    const ctx = {
        parameters: parameters_parameterValues(template, given),
        pseudo,
        template,
        conditions: (name) => lookup(name),
        ref: (id) => {
            throw new Error(`A condition cannot refer to the resource ${id}`);
        },
        getAtt: (id) => {
            throw new Error(`A condition cannot refer to the resource ${id}`);
        },
    };
    function lookup(name) {
        const known = results[name];
        if (known !== undefined)
            return known;
        if (!Object.hasOwn(definitions, name))
            throw new Error(`Unknown condition ${name}`);
        if (pending.has(name))
            throw new Error(`Condition ${name} depends on itself`);
        pending.add(name);
        const value = (0,intrinsics/* resolve */.h)(definitions[name], ctx);
        pending.delete(name);
        if (typeof value !== 'boolean')
            throw new Error(`Condition ${name} is not a condition function`);
        results[name] = value;
        return value;
    }
    for (const name of Object.keys(definitions))
        lookup(name);
    return results;
}
function holds(name, conditions) {
    if (name === undefined)
        return true;
    const value = conditions[name];
    if (value === undefined)
        throw new Error(`Unknown condition ${name}`);
    return value;
}
/** The resources that exist under these condition results, in template order. */
function activeResources(template, conditions) {
    return Object.entries(template.Resources)
        .filter(([, r]) => holds(r.Condition, conditions))
        .map(([logicalId, r]) => ({ logicalId, type: r.Type }));
}
/** The names of the outputs that exist under these condition results, in template order. */
function activeOutputs(template, conditions) {
    return Object.entries(template.Outputs ?? {})
        .filter(([, o]) => holds(o.Condition, conditions))
        .map(([name]) => name);
}
/** A context to `resolve` the template's values with: parameters, pseudo parameters, conditions. */
function createContext(template, given, pseudo, placeholders = {}) {
    return {
        ...placeholders,
        parameters: parameters_parameterValues(template, given),
        pseudo,
        template,
        conditions: evaluateConditions(template, given, pseudo),
    };
}
/**
 * The Rules section, as CloudFormation checks it before a create or update: for each rule whose
 * RuleCondition holds, every failing assertion's description (or `Rule NAME failed`).
 */
function failedRules(template, given, pseudo) {
    const ctx = {
        parameters: parameterValues(template, given),
        pseudo,
        template,
        conditions: {},
    };
    const failures = [];
    for (const [name, rule] of Object.entries(template.Rules ?? {})) {
        if (rule.RuleCondition !== undefined && resolve(rule.RuleCondition, ctx) !== true)
            continue;
        for (const assertion of rule.Assertions) {
            if (resolve(assertion.Assert, ctx) !== true) {
                failures.push(assertion.AssertDescription ?? `Rule ${name} failed`);
            }
        }
    }
    return failures;
}


/***/ }),

/***/ 2411:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  h: () => (/* binding */ resolve)
});

// UNUSED EXPORTS: partitionOf

// EXTERNAL MODULE: ./src/shared/ipv4.ts
var ipv4 = __webpack_require__(2146);
;// CONCATENATED MODULE: ./src/templates/cidr.ts

/** `Fn::Cidr` for IPv4: `count` consecutive blocks of `2^cidrBits` addresses from `block`. */
function cidr(block, count, cidrBits) {
    const read = (0,ipv4/* readIpv4Cidr */.Q9)(block);
    if (!read.ok)
        throw new Error(`Fn::Cidr: ${block} is not an IPv4 CIDR block`);
    const { prefix } = read;
    const newPrefix = 32 - cidrBits;
    if (!Number.isInteger(count) || count < 1 || count > 256) {
        throw new Error('Fn::Cidr: count must be 1 to 256');
    }
    if (!Number.isInteger(cidrBits) || newPrefix < prefix || cidrBits < 0) {
        throw new Error(`Fn::Cidr: cannot cut /${newPrefix} blocks from ${block}`);
    }
    const size = 2 ** cidrBits;
    if (count * size > 2 ** (32 - prefix)) {
        throw new Error(`Fn::Cidr: ${block} has no room for ${count} /${newPrefix} blocks`);
    }
    // Host bits in the block are ignored: the blocks start at its network address.
    const base = (read.address & (0,ipv4/* ipv4Mask */.Ek)(prefix)) >>> 0;
    return Array.from({ length: count }, (_, i) => (0,ipv4/* formatIpv4Cidr */.H)(base + i * size, newPrefix));
}

// EXTERNAL MODULE: ./src/templates/pseudo.ts
var pseudo = __webpack_require__(333);
;// CONCATENATED MODULE: ./src/templates/intrinsics.ts



function refValue(name, ctx) {
    if (name.startsWith('AWS::'))
        return (0,pseudo/* pseudoValue */.i6)(name, ctx.pseudo);
    if (Object.hasOwn(ctx.parameters, name))
        return ctx.parameters[name];
    const t = ctx.template;
    if (t?.Parameters && Object.hasOwn(t.Parameters, name)) {
        throw new Error(`Parameter ${name} has no value and no default`);
    }
    if (t && !Object.hasOwn(t.Resources, name))
        throw new Error(`Ref to unknown name ${name}`);
    return ctx.ref ? ctx.ref(name) : `{{${name}}}`;
}
function getAttValue(id, attribute, ctx) {
    if (ctx.template && !Object.hasOwn(ctx.template.Resources, id)) {
        throw new Error(`Fn::GetAtt on unknown resource ${id}`);
    }
    return ctx.getAtt ? ctx.getAtt(id, attribute) : `{{${id}.${attribute}}}`;
}
function conditionValue(name, ctx) {
    if (typeof ctx.conditions === 'function')
        return ctx.conditions(name);
    const value = ctx.conditions[name];
    if (typeof value !== 'boolean')
        throw new Error(`Unknown condition ${name}`);
    return value;
}
function intrinsics_text(value, where) {
    if (typeof value === 'string')
        return value;
    if (typeof value === 'number' || typeof value === 'boolean')
        return String(value);
    throw new Error(`${where} needs a string, got ${JSON.stringify(value)}`);
}
function list(value, where) {
    if (!Array.isArray(value))
        throw new Error(`${where} needs a list, got ${JSON.stringify(value)}`);
    return value;
}
function args(value, fn, min, max = min) {
    const items = list(value, fn);
    if (items.length < min || items.length > max) {
        throw new Error(`${fn} takes ${min === max ? min : `${min} to ${max}`} arguments`);
    }
    return items;
}
function bool(value, where) {
    if (typeof value !== 'boolean')
        throw new Error(`${where} needs a condition, got ${JSON.stringify(value)}`);
    return value;
}
function sub(value, ctx) {
    const [template, rawVars] = Array.isArray(value) ? args(value, 'Fn::Sub', 2) : [value, {}];
    const vars = inner(rawVars, ctx);
    return intrinsics_text(inner(template, ctx), 'Fn::Sub').replace(/\$\{([^}]*)\}/g, (_whole, name) => {
        if (name.startsWith('!'))
            return `\${${name.slice(1)}}`;
        const key = name.trim();
        if (Object.hasOwn(vars, key))
            return intrinsics_text(vars[key], `Fn::Sub variable ${key}`);
        const dot = key.indexOf('.');
        if (dot > 0 && !key.startsWith('AWS::')) {
            return intrinsics_text(getAttValue(key.slice(0, dot), key.slice(dot + 1), ctx), `Fn::Sub \${${key}}`);
        }
        return intrinsics_text(refValue(key, ctx), `Fn::Sub \${${key}}`);
    });
}
function same(a, b) {
    const scalar = (v) => ['string', 'number', 'boolean'].includes(typeof v);
    if (scalar(a) && scalar(b))
        return String(a) === String(b);
    return JSON.stringify(a) === JSON.stringify(b);
}
function findInMap(value, ctx) {
    const [map, top, second] = args(inner(value, ctx), 'Fn::FindInMap', 3).map((v) => intrinsics_text(v, 'Fn::FindInMap'));
    const found = ctx.template?.Mappings?.[map]?.[top]?.[second];
    if (found === undefined)
        throw new Error(`Fn::FindInMap: no ${map}/${top}/${second}`);
    return found;
}
const FUNCTIONS = {
    Ref: (a, ctx) => refValue(intrinsics_text(a, 'Ref'), ctx),
    Condition: (a, ctx) => conditionValue(intrinsics_text(a, 'Condition'), ctx),
    'Fn::GetAtt': (a, ctx) => {
        const v = inner(a, ctx);
        const [id, attr] = typeof v === 'string' && v.includes('.') ? [v.slice(0, v.indexOf('.')), v.slice(v.indexOf('.') + 1)] : args(v, 'Fn::GetAtt', 2);
        return getAttValue(intrinsics_text(id, 'Fn::GetAtt'), intrinsics_text(attr, 'Fn::GetAtt'), ctx);
    },
    'Fn::Sub': sub,
    'Fn::If': (a, ctx) => {
        const [name, whenTrue, whenFalse] = args(a, 'Fn::If', 3);
        return inner(conditionValue(intrinsics_text(name, 'Fn::If'), ctx) ? whenTrue : whenFalse, ctx);
    },
    'Fn::Equals': (a, ctx) => {
        const [x, y] = args(a, 'Fn::Equals', 2).map((v) => inner(v, ctx));
        return same(x, y);
    },
    'Fn::Not': (a, ctx) => !bool(inner(args(a, 'Fn::Not', 1)[0], ctx), 'Fn::Not'),
    'Fn::And': (a, ctx) => args(a, 'Fn::And', 2, 10).every((c) => bool(inner(c, ctx), 'Fn::And')),
    'Fn::Or': (a, ctx) => args(a, 'Fn::Or', 2, 10).some((c) => bool(inner(c, ctx), 'Fn::Or')),
    'Fn::Join': (a, ctx) => {
        const [delimiter, items] = args(a, 'Fn::Join', 2).map((v) => inner(v, ctx));
        return list(items, 'Fn::Join').map((i) => intrinsics_text(i, 'Fn::Join')).join(intrinsics_text(delimiter, 'Fn::Join'));
    },
    'Fn::Select': (a, ctx) => {
        const [index, items] = args(a, 'Fn::Select', 2).map((v) => inner(v, ctx));
        const all = list(items, 'Fn::Select');
        const i = Number(index);
        if (!Number.isInteger(i) || i < 0 || i >= all.length)
            throw new Error(`Fn::Select: index ${String(index)} out of range`);
        return all[i];
    },
    'Fn::Split': (a, ctx) => {
        const [delimiter, source] = args(a, 'Fn::Split', 2).map((v) => intrinsics_text(inner(v, ctx), 'Fn::Split'));
        return source.split(delimiter);
    },
    'Fn::GetAZs': (a, ctx) => {
        const region = intrinsics_text(inner(a, ctx), 'Fn::GetAZs') || ctx.pseudo.region;
        return ctx.azs ? [...ctx.azs(region)] : ['a', 'b', 'c'].map((z) => region + z);
    },
    'Fn::FindInMap': findInMap,
    'Fn::Base64': (a, ctx) => Buffer.from(intrinsics_text(inner(a, ctx), 'Fn::Base64')).toString('base64'),
    'Fn::Cidr': (a, ctx) => {
        const [block, count, bits] = args(inner(a, ctx), 'Fn::Cidr', 3);
        return cidr(intrinsics_text(block, 'Fn::Cidr'), Number(count), Number(bits));
    },
    'Fn::ImportValue': (a, ctx) => {
        const name = intrinsics_text(inner(a, ctx), 'Fn::ImportValue');
        return ctx.importValue ? ctx.importValue(name) : `{{Import:${name}}}`;
    },
    'Fn::Length': (a, ctx) => list(inner(a, ctx), 'Fn::Length').length,
    'Fn::ToJsonString': (a, ctx) => JSON.stringify(inner(a, ctx)),
    'Fn::Contains': (a, ctx) => {
        const [items, value] = args(a, 'Fn::Contains', 2).map((v) => inner(v, ctx));
        return list(items, 'Fn::Contains').some((i) => same(i, value));
    },
    'Fn::EachMemberEquals': (a, ctx) => {
        const [items, value] = args(a, 'Fn::EachMemberEquals', 2).map((v) => inner(v, ctx));
        return list(items, 'Fn::EachMemberEquals').every((i) => same(i, value));
    },
    'Fn::EachMemberIn': (a, ctx) => {
        const [items, allowed] = args(a, 'Fn::EachMemberIn', 2).map((v) => list(inner(v, ctx), 'Fn::EachMemberIn'));
        return items.every((i) => allowed.some((x) => same(i, x)));
    },
};
/** The intrinsic function an object stands for, if it is one (a single `Ref`/`Fn::*` key). */
function intrinsic(value) {
    const keys = Object.keys(value);
    if (keys.length !== 1)
        return undefined;
    const key = keys[0];
    // `{ Condition: Name }` (short form `!Condition`) only inside condition functions; an IAM
    // statement's Condition block is a mapping.
    if (key === 'Condition' && typeof value[key] !== 'string')
        return undefined;
    const fn = FUNCTIONS[key];
    if (fn)
        return [fn, value[key]];
    if (key.startsWith('Fn::'))
        throw new Error(`Unsupported intrinsic function ${key}`);
    return undefined;
}
function inner(value, ctx) {
    if (Array.isArray(value)) {
        return value.map((item) => inner(item, ctx)).filter((item) => item !== pseudo/* NO_VALUE */.GY);
    }
    if (typeof value !== 'object' || value === null)
        return value;
    const record = value;
    const fn = intrinsic(record);
    if (fn)
        return fn[0](fn[1], ctx);
    const out = {};
    for (const [key, item] of Object.entries(record)) {
        const resolved = inner(item, ctx);
        if (resolved !== pseudo/* NO_VALUE */.GY)
            out[key] = resolved;
    }
    return out;
}
/**
 * Resolves every intrinsic function in `value`. Keys and list items whose value is
 * `Ref: AWS::NoValue` are dropped; a top-level `AWS::NoValue` gives `undefined`.
 */
function resolve(value, ctx) {
    const result = inner(value, ctx);
    return result === pseudo/* NO_VALUE */.GY ? undefined : result;
}


/***/ }),

/***/ 333:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GY: () => (/* binding */ NO_VALUE),
/* harmony export */   i6: () => (/* binding */ pseudoValue),
/* harmony export */   iQ: () => (/* binding */ partitionOf)
/* harmony export */ });
/** CloudFormation pseudo parameters (`AWS::Region`, `AWS::Partition`, ...). */
/** `Ref: AWS::NoValue`: the enclosing key or list item disappears. */
const NO_VALUE = Symbol('AWS::NoValue');
function partitionOf(region) {
    if (region.startsWith('cn-'))
        return 'aws-cn';
    if (region.startsWith('us-gov-'))
        return 'aws-us-gov';
    return 'aws';
}
function pseudoValue(name, p) {
    const partition = p.partition ?? partitionOf(p.region);
    const stackName = p.stackName ?? 'stack';
    switch (name) {
        case 'AWS::Region':
            return p.region;
        case 'AWS::AccountId':
            return p.accountId;
        case 'AWS::Partition':
            return partition;
        case 'AWS::StackName':
            return stackName;
        case 'AWS::StackId':
            return p.stackId ?? `arn:${partition}:cloudformation:${p.region}:${p.accountId}:stack/${stackName}/id`;
        case 'AWS::URLSuffix':
            return p.urlSuffix ?? (partition === 'aws-cn' ? 'amazonaws.com.cn' : 'amazonaws.com');
        case 'AWS::NotificationARNs':
            return [...(p.notificationArns ?? [])];
        case 'AWS::NoValue':
            return NO_VALUE;
        default:
            throw new Error(`Unknown pseudo parameter ${name}`);
    }
}


/***/ }),

/***/ 1554:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  b: () => (/* binding */ checkStackOutputs)
});

// EXTERNAL MODULE: ./src/settings/names.ts
var names = __webpack_require__(4761);
// EXTERNAL MODULE: ./src/settings/problems.ts
var settings_problems = __webpack_require__(1477);
// EXTERNAL MODULE: ./src/stacks/key-mode.ts
var key_mode = __webpack_require__(8072);
// EXTERNAL MODULE: ./src/stacks/wiring.ts
var wiring = __webpack_require__(2563);
;// CONCATENATED MODULE: ./src/verify/output-reader.ts
/**
 * Reading stack outputs one key at a time, recording each problem once with the stack and the
 * output named, so {@link checkStackOutputs} reads as a list of expectations.
 */

// Resource IDs are 8 hex digits (older resources) or 17; anything else is not what EC2 returns.
/** The forms MWAA-facing outputs must have. */
const FORMS = {
    vpc: { pattern: /^vpc-[0-9a-f]{8,17}$/, expected: 'a VPC ID like vpc-0123456789abcdef0' },
    subnet: {
        pattern: /^subnet-[0-9a-f]{8,17}$/,
        expected: 'a subnet ID like subnet-0123456789abcdef0',
    },
    securityGroup: {
        pattern: /^sg-[0-9a-f]{8,17}$/,
        expected: 'a security group ID like sg-0123456789abcdef0',
    },
    bucketName: { pattern: /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, expected: 'an S3 bucket name' },
    bucketArn: {
        pattern: /^arn:(aws[a-z-]*):s3:::(.+)$/,
        expected: 'an S3 bucket ARN like arn:aws:s3:::my-bucket',
    },
    roleArn: {
        pattern: /^arn:(aws[a-z-]*):iam::(\d{12}):role\/(?:[\w+=,.@-]+\/)*[\w+=,.@-]{1,64}$/,
        expected: 'an IAM role ARN like arn:aws:iam::123456789012:role/my-role',
    },
    keyArn: {
        pattern: /^arn:(aws[a-z-]*):kms:([a-z0-9-]+):(\d{12}):key\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/,
        expected: 'a KMS key ARN like arn:aws:kms:us-east-1:123456789012:key/<key-id>',
    },
};
/** A reader over `outputs`; problems read `<stack> output <key> \u2026`. */
function outputReader(stack, outputs, problems) {
    const reported = new Set();
    const report = (key, message) => {
        if (reported.has(key))
            return;
        reported.add(key);
        problems.push(`${stack} output ${key} ${message}`);
    };
    const value = (key) => {
        const v = Object.hasOwn(outputs, key) ? outputs[key] : undefined;
        return v === undefined || v.trim() === '' ? undefined : v;
    };
    return {
        value,
        required: (key) => {
            if (value(key) === undefined)
                report(key, 'is missing');
        },
        matching: (key, form) => {
            const v = value(key);
            if (v === undefined)
                return undefined;
            if (form.pattern.test(v))
                return v;
            report(key, `is ${(0,settings_problems/* quote */.hD)(v)}; expected ${form.expected}`);
            return undefined;
        },
        pair: (key, parts) => {
            const v = value(key);
            if (v === undefined)
                return undefined;
            const items = v.split(',').map((s) => s.trim());
            const [a, b] = items;
            if (a === undefined || b === undefined || items.length !== 2) {
                report(key, `is ${(0,settings_problems/* quote */.hD)(v)}; expected two subnet IDs joined by a comma`);
                return undefined;
            }
            if (!items.every((s) => FORMS.subnet.pattern.test(s))) {
                report(key, `is ${(0,settings_problems/* quote */.hD)(v)}; expected two subnet IDs joined by a comma`);
                return undefined;
            }
            if (a === b) {
                report(key, `lists the same subnet twice (${(0,settings_problems/* quote */.hD)(v)}); expected two distinct subnets`);
            }
            else if (parts.every((p) => p !== undefined) && (a !== parts[0] || b !== parts[1])) {
                report(key, `is ${(0,settings_problems/* quote */.hD)(v)} but the single outputs give ${parts.join(',')}`);
            }
            return [a, b];
        },
    };
}

;// CONCATENATED MODULE: ./src/verify/outputs.ts
/**
 * The stack outputs, checked and turned into what MWAA and the next workflow steps take. Runs
 * without AWS calls, so a template override that drops or mangles an output is caught before
 * anything reads AWS, with a message naming the output.
 */





/**
 * Checks both stacks' outputs against MWAA's needs: every expected output present and well
 * formed, two distinct private subnets listed consistently, the bucket ARN exactly
 * `arn:<partition>:s3:::<BucketName>` (MWAA rejects a path or trailing slash), the key ARN
 * present in customer-managed mode (in the deployment Region, and the configured key when an
 * existing one was given) and absent in AWS-owned mode.
 */
function checkStackOutputs(vpcOutputs, prereqOutputs, settings) {
    const problems = [];
    const vpc = outputReader('VPC stack', vpcOutputs, problems);
    const pre = outputReader('prerequisite stack', prereqOutputs, problems);
    for (const key of wiring/* VPC_OUTPUTS */.$x)
        vpc.required(key);
    for (const key of wiring/* PREREQUISITE_OUTPUTS */.C9)
        pre.required(key);
    const vpcId = vpc.matching('VPC', FORMS.vpc);
    vpc.matching('NoIngressSecurityGroup', FORMS.securityGroup);
    const private1 = vpc.matching('PrivateSubnet1', FORMS.subnet);
    const private2 = vpc.matching('PrivateSubnet2', FORMS.subnet);
    const public1 = vpc.matching('PublicSubnet1', FORMS.subnet);
    const public2 = vpc.matching('PublicSubnet2', FORMS.subnet);
    const privateList = vpc.pair('PrivateSubnets', [private1, private2]);
    const publicList = vpc.pair('PublicSubnets', [public1, public2]);
    if (private1 !== undefined && private1 === private2) {
        problems.push(`VPC stack outputs PrivateSubnet1 and PrivateSubnet2 are the same subnet ${(0,settings_problems/* quote */.hD)(private1)}; MWAA needs two distinct private subnets`);
    }
    const securityGroupId = pre.matching('SecurityGroupId', FORMS.securityGroup);
    const bucketName = pre.matching('BucketName', FORMS.bucketName);
    const bucketArn = pre.matching('BucketArn', FORMS.bucketArn);
    const roleArn = pre.matching('ExecutionRoleArn', FORMS.roleArn);
    if (bucketArn !== undefined) {
        const arnName = FORMS.bucketArn.pattern.exec(bucketArn)?.[2] ?? '';
        // MWAA's SourceBucketArn must name the bucket alone: no key prefix, no trailing slash.
        if (arnName.includes('/') || (bucketName !== undefined && arnName !== bucketName)) {
            problems.push(`prerequisite stack output BucketArn ${(0,settings_problems/* quote */.hD)(bucketArn)} must be exactly arn:<partition>:s3:::${bucketName ?? '<bucket-name>'} (no path, no trailing '/')`);
        }
    }
    const kmsKeyArn = checkKeyOutput(pre, settings, problems);
    // The output echoes the template's KeyMode parameter (aws-owned, customer-managed-new,
    // customer-managed-existing), which is finer than the key-mode input.
    const keyMode = prereqOutputs['KeyMode'];
    const expectedKeyMode = (0,key_mode/* templateKeyMode */.D)(settings);
    if (keyMode !== undefined && keyMode !== '' && keyMode !== expectedKeyMode) {
        problems.push(`prerequisite stack output KeyMode is ${(0,settings_problems/* quote */.hD)(keyMode)} but these settings deploy '${expectedKeyMode}'; the stack was deployed for another key mode`);
    }
    checkPartitions(settings.region, { BucketArn: bucketArn, ExecutionRoleArn: roleArn, KmsKeyArn: kmsKeyArn }, problems);
    const keyNeeded = settings.keyMode === 'customer-managed';
    const privateIds = private1 !== undefined && private2 !== undefined
        ? [private1, private2]
        : privateList;
    if (vpcId === undefined ||
        privateIds === undefined ||
        securityGroupId === undefined ||
        bucketName === undefined ||
        bucketArn === undefined ||
        roleArn === undefined ||
        (keyNeeded && kmsKeyArn === undefined)) {
        return { outputs: undefined, problems };
    }
    const outputs = {
        vpcId,
        privateSubnetIds: privateIds,
        publicSubnetIds: publicList ?? [public1, public2].filter((s) => s !== undefined),
        securityGroupId,
        bucketName,
        bucketArn,
        executionRoleArn: roleArn,
        ...(keyNeeded && kmsKeyArn !== undefined ? { kmsKeyArn } : {}),
    };
    return { outputs, problems };
}
/** The key output: required and consistent with kms-key in customer-managed mode, absent otherwise. */
function checkKeyOutput(pre, settings, problems) {
    const value = pre.value('KmsKeyArn');
    if (settings.keyMode === 'aws-owned') {
        if (value !== undefined) {
            problems.push(`prerequisite stack output KmsKeyArn is ${(0,settings_problems/* quote */.hD)(value)} but key-mode is 'aws-owned'; the stack was deployed with a customer managed key`);
        }
        return undefined;
    }
    pre.required('KmsKeyArn');
    const arn = pre.matching('KmsKeyArn', FORMS.keyArn);
    if (arn === undefined)
        return undefined;
    const [, , region = '', account = '', keyId = ''] = FORMS.keyArn.pattern.exec(arn) ?? [];
    if (region !== settings.region) {
        problems.push(`prerequisite stack output KmsKeyArn ${(0,settings_problems/* quote */.hD)(arn)} is in Region ${region}, not the deployment Region ${settings.region}`);
    }
    const wanted = settings.kmsKey;
    if (wanted.source === 'existing') {
        if (keyId !== wanted.keyId ||
            (wanted.accountId !== undefined && account !== wanted.accountId)) {
            problems.push(`prerequisite stack output KmsKeyArn ${(0,settings_problems/* quote */.hD)(arn)} is not the key kms-key names (${(0,settings_problems/* quote */.hD)(wanted.arn ?? wanted.keyId)})`);
        }
    }
    return arn;
}
/** Every ARN in one partition, the Region's when it can be told from the Region's name. */
function checkPartitions(region, arns, problems) {
    const expected = (0,names/* knownPartitionOf */.hV)(region);
    const seen = Object.entries(arns).flatMap(([key, arn]) => arn === undefined ? [] : [[key, arn.split(':')[1] ?? '']]);
    for (const [key, partition] of seen) {
        const reference = expected ?? seen[0]?.[1];
        if (partition !== reference) {
            problems.push(`prerequisite stack output ${key} is in partition ${(0,settings_problems/* quote */.hD)(partition)}, but Region ${region} is in ${(0,settings_problems/* quote */.hD)(reference ?? '')}`);
        }
    }
}


/***/ }),

/***/ 5271:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P: () => (/* binding */ formatVerifyReport),
/* harmony export */   j: () => (/* binding */ resultsOk)
/* harmony export */ });
/* harmony import */ var _settings_problems_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1477);
/**
 * The verification report as plain text for the log and the CLI: one line per check, with the
 * details of failures (and only of failures, so a clean run stays short).
 */

/** Whether these results pass: warnings are reported but do not fail. */
function resultsOk(results) {
    return results.every((r) => r.ok || r.severity === 'warning');
}
/**
 * `\u2713 title` for a passing check, `\u2717 title: details` for a failed one, `\u26a0 title: details` for a
 * warning; detail lines after the first are indented under their check, and a last line sums up.
 * Control characters are escaped, since details quote AWS and user text into the log.
 */
function formatVerifyReport(report) {
    const lines = [];
    for (const r of report.results) {
        if (r.ok) {
            lines.push(`\u2713 ${r.title}`);
            continue;
        }
        const [first = '', ...rest] = r.details.split('\n');
        lines.push(`${r.severity === 'warning' ? '\u26a0' : '\u2717'} ${r.title}: ${first}`);
        for (const line of rest)
            lines.push(`    ${line}`);
    }
    const failed = report.results.filter((r) => !r.ok && r.severity === 'error').length;
    const warned = report.results.filter((r) => !r.ok && r.severity === 'warning').length;
    const warnings = warned > 0 ? `, ${warned} warning${warned === 1 ? '' : 's'}` : '';
    const total = report.results.length;
    const passed = report.results.filter((r) => r.ok).length;
    lines.push(!report.ok
        ? `Verification failed: ${failed} of ${total} checks failed${warnings}.`
        : passed === total
            ? `Verified: all ${total} checks passed.`
            : `Verified: ${passed} of ${total} checks passed${warnings}.`);
    return lines.map(_settings_problems_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeControl */ .hN).join('\n');
}


/***/ }),

/***/ 252:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   IX: () => (/* binding */ pass),
/* harmony export */   Nj: () => (/* binding */ guarded),
/* harmony export */   RA: () => (/* binding */ CallError),
/* harmony export */   T1: () => (/* binding */ call),
/* harmony export */   V2: () => (/* binding */ failure)
/* harmony export */ });
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8382);
/**
 * Building check results, and turning a thrown SDK error into a failed result that names the
 * call, so one broken permission never hides the other checks.
 */

/** A passing result; `details` records the evidence (shown in debug output and JSON). */
function pass(check, details) {
    return { ...check, ok: true, details, severity: 'error' };
}
/** A failing result; several problems are joined with `; ` so the line reads as one finding. */
function failure(check, problems, severity = 'error') {
    const details = typeof problems === 'string' ? problems : problems.join('; ');
    return { ...check, ok: false, details, severity };
}
/** An SDK call that threw, remembered with the call's IAM-style name (e.g. `ec2:DescribeSubnets`). */
class CallError extends Error {
    /** e.g. `kms:GetKeyPolicy`. */
    call;
    /** The SDK error's name (its error code), e.g. `AccessDeniedException`. */
    code;
    constructor(call, cause) {
        const code = errorName(cause);
        super(`${call} failed: ${code !== undefined ? `${code}: ` : ''}${(0,_shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .g)(cause)}`, {
            cause,
        });
        this.name = 'CallError';
        this.call = call;
        this.code = code;
    }
}
// SDK v3 errors carry the service's error code as `name`; a plain Error's name says nothing.
function errorName(error) {
    if (typeof error !== 'object' || error === null)
        return undefined;
    const name = error.name;
    return typeof name === 'string' && name !== '' && name !== 'Error' ? name : undefined;
}
/**
 * Runs one SDK call, labelling any error with the call so the failed check can say which
 * permission or resource was the problem.
 */
async function call(name, run) {
    try {
        return await run();
    }
    catch (error) {
        throw new CallError(name, error);
    }
}
/**
 * Runs a check body; whatever it throws becomes a failed result of that check rather than a
 * crash, so the report is always complete.
 */
async function guarded(check, body) {
    try {
        return await body();
    }
    catch (error) {
        const message = error instanceof CallError ? error.message : `check failed: ${(0,_shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .g)(error)}`;
        return failure(check, message);
    }
}


/***/ }),

/***/ 311:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   x: () => (/* binding */ VERSION)
/* harmony export */ });
/** The product's version, sent in every AWS user agent; a test keeps it equal to package.json's. */
const VERSION = '0.1.0';


/***/ })

};
