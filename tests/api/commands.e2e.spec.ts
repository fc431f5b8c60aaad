import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SERVER_OWNED } from '@hoi/api'
import { baseSeed, commandCases, establishmentPermit, foundingCommittee, foundingCongress, member, runSetup, sides } from './support/cases.js'
import { call, startTestServer, type TestServer } from './support/server.js'

let s: TestServer
let n = 1000
/**
 * A transfer in is checked against its transfer out first (R12: 422), and a correction of a report
 * that does not exist is read as a submission, whose fields it lacks (400); the rest answer 404.
 */
const notFound = (c: (typeof commandCases)[number]): number => (c.route.endsWith('transfer-in') ? 422 : c.label === 'correct' ? 400 : 404)
const label = (c: (typeof commandCases)[number]) => `${c.method} ${c.route}${c.label === undefined ? '' : ` (${c.label})`}`

beforeAll(async () => {
  s = await startTestServer()
  await runSetup(s.store, baseSeed)
})
afterAll(async () => s?.close())

/** Sends as admin and checks that a refusal stored nothing. */
const refused = async (method: string, path: string, body: unknown, headers: Record<string, string> = {}) => {
  const before = await s.store.head()
  const r = await call(s.base, method, path, { who: 'admin', body, headers })
  expect(await s.store.head(), `nothing stored by ${method} ${path}`).toBe(before)
  expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/u)
  expect(r.json.status).toBe(r.status)
  expect(typeof r.json.type).toBe('string')
  expect(typeof r.json.title).toBe('string')
  expect(r.json.instance).toBe(path.split('?')[0])
  return r
}

describe('every command route', () => {
  for (const c of commandCases) {
    it(`${label(c)}: 201 with the stored events and the revision as ETag`, async () => {
      const b = c.build('A', ++n)
      await runSetup(s.store, b.setup)
      const r = await call(s.base, c.method, b.path, { who: 'admin', body: b.body })
      expect(r.status, r.text).toBe(201)
      expect(r.json.events.length).toBeGreaterThan(0)
      const last = r.json.events[r.json.events.length - 1]
      expect(r.json.revision).toBe(last.revision)
      expect(r.json.streamId).toBe(last.streamId)
      expect(r.headers.get('etag')).toBe(`"${last.revision}"`)
      expect(last.metadata.actor).toBe('admin-1')
    })

    it(`${label(c)}: 400 naming a field of the wrong type`, async () => {
      const b = c.build('A', ++n)
      await runSetup(s.store, b.setup)
      const body = { ...(b.body as Record<string, unknown>) }
      const field = Object.keys(body).find((k) => typeof body[k] === 'string')!
      body[field] = 12345
      const r = await refused(c.method, b.path, body)
      expect(r.status).toBe(400)
      expect(r.json.errors.map((e: { field: string }) => e.field)).toContain(field)
    })

    if (c.route.includes(':'))
      it(`${label(c)}: ${notFound(c)} for an id that does not exist`, async () => {
        const b = c.build('A', ++n)
        const segments = b.path.split('/')
        // the first path parameter is the resource: replace its value by an unknown one
        const at = c.route.split('/').findIndex((p) => p.startsWith(':'))
        // unit ids are area codes, which have no hyphen
        segments[at] = c.route.startsWith('/admin-units') ? 'nothing9' : 'nothing-here'
        const r = await refused(c.method, segments.join('/'), b.body)
        expect(r.status, r.text).toBe(notFound(c))
      })
  }
})

