const DATE = /^(\d{4})-(\d{2})-(\d{2})$/u
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/u

/**
 * The instant (ms since the epoch) that `recordedAsOf` names, as views.ts defines it: a date means
 * the end of that day UTC, a date-time that instant. Anything else, or a date that does not exist,
 * throws naming the parameter.
 */
export const recordInstant = (recordedAsOf: string): number => {
  const d = DATE.exec(recordedAsOf)
  if (d !== null) {
    const [y, m, day] = [Number(d[1]), Number(d[2]), Number(d[3])]
    const start = Date.UTC(y, m - 1, day)
    const back = new Date(start)
    if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== day) throw new RangeError(`recordedAsOf ${recordedAsOf} is not a date that exists`)
    return start + 86_400_000 - 1
  }
  const ms = DATE_TIME.test(recordedAsOf) ? Date.parse(recordedAsOf) : Number.NaN
  if (Number.isNaN(ms)) throw new RangeError(`recordedAsOf must be a date YYYY-MM-DD or a date-time like 2024-04-30T12:00:00Z, not ${JSON.stringify(recordedAsOf)}`)
  return ms
}

/** Is this stored event part of the log as it stood at the instant? (`recordedAt` is non-decreasing in position order.) */
export const recordedBy = (recordedAt: string, instant: number): boolean => Date.parse(recordedAt) <= instant
