export const id = 464;
export const ids = [464,662];
export const modules = {

/***/ 1702:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ defaultExport),
/* harmony export */   w: () => (/* binding */ namedExport)
/* harmony export */ });
// The @alicloud packages are CommonJS with `exports.default = Class` + `__esModule`. Node's ESM loader
// (tests, tsx) hands us module.exports as the default import, while ncc/webpack honours __esModule and
// hands us exports.default. Unwrap either shape to the class.
function defaultExport(mod) {
    let x = mod.default ?? mod;
    if (typeof x !== 'function' && x !== null && typeof x === 'object' && 'default' in x) {
        x = x.default;
    }
    if (typeof x !== 'function')
        throw new Error('cannot load the default export of an @alicloud module');
    return x;
}
/** A named export, looking through the default wrapper when the loader put it there. */
function namedExport(mod, name) {
    const m = mod;
    const direct = m[name];
    if (direct !== undefined)
        return direct;
    const inner = m.default;
    if (inner && inner[name] !== undefined)
        return inner[name];
    throw new Error(`cannot load ${name} from an @alicloud module`);
}


/***/ }),

/***/ 3464:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  DMS_API_VERSION: () => (/* binding */ DMS_API_VERSION),
  createDmsClient: () => (/* binding */ createDmsClient)
});

// EXTERNAL MODULE: ./node_modules/@alicloud/openapi-client/dist/client.js
var client = __webpack_require__(6500);
// EXTERNAL MODULE: ./src/dms/cjs-interop.ts
var cjs_interop = __webpack_require__(1702);
// EXTERNAL MODULE: ./src/dms/credentials.ts
var credentials = __webpack_require__(662);
// EXTERNAL MODULE: ./src/dms/endpoint.ts
var dms_endpoint = __webpack_require__(5115);
// EXTERNAL MODULE: ./src/dms/errors.ts
var errors = __webpack_require__(389);
;// CONCATENATED MODULE: ./src/dms/normalize.ts
function isObject(x) {
    return typeof x === 'object' && x !== null && !Array.isArray(x);
}
/** Field lookup: exact key first, then case-insensitive (some gateways/emulators camelCase keys). */
function field(obj, key) {
    if (!isObject(obj))
        return undefined;
    if (key in obj)
        return obj[key];
    const lower = key.toLowerCase();
    for (const k of Object.keys(obj))
        if (k.toLowerCase() === lower)
            return obj[k];
    return undefined;
}
/** A list given plain (`[…]`) or wrapped (`{Inner:[…]}`); with no `inner` key, a wrapper's only array. */
function list(x, inner) {
    if (Array.isArray(x))
        return x;
    if (!isObject(x))
        return [];
    if (inner !== undefined) {
        const v = field(x, inner);
        if (Array.isArray(v))
            return v;
        if (isObject(v))
            return [v]; // XML-to-JSON style single element
    }
    const arrays = Object.values(x).filter(Array.isArray);
    return arrays.length === 1 ? arrays[0] : [];
}
function str(x) {
    if (typeof x === 'string')
        return x;
    if (typeof x === 'number' || typeof x === 'boolean')
        return String(x);
    return '';
}
/** A number from a number or numeric string; null for anything else (including unsafe integers). */
function num(x) {
    if (typeof x === 'number')
        return Number.isFinite(x) ? x : null;
    if (typeof x === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(x)) {
        const n = Number(x);
        return Number.isSafeInteger(n) || !Number.isInteger(n) ? n : null;
    }
    return null;
}
/** An entity ID (order, workflow, database…): positive safe integer, else null. DMS uses 0 for "none". */
function id(x) {
    const n = num(x);
    return n !== null && Number.isSafeInteger(n) && n > 0 ? n : null;
}
function bool(x) {
    if (typeof x === 'boolean')
        return x;
    if (typeof x === 'string')
        return x.trim().toLowerCase() === 'true';
    if (typeof x === 'number')
        return x !== 0;
    return false;
}
function strList(x, inner) {
    return list(x, inner).map(str).filter((s) => s !== '');
}
const ORDER_STATUS = {
    new: 'new',
    precheck: 'precheck',
    prechecking: 'precheck',
    precheckfailed: 'precheck_failed',
    precheckfail: 'precheck_failed',
    prechecksuccess: 'precheck_success',
    toaudit: 'toaudit',
    auditing: 'toaudit',
    approved: 'approved',
    approve: 'approved',
    agree: 'approved',
    reject: 'reject',
    rejected: 'reject',
    cancel: 'cancel',
    canceled: 'cancel',
    cancelled: 'cancel',
    processing: 'processing',
    success: 'success',
    fail: 'fail',
    failed: 'fail',
    closed: 'closed',
    close: 'closed',
    waiting: 'waiting'
};
/** Any DMS status spelling → OrderStatus: case, `_`, `-` and spaces are ignored
 *  (`Approved`, `precheckFailed`, `precheck_fail`, `PRECHECK_SUCCESS`). */
