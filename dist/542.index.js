export const id = 542;
export const ids = [542];
export const modules = {

/***/ 1542:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  startChecks: () => (/* binding */ startChecks)
});

// EXTERNAL MODULE: ./src/verify/bucket.ts
var bucket = __webpack_require__(123);
// EXTERNAL MODULE: ./src/verify/key.ts + 1 modules
var key = __webpack_require__(6434);
// EXTERNAL MODULE: ./src/verify/network.ts
var network = __webpack_require__(3915);
// EXTERNAL MODULE: ./src/verify/result.ts
var result = __webpack_require__(252);
// EXTERNAL MODULE: ./src/aws/iam-read.ts
var iam_read = __webpack_require__(8493);
// EXTERNAL MODULE: ./src/verify/policy.ts
var policy = __webpack_require__(6607);
;// CONCATENATED MODULE: ./src/verify/role.ts
/**
 * The execution role's trust policy: MWAA assumes the role through two service principals,
 * and an environment fails to create if either is missing.
 */



const TRUST = { id: 'role-trust', title: 'Execution role trusted by both MWAA service principals' };
/** The principals MWAA assumes the execution role as. */
const AIRFLOW_PRINCIPALS = ['airflow.amazonaws.com', 'airflow-env.amazonaws.com'];
/** The role name of a role ARN: the last path segment (`arn:\u2026:role/path/name` \u2192 `name`). */
function roleNameOf(roleArn) {
    const resource = roleArn.split(':').slice(5).join(':');
    return resource.slice(resource.lastIndexOf('/') + 1);
}
/**
 * `iam:GetRole`: the trust policy must allow `sts:AssumeRole` to `airflow.amazonaws.com` and to
 * `airflow-env.amazonaws.com`. Conditions (e.g. an `aws:SourceAccount` guard) are accepted.
 */
function checkRoleTrust(iam, roleArn) {
    return (0,result/* guarded */.Nj)(TRUST, async () => {
        const name = roleNameOf(roleArn);
        const response = await (0,result/* call */.T1)('iam:GetRole', () => iam.send(new iam_read/* GetRoleCommand */.kb({ RoleName: name })));
        const document = response.Role?.AssumeRolePolicyDocument;
        if (document === undefined || document === '') {
            return (0,result/* failure */.V2)(TRUST, `role ${name} has no trust policy`);
        }
        let statements;
        try {
            statements = (0,policy/* parsePolicy */.ON)(document);
        }
        catch {
            return (0,result/* failure */.V2)(TRUST, `role ${name}'s trust policy is not a valid policy document`);
        }
        const missing = AIRFLOW_PRINCIPALS.filter((principal) => !statements.some((s) => (0,policy/* allowsService */.Y)(s, principal) && (0,policy/* grantsAction */.wJ)(s, 'sts:AssumeRole')));
        if (missing.length === 0) {
            return (0,result/* pass */.IX)(TRUST, `role ${name} trusts ${AIRFLOW_PRINCIPALS.join(' and ')}`);
        }
        return (0,result/* failure */.V2)(TRUST, `role ${name}'s trust policy does not allow sts:AssumeRole to ${missing.join(' or ')}; MWAA needs both ${AIRFLOW_PRINCIPALS.join(' and ')}`);
    });
}

// EXTERNAL MODULE: ./src/verify/routing.ts
var routing = __webpack_require__(3803);
// EXTERNAL MODULE: ./src/verify/security-group.ts
var security_group = __webpack_require__(9981);
;// CONCATENATED MODULE: ./src/verify/checks.ts
/**
 * The checks themselves, started all at once. Loaded by {@link verifyEnvironment} with a dynamic
 * import, so the SDK modules their commands come from (EC2, S3, IAM, KMS: over a third of the
 * bundle) are compiled only when something is verified, never in a plan.
 */







/** Every check, started concurrently (each makes read-only calls), in the report's order. */
function startChecks(input) {
    const { settings, outputs, clients } = input;
    const { ec2, s3, iam } = clients;
    const subnets = outputs.privateSubnetIds;
    return [
        (0,network/* checkVpcDns */.L)(ec2, outputs.vpcId),
        (0,network/* checkPrivateSubnets */.W)(ec2, outputs.vpcId, subnets),
        (0,routing/* checkPrivateRouting */.E)(ec2, outputs.vpcId, subnets),
        (0,security_group/* checkSecurityGroup */.U)(ec2, outputs.vpcId, outputs.securityGroupId),
        (0,bucket/* checkBucketVersioning */.JG)(s3, outputs.bucketName),
        (0,bucket/* checkBucketPublicAccess */.Q6)(s3, outputs.bucketName),
        (0,bucket/* checkBucketRegion */.vt)(s3, outputs.bucketName, settings.region),
        checkRoleTrust(iam, outputs.executionRoleArn),
        ...keyChecks(input),
    ];
}
function keyChecks({ settings, outputs, clients }) {
    if (settings.keyMode !== 'customer-managed')
        return [];
    const keyArn = outputs.kmsKeyArn;
    if (keyArn === undefined || keyArn === '') {
        const missing = 'no KMS key ARN among the outputs, though key-mode is customer-managed';
        return [Promise.resolve((0,result/* failure */.V2)(key/* KEY_CHECK */.DE, missing))];
    }
    return [
        (0,key/* checkKey */.yR)(clients.kms, keyArn, settings.region),
        (0,key/* checkKeyPolicy */.gV)(clients.kms, {
            keyArn,
            region: settings.region,
            // The log groups live in the environment's account, which is the execution role's
            // (a key in another account is still used for this account's log groups).
            accountId: outputs.executionRoleArn.split(':')[4] ?? '',
            environmentName: settings.environmentName,
            createdByStack: settings.kmsKey.source === 'create',
        }),
    ];
}


/***/ })

};
