/**
 * A budget of server time per caller and window: a request is charged what it cost (its time from
 * arrival to answer), so a cached view costs a fraction of a millisecond and a miss that folds the
 * history tens of milliseconds. A caller who has spent the budget waits for the next window;
 * requests still running count against a small cap, so a parallel burst cannot overdraw it.
 */
export type CostBudget = {
  /** ms of server time per window for a caller without a token (per address) */
  readonly anonymousMs: number
  /** ms of server time per window for an authenticated caller */
  readonly userMs: number
  readonly windowMs: number
  /** requests of one caller being answered at once */
  readonly concurrent: number
}

type Account = { start: number; spent: number; running: number }

export class CostLimiter {
  private readonly accounts = new Map<string, Account>()

  constructor(
    private readonly budget: CostBudget,
    private readonly now: () => number = () => Date.now(),
  ) {}

  private account(key: string): Account {
    const t = this.now()
    let a = this.accounts.get(key)
    if (a === undefined || t - a.start >= this.budget.windowMs) {
      if (a === undefined && this.accounts.size >= 50_000) this.prune(t)
      a = { start: t, spent: 0, running: a?.running ?? 0 }
      this.accounts.set(key, a)
    }
    return a
  }

  private prune(t: number): void {
    for (const [k, a] of this.accounts) if (a.running === 0 && t - a.start >= this.budget.windowMs) this.accounts.delete(k)
  }

  /** Admits a request (and counts it as running), or says in how many seconds to retry. */
  admit(key: string, anonymous: boolean): { ok: true } | { ok: false; retryAfterSec: number; why: string } {
    const a = this.account(key)
    const limit = anonymous ? this.budget.anonymousMs : this.budget.userMs
    const retryAfterSec = Math.max(1, Math.ceil((a.start + this.budget.windowMs - this.now()) / 1000))
    if (a.spent >= limit) return { ok: false, retryAfterSec, why: `this caller used its ${limit} ms of server time for the window` }
    if (a.running >= this.budget.concurrent) return { ok: false, retryAfterSec: 1, why: `more than ${this.budget.concurrent} requests of this caller at once` }
    a.running++
    return { ok: true }
  }

  /** Charges an admitted request's cost once it has been answered. */
  charge(key: string, ms: number): void {
    const a = this.account(key)
    a.running = Math.max(0, a.running - 1)
    a.spent += Math.max(0, ms)
  }
}
