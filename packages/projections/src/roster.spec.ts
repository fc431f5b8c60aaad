import { describe, expect, it } from 'vitest'
import { applyAll, emptyModel, roster } from './index.js'
import { ev, log } from './testing/recorded.js'

const nfc = 'Nguyễn Thị Hường'
const nfd = nfc.normalize('NFD')

const m = applyAll(
  emptyModel(),
  log(
    ev.founded('p', { scope: 'province' }),
    ev.founded('c', { scope: 'commune', parentId: 'p', areaCode: '12.105.03' }),
    ev.admitted('m1', 'p', '2015-01-01', { fullName: nfc, gender: 'female' }),
    ev.admitted('m2', 'p', '2016-01-01', { fullName: 'Trần Văn Đức' }),
    ev.admitted('m3', 'c', '2017-01-01', { fullName: 'Lê Thị Hoa', category: 'associate' }),
    ev.admitted('m4', 'c', '2017-01-01', { fullName: 'Lò Văn \u00D0ạt' }),
    ['MemberResigned', { memberId: 'm2', associationId: 'p', resignedOn: '2020-06-30' }],
    ['MemberCategoryChanged', { memberId: 'm3', associationId: 'c', category: 'official', changedOn: '2019-01-01' }],
    ['MemberDetailsCorrected', { memberId: 'm1', associationId: 'p', correctedOn: '2021-01-01', reason: 'sai ngày sinh', birthDate: '1948-02-02', cardNo: 'NCT-001' }],
    ['MemberTransferredOut', { memberId: 'm3', associationId: 'c', personId: 'p-m3', toAssociationId: 'p', toMemberId: 'm3b', transferredOn: '2022-01-01' }],
    [
      'MemberTransferredIn',
      {
        memberId: 'm3b',
        associationId: 'p',
        personId: 'p-m3',
        fullName: 'Lê Thị Hoa',
        birthDate: '1950-01-01',
        gender: 'female',
        category: 'official',
        fromAssociationId: 'c',
        fromMemberId: 'm3',
        transferredOn: '2022-01-01',
        flags: [],
      },
    ],
    ['MemberDeceased', { memberId: 'm1', associationId: 'p', diedOn: '2023-03-03' }],
  ),
)
const ids = (rows: ReadonlyArray<{ memberId: string }>) => rows.map((r) => r.memberId)

describe('roster', () => {
  it('lists active members as of a date: before and after leaving (R11)', () => {
    expect(ids(roster(m, 'p', { asOf: '2014-12-31' }))).toEqual([])
    expect(ids(roster(m, 'p', { asOf: '2020-06-29' }))).toEqual(['m1', 'm2'])
    expect(ids(roster(m, 'p', { asOf: '2020-06-30' }))).toEqual(['m1'])
    expect(ids(roster(m, 'p', { asOf: '2023-03-02' }))).toEqual(['m1', 'm3b'])
    expect(ids(roster(m, 'p'))).toEqual(['m3b'])
  })

  it('R12: a transfer moves the person from one roster to the other on the same date', () => {
    expect(ids(roster(m, 'c', { asOf: '2021-12-31' }))).toEqual(['m3', 'm4'])
    expect(ids(roster(m, 'c', { asOf: '2022-01-01' }))).toEqual(['m4'])
    expect(ids(roster(m, 'p', { asOf: '2022-01-01', includeDescendants: true }))).toEqual(['m1', 'm3b', 'm4'])
    expect(ids(roster(m, 'p', { asOf: '2021-12-31', includeDescendants: true }))).toEqual(['m1', 'm3', 'm4'])
  })

  it('shows the category in force on the date and filters by it', () => {
    expect(roster(m, 'c', { asOf: '2018-12-31' })[0]?.category).toBe('associate')
    expect(roster(m, 'c', { asOf: '2018-12-31' })[1]?.category).toBe('official')
    expect(roster(m, 'c', { asOf: '2019-01-01' })[0]?.category).toBe('official')
    expect(ids(roster(m, 'p', { asOf: '2018-12-31', includeDescendants: true, category: 'associate' }))).toEqual(['m3'])
  })

  it('corrections hold for every date (they fix the record)', () => {
    const row = roster(m, 'p', { asOf: '2016-01-01' })[0]
    expect(row).toMatchObject({ memberId: 'm1', birthDate: '1948-02-02', cardNo: 'NCT-001', gender: 'female', admittedOn: '2015-01-01' })
    expect(roster(m, 'p', { asOf: '2016-01-01' })[1]).not.toHaveProperty('cardNo')
  })

  it('search is case-insensitive and finds the same member in NFC and NFD spellings', () => {
    expect(nfd).not.toBe(nfc)
    const q = (search: string) => ids(roster(m, 'p', { asOf: '2020-01-01', search }))
    expect(q(nfc)).toEqual(['m1'])
    expect(q(nfd)).toEqual(['m1'])
    expect(q('hường'.normalize('NFD'))).toEqual(['m1'])
    expect(q('NGUYỄN')).toEqual(['m1'])
    expect(q('đức')).toEqual(['m2'])
    expect(q('\u00D0ức')).toEqual(['m2'])
    expect(q('Hoàng')).toEqual([])
    expect(q('')).toEqual(['m1', 'm2'])
    // the look-alike Ð (U+00D0) in a stored name is found by Đ, đ and Ð alike
    const inC = (search: string) => ids(roster(m, 'c', { search }))
    expect([inC('đạt'), inC('ĐẠT'), inC('\u00D0ạt')]).toEqual([['m4'], ['m4'], ['m4']])
  })

  it('search typed without marks ignores them, as Vietnamese users type: "le" finds Lê and Lệ, "phung" finds Phùng, "dat" finds Đạt', () => {
    const names = applyAll(
      emptyModel(),
      log(
        ev.founded('x', { scope: 'commune' }),
        ev.admitted('n1', 'x', '2015-01-01', { fullName: 'Lê Thị Hoa' }),
        ev.admitted('n2', 'x', '2015-01-01', { fullName: 'Phùng Văn Lệ' }),
        ev.admitted('n3', 'x', '2015-01-01', { fullName: 'Lò Văn Đạt' }),
        ev.admitted('n4', 'x', '2015-01-01', { fullName: 'Giàng A Páo' }),
      ),
    )
    const q = (search: string) => ids(roster(names, 'x', { asOf: '2020-01-01', search }))
    expect(q('le')).toEqual(['n1', 'n2'])
    expect(q('LE')).toEqual(['n1', 'n2'])
    expect(q('phung')).toEqual(['n2'])
    expect(q('dat')).toEqual(['n3'])
    expect(q('van')).toEqual(['n2', 'n3'])
    // typed with marks, the marks count
    expect(q('Lê')).toEqual(['n1'])
    expect(q('lệ')).toEqual(['n2'])
    expect(q('phùng'.normalize('NFD'))).toEqual(['n2'])
  })
})
