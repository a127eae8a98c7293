export const id = 249;
export const ids = [249];
export const modules = {

/***/ 389:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   di: () => (/* binding */ isFailureBody),
/* harmony export */   rt: () => (/* binding */ fromFailureBody),
/* harmony export */   x7: () => (/* binding */ fromThrown),
/* harmony export */   xJ: () => (/* binding */ DmsError)
/* harmony export */ });
/* unused harmony exports isDmsError, sanitize */
// One error type for everything a DMS call can fail with. openapi-client reports failures in several
// shapes (docs/dms-api.md, Errors): HTTP 200 with Success:false, a thrown ResponseError whose `code` is the
// literal string "undefined" when the body uses ErrorCode/ErrorMessage, a bare SyntaxError for non-JSON
// (HTML 502) bodies, httpx RequestTimeoutError, and raw socket errors. Messages never carry secrets:
// transport messages embed the request URL (whose query holds AccessKeyId/SecurityToken/Signature under
// V1 signing), so URLs are cut to their origin and known secret values are redacted.
class DmsError extends Error {
    name = 'DmsError';
    code;
    action;
    kind;
    requestId;
    httpStatus;
    retryable;
    constructor(init) {
        const where = [init.httpStatus ? `HTTP ${init.httpStatus}` : '', init.requestId ? `request id ${init.requestId}` : '']
            .filter(Boolean).join(', ');
        super(`DMS ${init.action} failed: ${init.code}: ${init.message}${where ? ` (${where})` : ''}`);
        this.code = init.code;
        this.action = init.action;
        this.kind = init.kind;
        this.requestId = init.requestId ?? null;
        this.httpStatus = init.httpStatus ?? null;
        this.retryable = init.kind !== 'business';
    }
}
function isDmsError(e) {
    return e instanceof DmsError;
}
/** Cut every URL to scheme://host[:port]/path and replace known secret values. */
function sanitize(text, secrets = []) {
    let out = text.replace(/(https?:\/\/[^\s?#"']+)[?#][^\s"']*/gi, '$1?…');
    for (const s of secrets) {
        if (s && s.length >= 4)
            out = out.split(s).join('***');
    }
    // Signature-bearing fragments that may appear outside a URL (header dumps, form bodies).
    out = out.replace(/(Signature|SecurityToken|AccessKeySecret|x-acs-security-token|Authorization)([=:]\s*)[^\s&,"']+/gi, '$1$2***');
    return out;
}
function kindFor(code, httpStatus) {
    if (/^Throttling/i.test(code) || httpStatus === 429)
        return 'throttle';
    if (httpStatus !== null && httpStatus >= 500)
        return 'server';
    return 'business';
}
function text(x) {
    return typeof x === 'string' ? x : typeof x === 'number' ? String(x) : '';
}
function pick(obj, ...keys) {
    if (typeof obj !== 'object' || obj === null)
        return '';
    const rec = obj;
    for (const k of keys) {
        const v = text(rec[k]);
        if (v && v !== 'undefined')
            return v;
    }
    return '';
}
/** True when a 2xx body reports failure (`Success:false`, also the string "false"). */
function isFailureBody(body) {
    if (typeof body !== 'object' || body === null)
        return false;
    const s = body.Success ?? body.success;
    return s === false || s === 'false';
}
/** A `Success:false` body (HTTP 200 or otherwise) → DmsError. */
function fromFailureBody(action, body, httpStatus, secrets = []) {
    const code = pick(body, 'ErrorCode', 'Code', 'code') || 'UnknownError';
    const message = pick(body, 'ErrorMessage', 'Message', 'message') || 'DMS reported Success:false without a message';
    return new DmsError({
        code,
        message: sanitize(message, secrets),
        action,
        kind: kindFor(code, httpStatus === 200 ? null : httpStatus),
        requestId: pick(body, 'RequestId', 'requestId') || null,
        httpStatus
    });
}
const TLS_TRUST_CODES = new Set(['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN',
    'CERT_HAS_EXPIRED', 'ERR_TLS_CERT_ALTNAME_INVALID', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY']);
const ENDPOINT_SETTING = 'the DMS endpoint (CLI --endpoint, Action input dms-endpoint)';
/**
 * A transport failure in one line — what is wrong and what to do — instead of the raw socket/OpenSSL text
 * (which also glues the request line to it: `…127.0.0.1:1POST http://…`). `where` is `protocol://host`.
 */
function transportError(action, code, rawMessage, where, secrets) {
    const ep = where || 'the DMS endpoint';
    const make = (c, kind, message) => new DmsError({ code: c, message, action, kind });
    if (code === 'ECONNREFUSED')
        return make(code, 'network', `cannot connect to ${ep}: connection refused — check ${ENDPOINT_SETTING} and that the service is running`);
    if (code === 'ENOTFOUND')
        return make(code, 'business', `cannot resolve the host of ${ep} — check ${ENDPOINT_SETTING} or the region (CLI --region, Action input region)`);
    if (code === 'EAI_AGAIN')
        return make(code, 'network', `the DNS lookup for ${ep} failed for now — retrying; if it persists, check the network of this machine`);
    if (/wrong version number/i.test(rawMessage) || code === 'ERR_SSL_WRONG_VERSION_NUMBER') {
        const host = where.replace(/^https?:\/\//, '');
        return make('EndpointNotHttps', 'business', `${ep} answered in plain HTTP, not HTTPS — an endpoint without a scheme means https://; for a plain-HTTP endpoint (the emulator) write http://${host}`);
    }
    if (TLS_TRUST_CODES.has(code))
        return make(code, 'business', `the TLS certificate of ${ep} is not trusted (${code}) — check that ${ENDPOINT_SETTING} names the real DMS host`);
    if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'ECONNABORTED' || /socket hang up/i.test(rawMessage)) {
        return make(code || 'ECONNRESET', 'network', `${ep} closed the connection without answering — retried; if it persists, check proxies between this machine and DMS`);
    }
    if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH')
        return make(code, 'network', `cannot reach ${ep} (${code}) — check the network route to it and ${ENDPOINT_SETTING}`);
    if (code === 'ETIMEDOUT')
        return make(code, 'timeout', `connecting to ${ep} timed out — check ${ENDPOINT_SETTING} and the network (${sanitize(rawMessage, secrets)})`);
    return null;
}
/** @alicloud/credentials' "no provider in the chain had credentials", and openapi-client's InvalidCredentials. */
function isMissingCredentials(name, code, message) {
    return /unable to get credentials|InvalidCredentials/i.test(`${name} ${code} ${message}`) || (/credential/i.test(message) && !/signature/i.test(message));
}
/** Anything openapi-client/httpx threw → DmsError. `where` (`protocol://host`) names the endpoint in messages. */
function fromThrown(action, e, secrets = [], where = '') {
    if (e instanceof DmsError)
        return e;
    const err = (typeof e === 'object' && e !== null ? e : { message: String(e) });
    const name = text(err.name);
    const rawMessage = text(err.message);
    const data = err.data;
    // A ResponseError from a 4xx/5xx response: `data` holds the parsed body plus statusCode.
    if (data && typeof data === 'object') {
        const httpStatus = Number(data.statusCode ?? err.statusCode) || null;
        const code = pick(data, 'Code', 'code', 'ErrorCode') || (text(err.code) !== 'undefined' ? text(err.code) : '') ||
            (httpStatus ? `HTTP${httpStatus}` : 'UnknownError');
        const message = pick(data, 'Message', 'message', 'ErrorMessage') || rawMessage;
        return new DmsError({
            code,
            message: sanitize(message, secrets),
            action,
            kind: kindFor(code, httpStatus),
            requestId: pick(data, 'RequestId', 'requestId') || null,
            httpStatus
        });
    }
    const sysCode = text(err.code);
    if (name === 'RequestTimeoutError' || /RequestTimeout/.test(name) || /^(Read|Connect)Timeout/.test(rawMessage)) {
        // httpx reports the socket inactivity timeout as "ConnectTimeout" even when connected: say both.
        return new DmsError({ code: 'RequestTimeout', message: `${where || 'DMS'} sent no answer in time (connect or read timeout): ${sanitize(rawMessage.replace(/(POST|GET) https?:\/\/\S*( failed\.)?$/, ''), secrets).trim()}`, action, kind: 'timeout' });
    }
    const transport = transportError(action, sysCode, rawMessage, where, secrets);
    if (transport)
        return transport;
    if (name === 'SyntaxError') {
        // openapi-client parses error bodies as JSON without looking at the status: an HTML gateway page
        // (502/503/504) surfaces as a SyntaxError with no status. Treat as a transient gateway failure.
        return new DmsError({ code: 'InvalidResponse', message: `response body is not JSON (${sanitize(rawMessage, secrets)})`, action, kind: 'invalid_response' });
    }
    if (isMissingCredentials(name, sysCode, rawMessage)) {
        return new DmsError({
            code: 'InvalidCredentials', action, kind: 'business',
            message: 'no Alibaba Cloud credentials found — set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET ' +
                '(Action: inputs access-key-id/access-key-secret, or role-arn + oidc-provider-arn), or configure a credentials profile or an instance RAM role'
        });
    }
    const code = sysCode && sysCode !== 'undefined' ? sysCode : name || 'UnknownError';
    return new DmsError({ code, message: sanitize(rawMessage || String(e), secrets), action, kind: 'business' });
}


/***/ }),

/***/ 1475:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   HE: () => (/* binding */ approvalDetail),
/* harmony export */   IL: () => (/* binding */ databaseList),
/* harmony export */   SP: () => (/* binding */ permKinds),
/* harmony export */   _Z: () => (/* binding */ orderBaseInfo),
/* harmony export */   ef: () => (/* binding */ createOrderResult),
/* harmony export */   g: () => (/* binding */ dataCorrectOrderDetail),
/* harmony export */   j5: () => (/* binding */ tenant),
/* harmony export */   qW: () => (/* binding */ authorityTemplateList),
/* harmony export */   rX: () => (/* binding */ uploadFileJob),
/* harmony export */   rY: () => (/* binding */ orderList),
/* harmony export */   su: () => (/* binding */ permApplyOrderDetail),
/* harmony export */   yG: () => (/* binding */ authorityTemplate)
/* harmony export */ });
/* unused harmony exports field, list, str, num, id, bool, orderStatus, workflowStatus */
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
        rollbackAttachmentName: str(field(od, 'RbAttachmentName')),
        attachmentName: str(field(od, 'AttachmentName')),
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
const PERM_BITS = [[1, 'query'], [2, 'export'], [4, 'change'], [8, 'logon']];
/** PermType by name: the model documents 1 query, 2 export, 4 change, 8 logon, and sums (3 = query + export, …).
 *  [] for anything that is not such a sum. */
function permKinds(permType) {
    if (permType === null || !Number.isInteger(permType) || permType <= 0 || permType > 15)
        return [];
    return PERM_BITS.filter(([bit]) => (permType & bit) !== 0).map(([, kind]) => kind);
}
function permApplyOrderDetail(body) {
    const d = field(body, 'PermApplyOrderDetail') ?? {};
    const permType = num(field(d, 'PermType'));
    return {
        applyType: permApplyType(field(d, 'ApplyType')),
        permType,
        permKinds: permKinds(permType),
        seconds: num(field(d, 'Seconds')),
        resources: list(field(d, 'Resources'), 'Resource').map((r) => ({
            instance: record(field(r, 'InstanceInfo')),
            database: record(field(r, 'DatabaseInfo')),
            table: record(field(r, 'TableInfo')),
            column: record(field(r, 'ColumnInfo')),
            row: record(field(r, 'RowInfo')),
            rowValue: record(field(r, 'RowValueInfo'))
        }))
    };
}
function authorityTemplate(body) {
    return templateView(field(body, 'AuthorityTemplateView') ?? {}, id(field(body, 'Tid')));
}
/** ListAuthorityTemplate: `AuthorityTemplateViewList.AuthorityTemplateView[]` (SDK model), TotalCount, Tid. */
function authorityTemplateList(body) {
    const tid = id(field(body, 'Tid'));
    const templates = list(field(body, 'AuthorityTemplateViewList'), 'AuthorityTemplateView').map((v) => templateView(v, tid));
    return { totalCount: num(field(body, 'TotalCount')) ?? templates.length, templates };
}
function templateView(v, tid) {
    return {
        templateId: requireId(field(v, 'TemplateId'), 'AuthorityTemplateView.TemplateId'),
        name: str(field(v, 'Name')),
        description: str(field(v, 'Description')),
        creatorId: id(field(v, 'CreatorId')),
        createTime: str(field(v, 'CreateTime')),
        tid
    };
}
const JOB_STATUSES = ['INIT', 'PENDING', 'BE_SCHEDULED', 'RUNNING', 'SUCCESS', 'FAIL'];
/** GetUserUploadFileJob.UploadFileJobDetail. */
function uploadFileJob(body) {
    const j = field(body, 'UploadFileJobDetail') ?? {};
    const status = str(field(j, 'JobStatus')).toUpperCase();
    return {
        jobKey: str(field(j, 'JobKey')),
        status: JOB_STATUSES.includes(status) ? status : 'UNKNOWN',
        statusDesc: str(field(j, 'JobStatusDesc')),
        attachmentKey: str(field(j, 'AttachmentKey')),
        fileName: str(field(j, 'FileName')),
        fileSize: num(field(j, 'FileSize')),
        fileSource: str(field(j, 'FileSource'))
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


/***/ }),

/***/ 8249:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Ur: () => (/* binding */ CONNECTION_OPTIONS),
  T3: () => (/* binding */ CONNECTION_USAGE),
  Ng: () => (/* binding */ connect)
});

// UNUSED EXPORTS: connectionOptions

// EXTERNAL MODULE: ./node_modules/@alicloud/openapi-client/dist/client.js
var client = __webpack_require__(6500);
;// CONCATENATED MODULE: ./src/dms/cjs-interop.ts
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

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/@alicloud/credentials/dist/src/client.js
var src_client = __webpack_require__(477);
;// CONCATENATED MODULE: ./src/dms/credentials.ts
// Where the DMS client's keys come from: explicit access key (+ STS token), GitHub OIDC → RAM role, or
// the @alicloud/credentials default chain (env → OIDC env → CLI profile → profile file → ECS role → URI).
// For OIDC the token is fetched by the caller (the Action uses core.getIDToken) and written to a 0600
// file, because @alicloud/credentials only reads it from ALIBABA_CLOUD_OIDC_TOKEN_FILE.





const Credential = defaultExport(src_client);
const OIDCRoleArnCredentialsProvider = namedExport(src_client, 'OIDCRoleArnCredentialsProvider');
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
            const dir = await mkdtemp(join(input.tokenDir ?? env.RUNNER_TEMP ?? tmpdir(), 'dms-proc-gate-oidc-'));
            const tokenFile = join(dir, 'token');
            await writeFile(tokenFile, token, { mode: 0o600, flag: 'wx' });
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
                cleanup: () => rm(dir, { recursive: true, force: true })
            };
        }
    }
}
function isAccessKeyCredentials(c) {
    return typeof c.accessKeyId === 'string';
}

