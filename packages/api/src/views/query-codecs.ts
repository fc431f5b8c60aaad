import * as t from 'io-ts'
import { IsoDate, describeAs, oneOf } from '@hoi/domain'
import { recordInstant } from '@hoi/adapters'

/** Query strings arrive as text: these codecs read numbers and booleans from it, and describe themselves for OpenAPI. */
export const qInt = (name: string, min: number, max: number) =>
  describeAs(
    new t.Type<number, string, unknown>(
      name,
      (u): u is number => typeof u === 'number' && Number.isSafeInteger(u) && u >= min && u <= max,
      (u, c) => {
        if (typeof u !== 'string' || !/^-?\d{1,16}$/u.test(u)) return t.failure(u, c, `must be a whole number from ${min} to ${max}`)
        const n = Number(u)
        return n >= min && n <= max ? t.success(n) : t.failure(u, c, `must be a whole number from ${min} to ${max}`)
      },
      String,
    ),
    { type: 'integer', minimum: min, maximum: max },
  )

export const qBool = describeAs(
  new t.Type<boolean, string, unknown>(
    'boolean',
    (u): u is boolean => typeof u === 'boolean',
    (u, c) => (u === 'true' ? t.success(true) : u === 'false' ? t.success(false) : t.failure(u, c, 'must be true or false')),
    String,
  ),
  { type: 'boolean' },
)

export const MAX_LIMIT = 500
export const paging = { limit: qInt('limit', 1, MAX_LIMIT), offset: qInt('offset', 0, 1_000_000_000) }
export const DEFAULT_LIMIT = 50

export const AssociationStatus = oneOf('AssociationStatus', ['active', 'suspended', 'dissolved'] as const)
/** Which associations statistics count: decree-regime ones (default), the socio-political bodies under their own charter, or all. */
export const RegimeScope = oneOf('RegimeScope', ['decree', 'own-charter', 'all'] as const)
export const ClubStatus = oneOf('ClubStatus', ['active', 'closed'] as const)
export const ReportStatus = oneOf('ReportStatus', ['submitted', 'returned', 'approved'] as const)
/** A search fragment: printable text, at most 100 characters. */
export const SearchText = describeAs(
  new t.Type<string, string, unknown>(
    'SearchText',
    (u): u is string => typeof u === 'string',
    (u, c) => (typeof u === 'string' && u.length <= 100 && !/(?=\p{ASCII})\p{Cc}/u.test(u) ? t.success(u) : t.failure(u, c, 'must be at most 100 characters of text')),
    String,
  ),
  { type: 'string', maxLength: 100 },
)

/** Record time: a date (the end of that day UTC) or a date-time with its zone, as views.ts defines it. */
export const RecordedAsOf = describeAs(
  new t.Type<string, string, unknown>(
    'RecordedAsOf',
    (u): u is string => typeof u === 'string',
    (u, c) => {
      if (typeof u !== 'string') return t.failure(u, c, 'must be a date YYYY-MM-DD or a date-time like 2024-04-30T12:00:00Z')
      try {
        recordInstant(u)
        return t.success(u)
      } catch {
        return t.failure(u, c, 'must be a date YYYY-MM-DD that exists or a date-time like 2024-04-30T12:00:00Z')
      }
    },
    String,
  ),
  { type: 'string', description: 'the view as the log stood then: a date (end of that day UTC) or a date-time with its zone' },
)

/**
 * The geography a view places areas in: the administrative units in force on a date, or `today`
 * (today's units, for old data too). A merged area then counts under the unit it went into.
 */
export const Geography = describeAs(
  new t.Type<string, string, unknown>(
    'Geography',
    (u): u is string => typeof u === 'string' && (u === 'today' || IsoDate.is(u)),
    (u, c) => (u === 'today' || IsoDate.is(u) ? t.success(u) : t.failure(u, c, 'must be today or a date YYYY-MM-DD that exists')),
    String,
  ),
  { type: 'string', description: 'the administrative units to place areas in: today, or those in force on a date YYYY-MM-DD (default: the date of the figures)' },
)
/** The date a geography names: `today` is the date the view is asked on. */
export const geographyDate = (g: string | undefined, today: string): string | undefined => (g === 'today' ? today : g)
