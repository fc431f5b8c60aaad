import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { hoi } from '../support/cli.js'

const lines = [
  {
    type: 'FoundAssociation',
    data: { associationId: 'nct-x', name: 'Hội Người cao tuổi xã Bản Bo', kind: 'elderly', scope: 'commune', areaCode: '12.106.02', foundedOn: '2015-04-01', foundingMembers: 15 },
  },
  {
    type: 'AdmitMember',
    data: { memberId: 'm1', associationId: 'nct-x', personId: 'p1', fullName: 'Lò Thị Mai', birthDate: '1950-02-03', gender: 'female', category: 'official', admittedOn: '2020-05-01' },
  },
  '{"type": "AdmitMember", "data": ', // not JSON
  { type: 'AdmitMembers', data: {} }, // unknown type
  { type: 'AdmitMember', data: { memberId: 'm2', associationId: 'nct-x', personId: 'p2', birthDate: '1950-02-03', gender: 'female', category: 'official', admittedOn: '2020-05-01' } }, // no fullName
  {
    type: 'AdmitMember',
    data: { memberId: 'm3', associationId: 'nct-x', personId: 'p3', fullName: 'Tòng Văn Hùng', birthDate: '1950-02-30', gender: 'male', category: 'official', admittedOn: '2020-05-01' },
  }, // not a date
  {
    type: 'AdmitMember',
    data: { memberId: 'm4', associationId: 'nct-x', personId: 'p4', fullName: 'Giàng A Páo', birthDate: '1990-01-01', gender: 'male', category: 'official', admittedOn: '2020-05-01' },
  }, // 30 years old: R28
  {
    type: 'AdmitMember',
    data: { memberId: 'm5', associationId: 'nct-x', personId: 'p5', fullName: 'Lò\u202eThị Hoa', birthDate: '1950-02-03', gender: 'female', category: 'official', admittedOn: '2020-05-01' },
  }, // bidi override
  {
    type: 'AdmitMember',
    data: {
      memberId: 'm6',
      associationId: 'nct-x',
      personId: 'p6',
      fullName: 'Nguye\u0302\u0303n Văn An',
      birthDate: '1955-07-07',
      gender: 'male',
      category: 'official',
      admittedOn: '2020-06-01',
      eventId: 'x',
    },
  }, // server-owned field
  {
    type: 'AdmitMember',
    data: { memberId: 'm7', associationId: 'nct-x', personId: 'p7', fullName: 'Nguye\u0302\u0303n Văn An', birthDate: '1955-07-07', gender: 'male', category: 'official', admittedOn: '2020-06-01' },
  }, // NFD name, good
]

const setup = () => {
  const dir = mkdtempSync(join(tmpdir(), 'hoi-exec-'))
  const file = join(dir, 'commands.jsonl')
  writeFileSync(file, lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n') + '\n')
  return { file, store: `sqlite:${join(dir, 'hoi.sqlite')}` }
}

describe('hoi exec FILE.jsonl', () => {
  const { file, store } = setup()
  const first = hoi(['exec', file, '--store', store, '--json'])
  const results = first.stdout
    .trim()
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l))

  it('reports every line: 3 applied, 7 refused, and exits 2 because some lines failed', () => {
    expect(first.code).toBe(2)
    expect(results.map((r) => [r.line, r.ok])).toEqual([
      [1, true],
      [2, true],
      [3, false],
      [4, false],
      [5, false],
      [6, false],
      [7, false],
      [8, false],
      [9, false],
      [10, true],
    ])
  })
  it('names the problem of each bad line', () => {
    const byLine = new Map(results.map((r) => [r.line, r]))
    expect(byLine.get(3).error).toMatch(/not JSON/)
    expect(byLine.get(4).error).toMatch(/type.*must be one of/)
    expect(byLine.get(5).error).toMatch(/data\.fullName.*required/)
    expect(byLine.get(6).error).toMatch(/data\.birthDate.*1950-02-30 is not a calendar date/)
    expect(byLine.get(7)).toMatchObject({ rule: 'R28', code: 'AgeBelowMinimum' })
    expect(byLine.get(8).error).toMatch(/data\.fullName.*bidirectional/)
    expect(byLine.get(9).error).toMatch(/data\.eventId.*not a field/)
  })
  it('stores only the good lines, names in NFC', () => {
    const h = hoi(['history', 'member-m7', '--store', store, '--json'])
    const [admitted] = h.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
    expect(admitted.data.fullName).toBe('Nguyễn Văn An'.normalize('NFC'))
    expect(hoi(['history', 'member-m4', '--store', store]).stdout).toMatch(/no stream member-m4/)
  })
  it('running the same file again stores nothing new', () => {
    const before = hoi(['query', 'registry', '--store', store, '--json'])
    const again = hoi(['exec', file, '--store', store, '--json'])
    const rerun = again.stdout
      .trim()
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l))
    expect(rerun.filter((r) => r.ok).every((r) => r.replayed === true)).toBe(true)
    expect(hoi(['query', 'registry', '--store', store, '--json']).stdout).toBe(before.stdout)
    const all = hoi(['history', 'member-m1', '--store', store, '--json']).stdout.trim().split('\n')
    expect(all).toHaveLength(1)
  })
})