;// CONCATENATED MODULE: ./src/dms/endpoint.ts
// Where DMS lives: the central endpoint by default (what Alibaba's generated SDK uses: endpointRule
// "central"), a regional one from a region id, or an explicit host / URL (the emulator: http://127.0.0.1:PORT).
const DEFAULT_DMS_HOST = 'dms-enterprise.aliyuncs.com';
const REGION_RE = /^[a-z]{2,}(-[a-z0-9]+)+$/;
/** A DNS name (RFC 1123 labels) or a bracketed IPv6 address, with an optional port. */
const HOST_RE = /^(?=.{1,253}(:\d{1,5})?$)([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)(\.[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*(:\d{1,5})?$|^\[[0-9a-fA-F:.]+\](:\d{1,5})?$/;
function checkPort(host, e) {
    const m = /:(\d+)$/.exec(host);
    if (m && (Number(m[1]) < 1 || Number(m[1]) > 65535))
        throw new Error(`dms-endpoint: port out of range: ${JSON.stringify(e)}`);
}
/** Resolve `endpoint` (host, host:port, or http(s) URL) or `region`; throws naming the bad input. */
function resolveEndpoint(endpoint, region) {
    const e = endpoint?.trim();
    if (e) {
        if (/^[a-z][a-z0-9+.-]*:\/\//i.test(e)) {
            let url;
            try {
                url = new URL(e);
            }
            catch {
                throw new Error(`dms-endpoint: not a valid URL: ${JSON.stringify(e)}`);
            }
            if (url.protocol !== 'http:' && url.protocol !== 'https:')
                throw new Error(`dms-endpoint: protocol must be http or https, got ${url.protocol}`);
            if (url.pathname !== '/' && url.pathname !== '')
                throw new Error(`dms-endpoint: must not have a path (got ${url.pathname})`);
            if (url.search || url.hash || url.username || url.password)
                throw new Error('dms-endpoint: must not have a query, fragment or credentials');
            return { protocol: url.protocol === 'http:' ? 'http' : 'https', host: url.host };
        }
        if (!HOST_RE.test(e))
            throw new Error(`dms-endpoint: not a host name or URL: ${JSON.stringify(e)}`);
        checkPort(e, e);
        return { protocol: 'https', host: e };
    }
    const r = region?.trim();
    if (r) {
        if (!REGION_RE.test(r))
            throw new Error(`dms-region: not a region id (like cn-hangzhou): ${JSON.stringify(r)}`);
        return { protocol: 'https', host: `dms-enterprise.${r}.aliyuncs.com` };
    }
    return { protocol: 'https', host: DEFAULT_DMS_HOST };
}

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
const OpenApiClient = defaultExport(client);
const Config = namedExport(client, 'Config');
const Params = namedExport(client, 'Params');
const OpenApiRequest = namedExport(client, 'OpenApiRequest');
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
    const endpoint = resolveEndpoint(options.endpoint, options.region);
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
    if (isAccessKeyCredentials(creds)) {
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

;// CONCATENATED MODULE: ./src/dms/sdk-warnings.ts
// The Alibaba Cloud SDK under the DMS client (@alicloud/tea-typescript, httpx) calls url.parse(), which Node 24 —
// the Action's runtime — reports on stderr as DEP0169 on the first DMS call of every run, in every user's job log.
// The SDK only parses URLs it builds itself from the endpoint, and we cannot change its code, so that one warning
// is dropped; every other warning still prints.
let installed = false;
/** Drops Node's DEP0169 (`url.parse()`) warning for the rest of the process; idempotent. */
function silenceSdkUrlParseWarning() {
    if (installed)
        return;
    installed = true;
    const emit = process.emitWarning.bind(process);
    process.emitWarning = ((warning, ...rest) => {
        const options = rest[0];
        const code = typeof options === 'object' && options !== null ? options.code : rest[1];
        if (code === 'DEP0169')
            return;
        emit(warning, ...rest);
    });
}

;// CONCATENATED MODULE: ./src/perm/dms-connection.ts
// CLI → DMS client options, shared by `status` and `template`. Secrets come from the environment only:
// argv is visible to every user of the machine (ps, /proc) and lands in shell history.



/** parseArgs option definitions for the connection flags. */
const CONNECTION_OPTIONS = {
    endpoint: { type: 'string' },
    region: { type: 'string' },
    tid: { type: 'string' },
    'access-key-id': { type: 'string' },
    // Declared only to refuse it with a clear message instead of "unknown option".
    'access-key-secret': { type: 'string' }
};
const CONNECTION_USAGE = `connection:
  --endpoint <url|host>   DMS endpoint (default dms-enterprise.aliyuncs.com; the emulator: http://127.0.0.1:<port>)
  --region <id>           use dms-enterprise.<region>.aliyuncs.com
  --tid <n>               DMS tenant id
  --access-key-id <id>    access key id (default $ALIBABA_CLOUD_ACCESS_KEY_ID)
credentials: the secret is read from $ALIBABA_CLOUD_ACCESS_KEY_SECRET (never from the command line), with
  $ALIBABA_CLOUD_SECURITY_TOKEN for STS; with no access key at all the Alibaba Cloud default credential chain
  (profile, OIDC, instance role) is used.
`;
function connectionOptions(flags, env = process.env) {
    if (flags['access-key-secret'] !== undefined) {
        return { ok: false, message: '--access-key-secret is not accepted: a secret on the command line leaks (ps, shell history); set ALIBABA_CLOUD_ACCESS_KEY_SECRET' };
    }
    let tid;
    if (flags.tid !== undefined) {
        if (!/^[1-9][0-9]{0,14}$/.test(flags.tid))
            return { ok: false, message: `--tid must be a positive integer, got ${JSON.stringify(flags.tid)}` };
        tid = Number(flags.tid);
    }
    const keyId = flags['access-key-id'] ?? env.ALIBABA_CLOUD_ACCESS_KEY_ID ?? '';
    const secret = env.ALIBABA_CLOUD_ACCESS_KEY_SECRET ?? '';
    const token = env.ALIBABA_CLOUD_SECURITY_TOKEN ?? '';
    if (flags['access-key-id'] === '')
        return { ok: false, message: '--access-key-id must not be empty' };
    if (keyId !== '' && secret === '') {
        return { ok: false, message: `an access key id is given (${flags['access-key-id'] !== undefined ? '--access-key-id' : 'ALIBABA_CLOUD_ACCESS_KEY_ID'}) but ALIBABA_CLOUD_ACCESS_KEY_SECRET is not set` };
    }
    if (keyId === '' && secret !== '')
        return { ok: false, message: 'ALIBABA_CLOUD_ACCESS_KEY_SECRET is set but no access key id (--access-key-id or ALIBABA_CLOUD_ACCESS_KEY_ID)' };
    const options = {
        credentials: keyId !== '' ? { accessKeyId: keyId, accessKeySecret: secret, ...(token ? { securityToken: token } : {}) } : defaultChain()
    };
    if (flags.endpoint !== undefined)
        options.endpoint = flags.endpoint;
    if (flags.region !== undefined)
        options.region = flags.region;
    if (tid !== undefined)
        options.tid = tid;
    return { ok: true, options };
}
/** Builds the client; endpoint errors (bad URL) surface as a usage message. */
function connect(flags, env = process.env) {
    const r = connectionOptions(flags, env);
    if (!r.ok)
        return r;
    try {
        silenceSdkUrlParseWarning();
        return { ok: true, client: createDmsClient(r.options), ...(r.options.tid !== undefined ? { tid: r.options.tid } : {}) };
    }
    catch (e) {
        return { ok: false, message: e.message };
    }
}


/***/ })

};
