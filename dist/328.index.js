export const id = 328;
export const ids = [328];
export const modules = {

/***/ 63:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  F8: () => (/* binding */ DescribeNatGatewaysCommand),
  VS: () => (/* binding */ DescribeRouteTablesCommand),
  js: () => (/* binding */ DescribeSecurityGroupsCommand),
  jS: () => (/* binding */ DescribeSubnetsCommand),
  _V: () => (/* binding */ DescribeVpcAttributeCommand)
});

// UNUSED EXPORTS: Ec2Command

// EXTERNAL MODULE: ./src/aws/ec2/xml.ts
var xml = __webpack_require__(2601);
;// CONCATENATED MODULE: ./src/aws/ec2/shapes.ts

function subnet(x) {
    return (0,xml/* defined */.sw)({
        SubnetId: (0,xml/* text */.Qq)(x, 'subnetId'),
        VpcId: (0,xml/* text */.Qq)(x, 'vpcId'),
        State: (0,xml/* text */.Qq)(x, 'state'),
        AvailabilityZone: (0,xml/* text */.Qq)(x, 'availabilityZone'),
        AvailabilityZoneId: (0,xml/* text */.Qq)(x, 'availabilityZoneId'),
        CidrBlock: (0,xml/* text */.Qq)(x, 'cidrBlock'),
        MapPublicIpOnLaunch: (0,xml/* bool */.lc)(x, 'mapPublicIpOnLaunch'),
        Ipv6Native: (0,xml/* bool */.lc)(x, 'ipv6Native'),
        OwnerId: (0,xml/* text */.Qq)(x, 'ownerId'),
    });
}
function association(x) {
    return (0,xml/* defined */.sw)({
        Main: (0,xml/* bool */.lc)(x, 'main'),
        RouteTableAssociationId: (0,xml/* text */.Qq)(x, 'routeTableAssociationId'),
        RouteTableId: (0,xml/* text */.Qq)(x, 'routeTableId'),
        SubnetId: (0,xml/* text */.Qq)(x, 'subnetId'),
        GatewayId: (0,xml/* text */.Qq)(x, 'gatewayId'),
    });
}
function route(x) {
    return (0,xml/* defined */.sw)({
        DestinationCidrBlock: (0,xml/* text */.Qq)(x, 'destinationCidrBlock'),
        GatewayId: (0,xml/* text */.Qq)(x, 'gatewayId'),
        NatGatewayId: (0,xml/* text */.Qq)(x, 'natGatewayId'),
        TransitGatewayId: (0,xml/* text */.Qq)(x, 'transitGatewayId'),
        NetworkInterfaceId: (0,xml/* text */.Qq)(x, 'networkInterfaceId'),
        InstanceId: (0,xml/* text */.Qq)(x, 'instanceId'),
        VpcPeeringConnectionId: (0,xml/* text */.Qq)(x, 'vpcPeeringConnectionId'),
        Origin: (0,xml/* text */.Qq)(x, 'origin'),
        State: (0,xml/* text */.Qq)(x, 'state'),
    });
}
function routeTable(x) {
    return (0,xml/* defined */.sw)({
        RouteTableId: (0,xml/* text */.Qq)(x, 'routeTableId'),
        VpcId: (0,xml/* text */.Qq)(x, 'vpcId'),
        OwnerId: (0,xml/* text */.Qq)(x, 'ownerId'),
        Associations: (0,xml/* items */.ld)(x, 'associationSet').map(association),
        Routes: (0,xml/* items */.ld)(x, 'routeSet').map(route),
    });
}
function natGateway(x) {
    return (0,xml/* defined */.sw)({
        NatGatewayId: (0,xml/* text */.Qq)(x, 'natGatewayId'),
        VpcId: (0,xml/* text */.Qq)(x, 'vpcId'),
        SubnetId: (0,xml/* text */.Qq)(x, 'subnetId'),
        State: (0,xml/* text */.Qq)(x, 'state'),
    });
}
function permission(x) {
    return (0,xml/* defined */.sw)({
        IpProtocol: (0,xml/* text */.Qq)(x, 'ipProtocol'),
        FromPort: (0,xml/* int */.Wh)(x, 'fromPort'),
        ToPort: (0,xml/* int */.Wh)(x, 'toPort'),
        UserIdGroupPairs: (0,xml/* items */.ld)(x, 'groups').map((g) => (0,xml/* defined */.sw)({
            GroupId: (0,xml/* text */.Qq)(g, 'groupId'),
            UserId: (0,xml/* text */.Qq)(g, 'userId'),
            Description: (0,xml/* text */.Qq)(g, 'description'),
        })),
        IpRanges: (0,xml/* items */.ld)(x, 'ipRanges').map((r) => (0,xml/* defined */.sw)({ CidrIp: (0,xml/* text */.Qq)(r, 'cidrIp'), Description: (0,xml/* text */.Qq)(r, 'description') })),
    });
}
function securityGroup(x) {
    return (0,xml/* defined */.sw)({
        GroupId: (0,xml/* text */.Qq)(x, 'groupId'),
        GroupName: (0,xml/* text */.Qq)(x, 'groupName'),
        VpcId: (0,xml/* text */.Qq)(x, 'vpcId'),
        OwnerId: (0,xml/* text */.Qq)(x, 'ownerId'),
        Description: (0,xml/* text */.Qq)(x, 'groupDescription'),
        IpPermissions: (0,xml/* items */.ld)(x, 'ipPermissions').map(permission),
        IpPermissionsEgress: (0,xml/* items */.ld)(x, 'ipPermissionsEgress').map(permission),
    });
}

;// CONCATENATED MODULE: ./src/aws/ec2/commands.ts


