export const id = 591;
export const ids = [591];
export const modules = {

/***/ 6591:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  parseDatabaseFlag: () => (/* binding */ parseDatabaseFlag),
  parseEmulatorArgs: () => (/* binding */ parseEmulatorArgs),
  parseUserFlag: () => (/* binding */ parseUserFlag),
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: ./src/sql/lexer.ts + 9 modules
var lexer = __webpack_require__(8005);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/emulator/errors.ts
// The two kinds of failure the emulator answers, shaped like the real endpoint's:
// - gateway errors (signature, throttling, 5xx): HTTP 4xx/5xx, body {RequestId, HostId, Code, Message, Recommend};
// - DMS business errors: HTTP 200 (by default) with {RequestId, Success:false, ErrorCode, ErrorMessage}.
class GatewayError extends Error {
    status;
    code;
    constructor(status, code, message) {
        super(message);
        this.status = status;
        this.code = code;
    }
}
/** Codes the gateway uses, with their HTTP status and Alibaba's wording. */
const gateway = {
    signatureMismatch: (stringToSign) => new GatewayError(400, 'SignatureDoesNotMatch', `Specified signature does not match our calculation. server string to sign is:${stringToSign}`),
    incomplete: (why) => new GatewayError(400, 'IncompleteSignature', `The request signature does not conform to Aliyun standards. ${why}`),
    unknownKey: () => new GatewayError(404, 'InvalidAccessKeyId.NotFound', 'Specified access key is not found.'),
    nonceUsed: () => new GatewayError(400, 'SignatureNonceUsed', 'Specified signature nonce was used already.'),
    expired: (given) => new GatewayError(400, 'InvalidTimeStamp.Expired', `Specified time stamp or date value is expired. (${given})`),
    badTimestamp: (given) => new GatewayError(400, 'InvalidTimeStamp.Format', `Specified time stamp or date value is not well formatted. (${given})`),
    missing: (name) => new GatewayError(400, 'MissingParameter', `The input parameter "${name}" that is mandatory for processing this request is not supplied.`),
    tokenMismatch: () => new GatewayError(400, 'InvalidSecurityToken.MismatchWithAccessKey', 'Specified SecurityToken mismatch with the AccessKey.'),
    tokenMissing: () => new GatewayError(400, 'InvalidSecurityToken.Malformed', 'Specified SecurityToken is malformed or missing for this AccessKey.'),
    unknownAction: (action) => new GatewayError(404, 'InvalidAction.NotFound', `Specified api is not found, please check your url and method. (${action})`),
    badVersion: (version) => new GatewayError(400, 'InvalidVersion', `Specified parameter Version is not valid. (${version})`),
    badMethod: (m) => new GatewayError(400, 'UnsupportedSignatureMethod', `Specified signature method is not supported. (${m})`),
    badHttpMethod: (m) => new GatewayError(400, 'UnsupportedHTTPMethod', `This http method is not supported. (${m})`),
    badEncoding: () => new GatewayError(400, 'InvalidParameter.Encoding', 'A request parameter is not correctly percent-encoded.'),
    throttled: (status) => new GatewayError(status, 'Throttling.User', 'Request was denied due to user flow control.'),
    unavailable: () => new GatewayError(503, 'ServiceUnavailable', 'The request has failed due to a temporary failure of the server.')
};
/** DMS's documented HTTP statuses for its public error codes (used when businessErrorStatus is 'documented'). */
const DOCUMENTED_STATUS = { NoPermission: 403, TenantNotExist: 404, UnknownError: 500 };
class BusinessError extends Error {
    code;
    constructor(code, message) {
        super(message);
        this.code = code;
    }
    get documentedStatus() {
        return DOCUMENTED_STATUS[this.code] ?? 400;
    }
}
const business = {
    missing: (name) => new BusinessError(`Missing${name}`, `${name} is mandatory for this action.`),
    invalid: (message) => new BusinessError('InvalidParam', message),
    noOrder: (id) => new BusinessError('OrderNotExist', `The ticket ${id} does not exist.`),
    status: (message) => new BusinessError('InvalidStatus', message),
    noTenant: () => new BusinessError('TenantNotExist', 'The specified tenant does not exist.'),
    noPermission: (what) => new BusinessError('NoPermission', `You have no permission to ${what}.`)
};

;// CONCATENATED MODULE: ./src/emulator/tickets.ts
class TransitionError extends Error {
}
/** States in which a ticket can still move (CloseOrder and cancel apply). */
const OPEN_STATUSES = ['new', 'toaudit', 'approved'];
const FINISHED_STATUSES = (/* unused pure expression or super */ null && (['reject', 'cancel', 'success', 'fail', 'closed']));
/** Applies what time alone decides: a finished precheck, a finished execution. Returns true when it changed. */
function advance(order, now) {
    const p = order.proc;
    if (!p)
        return false;
    let changed = false;
    if (p.precheck === 'running' && now >= p.precheckDoneAt && p.precheckOutcome) {
        p.precheck = p.precheckOutcome.ok ? 'success' : 'failed';
        order.modifiedAt = Math.max(order.modifiedAt, p.precheckDoneAt);
        changed = true;
    }
    if (order.status === 'processing' && p.executionDoneAt !== undefined && now >= p.executionDoneAt) {
        order.status = 'success';
        order.modifiedAt = Math.max(order.modifiedAt, p.executionDoneAt);
        changed = true;
    }
    return changed;
}
/** A new ticket with its precheck running; whoever decides the precheck sets proc.precheckOutcome. */
function createProcOrder(data, o, precheckDelayMs, now) {
    const { comment, committerId, relatedUserIds, attachmentKey, ...proc } = o;
    const order = {
        id: data.nextOrderId++, pluginType: 'DC_PROC', status: 'new', comment, committerId, relatedUserIds,
        createdAt: now, modifiedAt: now, attachmentKey,
        proc: { ...proc, precheck: 'running', precheckDoneAt: now + precheckDelayMs }
    };
    data.orders.push(order);
    return order;
}
/** A permission application, submitted for approval at once (as the console does). */
function createPermOrder(data, o, nodes, now) {
    const { comment, committerId, ...perm } = o;
    const order = {
        id: data.nextOrderId++, pluginType: 'PERM_APPLY', status: 'toaudit', comment, committerId, relatedUserIds: [],
        createdAt: now, modifiedAt: now, perm
    };
    order.workflow = newWorkflow(data, committerId, nodes, now);
    data.orders.push(order);
    return order;
}
function newWorkflow(data, committerId, nodes, now) {
    return {
        id: data.nextWorkflowId++,
        createdAt: now,
        nodes: [
            { name: 'Submit', userIds: [committerId], code: 'START', operatorId: committerId, time: now },
            ...nodes.map((n, i) => ({ name: n.name, userIds: [...n.userIds], code: i === 0 ? 'AUDITING' : 'WAITING' }))
        ]
    };
}
/** SubmitOrderApproval: only after the precheck passed, only once. */
function tickets_submit(data, order, nodes, now) {
    const p = order.proc;
    if (order.status !== 'new' || !p)
        throw new TransitionError(`The ticket ${order.id} cannot be submitted in status ${order.status}.`);
    if (p.precheck === 'running')
        throw new TransitionError(`The ticket ${order.id} has not finished its precheck yet.`);
    if (p.precheck === 'failed')
        throw new TransitionError(`The ticket ${order.id} failed its precheck and cannot be submitted.`);
    order.workflow = newWorkflow(data, order.committerId, nodes, now);
    order.status = 'toaudit';
    order.modifiedAt = now;
}
function currentNode(order) {
    return order.workflow?.nodes.find((n) => n.code === 'AUDITING');
}
/** Users who may act on the ticket's current approval node. */
function currentHandlers(order) {
    return order.status === 'toaudit' ? currentNode(order)?.userIds ?? [] : [];
}
/** Approves the current node as `approverId` (default: its first handler); the last node approves the ticket. */
function approve(order, approverId, comment, executeDelayMs, now) {
    const node = currentNode(order);
    if (order.status !== 'toaudit' || !node || !order.workflow) {
        throw new TransitionError(`The ticket ${order.id} is not awaiting approval (status ${order.status}).`);
    }
    const who = approverId ?? node.userIds[0];
    if (!node.userIds.includes(who))
        throw new TransitionError(`User ${who} is not an approver of node '${node.name}'.`);
    Object.assign(node, { code: 'APPROVED', operatorId: who, comment, time: now });
    order.modifiedAt = now;
    const next = order.workflow.nodes.find((n) => n.code === 'WAITING');
    if (next) {
        next.code = 'AUDITING';
        return;
    }
    order.status = 'approved';
    if (order.proc?.execMode === 'AUTO')
        startExecution(order, executeDelayMs, now);
}
function reject(order, approverId, comment, now) {
    const node = currentNode(order);
    if (order.status !== 'toaudit' || !node) {
        throw new TransitionError(`The ticket ${order.id} is not awaiting approval (status ${order.status}).`);
    }
    const who = approverId ?? node.userIds[0];
    if (!node.userIds.includes(who))
        throw new TransitionError(`User ${who} is not an approver of node '${node.name}'.`);
    Object.assign(node, { code: 'REJECT', operatorId: who, comment, time: now });
    order.status = 'reject';
    order.modifiedAt = now;
}
/** The submitter withdraws the ticket. */
function cancel(order, comment, now) {
    if (!OPEN_STATUSES.includes(order.status))
        throw new TransitionError(`The ticket ${order.id} is already finished (${order.status}).`);
    const node = currentNode(order);
    if (node)
        Object.assign(node, { code: 'CANCEL', operatorId: order.committerId, comment, time: now });
    order.status = 'cancel';
    order.modifiedAt = now;
}
function tickets_close(order, reason, now) {
    if (!OPEN_STATUSES.includes(order.status))
        throw new TransitionError(`The ticket ${order.id} is already finished (${order.status}) and cannot be closed.`);
    const node = currentNode(order);
    if (node)
        Object.assign(node, { code: 'CANCEL', operatorId: order.committerId, comment: reason, time: now });
    order.status = 'closed';
    order.closeReason = reason;
    order.modifiedAt = now;
}
/** ExecuteDataCorrect on an approved COMMITOR / LAST_AUDITOR ticket. */
function execute(order, executeDelayMs, now) {
    if (!order.proc)
        throw new TransitionError(`The ticket ${order.id} is not a change ticket.`);
    if (order.status !== 'approved')
        throw new TransitionError(`The ticket ${order.id} cannot be executed in status ${order.status}.`);
    startExecution(order, executeDelayMs, now);
}
/** Control API: the execution failed (status `fail`, as ListOrders reports it). */
function failExecution(order, now) {
    if (order.status !== 'processing' && order.status !== 'approved') {
        throw new TransitionError(`The ticket ${order.id} is not executing or approved (status ${order.status}).`);
    }
    order.status = 'fail';
    order.modifiedAt = now;
    if (order.proc)
        order.proc.executionDoneAt = undefined;
}
function startExecution(order, executeDelayMs, now) {
    order.status = 'processing';
    order.modifiedAt = now;
    if (order.proc)
        order.proc.executionDoneAt = now + executeDelayMs;
    advance(order, now);
}
/** Workflow-level code of GetApprovalDetail. */
function workflowCode(order) {
    if (order.status === 'toaudit')
        return 'AUDITING';
    if (order.status === 'reject')
        return 'REJECT';
    if (order.status === 'cancel' || order.status === 'closed')
        return 'CANCEL';
    return 'APPROVED';
}

;// CONCATENATED MODULE: ./src/emulator/scopes.ts
// ListOrders `OrderResultType`: which tickets a caller sees. Follows the ListOrders doc (help.aliyun.com
// "ListOrders - 获取工单列表信息", document_detail/144643): absent = AS_COMMITTER ("我发起的工单"); AS_ADMIN =
// the ticket dashboard and "需要角色是管理员" (needs the admin role); AS_HANDLER = waiting for me; AS_OWNER =
// processed by me; AS_Related = related to me. What AS_ADMIN does for a caller without the role is not documented:
// `asAdminWithoutRole` chooses (docs/dms-api.md, ListOrders).


const ORDER_RESULT_TYPES = ['AS_ADMIN', 'AS_COMMITTER', 'AS_HANDLER', 'AS_OWNER', 'AS_Related'];
/** The scope the request gets: the documented default, and AS_ADMIN only for admins. */
function effectiveScope(requested, caller, withoutRole) {
    if (requested === undefined)
        return 'AS_COMMITTER';
    if (requested === 'AS_ADMIN' && caller.role !== 'admin') {
        if (withoutRole === 'refuse')
            throw business.noPermission('list all tickets (OrderResultType AS_ADMIN needs the DMS administrator role)');
        return 'AS_COMMITTER';
    }
    return requested;
}
/** The user who must act next on an approved ticket that waits for ExecuteDataCorrect (CreateProcCorrectOrder doc, ExecMode). */
function executor(order) {
    if (order.status !== 'approved' || !order.proc)
        return undefined;
    if (order.proc.execMode === 'COMMITOR')
        return order.committerId;
    if (order.proc.execMode === 'LAST_AUDITOR')
        return lastApprover(order);
    return undefined;
}
/** Who approved the last approval node (the "last auditor"). */
function lastApprover(order) {
    const nodes = order.workflow?.nodes ?? [];
    const last = nodes[nodes.length - 1];
    return last && last.code === 'APPROVED' && nodes.length > 1 ? last.operatorId : undefined;
}
/** Whether `order` is in `scope` for the user `me`. */
function inScope(order, scope, me) {
    switch (scope) {
        case 'AS_ADMIN':
            return true;
        case 'AS_COMMITTER':
            return order.committerId === me;
        case 'AS_HANDLER':
            // Waiting for me: my approval node, or (our reading) my execution of an approved ticket.
            return currentHandlers(order).includes(me) || executor(order) === me;
        case 'AS_OWNER':
            // Processed by me: an approval node I approved or rejected (the submit node is not processing).
            return (order.workflow?.nodes ?? []).some((n, i) => i > 0 && n.operatorId === me && (n.code === 'APPROVED' || n.code === 'REJECT'));
        case 'AS_Related':
            return order.relatedUserIds.includes(me);
    }
}

;// CONCATENATED MODULE: ./src/emulator/actions.ts
// DMS actions: validate the request parameters, apply the ticket transitions, and answer the documented
// response shapes (docs/dms-api.md, Response shapes: wrapped arrays, mixed-case statuses, DatabaseId as a string).
// Pure over the state: the server passes the state, the caller's key and the time.




// ---------------------------------------------------------------- formatting
/** DMS prints times as Beijing local time without a zone: `2021-10-29 14:17:25`. */
function dmsTime(ms) {
    return new Date(ms + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
}
function parseDmsTime(name, v) {
    if (!/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(v))
        throw business.invalid(`${name} must look like 2022-04-09 11:00:00.`);
    return Date.parse(v.replace(' ', 'T') + '+08:00');
}
const BASE_STATUS = {
    new: 'new', toaudit: 'toaudit', approved: 'Approved', reject: 'reject', cancel: 'cancel',
    processing: 'processing', success: 'success', fail: 'fail', closed: 'closed'
};
const STATUS_DESC = {
    new: 'Waiting for submission', toaudit: 'Pending approval', approved: 'Approved, waiting for execution',
    reject: 'Rejected', cancel: 'Canceled', processing: 'Executing', success: 'Executed successfully',
    fail: 'Execution failed', closed: 'Closed'
};
function detailStatus(o) {
    if (o.status === 'new' && o.proc) {
        return o.proc.precheck === 'running' ? 'precheck' : o.proc.precheck === 'failed' ? 'precheckFailed' : 'precheck_success';
    }
    // GetDataCorrectOrderDetail model: Approved = "the ticket is approved"; waiting = "the task is submitted and
    // waits to be scheduled", i.e. after an execution was asked for, which the emulator starts at once.
    if (o.status === 'approved')
        return 'Approved';
    if (o.status === 'success')
        return 'Success';
    return o.status;
}
function nick(ctx, id) {
    return ctx.config.users.find((u) => u.id === id)?.nick ?? `user${id}`;
}
// ---------------------------------------------------------------- parameters
function required(p, name) {
    const v = p[name];
    if (v === undefined || v === '')
        throw business.missing(name);
    return v;
}
function actions_int(p, name) {
    const v = p[name];
    if (v === undefined || v === '')
        return undefined;
    if (!/^-?\d+$/.test(v.trim()))
        throw business.invalid(`${name} must be an integer, got '${v.slice(0, 40)}'.`);
    return Number(v.trim());
}
function requiredInt(p, name) {
    required(p, name);
    return actions_int(p, name);
}
function json(p, name) {
    const v = p[name];
    if (v === undefined || v === '')
        return undefined;
    try {
        return JSON.parse(v);
    }
    catch {
        throw business.invalid(`${name} is not valid JSON.`);
    }
}
function oneOf(name, v, allowed) {
    if (typeof v !== 'string' || !allowed.includes(v))
        throw business.invalid(`${name} must be one of ${allowed.join(', ')}.`);
    return v;
}
/** Tid is optional; when given it must name this emulator's tenant. */
function checkTenant(ctx, p) {
    const tid = actions_int(p, 'Tid');
    if (tid !== undefined && tid !== ctx.config.tid)
        throw business.noTenant();
}
function findOrder(ctx, p) {
    const id = requiredInt(p, 'OrderId');
    const order = ctx.data.orders.find((o) => o.id === id);
    if (!order)
        throw business.noOrder(id);
    if (advance(order, ctx.now))
        ctx.changed();
    return order;
}
function transition(ctx, apply) {
    try {
        apply();
    }
    catch (e) {
        if (e instanceof TransitionError)
            throw business.status(e.message);
        throw e;
    }
    ctx.changed();
}
// ---------------------------------------------------------------- actions
const createProcCorrectOrder = (ctx, p) => {
    checkTenant(ctx, p);
    const comment = required(p, 'Comment');
    required(p, 'Param');
    const param = json(p, 'Param');
    if (typeof param !== 'object' || param === null || Array.isArray(param))
        throw business.invalid('Param must be a JSON object.');
    const q = param;
    if (!Array.isArray(q.DbItemList) || q.DbItemList.length === 0)
        throw business.invalid('Param.DbItemList is mandatory for this action.');
    const dbItems = q.DbItemList.map((item, i) => {
        const it = (item ?? {});
        const dbId = typeof it.DbId === 'string' && /^\d+$/.test(it.DbId) ? Number(it.DbId) : it.DbId;
        if (typeof dbId !== 'number' || !Number.isInteger(dbId))
            throw business.invalid(`Param.DbItemList[${i}].DbId must be a number.`);
        if (typeof it.Logic !== 'boolean')
            throw business.invalid(`Param.DbItemList[${i}].Logic must be a boolean.`);
        // A DbId names a physical or a logical database; Logic says which (CreateProcCorrectOrder doc, DbItemList).
        if (!ctx.config.databases.some((d) => d.id === dbId && (d.logic === true) === it.Logic)) {
            throw business.invalid(`${it.Logic ? 'Logical database' : 'Database'} ${dbId} does not exist or you have no permission on it.`);
        }
        return { dbId, logic: it.Logic };
    });
    if (typeof q.ExecSQL !== 'string' || q.ExecSQL === '')
        throw business.invalid('Param.ExecSQL is mandatory for this action.');
    const execMode = q.ExecMode === undefined || q.ExecMode === '' ? 'COMMITOR'
        : oneOf('Param.ExecMode', q.ExecMode, ['COMMITOR', 'AUTO', 'LAST_AUDITOR']);
    const rollbackSql = q.RollbackSQL === undefined ? '' : q.RollbackSQL;
    if (typeof rollbackSql !== 'string')
        throw business.invalid('Param.RollbackSQL must be a string.');
    const rollbackSqlType = q.RollbackSqlType === undefined || q.RollbackSqlType === '' ? 'TEXT'
        : oneOf('Param.RollbackSqlType', q.RollbackSqlType, ['TEXT', 'ATTACHMENT']);
    if (rollbackSqlType === 'TEXT' && q.RollbackSqlType !== undefined && rollbackSql === '') {
        throw business.invalid('Param.RollbackSQL is mandatory when RollbackSqlType is TEXT.');
    }
    let rollbackAttachmentName;
    if (rollbackSqlType === 'ATTACHMENT') {
        if (typeof q.RollbackAttachmentName !== 'string' || q.RollbackAttachmentName === '') {
            throw business.invalid('Param.RollbackAttachmentName is mandatory when RollbackSqlType is ATTACHMENT.');
        }
        // An AttachmentKey from GetUserUploadFileJob (CreateProcCorrectOrder doc).
        if (ctx.data.attachments[q.RollbackAttachmentName] === undefined) {
            throw business.invalid(`The attachment ${q.RollbackAttachmentName} does not exist; upload it with CreateUploadFileJob first.`);
        }
        rollbackAttachmentName = q.RollbackAttachmentName;
    }
    const related = json(p, 'RelatedUserList') ?? [];
    if (!Array.isArray(related) || !related.every((u) => Number.isInteger(Number(u)))) {
        throw business.invalid('RelatedUserList must be a JSON array of user ids.');
    }
    const order = createProcOrder(ctx.data, {
        comment, committerId: ctx.caller.userId, relatedUserIds: related.map(Number), attachmentKey: p.AttachmentKey || undefined,
        execSql: q.ExecSQL, rollbackSql: rollbackAttachmentName ? '' : rollbackSql, rollbackSqlType,
        ...(rollbackAttachmentName ? { rollbackAttachmentName } : {}),
        classify: typeof q.Classify === 'string' ? q.Classify : '', execMode, dbItems
    }, ctx.config.precheckDelayMs, ctx.now);
    ctx.precheck(order);
    advance(order, ctx.now);
    ctx.changed();
    return { CreateOrderResult: [order.id] };
};
/** Acting on a ticket (submit, close) is for its committer and DMS admins; other users are refused. The docs do
 *  not say who may, so the emulator takes the strict reading and the client never acts on others' tickets. */
function mustOwn(ctx, order, what) {
    if (ctx.caller.userId !== order.committerId && ctx.caller.role !== 'admin') {
        throw business.noPermission(`${what} ticket ${order.id}: it was submitted by user ${order.committerId}, not by you (${ctx.caller.userId})`);
    }
}
const submitOrderApproval = (ctx, p) => {
    checkTenant(ctx, p);
    const order = findOrder(ctx, p);
    mustOwn(ctx, order, 'submit');
    transition(ctx, () => tickets_submit(ctx.data, order, ctx.config.approvalNodes, ctx.now));
    return {};
};
const getOrderBaseInfo = (ctx, p) => {
    checkTenant(ctx, p);
    const o = findOrder(ctx, p);
    return {
        OrderBaseInfo: {
            AttachmentKey: o.attachmentKey ?? '',
            Comment: o.comment,
            Committer: nick(ctx, o.committerId),
            CommitterId: o.committerId,
            CreateTime: dmsTime(o.createdAt),
            LastModifyTime: dmsTime(o.modifiedAt),
            OrderId: o.id,
            OriginAttachmentName: '',
            PluginType: o.pluginType,
            RelatedUserList: { UserIds: o.relatedUserIds.map(String) },
            RelatedUserNickList: { UserNicks: o.relatedUserIds.map((u) => nick(ctx, u)) },
            StatusCode: BASE_STATUS[o.status],
            StatusDesc: STATUS_DESC[o.status],
            // Absent until the ticket is submitted for approval, like a null Long in DMS's JSON.
            ...(o.workflow ? { WorkflowInstanceId: o.workflow.id } : {}),
            WorkflowStatusDesc: o.workflow ? STATUS_DESC[o.status] : ''
        }
    };
};
const getApprovalDetail = (ctx, p) => {
    checkTenant(ctx, p);
    const id = requiredInt(p, 'WorkflowInstanceId');
    const o = ctx.data.orders.find((x) => x.workflow?.id === id);
    if (!o || !o.workflow)
        throw business.invalid(`The workflow instance ${id} does not exist.`);
    if (advance(o, ctx.now))
        ctx.changed();
    const handlers = currentHandlers(o);
    return {
        ApprovalDetail: {
            AuditId: o.workflow.id,
            CreateTime: dmsTime(o.workflow.createdAt),
            CurrentHandlers: { CurrentHandler: handlers.map((h) => ({ Id: h, NickName: nick(ctx, h) })) },
            Description: `<p>${o.pluginType === 'DC_PROC' ? 'Programmable object change' : 'Permission application'}: ${escapeHtml(o.comment)}</p>`,
            OrderId: o.id,
            OrderType: o.pluginType === 'DC_PROC' ? 'DATA_CORRECT' : 'PERM_APPLY',
            ReasonList: { Reasons: o.pluginType === 'DC_PROC' ? ['Programmable object change needs DBA approval'] : [] },
            TemplateId: 1,
            ThirdpartyWorkflowComment: '',
            ThirdpartyWorkflowUrl: '',
            Title: o.comment,
            WorkflowInsCode: workflowCode(o),
            WorkflowNodes: {
                WorkflowNode: o.workflow.nodes.map((n) => ({
                    AuditUserIdList: { AuditUserIds: n.userIds.map(String) },
                    NodeName: n.name,
                    ...(n.comment !== undefined ? { OperateComment: n.comment } : {}),
                    ...(n.time !== undefined ? { OperateTime: dmsTime(n.time) } : {}),
                    ...(n.operatorId !== undefined ? { OperatorId: n.operatorId } : {}),
                    WorkflowInsCode: n.code
                }))
            }
        }
    };
};
function escapeHtml(s) {
    return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
}
const getDataCorrectOrderDetail = (ctx, p) => {
    checkTenant(ctx, p);
    const o = findOrder(ctx, p);
    if (!o.proc)
        throw business.invalid(`The ticket ${o.id} is not a data change ticket.`);
    const pr = o.proc;
    const tasks = pr.precheck === 'running' || !pr.precheckOutcome
        ? CHECK_STEPS.map((step, i) => ({ step, status: i === 0 ? 'RUNNING' : 'WAITING', userTip: '' }))
        : pr.precheckOutcome.tasks;
    return {
        DataCorrectOrderDetail: {
            DatabaseList: {
                Database: pr.dbItems.map((it) => {
                    const db = ctx.config.databases.find((d) => d.id === it.dbId);
                    return { DbId: it.dbId, DbType: db?.dbType ?? 'mysql', EnvType: db?.envType ?? 'dev', Logic: it.logic,
                        SearchName: db ? `${db.schema}@${db.host}:${db.port}` : '' };
                })
            },
            ExecMode: pr.execMode,
            OrderDetail: {
                ActualAffectRows: 0, AttachmentName: o.attachmentKey ?? '', Classify: pr.classify, EstimateAffectRows: 0, ExeSQL: pr.execSql,
                IgnoreAffectRows: false, IgnoreAffectRowsReason: '', RbAttachmentName: pr.rollbackAttachmentName ?? '', RbSQL: pr.rollbackSql,
                RbSQLType: pr.rollbackSqlType, SqlType: 'TEXT'
            },
            PreCheckDetail: {
                TaskCheckDO: tasks.map((t) => ({ CheckStatus: t.status, CheckStep: t.step, UserTip: t.userTip }))
            },
            Status: detailStatus(o)
        }
    };
};
const CHECK_STEPS = ['SQL_PARSE', 'SQL_TYPE_CHECK', 'PERMISSION_CHECK', 'ROW_CHECK'];
const RUNNING = ['new', 'toaudit', 'approved', 'processing'];
const listOrders = (ctx, p) => {
    checkTenant(ctx, p);
    const pageNumber = actions_int(p, 'PageNumber') ?? 1;
    const requestedSize = actions_int(p, 'PageSize') ?? 20;
    if (pageNumber < 1)
        throw business.invalid('PageNumber must be at least 1.');
    if (requestedSize < 1)
        throw business.invalid('PageSize must be at least 1.');
    // The docs give no maximum page size; a larger request is cut to the configured one, silently.
    const pageSize = Math.min(requestedSize, ctx.config.listOrdersMaxPageSize);
    const status = p.OrderStatus ? oneOf('OrderStatus', p.OrderStatus, ['ALL', 'FINISHED', 'RUNNING']) : 'ALL';
    const requested = p.OrderResultType ? oneOf('OrderResultType', p.OrderResultType, ORDER_RESULT_TYPES) : undefined;
    const scope = effectiveScope(requested, ctx.caller, ctx.config.asAdminWithoutRole);
    const dateType = p.SearchDateType ? oneOf('SearchDateType', p.SearchDateType, ['CREATE_TIME', 'MODIFY_TIME']) : 'CREATE_TIME';
    const start = p.StartTime ? parseDmsTime('StartTime', p.StartTime) : undefined;
    const end = p.EndTime ? parseDmsTime('EndTime', p.EndTime) : undefined;
    const keyword = (p.SearchContent ?? '').toLowerCase();
    const plugin = p.PluginType ?? '';
    const me = ctx.caller.userId;
    for (const o of ctx.data.orders)
        if (advance(o, ctx.now))
            ctx.changed();
    const matching = ctx.data.orders.filter((o) => {
        if (plugin && plugin.toUpperCase() !== o.pluginType)
            return false;
        if (status === 'RUNNING' && !RUNNING.includes(o.status))
            return false;
        if (status === 'FINISHED' && RUNNING.includes(o.status))
            return false;
        if (keyword && !searchMatches(ctx, o, keyword))
            return false;
        if (!inScope(o, scope, me))
            return false;
        const t = dateType === 'CREATE_TIME' ? o.createdAt : o.modifiedAt;
        if (start !== undefined && t < start)
            return false;
        if (end !== undefined && t > end)
            return false;
        return true;
    }).sort((a, b) => b.id - a.id);
    const page = matching.slice((pageNumber - 1) * pageSize, pageNumber * pageSize);
    return {
        TotalCount: matching.length,
        Orders: {
            Order: page.map((o) => ({
                Comment: o.comment, Committer: nick(ctx, o.committerId), CommitterId: o.committerId, CreateTime: dmsTime(o.createdAt),
                LastModifyTime: dmsTime(o.modifiedAt), OrderId: o.id, PluginType: o.pluginType, StatusCode: o.status,
                StatusDesc: STATUS_DESC[o.status]
            }))
        }
    };
};
/** SearchContent is documented only as "the keyword" (ListOrders doc): 'comment' matches the comment or the ticket
 *  id, 'none' matches nothing, so nothing in the client may depend on it. */
function searchMatches(ctx, o, keyword) {
    if (ctx.config.searchContent === 'none')
        return false;
    return o.comment.toLowerCase().includes(keyword) || String(o.id) === keyword;
}
const closeOrder = (ctx, p) => {
    checkTenant(ctx, p);
    const reason = required(p, 'CloseReason');
    const order = findOrder(ctx, p);
    mustOwn(ctx, order, 'close');
    transition(ctx, () => tickets_close(order, reason, ctx.now));
    return {};
};
const executeDataCorrect = (ctx, p) => {
    checkTenant(ctx, p);
    const order = findOrder(ctx, p);
    const detail = json(p, 'ActionDetail');
    if (detail !== undefined && (typeof detail !== 'object' || detail === null || Array.isArray(detail))) {
        throw business.invalid('ActionDetail must be a JSON object.');
    }
    // CreateProcCorrectOrder doc, ExecMode: COMMITOR = the submitter executes after approval, LAST_AUDITOR = the last
    // approver executes, AUTO = DMS executes on approval (so an approved AUTO ticket is already processing).
    if (order.proc && order.status === 'approved') {
        const who = executor(order);
        if (who !== ctx.caller.userId) {
            throw business.noPermission(order.proc.execMode === 'LAST_AUDITOR'
                ? `execute ticket ${order.id}: its ExecMode is LAST_AUDITOR, so only its last approver (user ${who}) executes it`
                : `execute ticket ${order.id}: its ExecMode is COMMITOR, so only its submitter (user ${who}) executes it`);
        }
    }
    transition(ctx, () => execute(order, ctx.config.executeDelayMs, ctx.now));
    return {};
};
const searchDatabase = (ctx, p) => {
    checkTenant(ctx, p);
    const pageNumber = actions_int(p, 'PageNumber') ?? 1;
    const pageSize = actions_int(p, 'PageSize') ?? 20;
    if (pageNumber < 1)
        throw business.invalid('PageNumber must be at least 1.');
    if (pageSize < 1 || pageSize > 100)
        throw business.invalid('PageSize must be between 1 and 100.');
    if (p.SearchTarget)
        oneOf('SearchTarget', p.SearchTarget, ['DB', 'SINGLE_DB', 'LOGIC_DB']);
    const key = (p.SearchKey ?? '').toLowerCase();
    const matching = ctx.config.databases.filter((d) => (!key || d.schema.toLowerCase().includes(key)) &&
        (!p.DbType || p.DbType.toLowerCase() === d.dbType.toLowerCase()) &&
        (!p.EnvType || p.EnvType === d.envType) &&
        (p.SearchTarget !== 'LOGIC_DB' || d.logic === true) &&
        (p.SearchTarget !== 'SINGLE_DB' || d.logic !== true));
    const page = matching.slice((pageNumber - 1) * pageSize, pageNumber * pageSize);
    return {
        TotalCount: matching.length,
        SearchDatabaseList: {
            SearchDatabase: page.map((d) => ({
                Alias: '', CatalogName: 'def', DatabaseId: String(d.id), DatalinkName: '', DbType: d.dbType,
                DbaId: String(ctx.config.approvalNodes[0]?.userIds[0] ?? ctx.caller.userId), Encoding: 'utf8mb4', EnvType: d.envType,
                Host: d.host, Logic: d.logic === true, OwnerIdList: { OwnerIds: [String(ctx.caller.userId)] },
                OwnerNameList: { OwnerNames: [nick(ctx, ctx.caller.userId)] }, Port: d.port, SchemaName: d.schema,
                SearchName: `${d.schema}@${d.host}:${d.port}`, Sid: d.schema
            }))
        }
    };
};
const getDatabase = (ctx, p) => {
    checkTenant(ctx, p);
    const host = required(p, 'Host');
    const port = requiredInt(p, 'Port');
    const schema = required(p, 'SchemaName');
    const d = ctx.config.databases.find((x) => x.host === host && x.port === port && x.schema === schema);
    if (!d)
        throw business.invalid(`Database ${schema}@${host}:${port} does not exist.`);
    return {
        Database: {
            CatalogName: 'def', DatabaseId: String(d.id), DbType: d.dbType, DbaId: String(ctx.config.approvalNodes[0]?.userIds[0] ?? 0),
            DbaName: nick(ctx, ctx.config.approvalNodes[0]?.userIds[0] ?? 0), Encoding: 'utf8mb4', EnvType: d.envType, Host: d.host,
            InstanceAlias: d.host, InstanceId: `emu-${d.host}`, OwnerIdList: { OwnerIds: [] }, OwnerNameList: { OwnerNames: [] },
            Port: d.port, SchemaName: d.schema, SearchName: `${d.schema}@${d.host}:${d.port}`, Sid: d.schema, State: 'NORMAL'
        }
    };
};
const getPermApplyOrderDetail = (ctx, p) => {
    checkTenant(ctx, p);
    const o = findOrder(ctx, p);
    if (!o.perm)
        throw business.invalid(`The ticket ${o.id} is not a permission application ticket.`);
    return {
        PermApplyOrderDetail: { ApplyType: o.perm.applyType, PermType: o.perm.permType, Seconds: o.perm.seconds, Resources: o.perm.resources }
    };
};
const createAuthorityTemplate = (ctx, p) => {
    checkTenant(ctx, p);
    const name = required(p, 'Name');
    if (ctx.caller.role === 'user')
        throw business.noPermission('create authority templates (DBA or DMS admin only)');
    if (ctx.data.templates.some((t) => t.name === name)) {
        throw new BusinessError('UnknownError', `An authority template named '${name}' already exists.`);
    }
    const t = { id: ctx.data.nextTemplateId++, name, description: p.Description ?? '', creatorId: ctx.caller.userId, createdAt: ctx.now };
    ctx.data.templates.push(t);
    ctx.changed();
    return {
        AuthorityTemplateView: { CreateTime: dmsTime(t.createdAt), CreatorId: t.creatorId, Description: t.description, Name: t.name, TemplateId: t.id },
        Tid: ctx.config.tid
    };
};
/** ListAuthorityTemplate (SDK model ListAuthorityTemplateRequest/ResponseBody): SearchKey is a keyword over the name;
 *  PageSize "Valid values: 5, 10, 20" (model remarks), anything else is refused. Its doc names no role; its siblings
 *  (Create/GetAuthorityTemplate) need DBA or admin, and the emulator applies the same rule. */
const listAuthorityTemplate = (ctx, p) => {
    checkTenant(ctx, p);
    if (ctx.caller.role === 'user')
        throw business.noPermission('list authority templates (DBA or DMS admin only)');
    const pageNumber = actions_int(p, 'PageNumber') ?? 1;
    const pageSize = actions_int(p, 'PageSize') ?? 10;
    if (pageNumber < 1)
        throw business.invalid('PageNumber must be at least 1.');
    if (![5, 10, 20].includes(pageSize))
        throw business.invalid('PageSize must be one of 5, 10, 20.');
    const key = (p.SearchKey ?? '').toLowerCase();
    const matching = ctx.data.templates.filter((t) => t.name.toLowerCase().includes(key)).sort((a, b) => a.id - b.id);
    const page = matching.slice((pageNumber - 1) * pageSize, pageNumber * pageSize);
    return {
        AuthorityTemplateViewList: {
            AuthorityTemplateView: page.map((t) => ({
                CreateTime: dmsTime(t.createdAt), CreatorId: t.creatorId, Description: t.description, Name: t.name, TemplateId: t.id
            }))
        },
        Tid: ctx.config.tid,
        TotalCount: matching.length
    };
};
/** CreateUploadFileJob (doc "CreateUploadFileJob - 上传链接形式附件"): FileName must end in .txt or .sql, FileSource
 *  one of four purposes, UploadURL an http(s) link DMS downloads from; the answer is a JobKey. */
const createUploadFileJob = (ctx, p) => {
    checkTenant(ctx, p);
    const fileSource = oneOf('FileSource', required(p, 'FileSource'), ['datacorrect', 'order_info_attachment', 'big-file', 'sqlreview']);
    const fileName = required(p, 'FileName');
    if (!/\.(txt|sql)$/i.test(fileName))
        throw business.invalid('FileName must end with .txt or .sql.');
    const uploadUrl = required(p, 'UploadURL');
    const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(uploadUrl)?.[1]?.toLowerCase() ?? null;
    if (scheme !== 'http' && scheme !== 'https') {
        // The error the doc shows for this case.
        throw new BusinessError('InvalidParameterValid', `Unsupported url scheme : ${scheme}, scheme must be https or http`);
    }
    const job = { jobKey: (0,external_node_crypto_.randomBytes)(12).toString('hex'), fileName, fileSource, uploadUrl, status: 'PENDING', statusDesc: 'pending', createdAt: ctx.now };
    ctx.data.uploadJobs.push(job);
    ctx.download(job);
    ctx.changed();
    return { JobKey: job.jobKey };
};
const getUserUploadFileJob = (ctx, p) => {
    checkTenant(ctx, p);
    const jobKey = required(p, 'JobKey');
    const job = ctx.data.uploadJobs.find((j) => j.jobKey === jobKey);
    if (!job)
        throw business.invalid(`The upload job ${jobKey} does not exist.`);
    return {
        UploadFileJobDetail: {
            AttachmentKey: job.attachmentKey ?? '', FileName: job.fileName, FileSize: job.fileSize ?? 0, FileSource: job.fileSource,
            JobKey: job.jobKey, JobStatus: job.status, JobStatusDesc: job.statusDesc, UploadType: 'URL', UploadURL: job.uploadUrl,
            UploadedSize: job.status === 'SUCCESS' ? job.fileSize ?? 0 : 0
        }
    };
};
const getUserActiveTenant = (ctx, p) => {
    checkTenant(ctx, p);
    return { Tenant: { Status: 'ACTIVE', TenantName: ctx.config.tenantName, Tid: ctx.config.tid } };
};
const ACTIONS = {
    CreateProcCorrectOrder: createProcCorrectOrder,
    SubmitOrderApproval: submitOrderApproval,
    GetOrderBaseInfo: getOrderBaseInfo,
    GetApprovalDetail: getApprovalDetail,
    GetDataCorrectOrderDetail: getDataCorrectOrderDetail,
    ListOrders: listOrders,
    CloseOrder: closeOrder,
    ExecuteDataCorrect: executeDataCorrect,
    SearchDatabase: searchDatabase,
    GetDatabase: getDatabase,
    GetPermApplyOrderDetail: getPermApplyOrderDetail,
    CreateAuthorityTemplate: createAuthorityTemplate,
    ListAuthorityTemplate: listAuthorityTemplate,
    CreateUploadFileJob: createUploadFileJob,
    GetUserUploadFileJob: getUserUploadFileJob,
    GetUserActiveTenant: getUserActiveTenant
};
function isAction(name) {
    return Object.prototype.hasOwnProperty.call(ACTIONS, name);
}
/** Runs one action: the body's own fields, or a BusinessError. */
function runAction(name, ctx, params) {
    const handler = ACTIONS[name];
    if (!handler)
        throw new Error(`unknown action ${name}`);
    return handler(ctx, params);
}

;// CONCATENATED MODULE: ./src/emulator/signature.ts
// Alibaba Cloud API signatures, pure functions only (docs/dms-api.md, Signing):
//   V3 = ACS3-HMAC-SHA256 `Authorization` header (what @alicloud/openapi-client sends by default),
//   V1 = HMAC-SHA1 `Signature` query parameter (openapi-client with `signatureAlgorithm: 'v2'`).
// The emulator verifies with these; tests and the bench sign with them.

const V3_ALGORITHM = 'ACS3-HMAC-SHA256';
const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
/** RFC 3986 percent-encoding as Alibaba canonicalizes: unreserved kept, `!'()*` encoded, space `%20`. */
function percentEncode(value) {
    return encodeURIComponent(value).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}
/** Decodes one `application/x-www-form-urlencoded` component (`+` is a space). Throws URIError when malformed. */
function decodeComponent(raw) {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
}
/** Parses a query string or form body into decoded pairs, in order. Throws URIError on bad %-escapes. */
function parseParams(raw) {
    const out = [];
    if (raw === '')
        return out;
    for (const part of raw.split('&')) {
        if (part === '')
            continue;
        const eq = part.indexOf('=');
        const name = eq < 0 ? part : part.slice(0, eq);
        const value = eq < 0 ? '' : part.slice(eq + 1);
        out.push([decodeComponent(name), decodeComponent(value)]);
    }
    return out;
}
function byNameThenValue(a, b) {
    if (a[0] !== b[0])
        return a[0] < b[0] ? -1 : 1;
    return a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0;
}
/** `name=value&…` with both sides RFC 3986-encoded, sorted by name (code-unit order, as the SDKs sort). */
function canonicalQuery(params) {
    return [...params].sort(byNameThenValue).map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`).join('&');
}
function sha256Hex(data) {
    return (0,external_node_crypto_.createHash)('sha256').update(data).digest('hex');
}
function headerValue(v) {
    if (v === undefined)
        return '';
    if (typeof v === 'string')
        return v.trim();
    return [...v].map((x) => x.trim()).sort().join(',');
}
function canonicalRequestV3(i) {
    const names = [...i.signedHeaders].map((h) => h.toLowerCase()).sort();
    const headerLines = names.map((h) => `${h}:${headerValue(i.headers[h])}\n`).join('');
    return [i.method.toUpperCase(), i.canonicalUri, canonicalQuery(i.query), headerLines, names.join(';'), i.hashedPayload].join('\n');
}
function stringToSignV3(canonicalRequest) {
    return `${V3_ALGORITHM}\n${sha256Hex(canonicalRequest)}`;
}
function signatureV3(secret, stringToSign) {
    return (0,external_node_crypto_.createHmac)('sha256', secret).update(stringToSign).digest('hex');
}
function authorizationV3(accessKeyId, signedHeaders, signature) {
    const names = [...signedHeaders].map((h) => h.toLowerCase()).sort();
    return `${V3_ALGORITHM} Credential=${accessKeyId},SignedHeaders=${names.join(';')},Signature=${signature}`;
}
/** Parses `ACS3-HMAC-SHA256 Credential=…,SignedHeaders=a;b,Signature=…`; returns why it is incomplete otherwise. */
function parseAuthorizationV3(header) {
    const m = /^\s*(\S+)\s+(.*)$/.exec(header);
    if (!m)
        return { error: 'Authorization header has no algorithm and fields' };
    const fields = new Map();
    for (const part of m[2].split(',')) {
        const eq = part.indexOf('=');
        if (eq < 0)
            return { error: `malformed Authorization field '${part.trim()}'` };
        fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
    }
    const credential = fields.get('Credential');
    const signed = fields.get('SignedHeaders');
    const signature = fields.get('Signature');
    if (!credential)
        return { error: 'Authorization header lacks Credential' };
    if (signed === undefined)
        return { error: 'Authorization header lacks SignedHeaders' };
    if (!signature)
        return { error: 'Authorization header lacks Signature' };
    return { algorithm: m[1], credential, signedHeaders: signed === '' ? [] : signed.split(';').map((s) => s.toLowerCase()), signature };
}
// ---------------------------------------------------------------- V1
/** `METHOD&%2F&enc(canonical query)` over every parameter except `Signature` (form-body params included). */
function stringToSignV1(method, params) {
    const signed = params.filter(([k]) => k !== 'Signature');
    return `${method.toUpperCase()}&${percentEncode('/')}&${percentEncode(canonicalQuery(signed))}`;
}
function signatureV1(secret, stringToSign) {
    return (0,external_node_crypto_.createHmac)('sha1', `${secret}&`).update(stringToSign).digest('base64');
}
// ---------------------------------------------------------------- signing (tests, bench, users' scripts)
/** `YYYY-MM-DDTHH:mm:ssZ` in UTC, the format of x-acs-date and Timestamp. */
function acsTimestamp(ms) {
    return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
/** Builds the path+query and headers of a V3-signed RPC request (the same bytes openapi-client produces). */
function signV3(r) {
    const query = r.query ?? [];
    const headers = {
        host: r.host,
        'x-acs-action': r.action,
        'x-acs-version': r.version,
        'x-acs-date': r.date ?? acsTimestamp(Date.now()),
        'x-acs-signature-nonce': r.nonce ?? sha256Hex(String(Math.random()) + process.hrtime.bigint()).slice(0, 32),
        'x-acs-content-sha256': sha256Hex(r.body ?? '')
    };
    if (r.body !== undefined)
        headers['content-type'] = 'application/x-www-form-urlencoded';
    if (r.securityToken) {
        headers['x-acs-accesskey-id'] = r.accessKeyId;
        headers['x-acs-security-token'] = r.securityToken;
    }
    const signedHeaders = Object.keys(headers);
    const canonical = canonicalRequestV3({
        method: r.method ?? 'POST', canonicalUri: '/', query, headers, signedHeaders, hashedPayload: headers['x-acs-content-sha256']
    });
    headers.authorization = authorizationV3(r.accessKeyId, signedHeaders, signatureV3(r.secret, stringToSignV3(canonical)));
    const qs = query.map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`).join('&');
    return { path: qs ? `/?${qs}` : '/', headers };
}

;// CONCATENATED MODULE: ./src/emulator/auth.ts
// Gateway-side request authentication: which signature scheme, which key, and whether the request is exactly
// what that key signed. Order of checks as a gateway does them: shape → key → token → time → signature → nonce.



/** Remembers nonces for twice the allowed clock skew (a replay after that fails the time check anyway). */
class NonceStore {
    ttlMs;
    seen = new Map();
    lastPrune = 0;
    constructor(ttlMs) {
        this.ttlMs = ttlMs;
    }
    /** Records a nonce; false when it was already used by this key. */
    use(keyId, nonce, now) {
        if (now - this.lastPrune > 60_000)
            this.prune(now);
        const k = `${keyId}\n${nonce}`;
        const until = this.seen.get(k);
        if (until !== undefined && until > now)
            return false;
        this.seen.set(k, now + this.ttlMs);
        return true;
    }
    prune(now) {
        this.lastPrune = now;
        for (const [k, until] of this.seen)
            if (until <= now)
                this.seen.delete(k);
    }
}
/** Parameters that belong to the V1 signature, not to the action. */
const V1_SYSTEM = new Set(['AccessKeyId', 'Action', 'Format', 'Signature', 'SignatureMethod', 'SignatureNonce', 'SignatureType',
    'SignatureVersion', 'SecurityToken', 'Timestamp', 'Version']);
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;
function checkTime(given, env) {
    if (!TIMESTAMP.test(given))
        throw gateway.badTimestamp(given);
    const t = Date.parse(given);
    if (Number.isNaN(t))
        throw gateway.badTimestamp(given);
    if (Math.abs(env.now - t) > env.clockSkewSeconds * 1000)
        throw gateway.expired(given);
}
function checkToken(key, given) {
    if (key.stsToken === undefined) {
        if (given)
            throw gateway.tokenMismatch();
        return;
    }
    if (!given)
        throw gateway.tokenMissing();
    if (!safeEqual(given, key.stsToken))
        throw gateway.tokenMismatch();
}
function safeEqual(a, b) {
    const x = Buffer.from(a);
    const y = Buffer.from(b);
    return x.length === y.length && (0,external_node_crypto_.timingSafeEqual)(x, y);
}
function one(headers, name) {
    const v = headers[name];
    return v === undefined || v.length === 0 ? undefined : v.join(',');
}
function toParams(pairs, drop) {
    const out = {};
    for (const [k, v] of pairs)
        if (!drop?.has(k))
            out[k] = v;
    return out;
}
/** Verifies a request's signature; throws a GatewayError exactly as the gateway would answer. */
function authenticate(req, env) {
    const authorization = one(req.headers, 'authorization');
    if (authorization !== undefined)
        return authenticateV3(req, authorization, env);
    if (req.query.some(([k]) => k === 'Signature') || req.form.some(([k]) => k === 'Signature'))
        return authenticateV1(req, env);
    throw gateway.incomplete('The request has neither an Authorization header nor a Signature parameter.');
}
function authenticateV3(req, authorization, env) {
    const auth = parseAuthorizationV3(authorization);
    if ('error' in auth)
        throw gateway.incomplete(auth.error + '.');
    if (auth.algorithm !== V3_ALGORITHM)
        throw gateway.incomplete(`Signature algorithm ${auth.algorithm} is not supported.`);
    const action = one(req.headers, 'x-acs-action');
    const version = one(req.headers, 'x-acs-version');
    const date = one(req.headers, 'x-acs-date');
    const nonce = one(req.headers, 'x-acs-signature-nonce');
    const contentSha = one(req.headers, 'x-acs-content-sha256');
    if (!action)
        throw gateway.missing('x-acs-action');
    if (!version)
        throw gateway.missing('x-acs-version');
    if (!date)
        throw gateway.missing('x-acs-date');
    if (!nonce)
        throw gateway.missing('x-acs-signature-nonce');
    if (!contentSha)
        throw gateway.missing('x-acs-content-sha256');
    const signed = new Set(auth.signedHeaders);
    if (!signed.has('host'))
        throw gateway.incomplete('SignedHeaders must include host.');
    for (const name of Object.keys(req.headers)) {
        if (name.startsWith('x-acs-') && !signed.has(name))
            throw gateway.incomplete(`Header ${name} is not signed.`);
    }
    if (one(req.headers, 'content-type') !== undefined && !signed.has('content-type'))
        throw gateway.incomplete('Header content-type is not signed.');
    for (const name of signed)
        if (req.headers[name] === undefined)
            throw gateway.incomplete(`Signed header ${name} is not present.`);
    const key = env.findKey(auth.credential);
    if (!key)
        throw gateway.unknownKey();
    checkToken(key, one(req.headers, 'x-acs-security-token'));
    checkTime(date, env);
    const hashedPayload = sha256Hex(req.body);
    const canonical = canonicalRequestV3({
        method: req.method, canonicalUri: req.path, query: req.query,
        headers: req.headers, signedHeaders: auth.signedHeaders, hashedPayload: contentSha
    });
    const toSign = stringToSignV3(canonical);
    if (!safeEqual(signatureV3(key.secret, toSign), auth.signature.toLowerCase()))
        throw gateway.signatureMismatch(toSign);
    if (contentSha.toLowerCase() !== hashedPayload) {
        throw gateway.signatureMismatch(`${toSign} (x-acs-content-sha256 does not match the request body)`);
    }
    if (!env.nonces.use(key.id, nonce, env.now))
        throw gateway.nonceUsed();
    return { scheme: 'V3', key, action, version, params: toParams([...req.query, ...req.form]) };
}
function authenticateV1(req, env) {
    const all = [...req.query, ...req.form];
    const p = toParams(all);
    for (const name of ['AccessKeyId', 'SignatureMethod', 'SignatureNonce', 'Timestamp', 'Action', 'Version']) {
        if (!p[name])
            throw gateway.missing(name);
    }
    if (p.SignatureMethod !== 'HMAC-SHA1')
        throw gateway.badMethod(p.SignatureMethod);
    if (p.SignatureVersion !== undefined && p.SignatureVersion !== '1.0')
        throw gateway.incomplete(`SignatureVersion ${p.SignatureVersion} is not supported.`);
    const key = env.findKey(p.AccessKeyId);
    if (!key)
        throw gateway.unknownKey();
    checkToken(key, p.SecurityToken);
    checkTime(p.Timestamp, env);
    const toSign = stringToSignV1(req.method, all);
    if (!safeEqual(signatureV1(key.secret, toSign), p.Signature))
        throw gateway.signatureMismatch(toSign);
    if (!env.nonces.use(key.id, p.SignatureNonce, env.now))
        throw gateway.nonceUsed();
    return { scheme: 'V1', key, action: p.Action, version: p.Version, params: toParams(all, V1_SYSTEM) };
}

;// CONCATENATED MODULE: ./src/emulator/faults.ts
// Fault injection rules (control API `POST /__emulator/faults`). Pure apart from a seeded random source.
//   throttle       gateway Throttling.User (HTTP 400 by default, `status: 429` for the other variant), no side effect
//   5xx            HTTP 503 ServiceUnavailable JSON, no side effect
//   502-html       HTTP 502 with an HTML body (a load balancer's page), no side effect
//   success-false  HTTP 200 {Success:false, ErrorCode:'UnknownError'}, no side effect
//   slow           the action RUNS, then the answer is held for delayMs (default 10 s, beyond the 3 s SDK timeout)
//   reset          the action RUNS, then the socket is destroyed without an answer
// slow/reset act after the action on purpose: a lost answer to a create is the case a client must not retry blindly.
const FAULT_TYPES = ['throttle', '5xx', '502-html', 'slow', 'success-false', 'reset'];
class FaultError extends Error {
}
/** Validates a control-API body into a rule; throws FaultError naming the bad field. */
function parseFaultRule(input) {
    if (typeof input !== 'object' || input === null || Array.isArray(input))
        throw new FaultError('fault must be a JSON object');
    const o = input;
    if (!FAULT_TYPES.includes(o.type))
        throw new FaultError(`type must be one of ${FAULT_TYPES.join(', ')}`);
    const rule = { type: o.type };
    if (o.count !== undefined) {
        if (!Number.isInteger(o.count) || o.count < 1)
            throw new FaultError('count must be a positive integer');
        rule.count = o.count;
    }
    if (o.fraction !== undefined) {
        if (typeof o.fraction !== 'number' || o.fraction < 0 || o.fraction > 1)
            throw new FaultError('fraction must be a number in 0..1');
        rule.fraction = o.fraction;
    }
    if (o.actions !== undefined) {
        if (!Array.isArray(o.actions) || !o.actions.every((a) => typeof a === 'string'))
            throw new FaultError('actions must be an array of action names');
        rule.actions = o.actions;
    }
    if (o.delayMs !== undefined) {
        if (!Number.isInteger(o.delayMs) || o.delayMs < 0)
            throw new FaultError('delayMs must be a non-negative integer');
        rule.delayMs = o.delayMs;
    }
    if (o.status !== undefined) {
        if (o.status !== 400 && o.status !== 429)
            throw new FaultError('status must be 400 or 429');
        rule.status = o.status;
    }
    if (o.errorCode !== undefined) {
        if (typeof o.errorCode !== 'string' || o.errorCode === '')
            throw new FaultError('errorCode must be a non-empty string');
        rule.errorCode = o.errorCode;
    }
    if (o.seed !== undefined) {
        if (!Number.isInteger(o.seed))
            throw new FaultError('seed must be an integer');
        rule.seed = o.seed;
    }
    return rule;
}
/** mulberry32: small, seeded, good enough to pick a fraction of calls reproducibly. */
function seeded(seed) {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}
class FaultInjector {
    rules = [];
    add(rule) {
        const remaining = rule.count ?? (rule.fraction === undefined ? 1 : Number.POSITIVE_INFINITY);
        this.rules.push({ ...rule, remaining, random: seeded(rule.seed ?? 1) });
    }
    clear() {
        this.rules = [];
    }
    list() {
        return this.rules.map(({ random: _r, remaining, ...r }) => ({ ...r, remaining: Number.isFinite(remaining) ? remaining : null }));
    }
    /** The fault to inject into this call, if any; uses up one of its count. */
    pick(action) {
        for (const r of this.rules) {
            if (r.remaining <= 0)
                continue;
            if (r.actions && !r.actions.includes(action))
                continue;
            if (r.fraction !== undefined && r.random() >= r.fraction)
                continue;
            r.remaining--;
            const { random: _r, remaining: _n, ...rule } = r;
            return rule;
        }
        return undefined;
    }
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./src/emulator/persistence.ts
// Optional state file: read once on start, rewritten after every change with write-to-temp + rename, so a
// reader (or a crash) never sees half a file and a demo or refresh run continues across processes.


function loadState(file) {
    if (!(0,external_node_fs_.existsSync)(file))
        return undefined;
    const text = (0,external_node_fs_.readFileSync)(file, 'utf8');
    if (text.trim() === '')
        return undefined;
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch (e) {
        throw new Error(`${file}: not valid JSON (${e.message})`);
    }
    const d = parsed;
    if (d.version !== 1 || !Array.isArray(d.orders) || !Array.isArray(d.templates) || typeof d.nextOrderId !== 'number') {
        throw new Error(`${file}: not an emulator state file (version 1)`);
    }
    // Files written before uploads existed have neither list.
    return { ...d, uploadJobs: d.uploadJobs ?? [], attachments: d.attachments ?? {} };
}
let seq = 0;
function saveState(file, data) {
    (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(file), { recursive: true });
    const tmp = `${file}.${process.pid}.${++seq}.tmp`;
    (0,external_node_fs_.writeFileSync)(tmp, JSON.stringify(data, null, 1));
    (0,external_node_fs_.renameSync)(tmp, file);
}

;// CONCATENATED MODULE: ./src/emulator/stats.ts
// Request counters for `GET /__emulator/stats` (tests count calls and retries with them).
function bump(m, k) {
    m[k] = (m[k] ?? 0) + 1;
}
class Stats {
    s = Stats.empty();
    static empty() {
        return { total: 0, byAction: {}, succeededByAction: {}, rejectedSignatures: 0, errorsByCode: {}, faultsInjected: {} };
    }
    request(action) {
        this.s.total++;
        bump(this.s.byAction, action);
    }
    succeeded(action) {
        bump(this.s.succeededByAction, action);
    }
    rejected(code) {
        this.s.rejectedSignatures++;
        bump(this.s.errorsByCode, code);
    }
    error(code) {
        bump(this.s.errorsByCode, code);
    }
    fault(type) {
        bump(this.s.faultsInjected, type);
    }
    snapshot() {
        return structuredClone(this.s);
    }
    reset() {
        this.s = Stats.empty();
    }
}

;// CONCATENATED MODULE: ./src/emulator/core.ts
// One emulator instance without its socket: keys, state, faults, stats, and the answer to each request.
// server.ts only moves bytes between node `http` and this class.








const DMS_VERSION = '2018-11-01';
class ControlError extends Error {
    status;
    constructor(status, message) {
        super(message);
        this.status = status;
    }
}
/** Largest file an upload job accepts: DMS's guide to changing data with stored routines limits rollback attachments to "15" (MB presumed; the unit is cut from the page we read). */
const MAX_UPLOAD_BYTES = 15 * 1024 * 1024;
async function fetchText(url) {
    const res = await fetch(url, { signal: AbortSignal.timeout(30_000), redirect: 'follow' });
    if (!res.ok)
        throw new Error(`HTTP ${res.status} from the upload URL`);
    const buf = Buffer.from(await res.arrayBuffer());
    if (buf.length > MAX_UPLOAD_BYTES)
        throw new Error(`the file is ${buf.length} bytes; at most ${MAX_UPLOAD_BYTES} are accepted`);
    return buf.toString('utf8');
}
function core_json(status, body, requestId) {
    return { status, contentType: 'application/json;charset=utf-8', body: JSON.stringify(body), requestId };
}
/** The gateway's error body: {RequestId, HostId, Code, Message, Recommend}. */
function gatewayReply(e, host, id) {
    return core_json(e.status, {
        RequestId: id, HostId: host, Code: e.code, Message: e.message,
        Recommend: `https://api.aliyun.com/troubleshoot?q=${encodeURIComponent(e.code)}&product=dms-enterprise&requestId=${id}`
    }, id);
}
function requestId() {
    return (0,external_node_crypto_.randomUUID)().toUpperCase();
}
const BAD_GATEWAY_HTML = '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n' +
    '<hr><center>Tengine</center>\r\n</body>\r\n</html>\r\n';
class EmulatorCore {
    o;
    faults = new FaultInjector();
    stats = new Stats();
    keys = new Map();
    nonces;
    now;
    /** Background work (a precheck on a real server, an upload's download) still running. */
    pending = new Set();
    constructor(o) {
        this.o = o;
        for (const k of o.keys)
            this.keys.set(k.id, k);
        this.nonces = new NonceStore(o.clockSkewSeconds * 2000);
        this.now = o.now ?? Date.now;
        // Work a previous process left undecided (state file): start it again.
        for (const order of o.data.orders)
            if (order.proc && !order.proc.precheckOutcome)
                this.startPrecheck(order);
        for (const job of o.data.uploadJobs)
            if (job.status === 'PENDING' || job.status === 'RUNNING')
                this.startDownload(job);
    }
    /** Resolves when no background work is left (tests; close). */
    async idle() {
        while (this.pending.size > 0)
            await Promise.allSettled([...this.pending]);
    }
    track(work) {
        const p = work.catch((e) => {
            process.stderr.write(`dms emulator: background task failed: ${e.stack ?? String(e)}\n`);
        }).finally(() => this.pending.delete(p));
        this.pending.add(p);
    }
    /** Decides a ticket's precheck: at once (our lexer) or when the precheck server answers. */
    startPrecheck(order) {
        const proc = order.proc;
        if (!proc)
            return;
        const schemas = proc.dbItems.map((d) => this.o.config.databases.find((x) => x.id === d.dbId)?.schema).filter((x) => x !== undefined);
        const rollbackSql = proc.rollbackAttachmentName ? this.o.data.attachments[proc.rollbackAttachmentName] ?? '' : proc.rollbackSql;
        const settle = (outcome) => {
            proc.precheckOutcome = outcome;
            advance(order, this.now());
            this.persist();
        };
        const result = this.o.precheck({ execSql: proc.execSql, rollbackSql, schemas });
        if (result instanceof Promise)
            this.track(result.then(settle));
        else
            proc.precheckOutcome = result;
    }
    /** DMS downloads an upload job's URL itself; so does the emulator, after answering. */
    startDownload(job) {
        job.status = 'RUNNING';
        const fetchUpload = this.o.fetchUpload ?? fetchText;
        this.track(fetchUpload(job.uploadUrl).then((content) => {
            const key = `upload_${job.jobKey}_${job.fileName}`;
            this.o.data.attachments[key] = content;
            Object.assign(job, { status: 'SUCCESS', statusDesc: 'success', attachmentKey: key, fileSize: Buffer.byteLength(content) });
        }, (e) => {
            const cause = e.cause?.message;
            Object.assign(job, { status: 'FAIL', statusDesc: `download failed: ${e.message}${cause ? ` (${cause})` : ''}` });
        }).finally(() => this.persist()));
    }
    get config() {
        return this.o.config;
    }
    /** The live state records (read them; change them only through the methods below). */
    get data() {
        return this.o.data;
    }
    /** Adds a key of an existing user (a rotated or second key: same DMS user, same tickets). */
    addKey(k) {
        if (!this.user(k.userId))
            throw new ControlError(400, `no DMS user ${k.userId}; add it first (POST /__emulator/users)`);
        const existing = this.keys.get(k.id);
        if (existing && existing.userId !== k.userId)
            throw new ControlError(409, `access key ${k.id} already belongs to user ${existing.userId}`);
        this.keys.set(k.id, k);
    }
    /** Adds a DMS user, or changes the nick/role of an existing one. */
    upsertUser(u) {
        const users = this.o.config.users;
        const i = users.findIndex((x) => x.id === u.id);
        if (i >= 0)
            users[i] = u;
        else
            users.push(u);
        return u;
    }
    user(id) {
        return this.o.config.users.find((u) => u.id === id);
    }
    /** Every user with the ids of its keys (never the secrets). */
    users() {
        const keys = [...this.keys.values()];
        return this.o.config.users.map((u) => ({ ...u, accessKeyIds: keys.filter((k) => k.userId === u.id).map((k) => k.id) }));
    }
    /** A user id nobody has yet (for users added without one); DMS user ids are longs. */
    freeUserId() {
        const used = new Set(this.o.config.users.map((u) => u.id));
        let id = 200_000_000_001;
        while (used.has(id))
            id++;
        return id;
    }
    caller(key) {
        const u = this.user(key.userId);
        // resolveConfig and addKey only accept keys of known users.
        if (!u)
            throw new Error(`access key ${key.id} has no DMS user ${key.userId}`);
        return { keyId: key.id, userId: u.id, nick: u.nick, role: u.role };
    }
    persist() {
        if (this.o.stateFile)
            saveState(this.o.stateFile, this.o.data);
    }
    advanceAll() {
        const now = this.now();
        let changed = false;
        for (const o of this.o.data.orders)
            changed = advance(o, now) || changed;
        if (changed)
            this.persist();
    }
    orders() {
        this.advanceAll();
        return this.o.data.orders.map((o) => ({
            orderId: o.id, status: o.status, comment: o.comment, execSql: o.proc?.execSql ?? '', rollbackSql: o.proc?.rollbackSql ?? '',
            workflowInstanceId: o.workflow?.id ?? 0, dbIds: o.proc?.dbItems.map((d) => d.dbId) ?? []
        }));
    }
    order(id) {
        this.advanceAll();
        const o = this.o.data.orders.find((x) => x.id === id);
        if (!o)
            throw new ControlError(404, `no ticket ${id}`);
        return o;
    }
    userId(approver) {
        if (approver === undefined || approver === null || approver === '')
            return undefined;
        if (typeof approver === 'number')
            return approver;
        if (typeof approver === 'string' && /^\d+$/.test(approver))
            return Number(approver);
        const u = this.o.config.users.find((x) => x.nick === approver);
        if (!u)
            throw new ControlError(400, `unknown approver '${String(approver)}'`);
        return u.id;
    }
    /** Control API: approve / reject / cancel a ticket, or fail its execution. */
    decide(id, decision, comment, approver) {
        const o = this.order(id);
        const now = this.now();
        try {
            if (decision === 'approve')
                approve(o, this.userId(approver), comment, this.o.config.executeDelayMs, now);
            else if (decision === 'reject')
                reject(o, this.userId(approver), comment, now);
            else if (decision === 'fail')
                failExecution(o, now);
            else
                cancel(o, comment, now);
        }
        catch (e) {
            if (e instanceof TransitionError)
                throw new ControlError(409, e.message);
            throw e;
        }
        this.persist();
        return o;
    }
    createPermOrder(input) {
        const o = createPermOrder(this.o.data, {
            ...input, committerId: input.committerId ?? this.o.keys[0]?.userId ?? this.o.config.users[0]?.id ?? 1
        }, this.o.config.approvalNodes, this.now());
        this.persist();
        return o;
    }
    addFault(rule) {
        this.faults.add(rule);
    }
    /** Refuses a request the gateway cannot even parse. */
    refuse(e, action, host) {
        this.stats.request(action);
        this.stats.rejected(e.code);
        return gatewayReply(e, host, requestId());
    }
    /** Answers one DMS API request. */
    handle(req, host) {
        const id = requestId();
        const actionName = req.headers['x-acs-action']?.[0] ?? [...req.query, ...req.form].find(([k]) => k === 'Action')?.[1] ?? '(none)';
        this.stats.request(actionName);
        const refuseWith = (e) => gatewayReply(e, host, id);
        if (req.method !== 'POST' && req.method !== 'GET') {
            this.stats.rejected('UnsupportedHTTPMethod');
            return refuseWith(gateway.badHttpMethod(req.method));
        }
        let auth;
        try {
            auth = authenticate(req, {
                findKey: (k) => this.keys.get(k), nonces: this.nonces, now: this.now(), clockSkewSeconds: this.o.clockSkewSeconds
            });
        }
        catch (e) {
            if (!(e instanceof GatewayError))
                throw e;
            this.stats.rejected(e.code);
            return refuseWith(e);
        }
        if (auth.version !== DMS_VERSION) {
            this.stats.error('InvalidVersion');
            return refuseWith(gateway.badVersion(auth.version));
        }
        if (!isAction(auth.action)) {
            this.stats.error('InvalidAction.NotFound');
            return refuseWith(gateway.unknownAction(auth.action));
        }
        const fault = this.faults.pick(auth.action);
        if (fault)
            this.stats.fault(fault.type);
        switch (fault?.type) {
            case 'throttle':
                this.stats.error('Throttling.User');
                return refuseWith(gateway.throttled(fault.status ?? 400));
            case '5xx':
                this.stats.error('ServiceUnavailable');
                return refuseWith(gateway.unavailable());
            case '502-html':
                this.stats.error('502');
                return { status: 502, contentType: 'text/html', body: BAD_GATEWAY_HTML, requestId: id };
            case 'success-false':
                this.stats.error(fault.errorCode ?? 'UnknownError');
                return core_json(200, { RequestId: id, Success: false, ErrorCode: fault.errorCode ?? 'UnknownError',
                    ErrorMessage: 'An internal error occurred (injected fault).' }, id);
            default:
                break;
        }
        let changed = false;
        const ctx = {
            data: this.o.data, config: this.o.config, caller: this.caller(auth.key), now: this.now(),
            precheck: (order) => this.startPrecheck(order), download: (job) => this.startDownload(job),
            changed: () => { changed = true; }
        };
        let reply;
        try {
            const body = runAction(auth.action, ctx, auth.params);
            this.stats.succeeded(auth.action);
            reply = core_json(200, { RequestId: id, Success: true, ...body }, id);
        }
        catch (e) {
            if (!(e instanceof BusinessError))
                throw e;
            this.stats.error(e.code);
            const status = this.o.config.businessErrorStatus === 'documented' ? e.documentedStatus : 200;
            reply = core_json(status, { RequestId: id, Success: false, ErrorCode: e.code, ErrorMessage: e.message }, id);
        }
        if (changed)
            this.persist();
        if (fault?.type === 'slow')
            return { ...reply, delayMs: fault.delayMs ?? 10_000 };
        if (fault?.type === 'reset')
            return { ...reply, destroy: true };
        return reply;
    }
}

;// CONCATENATED MODULE: ./src/emulator/precheck.ts
// CREATE [OR REPLACE] [ALGORITHM=…] [DEFINER=…] [SQL SECURITY …] [AGGREGATE] <kind>, or DROP/ALTER <kind>.
const PREFIX = String.raw `^(CREATE|DROP|ALTER)\s+(OR\s+REPLACE\s+)?(ALGORITHM\s*=\s*\w+\s+)?(DEFINER\s*=\s*\S+\s+)?(SQL\s+SECURITY\s+\w+\s+)?(AGGREGATE\s+)?`;
const ROUTINE_DDL = new RegExp(PREFIX + String.raw `(PROCEDURE|FUNCTION|TRIGGER|EVENT|VIEW)\b`, 'i');
const COMPOUND_CREATE = new RegExp(PREFIX + String.raw `(PROCEDURE|FUNCTION|TRIGGER|EVENT)\b`, 'i');
/** Session statements DMS tolerates around routine definitions. */
const SESSION_STATEMENT = /^(SET|USE)\b/i;
/** Removes leading whitespace and comments (`-- `, `#`, `/* … *\/`) so a statement's first keyword shows. */
function stripLeadingComments(text) {
    let s = text;
    for (;;) {
        s = s.replace(/^\s+/, '');
        if (s.startsWith('/*')) {
            const end = s.indexOf('*/', 2);
            if (end < 0)
                return '';
            s = s.slice(end + 2);
        }
        else if (s.startsWith('#') || /^--(\s|$)/.test(s)) {
            const nl = s.indexOf('\n');
            if (nl < 0)
                return '';
            s = s.slice(nl + 1);
        }
        else {
            return s;
        }
    }
}
function stripTrailingComments(text) {
    return text.replace(/(\s|--[^\n]*$|#[^\n]*$)+$/g, '').trimEnd();
}
function task(step, ok, userTip) {
    return { step, status: ok ? 'SUCCESS' : 'FAIL', userTip };
}
const STEPS = ['SQL_PARSE', 'SQL_TYPE_CHECK', 'PERMISSION_CHECK', 'ROW_CHECK'];
/** The steps before `step` passed, `step` failed with `tip`, the rest never ran. */
function failedAt(step, tip) {
    const steps = STEPS;
    const at = steps.indexOf(step);
    const tasks = steps.map((s, i) => i < at ? task(s, true, 'passed')
        : i === at ? task(s, false, tip) : { step: s, status: 'WAITING', userTip: '' });
    return { ok: false, tasks };
}
/** Decides the precheck of a DC_PROC ticket's ExecSQL. */
function precheckProcSql(execSql, lexer) {
    if (execSql.trim() === '')
        return failedAt('SQL_PARSE', 'ExecSQL is empty.');
    const { statements, problems } = lexer.splitStatements(execSql);
    if (problems.length > 0) {
        const p = problems[0];
        return failedAt('SQL_PARSE', `SQL parse error${p.line ? ` at line ${p.line}` : ''}: ${p.message}`);
    }
    const meaningful = statements.map((s) => ({ line: s.line, delimiter: s.delimiter, text: stripLeadingComments(s.text) }))
        .filter((s) => s.text !== '');
    if (meaningful.length === 0)
        return failedAt('SQL_PARSE', 'ExecSQL contains no statement.');
    for (const s of meaningful) {
        // A routine body cut at its first ';' leaves a CREATE with an open BEGIN, then a statement starting with END.
        if (/^END\b/i.test(s.text)) {
            return failedAt('SQL_PARSE', `SQL parse error at line ${s.line}: unexpected END — a routine body needs a DELIMITER other than ';'.`);
        }
        const body = stripTrailingComments(s.text);
        if (!COMPOUND_CREATE.test(body))
            continue;
        if (/\bBEGIN\b/i.test(body) && !/\bEND\s*$/i.test(body)) {
            return failedAt('SQL_PARSE', `SQL parse error at line ${s.line}: routine body is not terminated by END — missing DELIMITER?`);
        }
        // Our lexer keeps a `;`-delimited BEGIN … END together; the mysql client and DMS cut it at the first ';'.
        if ((s.delimiter === ';' || s.delimiter === '') && lexer.tokenize(s.text).some((t) => t.kind === 'op' && t.text === ';')) {
            return failedAt('SQL_PARSE', `SQL parse error at line ${s.line}: the routine body contains ';' but the statement is ` +
                `delimited by ';' — wrap it in DELIMITER $$ … $$.`);
        }
    }
    for (const s of meaningful) {
        const problem = statementTypeProblem(s.text, s.line);
        if (problem)
            return failedAt('SQL_TYPE_CHECK', problem);
    }
    return passed(`${meaningful.length} statement(s) parsed.`);
}
/** Every step passed. */
function passed(parseTip) {
    return {
        ok: true,
        tasks: [
            task('SQL_PARSE', true, parseTip),
            task('SQL_TYPE_CHECK', true, 'passed'),
            task('PERMISSION_CHECK', true, 'passed'),
            task('ROW_CHECK', true, 'not applicable to programmable objects')
        ]
    };
}
/** Why a statement (comments stripped) is not one a programmable-object ticket may carry, or null. */
function statementTypeProblem(text, line) {
    if (ROUTINE_DDL.test(text) || SESSION_STATEMENT.test(text))
        return null;
    const head = text.split(/\s+/).slice(0, 3).join(' ');
    return `Statement at line ${line} ('${head}…') is not a programmable-object definition.`;
}
/** True for `USE db`: a session statement that would leave a scratch schema. */
function isUseStatement(text) {
    return /^USE\b/i.test(text);
}

// EXTERNAL MODULE: ./node_modules/dbgate-query-splitter/lib/index.js
var lib = __webpack_require__(5956);
// EXTERNAL MODULE: ./node_modules/mysql2/promise.js
var promise = __webpack_require__(7588);
// EXTERNAL MODULE: ./src/sql/ident.ts
var ident = __webpack_require__(802);
// EXTERNAL MODULE: ./src/verify/url.ts
var verify_url = __webpack_require__(9436);
;// CONCATENATED MODULE: ./src/emulator/precheck-db.ts
// An independent precheck for the emulator: every statement of a ticket's ExecSQL, then its RollbackSQL, runs on a
// real MySQL-compatible server (`--precheck-db`) inside a throw-away scratch schema, and the server's own error
// decides the ticket's precheck, reported with DMS's step names (GetDataCorrectOrderDetail model: SQL_PARSE,
// SQL_TYPE_CHECK, PERMISSION_CHECK, ROW_CHECK). Splitting (DELIMITER included) is done by dbgate-query-splitter,
// not by our lexer, so a plan our planner accepts can still fail here, as it could at DMS.
//
// Point it at a disposable server: a statement that names another schema (`CREATE PROCEDURE shop.p`) runs there.






/**
 * `mysql://user[:password]@host[:port]` or `mysql://user@localhost?socket=/path/to.sock` — the same URL, parsed by
 * the same code, as `verify-database` (src/verify/url.ts); errors name the flag and never repeat the password.
 */
function parsePrecheckDbUrl(url, flag = '--precheck-db') {
    let db;
    try {
        db = (0,verify_url/* parseVerifyUrl */.UK)(url);
    }
    catch (e) {
        if (e instanceof verify_url/* VerifyUrlError */.JK)
            throw new Error(`${flag}: ${e.message.replace('verification creates', 'the precheck creates')}`);
        throw e;
    }
    const target = { user: db.user };
    if (db.password !== undefined)
        target.password = db.password.reveal();
    if (db.endpoint.kind === 'socket')
        target.socketPath = db.endpoint.path;
    else {
        target.host = db.endpoint.host;
        target.port = db.endpoint.port;
    }
    return target;
}
/** Statements as the mysql client would send them (DELIMITER honoured), with their first line. */
function splitForServer(sql) {
    const items = (0,lib.splitQuery)(sql, { ...lib.mysqlSplitterOptions, returnRichInfo: true });
    const out = [];
    for (const item of items) {
        if (typeof item === 'string')
            continue;
        const text = item.text.trim();
        if (stripLeadingComments(text) === '')
            continue;
        out.push({ text, line: (item.trimStart ?? item.start).line + 1 });
    }
    return out;
}
/** MySQL/MariaDB error numbers that mean "not allowed" rather than "cannot be parsed or run". */
const PERMISSION_ERRNOS = new Set([1044, 1045, 1142, 1143, 1227, 1370, 1410]);
function stepFor(errno) {
    return errno !== undefined && PERMISSION_ERRNOS.has(errno) ? 'PERMISSION_CHECK' : 'SQL_PARSE';
}
function serverError(e) {
    const err = e;
    const code = err.errno !== undefined ? `ERROR ${err.errno}${err.sqlState ? ` (${err.sqlState})` : ''}: ` : '';
    return { errno: err.errno, text: `${code}${err.sqlMessage ?? err.message ?? String(e)}` };
}
function createPrecheckDb(target, o = {}) {
    const queryTimeout = o.queryTimeoutMs ?? 30_000;
    async function check(input) {
        const parts = [
            { what: 'ExecSQL', statements: splitForServer(input.execSql) },
            { what: 'RollbackSQL', statements: splitForServer(input.rollbackSql) }
        ];
        if (parts[0].statements.length === 0)
            return failedAt('SQL_PARSE', 'ExecSQL contains no statement.');
        for (const p of parts) {
            for (const s of p.statements) {
                const problem = statementTypeProblem(stripLeadingComments(s.text), s.line);
                if (problem)
                    return failedAt('SQL_TYPE_CHECK', `${p.what}: ${problem}`);
            }
        }
        const scratch = `dpg_precheck_${(0,external_node_crypto_.randomBytes)(6).toString('hex')}`;
        let conn;
        try {
            conn = await promise.createConnection({ ...target, connectTimeout: o.connectTimeoutMs ?? 10_000, multipleStatements: false });
        }
        catch (e) {
            return failedAt('SQL_PARSE', `The precheck database could not be reached: ${serverError(e).text}`);
        }
        try {
            await conn.query({ sql: `CREATE DATABASE ${(0,ident/* quoteIdent */.v)(scratch)}`, timeout: queryTimeout });
            // Tables of the ticket's schema, if the server has it, so triggers and views find what they name.
            for (const schema of new Set(input.schemas)) {
                const [rows] = await conn.query({ sql: 'SELECT TABLE_NAME AS t FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = \'BASE TABLE\'', values: [schema], timeout: queryTimeout });
                for (const r of rows) {
                    await conn.query({ sql: `CREATE TABLE ${(0,ident/* quoteIdent */.v)(scratch)}.${(0,ident/* quoteIdent */.v)(r.t)} LIKE ${(0,ident/* quoteIdent */.v)(schema)}.${(0,ident/* quoteIdent */.v)(r.t)}`, timeout: queryTimeout });
                }
            }
            await conn.query({ sql: `USE ${(0,ident/* quoteIdent */.v)(scratch)}`, timeout: queryTimeout });
            let count = 0;
            for (const p of parts) {
                for (const s of p.statements) {
                    // `USE other` would leave the scratch schema; DMS runs a ticket on its own database anyway.
                    if (isUseStatement(stripLeadingComments(s.text)))
                        continue;
                    try {
                        await conn.query({ sql: s.text, timeout: queryTimeout });
                        count++;
                    }
                    catch (e) {
                        const err = serverError(e);
                        return failedAt(stepFor(err.errno), `${p.what} statement at line ${s.line}: ${err.text}`);
                    }
                }
            }
            return passed(`${count} statement(s) parsed and run on the precheck server.`);
        }
        catch (e) {
            return failedAt('SQL_PARSE', `The precheck database failed: ${serverError(e).text}`);
        }
        finally {
            await conn.query({ sql: `DROP DATABASE IF EXISTS ${(0,ident/* quoteIdent */.v)(scratch)}`, timeout: queryTimeout }).catch(() => undefined);
            await conn.end().catch(() => undefined);
        }
    }
    return { check };
}

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
;// CONCATENATED MODULE: ./src/emulator/control.ts
// The emulator's control API under /__emulator/ (docs/emulator.md): plays the DBA, injects faults, adds DMS users,
// their keys and permission tickets, reports counters. Unauthenticated: the emulator listens on loopback only.


function obj(body) {
    if (body === undefined)
        return {};
    if (typeof body !== 'object' || body === null || Array.isArray(body))
        throw new ControlError(400, 'body must be a JSON object');
    return body;
}
function str(o, name, fallback) {
    const v = o[name];
    if (v === undefined || v === null)
        return fallback;
    if (typeof v !== 'string')
        throw new ControlError(400, `${name} must be a string`);
    return v;
}
const APPLY_TYPES = ['DB', 'TAB', 'COL', 'INSTANT'];
const ROLES = ['admin', 'dba', 'user'];
function roleOf(o, fallback) {
    const role = str(o, 'role', fallback);
    if (!ROLES.includes(role))
        throw new ControlError(400, `role must be one of ${ROLES.join(', ')}`);
    return role;
}
function keyOf(o, what, userId) {
    const id = str(o, 'id', '');
    const secret = str(o, 'secret', '');
    if (!id || !secret)
        throw new ControlError(400, `${what}: id and secret are required`);
    const stsToken = o.stsToken === undefined ? undefined : str(o, 'stsToken', '');
    return { id, secret, userId, ...(stsToken ? { stsToken } : {}) };
}
/** Routes one control request; `body` is the parsed JSON body (undefined when empty). */
function handleControl(core, method, path, body) {
    try {
        return route(core, method, path, body);
    }
    catch (e) {
        if (e instanceof ControlError)
            return { status: e.status, body: { error: e.message } };
        if (e instanceof FaultError)
            return { status: 400, body: { error: e.message } };
        throw e;
    }
}
function route(core, method, path, body) {
    const p = path.replace(/\/+$/, '');
    if (p === '/__emulator/health' && method === 'GET')
        return { status: 200, body: { ok: true } };
    if (p === '/__emulator/orders' && method === 'GET')
        return { status: 200, body: { orders: core.orders() } };
    let m = /^\/__emulator\/orders\/(\d+)$/.exec(p);
    if (m && method === 'GET')
        return { status: 200, body: { order: core.order(Number(m[1])) } };
    m = /^\/__emulator\/orders\/(\d+)\/(approve|reject|cancel|fail)$/.exec(p);
    if (m && method === 'POST') {
        const b = obj(body);
        const decision = m[2];
        const o = core.decide(Number(m[1]), decision, str(b, 'comment', ''), b.approver);
        return { status: 200, body: { order: core.orders().find((x) => x.orderId === o.id) } };
    }
    if (p === '/__emulator/faults') {
        if (method === 'GET')
            return { status: 200, body: { faults: core.faults.list() } };
        if (method === 'DELETE') {
            core.faults.clear();
            return { status: 200, body: { faults: [] } };
        }
        if (method === 'POST') {
            const rules = Array.isArray(body) ? body.map(parseFaultRule) : [parseFaultRule(body)];
            for (const r of rules)
                core.addFault(r);
            return { status: 201, body: { faults: core.faults.list() } };
        }
    }
    if (p === '/__emulator/perm-orders' && method === 'POST') {
        const b = obj(body);
        const applyType = str(b, 'applyType', 'DB');
        if (!APPLY_TYPES.includes(applyType))
            throw new ControlError(400, `applyType must be one of ${APPLY_TYPES.join(', ')}`);
        const resources = b.resources ?? [];
        if (!Array.isArray(resources) || !resources.every((r) => typeof r === 'object' && r !== null && !Array.isArray(r))) {
            throw new ControlError(400, 'resources must be an array of objects ({DatabaseInfo, TableInfo, ColumnInfo, InstanceInfo})');
        }
        const permType = b.permType ?? 1;
        const seconds = b.seconds ?? 86400;
        if (!Number.isInteger(permType) || !Number.isInteger(seconds))
            throw new ControlError(400, 'permType and seconds must be integers');
        const committerId = b.committerId;
        if (committerId !== undefined && !Number.isInteger(committerId))
            throw new ControlError(400, 'committerId must be an integer');
        const o = core.createPermOrder({
            applyType, permType: permType, seconds: seconds, resources: resources,
            comment: str(b, 'comment', 'Permission application'), committerId: committerId
        });
        return { status: 201, body: { orderId: o.id, workflowInstanceId: o.workflow?.id ?? 0 } };
    }
    if (p === '/__emulator/users') {
        if (method === 'GET')
            return { status: 200, body: { users: core.users() } };
        if (method === 'POST') {
            const b = obj(body);
            const nick = str(b, 'nick', '');
            if (!nick)
                throw new ControlError(400, 'nick is required');
            const role = roleOf(b, 'user');
            const id = b.id ?? core.freeUserId();
            if (!Number.isSafeInteger(id) || id <= 0)
                throw new ControlError(400, 'id must be a positive integer (a DMS user id)');
            const keys = b.keys ?? [];
            if (!Array.isArray(keys))
                throw new ControlError(400, 'keys must be an array of {id, secret, stsToken?}');
            const parsed = keys.map((k, i) => keyOf(obj(k), `keys[${i}]`, id));
            core.upsertUser({ id: id, nick, role });
            for (const k of parsed)
                core.addKey(k);
            return { status: 201, body: { user: core.users().find((u) => u.id === id) } };
        }
    }
    if (p === '/__emulator/access-keys' && method === 'POST') {
        // A key for a user: an existing one (userId), else a new user with this role.
        const b = obj(body);
        const userId = b.userId ?? core.freeUserId();
        if (!Number.isSafeInteger(userId) || userId <= 0)
            throw new ControlError(400, 'userId must be a positive integer');
        const key = keyOf(b, 'access key', userId);
        const known = core.user(userId);
        const role = roleOf(b, known?.role ?? 'user');
        core.upsertUser({ id: userId, nick: known?.nick ?? `${role}_${userId}`, role });
        core.addKey(key);
        return { status: 201, body: { id: key.id, role, userId } };
    }
    if (p === '/__emulator/stats') {
        if (method === 'GET')
            return { status: 200, body: core.stats.snapshot() };
        if (method === 'DELETE') {
            core.stats.reset();
            return { status: 200, body: core.stats.snapshot() };
        }
    }
    return { status: 404, body: { error: `no control endpoint ${method} ${p}` } };
}

;// CONCATENATED MODULE: ./src/emulator/server.ts
// The node `http` front of the emulator: reads the request bytes, hands them to EmulatorCore or the control
// API, and writes (or delays, or drops) the answer.




const MAX_BODY_BYTES = 10 * 1024 * 1024;
function htmlPage(status, title) {
    return `<html>\r\n<head><title>${status} ${title}</title></head>\r\n<body>\r\n<center><h1>${status} ${title}</h1></center>\r\n</body>\r\n</html>\r\n`;
}
function readBody(req) {
    return new Promise((resolve, reject) => {
        const chunks = [];
        let size = 0;
        req.on('data', (c) => {
            size += c.length;
            if (size > MAX_BODY_BYTES) {
                resolve('too-large');
                req.resume();
                return;
            }
            chunks.push(c);
        });
        req.on('end', () => resolve(Buffer.concat(chunks)));
        req.on('error', reject);
    });
}
function headerMap(req) {
    const out = {};
    const raw = req.rawHeaders;
    for (let i = 0; i < raw.length; i += 2) {
        const name = raw[i].toLowerCase();
        (out[name] ??= []).push(raw[i + 1]);
    }
    return out;
}
async function startHttpFront(core, o) {
    const sockets = new Set();
    const timers = new Set();
    const send = (res, status, contentType, body, requestId) => {
        if (res.destroyed)
            return;
        const headers = { 'content-type': contentType, 'content-length': Buffer.byteLength(body) };
        if (requestId)
            headers['x-acs-request-id'] = requestId;
        res.writeHead(status, headers);
        res.end(body);
    };
    const deliver = (req, res, r) => {
        if (r.destroy) {
            req.socket.destroy();
            return;
        }
        if (r.delayMs) {
            const t = setTimeout(() => {
                timers.delete(t);
                send(res, r.status, r.contentType, r.body, r.requestId);
            }, r.delayMs);
            timers.add(t);
            return;
        }
        send(res, r.status, r.contentType, r.body, r.requestId);
    };
    const onRequest = async (req, res) => {
        const target = req.url ?? '/';
        if (Buffer.byteLength(target) > o.maxUrlBytes) {
            req.resume();
            send(res, 414, 'text/html', htmlPage(414, 'Request-URI Too Large'));
            return;
        }
        const body = await readBody(req);
        if (body === 'too-large') {
            send(res, 413, 'text/html', htmlPage(413, 'Request Entity Too Large'));
            return;
        }
        const q = target.indexOf('?');
        const path = q < 0 ? target : target.slice(0, q);
        const rawQuery = q < 0 ? '' : target.slice(q + 1);
        const method = req.method ?? 'GET';
        if (path.startsWith('/__emulator/')) {
            let parsed;
            if (body.length > 0) {
                try {
                    parsed = JSON.parse(body.toString('utf8'));
                }
                catch {
                    send(res, 400, 'application/json', JSON.stringify({ error: 'body is not valid JSON' }));
                    return;
                }
            }
            const r = handleControl(core, method, path, parsed);
            send(res, r.status, 'application/json', JSON.stringify(r.body));
            return;
        }
        const headers = headerMap(req);
        const host = headers.host?.[0] ?? '';
        let query;
        let form = [];
        try {
            query = parseParams(rawQuery);
            const ct = (headers['content-type']?.[0] ?? '').toLowerCase();
            if (ct.startsWith('application/x-www-form-urlencoded'))
                form = parseParams(body.toString('utf8'));
        }
        catch {
            // Undecodable %-escapes: the gateway cannot even read the parameters.
            deliver(req, res, core.refuse(gateway.badEncoding(), headers['x-acs-action']?.[0] ?? '(none)', host));
            return;
        }
        const signed = { method, path, query, form, body, headers };
        deliver(req, res, core.handle(signed, host));
    };
    const server = (0,external_node_http_.createServer)({ maxHeaderSize: o.maxUrlBytes + 16 * 1024, keepAliveTimeout: 15_000 }, (req, res) => {
        onRequest(req, res).catch((e) => {
            // A bug in the emulator: answer like a gateway whose backend failed, keep serving.
            process.stderr.write(`dms emulator: internal error: ${e.stack ?? String(e)}\n`);
            send(res, 500, 'application/json', JSON.stringify({ Code: 'InternalError', Message: 'The request processing has failed due to some unknown error.' }));
        });
    });
    server.on('connection', (s) => {
        sockets.add(s);
        s.on('close', () => sockets.delete(s));
    });
    server.on('clientError', (err, socket) => {
        if (!socket.writable)
            return;
        // Headers beyond maxHeaderSize: in practice an enormous query string, so answer as a proxy does for the URL.
        const [status, title] = err.code === 'HPE_HEADER_OVERFLOW' ? [414, 'Request-URI Too Large'] : [400, 'Bad Request'];
        const page = htmlPage(status, title);
        socket.end(`HTTP/1.1 ${status} ${title}\r\nContent-Type: text/html\r\nContent-Length: ${Buffer.byteLength(page)}\r\nConnection: close\r\n\r\n${page}`);
    });
    await new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(o.port, o.host, () => {
            server.off('error', reject);
            resolve();
        });
    });
    const port = server.address().port;
    return {
        server,
        port,
        close: () => new Promise((resolve) => {
            for (const t of timers)
                clearTimeout(t);
            timers.clear();
            server.close(() => resolve());
            for (const s of sockets)
                s.destroy();
        })
    };
}

;// CONCATENATED MODULE: ./src/emulator/state.ts
// The emulator's data: plain JSON-serializable records, so the whole state can persist to a file.
function emptyData() {
    return { version: 1, nextOrderId: 1001, nextWorkflowId: 5001, nextTemplateId: 301, orders: [], templates: [], uploadJobs: [], attachments: {} };
}

;// CONCATENATED MODULE: ./src/emulator/index.ts
// Public API of the DMS emulator: `startEmulator(options)` → a running wire-compatible DMS endpoint on loopback.








const DEFAULT_ACCESS_KEY = { id: 'LTAI5tEmulatorAccessKey', secret: 'emulator-access-key-secret' };
const DEFAULT_TID = 3;
/** The user behind DEFAULT_ACCESS_KEY: a plain committer, as the gate's own identity should be. */
const DEFAULT_USER = { id: 300051, nick: 'dms_proc_gate', role: 'user' };
/** Always present, without keys unless given some: the admin and the two approvers of the default workflow. */
const BUILTIN_USERS = [
    { id: 51, nick: 'admin', role: 'admin' }, { id: 61, nick: 'dba_alice', role: 'dba' }, { id: 62, nick: 'dba_bob', role: 'dba' }
];
function checkUserId(id, where) {
    if (!Number.isSafeInteger(id) || id <= 0)
        throw new Error(`${where}: a DMS user id must be a positive integer, got ${id}`);
    return id;
}
/** Users and keys from `users` and `accessKeys` (later declarations of one id win; a key id is used once). */
function resolveUsers(o) {
    const users = BUILTIN_USERS.map((u) => ({ ...u }));
    const keys = [];
    const upsert = (u) => {
        const i = users.findIndex((x) => x.id === u.id);
        if (i >= 0)
            users[i] = u;
        else
            users.push(u);
    };
    const addKey = (k, where) => {
        if (keys.some((x) => x.id === k.id))
            throw new Error(`${where}: access key ${k.id} is declared twice`);
        keys.push(k);
    };
    for (const n of o.approvalNodes ?? []) {
        for (const a of n.approvers)
            if (!users.some((u) => u.id === a.id))
                upsert({ id: a.id, nick: a.nick, role: 'dba' });
    }
    const keySpecs = o.accessKeys ?? [{ ...DEFAULT_ACCESS_KEY, userId: DEFAULT_USER.id }];
    keySpecs.forEach((k, i) => {
        const where = `accessKeys[${i}]`;
        const userId = checkUserId(k.userId ?? (i === 0 ? DEFAULT_USER.id : 100 + i), where);
        const known = users.find((u) => u.id === userId);
        const role = k.role ?? known?.role ?? 'user';
        const nick = known?.nick ?? (userId === DEFAULT_USER.id ? DEFAULT_USER.nick : `${role}_${userId}`);
        upsert({ id: userId, nick, role });
        addKey({ id: k.id, secret: k.secret, userId, ...(k.stsToken ? { stsToken: k.stsToken } : {}) }, where);
    });
    let next = 200_000_000_001;
    for (const [i, u] of (o.users ?? []).entries()) {
        const where = `users[${i}]`;
        if (!u.nick || typeof u.nick !== 'string')
            throw new Error(`${where}: nick is required`);
        while (users.some((x) => x.id === next))
            next++;
        const id = checkUserId(u.id ?? next, where);
        upsert({ id, nick: u.nick, role: u.role ?? 'user' });
        for (const k of u.keys ?? [])
            addKey({ id: k.id, secret: k.secret, userId: id, ...(k.stsToken ? { stsToken: k.stsToken } : {}) }, where);
    }
    return { users, keys };
}
/** Fills in the defaults of every option (exported for the CLI and tests). */
function resolveConfig(o) {
    const { users, keys } = resolveUsers(o);
    const approvalNodes = o.approvalNodes
        ? o.approvalNodes.map((n) => ({ name: n.name, userIds: n.approvers.map((a) => a.id) }))
        : [{ name: 'DBA review', userIds: [61, 62] }];
    const maxPage = o.listOrdersMaxPageSize ?? 100;
    if (!Number.isInteger(maxPage) || maxPage < 1)
        throw new Error(`listOrdersMaxPageSize must be a positive integer, got ${maxPage}`);
    const dbs = o.databases ?? [{ schema: 'demo' }];
    const ids = new Set();
    const databases = dbs.map((d, i) => {
        const id = d.id ?? i + 1;
        if (ids.has(id))
            throw new Error(`databases: DatabaseId ${id} is used twice`);
        ids.add(id);
        return {
            id, schema: d.schema, host: d.host ?? 'rm-emulator.mysql.rds.aliyuncs.com', port: d.port ?? 3306,
            dbType: d.dbType ?? 'mysql', envType: d.envType ?? 'dev', ...(d.logic ? { logic: true } : {})
        };
    });
    return {
        keys,
        config: {
            tid: o.tid ?? DEFAULT_TID,
            tenantName: 'dms-proc-gate emulator',
            databases,
            users,
            approvalNodes,
            precheckDelayMs: o.precheckDelayMs ?? 200,
            executeDelayMs: o.executeDelayMs ?? 200,
            businessErrorStatus: o.businessErrorStatus ?? 'always-200',
            searchContent: o.searchContent ?? 'comment',
            asAdminWithoutRole: o.asAdminWithoutRole ?? 'refuse',
            listOrdersMaxPageSize: maxPage
        }
    };
}
async function startEmulator(o = {}) {
    const { config, keys } = resolveConfig(o);
    const data = (o.stateFile ? loadState(o.stateFile) : undefined) ?? emptyData();
    const precheck = o.precheckDb !== undefined
        ? createPrecheckDb(parsePrecheckDbUrl(o.precheckDb)).check
        : (input) => precheckProcSql(input.execSql, { splitStatements: lexer/* splitStatements */.Xd, tokenize: lexer/* tokenize */.qw });
    const core = new EmulatorCore({ config, keys, data, clockSkewSeconds: o.clockSkewSeconds ?? 900, stateFile: o.stateFile, now: o.now, precheck });
    const host = o.host ?? '127.0.0.1';
    const front = await startHttpFront(core, { host, port: o.port ?? 0, maxUrlBytes: o.maxUrlBytes ?? 32 * 1024 });
    const endpoint = `${host}:${front.port}`;
    return {
        url: `http://${endpoint}`,
        port: front.port,
        endpoint,
        close: async () => {
            await front.close();
            await core.idle();
        },
        state: {
            whenIdle: () => core.idle(),
            users: () => core.users(),
            orders: () => core.orders(),
            data: () => core.data,
            stats: () => core.stats.snapshot(),
            config
        }
    };
}

;// CONCATENATED MODULE: ./src/cli/emulator.ts
// `dms-proc-gate emulator`: runs the local DMS endpoint until SIGINT/SIGTERM. Prints the URL as its only
// stdout line once listening (scripts read it), a short human note on stderr.



const USAGE = `usage: dms-proc-gate emulator [--port <p>] [--host 127.0.0.1]
         [--access-key-id <id> --access-key-secret <secret> [--security-token <t>]]
         [--database <schema>[@<host>[:<port>]]]... [--state-file <file>] [--tid <n>]
         [--precheck-delay-ms <n>] [--execute-delay-ms <n>] [--clock-skew-seconds <n>]
         [--max-url-bytes <n>] [--business-errors always-200|documented]
         [--user nick=<nick>[,id=<dms user id>][,role=admin|dba|user][,key=<id>:<secret>]...]...
         [--search-content comment|none] [--as-admin-without-role refuse|own] [--list-max-page-size <n>]
         [--precheck-db mysql://user[:password]@host[:port] | mysql://user@localhost?socket=/path]

Serves the DMS (dms-enterprise 2018-11-01) wire protocol on http://<host>:<port>, verifying V3 and V1
signatures. Always holds the MySQL schema 'demo'; --database adds more. The access key belongs to a plain
'user'-role DMS user (id ${DEFAULT_USER.id}); --user declares more DMS users, each with its role and keys.
Control API: GET <url>/__emulator/orders, POST <url>/__emulator/orders/<id>/approve|reject|cancel,
GET|POST <url>/__emulator/users, POST|DELETE <url>/__emulator/faults, GET <url>/__emulator/stats.
exit status: 0 stopped (SIGINT/SIGTERM), 1 could not start (e.g. the port is taken), 2 usage error
`;
class UsageError extends Error {
}
function intFlag(name, v, min, max = Number.MAX_SAFE_INTEGER) {
    if (v === undefined)
        return undefined;
    if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max)
        throw new UsageError(`--${name} must be an integer from ${min} to ${max}, got '${v}'`);
    return Number(v);
}
/** `schema`, `schema@host` or `schema@host:port`. */
function parseDatabaseFlag(v) {
    const m = /^([^@\s]+)(?:@([^:\s]+)(?::(\d+))?)?$/.exec(v);
    if (!m)
        throw new UsageError(`--database must look like schema[@host[:port]], got '${v}'`);
    return { schema: m[1], ...(m[2] ? { host: m[2] } : {}), ...(m[3] ? { port: Number(m[3]) } : {}) };
}
const emulator_ROLES = ['admin', 'dba', 'user'];
/** `nick=dba_carol,id=70001,role=dba,key=AK1:secret1,key=AK2:secret2` (a secret may not contain ','). */
function parseUserFlag(v) {
    const spec = { nick: '' };
    const keys = [];
    for (const part of v.split(',')) {
        const eq = part.indexOf('=');
        const name = eq < 0 ? part : part.slice(0, eq);
        const value = eq < 0 ? '' : part.slice(eq + 1);
        if (name === 'nick' && /^\S+$/.test(value))
            spec.nick = value;
        else if (name === 'id' && /^[1-9]\d{0,15}$/.test(value) && Number.isSafeInteger(Number(value)))
            spec.id = Number(value);
        else if (name === 'role' && emulator_ROLES.includes(value))
            spec.role = value;
        else if (name === 'key' && /^[^:\s]+:\S+$/.test(value)) {
            const colon = value.indexOf(':');
            keys.push({ id: value.slice(0, colon), secret: value.slice(colon + 1) });
        }
        else {
            throw new UsageError(`--user: bad part '${part}' in '${v}'; expected nick=<nick>, id=<positive integer>, role=admin|dba|user, key=<id>:<secret>`);
        }
    }
    if (!spec.nick)
        throw new UsageError(`--user needs nick=<nick>, got '${v}'`);
    return keys.length ? { ...spec, keys } : spec;
}
function choice(name, v, allowed) {
    if (v === undefined)
        return undefined;
    if (!allowed.includes(v))
        throw new UsageError(`--${name} must be ${allowed.join(' or ')}, got '${v}'`);
    return v;
}
function parseEmulatorArgs(argv) {
    const { values, positionals } = (0,external_node_util_.parseArgs)({
        args: argv,
        allowPositionals: true,
        options: {
            port: { type: 'string' }, host: { type: 'string' },
            'access-key-id': { type: 'string' }, 'access-key-secret': { type: 'string' }, 'security-token': { type: 'string' },
            database: { type: 'string', multiple: true }, 'state-file': { type: 'string' }, tid: { type: 'string' },
            'precheck-delay-ms': { type: 'string' }, 'execute-delay-ms': { type: 'string' }, 'clock-skew-seconds': { type: 'string' },
            'max-url-bytes': { type: 'string' }, 'business-errors': { type: 'string' }, help: { type: 'boolean', short: 'h' },
            user: { type: 'string', multiple: true }, 'search-content': { type: 'string' }, 'as-admin-without-role': { type: 'string' },
            'list-max-page-size': { type: 'string' }, 'precheck-db': { type: 'string' }
        }
    });
    if (values.help)
        throw new UsageError('');
    if (positionals.length > 0)
        throw new UsageError(`unexpected argument '${positionals[0]}'`);
    const id = values['access-key-id'];
    const secret = values['access-key-secret'];
    if ((id === undefined) !== (secret === undefined))
        throw new UsageError('--access-key-id and --access-key-secret go together');
    const host = values.host ?? '127.0.0.1';
    const businessErrors = choice('business-errors', values['business-errors'], ['always-200', 'documented']);
    const precheckDb = values['precheck-db'];
    if (precheckDb !== undefined) {
        try {
            parsePrecheckDbUrl(precheckDb);
        }
        catch (e) {
            throw new UsageError(e.message);
        }
    }
    const extra = (values.database ?? []).map(parseDatabaseFlag);
    const databases = [{ schema: 'demo' }];
    for (const d of extra) {
        const same = databases.some((x) => x.schema === d.schema && (x.host ?? '') === (d.host ?? '') && (x.port ?? 3306) === (d.port ?? 3306));
        if (!same)
            databases.push(d);
    }
    return {
        port: intFlag('port', values.port, 0, 65535) ?? 0,
        host,
        // The default user is a plain committer (DEFAULT_USER), like the gate's own DMS identity.
        accessKeys: [id !== undefined && secret !== undefined
                ? { id, secret, userId: DEFAULT_USER.id, ...(values['security-token'] ? { stsToken: values['security-token'] } : {}) }
                : { ...DEFAULT_ACCESS_KEY, userId: DEFAULT_USER.id }],
        users: (values.user ?? []).map(parseUserFlag),
        searchContent: choice('search-content', values['search-content'], ['comment', 'none']),
        asAdminWithoutRole: choice('as-admin-without-role', values['as-admin-without-role'], ['refuse', 'own']),
        listOrdersMaxPageSize: intFlag('list-max-page-size', values['list-max-page-size'], 1),
        ...(precheckDb !== undefined ? { precheckDb } : {}),
        databases,
        stateFile: values['state-file'],
        tid: intFlag('tid', values.tid, 1),
        precheckDelayMs: intFlag('precheck-delay-ms', values['precheck-delay-ms'], 0),
        executeDelayMs: intFlag('execute-delay-ms', values['execute-delay-ms'], 0),
        clockSkewSeconds: intFlag('clock-skew-seconds', values['clock-skew-seconds'], 1),
        maxUrlBytes: intFlag('max-url-bytes', values['max-url-bytes'], 1024),
        businessErrorStatus: businessErrors
    };
}
async function run(argv) {
    let options;
    try {
        options = parseEmulatorArgs(argv);
    }
    catch (e) {
        if (e instanceof UsageError || e.code?.startsWith('ERR_PARSE_ARGS')) {
            if (!e.message) {
                process.stdout.write(USAGE); // --help
                return 0;
            }
            process.stderr.write(`dms-proc-gate emulator: ${e.message}\n\n${USAGE}`);
            return 2;
        }
        throw e;
    }
    let emulator;
    try {
        emulator = await startEmulator(options);
    }
    catch (e) {
        process.stderr.write(`dms-proc-gate emulator: ${e.message}\n`);
        return 1;
    }
    const key = options.accessKeys?.[0];
    process.stdout.write(`${emulator.url}\n`);
    const users = emulator.state.config.users.map((u) => `${u.nick} (${u.role} ${u.id})`).join(', ');
    process.stderr.write(`DMS emulator: access key ${key?.id}${argv.includes('--access-key-id') ? '' : ` (secret ${DEFAULT_ACCESS_KEY.secret})`} ` +
        `of DMS user ${DEFAULT_USER.nick}; users ${users}; ` +
        `tenant ${emulator.state.config.tid}, databases ${emulator.state.config.databases.map((d) => d.schema).join(', ')}; ` +
        `control API ${emulator.url}/__emulator/orders; Ctrl-C stops it.\n`);
    await new Promise((resolve) => {
        const stop = () => {
            process.off('SIGINT', stop);
            process.off('SIGTERM', stop);
            resolve();
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
    });
    await emulator.close();
    return 0;
}


/***/ }),