describe('rules refused with 422: code, R-number, English and Vietnamese', () => {
  const rule = async (method: string, path: string, body: unknown, code: string, ruleId: string, field: string) => {
    const r = await refused(method, path, body)
    expect(r.status, r.text).toBe(422)
    expect(r.json).toMatchObject({ code, rule: ruleId })
    expect(r.json.detail.length).toBeGreaterThan(0)
    expect(r.json.vi.length).toBeGreaterThan(0)
    expect(r.json.errors[0].field).toBe(field)
  }
  it('R3: too few founding members for a province association', () =>
    rule(
      'POST',
      '/associations',
      { associationId: 'r3', name: 'Hội Khuyến học tỉnh', kind: 'study-promotion', scope: 'province', areaCode: '12', foundedOn: '2015-01-01', foundingMembers: 10 },
      'FoundingMembersBelowMinimum',
      'R3',
      'foundingMembers',
    ))
  it('R28: an elderly member under 55', () =>
    rule(
      'POST',
      '/associations/a-commune/members',
      { memberId: 'r28', personId: 'p-r28', fullName: 'Lê Thị Hoa', birthDate: '1980-01-01', gender: 'female', category: 'official', admittedOn: '2020-01-01' },
      'AgeBelowMinimum',
      'R28',
      'birthDate',
    ))
  it('R13: a term longer than five years', () =>
    rule(
      'POST',
      '/associations/a-commune/congresses',
      { number: 'IX', kind: 'term', form: 'delegate', heldOn: '2020-01-01', termStart: '2020-01-01', termEnd: '2026-01-01', delegatesExpected: 100, delegatesPresent: 90 },
      'TermTooLong',
      'R13',
      'termEnd',
    ))
  it('R15: a congress without quorum', () =>
    rule(
      'POST',
      '/associations/a-commune/congresses',
      { number: 'X', kind: 'term', form: 'delegate', heldOn: '2020-01-01', termStart: '2020-01-01', termEnd: '2025-01-01', delegatesExpected: 100, delegatesPresent: 50 },
      'QuorumNotReached',
      'R15',
      'delegatesPresent',
    ))
  it('R26: a staff quota handed down', () =>
    rule('POST', '/associations/a-commune/staff-quota', { quota: 2, assignedOn: '2020-01-01', allocatedFrom: 'prov-a' }, 'StaffQuotaCannotBeHandedDown', 'R26', 'allocatedFrom'))
  it('R23: a suspension longer than 180 days', () =>
    rule('POST', '/associations/a-commune/suspension', { suspendedOn: '2020-01-01', until: '2021-01-01', reason: 'Vi phạm' }, 'SuspensionTooLong', 'R23', 'until'))
})

describe('the founding procedure over HTTP (R4, R5, R7)', () => {
  const id = 'fp-tl'
  const committee = foundingCommittee(id, 'prov-a', '12.107.01').data
  const { associationId: _omit, ...permit } = establishmentPermit(id).data
  void _omit

  it('R4: refuses a committee of two for a commune association, in English and Vietnamese', async () => {
    const r = await refused('POST', '/foundings', { ...committee, committee: (committee['committee'] as unknown[]).slice(0, 2) })
    expect(r.status, r.text).toBe(422)
    expect(r.json).toMatchObject({ code: 'FoundingCommitteeTooSmall', rule: 'R4' })
    expect(r.json.vi).toMatch(/Ban vận động/u)
  })

  it('R5, R7: recognised, permitted, watched with its deadline, founded by its congress; the registrants become members', async () => {
    expect((await call(s.base, 'POST', '/foundings', { who: 'admin', body: committee })).status).toBe(201)
    expect((await call(s.base, 'POST', `/foundings/${id}/permit`, { who: 'admin', body: permit })).status).toBe(201)
    const watch = await call(s.base, 'GET', '/views/congress-watch?asOf=2025-05-10', { who: 'admin' })
    expect(watch.json.foundings.find((f: { associationId: string }) => f.associationId === id)).toMatchObject({ stage: 'permitted', congressDueBy: '2025-05-04', overdue: true })
    const late = await refused('POST', `/foundings/${id}/congress`, { ...foundingCongress, heldOn: '2025-05-10', termStart: '2025-05-10' })
    expect(late.json).toMatchObject({ status: 422, code: 'FoundingCongressOverdue', rule: 'R5' })
    const early = await refused('POST', `/foundings/${id}/lapse`, { lapsedOn: '2025-05-10' })
    expect(early.json).toMatchObject({ status: 422, code: 'PermitStillValid', rule: 'R5' })
    const held = await call(s.base, 'POST', `/foundings/${id}/congress`, { who: 'admin', body: foundingCongress })
    expect(held.status, held.text).toBe(201)
    expect(held.json.events.map((e: { type: string }) => e.type)).toEqual(['AssociationFounded', 'CongressHeld'])
    const listed = async (asOf: string) => (await call(s.base, 'GET', `/views/foundings?asOf=${asOf}&areaCode=12`, { who: 'anonymous' })).json.map((f: { associationId: string }) => f.associationId)
    expect(await listed('2025-04-19')).toContain(id)
    expect(await listed('2025-04-20')).not.toContain(id)
    const roster = await call(s.base, 'GET', `/views/roster/${id}?asOf=2025-04-20`, { who: 'admin' })
    expect(roster.status, roster.text).toBe(200)
    expect(JSON.stringify(roster.json)).toContain(`${id}.${id}-p9`)
    const again = await call(s.base, 'POST', `/foundings/${id}/congress`, { who: 'admin', body: foundingCongress })
    expect(again.status, again.text).toBe(201)
  })
})

