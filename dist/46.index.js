export const id = 46;
export const ids = [46];
export const modules = {

/***/ 6046:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  environmentReaders: () => (/* binding */ environmentReaders)
});

// EXTERNAL MODULE: ./src/aws/signed-request.ts
var signed_request = __webpack_require__(3397);
;// CONCATENATED MODULE: ./src/environment/logs-api.ts
/**
 * CloudWatch Logs' DescribeLogGroups (awsJson1_1, `Logs_20140328.DescribeLogGroups`) over the
 * signed-request helper: the one Logs call verify makes, to find the environment's log groups.
 */

function logsReader(options) {
    const service = {
        region: options.region,
        signingName: 'logs',
        endpoint: (0,signed_request/* serviceEndpoint */.Xf)(options.env, { envName: 'CLOUDWATCH_LOGS', host: 'logs' }, options.region),
        credentials: options.credentials,
        fetch: options.fetch,
    };
    return {
        async logGroups(prefix) {
            const groups = [];
            let nextToken;
            // A bound on pages: an environment has five groups; a prefix matching thousands is a bug.
            for (let page = 0; page < 100; page++) {
                const answer = await (0,signed_request/* signedJson */.H0)(service, {
                    method: 'POST',
                    path: '/',
                    headers: {
                        'content-type': 'application/x-amz-json-1.1',
                        'x-amz-target': 'Logs_20140328.DescribeLogGroups',
                    },
                    body: { logGroupNamePrefix: prefix, ...(nextToken && { nextToken }) },
                });
                groups.push(...(answer['logGroups'] ?? []));
                nextToken = typeof answer['nextToken'] === 'string' ? answer['nextToken'] : undefined;
                if (!nextToken)
                    break;
            }
            return groups;
        },
    };
}

// EXTERNAL MODULE: ./src/environment/mwaa-api.ts
var mwaa_api = __webpack_require__(9298);
;// CONCATENATED MODULE: ./src/environment/readers.ts


/**
 * Readers signed with `credentials`: pass a configured SDK client's provider
 * (`client.config.credentials`) so they share its credentials, refreshed or not.
 */
function environmentReaders(options) {
    return {
        mwaa: (0,mwaa_api/* mwaaReader */._s)(options),
        logs: logsReader(options),
        rest: (0,mwaa_api/* mwaaRestApi */.pJ)(options),
        ...(options.read && { read: options.read }),
    };
}


/***/ })

};
