// Which encoding each repository path is read in, from the config's `encoding` settings: the target whose
// `paths` match the file decides (its own setting, else the file's `defaults:`); without one, `defaults:`.
import { encodingChoice, UTF8, type EncodingChoice, type EncodingFor } from '../sources/encoding.js'
import { matcher } from './globs.js'
import { effectiveTargets } from './resolve.js'
import type { Config, EncodingSetting, InputDefaults } from './types.js'

/** The EncodingFor of a validated config (no config: every file UTF-8). */
export function configEncodingFor(config: Config | null, inputs: InputDefaults = {}): EncodingFor {
  if (!config) return () => UTF8
  const targets = effectiveTargets(config, inputs).map((t) => ({ inPaths: matcher(t.paths), choose: chooser(t.encoding, config.file) }))
  const fallback = chooser(config.defaults.encoding, config.file)
  return (path) => (targets.find((t) => t.inPaths(path))?.choose ?? fallback)(path)
}

function chooser(setting: EncodingSetting | undefined, file: string): (path: string) => EncodingChoice {
  if (!setting) return () => UTF8
  const choice = (label: string, line: number): EncodingChoice => {
    const c = encodingChoice(label, `${file}:${line}`)
    if ('problem' in c) throw new Error(`${file}:${line}: ${c.problem}`) // the schema validated every label
    return c
  }
  if (setting.kind === 'all') {
    const c = choice(setting.label, setting.line)
    return () => c
  }
  const rules = setting.rules.map((r) => ({ matches: matcher(r.paths), choice: choice(r.label, r.line) }))
  return (path) => rules.find((r) => r.matches(path))?.choice ?? UTF8
}