/** One EC2 Query call: the action, its parameters, and how to read its answer. */
class Ec2Command {
    input;
    constructor(input) {
        this.input = input;
    }
}
/** `Prefix.1`, `Prefix.2`, \u2026 for a list member, as the EC2 protocol writes lists. */
function list(prefix, values) {
    const out = {};
    (values ?? []).forEach((v, i) => (out[`${prefix}.${i + 1}`] = v));
    return out;
}
function filters(values) {
    const out = {};
    (values ?? []).forEach((f, i) => {
        if (f.Name !== undefined)
            out[`Filter.${i + 1}.Name`] = f.Name;
        Object.assign(out, list(`Filter.${i + 1}.Value`, f.Values));
    });
    return out;
}
function paging(input) {
    const out = {};
    if (input.NextToken !== undefined)
        out.NextToken = input.NextToken;
    if (input.MaxResults !== undefined)
        out.MaxResults = String(input.MaxResults);
    return out;
}
class DescribeVpcAttributeCommand extends Ec2Command {
    action = 'DescribeVpcAttribute';
    params() {
        const out = { Attribute: this.input.Attribute ?? '' };
        if (this.input.VpcId !== undefined)
            out.VpcId = this.input.VpcId;
        return out;
    }
    parse(r) {
        const value = (key) => {
            const node = (0,xml/* child */.jf)(r, key);
            return node === undefined ? undefined : { Value: (0,xml/* bool */.lc)(node, 'value') };
        };
        const out = { VpcId: (0,xml/* text */.Qq)(r, 'vpcId') };
        const support = value('enableDnsSupport');
        const hostnames = value('enableDnsHostnames');
        if (support !== undefined)
            out.EnableDnsSupport = support;
        if (hostnames !== undefined)
            out.EnableDnsHostnames = hostnames;
        return out;
    }
}
class DescribeSubnetsCommand extends Ec2Command {
    action = 'DescribeSubnets';
    params() {
        const i = this.input;
        return { ...list('SubnetId', i.SubnetIds), ...filters(i.Filters), ...paging(i) };
    }
    parse(r) {
        return (0,xml/* defined */.sw)({ Subnets: (0,xml/* items */.ld)(r, 'subnetSet').map(subnet), NextToken: (0,xml/* text */.Qq)(r, 'nextToken') });
    }
    merge(a, b) {
        return (0,xml/* defined */.sw)({
            Subnets: [...(a.Subnets ?? []), ...(b.Subnets ?? [])],
            NextToken: b.NextToken,
        });
    }
}
class DescribeRouteTablesCommand extends Ec2Command {
    action = 'DescribeRouteTables';
    params() {
        const i = this.input;
        return { ...list('RouteTableId', i.RouteTableIds), ...filters(i.Filters), ...paging(i) };
    }
    parse(r) {
        return (0,xml/* defined */.sw)({
            RouteTables: (0,xml/* items */.ld)(r, 'routeTableSet').map(routeTable),
            NextToken: (0,xml/* text */.Qq)(r, 'nextToken'),
        });
    }
    merge(a, b) {
        return (0,xml/* defined */.sw)({
            RouteTables: [...(a.RouteTables ?? []), ...(b.RouteTables ?? [])],
            NextToken: b.NextToken,
        });
    }
}
class DescribeNatGatewaysCommand extends Ec2Command {
    action = 'DescribeNatGateways';
    params() {
        const i = this.input;
        // DescribeNatGateways names its filter list `Filter` too (locationName), like the others.
        return { ...list('NatGatewayId', i.NatGatewayIds), ...filters(i.Filter), ...paging(i) };
    }
    parse(r) {
        return (0,xml/* defined */.sw)({
            NatGateways: (0,xml/* items */.ld)(r, 'natGatewaySet').map(natGateway),
            NextToken: (0,xml/* text */.Qq)(r, 'nextToken'),
        });
    }
    merge(a, b) {
        return (0,xml/* defined */.sw)({
            NatGateways: [...(a.NatGateways ?? []), ...(b.NatGateways ?? [])],
            NextToken: b.NextToken,
        });
    }
}
class DescribeSecurityGroupsCommand extends Ec2Command {
    action = 'DescribeSecurityGroups';
    params() {
        const i = this.input;
        return {
            ...list('GroupId', i.GroupIds),
            ...list('GroupName', i.GroupNames),
            ...filters(i.Filters),
            ...paging(i),
        };
    }
    parse(r) {
        return (0,xml/* defined */.sw)({
            SecurityGroups: (0,xml/* items */.ld)(r, 'securityGroupInfo').map(securityGroup),
            NextToken: (0,xml/* text */.Qq)(r, 'nextToken'),
        });
    }
    merge(a, b) {
        return (0,xml/* defined */.sw)({
            SecurityGroups: [...(a.SecurityGroups ?? []), ...(b.SecurityGroups ?? [])],
            NextToken: b.NextToken,
        });
    }
}


/***/ }),

/***/ 123:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   JG: () => (/* binding */ checkBucketVersioning),
/* harmony export */   Q6: () => (/* binding */ checkBucketPublicAccess),
/* harmony export */   vt: () => (/* binding */ checkBucketRegion)
/* harmony export */ });
/* unused harmony export bucketRegion */
/* harmony import */ var _aws_s3_read_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5388);
/* harmony import */ var _result_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(252);
/**
 * The DAGs bucket: versioning on and all public access blocked (MWAA refuses the bucket
 * otherwise), and in the environment's Region.
 */