function orderStatus(raw) {
    const key = str(raw).toLowerCase().replace(/[\s_-]/g, '');
    return ORDER_STATUS[key] ?? 'unknown';
}
const WORKFLOW_STATUS = {
    start: 'start',
    auditing: 'auditing',
    toaudit: 'auditing',
    approved: 'approved',
    agree: 'approved',
    reject: 'reject',
    rejected: 'reject',
    cancel: 'cancel',
    canceled: 'cancel',
    cancelled: 'cancel',
    error: 'error'
};
function workflowStatus(raw) {
    const key = str(raw).toLowerCase().replace(/[\s_-]/g, '');
    return WORKFLOW_STATUS[key] ?? 'unknown';
}
function execMode(raw) {
    const s = str(raw).toUpperCase();
    return s === 'COMMITOR' || s === 'AUTO' || s === 'LAST_AUDITOR' ? s : null;
}
function requireId(x, what) {
    const n = id(x);
    if (n === null)
        throw new TypeError(`DMS response has no valid ${what} (got ${JSON.stringify(x ?? null)})`);
    return n;
}
// ---- per action ----
/** CreateProcCorrectOrder.CreateOrderResult: plain array of ticket IDs (wrapped form accepted too). */
function createOrderResult(body) {
    return list(field(body, 'CreateOrderResult'), 'OrderIds').map(id).filter((n) => n !== null);
}
function orderBaseInfo(body) {
    const o = field(body, 'OrderBaseInfo') ?? {};
    return {
        ...orderSummary(o, 'OrderBaseInfo.OrderId'),
        workflowInstanceId: id(field(o, 'WorkflowInstanceId')),
        workflowStatusDesc: str(field(o, 'WorkflowStatusDesc')),
        attachmentKey: str(field(o, 'AttachmentKey')),
        relatedUserIds: strList(field(o, 'RelatedUserList'), 'UserIds'),
        relatedUserNicks: strList(field(o, 'RelatedUserNickList'), 'UserNicks')
    };
}
function approvalNode(n) {
    const statusCode = str(field(n, 'WorkflowInsCode'));
    return {
        name: str(field(n, 'NodeName')),
        status: workflowStatus(statusCode),
        statusCode,
        auditors: strList(field(n, 'AuditUserIdList'), 'AuditUserIds'),
        operatorId: id(field(n, 'OperatorId')),
        comment: str(field(n, 'OperateComment')),
        time: str(field(n, 'OperateTime'))
    };
}
function handler(h) {
    return { id: id(field(h, 'Id')), nickName: str(field(h, 'NickName')) };
}
function approvalDetail(body) {
    const d = field(body, 'ApprovalDetail') ?? {};
    const statusCode = str(field(d, 'WorkflowInsCode'));
    return {
        workflowInstanceId: id(field(d, 'WorkflowInstanceId')),
        orderId: id(field(d, 'OrderId')),
        orderType: str(field(d, 'OrderType')),
        title: str(field(d, 'Title')),
        description: str(field(d, 'Description')),
        createTime: str(field(d, 'CreateTime')),
        status: workflowStatus(statusCode),
        statusCode,
        auditId: id(field(d, 'AuditId')),
        templateId: id(field(d, 'TemplateId')),
        nodes: list(field(d, 'WorkflowNodes'), 'WorkflowNode').map(approvalNode),
        currentHandlers: list(field(d, 'CurrentHandlers'), 'CurrentHandler').map(handler),
        reasons: strList(field(d, 'ReasonList'), 'Reasons'),
        thirdpartyWorkflowUrl: str(field(d, 'ThirdpartyWorkflowUrl')),
        thirdpartyWorkflowComment: str(field(d, 'ThirdpartyWorkflowComment'))
    };
}
function orderSummary(o, idPath = 'Orders.Order[].OrderId') {
    const statusCode = str(field(o, 'StatusCode'));
    return {
        orderId: requireId(field(o, 'OrderId'), idPath),
        status: orderStatus(statusCode),
        statusCode,
        statusDesc: str(field(o, 'StatusDesc')),
        comment: str(field(o, 'Comment')),
        committer: str(field(o, 'Committer')),
        committerId: id(field(o, 'CommitterId')),
        createTime: str(field(o, 'CreateTime')),
        lastModifyTime: str(field(o, 'LastModifyTime')),
        pluginType: str(field(o, 'PluginType'))
    };
}
function orderList(body) {
    const orders = list(field(body, 'Orders'), 'Order').map((o) => orderSummary(o));
    return { totalCount: num(field(body, 'TotalCount')) ?? orders.length, orders };
}
function precheckStatus(raw) {
    const s = str(raw).toUpperCase();
    return s === 'WAITING' || s === 'RUNNING' || s === 'SUCCESS' || s === 'FAIL' ? s : 'UNKNOWN';
}
function precheckStep(t) {
    return {
        step: str(field(t, 'CheckStep')),
        status: precheckStatus(field(t, 'CheckStatus')),
        userTip: str(field(t, 'UserTip'))
    };
}
function dataCorrectOrderDetail(body) {
    const d = field(body, 'DataCorrectOrderDetail') ?? {};
    const od = field(d, 'OrderDetail') ?? {};
    const statusCode = str(field(d, 'Status'));
    return {
        status: orderStatus(statusCode),
        statusCode,
        execMode: execMode(field(d, 'ExecMode')),
        execSql: str(field(od, 'ExeSQL')),
        rollbackSql: str(field(od, 'RbSQL')),
        rollbackSqlType: str(field(od, 'RbSQLType')),
        classify: str(field(od, 'Classify')),
        sqlType: str(field(od, 'SqlType')),
        estimateAffectRows: num(field(od, 'EstimateAffectRows')),
        actualAffectRows: num(field(od, 'ActualAffectRows')),
        precheck: list(field(d, 'PreCheckDetail'), 'TaskCheckDO').map(precheckStep),
        databases: list(field(d, 'DatabaseList'), 'Database').flatMap((x) => {
            const ref = databaseRefOrNull(x);
            return ref ? [ref] : [];
        })
    };
}
function record(x) {
    return isObject(x) ? x : null;
}
function permApplyType(raw) {
    const s = str(raw).toUpperCase();
    return s === 'DB' || s === 'TAB' || s === 'COL' || s === 'INSTANT' ? s : 'UNKNOWN';
}
function permApplyOrderDetail(body) {
    const d = field(body, 'PermApplyOrderDetail') ?? {};
    return {
        applyType: permApplyType(field(d, 'ApplyType')),
        permType: num(field(d, 'PermType')),
        seconds: num(field(d, 'Seconds')),
        resources: list(field(d, 'Resources'), 'Resource').map((r) => ({
            instance: record(field(r, 'InstanceInfo')),
            database: record(field(r, 'DatabaseInfo')),
            table: record(field(r, 'TableInfo')),
            column: record(field(r, 'ColumnInfo'))
        }))
    };
}
function authorityTemplate(body) {
    const v = field(body, 'AuthorityTemplateView') ?? {};
    return {
        templateId: requireId(field(v, 'TemplateId'), 'AuthorityTemplateView.TemplateId'),
        name: str(field(v, 'Name')),
        description: str(field(v, 'Description')),
        creatorId: id(field(v, 'CreatorId')),
        createTime: str(field(v, 'CreateTime')),
        tid: id(field(body, 'Tid'))
    };
}
function databaseRefOrNull(x) {
    const dbId = id(field(x, 'DatabaseId') ?? field(x, 'DbId'));
    if (dbId === null)
        return null;
    // DataCorrectOrderDetail's DatabaseList entries carry only SearchName (`schema@host:port`): fall back to it.
    const parsed = /^(.*)@([^@:]*)(?::(\d+))?$/.exec(str(field(x, 'SearchName'))) ?? [];
    const schemaName = str(field(x, 'SchemaName')) || (parsed[1] ?? '');
    const host = str(field(x, 'Host')) || (parsed[2] ?? '');
    const port = num(field(x, 'Port')) ?? (parsed[3] === undefined ? null : Number(parsed[3]));
    return {
        dbId,
        schemaName,
        host,
        port,
        envType: str(field(x, 'EnvType')),
        dbType: str(field(x, 'DbType')),
        searchName: str(field(x, 'SearchName')) || `${schemaName}@${host}:${port ?? ''}`,
        logic: bool(field(x, 'Logic'))
    };
}
function databaseList(body) {
    const databases = list(field(body, 'SearchDatabaseList'), 'SearchDatabase').flatMap((x) => {
        const ref = databaseRefOrNull(x);
        return ref ? [ref] : [];
    });
    return { totalCount: num(field(body, 'TotalCount')) ?? databases.length, databases };
}
function tenantStatus(raw) {
    const s = str(raw).toUpperCase();
    return s === 'ACTIVE' || s === 'IN_ACTIVE' ? s : 'UNKNOWN';
}
function tenant(body) {
    const t = field(body, 'Tenant') ?? {};
    return {
        tid: requireId(field(t, 'Tid'), 'Tenant.Tid'),
        name: str(field(t, 'TenantName')),
        status: tenantStatus(field(t, 'Status'))
    };
}

