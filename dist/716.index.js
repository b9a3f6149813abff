export const id = 716;
export const ids = [716];
export const modules = {

/***/ 8716:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  withEnvironmentChecks: () => (/* binding */ withEnvironmentChecks)
});

// EXTERNAL MODULE: ./src/aws/kms-read.ts
var kms_read = __webpack_require__(8729);
// EXTERNAL MODULE: ./src/verify/result.ts
var verify_result = __webpack_require__(252);
;// CONCATENATED MODULE: ./src/verify/grants.ts
/**
 * The four grants MWAA attaches to a customer managed key when it creates an environment (seed
 * 001, "Grant policies"), checked by name, grantee, retiring principal and operations
 * (`kms:ListGrants`, every page). The seed prints the third name with a stray leading space;
 * names are compared trimmed.
 */


const GRANTS_CHECK = {
    id: 'kms-grants',
    title: "KMS key carries MWAA's four grants (seed 001)",
};
const DATA = ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*'];
/** Seed 001's grants: names (with `{env}`) and the operations each lists. */
const SEED_GRANTS = [
    {
        name: 'mwaa-grant-for-env-mgmt-role-{env}',
        operations: [...DATA, 'kms:CreateGrant', 'kms:DescribeKey', 'kms:RetireGrant'],
    },
    {
        name: 'mwaa-grant-for-lambda-exec-{env}',
        operations: [...DATA, 'kms:DescribeKey', 'kms:RetireGrant'],
    },
    { name: ' mwaa-grant-for-cfn-mgmt-{env}', operations: [...DATA, 'kms:DescribeKey'] },
    {
        name: 'mwaa-fargate-access-for-{env}',
        operations: [...DATA, 'kms:DescribeKey', 'kms:RetireGrant'],
    },
];
/** Every grant on the key, following NextMarker. */
async function listAllGrants(kms, keyArn) {
    const grants = [];
    let marker;
    for (let page = 0; page < 1000; page++) {
        const out = await (0,verify_result/* call */.T1)('kms:ListGrants', () => kms.send(new kms_read/* ListGrantsCommand */.F9({ KeyId: keyArn, Limit: 100, ...(marker && { Marker: marker }) })));
        grants.push(...(out.Grants ?? []));
        marker = out.Truncated ? out.NextMarker : undefined;
        if (!marker)
            break;
    }
    return grants;
}
/**
 * True when a grant's operations cover a seed operation: a grant lists concrete operations
 * (ReEncryptFrom, GenerateDataKeyWithoutPlaintext, ...), the seed writes `kms:ReEncrypt*`, which
 * any matching operation satisfies.
 */
function covered(operations, seed) {
    const name = seed.replace(/^kms:/, '');
    if (!name.endsWith('*'))
        return operations.includes(name);
    return operations.some((op) => op.startsWith(name.slice(0, -1)));
}
/** `kms:ListGrants`: each of the four grants present, for airflow.{region}, with its operations. */
function checkMwaaGrants(kms, context) {
    return (0,verify_result/* guarded */.Nj)(GRANTS_CHECK, async () => {
        const grants = await listAllGrants(kms, context.keyArn);
        const principal = `airflow.${context.region}.amazonaws.com`;
        const problems = [];
        for (const seed of SEED_GRANTS) {
            const name = seed.name.trim().replace('{env}', context.environmentName);
            const grant = grants.find((g) => (g.Name ?? '').trim() === name);
            if (!grant) {
                problems.push(`grant ${name} is missing from ${context.keyArn}`);
                continue;
            }
            if (grant.GranteePrincipal !== principal) {
                problems.push(`grant ${name} is for ${grant.GranteePrincipal ?? 'no grantee'}, not ${principal}`);
            }
            if (grant.RetiringPrincipal !== principal) {
                problems.push(`grant ${name} may be retired by ${grant.RetiringPrincipal ?? 'nobody'}, not ${principal}`);
            }
            const operations = grant.Operations ?? [];
            for (const op of seed.operations) {
                if (!covered(operations, op))
                    problems.push(`grant ${name} lacks operation ${op}`);
            }
        }
        if (problems.length > 0) {
            return (0,verify_result/* failure */.V2)(GRANTS_CHECK, [
                ...problems,
                'MWAA creates these grants when it creates the environment; a missing or narrowed grant breaks encryption of its data. Recreating them needs AWS support or a new environment',
            ]);
        }
        return (0,verify_result/* pass */.IX)(GRANTS_CHECK, `${context.keyArn}: the four grants for ${principal} with their operations`);
    });
}

// EXTERNAL MODULE: ./src/environment/mwaa-api.ts
var mwaa_api = __webpack_require__(9298);
;// CONCATENATED MODULE: ./src/verify/mwaa-environment.ts


