import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import { openStore } from '@hoi/adapters'
import { baseSeed, member, runSetup } from '../api/support/cases.js'
import { hoi } from '../support/cli.js'

let dir = ''
let store = ''

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hoi-cli-views-'))
  store = `sqlite:${join(dir, 'hoi.sqlite')}`
  const s = await openStore(store)
  await runSetup(s, [...baseSeed, member('c-m1', 'a-commune'), member('c-m2', 'a-commune', 'associate')])
  const parked = await s.append(
    'member-c-bad',
    [
      {
        eventId: 'c-bad-1',
        type: 'MemberAdmitted',
        schemaVersion: 1,
        data: { memberId: 'c-bad' },
        metadata: { occurredOn: '2024-01-01', actor: 'elsewhere', commandId: 'c-bad', correlationId: 'c-bad', causationId: 'c-bad' },
      },
    ],
    'no-stream',
  )
  expect(E.isRight(parked)).toBe(true)
  await s.close()
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const run = (...args: string[]) => hoi([...args, '--store', store])

describe('hoi query: the parameters of the HTTP views, decoded by the same codecs', () => {
  const refused: ReadonlyArray<[string[], RegExp]> = [
    [['statistics', '--year', 'abc'], /--year must be a whole number from 1900 to 2199/u],
    [['statistics', '--as-of', '2022-13-45'], /--as-of .*date/u],
    [['registry', '--recorded-as-of', '2024-02-30'], /--recorded-as-of .*date/u],
    [['registry', '--scope', 'planet'], /--scope /u],
    [['registry', '--colour', 'red'], /--colour is not an option of the view registry/u],
    [['roster'], /usage: hoi query roster ASSOCIATION_ID/u],
    [['roster', 'a b'], /ASSOCIATION_ID /u],
    [['registry', '--limit', '0'], /--limit must be a whole number from 1 to 500/u],
    [['registry', '--kind', 'elderly', '--kind', 'elderly'], /--kind is given twice/u],
    [['nonsense'], /unknown view nonsense; views: registry/u],
  ]
  for (const [args, message] of refused)
    it(`${args.join(' ')} is refused naming the parameter`, () => {
      const r = run('query', ...args)
      expect(r.code, r.stdout).toBe(64)
      expect(r.stderr).toMatch(message)
      expect(r.stdout).toBe('')
    })

  it('the same names and defaults as HTTP: statistics for this year, lists whole, a page on request', () => {
    const s = JSON.parse(run('query', 'statistics', '--json').stdout)
    expect(s.year).toBe(new Date().getUTCFullYear())
    expect(s.members.total).toBe(2)
    expect(JSON.parse(run('query', 'registry', '--json').stdout)).toHaveLength(4)
    expect(JSON.parse(run('query', 'registry', '--scope', 'commune', '--limit', '1', '--offset', '1', '--json').stdout)).toMatchObject({
      total: 2,
      limit: 1,
      offset: 1,
      items: [{ associationId: 'b-commune' }],
    })
    const roster = JSON.parse(run('query', 'roster', 'a-commune', '--category=associate', '--json').stdout)
    expect(roster.map((m: { memberId: string }) => m.memberId)).toEqual(['c-m2'])
    expect(JSON.parse(run('query', 'roster', 'prov-a', '--include-descendants', '--json').stdout)).toHaveLength(2)
    expect(JSON.parse(run('query', 'registry', '--recorded-as-of', '2000-01-01', '--json').stdout)).toEqual([])
  })

  it('the text tables read in Vietnamese: headers, codes and dates dd/mm/yyyy, the English kept in brackets', () => {
    const registry = run('query', 'registry').stdout
    expect(registry).toMatch(/^Mã\s+Tên hội\s+Loại\s+Cấp\s+Địa bàn\s+Trạng thái\s+Đặc thù\s+Hội viên$/mu)
    expect(registry).toMatch(/Xã\s+\S+\s+Đang hoạt động/u)
    expect(registry).toMatch(/^4 hội \(associations\)$/mu)
    const statistics = run('query', 'statistics', '--year', '2024').stdout
    expect(statistics).toMatch(/^\s+Tổng\s+Trung ương\s+Tỉnh\s+Huyện\s+Xã$/mu)
    expect(statistics).toMatch(/^Số hội \(associations\)\s+4\s/mu)
    expect(statistics).toMatch(/^Hội viên \(members\): 2 /mu)
    const roster = run('query', 'roster', 'a-commune').stdout
    expect(roster).toMatch(/^Mã hội viên\s+Họ và tên\s+Ngày sinh\s+Giới tính\s+Loại hội viên\s+Ngày kết nạp$/mu)
    expect(roster).toMatch(/Liên kết\s+\d{2}\/\d{2}\/\d{4}$/mu)
    expect(run('query', 'clubs').stdout).toMatch(/^Mã CLB\s+Tên câu lạc bộ\s+Chương trình/mu)
    for (const text of [registry, statistics, roster]) expect(text).not.toMatch(/^(id|member)\s+name\b/mu)
  })

  it('a missing association is an error, not an empty answer', () => {
    const r = run('query', 'roster', 'nobody')
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/nothing found for roster nobody/u)
  })
})