const VERSIONING = { id: 'bucket-versioning', title: 'Bucket versioning enabled' };
const PUBLIC_ACCESS = { id: 'bucket-public-access', title: 'Bucket blocks all public access' };
const REGION = { id: 'bucket-region', title: "Bucket in the environment's Region" };
/** `s3:GetBucketVersioning`: Status must be `Enabled` (not `Suspended`, not never set). */
function checkBucketVersioning(s3, bucket) {
    return (0,_result_js__WEBPACK_IMPORTED_MODULE_0__/* .guarded */ .Nj)(VERSIONING, async () => {
        const response = await (0,_result_js__WEBPACK_IMPORTED_MODULE_0__/* .call */ .T1)('s3:GetBucketVersioning', () => s3.send(new _aws_s3_read_js__WEBPACK_IMPORTED_MODULE_1__/* .GetBucketVersioningCommand */ ._r({ Bucket: bucket })));
        if (response.Status === 'Enabled')
            return (0,_result_js__WEBPACK_IMPORTED_MODULE_0__/* .pass */ .IX)(VERSIONING, `${bucket}: Enabled`);
        const state = response.Status ?? 'never enabled';
        return (0,_result_js__WEBPACK_IMPORTED_MODULE_0__/* .failure */ .V2)(VERSIONING, `${bucket} versioning is ${state}; MWAA needs it Enabled`);
    });
}
const FLAGS = [
    'BlockPublicAcls',
    'IgnorePublicAcls',
    'BlockPublicPolicy',
    'RestrictPublicBuckets',
];
/** `s3:GetPublicAccessBlock`: all four flags true on the bucket itself. */
function checkBucketPublicAccess(s3, bucket) {
    return (0,_result_js__WEBPACK_IMPORTED_MODULE_0__/* .guarded */ .Nj)(PUBLIC_ACCESS, async () => {
        let config;
        try {
            const response = await (0,_result_js__WEBPACK_IMPORTED_MODULE_0__/* .call */ .T1)('s3:GetPublicAccessBlock', () => s3.send(new _aws_s3_read_js__WEBPACK_IMPORTED_MODULE_1__/* .GetPublicAccessBlockCommand */ .GL({ Bucket: bucket })));
            config = response.PublicAccessBlockConfiguration;
        }
        catch (error) {
            // S3 answers "no configuration" with an error; that is a finding, not a failed call.
            if (!(error instanceof _result_js__WEBPACK_IMPORTED_MODULE_0__/* .CallError */ .RA) || error.code !== 'NoSuchPublicAccessBlockConfiguration') {
                throw error;
            }
        }
        const off = FLAGS.filter((flag) => config?.[flag] !== true);
        if (off.length === 0)
            return (0,_result_js__WEBPACK_IMPORTED_MODULE_0__/* .pass */ .IX)(PUBLIC_ACCESS, `${bucket}: all four flags true`);
        const what = config === undefined ? 'has no public access block' : `has ${off.join(', ')} off`;
        return (0,_result_js__WEBPACK_IMPORTED_MODULE_0__/* .failure */ .V2)(PUBLIC_ACCESS, `${bucket} ${what}; MWAA needs all four flags on the bucket true`);
    });
}
/**
 * `s3:GetBucketLocation`: the bucket's Region must be the deployment Region. The API reports
 * us-east-1 as an empty constraint and the legacy `EU` for eu-west-1.
 */
function checkBucketRegion(s3, bucket, region) {
    return (0,_result_js__WEBPACK_IMPORTED_MODULE_0__/* .guarded */ .Nj)(REGION, async () => {
        const response = await (0,_result_js__WEBPACK_IMPORTED_MODULE_0__/* .call */ .T1)('s3:GetBucketLocation', () => s3.send(new _aws_s3_read_js__WEBPACK_IMPORTED_MODULE_1__/* .GetBucketLocationCommand */ .r_({ Bucket: bucket })));
        const actual = bucketRegion(response.LocationConstraint);
        if (actual === region)
            return (0,_result_js__WEBPACK_IMPORTED_MODULE_0__/* .pass */ .IX)(REGION, `${bucket}: ${actual}`);
        return (0,_result_js__WEBPACK_IMPORTED_MODULE_0__/* .failure */ .V2)(REGION, `${bucket} is in ${actual}, not ${region}; MWAA needs the bucket in the environment's Region`);
    });
}
/** The Region a LocationConstraint stands for. */
function bucketRegion(constraint) {
    if (constraint === undefined || constraint === null || constraint === '')
        return 'us-east-1';
    if (constraint === 'EU')
        return 'eu-west-1';
    return constraint;
}


/***/ }),

/***/ 6434:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  DE: () => (/* binding */ KEY_CHECK),
  yR: () => (/* binding */ checkKey),
  gV: () => (/* binding */ checkKeyPolicy)
});

// EXTERNAL MODULE: ./src/aws/kms-read.ts
var kms_read = __webpack_require__(8729);
// EXTERNAL MODULE: ./src/settings/names.ts
var names = __webpack_require__(4761);
// EXTERNAL MODULE: ./src/verify/policy.ts
var verify_policy = __webpack_require__(6607);
;// CONCATENATED MODULE: ./src/verify/key-policy.ts
/**
 * Reading a key policy for the CloudWatch Logs statement MWAA's user guide requires, and
 * writing that statement out for a user to add.
 */