// EXTERNAL MODULE: ./src/dms/params.ts
var dms_params = __webpack_require__(1956);
;// CONCATENATED MODULE: ./src/dms/retry.ts
// Jittered exponential backoff with a cap on attempts AND on total elapsed time, so a throttled or
// flapping DMS cannot hold a CI job hostage. What is retryable is decided by the caller (DmsError.retryable);
// clock, sleep and randomness are injectable so tests run instantly and deterministically.
const DEFAULT_RETRY_POLICY = {
    maxAttempts: 5,
    baseDelayMs: 500,
    maxDelayMs: 8000,
    maxTotalMs: 60_000
};
const realRetryDeps = {
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    random: Math.random,
    now: Date.now
};
/** "Equal jitter": half the exponential ceiling fixed, half random — never 0, never above the ceiling. */
function backoffDelay(retryNumber, policy, random) {
    const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retryNumber - 1));
    return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
function resolvePolicy(p) {
    const policy = { ...DEFAULT_RETRY_POLICY, ...(p ?? {}) };
    if (!Number.isInteger(policy.maxAttempts) || policy.maxAttempts < 1)
        throw new RangeError('retry.maxAttempts must be an integer ≥ 1');
    for (const k of ['baseDelayMs', 'maxDelayMs', 'maxTotalMs']) {
        if (!(policy[k] >= 0))
            throw new RangeError(`retry.${k} must be ≥ 0`);
    }
    return policy;
}
/** Run `fn` until it succeeds, fails with a non-retryable error, or the attempt/time budget is spent
 *  (then the last error is thrown). `fn` receives the 1-based attempt number. */
