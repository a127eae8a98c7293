export const id = 931;
export const ids = [931,662];
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

/***/ 5931:
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
// EXTERNAL MODULE: ./src/dms/normalize.ts
var normalize = __webpack_require__(1475);
;// CONCATENATED MODULE: ./src/dms/pager.ts
// Reads every page of a DMS list call. No DMS doc states a maximum page size (ListOrders shows 10 as an example,
// ListAuthorityTemplate lists 5/10/20), and a server may return fewer items than asked, so the loop never infers
// the end from a short page: it stops when it holds TotalCount distinct items or a page comes back empty, and
// refuses to return a partial list silently (docs/dms-api.md, Paging).

/** Pages 1, 2, … until every item is read; items are de-duplicated by `key` (lists shift while being read). */
async function pageAll(fetchPage, key, o) {
    const seen = new Map();
    let totalCount = 0;
    for (let page = 1; page <= o.maxPages; page++) {
        const res = await fetchPage(page);
        totalCount = res.totalCount;
        for (const item of res.items)
            if (!seen.has(key(item)))
                seen.set(key(item), item);
        if (res.items.length === 0 || seen.size >= totalCount)
            return { items: [...seen.values()], totalCount };
    }
    throw new errors/* DmsError */.xJ({
        code: 'TooManyResults',
        message: `${totalCount} items match but only ${seen.size} were read in ${o.maxPages} pages; narrow the query (a shorter time window) or allow more pages`,
        action: o.action,
        kind: 'business'
    });
}

// EXTERNAL MODULE: external "node:querystring"
var external_node_querystring_ = __webpack_require__(1792);
;// CONCATENATED MODULE: ./src/dms/params.ts
// Pure request building: typed inputs → the flat string map DMS receives, exactly as Alibaba's generated
// SDK builds it (docs/dms-api.md, Wire format): PascalCase names, object params "shrunk" to ONE JSON string
// (`Param`, `RelatedUserList`, `ActionDetail`), scalars stringified, absent values omitted.