/** The actions the guide grants, as the policy writes them. */
const LOGS_ACTIONS = [
    'kms:Encrypt*',
    'kms:Decrypt*',
    'kms:ReEncrypt*',
    'kms:GenerateDataKey*',
    'kms:Describe*',
];
// The key actions those wildcards stand for: a policy covers the guide's statement when it
// grants each of these, whether as `kms:*`, the guide's wildcards, or one by one.
const CONCRETE_ACTIONS = [
    'kms:Encrypt',
    'kms:Decrypt',
    'kms:ReEncryptFrom',
    'kms:ReEncryptTo',
    'kms:GenerateDataKey',
    'kms:GenerateDataKeyWithoutPlaintext',
    'kms:GenerateDataKeyPair',
    'kms:GenerateDataKeyPairWithoutPlaintext',
    'kms:DescribeKey',
];
/** The log groups MWAA creates for an environment, one per Airflow component. */
const LOG_GROUP_KINDS = ['DAGProcessing', 'Scheduler', 'Task', 'WebServer', 'Worker'];
const CONTEXT_KEY = 'kms:encryptioncontext:aws:logs:arn';
// Operators whose values are patterns (ArnEquals matches wildcards just as ArnLike does).
const PATTERN_OPERATORS = new Set(['arnlike', 'arnequals', 'stringlike']);
function partitionOf(context) {
    return context.keyArn.split(':')[1] || (0,names/* knownPartitionOf */.hV)(context.region) || 'aws';
}
/** The statement from MWAA's user guide, for this key's partition, Region and account. */
function logsStatement(context) {
    const partition = partitionOf(context);
    return {
        Sid: 'Allow logs access',
        Effect: 'Allow',
        Principal: { Service: `logs.${context.region}.amazonaws.com` },
        Action: [...LOGS_ACTIONS],
        Resource: '*',
        Condition: {
            ArnLike: {
                'kms:EncryptionContext:aws:logs:arn': `arn:${partition}:logs:${context.region}:${context.accountId}:*`,
            },
        },
    };
}
/**
 * Why the policy does not let CloudWatch Logs use the key for this environment, or undefined
 * when it does. A statement counts when it allows the `logs.<region>` service principal and its
 * `kms:EncryptionContext:aws:logs:arn` condition (if any: none is broader still) matches every
 * log group ARN of the environment, `arn:<partition>:logs:<region>:<account>:log-group:airflow-<env>-<Kind>`,
 * as the guide's `arn:<partition>:logs:<region>:<account>:*` does. Actions may be spread across
 * such statements. Deny statements are not evaluated.
 */
function logsStatementProblem(policy, context) {
    let statements;
    try {
        statements = (0,verify_policy/* parsePolicy */.ON)(policy);
    }
    catch {
        return `the key policy of ${context.keyArn} is not valid JSON`;
    }
    const service = `logs.${context.region}.amazonaws.com`;
    const partition = partitionOf(context);
    const logGroups = LOG_GROUP_KINDS.map((kind) => `arn:${partition}:logs:${context.region}:${context.accountId}:log-group:airflow-${context.environmentName}-${kind}`);
    const forLogs = statements.filter((s) => (0,verify_policy/* allowsService */.Y)(s, service));
    if (forLogs.length === 0) {
        return `the key policy of ${context.keyArn} has no statement allowing ${service}`;
    }
    const usable = forLogs.filter((s) => conditionCovers(s, logGroups));
    if (usable.length === 0) {
        return `the key policy of ${context.keyArn} allows ${service} only under a condition that excludes this environment's log groups (kms:EncryptionContext:aws:logs:arn must cover arn:${partition}:logs:${context.region}:${context.accountId}:*)`;
    }
    const missing = CONCRETE_ACTIONS.filter((a) => !usable.some((s) => (0,verify_policy/* grantsAction */.wJ)(s, a)));
    if (missing.length > 0) {
        return `the key policy of ${context.keyArn} does not grant ${service} ${missing.join(', ')} (needs ${LOGS_ACTIONS.join(', ')})`;
    }
    return undefined;
}
/** The statement's logs-ARN condition admits every one of `arns` (or it has no such condition). */
function conditionCovers(statement, arns) {
    for (const [operator, keys] of Object.entries(statement.condition)) {
        for (const [key, value] of Object.entries(keys)) {
            if (key.toLowerCase() !== CONTEXT_KEY)
                continue;
            const op = operator
                .toLowerCase()
                .replace(/^for(any|all)value:/, '')
                .replace(/ifexists$/, '');
            const values = (0,verify_policy/* strings */.P$)(value);
            const matches = (arn) => PATTERN_OPERATORS.has(op)
                ? values.some((v) => (0,verify_policy/* wildcardMatch */.UF)(v, arn))
                : op === 'stringequals' && values.includes(arn);
            if (!arns.every(matches))
                return false;
        }
    }
    return true;
}

// EXTERNAL MODULE: ./src/verify/result.ts
var result = __webpack_require__(252);
;// CONCATENATED MODULE: ./src/verify/key.ts
/**
 * The customer managed KMS key: the form MWAA accepts (seed 001: customer managed, symmetric,
 * single-Region, in the environment's Region) and a key policy that lets CloudWatch Logs use it,
 * without which the environment's log groups, and so the environment, fail to create.
 */