async function withRetry(fn, policy, hooks, deps = realRetryDeps) {
    const started = deps.now();
    for (let attempt = 1;; attempt++) {
        try {
            return await fn(attempt);
        }
        catch (error) {
            if (!hooks.isRetryable(error) || attempt >= policy.maxAttempts)
                throw error;
            const delay = backoffDelay(attempt, policy, deps.random);
            if (deps.now() - started + delay > policy.maxTotalMs)
                throw error;
            hooks.onRetry?.(error, attempt, delay);
            await deps.sleep(delay);
            if (hooks.beforeRetry) {
                const found = await hooks.beforeRetry(error, attempt);
                if (found !== undefined)
                    return found;
            }
        }
    }
}

;// CONCATENATED MODULE: ./src/dms/client.ts
// The typed DMS client: one `callApi` path (RPC, POST, 2018-11-01, V3 ACS3-HMAC-SHA256 by default) with
// Success:false detection, error normalization, bounded jittered retries, and an idempotent create.








const DMS_API_VERSION = '2018-11-01';
const OpenApiClient = (0,cjs_interop/* defaultExport */.A)(client);
const Config = (0,cjs_interop/* namedExport */.w)(client, 'Config');
const Params = (0,cjs_interop/* namedExport */.w)(client, 'Params');
const OpenApiRequest = (0,cjs_interop/* namedExport */.w)(client, 'OpenApiRequest');
/** Errors where the request certainly never produced a side effect at DMS: safe to resend a create. */
function notSent(e) {
    return e instanceof errors/* DmsError */.xJ && (e.kind === 'throttle' || e.code === 'ECONNREFUSED');
}
function retryable(e) {
    return e instanceof errors/* DmsError */.xJ && e.retryable;
}
function positiveMs(v, name) {
    if (!Number.isFinite(v) || v <= 0)
        throw new RangeError(`${name} must be a positive number of milliseconds, got ${v}`);
    return v;
}
function createDmsClient(options) {
    const endpoint = (0,dms_endpoint/* resolveEndpoint */.s)(options.endpoint, options.region);
    const policy = resolvePolicy(options.retry);
    const deps = { ...realRetryDeps, ...(options.retryDeps ?? {}) };
    const log = options.logger ?? (() => { });
    const tid = options.tid;
    if (tid !== undefined && (!Number.isSafeInteger(tid) || tid <= 0))
        throw new RangeError(`tid must be a positive integer, got ${tid}`);
    const readTimeout = positiveMs(options.readTimeoutMs ?? 15_000, 'readTimeoutMs');
    const connectTimeout = Math.min(positiveMs(options.connectTimeoutMs ?? 15_000, 'connectTimeoutMs'), readTimeout);
    const threshold = options.bodyThresholdBytes ?? dms_params/* DEFAULT_BODY_THRESHOLD */.N5;
    const createSettleMs = options.createSettleMs ?? readTimeout;
    const creds = options.credentials;
    const secrets = [...(options.secrets ?? [])];
    const config = {
        endpoint: endpoint.host,
        protocol: endpoint.protocol,
        readTimeout,
        connectTimeout,
        signatureAlgorithm: options.signature === 'v1' ? 'v2' : undefined
    };
    if ((0,credentials.isAccessKeyCredentials)(creds)) {
        config.accessKeyId = creds.accessKeyId;
        config.accessKeySecret = creds.accessKeySecret;
        if (creds.securityToken)
            config.securityToken = creds.securityToken;
        secrets.push(creds.accessKeySecret, ...(creds.securityToken ? [creds.securityToken] : []));
    }
    else {
        config.credential = creds;
    }
    const api = new OpenApiClient(new Config(config));
    const runtime = { readTimeout, connectTimeout, autoretry: false };
    async function once(action, params, attempt) {
        const target = (0,dms_params/* requestTargetLength */.nw)(params);
        const inBody = target > threshold;
        const request = new OpenApiRequest(inBody ? { body: params } : { query: params });
        const p = new Params({
            action, version: DMS_API_VERSION, protocol: endpoint.protocol, pathname: '/', method: 'POST',
            authType: 'AK', style: 'RPC', reqBodyType: 'formData', bodyType: 'json'
        });
        const started = Date.now();
        let res;
        try {
            res = await api.callApi(p, request, runtime);
        }
        catch (e) {
            const err = (0,errors/* fromThrown */.x7)(action, e, secrets);
            log(`dms ${action} #${attempt} ${inBody ? 'body' : 'query'} ${target}B → ${err.code}${err.httpStatus ? ` HTTP ${err.httpStatus}` : ''} (${Date.now() - started} ms)`);
            throw err;
        }
        const body = res.body;
        if ((0,errors/* isFailureBody */.di)(body)) {
            const err = (0,errors/* fromFailureBody */.rt)(action, body, res.statusCode ?? 200, secrets);
            log(`dms ${action} #${attempt} → Success:false ${err.code} (${Date.now() - started} ms)`);
            throw err;
        }
        if (typeof body !== 'object' || body === null) {
            throw new errors/* DmsError */.xJ({ code: 'InvalidResponse', message: 'response body is not a JSON object', action, kind: 'invalid_response', httpStatus: res.statusCode });
        }
        log(`dms ${action} #${attempt} ${inBody ? 'body' : 'query'} ${target}B → ok (${Date.now() - started} ms)`);
        return body;
    }
    async function call(action, params, opts = {}) {
        const mode = opts.retry ?? 'all';
        const isRetryable = mode === 'all' ? retryable : mode === 'not-sent' ? notSent : () => false;
        return withRetry((attempt) => once(action, params, attempt), policy, {
            isRetryable,
            onRetry: (e, attempt, delay) => log(`dms ${action} retry after #${attempt} (${e.code}) in ${delay} ms`)
        }, deps);
    }
    const act = (action, params) => call(action, params);
    /** Normalize a body; a shape we cannot read is reported as a DmsError like everything else. */
    function parse(action, body, f) {
        try {
            return f(body);
        }
        catch (e) {
            throw new errors/* DmsError */.xJ({ code: 'InvalidResponse', message: e.message, action, kind: 'invalid_response', requestId: typeof body.RequestId === 'string' ? body.RequestId : null });
        }
    }
    async function createProcCorrectOrder(input) {
        // Resent only when DMS certainly did not act on it (throttled, connection refused).
        const body = await call('CreateProcCorrectOrder', (0,dms_params/* createProcCorrectOrderParams */.lg)(input, tid), { retry: 'not-sent' });
        const ids = createOrderResult(body);
        if (ids.length === 0)
            throw new errors/* DmsError */.xJ({ code: 'InvalidResponse', message: 'CreateOrderResult has no ticket id', action: 'CreateProcCorrectOrder', kind: 'invalid_response' });
        return ids[0];
    }
    return {
        endpoint,
        call,
        createProcCorrectOrder,
        async createProcOrderOnce(input, lookup) {
            const params = (0,dms_params/* createProcCorrectOrderParams */.lg)(input, tid);
            let attempts = 0;
            // Every retryable failure may have created the ticket (timeout after DMS committed, reset, 5xx from
            // a proxy): before resending, look it up by fingerprint and return it if it exists.
            return withRetry(async (attempt) => {
                attempts = attempt;
                const ids = createOrderResult(await once('CreateProcCorrectOrder', params, attempt));
                if (ids.length === 0)
                    throw new errors/* DmsError */.xJ({ code: 'InvalidResponse', message: 'CreateOrderResult has no ticket id', action: 'CreateProcCorrectOrder', kind: 'business' });
                return { orderId: ids[0], created: true, attempts: attempt };
            }, policy, {
                isRetryable: retryable,
                onRetry: (e, attempt, delay) => log(`dms CreateProcCorrectOrder failed #${attempt} (${e.code}); looking for the ticket in ${delay} ms`),
                beforeRetry: async (e) => {
                    if (notSent(e))
                        return undefined;
                    // A timed-out create may still be running at DMS: give it time to commit before we look.
                    if (e instanceof errors/* DmsError */.xJ && e.kind === 'timeout')
                        await deps.sleep(createSettleMs);
                    const hit = await lookup();
                    if (hit !== undefined)
                        log(`dms CreateProcCorrectOrder: found ticket ${hit} from the lost attempt; not resending`);
                    return hit !== undefined ? { orderId: hit, created: false, attempts } : undefined;
                }
            }, deps);
        },
        async submitOrderApproval(orderId, realLoginUserUid) {
            await act('SubmitOrderApproval', (0,dms_params/* orderIdParams */.eg)(orderId, tid, { RealLoginUserUid: realLoginUserUid }));
        },
        async getOrderBaseInfo(orderId) {
            return parse('GetOrderBaseInfo', await act('GetOrderBaseInfo', (0,dms_params/* orderIdParams */.eg)(orderId, tid)), orderBaseInfo);
        },
        async getApprovalDetail(workflowInstanceId) {
            const d = parse('GetApprovalDetail', await act('GetApprovalDetail', (0,dms_params/* approvalDetailParams */.XT)(workflowInstanceId, tid)), approvalDetail);
            // The documented body has no WorkflowInstanceId of its own; it is the one we asked about.
            return { ...d, workflowInstanceId: d.workflowInstanceId ?? workflowInstanceId };
        },
        async getDataCorrectOrderDetail(orderId) {
            return parse('GetDataCorrectOrderDetail', await act('GetDataCorrectOrderDetail', (0,dms_params/* orderIdParams */.eg)(orderId, tid)), dataCorrectOrderDetail);
        },
        async listOrders(input = {}) {
            return parse('ListOrders', await act('ListOrders', (0,dms_params/* listOrdersParams */.q7)(input, tid)), orderList);
        },
        async closeOrder(orderId, reason) {
            await act('CloseOrder', (0,dms_params/* closeOrderParams */.dr)(orderId, reason, tid));
        },
        async executeDataCorrect(input) {
            // Running a ticket twice is never what anyone wants: resend only when it surely did not arrive.
            await call('ExecuteDataCorrect', (0,dms_params/* executeDataCorrectParams */.as)(input, tid), { retry: 'not-sent' });
        },
        async searchDatabase(input) {
            return parse('SearchDatabase', await act('SearchDatabase', (0,dms_params/* searchDatabaseParams */.yD)(input, tid)), databaseList);
        },
        async getPermApplyOrderDetail(orderId) {
            return parse('GetPermApplyOrderDetail', await act('GetPermApplyOrderDetail', (0,dms_params/* orderIdParams */.eg)(orderId, tid)), permApplyOrderDetail);
        },
        async createAuthorityTemplate({ name, description }) {
            const params = (0,dms_params/* createAuthorityTemplateParams */.i3)(name, description, tid);
            return parse('CreateAuthorityTemplate', await call('CreateAuthorityTemplate', params, { retry: 'not-sent' }), authorityTemplate);
        },
        async getUserActiveTenant() {
            return parse('GetUserActiveTenant', await act('GetUserActiveTenant', (0,dms_params/* wire */.O4)({ Tid: tid })), tenant);
        }
    };
}


