import * as t from 'io-ts'
import * as E from 'fp-ts/lib/Either.js'
import { pipe } from 'fp-ts/lib/function.js'
import { describeAs, jsonSchemaOf, objectSchema } from './schema.js'

/**
 * Characters refused in any name or text: they hide, reorder or fake what a reader sees. Chosen by
 * Unicode properties, so that characters the probe never tried are refused too: default-ignorable
 * code points (fillers, tags, variation selectors, invisible operators), format characters (Cf),
 * line and paragraph separators, private use, and the Braille patterns (U+2800 looks like a space).
 */
const CONTROL = /[^\P{Cc}\t\n\r]/u
const CONTROL_IN_NAME = /\p{Cc}/u
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u
const HIDDEN = /[\p{Default_Ignorable_Code_Point}\p{Cf}\p{Zl}\p{Zp}\p{Co}\p{Script=Braille}]/u
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u

const codePoint = (ch: string): string => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`

const textProblem = (s: string, inName: boolean): string | undefined => {
  if (LONE_SURROGATE.test(s)) return 'contains invalid UTF-16 (a lone surrogate)'
  const control = (inName ? CONTROL_IN_NAME : CONTROL).exec(s)
  if (control !== null) return `contains a control character (${codePoint(control[0])})`
  if (BIDI.test(s)) return 'contains a bidirectional override or mark'
  const hidden = HIDDEN.exec(s)
  if (hidden !== null) return `contains a zero-width or invisible character (${codePoint(hidden[0])})`
  return undefined
}

/**
 * Names of Object.prototype's members (and `prototype`): an id or code that is used as a key must
 * never be one of them, or a plain object indexed by it would answer with a function.
 */
export const reservedKeys: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  'prototype',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toString',
  'toLocaleString',
  'valueOf',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
])
export const isReservedKey = (s: string): boolean => reservedKeys.has(s)
export const reservedMessage = (s: string): string => `is a reserved name (${s}) and cannot be used`

/** A name as people write it: NFC, trimmed, single-spaced, 1–200 characters, no hidden characters. */
export interface NameBrand {
  readonly Name: unique symbol
}
export type Name = t.Branded<string, NameBrand>
export const Name = describeAs(
  new t.Type<Name, string, unknown>(
    'Name',
    (u): u is Name => typeof u === 'string' && u === normaliseName(u) && textProblem(u, true) === undefined && u.length > 0 && u.length <= 200,
    (u, c) => {
      if (typeof u !== 'string') return t.failure(u, c, 'must be a string')
      const problem = textProblem(u, true)
      if (problem !== undefined) return t.failure(u, c, `name ${problem}`)
      const n = normaliseName(u)
      if (n.length === 0) return t.failure(u, c, 'must not be empty')
      if (n.length > 200) return t.failure(u, c, 'must be at most 200 characters')
      return t.success(n as Name)
    },
    (a) => a,
  ),
  { type: 'string', minLength: 1, maxLength: 200, description: 'A name, stored NFC; control, bidi, format, default-ignorable and private-use characters are refused' },
)
export const normaliseName = (s: string): string => s.normalize('NFC').trim().replace(/\s+/gu, ' ')

/** Key for comparing names: NFC, case-folded, with the look-alike Ð (U+00D0) taken as Đ (U+0110). */
export const nameKey = (s: string): string =>
  normaliseName(s)
    .replace(/\u00D0/gu, '\u0110')
    .replace(/\u00F0/gu, '\u0111')
    .toLocaleLowerCase('vi')

/** Free text (narratives, reasons): NFC, up to 10,000 characters, newlines allowed, no hidden characters. */
export interface TextBrand {
  readonly Text: unique symbol
}
export type Text = t.Branded<string, TextBrand>
export const Text = describeAs(
  new t.Type<Text, string, unknown>(
    'Text',
    (u): u is Text => typeof u === 'string' && u === u.normalize('NFC') && textProblem(u, false) === undefined && u.length <= 10_000,
    (u, c) => {
      if (typeof u !== 'string') return t.failure(u, c, 'must be a string')
      const problem = textProblem(u, false)
      if (problem !== undefined) return t.failure(u, c, `text ${problem}`)
      const n = u.normalize('NFC')
      if (n.length > 10_000) return t.failure(u, c, 'must be at most 10,000 characters')
      return t.success(n as Text)
    },
    (a) => a,
  ),
  { type: 'string', maxLength: 10000, description: 'Free text, stored NFC; no hidden characters' },
)

/** Identifiers: a slug or a UUID, 1–80 characters of [A-Za-z0-9._-], starting with a letter or digit. */
export interface IdBrand {
  readonly Id: unique symbol
}
export type Id = t.Branded<string, IdBrand>
const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/
export const Id = describeAs(
  new t.Type<Id, string, unknown>(
    'Id',
    (u): u is Id => typeof u === 'string' && ID.test(u) && !isReservedKey(u),
    (u, c) =>
      typeof u !== 'string'
        ? t.failure(u, c, 'must be a string')
        : !ID.test(u)
          ? t.failure(u, c, 'must be 1–80 characters of letters, digits, ".", "_" or "-", starting with a letter or digit')
          : isReservedKey(u)
            ? t.failure(u, c, reservedMessage(u))
            : t.success(u as Id),
    (a) => a,
  ),
  { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$', description: 'A slug or UUID' },
)

/** A calendar date, `YYYY-MM-DD`, that exists (2023-02-30 is refused), years 1900–2199. */
export interface IsoDateBrand {
  readonly IsoDate: unique symbol
}
export type IsoDate = t.Branded<string, IsoDateBrand>
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/
export const isValidDate = (s: string): boolean => {
  const m = DATE.exec(s)
  if (m === null) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  if (y < 1900 || y > 2199 || mo < 1 || mo > 12 || d < 1) return false
  return d <= daysInMonth(y, mo)
}
export const daysInMonth = (y: number, m: number): number => (m === 2 ? ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31)
export const IsoDate = describeAs(
  new t.Type<IsoDate, string, unknown>(
    'IsoDate',
    (u): u is IsoDate => typeof u === 'string' && isValidDate(u),
    (u, c) =>
      typeof u !== 'string'
        ? t.failure(u, c, 'must be a date string YYYY-MM-DD')
        : isValidDate(u)
          ? t.success(u as IsoDate)
          : t.failure(u, c, DATE.test(u) ? `${u} is not a calendar date` : 'must be a date YYYY-MM-DD'),
    (a) => a,
  ),
  { type: 'string', format: 'date', description: 'A calendar date YYYY-MM-DD (business date)' },
)

const intCodec = (name: string, min: number, max: number, what: string) =>
  describeAs(
    new t.Type<number, number, unknown>(
      name,
      (u): u is number => typeof u === 'number' && Number.isSafeInteger(u) && u >= min && u <= max,
      (u, c) => (typeof u === 'number' && Number.isSafeInteger(u) && u >= min && u <= max ? t.success(u) : t.failure(u, c, `must be ${what}`)),
      (a) => a,
    ),
    { type: 'integer', minimum: min, maximum: max },
  )
/** Whole counts: 0 up to 2^53−1 (loan balances in VND included). */
export const Count = intCodec('Count', 0, Number.MAX_SAFE_INTEGER, 'a whole number ≥ 0')
export type Count = t.TypeOf<typeof Count>
export const PositiveCount = intCodec('PositiveCount', 1, Number.MAX_SAFE_INTEGER, 'a whole number ≥ 1')
export type PositiveCount = t.TypeOf<typeof PositiveCount>

/**
 * Reporting period: `2023` (year), `2023S1`/`2023S2` (half), `2023N9` (the first nine months,
 * cumulative), `2023Q1`…`2023Q4` (quarter), `2023M01`…`2023M12` (month), and `2021K2026` (a congress
 * term — khóa — as `K` keeps the `-` of stream ids unambiguous, read as the calendar years it spans, at most 5 years as R13 allows).
 */
export interface PeriodBrand {
  readonly Period: unique symbol
}
export type Period = t.Branded<string, PeriodBrand>
const PERIOD = /^(19\d{2}|2[01]\d{2})(?:(Q[1-4])|(S[12])|M(0[1-9]|1[0-2])|(N9)|K(19\d{2}|2[01]\d{2}))?$/
const isPeriod = (u: unknown): u is Period => {
  if (typeof u !== 'string') return false
  const m = PERIOD.exec(u)
  if (m === null) return false
  if (m[6] === undefined) return true
  const span = Number(m[6]) - Number(m[1])
  return span >= 1 && span <= 5
}
export const Period = describeAs(
  new t.Type<Period, string, unknown>(
    'Period',
    isPeriod,
    (u, c) => (isPeriod(u) ? t.success(u) : t.failure(u, c, 'must be a period like 2023, 2023S1, 2023N9, 2023Q3, 2023M07 or a term 2021K2026')),
    (a) => a,
  ),
  {
    type: 'string',
    pattern: '^[0-9]{4}(Q[1-4]|S[12]|N9|M(0[1-9]|1[0-2])|K[0-9]{4})?$',
    description: 'Reporting period: 2023, 2023S1, 2023N9 (nine months), 2023Q3, 2023M07, or a congress term 2021K2026 (khóa)',
  },
)
export type PeriodKind = 'year' | 'half' | 'nine-months' | 'quarter' | 'month' | 'term'
export const periodKind = (p: Period): PeriodKind => (p.length === 4 ? 'year' : p[4] === 'Q' ? 'quarter' : p[4] === 'S' ? 'half' : p[4] === 'N' ? 'nine-months' : p[4] === 'K' ? 'term' : 'month')
/** First and last day of a period. */
export const periodBounds = (p: Period): { start: IsoDate; end: IsoDate } => {
  const y = Number(p.slice(0, 4))
  const k = periodKind(p)
  const pad = (x: number) => String(x).padStart(2, '0')
  if (k === 'term') return { start: `${y}-01-01` as IsoDate, end: `${p.slice(5)}-12-31` as IsoDate }
  const n = k === 'year' ? 0 : Number(p.slice(5))
  const [m1, m2] = k === 'year' ? [1, 12] : k === 'half' ? [n * 6 - 5, n * 6] : k === 'nine-months' ? [1, 9] : k === 'quarter' ? [n * 3 - 2, n * 3] : [n, n]
  return { start: `${y}-${pad(m1)}-01` as IsoDate, end: `${y}-${pad(m2)}-${pad(daysInMonth(y, m2))}` as IsoDate }
}
/** Does period `inner` lie inside (or equal) period `outer`? */
export const periodWithin = (inner: Period, outer: Period): boolean => {
  const a = periodBounds(inner)
  const b = periodBounds(outer)
  return a.start >= b.start && a.end <= b.end
}

/** Date arithmetic on ISO dates (UTC, no clock). */
const toDays = (d: string): number => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / 86_400_000
const fromDays = (n: number): IsoDate => new Date(n * 86_400_000).toISOString().slice(0, 10) as IsoDate
export const addDays = (d: IsoDate, days: number): IsoDate => fromDays(toDays(d) + days)
/** Adds working days (Monday to Friday; public holidays are not known here, so a deadline may come a little early). */
export const addWorkingDays = (d: IsoDate, days: number): IsoDate => {
  let n = toDays(d)
  for (let left = days; left > 0;) {
    n += 1
    const weekday = new Date(n * 86_400_000).getUTCDay()
    if (weekday !== 0 && weekday !== 6) left -= 1
  }
  return fromDays(n)
}
export const daysBetween = (from: IsoDate, to: IsoDate): number => toDays(to) - toDays(from)
export const addYears = (d: IsoDate, years: number): IsoDate => {
  const y = Number(d.slice(0, 4)) + years
  const m = Number(d.slice(5, 7))
  const day = Math.min(Number(d.slice(8, 10)), daysInMonth(y, m))
  return `${y}-${d.slice(5, 7)}-${String(day).padStart(2, '0')}` as IsoDate
}
/** Whole years of age on a date. */
export const ageOn = (birthDate: IsoDate, on: IsoDate): number => {
  const years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4))
  return on.slice(5) >= birthDate.slice(5) ? years : years - 1
}

/** A codec over a closed set of string values, with an error message that lists them. */
export const oneOf = <V extends string>(name: string, values: ReadonlyArray<V>): t.Type<V, V, unknown> =>
  describeAs(
    new t.Type<V, V, unknown>(
      name,
      (u): u is V => typeof u === 'string' && (values as ReadonlyArray<string>).includes(u),
      (u, c) => (typeof u === 'string' && (values as ReadonlyArray<string>).includes(u) ? t.success(u as V) : t.failure(u, c, `must be one of ${values.join(', ')}`)),
      (a) => a,
    ),
    { type: 'string', enum: values },
  )

/** An exact object: unknown keys are refused (mass assignment), not silently dropped. */
export const strict = <P extends t.Props>(props: P, name: string): t.Type<t.TypeOf<t.TypeC<P>>, t.OutputOf<t.TypeC<P>>, unknown> => {
  const inner = t.exact(t.type(props))
  const known = new Set(Object.keys(props))
  const codec = new t.Type(
    name,
    (u): u is t.TypeOf<t.TypeC<P>> => inner.is(u) && Object.keys(u as object).every((k) => known.has(k)),
    (u, c) => {
      if (typeof u !== 'object' || u === null || Array.isArray(u)) return t.failure(u, c, 'must be an object')
      const extra = Object.keys(u).filter((k) => !known.has(k))
      if (extra.length > 0)
        return t.failures(
          extra.map((k) => ({
            value: (u as Record<string, unknown>)[k],
            context: [...c, { key: k, type: t.never, actual: (u as Record<string, unknown>)[k] }],
            message: 'is not a field of this object',
          })),
        )
      return inner.validate(u, c)
    },
    (a) => inner.encode(a),
  )
  return describeAs(codec, () => objectSchema(props, []))
}
/** An exact object with required and optional fields; unknown keys are refused. */
export const strictPartial = <P extends t.Props, O extends t.Props>(
  required: P,
  optional: O,
  name: string,
): t.Type<t.TypeOf<t.TypeC<P>> & Partial<t.TypeOf<t.TypeC<O>>>, t.OutputOf<t.TypeC<P>> & Partial<t.OutputOf<t.TypeC<O>>>, unknown> => {
  const parts = t.intersection([t.type(required), t.partial(optional)])
  const inner = t.exact(parts)
  const known = new Set([...Object.keys(required), ...Object.keys(optional)])
  const codec = new t.Type(
    name,
    (u): u is t.TypeOf<t.TypeC<P>> & Partial<t.TypeOf<t.TypeC<O>>> => inner.is(u) && Object.keys(u as object).every((k) => known.has(k)),
    (u, c) => {
      if (typeof u !== 'object' || u === null || Array.isArray(u)) return t.failure(u, c, 'must be an object')
      const extra = Object.keys(u).filter((k) => !known.has(k))
      if (extra.length > 0)
        return t.failures(
          extra.map((k) => ({
            value: (u as Record<string, unknown>)[k],
            context: [...c, { key: k, type: t.never, actual: (u as Record<string, unknown>)[k] }],
            message: 'is not a field of this object',
          })),
        )
      // undefined optional values are dropped so that exactOptionalPropertyTypes holds
      const clean = Object.fromEntries(Object.entries(u).filter(([, v]) => v !== undefined))
      // entered through `parts` so that pathOf skips the intersection's member indices (no `data.0.x`)
      return inner.validate(clean, [...c, { key: '', type: parts, actual: clean }])
    },
    (a) => inner.encode(a),
  )
  return describeAs(codec, () => objectSchema(required, Object.entries<t.Mixed>(optional)))
}

/** An array of at most `max` items: big inputs are refused early, not walked. */
export const boundedArray = <C extends t.Mixed>(item: C, max: number, name: string): t.Type<Array<t.TypeOf<C>>, Array<t.OutputOf<C>>, unknown> => {
  const inner = t.array(item)
  const codec = new t.Type(
    name,
    (u): u is Array<t.TypeOf<C>> => inner.is(u) && (u as unknown[]).length <= max,
    (u, c) => (Array.isArray(u) && u.length > max ? t.failure(u, c, `must have at most ${max} items`) : inner.validate(u, c)),
    inner.encode,
  )
  return describeAs(codec, () => ({ type: 'array', items: jsonSchemaOf(item), maxItems: max }))
}

/** One problem found while decoding, named by its field path (`data.fullName`, `data.milestones.0.dueOn`). */
export type DecodeIssue = { readonly field: string; readonly message: string }
export type DecodeFailure = { readonly _tag: 'DecodeFailure'; readonly issues: ReadonlyArray<DecodeIssue> }

const pathOf = (e: t.ValidationError): string => {
  const keys: string[] = []
  for (let i = 1; i < e.context.length; i++) {
    const parent = e.context[i - 1]?.type
    // union and intersection members are entered by index; they are not fields
    if (parent instanceof t.UnionType || parent instanceof t.IntersectionType) continue
    keys.push(e.context[i]?.key ?? '')
  }
  return keys.filter((k) => k !== '').join('.')
}

const describe = (e: t.ValidationError): string => {
  const last = e.context[e.context.length - 1]
  // checked before the codec's own message, which for a missing field would read "must be a string";
  // an unknown key (typed never) keeps its message even when its value is undefined
  if (e.value === undefined && !(last?.type instanceof t.NeverType)) return 'is required'
  if (e.message !== undefined) return e.message
  return `must be ${last?.type.name ?? 'valid'}`
}

/** Turns io-ts errors into field-named issues, deduplicated, most specific first. */
export const issuesOf = (errors: t.Errors): ReadonlyArray<DecodeIssue> => {
  const seen = new Set<string>()
  const out: DecodeIssue[] = []
  for (const e of errors) {
    const issue = { field: pathOf(e) || '(body)', message: describe(e) }
    const key = `${issue.field}|${issue.message}`
    if (!seen.has(key)) {
      seen.add(key)
      out.push(issue)
    }
  }
  return out
}

export const decodeWith =
  <A>(codec: t.Decoder<unknown, A>) =>
  (input: unknown): E.Either<DecodeFailure, A> =>
    pipe(
      codec.decode(input),
      E.mapLeft((errors) => ({ _tag: 'DecodeFailure' as const, issues: issuesOf(errors) })),
    )

/**
 * A union of `{ type, ... }` objects that picks its member by `type` first, so a bad field is
 * reported against that one member and a bad `type` names the values allowed.
 */
export const taggedUnion = <C extends t.Mixed>(name: string, tag: string, members: Readonly<Record<string, C>>): t.Type<t.TypeOf<C>, t.OutputOf<C>, unknown> =>
  describeAs(
    new t.Type<t.TypeOf<C>, t.OutputOf<C>, unknown>(
      name,
      (u): u is t.TypeOf<C> =>
        typeof u === 'object' &&
        u !== null &&
        Object.prototype.hasOwnProperty.call(members, String((u as Record<string, unknown>)[tag])) &&
        members[String((u as Record<string, unknown>)[tag])]!.is(u),
      (u, c) => {
        if (typeof u !== 'object' || u === null || Array.isArray(u)) return t.failure(u, c, 'must be an object')
        const v = (u as Record<string, unknown>)[tag]
        const member = typeof v === 'string' && Object.prototype.hasOwnProperty.call(members, v) ? members[v] : undefined
        if (member === undefined) return t.failures([{ value: v, context: [...c, { key: tag, type: t.string, actual: v }], message: `must be one of ${Object.keys(members).join(', ')}` }])
        return member.validate(u, c)
      },
      (a): t.OutputOf<C> => members[String((a as Record<string, unknown>)[tag])]!.encode(a) as t.OutputOf<C>,
    ),
    () => ({ oneOf: Object.values(members).map(jsonSchemaOf), discriminator: { propertyName: tag } }),
  )

/** A `{ type, data }` message (event or command) whose data is an exact object. */
export const message = <T extends string, P extends t.Props, O extends t.Props = Record<never, never>>(type: T, required: P, optional?: O) =>
  strict({ type: t.literal(type), data: strictPartial(required, optional ?? ({} as O), `${type}Data`) }, type)

export const Flags = boundedArray(strict({ rule: t.string, code: t.string, message: t.string }, 'Flag'), 20, 'Flags')
/** Reference of a decision or document, e.g. "QĐ 1336/QĐ-TTg". */
export const Ref = Name
