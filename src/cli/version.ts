// The package version, from package.json (bundled into dist/cli.js by ncc).
import pkg from '../../package.json' with { type: 'json' }

export const VERSION: string = pkg.version