/***/ }),

/***/ 662:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   defaultChain: () => (/* binding */ defaultChain),
/* harmony export */   isAccessKeyCredentials: () => (/* binding */ isAccessKeyCredentials),
/* harmony export */   resolveCredentials: () => (/* binding */ resolveCredentials)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _alicloud_credentials__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(477);
/* harmony import */ var _alicloud_credentials__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(_alicloud_credentials__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _cjs_interop_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1702);
// Where the DMS client's keys come from: explicit access key (+ STS token), GitHub OIDC → RAM role, or
// the @alicloud/credentials default chain (env → OIDC env → CLI profile → profile file → ECS role → URI).
// For OIDC the token is fetched by the caller (the Action uses core.getIDToken) and written to a 0600
// file, because @alicloud/credentials only reads it from ALIBABA_CLOUD_OIDC_TOKEN_FILE.





const Credential = (0,_cjs_interop_js__WEBPACK_IMPORTED_MODULE_4__/* .defaultExport */ .A)(_alicloud_credentials__WEBPACK_IMPORTED_MODULE_3__);
const OIDCRoleArnCredentialsProvider = (0,_cjs_interop_js__WEBPACK_IMPORTED_MODULE_4__/* .namedExport */ .w)(_alicloud_credentials__WEBPACK_IMPORTED_MODULE_3__, 'OIDCRoleArnCredentialsProvider');
const ARN_RE = /^acs:ram::\d+:(role|oidc-provider)\/[\w.@+=,\/-]+$/i;
const SESSION_RE = /^[A-Za-z0-9._@-]{2,64}$/;
function required(v, name) {
    if (!v || v.trim() === '')
        throw new Error(`${name} is required`);
    return v.trim();
}
/** The default chain, as openapi-client would need it (it has no chain of its own). */
function defaultChain() {
    return new Credential();
}
/**
 * Resolve credentials. For `oidc`, writes the token file and sets ALIBABA_CLOUD_ROLE_ARN,
 * ALIBABA_CLOUD_OIDC_PROVIDER_ARN, ALIBABA_CLOUD_OIDC_TOKEN_FILE, ALIBABA_CLOUD_ROLE_SESSION_NAME (and
 * ALIBABA_CLOUD_STS_REGION) in `env`, then returns an explicit OIDC provider built from them, so an
 * ALIBABA_CLOUD_ACCESS_KEY_ID that happens to be set cannot win over the role the user asked for.
 */