/** The identity of {@link checkKey}'s result, also used when there is no key to check. */
const KEY_CHECK = {
    id: 'kms-key',
    title: 'KMS key enabled, customer managed, symmetric, single-Region, in Region',
};
const KEY_POLICY = {
    id: 'kms-key-policy',
    title: 'KMS key policy lets CloudWatch Logs use the key',
};
/** `kms:DescribeKey`: the key is one MWAA can use. */
function checkKey(kms, keyArn, region) {
    return (0,result/* guarded */.Nj)(KEY_CHECK, async () => {
        const response = await (0,result/* call */.T1)('kms:DescribeKey', () => kms.send(new kms_read/* DescribeKeyCommand */.sp({ KeyId: keyArn })));
        const key = response.KeyMetadata;
        if (key === undefined)
            return (0,result/* failure */.V2)(KEY_CHECK, `${keyArn} was not described`);
        const problems = [];
        if (key.KeyState !== 'Enabled' || key.Enabled === false) {
            problems.push(`the key is ${key.KeyState ?? 'not enabled'}, not Enabled`);
        }
        if (key.KeyManager !== 'CUSTOMER') {
            problems.push(`the key is managed by ${key.KeyManager ?? 'an unknown manager'}; MWAA needs a customer managed key`);
        }
        // KeySpec replaced CustomerMasterKeySpec; older responses (and fakes) may carry only the latter.
        const spec = key.KeySpec ?? key.CustomerMasterKeySpec;
        if (spec !== 'SYMMETRIC_DEFAULT') {
            problems.push(`the key spec is ${spec ?? 'unknown'}; MWAA needs SYMMETRIC_DEFAULT (SQS, S3, Logs and Aurora need symmetric keys)`);
        }
        if (key.KeyUsage !== 'ENCRYPT_DECRYPT') {
            problems.push(`the key usage is ${key.KeyUsage ?? 'unknown'}; MWAA needs ENCRYPT_DECRYPT`);
        }
        if (key.MultiRegion === true) {
            problems.push('the key is a multi-Region key, which MWAA does not support');
        }
        const keyRegion = (key.Arn ?? keyArn).split(':')[3];
        if (keyRegion !== region) {
            problems.push(`the key is in ${keyRegion ?? 'an unknown Region'}, not the deployment Region ${region}`);
        }
        if (problems.length > 0)
            return (0,result/* failure */.V2)(KEY_CHECK, [`${key.Arn ?? keyArn}: ${problems[0]}`, ...problems.slice(1)]);
        return (0,result/* pass */.IX)(KEY_CHECK, `${key.Arn ?? keyArn}: Enabled, CUSTOMER, SYMMETRIC_DEFAULT, ENCRYPT_DECRYPT, single-Region, ${region}`);
    });
}
/**
 * `kms:GetKeyPolicy` (policy `default`): a statement lets `logs.<region>.amazonaws.com` use the
 * key for the environment's log groups. A missing statement is an error either way: for an
 * existing key the stack does not manage the policy, so the report prints the statement to add;
 * for a key the stack created it means the policy drifted. A key policy the deploying identity
 * may not read (typical of a key in another account) gives a warning saying what went unchecked.
 */
function checkKeyPolicy(kms, context) {
    return (0,result/* guarded */.Nj)(KEY_POLICY, async () => {
        const statement = JSON.stringify(logsStatement(context), null, 2);
        let policy;
        try {
            const response = await (0,result/* call */.T1)('kms:GetKeyPolicy', () => kms.send(new kms_read/* GetKeyPolicyCommand */.$r({ KeyId: context.keyArn, PolicyName: 'default' })));
            policy = response.Policy;
        }
        catch (error) {
            if (error instanceof result/* CallError */.RA && /AccessDenied/.test(error.code ?? '')) {
                return (0,result/* failure */.V2)(KEY_POLICY, `could not read the key policy of ${context.keyArn} (${error.message}), so whether CloudWatch Logs may use the key was not checked; make sure its policy has this statement:\n${statement}`, 'warning');
            }
            throw error;
        }
        const problem = logsStatementProblem(policy ?? '', context);
        if (problem === undefined) {
            return (0,result/* pass */.IX)(KEY_POLICY, `${context.keyArn}: logs.${context.region}.amazonaws.com may use the key`);
        }
        const fix = context.createdByStack
            ? `the policy of the key the prerequisite stack created has drifted from the template; update the stack, or put this statement back`
            : `the stack does not manage the policy of an existing key; add this statement to the key policy of ${context.keyArn}`;
        return (0,result/* failure */.V2)(KEY_POLICY, `${problem}; ${fix}:\n${statement}`);
    });
}


/***/ }),

/***/ 3915:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ checkVpcDns),
/* harmony export */   W: () => (/* binding */ checkPrivateSubnets)
/* harmony export */ });
/* harmony import */ var _aws_ec2_commands_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(63);
/* harmony import */ var _result_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(252);
/**
 * The VPC and its private subnets, as MWAA needs them: DNS on in the VPC (the environment's
 * endpoints are reached by name), and two private IPv4 subnets in two Availability Zones.
 */


const VPC_DNS = { id: 'vpc-dns', title: 'VPC DNS support and hostnames on' };
const SUBNETS = {
    id: 'private-subnets',
    title: 'Two private subnets in the VPC, in two Availability Zones, with IPv4',
};
/** `ec2:DescribeVpcAttribute`: enableDnsSupport and enableDnsHostnames both true. */
function checkVpcDns(ec2, vpcId) {
    return (0,_result_js__WEBPACK_IMPORTED_MODULE_0__/* .guarded */ .Nj)(VPC_DNS, async () => {
        // One attribute per call: the API takes a single Attribute.
        const [support, hostnames] = await Promise.all([
            (0,_result_js__WEBPACK_IMPORTED_MODULE_0__/* .call */ .T1)('ec2:DescribeVpcAttribute', () => ec2.send(new _aws_ec2_commands_js__WEBPACK_IMPORTED_MODULE_1__/* .DescribeVpcAttributeCommand */ ._V({ VpcId: vpcId, Attribute: 'enableDnsSupport' }))),
            (0,_result_js__WEBPACK_IMPORTED_MODULE_0__/* .call */ .T1)('ec2:DescribeVpcAttribute', () => ec2.send(new _aws_ec2_commands_js__WEBPACK_IMPORTED_MODULE_1__/* .DescribeVpcAttributeCommand */ ._V({ VpcId: vpcId, Attribute: 'enableDnsHostnames' }))),
        ]);
        const problems = [];
        if (support.EnableDnsSupport?.Value !== true)
            problems.push(`${vpcId} has enableDnsSupport off`);
        if (hostnames.EnableDnsHostnames?.Value !== true) {
            problems.push(`${vpcId} has enableDnsHostnames off`);
        }
        if (problems.length > 0) {
            problems.push('MWAA needs both on (EnableDnsSupport and EnableDnsHostnames on the VPC)');
            return (0,_result_js__WEBPACK_IMPORTED_MODULE_0__/* .failure */ .V2)(VPC_DNS, problems);
        }
        return (0,_result_js__WEBPACK_IMPORTED_MODULE_0__/* .pass */ .IX)(VPC_DNS, `${vpcId}: enableDnsSupport and enableDnsHostnames true`);
    });
}
/**
 * `ec2:DescribeSubnets` on the two private subnets: distinct, both in `vpcId`, in two different
 * Availability Zones, not assigning public IPs on launch, and with an IPv4 CIDR (IPv6-only
 * subnets are not documented as supported by MWAA).
 */