describe('optimistic concurrency over HTTP', () => {
  const body = (i: number) => ({ conferenceId: `cc-${i}`, kind: 'review', title: 'Hội nghị sơ kết', heldOn: '2020-02-02', attendees: 30 })
  it('honours If-Match: the current revision passes, a stale one is a 409 that stores nothing', async () => {
    const first = await call(s.base, 'POST', '/associations/b-commune/conferences', { who: 'admin', body: body(1) })
    expect(first.status).toBe(201)
    const etag = first.headers.get('etag')!
    const second = await call(s.base, 'POST', '/associations/b-commune/conferences', { who: 'admin', body: body(2), headers: { 'if-match': etag } })
    expect(second.status).toBe(201)
    expect(second.headers.get('etag')).toBe(`"${Number(JSON.parse(etag)) + 1}"`)
    const stale = await refused('POST', '/associations/b-commune/conferences', body(3), { 'if-match': etag })
    expect(stale.status).toBe(409)
    expect(stale.json.errors[0].field).toBe('header.if-match')
  })
  it('refuses an If-Match that is not one strong ETag', async () => {
    for (const value of ['*', 'W/"1"', '"a"', '"1", "2"']) {
      const r = await refused('POST', '/associations/b-commune/conferences', body(9), { 'if-match': value })
      expect(r.status, value).toBe(400)
      expect(r.json.errors[0].field).toBe('header.if-match')
    }
  })
})

describe('Idempotency-Key', () => {
  it('answers a retry with the same events and stores nothing twice', async () => {
    const body = { conferenceId: 'idem-1', kind: 'training', title: 'Tập huấn', heldOn: '2020-03-03', attendees: 160 }
    const headers = { 'idempotency-key': 'client-retry-0001' }
    const first = await call(s.base, 'POST', '/associations/a-commune/conferences', { who: 'admin', body, headers })
    expect(first.status).toBe(201)
    const head = await s.store.head()
    const again = await call(s.base, 'POST', '/associations/a-commune/conferences', { who: 'admin', body, headers })
    expect(again.status).toBe(201)
    expect(again.json.replayed).toBe(true)
    expect(again.headers.get('idempotent-replayed')).toBe('true')
    expect(again.json.events).toEqual(first.json.events)
    expect(again.headers.get('etag')).toBe(first.headers.get('etag'))
    expect(await s.store.head()).toBe(head)
    expect(first.json.events[0].metadata.commandId).toBe('client-retry-0001')
  })
  it('refuses a key reused for another request (here on another stream) with 422, as the IETF draft says', async () => {
    const headers = { 'idempotency-key': 'client-retry-0002' }
    const a = await call(s.base, 'POST', '/associations/a-commune/conferences', {
      who: 'admin',
      body: { conferenceId: 'idem-2', kind: 'review', title: 'Sơ kết', heldOn: '2020-03-03', attendees: 5 },
      headers,
    })
    expect(a.status).toBe(201)
    const r = await refused('POST', '/associations/b-commune/conferences', { conferenceId: 'idem-3', kind: 'review', title: 'Sơ kết', heldOn: '2020-03-03', attendees: 5 }, headers)
    expect(r.status).toBe(422)
  })
  it('refuses a malformed key', async () => {
    const r = await refused(
      'POST',
      '/associations/a-commune/conferences',
      { conferenceId: 'idem-4', kind: 'review', title: 'Sơ kết', heldOn: '2020-03-03', attendees: 5 },
      { 'idempotency-key': 'has spaces' },
    )
    expect(r.status).toBe(400)
    expect(r.json.errors[0].field).toBe('header.idempotency-key')
  })
})

