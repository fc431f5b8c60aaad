import type { DomainEvent, RecordedEvent } from '@hoi/domain'

/** Deterministic data for every workload: same seed, same events, in every run and on every machine. */
export type Rng = { next(): number; int(lo: number, hi: number): number; pick<T>(xs: ReadonlyArray<T>): T }

/** mulberry32 */
export const rng = (seed: number): Rng => {
  let a = seed >>> 0
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return { next, int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)), pick: (xs) => xs[Math.floor(next() * xs.length)]! }
}

/** Index in 0..n-1 with a Zipf(s) law: a few hot streams take most of the appends. */
export const zipf = (r: Rng, n: number, s = 1.0): (() => number) => {
  const cdf = new Float64Array(n)
  let sum = 0
  for (let k = 0; k < n; k++) cdf[k] = sum += 1 / (k + 1) ** s
  return () => {
    const u = r.next() * sum
    let lo = 0
    let hi = n - 1
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (cdf[mid]! < u) lo = mid + 1
      else hi = mid
    }
    return lo
  }
}

const families = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Lò', 'Giàng', 'Vàng']
const middles = { female: ['Thị', 'Thu', 'Ngọc', 'Thị Thanh'], male: ['Văn', 'Đức', 'Minh', 'Văn Quang'] }
const givens = ['An', 'Bình', 'Châu', 'Dũng', 'Hà', 'Lan', 'Hương', 'Quang', 'Tuấn', 'Yến', 'Sơn', 'Thắng', 'Hạnh', 'Mai', 'Phúc']
export const personName = (r: Rng, gender: 'female' | 'male'): string => `${r.pick(families)} ${r.pick(middles[gender])} ${r.pick(givens)}`

const DAY = 86_400_000
const EPOCH = Date.UTC(2005, 0, 1)
/** YYYY-MM-DD of day `n` after 2005-01-01 (UTC, no clock). */
export const dayOf = (n: number): string => new Date(EPOCH + n * DAY).toISOString().slice(0, 10)

/** A UUID-shaped id from the generator (the store stores UUID-like event ids; their length matters). */
export const uuid = (r: Rng): string => {
  const h = (): string =>
    Math.floor(r.next() * 0x100000000)
      .toString(16)
      .padStart(8, '0')
  const a = h() + h() + h() + h()
  return `${a.slice(0, 8)}-${a.slice(8, 12)}-4${a.slice(13, 16)}-a${a.slice(17, 20)}-${a.slice(20, 32)}`
}

export type Admission = Extract<DomainEvent, { type: 'MemberAdmitted' }>['data']

/** The payload of the most frequent event in a province's log. */
export const memberAdmitted = (r: Rng, memberId: string, associationId: string, admittedOn: string): Admission => {
  const gender = r.next() < 0.55 ? 'female' : 'male'
  const age = r.int(60, 90)
  const born = `${Number(admittedOn.slice(0, 4)) - age}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`
  return {
    memberId,
    associationId,
    personId: `p-${memberId}`,
    fullName: personName(r, gender),
    birthDate: born,
    gender,
    category: r.next() < 0.9 ? 'official' : 'associate',
    admittedOn,
    flags: [],
  } as unknown as Admission
}

/** What handleCommand stores as metadata (recordedAt is added by the store). */
export const metadataOf = (commandId: string, occurredOn: string): { occurredOn: string; actor: string; commandId: string; correlationId: string; causationId: string } => ({
  occurredOn,
  actor: 'bench-clerk',
  commandId,
  correlationId: commandId,
  causationId: commandId,
})

/** A UUID-shaped id from a counter: cheap, unique, and as long as the ids the store keeps. */
export const counterId = (n: number): string => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`

/**
 * Wraps domain events into stored envelopes, the shape every reader gets. Every 10,000 events the
 * envelopes go through JSON, as a store hands them out: flat strings and parsed objects rather than
 * the generator's concatenated strings (slower to compare and hash, twice the memory), and the
 * originals are dropped at once so that building a million events stays within a few hundred MiB.
 */
export class Recorder {
  private position = 0
  private readonly revisions = new Map<string, number>()
  private pending: RecordedEvent<DomainEvent>[] = []
  private readonly done: RecordedEvent<DomainEvent>[] = []
  get count(): number {
    return this.position
  }
  add(streamId: string, event: DomainEvent, occurredOn: string): void {
    const revision = (this.revisions.get(streamId) ?? -1) + 1
    this.revisions.set(streamId, revision)
    const position = ++this.position
    const commandId = `cmd-${position}`
    this.pending.push({
      eventId: counterId(position),
      type: event.type,
      schemaVersion: 1,
      streamId,
      revision,
      position,
      data: event.data,
      metadata: { ...metadataOf(commandId, occurredOn), recordedAt: `${occurredOn}T09:00:00.000Z` },
    } as RecordedEvent<DomainEvent>)
    if (this.pending.length >= 10_000) this.flush()
  }
  private flush(): void {
    for (const e of JSON.parse(JSON.stringify(this.pending)) as RecordedEvent<DomainEvent>[]) this.done.push(e)
    this.pending = []
  }
  events(): RecordedEvent<DomainEvent>[] {
    this.flush()
    return this.done
  }
}