function checkPrivateSubnets(ec2, vpcId, subnetIds) {
    return (0,_result_js__WEBPACK_IMPORTED_MODULE_0__/* .guarded */ .Nj)(SUBNETS, async () => {
        const problems = [];
        const unique = [...new Set(subnetIds)];
        if (subnetIds.length !== 2 || unique.length !== 2) {
            problems.push(`expected two distinct subnets, got ${subnetIds.join(', ') || 'none'}`);
        }
        if (unique.length === 0)
            return (0,_result_js__WEBPACK_IMPORTED_MODULE_0__/* .failure */ .V2)(SUBNETS, problems);
        const response = await (0,_result_js__WEBPACK_IMPORTED_MODULE_0__/* .call */ .T1)('ec2:DescribeSubnets', () => ec2.send(new _aws_ec2_commands_js__WEBPACK_IMPORTED_MODULE_1__/* .DescribeSubnetsCommand */ .jS({ SubnetIds: unique })));
        const found = new Map((response.Subnets ?? []).map((s) => [s.SubnetId, s]));
        const subnets = [];
        for (const id of unique) {
            const subnet = found.get(id);
            if (subnet === undefined)
                problems.push(`${id} was not found`);
            else
                subnets.push(subnet);
        }
        for (const s of subnets)
            problems.push(...subnetProblems(s, vpcId));
        const zones = new Set(subnets.map(zoneOf));
        if (subnets.length === 2 && zones.size === 1) {
            problems.push(`both subnets are in ${zoneOf(subnets[0])}; MWAA needs two different Availability Zones`);
        }
        if (problems.length > 0)
            return (0,_result_js__WEBPACK_IMPORTED_MODULE_0__/* .failure */ .V2)(SUBNETS, problems);
        return (0,_result_js__WEBPACK_IMPORTED_MODULE_0__/* .pass */ .IX)(SUBNETS, subnets.map((s) => `${s.SubnetId} (${zoneOf(s)}, ${s.CidrBlock})`).join(', '));
    });
}
function subnetProblems(s, vpcId) {
    const problems = [];
    const id = s.SubnetId ?? '?';
    if (s.VpcId !== vpcId)
        problems.push(`${id} is in ${s.VpcId ?? 'no VPC'}, not ${vpcId}`);
    if (s.MapPublicIpOnLaunch === true) {
        problems.push(`${id} has MapPublicIpOnLaunch true; MWAA's subnets must be private`);
    }
    if (s.CidrBlock === undefined || s.CidrBlock === '' || s.Ipv6Native === true) {
        problems.push(`${id} has no IPv4 CIDR; MWAA needs IPv4 subnets`);
    }
    return problems;
}
// Both subnets are in one account, where zone names identify zones; the zone ID is a fallback.
function zoneOf(s) {
    return s.AvailabilityZone ?? s.AvailabilityZoneId ?? 'an unknown Availability Zone';
}


/***/ }),

/***/ 6607:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ON: () => (/* binding */ parsePolicy),
/* harmony export */   P$: () => (/* binding */ strings),
/* harmony export */   UF: () => (/* binding */ wildcardMatch),
/* harmony export */   Y: () => (/* binding */ allowsService),
/* harmony export */   wJ: () => (/* binding */ grantsAction)
/* harmony export */ });
/**
 * Just enough of the IAM policy language to answer "does this policy let service X do Y": the
 * trust policy of the execution role and the key policy of the KMS key. Deliberately not a full
 * evaluator: it reads Allow statements and says which ones grant what.
 */
/**
 * Parses a policy document. IAM returns trust policies URL-encoded; KMS returns key policies as
 * plain JSON; a caller (or a fake) may already have decoded either. Plain JSON is tried first,
 * since decoding a decoded document could corrupt a `%` inside it.
 */
function parsePolicy(text) {
    let doc;
    try {
        doc = JSON.parse(text);
    }
    catch {
        doc = JSON.parse(decodeURIComponent(text));
    }
    if (typeof doc !== 'object' || doc === null)
        throw new Error('the policy is not a JSON object');
    const raw = doc.Statement;
    const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
    return list.filter(isObject).map(toStatement);
}
function toStatement(s) {
    const condition = isObject(s['Condition'])
        ? Object.fromEntries(Object.entries(s['Condition']).filter(([, v]) => isObject(v)))
        : {};
    return {
        effect: typeof s['Effect'] === 'string' ? s['Effect'] : '',
        actions: strings(s['Action']),
        services: principalServices(s['Principal']),
        negated: s['NotAction'] !== undefined || s['NotPrincipal'] !== undefined,
        condition,
        sid: typeof s['Sid'] === 'string' ? s['Sid'] : undefined,
    };
}
function principalServices(principal) {
    if (principal === '*')
        return ['*'];
    if (!isObject(principal))
        return [];
    if (strings(principal['AWS']).includes('*'))
        return ['*'];
    return strings(principal['Service']);
}
/** An Allow statement (not using NotAction/NotPrincipal) whose principals include `service`. */
function allowsService(statement, service) {
    return (statement.effect === 'Allow' &&
        !statement.negated &&
        statement.services.some((s) => s === '*' || s.toLowerCase() === service.toLowerCase()));
}
/** Whether one of the statement's actions (wildcards allowed) covers `action`. Actions are case-insensitive. */
function grantsAction(statement, action) {
    return statement.actions.some((pattern) => wildcardMatch(pattern, action, true));
}
/**
 * IAM's wildcard matching: `*` any run of characters, `?` any one character. Used for actions
 * (case-insensitive) and for ArnLike / StringLike condition values (case-sensitive).
 */
