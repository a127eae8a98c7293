// Placeholder until the 'validate-config' command lands; replaced by its owner.
export async function run(_argv: string[]): Promise<number> {
  process.stderr.write("dms-proc-gate validate-config: not available in this build\n")
  return 2
}
