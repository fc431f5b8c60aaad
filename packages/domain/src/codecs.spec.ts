import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import {
  Count,
  IsoDate,
  Name,
  Period,
  PositiveCount,
  Text,
  addDays,
  addYears,
  ageOn,
  boundedArray,
  daysBetween,
  decodeWith,
  nameKey,
  oneOf,
  periodBounds,
  periodKind,
  periodWithin,
  type Period as PeriodT,
} from './codecs.js'
import { DomainCommand } from './commands.js'
import { LaunchClub } from './club/commands.js'
import { SetTarget } from './target/commands.js'

const issues = (r: E.Either<{ issues: ReadonlyArray<{ field: string; message: string }> }, unknown>) => (E.isLeft(r) ? r.left.issues : [])

describe('Name', () => {
  const precomposed = 'Nguy\u1EC5n Th\u1ECB Hu\u1EBF'
  it.each([
    ['precomposed', precomposed],
    ['decomposed', 'Nguye\u0302\u0303n Thi\u0323 Hue\u0302\u0301'],
    ['mixed', 'Nguy\u00EA\u0303n Th\u1ECB Hue\u0302\u0301'],
  ])('decodes the %s form to the same NFC string', (_, input) => {
    const r = Name.decode(input)
    expect(r).toEqual(E.right(precomposed))
    expect(E.isRight(r) && r.right === r.right.normalize('NFC')).toBe(true)
  })
  it('trims and collapses spaces', () => {
    expect(Name.decode('  Trần   Văn\u00A0 Ba ')).toEqual(E.right('Trần Văn Ba'))
  })
  it.each([
    ['a control character', 'Lê\u0007Văn', 'contains a control character'],
    ['a line break', 'Lê\nVăn', 'contains a control character'],
    ['a bidi override', 'Lê \u202EnăV', 'contains a bidirectional override or mark'],
    ['a bidi isolate', 'Lê \u2066Văn', 'contains a bidirectional override or mark'],
    ['a zero-width space', 'Lê\u200BVăn', 'contains a zero-width or invisible character'],
    ['a byte-order mark', '\uFEFFLê Văn', 'contains a zero-width or invisible character'],
    ['a lone surrogate', 'Lê \uD800Văn', 'lone surrogate'],
  ])('refuses %s with a message', (_, input, message) => {
    expect(issues(decodeWith(Name)(input))).toEqual([{ field: '(body)', message: expect.stringContaining(message) }])
  })
  it('refuses empty, blank and over-long names; accepts 200 characters', () => {
    expect(issues(decodeWith(Name)('   '))).toEqual([{ field: '(body)', message: 'must not be empty' }])
    expect(E.isLeft(Name.decode('a'.repeat(201)))).toBe(true)
    expect(E.isRight(Name.decode('ê'.repeat(200)))).toBe(true)
    expect(issues(decodeWith(Name)(42))).toEqual([{ field: '(body)', message: 'must be a string' }])
  })
})

describe('Text', () => {
  it('allows line breaks and normalises to NFC, but refuses hidden characters', () => {
    expect(Text.decode('Dòng 1\nDo\u0300ng 2')).toEqual(E.right('Dòng 1\nDòng 2'))
    expect(E.isLeft(Text.decode('ok\u202E'))).toBe(true)
    expect(E.isLeft(Text.decode('ok\u200B'))).toBe(true)
  })
})

describe('nameKey', () => {
  it('folds case and the look-alike Ð (U+00D0) into Đ', () => {
    expect(nameKey('ĐỖ VĂN MẠNH')).toBe(nameKey('\u00D0ỗ Văn Mạnh'))
    expect(nameKey('đỗ văn mạnh')).toBe(nameKey('\u00F0ỗ  Văn Mạnh '))
    expect(nameKey('Do\u0302\u0303 Va\u0306n')).toBe(nameKey('Dỗ Văn'))
    expect(nameKey('Đỗ Văn Mạnh')).not.toBe(nameKey('Do Van Manh'))
  })
})

