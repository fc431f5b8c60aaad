import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { baseSeed, runSetup, sides } from './support/cases.js'
import { call, settle, startTestServer, type TestServer } from './support/server.js'

const NAME = 'Hoàng Thị Xoan'
const BORN = '1951-09-17'
const A = sides.A.commune
const admit = (memberId: string, personId: string, fullName: string, birthDate: string) => ({
  type: 'AdmitMember',
  data: { memberId, associationId: A, personId, fullName, birthDate, gender: 'female', category: 'official', admittedOn: '2016-01-01' },
})

let s: TestServer
beforeAll(async () => {
  s = await startTestServer()
  await runSetup(s.store, [...baseSeed, admit('ex-1', 'px-1', NAME, BORN), admit('ex-2', 'px-2', 'Lường Thị Một', '1953-03-04')])
  await settle(s)
})
afterAll(async () => s?.close())

/** Every answer that can show the person: roster (JSON and CSV), member history, the audit log, registry counts. */
const answers = async (): Promise<string> => {
  await settle(s)
  const paths = [`/views/roster/${A}`, `/views/roster/${A}?format=csv`, '/audit/streams/member-ex-1', '/audit/log?after=0&limit=500', '/views/registry', `/views/associations/${A}`]
  const texts = await Promise.all(paths.map(async (p) => (await call(s.base, 'GET', p, { who: 'admin' })).text))
  return texts.join('\n')
}
const hits = (text: string): string[] => [NAME, BORN].filter((x) => text.includes(x))

describe('H1: POST /people/:personId/erasure', () => {
  it('H1: only an administrator may erase', async () => {
    for (const who of ['clerkA', 'auditor'] as const) expect((await call(s.base, 'POST', '/people/px-1/erasure', { who, body: { reason: 'Đơn yêu cầu' } })).status).toBe(403)
    expect((await call(s.base, 'POST', '/people/px-1/erasure', { who: 'anonymous', body: { reason: 'Đơn yêu cầu' } })).status).toBe(401)
    const bad = await call(s.base, 'POST', '/people/px-1/erasure', { who: 'admin', body: {} })
    expect(bad.status).toBe(400)
    expect(bad.text).toMatch(/reason/)
  })
  it('H1: afterwards no API answer holds the name or birth date; counts stay the same', async () => {
    const before = await answers()
    expect(hits(before)).toEqual([NAME, BORN])
    const registry = (await call(s.base, 'GET', '/views/registry', { who: 'admin' })).text
    const r = await call(s.base, 'POST', '/people/px-1/erasure', { who: 'admin', body: { reason: 'Đơn yêu cầu xoá dữ liệu số 3' } })
    expect(r.status, r.text).toBe(201)
    expect(r.json.events[0].type).toBe('PersonErased')
    const after = await answers()
    expect(hits(after)).toEqual([])
    expect(after).toContain('[đã xoá]')
    expect(after).toContain('Lường Thị Một')
    expect((await call(s.base, 'GET', '/views/registry', { who: 'admin' })).text).toBe(registry)
  })
  it('H1: a second erasure is refused (422), an unknown person is 404, with Vietnamese text', async () => {
    const again = await call(s.base, 'POST', '/people/px-1/erasure', { who: 'admin', body: { reason: 'lần hai' } })
    expect(again.status).toBe(422)
    expect(again.text).toMatch(/PersonAlreadyErased/)
    expect(again.text).toMatch(/đã được xoá/)
    const unknown = await call(s.base, 'POST', '/people/nobody/erasure', { who: 'admin', body: { reason: 'thử' } })
    expect(unknown.status).toBe(404)
  })
})
