export const id = 745;
export const ids = [745];
export const modules = {

/***/ 8745:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   verifyForCli: () => (/* binding */ verifyForCli)
/* harmony export */ });
async function verifyForCli(v, formatPlan) {
    if (v.plan.errors.length > 0) {
        process.stdout.write(v.json ? JSON.stringify({ ...v.plan, verify: null }, null, 2) + '\n' : formatPlan(v.plan));
        process.stderr.write('dms-proc-gate plan: verification skipped: the plan has errors\n');
        return 1;
    }
    const { verifyPlan, verifySummary, formatVerifyReport, retryWithin } = await Promise.all(/* import() */[__webpack_require__.e(588), __webpack_require__.e(970)]).then(__webpack_require__.bind(__webpack_require__, 1970));
    const report = await verifyPlan({
        database: v.database,
        retry: retryWithin(v.waitMs),
        targets: [{ name: 'default', base: v.trees.base, head: v.trees.head, plan: v.plan, planOptions: v.planOptions,
                ...(v.schemaSql ? { schemaSql: v.schemaSql } : {}) }],
        logger: { info: (m) => process.stderr.write(`${m}\n`) }
    });
    if (v.json)
        process.stdout.write(JSON.stringify({ ...v.plan, verify: report }, null, 2) + '\n');
    else
        process.stdout.write(`${formatPlan(v.plan)}\n-- verification ${'-'.repeat(55)}\n${formatVerifyReport(report)}`);
    if (report.ok)
        return 0;
    process.stderr.write(`dms-proc-gate plan: ${verifySummary(report)}\n`);
    return 1;
}


/***/ })

};
