export const id = 662;
export const ids = [662];
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
