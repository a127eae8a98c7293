// Request counters for `GET /__emulator/stats` (tests count calls and retries with them).

export interface StatsSnapshot {
  /** Every DMS request received (control API excluded). */
  total: number
  /** Requests per action name as sent (x-acs-action / Action), including rejected and faulted ones. */
  byAction: Record<string, number>
  /** Requests per action that got a Success:true answer. */
  succeededByAction: Record<string, number>
  /** Requests refused by signature/authentication checks. */
  rejectedSignatures: number
  /** Error answers by code (gateway Code or business ErrorCode). */
  errorsByCode: Record<string, number>
  /** Faults injected, by type. */
  faultsInjected: Record<string, number>
}

function bump(m: Record<string, number>, k: string): void {
  m[k] = (m[k] ?? 0) + 1
}

export class Stats {
  private s: StatsSnapshot = Stats.empty()

  private static empty(): StatsSnapshot {
    return { total: 0, byAction: {}, succeededByAction: {}, rejectedSignatures: 0, errorsByCode: {}, faultsInjected: {} }
  }

  request(action: string): void {
    this.s.total++
    bump(this.s.byAction, action)
  }

  succeeded(action: string): void {
    bump(this.s.succeededByAction, action)
  }

  rejected(code: string): void {
    this.s.rejectedSignatures++
    bump(this.s.errorsByCode, code)
  }

  error(code: string): void {
    bump(this.s.errorsByCode, code)
  }

  fault(type: string): void {
    bump(this.s.faultsInjected, type)
  }

  snapshot(): StatsSnapshot {
    return structuredClone(this.s)
  }

  reset(): void {
    this.s = Stats.empty()
  }
}
