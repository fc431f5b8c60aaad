import { describe, expect, it } from 'vitest'
import { applyAll, emptyModel, reportRollup, reports, targetProgress } from './index.js'
import { ev, log } from './testing/recorded.js'

/**
 * Events written before the codecs refused Object.prototype's names (or by another writer) still
 * fold: a user string never indexes a plain object, so "constructor" is an indicator like any other.
 * The data goes through JSON as a store delivers it.
 */
const fromStore = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T

const m = applyAll(
  emptyModel(),
  fromStore(
    log(
      ev.founded('p', { foundedOn: '2000-01-01' }),
      ev.founded('c', { scope: 'commune', parentId: 'p', areaCode: '12.105.03', foundedOn: '2000-01-01' }),
      [
        'TargetSet',
        {
          targetId: 't-ctor',
          ownerAssociationId: 'p',
          title: 'Chỉ tiêu',
          metric: { kind: 'report-indicator', associationId: 'p', indicator: 'constructor' },
          counting: 'cumulative',
          goal: 10,
          startOn: '2021-01-01',
          dueOn: '2021-12-31',
          milestones: [],
          setOn: '2021-01-01',
        },
      ],
      [
        'TargetSet',
        {
          targetId: 't-proto',
          ownerAssociationId: 'p',
          title: 'Chỉ tiêu',
          metric: { kind: 'report-indicator', associationId: 'p', indicator: 'toString' },
          counting: 'cumulative',
          goal: 10,
          startOn: '2021-01-01',
          dueOn: '2021-12-31',
          milestones: [],
          setOn: '2021-01-01',
        },
      ],
      ev.submitted('p', '2021Q1', '2021-04-10', { activities: 2 }),
      ev.submitted('c', '2021Q1', '2021-04-12', { constructor: 3, activities: 1 }),
    ),
  ),
)

describe('prototype names are data, never lookups', () => {
  it('a target counting "constructor" sums the reports that have it, and one counting "toString" counts 0', () => {
    expect(targetProgress(m, 't-ctor', '2021-06-01')!.current).toBe(3)
    expect(targetProgress(m, 't-proto', '2021-06-01')!.current).toBe(0)
  })
  it('a roll-up totals "constructor" as a number beside the other indicators', () => {
    const r = reportRollup(m, { associationId: 'p', period: '2021Q1', asOf: '2021-06-01' })
    // a code from before the catalogue was enforced is still counted, labelled by its code
    expect(r.totals.map((x) => [x.code, x.value])).toEqual([
      ['activities', 3],
      ['constructor', 3],
    ])
    expect(r.totals.every((x) => typeof x.value === 'number')).toBe(true)
  })
  it('the report list keeps the figures as given', () => {
    const row = reports(m, { associationId: 'c' })[0]!
    expect(row.indicators.map((x) => [x.code, x.value])).toEqual([
      ['activities', 1],
      ['constructor', 3],
    ])
  })
})
