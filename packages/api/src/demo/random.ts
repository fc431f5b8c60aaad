/** A small seeded generator (mulberry32): the same seed always yields the same demo. */
export const seeded = (seed: number) => {
  let a = seed >>> 0
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1))
  const pick = <T>(items: ReadonlyArray<T>): T => items[Math.floor(next() * items.length)] as T
  return { next, int, pick }
}
export type Random = ReturnType<typeof seeded>

const pad = (n: number) => String(n).padStart(2, '0')
const DAY = 86_400_000
/** A date uniformly between two ISO dates (inclusive). */
export const dateBetween = (r: Random, from: string, to: string): string => {
  const a = Date.parse(`${from}T00:00:00Z`)
  const b = Date.parse(`${to}T00:00:00Z`)
  const d = new Date(a + Math.floor(r.next() * ((b - a) / DAY + 1)) * DAY)
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
}