describe('hoi parked and hoi rebuild', () => {
  it('lists the parked event with its position, stream and reason', () => {
    const r = run('parked')
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout).toMatch(/member-c-bad/u)
    expect(r.stdout).toMatch(/MemberAdmitted/u)
    expect(r.stdout).toMatch(/associationId/u)
    const json = JSON.parse(run('parked', '--json').stdout)
    expect(json.total).toBe(1)
    expect(json.events[0]).toMatchObject({ streamId: 'member-c-bad', position: expect.any(Number) })
    expect(run('parked', '--limit', 'x').code).toBe(64)
  })

  it('rebuilds every projection with plain progress lines off a terminal, retrying parked events', () => {
    const r = run('rebuild')
    expect(r.code, r.stderr).toBe(0)
    expect(r.stderr).toMatch(/^rebuild 100 % \(\d+ of \d+\), [\d.]+ events\/s, ETA 0 s$/mu)
    expect(r.stdout).toMatch(/^rebuilt .+ to position \d+ of \d+ in [\d.,]+ s; 1 parked$/mu)
  })

  it('refuses a projection it does not know, naming the ones it has', () => {
    const r = run('rebuild', 'nonsense')
    expect(r.code).toBe(64)
    expect(r.stderr).toMatch(/no projection nonsense; projections: /u)
  })
})

describe('opening the views from the CLI', () => {
  it('the first query builds them with progress on stderr, a later one prints nothing, and events written since are caught up with progress', async () => {
    const own = mkdtempSync(join(tmpdir(), 'hoi-cli-first-'))
    try {
      const url = `sqlite:${join(own, 'hoi.sqlite')}`
      const s = await openStore(url)
      await runSetup(s, [...baseSeed, member('f-m1', 'a-commune')])
      await s.close()
      const first = hoi(['query', 'statistics', '--year', '2024', '--json', '--store', url])
      expect(first.code).toBe(0)
      // not a terminal: plain lines, the last one at 100 % with the rate and ETA
      expect(first.stderr).toMatch(/^building views 100 % \(.+ of .+\), .+ events\/s, ETA 0 s$/mu)
      const again = hoi(['query', 'statistics', '--year', '2024', '--json', '--store', url])
      expect(again.stderr).toBe('')
      expect(JSON.parse(again.stdout)).toEqual(JSON.parse(first.stdout))
      const w = await openStore(url)
      await runSetup(w, [member('f-m2', 'a-commune')])
      await w.close()
      const later = hoi(['query', 'statistics', '--year', '2024', '--json', '--store', url])
      expect(later.stderr).toMatch(/^catching up views 100 % /mu)
      expect(JSON.parse(later.stdout).members.total).toBe(JSON.parse(first.stdout).members.total + 1)
    } finally {
      rmSync(own, { recursive: true, force: true })
    }
  })
})
