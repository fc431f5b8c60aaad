import * as t from 'io-ts'
import { describeAs } from '../schema.js'
import { Count, isReservedKey, reservedMessage } from '../codecs.js'
import { allIndicators } from './catalogue.js'

/** Labels of every stored indicator of the catalogue (catalogue.ts), newest definition; ratios are computed, not stored (R36). */
export const indicatorCatalogue: Readonly<Record<string, { readonly vi: string; readonly en: string; readonly unit: string }>> = Object.freeze(
  Object.assign(
    Object.create(null) as Record<string, { vi: string; en: string; unit: string }>,
    Object.fromEntries([...allIndicators()].filter(([, d]) => d.aggregation.kind !== 'ratio').map(([k, d]) => [k, { vi: d.vi, en: d.en, unit: d.unit }])),
  ),
)
export type CatalogueIndicator = string

const CODE = /^[a-z][a-z0-9-]{1,60}$/
export const IndicatorCode = describeAs(
  new t.Type<string, string, unknown>(
    'IndicatorCode',
    (u): u is string => typeof u === 'string' && CODE.test(u) && !isReservedKey(u),
    (u, c) =>
      typeof u !== 'string' || !CODE.test(u)
        ? t.failure(u, c, 'must be an indicator code of lowercase letters, digits and "-"')
        : isReservedKey(u)
          ? t.failure(u, c, reservedMessage(u))
          : t.success(u),
    (a) => a,
  ),
  { type: 'string', pattern: '^[a-z][a-z0-9-]{1,60}$' },
)

export type Indicators = Readonly<Record<string, number>>
/** Indicator values: at most 100 codes, each a whole number ≥ 0 (a negative count names its field). Which codes are allowed or required is decided against the catalogue. */
export const Indicators = describeAs(
  new t.Type<Indicators, Indicators, unknown>(
    'Indicators',
    (u): u is Indicators =>
      typeof u === 'object' && u !== null && !Array.isArray(u) && Object.keys(u).length <= 100 && Object.entries(u).every(([k, v]) => CODE.test(k) && !isReservedKey(k) && Count.is(v)),
    (u, c) => {
      if (typeof u !== 'object' || u === null || Array.isArray(u)) return t.failure(u, c, 'must be an object of indicator code → whole number')
      const entries: Array<[string, unknown]> = Object.entries(u)
      if (entries.length > 100) return t.failure(u, c, 'must have at most 100 indicators')
      const errors: t.ValidationError[] = []
      for (const [k, v] of entries) {
        const ctx = [...c, { key: k, type: Count, actual: v }]
        if (!CODE.test(k)) errors.push({ value: v, context: ctx, message: 'is not a well-formed indicator code (lowercase letters, digits and "-")' })
        else if (isReservedKey(k)) errors.push({ value: v, context: ctx, message: reservedMessage(k) })
        else if (!Count.is(v)) errors.push({ value: v, context: ctx, message: 'must be a whole number ≥ 0' })
      }
      // no prototype: a code such as `constructor` is only ever data
      return errors.length > 0 ? t.failures(errors) : t.success(Object.assign(Object.create(null) as Record<string, number>, Object.fromEntries(entries)))
    },
    (a) => a,
  ),
  {
    type: 'object',
    maxProperties: 100,
    propertyNames: { pattern: '^[a-z][a-z0-9-]{1,60}$' },
    additionalProperties: { type: 'integer', minimum: 0 },
    description: 'Indicator code → whole number ≥ 0; catalogue: ' + Object.keys(indicatorCatalogue).join(', '),
  },
)
