export const id = 601;
export const ids = [601];
export const modules = {

/***/ 2601:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   run: () => (/* binding */ run)
/* harmony export */ });
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_util__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _config_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6918);
// `dms-proc-gate validate-config [--config <path>] [--path <changed file>]... [--json]`
// Exit: 0 valid, 1 invalid (each error as file:line: key: message), 2 usage.


const USAGE = `usage: dms-proc-gate validate-config [--config <path>] [--path <file>]... [--json]

  --config <path>  the config file (default ${_config_index_js__WEBPACK_IMPORTED_MODULE_1__/* .DEFAULT_CONFIG_PATH */ .Bi})
  --path <file>    also check which target maps this repository path (repeatable); an unmapped or
                   doubly mapped .sql file is an error
  --json           print the result as JSON
exit status: 0 valid, 1 invalid, 2 usage error
`;
function targetLines(t) {
    const line = t.source.kind === 'config' ? ` (line ${t.source.line})` : '';
    return [
        `  ${t.name}${line}: ${(0,_config_index_js__WEBPACK_IMPORTED_MODULE_1__/* .describeDatabaseSpec */ .I0)(t.database)}`,
        `    paths: ${t.paths.join(', ')}`,
        `    exec-mode: ${t.execMode}${t.classify ? `; classify: ${t.classify}` : ''}${t.relatedUsers.length ? `; related-users: ${t.relatedUsers.join(', ')}` : ''}`,
        `    include: ${t.include.join(', ')}${t.exclude.length ? `; exclude: ${t.exclude.join(', ')}` : ''}; rollback: ${t.rollbackPattern}`,
        ...(t.verify ? [`    verify schema: ${t.verify.schema}`] : []),
        ...(t.encoding ? [`    encoding: ${describeEncoding(t.encoding)}`] : [])
    ];
}
function describeEncoding(e) {
    if (e.kind === 'all')
        return e.label;
    return `${e.rules.map((r) => `${r.paths.join(', ')} → ${r.label}`).join('; ')}; any other file utf-8`;
}
function summary(config, targets) {
    const count = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
    const out = [`${config.file}: valid — ${count(targets.length, 'target')}, ${count(config.permOrders.length, 'perm order')}, ${count(config.templates.length, 'template')}`];
    if (targets.length === 0)
        out.push('  no targets: the Action deploys every routine file to its `database` input');
    for (const t of targets)
        out.push(...targetLines(t));
    if (config.permOrders.length)
        out.push(`  perm-orders (gate every PR): ${config.permOrders.map((p) => p.orderId).join(', ')}`);
    for (const t of config.templates)
        out.push(`  template: ${t.name}${t.description ? ` — ${t.description}` : ''}`);
    return out.join('\n') + '\n';
}
async function run(argv) {
    let values;
    try {
        ;
        ({ values } = (0,node_util__WEBPACK_IMPORTED_MODULE_0__.parseArgs)({
            args: argv,
            options: {
                config: { type: 'string' },
                path: { type: 'string', multiple: true },
                json: { type: 'boolean' },
                help: { type: 'boolean', short: 'h' }
            },
            allowPositionals: false,
            strict: true
        }));
    }
    catch (err) {
        process.stderr.write(`dms-proc-gate validate-config: ${err.message}\n\n${USAGE}`);
        return 2;
    }
    if (values.help) {
        process.stdout.write(USAGE);
        return 0;
    }
    const file = values.config ?? _config_index_js__WEBPACK_IMPORTED_MODULE_1__/* .DEFAULT_CONFIG_PATH */ .Bi;
    if (file === '') {
        process.stderr.write(`dms-proc-gate validate-config: --config needs a path\n\n${USAGE}`);
        return 2;
    }
    const loaded = await (0,_config_index_js__WEBPACK_IMPORTED_MODULE_1__/* .loadConfig */ .Z9)(file);
    let errors = [];
    let config = null;
    if (loaded.ok === 'missing')
        errors = [{ file, line: 1, path: '', message: 'config file not found' }];
    else if (loaded.ok)
        config = loaded.config;
    else
        errors = loaded.errors;
    const targets = config ? (0,_config_index_js__WEBPACK_IMPORTED_MODULE_1__/* .effectiveTargets */ .CE)(config, {}) : [];
    let mapping = null;
    if (config && values.path?.length) {
        mapping = (0,_config_index_js__WEBPACK_IMPORTED_MODULE_1__/* .resolveTargets */ .h5)(config, {}, values.path);
    }
    const mappingErrors = mapping?.errors ?? [];
    const valid = errors.length === 0 && mappingErrors.length === 0;
    if (values.json) {
        const json = {
            valid,
            file,
            errors: [...errors, ...mappingErrors.map((e) => ({ ...e, path: '' }))],
            targets: targets.map(({ source, ...t }) => ({ ...t, line: source.kind === 'config' ? source.line : null })),
            permOrders: config?.permOrders.map((p) => p.orderId) ?? [],
            templates: config?.templates.map(({ name, description }) => ({ name, description })) ?? [],
            ...(mapping
                ? {
                    mapping: {
                        groups: mapping.groups.map((g) => ({ target: g.target.name, files: g.files, rollbackFiles: g.rollbackFiles })),
                        skipped: mapping.skipped
                    }
                }
                : {})
        };
        process.stdout.write(JSON.stringify(json, null, 2) + '\n');
        return valid ? 0 : 1;
    }
    for (const e of errors)
        process.stderr.write((0,_config_index_js__WEBPACK_IMPORTED_MODULE_1__/* .formatConfigError */ .YQ)(e) + '\n');
    for (const e of mappingErrors)
        process.stderr.write((0,_config_index_js__WEBPACK_IMPORTED_MODULE_1__/* .formatFileError */ .uZ)(e) + '\n');
    if (config && errors.length === 0) {
        process.stdout.write(summary(config, targets));
        if (mapping) {
            for (const g of mapping.groups) {
                for (const f of g.files)
                    process.stdout.write(`  ${f} → ${g.target.name}\n`);
                for (const f of g.rollbackFiles)
                    process.stdout.write(`  ${f} → ${g.target.name} (rollback file)\n`);
            }
            for (const s of mapping.skipped)
                process.stdout.write(`  ${s.file}: skipped (${s.reason})\n`);
        }
    }
    const n = errors.length + mappingErrors.length;
    if (!valid)
        process.stderr.write(`${file}: ${errors.length ? 'invalid' : 'paths not mapped to exactly one target'} (${n} error${n === 1 ? '' : 's'})\n`);
    return valid ? 0 : 1;
}


/***/ })

};