function wildcardMatch(pattern, value, ignoreCase = false) {
    const source = pattern
        .split('')
        .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
        .join('');
    return new RegExp(`^${source}$`, ignoreCase ? 'is' : 's').test(value);
}
/** A single string or a list of strings, as policies write them; anything else is ignored. */
function strings(value) {
    if (typeof value === 'string')
        return [value];
    if (Array.isArray(value))
        return value.filter((v) => typeof v === 'string');
    return [];
}
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}


/***/ }),

/***/ 3803:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ checkPrivateRouting)
/* harmony export */ });
/* harmony import */ var _aws_ec2_commands_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(63);
/* harmony import */ var _result_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(252);
/**
 * Routing of the private subnets in the seed's public-routing design: each subnet's default
 * route leaves through a NAT gateway that is up. A default route to an internet gateway would
 * make the subnet public, which MWAA does not support for its subnets.
 */


const ROUTING = {
    id: 'private-routing',
    title: 'Private subnets route 0.0.0.0/0 to an available NAT gateway',
};
/**
 * `ec2:DescribeRouteTables` then `ec2:DescribeNatGateways`: for each private subnet, the route
 * table associated with it (or, when none is, the VPC's main route table, which is what the
 * subnet then uses) must route 0.0.0.0/0 to a `nat-` gateway in state `available`.
 */
function checkPrivateRouting(ec2, vpcId, subnetIds) {
    return (0,_result_js__WEBPACK_IMPORTED_MODULE_0__/* .guarded */ .Nj)(ROUTING, async () => {
        const tables = await routeTablesFor(ec2, vpcId, subnetIds);
        const problems = [];
        const natBySubnet = new Map();
        for (const subnetId of subnetIds) {
            const found = tables.get(subnetId);
            if (found === undefined) {
                problems.push(`${subnetId} has no route table (none associated and no main route table in ${vpcId})`);
                continue;
            }
            const where = `${subnetId} (route table ${found.table.RouteTableId ?? '?'}${found.main ? ', the VPC main table' : ''})`;
            const route = (found.table.Routes ?? []).find((r) => r.DestinationCidrBlock === '0.0.0.0/0');
            const problem = defaultRouteProblem(route);
            if (problem !== undefined)
                problems.push(`${where} ${problem}`);
            else if (route?.NatGatewayId !== undefined)
                natBySubnet.set(subnetId, route.NatGatewayId);
        }
        const natIds = [...new Set(natBySubnet.values())];
        if (natIds.length > 0)
            problems.push(...(await natProblems(ec2, vpcId, natIds)));
        if (problems.length > 0)
            return (0,_result_js__WEBPACK_IMPORTED_MODULE_0__/* .failure */ .V2)(ROUTING, problems);
        return (0,_result_js__WEBPACK_IMPORTED_MODULE_0__/* .pass */ .IX)(ROUTING, [...natBySubnet].map(([s, nat]) => `${s} \u2192 ${nat}`).join(', '));
    });
}
/** What is wrong with a subnet's default route, or undefined when it targets a NAT gateway. */
function defaultRouteProblem(route) {
    if (route === undefined) {
        return 'has no 0.0.0.0/0 route; MWAA with public routing needs one to a NAT gateway';
    }
    if (route.GatewayId?.startsWith('igw-') === true) {
        return `routes 0.0.0.0/0 to internet gateway ${route.GatewayId}, which makes it a public subnet; route it to a NAT gateway`;
    }
    if (route.NatGatewayId === undefined) {
        const target = route.GatewayId ??
            route.TransitGatewayId ??
            route.NetworkInterfaceId ??
            route.InstanceId ??
            'something else';
        return `routes 0.0.0.0/0 to ${target}, not to a NAT gateway`;
    }
    if (route.State === 'blackhole') {
        return `routes 0.0.0.0/0 to ${route.NatGatewayId}, but the route is a blackhole (the gateway is gone)`;
    }
    return undefined;
}
/** Route tables by subnet, falling back to the main table for subnets without an association. */
async function routeTablesFor(ec2, vpcId, subnetIds) {
    const response = await (0,_result_js__WEBPACK_IMPORTED_MODULE_0__/* .call */ .T1)('ec2:DescribeRouteTables', () => ec2.send(new _aws_ec2_commands_js__WEBPACK_IMPORTED_MODULE_1__/* .DescribeRouteTablesCommand */ .VS({
        Filters: [{ Name: 'association.subnet-id', Values: [...subnetIds] }],
    })));
    const result = new Map();
    for (const table of response.RouteTables ?? []) {
        for (const association of table.Associations ?? []) {
            const subnetId = association.SubnetId;
            if (subnetId !== undefined && subnetIds.includes(subnetId)) {
                result.set(subnetId, { table, main: false });
            }
        }
    }
    const unassociated = subnetIds.filter((s) => !result.has(s));
    if (unassociated.length === 0)
        return result;
    // A subnet with no explicit association uses its VPC's main route table.
    const main = await (0,_result_js__WEBPACK_IMPORTED_MODULE_0__/* .call */ .T1)('ec2:DescribeRouteTables', () => ec2.send(new _aws_ec2_commands_js__WEBPACK_IMPORTED_MODULE_1__/* .DescribeRouteTablesCommand */ .VS({
        Filters: [
            { Name: 'vpc-id', Values: [vpcId] },
            { Name: 'association.main', Values: ['true'] },
        ],
    })));
    const mainTable = main.RouteTables?.[0];
    if (mainTable !== undefined) {
        for (const s of unassociated)
            result.set(s, { table: mainTable, main: true });
    }
    return result;
}
/** Each NAT gateway must exist, be `available`, and sit in the same VPC. */
async function natProblems(ec2, vpcId, natIds) {
    const response = await (0,_result_js__WEBPACK_IMPORTED_MODULE_0__/* .call */ .T1)('ec2:DescribeNatGateways', () => ec2.send(new _aws_ec2_commands_js__WEBPACK_IMPORTED_MODULE_1__/* .DescribeNatGatewaysCommand */ .F8({ NatGatewayIds: [...natIds] })));
    const found = new Map((response.NatGateways ?? []).map((n) => [n.NatGatewayId, n]));
    const problems = [];
    for (const id of natIds) {
        const nat = found.get(id);
        if (nat === undefined)
            problems.push(`NAT gateway ${id} was not found`);
        else if (nat.State !== 'available') {
            problems.push(`NAT gateway ${id} is ${nat.State ?? 'in an unknown state'}, not available`);
        }
        else if (nat.VpcId !== undefined && nat.VpcId !== vpcId) {
            problems.push(`NAT gateway ${id} is in ${nat.VpcId}, not ${vpcId}`);
        }
    }
    return problems;
}


