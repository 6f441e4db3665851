// Gateway errors as the platform sends them: `error_response` with an IOP string code on `/sync`
// (or the numeric TOP code when the sandbox runs with numericCodes), and the flat GOP form on
// `/rest`. Each error has both codes so either form can be produced.

export interface ErrorDef {
  type: 'ISV' | 'ISP' | 'SYSTEM'
  code: string
  numeric: number
  msg: string
  subCode?: string
}

export const ERRORS = {
  missingSignature: { type: 'ISV', code: 'IncompleteSignature', numeric: 25, msg: 'The request signature is missing', subCode: 'isv.missing-signature' },
  invalidSignature: { type: 'ISV', code: 'IncompleteSignature', numeric: 25, msg: 'The request signature does not conform to platform standards' },
  missingSession: { type: 'ISV', code: 'MissingParameter', numeric: 26, msg: 'Missing session', subCode: 'isv.missing-parameter:session' },
  invalidToken: { type: 'ISV', code: 'IllegalAccessToken', numeric: 27, msg: 'The specified access token is invalid or expired' },
  missingAppKey: { type: 'ISV', code: 'MissingParameter', numeric: 28, msg: 'Missing app key', subCode: 'isv.missing-parameter:app_key' },
  invalidAppKey: { type: 'ISV', code: 'InvalidAppKey', numeric: 29, msg: 'Invalid app key' },
  missingTimestamp: { type: 'ISV', code: 'MissingParameter', numeric: 30, msg: 'Missing timestamp', subCode: 'isv.missing-parameter:timestamp' },
  invalidTimestamp: { type: 'ISV', code: 'InvalidTimestamp', numeric: 31, msg: 'Invalid timestamp: more than 10 minutes away from the server time' },
  missingMethod: { type: 'ISV', code: 'MissingParameter', numeric: 21, msg: 'Missing method', subCode: 'isv.missing-parameter:method' },
  invalidMethod: { type: 'ISV', code: 'InvalidApiPath', numeric: 22, msg: 'The specified API path is invalid' },
  invalidFormat: { type: 'ISV', code: 'InvalidFormat', numeric: 23, msg: 'Invalid format: only json is supported' },
  invalidSignMethod: { type: 'ISV', code: 'InvalidSignMethod', numeric: 25, msg: 'Unsupported sign_method' },
  missingParameter: { type: 'ISV', code: 'MissingParameter', numeric: 40, msg: 'Missing Required Arguments', subCode: 'isv.missing-parameter' },
  invalidParameter: { type: 'ISV', code: 'InvalidParameter', numeric: 41, msg: 'Invalid Arguments', subCode: 'isv.invalid-parameter' },
  insufficientPermission: { type: 'ISV', code: 'InsufficientPermission', numeric: 11, msg: 'Insufficient ISV Permissions' },
  apiOffline: { type: 'ISV', code: 'OFFLINE', numeric: 22, msg: 'This API is offline' },
  apiCallLimit: { type: 'ISV', code: 'ApiCallLimit', numeric: 7, msg: 'App Call Limited', subCode: 'accesscontrol.limited-by-api-access-count' },
  appCallLimit: { type: 'ISV', code: 'AppCallLimit', numeric: 7, msg: 'App Call Limited', subCode: 'accesscontrol.limited-by-app-access-count' },
  serviceError: { type: 'ISP', code: 'ServiceError', numeric: 50, msg: 'Remote service error', subCode: 'isp.service-error' },
  uploadError: { type: 'ISP', code: '-2', numeric: 15, msg: 'Upload Image Error', subCode: '-2' },
  sizeTooLarge: { type: 'ISV', code: 'SIZE_TOO_LARGE', numeric: 15, msg: 'Remote service error', subCode: 'SIZE_TOO_LARGE' },
  imageFormat: { type: 'ISV', code: 'IMAGE_FORMAT_ERROR', numeric: 15, msg: 'Remote service error', subCode: 'IMAGE_FORMAT_ERROR' },
  fileName: { type: 'ISV', code: 'FILE_NAME_INVALID', numeric: 15, msg: 'Remote service error', subCode: 'FILE_NAME_INVALID' },
  invalidCode: { type: 'ISV', code: 'InvalidCode', numeric: 41, msg: 'The authorization code is invalid or expired' },
  invalidRefreshToken: { type: 'ISV', code: 'InvalidRefreshToken', numeric: 27, msg: 'The refresh token is invalid or expired' }
} satisfies Record<string, ErrorDef>

export type ErrorKey = keyof typeof ERRORS

export class SandboxError extends Error {
  readonly def: ErrorDef
  readonly subMsg?: string
  readonly subCode?: string

  constructor(key: ErrorKey, extra: { subMsg?: string; subCode?: string } = {}) {
    super(ERRORS[key].msg)
    this.def = ERRORS[key]
    this.subMsg = extra.subMsg
    this.subCode = extra.subCode ?? (ERRORS[key] as ErrorDef).subCode
  }
}

/** `{"error_response": …}` as `/sync` sends it. */
export function errorResponse(err: SandboxError, requestId: string, numeric: boolean): Record<string, unknown> {
  const body: Record<string, unknown> = {
    type: err.def.type,
    code: numeric ? err.def.numeric : err.def.code,
    msg: err.def.msg,
    request_id: requestId,
    _trace_id_: `trace-${requestId}`
  }
  if (err.subCode) body.sub_code = err.subCode
  if (err.subMsg) body.sub_msg = err.subMsg
  return { error_response: body }
}

/** The flat GOP error of `/rest` endpoints. */
export function restErrorResponse(err: SandboxError, requestId: string): Record<string, unknown> {
  return { type: err.def.type, code: err.def.code, message: err.subMsg ? `${err.def.msg}: ${err.subMsg}` : err.def.msg, request_id: requestId }
}