describe('IsoDate', () => {
  it.each(['2024-02-29', '2000-02-29', '2023-12-31', '1900-01-01', '2199-12-31'])('accepts %s', (d) => {
    expect(IsoDate.decode(d)).toEqual(E.right(d))
  })
  it.each([
    ['2023-02-30', '2023-02-30 is not a calendar date'],
    ['2023-02-29', '2023-02-29 is not a calendar date'],
    ['1900-02-29', '1900-02-29 is not a calendar date'],
    ['2023-13-01', '2023-13-01 is not a calendar date'],
    ['2023-00-10', '2023-00-10 is not a calendar date'],
    ['1899-12-31', '1899-12-31 is not a calendar date'],
    ['2023-2-1', 'must be a date YYYY-MM-DD'],
    ['2023-02-01T00:00:00Z', 'must be a date YYYY-MM-DD'],
  ])('refuses %s', (d, message) => {
    expect(issues(decodeWith(IsoDate)(d))).toEqual([{ field: '(body)', message }])
  })
  it('date arithmetic follows the calendar', () => {
    expect(addDays('2024-02-28' as IsoDate, 1)).toBe('2024-02-29')
    expect(addDays('2023-12-31' as IsoDate, 15)).toBe('2024-01-15')
    expect(daysBetween('2023-01-01' as IsoDate, '2024-01-01' as IsoDate)).toBe(365)
    expect(addYears('2024-02-29' as IsoDate, 1)).toBe('2025-02-28')
    expect(ageOn('1964-06-15' as IsoDate, '2024-06-14' as IsoDate)).toBe(59)
    expect(ageOn('1964-06-15' as IsoDate, '2024-06-15' as IsoDate)).toBe(60)
  })
})

describe('Period', () => {
  it.each([
    ['2023', 'year', '2023-01-01', '2023-12-31'],
    ['2023S1', 'half', '2023-01-01', '2023-06-30'],
    ['2023S2', 'half', '2023-07-01', '2023-12-31'],
    ['2023Q3', 'quarter', '2023-07-01', '2023-09-30'],
    ['2024Q1', 'quarter', '2024-01-01', '2024-03-31'],
    ['2024M02', 'month', '2024-02-01', '2024-02-29'],
    ['2023M02', 'month', '2023-02-01', '2023-02-28'],
    ['2023M11', 'month', '2023-11-01', '2023-11-30'],
    ['2023N9', 'nine-months', '2023-01-01', '2023-09-30'],
    ['2021K2026', 'term', '2021-01-01', '2026-12-31'],
  ])('%s is a %s from %s to %s', (p, kind, start, end) => {
    expect(Period.decode(p)).toEqual(E.right(p))
    expect(periodKind(p as PeriodT)).toBe(kind)
    expect(periodBounds(p as PeriodT)).toEqual({ start, end })
  })
  it.each(['2023Q5', '2023Q0', '2023S3', '2023M00', '2023M13', '2023M7', '23', '2023q3', '2023-Q3', '1899', '2200', '2023N6', '2021K2021', '2021K2027', '2026K2021', '2021-2026'])(
    'refuses %s',
    (p) => {
      expect(issues(decodeWith(Period)(p))).toEqual([{ field: '(body)', message: 'must be a period like 2023, 2023S1, 2023N9, 2023Q3, 2023M07 or a term 2021K2026' }])
    },
  )
  it('knows which periods lie within others', () => {
    expect(periodWithin('2023Q3' as PeriodT, '2023S2' as PeriodT)).toBe(true)
    expect(periodWithin('2023Q3' as PeriodT, '2023S1' as PeriodT)).toBe(false)
    expect(periodWithin('2023M07' as PeriodT, '2023' as PeriodT)).toBe(true)
    expect(periodWithin('2023' as PeriodT, '2023Q1' as PeriodT)).toBe(false)
    expect(periodWithin('2023Q3' as PeriodT, '2023N9' as PeriodT)).toBe(true)
    expect(periodWithin('2023Q4' as PeriodT, '2023N9' as PeriodT)).toBe(false)
    expect(periodWithin('2023' as PeriodT, '2021K2026' as PeriodT)).toBe(true)
  })
})

describe('Count', () => {
  it.each([Number.NaN, Number.POSITIVE_INFINITY, -1, 1.5, '5', null, Number.MAX_SAFE_INTEGER + 1])('refuses %s', (n) => {
    expect(issues(decodeWith(Count)(n))).toEqual([{ field: '(body)', message: 'must be a whole number ≥ 0' }])
  })
  it('accepts 0 and the largest safe integer (loan balances in VND)', () => {
    expect(Count.decode(0)).toEqual(E.right(0))
    expect(Count.decode(Number.MAX_SAFE_INTEGER)).toEqual(E.right(Number.MAX_SAFE_INTEGER))
  })
  it('PositiveCount refuses 0', () => {
    expect(issues(decodeWith(PositiveCount)(0))).toEqual([{ field: '(body)', message: 'must be a whole number ≥ 1' }])
  })
})

describe('enumerations and arrays', () => {
  it('oneOf names the values allowed', () => {
    expect(issues(decodeWith(oneOf('Colour', ['red', 'green'] as const))('blue'))).toEqual([{ field: '(body)', message: 'must be one of red, green' }])
  })
  it('boundedArray refuses more items than its bound without walking them', () => {
    expect(issues(decodeWith(boundedArray(Name, 2, 'Two'))(['a', 'b', 'c']))).toEqual([{ field: '(body)', message: 'must have at most 2 items' }])
  })
})