/***/ 9436:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   IX: () => (/* binding */ describeVerifyDatabase),
/* harmony export */   JK: () => (/* binding */ VerifyUrlError),
/* harmony export */   UK: () => (/* binding */ parseVerifyUrl),
/* harmony export */   zh: () => (/* binding */ Secret)
/* harmony export */ });
/* unused harmony exports DEFAULT_MYSQL_PORT, passwordForms */
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_util__WEBPACK_IMPORTED_MODULE_0__);
// The verify-database URL: `mysql://user[:password]@host[:port]`, or `mysql://user@localhost?socket=/path`.
// Pure. Errors describe the problem without ever repeating the URL (it may hold the password); the caller
// names the input (`--verify`, `verify-database`).

/** A password that prints as *** however it is logged (String(), JSON, util.inspect). */
class Secret {
    #value;
    constructor(value) {
        this.#value = value;
    }
    reveal() {
        return this.#value;
    }
    toString() {
        return '***';
    }
    toJSON() {
        return '***';
    }
    [node_util__WEBPACK_IMPORTED_MODULE_0__.inspect.custom]() {
        return 'Secret(***)';
    }
}
const DEFAULT_MYSQL_PORT = 3306;
class VerifyUrlError extends Error {
}
const FORM = 'expected mysql://user[:password]@host[:port] or mysql://user@localhost?socket=/path';
function fail(message) {
    throw new VerifyUrlError(message);
}
function decode(part, what) {
    try {
        return decodeURIComponent(part);
    }
    catch {
        return fail(`the ${what} has an invalid %-escape`);
    }
}
/** Parses and validates; throws VerifyUrlError with a message that never contains the password. */
function parseVerifyUrl(raw) {
    const text = raw.trim();
    if (text === '')
        fail(`is empty (${FORM})`);
    const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(text);
    if (!scheme)
        fail(`is not a URL (${FORM})`);
    if (!['mysql', 'mariadb'].includes(scheme[1].toLowerCase()))
        fail(`must start with mysql:// (got ${scheme[1]}://)`);
    let url;
    try {
        url = new URL(text);
    }
    catch {
        return fail(`is not a valid URL (${FORM}; %-encode special characters in the user and password)`);
    }
    if (url.username === '')
        fail(`names no user (${FORM})`);
    if (url.hash !== '')
        fail('must not have a #fragment');
    if (url.pathname !== '' && url.pathname !== '/') {
        fail('must not name a database: verification creates and drops its own scratch schemas');
    }
    const params = [...url.searchParams.keys()];
    for (const p of params)
        if (p !== 'socket')
            fail(`has an unknown parameter '${p}' (only ?socket=/path is supported)`);
    if (url.searchParams.getAll('socket').length > 1)
        fail('gives ?socket= twice');
    const user = decode(url.username, 'user');
    const db = { user, endpoint: { kind: 'tcp', host: '', port: DEFAULT_MYSQL_PORT } };
    // `user:@host` is an explicit empty password; `user@host` is none. Both connect without one.
    if (url.password !== '')
        db.password = new Secret(decode(url.password, 'password'));
    const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
    const socket = url.searchParams.get('socket');
    if (socket !== null) {
        if (!socket.startsWith('/'))
            fail('?socket= must be an absolute path to the server\'s Unix socket');
        if (url.port !== '')
            fail('give either a port or ?socket=, not both');
        if (host !== 'localhost')
            fail(`with ?socket= the host must be localhost (got ${host === '' ? 'none' : host})`);
        db.endpoint = { kind: 'socket', path: socket };
        return db;
    }
    if (host === '')
        fail(`names no host (${FORM})`);
    let port = DEFAULT_MYSQL_PORT;
    if (url.port !== '') {
        port = Number(url.port);
        if (!Number.isInteger(port) || port < 1 || port > 65535)
            fail(`has an invalid port (${url.port}): use 1–65535`);
    }
    db.endpoint = { kind: 'tcp', host, port };
    return db;
}
/** The URL with the password replaced by `***`: safe for logs, messages and reports. */
function describeVerifyDatabase(db) {
    const user = encodeURIComponent(db.user) + (db.password !== undefined ? ':***' : '');
    if (db.endpoint.kind === 'socket')
        return `mysql://${user}@localhost?socket=${db.endpoint.path}`;
    const host = db.endpoint.host.includes(':') ? `[${db.endpoint.host}]` : db.endpoint.host;
    return `mysql://${user}@${host}:${db.endpoint.port}`;
}
/**
 * Every form in which the password of a (possibly invalid) URL could be printed, so a caller can mask them
 * before parsing: as written (%-encoded) and decoded. Empty when the text has no `user:password@`.
 */
function passwordForms(raw) {
    const m = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/([^/?#]*)@/.exec(raw.trim());
    if (!m)
        return [];
    const userinfo = m[1];
    const colon = userinfo.indexOf(':');
    if (colon === -1)
        return [];
    const written = userinfo.slice(colon + 1);
    if (written === '')
        return [];
    const forms = new Set([written]);
    try {
        forms.add(decodeURIComponent(written));
    }
    catch {
        // an invalid escape: the written form is all there is
    }
    return [...forms];
}


/***/ })

};