const ENVIRONMENT_CHECK = {
    id: 'mwaa-environment',
    title: 'MWAA environment AVAILABLE, last update succeeded, on the stacks\u2019 role, network, bucket and key',
};
const LOG_GROUPS_CHECK = {
    id: 'mwaa-log-groups',
    title: 'Environment log groups exist (encrypted with the key in customer-managed mode)',
};
/** `airflow:GetEnvironment`: state and configuration against the stack outputs. */
function checkMwaaEnvironment(mwaa, name, outputs) {
    let environment;
    const result = (0,verify_result/* guarded */.Nj)(ENVIRONMENT_CHECK, async () => {
        environment = await (0,verify_result/* call */.T1)('airflow:GetEnvironment', () => mwaa.getEnvironment(name));
        if (!environment)
            return (0,verify_result/* failure */.V2)(ENVIRONMENT_CHECK, `environment ${name} does not exist`);
        const e = environment;
        const problems = [];
        if (e.Status !== 'AVAILABLE')
            problems.push(`the environment is ${e.Status ?? 'in no state'}, not AVAILABLE`);
        if (e.LastUpdate?.Status !== undefined && e.LastUpdate.Status !== 'SUCCESS') {
            problems.push(`its last update ended ${e.LastUpdate.Status}${(0,mwaa_api/* lastUpdateError */.Uk)(e) ? ` (${(0,mwaa_api/* lastUpdateError */.Uk)(e)})` : ''}`);
        }
        if (e.ExecutionRoleArn !== outputs.executionRoleArn) {
            problems.push(`it uses the execution role ${e.ExecutionRoleArn ?? '(none)'}, not ${outputs.executionRoleArn}`);
        }
        const subnets = [...(e.NetworkConfiguration?.SubnetIds ?? [])].sort();
        if (subnets.join(',') !== [...outputs.privateSubnetIds].sort().join(',')) {
            problems.push(`it runs in subnets ${subnets.join(', ') || '(none)'}, not ${outputs.privateSubnetIds.join(', ')}`);
        }
        if (!(e.NetworkConfiguration?.SecurityGroupIds ?? []).includes(outputs.securityGroupId)) {
            problems.push(`it does not use the security group ${outputs.securityGroupId}`);
        }
        if (e.SourceBucketArn !== outputs.bucketArn) {
            problems.push(`it reads the bucket ${e.SourceBucketArn ?? '(none)'}, not ${outputs.bucketArn}`);
        }
        const key = e.KmsKey ?? '';
        if (key !== (outputs.kmsKeyArn ?? '')) {
            problems.push(`it is encrypted with ${key || 'an AWS owned key'}, not ${outputs.kmsKeyArn ?? 'an AWS owned key'}`);
        }
        if (problems.length > 0)
            return (0,verify_result/* failure */.V2)(ENVIRONMENT_CHECK, problems.map((p) => `${name}: ${p}`));
        return (0,verify_result/* pass */.IX)(ENVIRONMENT_CHECK, `${name}: AVAILABLE, last update ${e.LastUpdate?.Status ?? 'none'}`);
    });
    return result.then((r) => ({ result: r, ...(environment && { environment }) }));
}
/** `logs:DescribeLogGroups`: a group for each enabled log type, with the key when there is one. */
function checkMwaaLogGroups(logs, environment, name, keyArn) {
    return (0,verify_result/* guarded */.Nj)(LOG_GROUPS_CHECK, async () => {
        if (!environment)
            return (0,verify_result/* failure */.V2)(LOG_GROUPS_CHECK, `environment ${name} could not be read, so its log groups were not checked`);
        const enabled = Object.entries(environment.LoggingConfiguration ?? {}).filter(([, c]) => c.Enabled);
        const groups = await (0,verify_result/* call */.T1)('logs:DescribeLogGroups', () => logs.logGroups(`airflow-${name}-`));
        const problems = [];
        for (const [type, config] of enabled) {
            const groupName = config.CloudWatchLogGroupArn?.split(':log-group:')[1]?.replace(/:\*$/, '');
            const group = groups.find((g) => g.logGroupName === groupName);
            if (!groupName || !group) {
                problems.push(`the log group of ${type} (${groupName ?? 'no ARN given'}) does not exist`);
            }
            else if (keyArn && group.kmsKeyId !== keyArn) {
                problems.push(`log group ${groupName} is encrypted with ${group.kmsKeyId ?? 'no KMS key'}, not ${keyArn}`);
            }
        }
        if (problems.length > 0)
            return (0,verify_result/* failure */.V2)(LOG_GROUPS_CHECK, problems);
        return (0,verify_result/* pass */.IX)(LOG_GROUPS_CHECK, `${enabled.length} log groups${keyArn ? `, encrypted with ${keyArn}` : ''}`);
    });
}

// EXTERNAL MODULE: ./src/verify/report.ts
var verify_report = __webpack_require__(5271);
;// CONCATENATED MODULE: ./src/environment/verify.ts
/**
 * The environment's checks, added to verify's report when `deploy-environment` is on: the
 * environment itself, its log groups and, with a customer managed key, MWAA's four grants.
 */



/** The report with the environment's checks appended (and `ok` recomputed). */
async function withEnvironmentChecks(report, settings, readers, kms, environmentOutputs) {
    const name = settings.environmentName;
    const keyArn = report.outputs.kmsKeyArn;
    const { result, environment } = await checkMwaaEnvironment(readers.mwaa, name, report.outputs);
    const more = [
        checkMwaaLogGroups(readers.logs, environment, name, keyArn),
    ];
    if (keyArn)
        more.push(checkMwaaGrants(kms, { keyArn, environmentName: name, region: settings.region }));
    const results = [...report.results, result, ...(await Promise.all(more))];
    return {
        ...report,
        results,
        ok: (0,verify_report/* resultsOk */.j)(results),
        ...(environmentOutputs && { environmentOutputs }),
    };
}


/***/ })

};