const launch = {
  type: 'LaunchClub',
  data: {
    clubId: 'clb-1',
    name: 'CLB Liên thế hệ',
    model: 'ishc',
    hostAssociationId: 'nct',
    areaCode: '12.105',
    launchedOn: '2020-01-01',
    programme: '1336',
    roster: { total: 60, older: 40, women: 40, homeCareVolunteers: 6 },
  },
}
const setTarget = {
  type: 'SetTarget',
  data: {
    targetId: 't1',
    ownerAssociationId: 'nct',
    title: '72 CLB',
    metric: { kind: 'clubs-launched', model: 'ishc', areaCode: '12' },
    counting: 'cumulative',
    goal: 72,
    startOn: '2021-07-01',
    dueOn: '2025-12-31',
    setOn: '2021-07-15',
    milestones: [{ label: '9 CLB', goal: 9, dueOn: '2022-06-30' }],
  },
}

describe('strict objects', () => {
  it('refuse unknown keys at every level, naming the field', () => {
    expect(issues(decodeWith(LaunchClub)({ ...launch, data: { ...launch.data, isAdmin: true } }))).toEqual([{ field: 'data.isAdmin', message: 'is not a field of this object' }])
    expect(issues(decodeWith(LaunchClub)({ ...launch, extra: 1 }))).toEqual([{ field: 'extra', message: 'is not a field of this object' }])
    expect(issues(decodeWith(LaunchClub)({ ...launch, data: { ...launch.data, isAdmin: undefined } }))).toEqual([{ field: 'data.isAdmin', message: 'is not a field of this object' }])
    expect(issues(decodeWith(LaunchClub)({ ...launch, data: { ...launch.data, roster: { ...launch.data.roster, young: 5 } } }))).toEqual([
      { field: 'data.roster.young', message: 'is not a field of this object' },
    ])
    const milestones = [{ label: '9 CLB', goal: 9, dueOn: '2022-06-30', note: 'x' }]
    expect(issues(decodeWith(SetTarget)({ ...setTarget, data: { ...setTarget.data, milestones } }))).toEqual([{ field: 'data.milestones.0.note', message: 'is not a field of this object' }])
  })
  it('drop optional fields given as undefined rather than storing them', () => {
    const r = decodeWith(SetTarget)({ ...setTarget, data: { ...setTarget.data, sourceResolutionId: undefined } })
    expect(E.isRight(r) && 'sourceResolutionId' in r.right.data).toBe(false)
  })
})

describe('decodeWith', () => {
  it('names nested fields by their path', () => {
    expect(issues(decodeWith(LaunchClub)({ ...launch, data: { ...launch.data, roster: { ...launch.data.roster, older: -1 } } }))).toEqual([
      { field: 'data.roster.older', message: 'must be a whole number ≥ 0' },
    ])
    const milestones = [{ label: '9 CLB', goal: 9, dueOn: '2022-02-30' }]
    expect(issues(decodeWith(SetTarget)({ ...setTarget, data: { ...setTarget.data, milestones } }))).toEqual([{ field: 'data.milestones.0.dueOn', message: '2022-02-30 is not a calendar date' }])
    expect(issues(decodeWith(SetTarget)({ ...setTarget, data: { ...setTarget.data, metric: { kind: 'clubs-launched', model: 'all', areaCode: '12' } } }))).toEqual([
      { field: 'data.metric.model', message: 'must be one of ishc, any' },
    ])
  })
  it('reports every problem, a missing field as required', () => {
    const { name: _, ...noName } = launch.data
    expect(issues(decodeWith(LaunchClub)({ ...launch, data: { ...noName, launchedOn: '2020-02-30' } }))).toEqual([
      { field: 'data.name', message: 'is required' },
      { field: 'data.launchedOn', message: '2020-02-30 is not a calendar date' },
    ])
  })
  it('calls a missing value required, whatever the codec', () => {
    expect(issues(decodeWith(Name)(undefined))).toEqual([{ field: '(body)', message: 'is required' }])
    expect(issues(decodeWith(LaunchClub)({ ...launch, data: { ...launch.data, roster: { total: 1, older: 0, women: 0 } } }))).toEqual([
      { field: 'data.roster.homeCareVolunteers', message: 'is required' },
    ])
  })
  it('names the types allowed when the type is unknown', () => {
    const r = issues(decodeWith(DomainCommand)({ type: 'DropTables', data: {} }))
    expect(r).toEqual([{ field: 'type', message: expect.stringContaining('LaunchClub') }])
  })
  it('decodes a command to NFC names', () => {
    const r = decodeWith(DomainCommand)({ ...launch, data: { ...launch.data, name: 'CLB Lie\u0302n the\u0302\u0301 he\u0323\u0302' } })
    expect(E.isRight(r) && (r.right.data as { name: string }).name).toBe('CLB Liên thế hệ')
  })
})
