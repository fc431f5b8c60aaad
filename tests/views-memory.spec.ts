import { beforeEach, describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import { decodeWith, DomainCommand } from '@hoi/domain'
import * as P from '@hoi/projections'
import { decodeRecorded, handleCommand, openMemory, openMemoryViews, READ_MODEL, recordInstant, type EventStore, type ViewEngine } from '@hoi/adapters'

const decode = decodeWith(DomainCommand)
let clock = new Date('2024-04-02T08:00:00Z')
let store: EventStore
let views: ViewEngine
let n = 0

const send = async (type: string, data: Record<string, unknown>, at?: string) => {
  if (at !== undefined) clock = new Date(at)
  const command = decode({ type, data })
  if (E.isLeft(command)) throw new Error(JSON.stringify(command.left))
  const done = await handleCommand(store, command.right, { commandId: `c-${++n}`, actor: 'spec' })
  if (E.isLeft(done)) throw new Error(JSON.stringify(done.left))
  return done.right
}
const admit = (memberId: string, admittedOn: string, at: string) =>
  send('AdmitMember', { memberId, associationId: 'nct', personId: `p-${memberId}`, fullName: `Lò Văn ${memberId}`, birthDate: '1950-01-01', gender: 'male', category: 'official', admittedOn }, at)

beforeEach(async () => {
  n = 0
  store = openMemory({ now: () => clock })
  views = await openMemoryViews(store)
  await send(
    'FoundAssociation',
    { associationId: 'nct', name: 'Hội Người cao tuổi tỉnh', kind: 'elderly', scope: 'province', areaCode: '12', foundedOn: '2010-01-15', foundingMembers: 60 },
    '2024-04-01T08:00:00Z',
  )
  await admit('m1', '2024-04-01', '2024-04-02T08:00:00Z')
})

const ids = (rows: ReadonlyArray<{ memberId: string }> | undefined) => rows?.map((r) => r.memberId)

/** The pure fold of everything stored: what every engine must answer. */
const reference = async (): Promise<P.ReadModel> => {
  const m = P.emptyModel()
  for await (const r of store.readAll()) {
    const d = decodeRecorded(r)
    if (E.isRight(d)) P.apply(m, { ...r, type: d.right.type, data: d.right.data } as P.Recorded)
  }
  return m
}

describe('the memory view engine', () => {
  it('answers nothing before catchUp, then what the pure fold answers', async () => {
    expect(await views.registry({})).toEqual([])
    expect(await views.catchUp()).toBe(await store.head())
    const m = await reference()
    expect(await views.registry({})).toEqual(P.registry(m, {}))
    expect(await views.statistics({ year: 2024 })).toEqual(P.statistics(m, { year: 2024 }))
    expect(ids(await views.roster('nct', {}))).toEqual(['m1'])
    expect(await views.roster('nobody', {})).toBeUndefined()
    expect(await views.reportRollup({ associationId: 'nobody', period: '2024' })).toBeUndefined()
  })

  it("applies a command's events at once when committed, and catches up when they do not follow on", async () => {
    await views.catchUp()
    const done = await admit('m2', '2024-04-05', '2024-04-06T08:00:00Z')
    await views.committed(done.events)
    expect(ids(await views.roster('nct', {}))).toEqual(['m1', 'm2'])
    await admit('m3', '2024-04-05', '2024-04-06T09:00:00Z') // another writer: not told
    const later = await admit('m4', '2024-04-05', '2024-04-06T10:00:00Z')
    await views.committed(later.events) // a gap before it: read from the store
    expect(ids(await views.roster('nct', {}))).toEqual(['m1', 'm2', 'm3', 'm4'])
    expect((await views.status()).position).toBe(await store.head())
  })

  it('answers as of record time: a back-dated admission recorded later does not change the earlier answer', async () => {
    await admit('late', '2024-04-17', '2026-01-10T08:00:00Z')
    await send('CorrectMemberDetails', { memberId: 'm1', associationId: 'nct', fullName: 'Lò Văn Một', correctedOn: '2026-01-10', reason: 'sai chính tả' }, '2026-01-10T09:00:00Z')
    await views.catchUp()
    const now = await views.roster('nct', { asOf: '2024-04-30' })
    expect(ids(now)).toEqual(['m1', 'late'])
    expect(now?.[0]?.fullName).toBe('Lò Văn Một')
    const then = await views.roster('nct', { asOf: '2024-04-30', recordedAsOf: '2024-04-30' })
    expect(ids(then)).toEqual(['m1'])
    expect(then?.[0]?.fullName).toBe('Lò Văn m1')
    // a date-time cut-off between the two 2026 writes sees the admission but not the correction
    const between = await views.roster('nct', { asOf: '2024-04-30', recordedAsOf: '2026-01-10T08:30:00Z' })
    expect(ids(between)).toEqual(['m1', 'late'])
    expect(between?.[0]?.fullName).toBe('Lò Văn m1')
    expect((await views.statistics({ year: 2024, recordedAsOf: '2024-04-01' })).members.total).toBe(0)
    expect(await views.registry({ recordedAsOf: '2020-01-01' })).toEqual([])
  })

  it('parks an event it cannot apply, keeps applying the others, and retries it on rebuild', async () => {
    const bad = await store.append(
      'member-bad',
      [
        {
          eventId: 'bad-1',
          type: 'MemberAdmitted',
          schemaVersion: 1,
          data: { memberId: 'bad' },
          metadata: { occurredOn: '2024-04-03', actor: 'x', commandId: 'bad', correlationId: 'bad', causationId: 'bad' },
        },
      ],
      'no-stream',
    )
    expect(E.isRight(bad)).toBe(true)
    await admit('m2', '2024-04-05', '2024-04-06T08:00:00Z')
    await views.catchUp()
    expect(ids(await views.roster('nct', {}))).toEqual(['m1', 'm2'])
    const parked = await views.parked()
    expect(parked).toHaveLength(1)
    // admissions also write their claim (R10 follow-ups), so positions are read from the store
    const badAt = E.isRight(bad) ? bad.right.events[0]!.position : -1
    const head = await store.head()
    expect(parked[0]).toMatchObject({ position: badAt, projection: READ_MODEL, streamId: 'member-bad', type: 'MemberAdmitted' })
    expect(parked[0]!.reason).toMatch(/associationId/u)
    expect(await views.status()).toMatchObject({ parked: 1, position: head, head, projections: [{ name: READ_MODEL, state: 'live', position: head }] })
    const progress: Array<[number, number]> = []
    await views.rebuild([], { onProgress: (done, total) => progress.push([done, total]) })
    expect((await views.status()).parked).toBe(1) // retried, still unreadable, parked once
    expect(progress.at(-1)).toEqual([head, head])
    expect(ids(await views.roster('nct', {}))).toEqual(['m1', 'm2'])
  })

  it('refuses to rebuild a projection it does not have, naming the ones it has', async () => {
    await expect(views.rebuild(['nonsense'])).rejects.toThrow(/no projection nonsense.*read-model/u)
  })

  it('reads recordedAsOf strictly', () => {
    expect(recordInstant('2024-04-30')).toBe(Date.parse('2024-04-30T23:59:59.999Z'))
    expect(recordInstant('2024-04-30T12:00:00+07:00')).toBe(Date.parse('2024-04-30T05:00:00Z'))
    expect(() => recordInstant('2024-02-30')).toThrow(/recordedAsOf/u)
    expect(() => recordInstant('yesterday')).toThrow(/recordedAsOf/u)
    expect(() => recordInstant('2024-02-30T00:00:00Z')).toThrow(/recordedAsOf/u)
    expect(() => recordInstant('2024-04-30T25:00:00Z')).toThrow(/recordedAsOf/u)
  })

  it('lists conferences and resolutions of an association and those below it', async () => {
    await send(
      'HoldCongress',
      { associationId: 'nct', number: 'III', kind: 'term', form: 'delegate', heldOn: '2021-07-15', termStart: '2021-07-15', termEnd: '2026-07-15', delegatesExpected: 100, delegatesPresent: 90 },
      '2024-04-03T08:00:00Z',
    )
    await send('AdoptResolution', {
      associationId: 'nct',
      resolutionId: 'r3',
      congressNumber: 'III',
      adoptedOn: '2021-07-16',
      title: 'Nghị quyết Đại hội III',
      targets: ['72 CLB'],
      keyTasks: ['a'],
      programmes: ['b'],
    })
    await send('HoldConference', { associationId: 'nct', conferenceId: 'k1', kind: 'training', title: 'Tập huấn', heldOn: '2022-04-26', attendees: 160 })
    await views.catchUp()
    expect(await views.conferences({})).toEqual([
      { associationId: 'nct', associationName: 'Hội Người cao tuổi tỉnh', conferenceId: 'k1', kind: 'training', title: 'Tập huấn', heldOn: '2022-04-26', attendees: 160 },
    ])
    expect(await views.conferences({ asOf: '2022-04-25' })).toEqual([])
    expect(await views.conferences({ kind: 'review' })).toEqual([])
    expect((await views.resolutions({ associationId: 'nct', includeDescendants: true })).map((r) => [r.resolutionId, r.targets])).toEqual([['r3', ['72 CLB']]])
    expect(await views.resolutions({ associationId: 'other' })).toEqual([])
  })
})