describe('the body', () => {
  const valid = { conferenceId: 'body-1', kind: 'review', title: 'Sơ kết', heldOn: '2020-03-03', attendees: 5 }
  for (const field of SERVER_OWNED)
    it(`refuses the server-owned field ${field}, at the top and nested, naming it`, async () => {
      const top = await refused('POST', '/associations/a-commune/conferences', undefined, {})
      expect(top.status).toBe(400)
      const raw = (obj: string) => call(s.base, 'POST', '/associations/a-commune/conferences', { who: 'admin', raw: obj })
      const before = await s.store.head()
      const atTop = await raw(`{${JSON.stringify(field)}: 1, ${JSON.stringify(valid).slice(1)}`)
      expect(atTop.status).toBe(400)
      expect(atTop.json.errors[0].field).toBe(field)
      const nested = await call(s.base, 'POST', '/clubs', {
        who: 'admin',
        raw: `{"clubId":"c-own","name":"CLB","model":"ishc","hostAssociationId":"a-commune","areaCode":"12.105.01","launchedOn":"2021-01-01","programme":"1336","roster":{${JSON.stringify(field)}:"x","total":60,"older":40,"women":40,"homeCareVolunteers":6}}`,
      })
      expect(nested.status).toBe(400)
      expect(nested.json.errors[0].field).toBe(`roster.${field}`)
      expect(await s.store.head()).toBe(before)
    })

  it('refuses a body that contradicts the path', async () => {
    const r = await refused('POST', '/associations/a-commune/conferences', { ...valid, associationId: 'b-commune' })
    expect(r.status).toBe(400)
    expect(r.json.errors[0].field).toBe('associationId')
  })

  it('names path parameters that do not decode', async () => {
    const r = await refused('POST', '/associations/bad%20id/conferences', valid)
    expect(r.status).toBe(400)
    expect(r.json.errors.map((e: { field: string }) => e.field)).toContain('path.associationId')
  })

  it('G5: refuses hidden characters in names with a clear message', async () => {
    for (const name of ['Hội\u202Eviên', 'Hội\u200Bviên', 'Hội\u0007viên']) {
      const r = await refused('POST', '/associations/a-commune/conferences', { ...valid, title: name })
      expect(r.status).toBe(400)
      expect(r.json.errors[0]).toMatchObject({ field: 'title' })
      expect(r.json.errors[0].message).toMatch(/control|bidirectional|zero-width/u)
    }
  })

  it('keeps the reason and correlation id given in headers in the metadata', async () => {
    const r = await call(s.base, 'POST', '/associations/a-commune/conferences', {
      who: 'admin',
      body: { ...valid, conferenceId: 'body-why' },
      headers: { 'x-reason': encodeURIComponent('Theo kế hoạch số 12'), 'x-correlation-id': 'corr-77' },
    })
    expect(r.status).toBe(201)
    expect(r.json.events[0].metadata).toMatchObject({ reason: 'Theo kế hoạch số 12', correlationId: 'corr-77', actor: 'admin-1' })
  })
})

