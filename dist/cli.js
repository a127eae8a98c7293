#!/usr/bin/env node
// The dms-proc-gate CLI (package.json "bin"). The bundle and its lazily loaded chunks are in ./cli/.
import './cli/index.js'
