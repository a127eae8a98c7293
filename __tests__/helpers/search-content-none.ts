// setupFiles of the second e2e project (jest.config.js): every scenario's emulator answers ListOrders with
// SearchContent matching no ticket (src/testing/run-action.ts reads this variable).
process.env.DPG_EMULATOR_SEARCH_CONTENT = 'none'
