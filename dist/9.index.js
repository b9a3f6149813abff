export const id = 9;
export const ids = [9];
export const modules = {

/***/ 9:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   environmentPrechecks: () => (/* binding */ environmentPrechecks)
/* harmony export */ });
/* harmony import */ var _settings_prechecks_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(961);
/* harmony import */ var _stacks_key_mode_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8072);
/* harmony import */ var _verify_bucket_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(123);
/* harmony import */ var _verify_key_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6434);
/* harmony import */ var _verify_network_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3915);
/* harmony import */ var _verify_outputs_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1554);
/* harmony import */ var _verify_routing_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3803);
/* harmony import */ var _verify_security_group_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9981);








/** Runs every pre-check the known values allow; nothing when none can run. */
async function environmentPrechecks(ctx, clients, input) {
    const { settings } = ctx;
    const checks = [];
    const keyArn = input.prerequisiteOutputs?.['KmsKeyArn'] || (0,_stacks_key_mode_js__WEBPACK_IMPORTED_MODULE_0__/* .existingKeyArn */ .k)(settings, input.accountId);
    if (settings.keyMode === 'customer-managed' && keyArn) {
        checks.push((0,_verify_key_js__WEBPACK_IMPORTED_MODULE_1__/* .checkKey */ .yR)(clients.kms, keyArn, settings.region), (0,_verify_key_js__WEBPACK_IMPORTED_MODULE_1__/* .checkKeyPolicy */ .gV)(clients.kms, {
            keyArn,
            region: settings.region,
            accountId: input.accountId ?? keyArn.split(':')[4] ?? '',
            environmentName: settings.environmentName,
            createdByStack: settings.kmsKey.source === 'create',
        }));
    }
    if (input.vpcOutputs && input.prerequisiteOutputs) {
        const { outputs } = (0,_verify_outputs_js__WEBPACK_IMPORTED_MODULE_2__/* .checkStackOutputs */ .b)(input.vpcOutputs, input.prerequisiteOutputs, settings);
        if (outputs) {
            const subnets = outputs.privateSubnetIds;
            checks.push((0,_verify_network_js__WEBPACK_IMPORTED_MODULE_3__/* .checkPrivateSubnets */ .W)(clients.ec2, outputs.vpcId, subnets), (0,_verify_routing_js__WEBPACK_IMPORTED_MODULE_4__/* .checkPrivateRouting */ .E)(clients.ec2, outputs.vpcId, subnets), (0,_verify_security_group_js__WEBPACK_IMPORTED_MODULE_5__/* .checkSecurityGroup */ .U)(clients.ec2, outputs.vpcId, outputs.securityGroupId), (0,_verify_bucket_js__WEBPACK_IMPORTED_MODULE_6__/* .checkBucketVersioning */ .JG)(clients.s3, outputs.bucketName), (0,_verify_bucket_js__WEBPACK_IMPORTED_MODULE_6__/* .checkBucketRegion */ .vt)(clients.s3, outputs.bucketName, settings.region));
        }
    }
    const failed = [];
    const notes = [];
    for (const r of await Promise.all(checks)) {
        if (r.ok)
            continue;
        // A check the credentials may not make says nothing about the environment: say so.
        if (/AccessDenied|UnauthorizedOperation/.test(r.details) || r.severity === 'warning') {
            notes.push(`Will it create? ${r.title}: not checked (${r.details.split('\n')[0]}).`);
        }
        else {
            failed.push({
                id: r.id,
                title: r.title,
                details: r.details,
                allowable: (0,_settings_prechecks_js__WEBPACK_IMPORTED_MODULE_7__/* .isAllowablePrecheck */ .vT)(r.id),
            });
        }
    }
    return { failed, notes };
}


/***/ })

};