function wire(fields) {
    const out = {};
    for (const [k, v] of Object.entries(fields)) {
        if (v === undefined || v === null)
            continue;
        out[k] = typeof v === 'string' ? v : String(v);
    }
    return out;
}
function positiveInt(v, name) {
    if (!Number.isSafeInteger(v) || v <= 0)
        throw new RangeError(`${name} must be a positive integer, got ${JSON.stringify(v)}`);
    return v;
}
function nonEmpty(v, name) {
    if (typeof v !== 'string' || v.trim() === '')
        throw new TypeError(`${name} must be a non-empty string`);
    return v;
}
function createProcCorrectOrderParams(input, tid) {
    nonEmpty(input.comment, 'comment');
    nonEmpty(input.execSql, 'execSql');
    if (!Array.isArray(input.dbItems) || input.dbItems.length === 0)
        throw new TypeError('dbItems must list at least one database');
    // Key order follows the SDK model (CreateProcCorrectOrderRequestParam) so the JSON matches byte for byte.
    const param = {};
    if (input.classify !== undefined)
        param.Classify = input.classify;
    param.DbItemList = input.dbItems.map((d, i) => ({ DbId: positiveInt(d.dbId, `dbItems[${i}].dbId`), Logic: d.logic === true }));
    param.ExecMode = input.execMode;
    param.ExecSQL = input.execSql;
    // CreateProcCorrectOrder doc: RollbackSQL is required for TEXT, RollbackAttachmentName (an AttachmentKey from
    // GetUserUploadFileJob) for ATTACHMENT.
    if (input.rollbackAttachmentKey !== undefined) {
        param.RollbackAttachmentName = nonEmpty(input.rollbackAttachmentKey, 'rollbackAttachmentKey');
        param.RollbackSqlType = 'ATTACHMENT';
    }
    else {
        param.RollbackSQL = input.rollbackSql;
        param.RollbackSqlType = 'TEXT';
    }
    return wire({
        AttachmentKey: input.attachmentKey,
        Comment: input.comment,
        Param: JSON.stringify(param),
        RelatedUserList: input.relatedUserIds && input.relatedUserIds.length > 0 ? userIdArrayJson(input.relatedUserIds) : undefined,
        Tid: tid
    });
}
/** The SDK types RelatedUserList as number[]; write the digits verbatim so UIDs beyond 2^53 stay exact. */
function userIdArrayJson(ids) {
    return `[${ids.map((u, i) => {
        const s = String(u).trim();
        if (!/^[1-9]\d{0,19}$/.test(s) || (typeof u === 'number' && !Number.isSafeInteger(u))) {
            throw new TypeError(`relatedUserIds[${i}] must be a numeric user id, got ${JSON.stringify(u)}`);
        }
        return s;
    }).join(',')}]`;
}
function orderIdParams(orderId, tid, extra = {}) {
    return wire({ ...extra, OrderId: positiveInt(orderId, 'orderId'), Tid: tid });
}
function approvalDetailParams(workflowInstanceId, tid) {
    return wire({ Tid: tid, WorkflowInstanceId: positiveInt(workflowInstanceId, 'workflowInstanceId') });
}
function closeOrderParams(orderId, reason, tid) {
    return wire({ CloseReason: nonEmpty(reason, 'closeReason'), OrderId: positiveInt(orderId, 'orderId'), Tid: tid });
}
function executeDataCorrectParams(input, tid) {
    return wire({
        ActionDetail: input.actionDetail ? JSON.stringify(input.actionDetail) : undefined,
        OrderId: positiveInt(input.orderId, 'orderId'),
        RealLoginUserUid: input.realLoginUserUid,
        Tid: tid
    });
}
function dmsTime(v, name) {
    if (v === undefined || typeof v === 'string')
        return v;
    if (Number.isNaN(v.getTime()))
        throw new RangeError(`${name} is not a valid date`);
    return formatDmsTime(v);
}
function listOrdersParams(input, tid) {
    return wire({
        EndTime: dmsTime(input.endTime, 'endTime'),
        OrderResultType: input.orderResultType,
        OrderStatus: input.orderStatus,
        PageNumber: input.pageNumber,
        PageSize: input.pageSize,
        PluginType: input.pluginType,
        SearchContent: input.searchContent,
        SearchDateType: input.searchDateType,
        StartTime: dmsTime(input.startTime, 'startTime'),
        Tid: tid
    });
}
function listAuthorityTemplateParams(input, tid) {
    return wire({ PageNumber: input.pageNumber, PageSize: input.pageSize, SearchKey: input.searchKey, Tid: tid });
}
function createUploadFileJobParams(input, tid) {
    // CreateUploadFileJob doc: the name must end in .txt or .sql; the URL must be http or https.
    if (!/\.(sql|txt)$/i.test(nonEmpty(input.fileName, 'fileName')))
        throw new TypeError(`fileName must end in .sql or .txt, got ${JSON.stringify(input.fileName)}`);
    if (!/^https?:\/\/\S+$/i.test(nonEmpty(input.uploadUrl, 'uploadUrl')))
        throw new TypeError('uploadUrl must be an http or https URL');
    return wire({ FileName: input.fileName, FileSource: input.fileSource ?? 'datacorrect', Tid: tid, UploadURL: input.uploadUrl });
}
function searchDatabaseParams(input, tid) {
    return wire({
        DbType: input.dbType,
        EnvType: input.envType,
        PageNumber: input.pageNumber,
        PageSize: input.pageSize,
        SearchKey: nonEmpty(input.searchKey, 'searchKey'),
        SearchRange: input.searchRange,
        SearchTarget: input.searchTarget,
        Tid: tid
    });
}
function createAuthorityTemplateParams(name, description, tid) {
    return wire({ Description: description, Name: nonEmpty(name, 'name'), Tid: tid });
}
/** Length of the request target openapi-client would put on the request line: `/?` + Node
 *  querystring encoding (the same encoder tea uses in buildURL). */