async function resolveCredentials(input, env = process.env) {
    const noop = async () => { };
    switch (input.kind) {
        case 'access-key': {
            const accessKeyId = required(input.accessKeyId, 'access-key-id');
            const accessKeySecret = required(input.accessKeySecret, 'access-key-secret');
            const securityToken = input.securityToken?.trim() || undefined;
            return {
                credentials: { accessKeyId, accessKeySecret, securityToken },
                secrets: [accessKeySecret, ...(securityToken ? [securityToken] : [])],
                source: securityToken ? 'sts-token' : 'access-key',
                cleanup: noop
            };
        }
        case 'default-chain':
            return { credentials: defaultChain(), secrets: [], source: 'default-chain', cleanup: noop };
        case 'oidc': {
            const roleArn = required(input.roleArn, 'role-arn');
            const providerArn = required(input.oidcProviderArn, 'oidc-provider-arn');
            if (!ARN_RE.test(roleArn) || !roleArn.includes(':role/'))
                throw new Error(`role-arn: expected acs:ram::<account>:role/<name>, got ${JSON.stringify(roleArn)}`);
            if (!ARN_RE.test(providerArn) || !providerArn.includes(':oidc-provider/')) {
                throw new Error(`oidc-provider-arn: expected acs:ram::<account>:oidc-provider/<name>, got ${JSON.stringify(providerArn)}`);
            }
            const session = input.roleSessionName ?? `dms-proc-gate-${env.GITHUB_RUN_ID ?? Date.now()}`;
            if (!SESSION_RE.test(session))
                throw new Error(`role-session-name: 2–64 characters of A-Z a-z 0-9 . _ @ -, got ${JSON.stringify(session)}`);
            const token = (await input.getIdToken()).trim();
            if (token.split('.').length !== 3)
                throw new Error('OIDC token: the ID token provider returned something that is not a JWT');
            const dir = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdtemp)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(input.tokenDir ?? env.RUNNER_TEMP ?? (0,node_os__WEBPACK_IMPORTED_MODULE_1__.tmpdir)(), 'dms-proc-gate-oidc-'));
            const tokenFile = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, 'token');
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(tokenFile, token, { mode: 0o600, flag: 'wx' });
            env.ALIBABA_CLOUD_ROLE_ARN = roleArn;
            env.ALIBABA_CLOUD_OIDC_PROVIDER_ARN = providerArn;
            env.ALIBABA_CLOUD_OIDC_TOKEN_FILE = tokenFile;
            env.ALIBABA_CLOUD_ROLE_SESSION_NAME = session;
            if (input.stsRegion)
                env.ALIBABA_CLOUD_STS_REGION = input.stsRegion;
            let builder = OIDCRoleArnCredentialsProvider.builder()
                .withRoleArn(roleArn)
                .withOIDCProviderArn(providerArn)
                .withOIDCTokenFilePath(tokenFile)
                .withRoleSessionName(session);
            if (input.stsRegion)
                builder = builder.withStsRegionId(input.stsRegion);
            return {
                credentials: new Credential(null, builder.build()),
                secrets: [token],
                source: 'oidc',
                tokenFile,
                cleanup: () => (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(dir, { recursive: true, force: true })
            };
        }
    }
}
function isAccessKeyCredentials(c) {
    return typeof c.accessKeyId === 'string';
}


/***/ })

};