/***/ }),

/***/ 9981:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   U: () => (/* binding */ checkSecurityGroup)
/* harmony export */ });
/* harmony import */ var _aws_ec2_commands_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(63);
/* harmony import */ var _result_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(252);
/**
 * The environment security group: MWAA's web server, scheduler, workers and metadata database
 * talk to each other through it, so it must let its own members in (HTTPS and PostgreSQL at
 * least) and let everything out.
 */


const SECURITY_GROUP = {
    id: 'security-group',
    title: 'Security group in the VPC, self-referencing ingress, all egress',
};
// Without an all-traffic self rule, MWAA's components need at least these (HTTPS, PostgreSQL).
const REQUIRED_PORTS = [443, 5432];
/**
 * `ec2:DescribeSecurityGroups`: the group is in `vpcId` (the subnets' VPC), has an inbound rule
 * from itself for all traffic (or at least TCP 443 and 5432), and an outbound rule for all
 * traffic to 0.0.0.0/0.
 */
function checkSecurityGroup(ec2, vpcId, groupId) {
    return (0,_result_js__WEBPACK_IMPORTED_MODULE_0__/* .guarded */ .Nj)(SECURITY_GROUP, async () => {
        const response = await (0,_result_js__WEBPACK_IMPORTED_MODULE_0__/* .call */ .T1)('ec2:DescribeSecurityGroups', () => ec2.send(new _aws_ec2_commands_js__WEBPACK_IMPORTED_MODULE_1__/* .DescribeSecurityGroupsCommand */ .js({ GroupIds: [groupId] })));
        const group = response.SecurityGroups?.find((g) => g.GroupId === groupId);
        if (group === undefined)
            return (0,_result_js__WEBPACK_IMPORTED_MODULE_0__/* .failure */ .V2)(SECURITY_GROUP, `${groupId} was not found`);
        const problems = [];
        if (group.VpcId !== vpcId) {
            problems.push(`${groupId} is in ${group.VpcId ?? 'no VPC'}, not the subnets' VPC ${vpcId}`);
        }
        const selfRules = (group.IpPermissions ?? []).filter((p) => (p.UserIdGroupPairs ?? []).some((pair) => pair.GroupId === groupId));
        const allFromSelf = selfRules.some((p) => p.IpProtocol === '-1');
        const missingPorts = REQUIRED_PORTS.filter((port) => !selfRules.some((p) => allowsTcp(p, port)));
        if (!allFromSelf && missingPorts.length > 0) {
            problems.push(`${groupId} has no inbound rule from itself for all traffic (missing TCP ${missingPorts.join(', ')} from ${groupId}); add a self-referencing rule with IpProtocol -1`);
        }
        const allEgress = (group.IpPermissionsEgress ?? []).some((p) => p.IpProtocol === '-1' && (p.IpRanges ?? []).some((r) => r.CidrIp === '0.0.0.0/0'));
        if (!allEgress) {
            problems.push(`${groupId} has no outbound rule for all traffic to 0.0.0.0/0`);
        }
        if (problems.length > 0)
            return (0,_result_js__WEBPACK_IMPORTED_MODULE_0__/* .failure */ .V2)(SECURITY_GROUP, problems);
        const ingress = allFromSelf ? 'all traffic' : `TCP ${REQUIRED_PORTS.join(', ')}`;
        return (0,_result_js__WEBPACK_IMPORTED_MODULE_0__/* .pass */ .IX)(SECURITY_GROUP, `${groupId} in ${vpcId}: ${ingress} from itself, all traffic out`);
    });
}
/** A rule that admits TCP on `port` (protocol `tcp` or its number 6, or all protocols). */
function allowsTcp(p, port) {
    if (p.IpProtocol === '-1')
        return true;
    if (p.IpProtocol !== 'tcp' && p.IpProtocol !== '6')
        return false;
    return (p.FromPort ?? 0) <= port && port <= (p.ToPort ?? 65535);
}


/***/ })

};