function requestTargetLength(params) {
    const q = (0,external_node_querystring_.stringify)(params);
    return q.length === 0 ? 1 : 2 + q.length;
}
/** Default above which params move to the form body. nginx/Tengine-style front ends reject request
 *  lines over their 8 KB header buffer (414); Node's server caps all headers at 16 KB. 6 KB leaves
 *  room for the method/version and keeps the SDK's query path for all ordinary routine changes.
 *  The DMS gateway reads V3-signed RPC form bodies: the same generated SDK sends DMS parameters in `body`
 *  through the same callApi (default ACS3-HMAC-SHA256), e.g. CreateOrder's PluginParam
 *  (aliyun/alibabacloud-typescript-sdk dms-enterprise-20181101/src/client.ts, createOrderWithOptions), and
 *  Alibaba's own fix for "The Uri string is too long" is to move parameters into the body (Direct Mail doc
 *  "Invalid URI: The Uri string is too long"). docs/dms-api.md, Wire format. */
const DEFAULT_BODY_THRESHOLD = 6 * 1024;
/** DMS's clock: wall-clock time in UTC+8 (Beijing), the zone of every time DMS prints (docs/dms-api.md, Wire format). */
const DMS_UTC_OFFSET_HOURS = 8;
/** ListOrders StartTime/EndTime: `YYYY-MM-DD HH:mm:ss` as UTC+8 wall-clock time, without a zone (ListOrders doc
 *  example `2022-04-08 11:00:00`; DMS prints its own times the same way). */
function formatDmsTime(d) {
    const t = new Date(d.getTime() + DMS_UTC_OFFSET_HOURS * 3_600_000);
    const p = (n) => String(n).padStart(2, '0');
    return `${t.getUTCFullYear()}-${p(t.getUTCMonth() + 1)}-${p(t.getUTCDate())} ${p(t.getUTCHours())}:${p(t.getUTCMinutes())}:${p(t.getUTCSeconds())}`;
}
/** A DMS time string (UTC+8 wall clock) back to a Date; null when it is not one. */
function parseDmsTime(s) {
    if (!/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(s))
        return null;
    const d = new Date(`${s.replace(' ', 'T')}+0${DMS_UTC_OFFSET_HOURS}:00`);
    return Number.isNaN(d.getTime()) ? null : d;
}

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

;// CONCATENATED MODULE: ./src/dms/sql-size.ts
// How much SQL one CreateProcCorrectOrder may carry. DMS documents no limit for ExecSQL or RollbackSQL, so this is
// our own bound, checked before anything is sent so a too-large change fails with a message instead of an opaque
// gateway refusal. A large rollback has a documented route: RollbackSqlType ATTACHMENT with a file uploaded by
// CreateUploadFileJob (CreateProcCorrectOrder doc; DmsClient.uploadAttachment). ExecSQL has none.

