const DATE = /^(\d{4})-(\d{2})-(\d{2})$/u
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/u

/**
 * The instant (ms since the epoch) that `recordedAsOf` names, as views.ts defines it: a date means
 * the end of that day UTC, a date-time that instant. Anything else, or a date that does not exist,
 * throws naming the parameter.
 */
const dayStart = (date: string, whole: string): number => {
  const d = DATE.exec(date)
  const [y, m, day] = d === null ? [Number.NaN, Number.NaN, Number.NaN] : [Number(d[1]), Number(d[2]), Number(d[3])]
  const start = Date.UTC(y, m - 1, day)
  const back = new Date(start)
  // Date.UTC rolls 2024-02-30 over to March: an impossible date is refused, not moved
  if (Number.isNaN(start) || back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== day) throw new RangeError(`recordedAsOf ${whole} is not a date that exists`)
  return start
}

export const recordInstant = (recordedAsOf: string): number => {
  if (DATE.test(recordedAsOf)) return dayStart(recordedAsOf, recordedAsOf) + 86_400_000 - 1
  if (!DATE_TIME.test(recordedAsOf)) throw new RangeError(`recordedAsOf must be a date YYYY-MM-DD or a date-time like 2024-04-30T12:00:00Z, not ${JSON.stringify(recordedAsOf)}`)
  dayStart(recordedAsOf.slice(0, 10), recordedAsOf)
  const ms = Date.parse(recordedAsOf)
  if (Number.isNaN(ms)) throw new RangeError(`recordedAsOf ${recordedAsOf} is not a time that exists`)
  return ms
}

/** Is this stored event part of the log as it stood at the instant? (`recordedAt` is non-decreasing in position order.) */
export const recordedBy = (recordedAt: string, instant: number): boolean => Date.parse(recordedAt) <= instant
