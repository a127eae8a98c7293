// Line numbers on demand: callers ask for offsets in (mostly) increasing order, so a cursor that counts
// newlines with indexOf/lastIndexOf costs about one native pass over the text in total.

export class LineCounter {
  private pos = 0
  private line = 1
  constructor(private readonly s: string) {}

  /** 1-based line of offset. */
  lineAt(offset: number): number {
    const s = this.s
    if (offset >= this.pos) {
      let k = s.indexOf('\n', this.pos)
      while (k >= 0 && k < offset) {
        this.line++
        k = s.indexOf('\n', k + 1)
      }
    } else {
      let k = s.lastIndexOf('\n', this.pos - 1)
      while (k >= offset) {
        this.line--
        k = k > 0 ? s.lastIndexOf('\n', k - 1) : -1
      }
    }
    this.pos = offset
    return this.line
  }
}