/** 1 MiB: far above any routine file, well below what a form body may carry through proxies. */
const DEFAULT_MAX_SQL_BYTES = 1024 * 1024;
function mib(bytes) {
    return `${(bytes / 1024 / 1024).toFixed(2)} MiB`;
}
/** Throws DmsError SqlTooLarge naming the limit when ExecSQL, or a text RollbackSQL, exceeds it. */
function checkSqlSizes(input, maxBytes) {
    const exec = Buffer.byteLength(input.execSql, 'utf8');
    if (exec > maxBytes) {
        throw new errors/* DmsError */.xJ({
            code: 'SqlTooLarge', action: 'CreateProcCorrectOrder', kind: 'business',
            message: `ExecSQL is ${exec} bytes (${mib(exec)}); one DMS ticket carries at most ${maxBytes} bytes (${mib(maxBytes)}) of ExecSQL — split the change into smaller pull requests or targets`
        });
    }
    if (input.rollbackAttachmentKey !== undefined)
        return;
    const rollback = Buffer.byteLength(input.rollbackSql, 'utf8');
    if (rollback > maxBytes) {
        throw new errors/* DmsError */.xJ({
            code: 'SqlTooLarge', action: 'CreateProcCorrectOrder', kind: 'business',
            message: `RollbackSQL is ${rollback} bytes (${mib(rollback)}); as text a ticket carries at most ${maxBytes} bytes (${mib(maxBytes)}) — upload it (uploadAttachment) and send it as RollbackSqlType ATTACHMENT`
        });
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
    const threshold = options.bodyThresholdBytes ?? DEFAULT_BODY_THRESHOLD;
    const maxSqlBytes = options.maxSqlBytes ?? DEFAULT_MAX_SQL_BYTES;
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
        const target = requestTargetLength(params);
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
            const err = (0,errors/* fromThrown */.x7)(action, e, secrets, `${endpoint.protocol}://${endpoint.host}`);
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
    async function listOrdersAll(input = {}, o = {}) {
        const pageSize = input.pageSize ?? 100;
        const all = await pageAll(async (pageNumber) => {
            const res = parse('ListOrders', await act('ListOrders', listOrdersParams({ ...input, pageNumber, pageSize }, tid)), normalize/* orderList */.rY);
            return { totalCount: res.totalCount, items: res.orders };
        }, (x) => x.orderId, { maxPages: o.maxPages ?? 20, action: 'ListOrders' });
        return { totalCount: all.totalCount, orders: all.items };
    }
    async function findAuthorityTemplates(searchKey) {
        // ListAuthorityTemplate's PageSize is documented as 5, 10 or 20 (SDK model ListAuthorityTemplateRequest).
        const all = await pageAll(async (pageNumber) => {
            const res = parse('ListAuthorityTemplate', await act('ListAuthorityTemplate', listAuthorityTemplateParams({ searchKey, pageNumber, pageSize: 20 }, tid)), normalize/* authorityTemplateList */.qW);
            return { totalCount: res.totalCount, items: res.templates };
        }, (t) => t.templateId, { maxPages: 50, action: 'ListAuthorityTemplate' });
        return all.items;
    }
    async function getUserUploadFileJob(jobKey) {
        const body = await act('GetUserUploadFileJob', wire({ JobKey: jobKey, Tid: tid }));
        return parse('GetUserUploadFileJob', body, normalize/* uploadFileJob */.rX);
    }
    async function uploadAttachment(input, o = {}) {
        const body = await act('CreateUploadFileJob', createUploadFileJobParams(input, tid));
        const jobKey = typeof body.JobKey === 'string' ? body.JobKey : '';
        if (!jobKey)
            throw new errors/* DmsError */.xJ({ code: 'InvalidResponse', message: 'CreateUploadFileJob returned no JobKey', action: 'CreateUploadFileJob', kind: 'invalid_response' });
        const deadline = deps.now() + (o.timeoutMs ?? 120_000);
        let delay = o.pollMs ?? 500;
        for (;;) {
            const job = await getUserUploadFileJob(jobKey);
            if (job.status === 'SUCCESS' && job.attachmentKey)
                return job.attachmentKey;
            if (job.status === 'FAIL') {
                throw new errors/* DmsError */.xJ({ code: 'UploadFailed', message: `DMS could not fetch ${input.fileName} from the upload URL: ${job.statusDesc || 'no reason given'}`, action: 'GetUserUploadFileJob', kind: 'business' });
            }
            if (deps.now() + delay > deadline) {
                throw new errors/* DmsError */.xJ({ code: 'UploadTimeout', message: `DMS had not fetched ${input.fileName} after ${Math.round((o.timeoutMs ?? 120_000) / 1000)} s (job ${jobKey}, status ${job.status})`, action: 'GetUserUploadFileJob', kind: 'timeout' });
            }
            await deps.sleep(delay);
            delay = Math.min(delay * 2, 5000);
        }
    }
    async function createProcCorrectOrder(input) {
        checkSqlSizes(input, maxSqlBytes);
        // Resent only when DMS certainly did not act on it (throttled, connection refused).
        const body = await call('CreateProcCorrectOrder', createProcCorrectOrderParams(input, tid), { retry: 'not-sent' });
        const ids = normalize/* createOrderResult */.ef(body);
        if (ids.length === 0)
            throw new errors/* DmsError */.xJ({ code: 'InvalidResponse', message: 'CreateOrderResult has no ticket id', action: 'CreateProcCorrectOrder', kind: 'invalid_response' });
        return ids[0];
    }
    return {
        endpoint,
        call,
        createProcCorrectOrder,
        async createProcOrderOnce(input, lookup) {
            const params = createProcCorrectOrderParams(input, tid);
            checkSqlSizes(input, maxSqlBytes);
            let attempts = 0;
            // Every retryable failure may have created the ticket (timeout after DMS committed, reset, 5xx from
            // a proxy): before resending, look it up by fingerprint and return it if it exists.
            return withRetry(async (attempt) => {
                attempts = attempt;
                const ids = normalize/* createOrderResult */.ef(await once('CreateProcCorrectOrder', params, attempt));
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
            await act('SubmitOrderApproval', orderIdParams(orderId, tid, { RealLoginUserUid: realLoginUserUid }));
        },
        async getOrderBaseInfo(orderId) {
            return parse('GetOrderBaseInfo', await act('GetOrderBaseInfo', orderIdParams(orderId, tid)), normalize/* orderBaseInfo */._Z);
        },
        async getApprovalDetail(workflowInstanceId) {
            const d = parse('GetApprovalDetail', await act('GetApprovalDetail', approvalDetailParams(workflowInstanceId, tid)), normalize/* approvalDetail */.HE);
            // The documented body has no WorkflowInstanceId of its own; it is the one we asked about.
            return { ...d, workflowInstanceId: d.workflowInstanceId ?? workflowInstanceId };
        },
        async getDataCorrectOrderDetail(orderId) {
            return parse('GetDataCorrectOrderDetail', await act('GetDataCorrectOrderDetail', orderIdParams(orderId, tid)), normalize/* dataCorrectOrderDetail */.g);
        },
        async listOrders(input = {}) {
            return parse('ListOrders', await act('ListOrders', listOrdersParams(input, tid)), normalize/* orderList */.rY);
        },
        listOrdersAll,
        findAuthorityTemplates,
        uploadAttachment,
        getUserUploadFileJob,
        async listAuthorityTemplates(input = {}) {
            return parse('ListAuthorityTemplate', await act('ListAuthorityTemplate', listAuthorityTemplateParams(input, tid)), normalize/* authorityTemplateList */.qW);
        },
        async closeOrder(orderId, reason) {
            await act('CloseOrder', closeOrderParams(orderId, reason, tid));
        },
        async executeDataCorrect(input) {
            // Running a ticket twice is never what anyone wants: resend only when it surely did not arrive.
            await call('ExecuteDataCorrect', executeDataCorrectParams(input, tid), { retry: 'not-sent' });
        },
        async searchDatabase(input) {
            return parse('SearchDatabase', await act('SearchDatabase', searchDatabaseParams(input, tid)), normalize/* databaseList */.IL);
        },
        async getPermApplyOrderDetail(orderId) {
            return parse('GetPermApplyOrderDetail', await act('GetPermApplyOrderDetail', orderIdParams(orderId, tid)), normalize/* permApplyOrderDetail */.su);
        },
        async createAuthorityTemplate({ name, description }) {
            const params = createAuthorityTemplateParams(name, description, tid);
            return parse('CreateAuthorityTemplate', await call('CreateAuthorityTemplate', params, { retry: 'not-sent' }), normalize/* authorityTemplate */.yG);
        },
        async getUserActiveTenant() {
            return parse('GetUserActiveTenant', await act('GetUserActiveTenant', wire({ Tid: tid })), normalize/* tenant */.j5);
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
