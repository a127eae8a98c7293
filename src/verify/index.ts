// Entry point of the verification (docs/verify.md), loaded with a dynamic import() so that the mysql2 driver
// stays out of the code that does not verify.
export { verifyPlan } from './verify.js'
export { verifySummary, formatVerifyReport } from './format.js'
export { retryWithin } from './retry.js'
export { parseVerifyUrl, describeVerifyDatabase, passwordForms, Secret, VerifyUrlError } from './url.js'
export type { VerifyDatabase, VerifyEndpoint } from './url.js'
export * from './types.js'
