import * as E from 'fp-ts/lib/Either.js'
import { addDays, periodBounds, periodKind, type IsoDate, type Period } from '../codecs.js'
import { reject, type Rejection } from '../decider.js'
import { regimeFor, type AssociationKind, type Policy, type Regime } from '../policy.js'
import { catalogueOn, templateFor, type CatalogueVersion, type DueRule, type Template } from './catalogue.js'
import type { Indicators } from './indicators.js'
import type { LockException } from './state.js'

/** The template an association of this kind fills for this period, by the catalogue in force on the period's last day. */
export const templateOf = (kind: AssociationKind, period: Period, versions?: ReadonlyArray<CatalogueVersion>): { catalogue: CatalogueVersion; template: Template | undefined } => {
  const catalogue = catalogueOn(periodBounds(period).end, versions)
  return { catalogue, template: templateFor(catalogue, kind, periodKind(period)) }
}

/**
 * R19/R35: when a report is due, by the template in force on the period's last day and the
 * association's regime: its own charter if it says so, otherwise the decree in force when the
 * period ends (so a 2024 annual report falls under Decree 126/2024).
 */
export const reportDueOn = (association: { readonly kind: AssociationKind; readonly regime: Regime }, period: Period, versions?: ReadonlyArray<CatalogueVersion>): IsoDate => {
  const { catalogue, template } = templateOf(association.kind, period, versions)
  const { end } = periodBounds(period)
  const regime = association.regime === 'own-charter' ? 'own-charter' : regimeFor(association.kind, end)
  const rule: DueRule = template === undefined ? catalogue.defaultDue : (template.due.byRegime?.[regime] ?? template.due.rule)
  return 'daysAfterEnd' in rule ? addDays(end, rule.daysAfterEnd) : (`${end.slice(0, 4)}-${rule.onMonthDay}` as IsoDate)
}

/**
 * R36: only catalogue codes, never a computed ratio; every indicator the template requires. The
 * first problem is named by its field, `data.indicators.<code>`.
 */
export const indicatorsMustFit = (indicators: Indicators, kind: AssociationKind, period: Period, versions?: ReadonlyArray<CatalogueVersion>): E.Either<Rejection, Indicators> => {
  const { catalogue, template } = templateOf(kind, period, versions)
  for (const code of Object.keys(indicators).sort()) {
    const def = catalogue.indicators.get(code)
    if (def === undefined)
      return reject(
        'UnknownIndicator',
        'R36',
        `"${code}" is not an indicator of catalogue version ${catalogue.version}`,
        `"${code}" không phải là chỉ tiêu báo cáo trong danh mục phiên bản ${catalogue.version}`,
        `data.indicators.${code}`,
      )
    if (def.aggregation.kind === 'ratio')
      return reject(
        'IndicatorIsComputed',
        'R36',
        `"${code}" is computed from ${def.aggregation.numerator} / ${def.aggregation.denominator}; report those instead`,
        `"${code}" được tính từ ${def.aggregation.numerator} / ${def.aggregation.denominator}; hãy báo cáo hai chỉ tiêu đó`,
        `data.indicators.${code}`,
      )
  }
  for (const code of template?.required ?? [])
    if (!Object.prototype.hasOwnProperty.call(indicators, code))
      return reject(
        'RequiredIndicatorMissing',
        'R36',
        `The ${template!.id} report for ${period} must carry "${code}"`,
        `${template!.vi} kỳ ${period} phải có chỉ tiêu "${code}"`,
        `data.indicators.${code}`,
      )
  return E.right(indicators)
}

/** The last day of entry: `reportExpiryDays` after the period ends (R34). */
export const lockedAfter = (period: Period, policy: Policy): IsoDate => addDays(periodBounds(period).end, policy.reportExpiryDays)

/** R34: after expiry, entry needs a lock exception covering the date of entry. */
export const entryMustBeOpen = (period: Period, on: IsoDate, exceptions: ReadonlyArray<LockException>, policy: Policy, field: string): E.Either<Rejection, IsoDate> => {
  const last = lockedAfter(period, policy)
  if (on <= last || exceptions.some((x) => x.grantedOn <= on && on <= x.until)) return E.right(on)
  return reject('PeriodLocked', 'R34', `Entry for ${period} closed on ${last}; a lock exception is needed`, `Kỳ báo cáo ${period} đã khóa từ sau ngày ${last}; cần được mở khóa`, field)
}