describe('G1: one name in NFC, NFD and mixed forms', () => {
  it('stores identical NFC bytes and finds every form by search', async () => {
    const nfc = 'Nguyễn Thị Ánh Tuyết'.normalize('NFC')
    // mixed: a precomposed ê followed by a combining tilde, next to decomposed letters
    const forms = [nfc, nfc.normalize('NFD'), 'Nguy\u00EA\u0303n Thi\u0323 A\u0301nh Tuy\u00EA\u0301t']
    expect(new Set(forms).size).toBe(3)
    const stored: string[] = []
    for (const [i, fullName] of forms.entries()) {
      const r = await call(s.base, 'POST', '/associations/a-commune/members', {
        who: 'admin',
        body: { memberId: `nfc-${i}`, personId: `p-nfc-${i}`, fullName, birthDate: '1955-05-05', gender: 'female', category: 'official', admittedOn: '2020-01-01' },
      })
      expect(r.status, r.text).toBe(201)
      for await (const e of s.store.readStream(`member-nfc-${i}`)) stored.push((e.data as { fullName: string }).fullName)
    }
    expect(stored.map((x) => Buffer.from(x, 'utf8').toString('hex'))).toEqual(Array(3).fill(Buffer.from(nfc, 'utf8').toString('hex')))
    for (const q of [nfc, nfc.normalize('NFD')]) {
      const r = await call(s.base, 'GET', `/views/roster/a-commune?search=${encodeURIComponent(q)}`, { who: 'admin' })
      expect(r.status).toBe(200)
      expect(r.json.items.map((m: { memberId: string }) => m.memberId).sort()).toEqual(['nfc-0', 'nfc-1', 'nfc-2'])
    }
  })
})

describe('PUT /reports/{associationId}/{period}', () => {
  it('submits, then corrects; a retried submission stays a submission', async () => {
    await runSetup(s.store, [
      {
        type: 'FoundAssociation',
        data: {
          associationId: 'rep-x',
          name: 'Hội Người cao tuổi xã R',
          kind: 'elderly',
          scope: 'commune',
          areaCode: `${sides.A.area}.105.09`,
          foundedOn: '2015-01-01',
          foundingMembers: 12,
          parentId: 'prov-a',
        },
      },
    ])
    const key = { 'idempotency-key': 'report-submit-1' }
    const submit = { submittedOn: '2023-10-10', indicators: { 'new-members': 7 } }
    const a = await call(s.base, 'PUT', '/reports/rep-x/2023Q3', { who: 'admin', body: submit, headers: key })
    expect(a.json.events[0].type).toBe('ReportSubmitted')
    const b = await call(s.base, 'PUT', '/reports/rep-x/2023Q3', { who: 'admin', body: { correctedOn: '2023-10-11', indicators: { 'new-members': 8 }, reason: 'Sai số' } })
    expect(b.json.events[0].type).toBe('ReportCorrected')
    const retry = await call(s.base, 'PUT', '/reports/rep-x/2023Q3', { who: 'admin', body: submit, headers: key })
    expect(retry.status).toBe(201)
    expect(retry.json.replayed).toBe(true)
    expect(retry.json.events[0].type).toBe('ReportSubmitted')
    await call(s.base, 'POST', '/reports/rep-x/2023Q3/approval', { who: 'admin', body: { approvedOn: '2023-10-20' } })
    const locked = await refused('PUT', '/reports/rep-x/2023Q3', { correctedOn: '2023-10-21', indicators: { 'new-members': 9 }, reason: 'Sửa' })
    expect(locked.status).toBe(422)
    expect(locked.json.rule).toBe('R33')
  })
})

describe('member routes fill the association from the register', () => {
  it('accepts the association in the body when it agrees, refuses it when it does not', async () => {
    await runSetup(s.store, [member('fill-1', 'a-commune')])
    const wrong = await refused('POST', '/members/fill-1/resignation', { associationId: 'b-commune', resignedOn: '2021-01-01' })
    expect(wrong.status).toBe(422)
    const right = await call(s.base, 'POST', '/members/fill-1/resignation', { who: 'admin', body: { associationId: 'a-commune', resignedOn: '2021-01-01' } })
    expect(right.status).toBe(201)
  })
})
