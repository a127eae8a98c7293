export async function main(argv: string[]): Promise<number> {
  process.stderr.write(`usage: dms-proc-gate <plan|emulator|status|template> … (got: ${argv.join(' ')})\n`)
  return 2
}
