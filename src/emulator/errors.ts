// The two kinds of failure the emulator answers, shaped like the real endpoint's:
// - gateway errors (signature, throttling, 5xx): HTTP 4xx/5xx, body {RequestId, HostId, Code, Message, Recommend};
// - DMS business errors: HTTP 200 (by default) with {RequestId, Success:false, ErrorCode, ErrorMessage}.

export type GatewayCode =
  | 'SignatureDoesNotMatch' | 'IncompleteSignature' | 'InvalidAccessKeyId.NotFound' | 'SignatureNonceUsed'
  | 'InvalidTimeStamp.Expired' | 'InvalidTimeStamp.Format' | 'MissingParameter' | 'InvalidParameter'
  | 'InvalidSecurityToken.MismatchWithAccessKey' | 'InvalidSecurityToken.Malformed' | 'InvalidAction.NotFound'
  | 'InvalidVersion' | 'UnsupportedSignatureMethod' | 'Throttling.User' | 'ServiceUnavailable'
  | 'UnsupportedHTTPMethod' | 'InvalidParameter.Encoding'

export class GatewayError extends Error {
  constructor(readonly status: number, readonly code: GatewayCode, message: string) {
    super(message)
  }
}

/** Codes the gateway uses, with their HTTP status and Alibaba's wording. */
export const gateway = {
  signatureMismatch: (stringToSign: string) => new GatewayError(400, 'SignatureDoesNotMatch',
    `Specified signature does not match our calculation. server string to sign is:${stringToSign}`),
  incomplete: (why: string) => new GatewayError(400, 'IncompleteSignature',
    `The request signature does not conform to Aliyun standards. ${why}`),
  unknownKey: () => new GatewayError(404, 'InvalidAccessKeyId.NotFound', 'Specified access key is not found.'),
  nonceUsed: () => new GatewayError(400, 'SignatureNonceUsed', 'Specified signature nonce was used already.'),
  expired: (given: string) => new GatewayError(400, 'InvalidTimeStamp.Expired',
    `Specified time stamp or date value is expired. (${given})`),
  badTimestamp: (given: string) => new GatewayError(400, 'InvalidTimeStamp.Format',
    `Specified time stamp or date value is not well formatted. (${given})`),
  missing: (name: string) => new GatewayError(400, 'MissingParameter',
    `The input parameter "${name}" that is mandatory for processing this request is not supplied.`),
  tokenMismatch: () => new GatewayError(400, 'InvalidSecurityToken.MismatchWithAccessKey',
    'Specified SecurityToken mismatch with the AccessKey.'),
  tokenMissing: () => new GatewayError(400, 'InvalidSecurityToken.Malformed',
    'Specified SecurityToken is malformed or missing for this AccessKey.'),
  unknownAction: (action: string) => new GatewayError(404, 'InvalidAction.NotFound',
    `Specified api is not found, please check your url and method. (${action})`),
  badVersion: (version: string) => new GatewayError(400, 'InvalidVersion', `Specified parameter Version is not valid. (${version})`),
  badMethod: (m: string) => new GatewayError(400, 'UnsupportedSignatureMethod', `Specified signature method is not supported. (${m})`),
  badHttpMethod: (m: string) => new GatewayError(400, 'UnsupportedHTTPMethod', `This http method is not supported. (${m})`),
  badEncoding: () => new GatewayError(400, 'InvalidParameter.Encoding', 'A request parameter is not correctly percent-encoded.'),
  throttled: (status: 400 | 429) => new GatewayError(status, 'Throttling.User', 'Request was denied due to user flow control.'),
  unavailable: () => new GatewayError(503, 'ServiceUnavailable', 'The request has failed due to a temporary failure of the server.')
}

export type BusinessCode =
  | `Missing${string}` | 'InvalidParam' | 'OrderNotExist' | 'InvalidStatus' | 'TenantNotExist' | 'NoPermission'
  | 'UnknownError' | 'InvalidParameterValid'

/** DMS's documented HTTP statuses for its public error codes (used when businessErrorStatus is 'documented'). */
const DOCUMENTED_STATUS: Partial<Record<string, number>> = { NoPermission: 403, TenantNotExist: 404, UnknownError: 500 }

export class BusinessError extends Error {
  constructor(readonly code: BusinessCode, message: string) {
    super(message)
  }

  get documentedStatus(): number {
    return DOCUMENTED_STATUS[this.code] ?? 400
  }
}

export const business = {
  missing: (name: string) => new BusinessError(`Missing${name}`, `${name} is mandatory for this action.`),
  invalid: (message: string) => new BusinessError('InvalidParam', message),
  noOrder: (id: number) => new BusinessError('OrderNotExist', `The ticket ${id} does not exist.`),
  status: (message: string) => new BusinessError('InvalidStatus', message),
  noTenant: () => new BusinessError('TenantNotExist', 'The specified tenant does not exist.'),
  noPermission: (what: string) => new BusinessError('NoPermission', `You have no permission to ${what}.`)
}
