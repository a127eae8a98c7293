export const id = 698;
export const ids = [698];
export const modules = {

/***/ 7698:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  formatTicketStatus: () => (/* binding */ formatTicketStatus),
  readTicketStatus: () => (/* binding */ readTicketStatus),
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: ./src/dms/errors.ts
var errors = __webpack_require__(389);
// EXTERNAL MODULE: ./src/perm/dms-connection.ts + 9 modules
var dms_connection = __webpack_require__(8249);
// EXTERNAL MODULE: ./src/dms/normalize.ts
var normalize = __webpack_require__(1475);
;// CONCATENATED MODULE: ./src/perm/verdict.ts
// Pure: what a permission ticket's DMS state means for the gate.

const PERM_APPLY = 'PERM_APPLY';
/** Why the ticket is not a permission application, or null when it is. */
function notPermApplyReason(orderId, base, approval) {
    const plugin = base.pluginType.trim().toUpperCase();
    if (plugin !== '' && plugin !== PERM_APPLY) {
        return `ticket ${orderId} is a ${base.pluginType} ticket, not a permission application (${PERM_APPLY})`;
    }
    const type = approval?.orderType.trim().toUpperCase() ?? '';
    if (type !== '' && type !== PERM_APPLY)
        return `ticket ${orderId}'s approval is for a ${approval.orderType} ticket, not a permission application (${PERM_APPLY})`;
    if (plugin === '' && type === '')
        return `DMS did not say what kind of ticket ${orderId} is; only ${PERM_APPLY} tickets can gate a PR`;
    return null;
}
/** The verdict from the ticket's status and (when submitted) its approval workflow. */
function permVerdict(base, approval) {
    const wf = approval?.status;
    switch (base.status) {
        case 'reject':
            return { verdict: 'rejected', reason: 'rejected in DMS' };
        case 'cancel':
            return { verdict: 'rejected', reason: 'cancelled in DMS' };
        case 'closed':
            return { verdict: 'rejected', reason: 'closed in DMS' };
        case 'fail':
        case 'precheck_failed':
            return { verdict: 'rejected', reason: `failed in DMS (${base.statusCode})` };
        case 'approved':
        case 'success':
            return { verdict: 'approved', reason: 'approved in DMS' };
        default:
            break;
    }
    if (wf === 'reject')
        return { verdict: 'rejected', reason: 'rejected in the DMS approval workflow' };
    if (wf === 'cancel')
        return { verdict: 'rejected', reason: 'cancelled in the DMS approval workflow' };
    if (wf === 'approved')
        return { verdict: 'approved', reason: 'approved in the DMS approval workflow' };
    return { verdict: 'pending', reason: base.status === 'toaudit' || wf === 'auditing' ? 'waiting for approval' : `waiting (${base.statusCode || 'unknown status'})` };
}
const RANK = { refused: 4, rejected: 3, unavailable: 2, pending: 1, approved: 0 };
/** The gate over all tickets: approved only when every one is (and trivially when there are none). */
function overallVerdict(verdicts) {
    return verdicts.reduce((worst, v) => (RANK[v] > RANK[worst] ? v : worst), 'approved');
}
/** PermType by name: `query + export (3)`. The GetPermApplyOrderDetail model documents 1 query, 2 export, 4 change,
 *  8 logon and their sums; anything else is shown raw. */
function describePermType(permType) {
    if (permType === null)
        return 'unknown';
    const kinds = (0,normalize/* permKinds */.SP)(permType);
    return kinds.length > 0 ? `${kinds.join(' + ')} (${permType})` : `${permType} (not a documented PermType)`;
}
function describeDuration(seconds) {
    if (seconds === null)
        return 'unknown';
    if (seconds % 86400 === 0)
        return `${seconds / 86400} day${seconds === 86400 ? '' : 's'}`;
    if (seconds % 3600 === 0)
        return `${seconds / 3600} hour${seconds === 3600 ? '' : 's'}`;
    return `${seconds} seconds`;
}

;// CONCATENATED MODULE: ./src/perm/describe.ts

function pickText(rec, keys) {
    if (!rec)
        return '';
    for (const k of keys) {
        const v = rec[k];
        if (typeof v === 'string' && v !== '')
            return v;
        if (typeof v === 'number')
            return String(v);
    }
    return '';
}
function part(label, rec, keys) {
    if (!rec || Object.keys(rec).length === 0)
        return null;
    const named = pickText(rec, keys);
    return `${label} ${named || JSON.stringify(rec)}`;
}
/** RowInfo (row-level permission): `rows of shop.orders where customer_id (EXACT, row group 7)`. */
function rowPart(row) {
    if (!row || Object.keys(row).length === 0)
        return null;
    const table = [pickText(row, ['SchemaName']), pickText(row, ['TableName'])].filter(Boolean).join('.');
    const column = pickText(row, ['ColumnName']);
    const extra = [pickText(row, ['MatchMode']), pickText(row, ['RowGroupId']) && `row group ${pickText(row, ['RowGroupId'])}`].filter(Boolean).join(', ');
    if (!table && !column)
        return `rows ${JSON.stringify(row)}`;
    return `rows of ${table || '?'}${column ? ` by ${column}` : ''}${extra ? ` (${extra})` : ''}`;
}
/** `instance rm-x (rm-x.mysql…:3306) / database shop / table orders / column email` */
function describeResource(r) {
    const host = pickText(r.instance, ['Host']);
    const port = pickText(r.instance, ['Port']);
    const instanceName = pickText(r.instance, ['InstanceId', 'InstanceAlias', 'InstanceName']);
    const instance = r.instance && Object.keys(r.instance).length
        ? `instance ${instanceName || host || JSON.stringify(r.instance)}${instanceName && host ? ` (${host}${port ? `:${port}` : ''})` : ''}`
        : null;
    const parts = [
        instance,
        part('database', r.database, ['SearchName', 'SchemaName', 'DbName', 'DbId', 'DatabaseId']),
        part('table', r.table, ['TableName', 'Name']),
        part('column', r.column, ['ColumnName', 'Name']),
        rowPart(r.row),
        part('row value', r.rowValue, ['RowValue'])
    ].filter((p) => p !== null);
    return parts.length ? parts.join(' / ') : '(no resource details)';
}
function describePermRequest(d) {
    const lines = [`apply type ${d.applyType}, permission type ${describePermType(d.permType)}, duration ${describeDuration(d.seconds)}`];
    if (d.resources.length === 0)
        lines.push('no resources listed');
    for (const r of d.resources)
        lines.push(`- ${describeResource(r)}`);
    return lines;
}
const VERDICT_LABEL = {
    approved: '✅ approved',
    pending: '⏳ pending',
    rejected: '❌ rejected',
    refused: '⛔ refused',
    unavailable: '⚠️ unavailable'
};
function cell(text) {
    return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
function sourceText(s) {
    if (!s)
        return '';
    return s.kind === 'config' ? `${s.file}:${s.line}` : `PR description line ${s.line}`;
}
/** A Markdown table of the permission tickets for the PR comment / job summary ('' when there are none). */
function permGateMarkdown(gate) {
    if (gate.orders.length === 0)
        return '';
    const rows = gate.orders.map((o) => {
        const handlers = o.verdict === 'pending' && o.approval?.currentHandlers.length
            ? ` — waiting for ${o.approval.currentHandlers.map((h) => h.nickName || String(h.id)).join(', ')}`
            : '';
        const requested = o.request ? describePermRequest(o.request).map((l) => l.replace(/^- /, '')).join('; ') : '—';
        return `| ${o.orderId} | ${VERDICT_LABEL[o.verdict]}: ${cell(o.reason)}${cell(handlers)} | ${cell(requested)} | ${cell(sourceText(o.source))} |`;
    });
    return ['| Permission ticket | State | Requested | Named in |', '|---|---|---|---|', ...rows].join('\n') + '\n';
}

;// CONCATENATED MODULE: ./src/cli/status.ts
// `dms-proc-gate status <orderId> [--json] [connection flags]`: any DMS ticket's state, its approval nodes and
// handlers, and for permission tickets (PERM_APPLY) what they request. Exit 0 shown, 1 DMS error, 2 usage.





const USAGE = `usage: dms-proc-gate status <orderId> [--json] [connection options]

Prints a DMS ticket's state, its approval nodes and current handlers, and for permission tickets
(PERM_APPLY) the requested resources. --json prints {order, approval, permApply} for scripts.
exit status: 0 shown, 1 DMS error, 2 usage error

${dms_connection/* CONNECTION_USAGE */.T3}`;
async function readTicketStatus(client, orderId) {
    const order = await client.getOrderBaseInfo(orderId);
    const approval = order.workflowInstanceId !== null ? await client.getApprovalDetail(order.workflowInstanceId) : null;
    const isPerm = order.pluginType.toUpperCase() === PERM_APPLY || approval?.orderType.toUpperCase() === PERM_APPLY;
    const permApply = isPerm ? await client.getPermApplyOrderDetail(orderId) : null;
    return { order, approval, permApply };
}
function userLabel(name, id) {
    if (name && id !== null)
        return `${name} (${id})`;
    return name || (id !== null ? String(id) : 'unknown');
}
function formatTicketStatus(s) {
    const o = s.order;
    const out = [
        `Ticket ${o.orderId}${o.pluginType ? ` (${o.pluginType})` : ''}`,
        `  status:     ${o.statusCode || 'unknown'}${o.statusDesc ? ` — ${o.statusDesc}` : ''}`,
        `  committer:  ${userLabel(o.committer, o.committerId)}`,
        `  created:    ${o.createTime || '-'}   last change: ${o.lastModifyTime || '-'}`
    ];
    if (o.comment)
        out.push(`  comment:    ${o.comment.split('\n')[0]}`);
    if (o.relatedUserIds.length)
        out.push(`  related:    ${o.relatedUserIds.map((id, i) => userLabel(o.relatedUserNicks[i] ?? '', id)).join(', ')}`);
    if (!s.approval) {
        out.push('Approval: not submitted for approval yet');
    }
    else {
        const a = s.approval;
        out.push(`Approval (workflow ${a.workflowInstanceId ?? o.workflowInstanceId}): ${a.statusCode || a.status}${a.orderType ? `, order type ${a.orderType}` : ''}`);
        a.nodes.forEach((n, i) => {
            const who = n.operatorId !== null ? `, by ${n.operatorId}${n.time ? ` at ${n.time}` : ''}` : '';
            const auditors = n.auditors.length ? `, approvers ${n.auditors.join(', ')}` : '';
            out.push(`  ${i + 1}. ${n.name || '(unnamed node)'}: ${n.statusCode || n.status}${who}${auditors}${n.comment ? ` — "${n.comment}"` : ''}`);
        });
        out.push(`  current handlers: ${a.currentHandlers.length ? a.currentHandlers.map((h) => userLabel(h.nickName, h.id)).join(', ') : 'none'}`);
        if (a.reasons.length)
            out.push(`  reasons: ${a.reasons.join('; ')}`);
    }
    if (s.permApply) {
        out.push('Permission request:');
        for (const line of describePermRequest(s.permApply))
            out.push(`  ${line}`);
    }
    return out.join('\n') + '\n';
}
async function run(argv) {
    let values;
    let positionals;
    try {
        ;
        ({ values, positionals } = (0,external_node_util_.parseArgs)({
            args: argv,
            options: { ...dms_connection/* CONNECTION_OPTIONS */.Ur, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
            allowPositionals: true,
            strict: true
        }));
    }
    catch (err) {
        process.stderr.write(`dms-proc-gate status: ${err.message}\n\n${USAGE}`);
        return 2;
    }
    if (values.help) {
        process.stdout.write(USAGE);
        return 0;
    }
    if (positionals.length !== 1 || !/^[1-9][0-9]{0,15}$/.test(positionals[0]) || !Number.isSafeInteger(Number(positionals[0]))) {
        process.stderr.write(`dms-proc-gate status: give exactly one ticket id (a positive integer)${positionals.length ? `, got ${positionals.map((p) => JSON.stringify(p)).join(' ')}` : ''}\n\n${USAGE}`);
        return 2;
    }
    const conn = (0,dms_connection/* connect */.Ng)(values);
    if (!conn.ok) {
        process.stderr.write(`dms-proc-gate status: ${conn.message}\n`);
        return 2;
    }
    const orderId = Number(positionals[0]);
    try {
        const status = await readTicketStatus(conn.client, orderId);
        process.stdout.write(values.json ? JSON.stringify(status, null, 2) + '\n' : formatTicketStatus(status));
        return 0;
    }
    catch (e) {
        const message = e instanceof errors/* DmsError */.xJ ? e.message : `unexpected error: ${e?.message ?? String(e)}`;
        if (values.json)
            process.stdout.write(JSON.stringify({ error: { message, ...(e instanceof errors/* DmsError */.xJ ? { code: e.code, requestId: e.requestId } : {}) } }, null, 2) + '\n');
        process.stderr.write(`dms-proc-gate status: ${message}\n`);
        return 1;
    }
}


/***/ })

};
