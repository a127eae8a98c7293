// Public surface of the permission-ticket gate and the authority-template helpers. Not the CLI's DMS connection
// (./dms-connection.js, imported directly by the CLI): it loads the DMS SDK, which the Action keeps in a lazy chunk.
export { parsePermOrderLines, collectPermOrders, MAX_PERM_ORDERS, type PermOrderRef, type PrBodyParse } from './order-refs.js'
export { permVerdict, notPermApplyReason, overallVerdict, describePermType, describeDuration, PERM_APPLY, type PermVerdict } from './verdict.js'
export { readPermGate, readPermOrder, type PermGate, type PermGateClient, type PermOrderState } from './gate.js'
export { describePermRequest, describeResource, permGateMarkdown } from './describe.js'
export { templateNameProblem, templateDescriptionProblem, TEMPLATE_NAME_MAX, TEMPLATE_DESCRIPTION_MAX } from './template-name.js'
export {
  applyTemplates, createTemplate, explainTemplateError, findTemplate, templateSpecProblem,
  type TemplateClient, type TemplateOutcome
} from './templates.js'
