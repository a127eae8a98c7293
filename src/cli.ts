#!/usr/bin/env node
// The dms-proc-gate CLI entry point.
import { main } from './cli/main.js'

process.exitCode = await main(process.argv.slice(2))
