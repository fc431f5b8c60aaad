import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { decodeRecorded } from '../upcast.js'
import type { EventType } from '@hoi/domain'
import * as P from '@hoi/projections'
import type { ReadModel, Recorded } from '@hoi/projections'
import type { SqliteStore } from '../sqlite.js'
import type { ViewReader } from '../views.js'
import { recorded, type LooseData } from '../../../projections/src/testing/recorded.js'

/** Random logs over a few ids, so that events collide: re-foundings, unknown ids, back-dated corrections. */
const day0 = Date.UTC(2015, 0, 1) / 86_400_000
// a few fixed days besides the range, so that facts often share a business date (log order breaks the tie)
export const date = fc.oneof(fc.integer({ min: 0, max: 4000 }), fc.constantFrom(1826, 2000, 2192)).map((n) => new Date((day0 + n) * 86_400_000).toISOString().slice(0, 10))
const assoc = fc.constantFrom('a0', 'a1', 'a2', 'a3', 'a4')
const member = fc.constantFrom('m0', 'm1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7')
const club = fc.constantFrom('k0', 'k1', 'k2', 'k3')
const target = fc.constantFrom('t0', 't1')
const movement = fc.constantFrom('v0', 'v1')
export const period = fc.constantFrom('2020', '2020Q1', '2020Q2', '2021S1')
export const area = fc.constantFrom('12', '12.105', '12.105.03', '12.106.01', '13')
const role = fc.constantFrom('president', 'vice-president')
const roster = fc.record({ total: fc.nat(80), older: fc.nat(40), women: fc.nat(40), homeCareVolunteers: fc.nat(9) })
/** Every event type the generator produces: the property test checks that none of the domain's is left out. */
export const generatedTypes = new Set<EventType>()
const e = (type: EventType, data: fc.Arbitrary<LooseData>) => {
  generatedTypes.add(type)
  return data.map((d) => [type, d] as const)
}
const person = { personId: member, fullName: fc.constantFrom('Lò Văn A', 'Nguyễn Thị B', 'Trần Văn C'), birthDate: fc.constant('1950-01-01'), gender: fc.constantFrom('male', 'female') }

const flag = fc.constantFrom([], [{ rule: 'R17', code: 'CongressNotNotified', message: 'm' }], [{ rule: 'R27', code: 'RemunerationAboveCap', message: 'm' }])
const branch = fc.constantFrom('b0', 'b1', 'b2')
export const foundedEvent = e(
  'AssociationFounded',
  fc.record(
    {
      associationId: assoc,
      name: fc.constant('Hội'),
      kind: fc.constantFrom('elderly', 'women'),
      regime: fc.constantFrom('decree-45-2010', 'own-charter'),
      scope: fc.constantFrom('province', 'district', 'commune'),
      areaCode: area,
      foundedOn: date,
      foundingMembers: fc.constant(20),
      flags: fc.constant([]),
      parentId: assoc,
    },
    { requiredKeys: ['associationId', 'name', 'kind', 'regime', 'scope', 'areaCode', 'foundedOn', 'foundingMembers', 'flags'] },
  ),
)
/** Governance events (R16–R18, R20, R25, R27), and congresses that decode, so that requests meet the congresses answering them. */
export const governanceEvents = [
  e(
    'CongressHeld',
    fc.record(
      {
        associationId: assoc,
        number: fc.constantFrom('I', 'II', 'III'),
        kind: fc.constantFrom('term', 'extraordinary'),
        form: fc.constant('delegate'),
        heldOn: date,
        termStart: date,
        termEnd: date,
        delegatesExpected: fc.constant(10),
        delegatesPresent: fc.constant(9),
        flags: flag,
      },
      { requiredKeys: ['associationId', 'number', 'kind', 'form', 'heldOn', 'termStart', 'termEnd', 'delegatesExpected', 'delegatesPresent'] },
    ),
  ),
  e(
    'ExtraordinaryCongressRequested',
    fc.record({ associationId: assoc, requestId: fc.constantFrom('q0', 'q1'), requestedOn: date, by: fc.constantFrom('leadership', 'members'), requesting: fc.constant(9), outOf: fc.constant(10) }),
  ),
  e('CongressNotified', fc.record({ associationId: assoc, congressNumber: fc.constantFrom('I', 'II'), notifiedOn: date, plannedOn: date })),
  e('AuthorityOpinionRecorded', fc.record({ associationId: assoc, congressNumber: fc.constantFrom('I', 'II'), receivedOn: date, opinion: fc.constantFrom('agreed', 'objected') })),
  e('HeadquartersChanged', fc.record({ associationId: assoc, address: fc.constantFrom('Số 1', 'Số 2'), changedOn: date })),
  e('CharterApproved', fc.record({ associationId: assoc, version: fc.constantFrom('2016', '2021'), approvedOn: date })),
  e('ComplaintLodged', fc.record({ associationId: assoc, complaintId: fc.constantFrom('k0', 'k1'), lodgedOn: date, subject: fc.constant('Khiếu nại') })),
  e('ComplaintResolved', fc.record({ associationId: assoc, complaintId: fc.constantFrom('k0', 'k1'), resolvedOn: date, outcome: fc.constant('Xong') })),
  e(
    'BranchEstablished',
    fc.record(
      { associationId: assoc, branchId: branch, name: fc.constant('Chi hội'), level: fc.constantFrom('branch', 'cell'), establishedOn: date, withinBranchId: branch },
      { requiredKeys: ['associationId', 'branchId', 'name', 'level', 'establishedOn'] },
    ),
  ),
  e('BranchClosed', fc.record({ associationId: assoc, branchId: branch, closedOn: date })),
  e('MemberPlacedInBranch', fc.record({ memberId: member, associationId: assoc, branchId: branch, placedOn: date })),
  e('LeaderRemunerationRecorded', fc.record({ associationId: assoc, memberId: member, paidOn: date, monthlyAmount: fc.nat(20_000_000), retired: fc.boolean(), flags: flag })),
]

export const anyEvent = fc.oneof(
  foundedEvent,
  e(
    'AssociationDissolved',
    fc.record(
      {
        associationId: assoc,
        dissolvedOn: date,
        dissolution: fc.constantFrom('voluntary', 'compulsory'),
        ground: fc.constantFrom('no-assets', 'parent-dissolved'),
        // the fates of its children (R30): carried out by the children's own events, which the log may or may not hold
        children: fc.array(fc.oneof(fc.record({ associationId: assoc, fate: fc.constant('reparent'), parentId: assoc }), fc.record({ associationId: assoc, fate: fc.constant('dissolve') })), {
          maxLength: 2,
        }),
      },
      { requiredKeys: ['associationId', 'dissolvedOn', 'dissolution', 'ground'] },
    ),
  ),
  e('AssociationReparented', fc.record({ associationId: assoc, parentId: assoc, reparentedOn: date, previousParentId: assoc }, { requiredKeys: ['associationId', 'parentId', 'reparentedOn'] })),
  e('ChildAttached', fc.record({ associationId: assoc, childId: assoc, attachedOn: date })),
  e('ChildDetached', fc.record({ associationId: assoc, childId: assoc, detachedOn: date })),
  e('SuspensionExtended', fc.record({ associationId: assoc, extendedOn: date, until: date })),
  e('AssociationSuspended', fc.record({ associationId: assoc, suspendedOn: date, until: date, reason: fc.constant('r') })),
  e('AssociationReinstated', fc.record({ associationId: assoc, reinstatedOn: date })),
  e('SpecialStatusGranted', fc.record({ associationId: assoc, grantedOn: date })),
  e('SpecialStatusRevoked', fc.record({ associationId: assoc, revokedOn: date })),
  e('StaffQuotaAssigned', fc.record({ associationId: assoc, quota: fc.nat(9), assignedOn: date })),
  e('AssociationRenamed', fc.record({ associationId: assoc, name: fc.constantFrom('Hội mới', 'Hội cũ'), renamedOn: date })),
  e(
    'CongressHeld',
    fc.record({
      associationId: assoc,
      number: fc.constantFrom('I', 'II'),
      kind: fc.constantFrom('term', 'extraordinary'),
      form: fc.constantFrom('delegate', 'plenary'),
      heldOn: date,
      termStart: date,
      termEnd: date,
      delegatesExpected: fc.constant(10),
      delegatesPresent: fc.constant(9),
    }),
  ),
  e(
    'ConferenceHeld',
    fc.record({
      associationId: assoc,
      conferenceId: fc.constantFrom('f0', 'f1'),
      kind: fc.constantFrom('review', 'training'),
      title: fc.constant('Hội nghị'),
      heldOn: date,
      attendees: fc.nat(99),
    }),
  ),
  e(
    'ResolutionAdopted',
    fc.record({
      associationId: assoc,
      resolutionId: fc.constantFrom('r0', 'r1'),
      congressNumber: fc.constant('I'),
      adoptedOn: date,
      title: fc.constant('Nghị quyết'),
      targets: fc.constant(['t']),
      keyTasks: fc.constant([]),
      programmes: fc.constant(['p']),
    }),
  ),
  e('OfficerElected', fc.record({ associationId: assoc, memberId: member, fullName: fc.constant('Lò Văn A'), role, electedOn: date })),
  e('OfficerRelieved', fc.record({ associationId: assoc, memberId: member, role, relievedOn: date })),
  e(
    'MemberAdmitted',
    fc.record(
      { memberId: member, associationId: assoc, ...person, category: fc.constantFrom('official', 'associate'), admittedOn: date, flags: fc.constant([]), cardNo: fc.constantFrom('C1', 'C2') },
      { requiredKeys: ['memberId', 'associationId', 'personId', 'fullName', 'birthDate', 'gender', 'category', 'admittedOn', 'flags'] },
    ),
  ),
  e(
    'MemberTransferredIn',
    fc.record({
      memberId: member,
      associationId: assoc,
      ...person,
      category: fc.constant('official'),
      fromAssociationId: assoc,
      fromMemberId: member,
      transferredOn: date,
      flags: fc.constant([]),
    }),
  ),
  e('MemberTransferredOut', fc.record({ memberId: member, associationId: assoc, personId: member, toAssociationId: assoc, toMemberId: member, transferredOn: date })),
  // an erasure: the views read its person's fields as the marker from the sealed store; the event itself changes no row
  e('PersonErased', fc.record({ personId: member, erasedOn: date, reason: fc.constant('r') })),
  e('MemberResigned', fc.record({ memberId: member, associationId: assoc, resignedOn: date })),
  e('MemberExpelled', fc.record({ memberId: member, associationId: assoc, expelledOn: date, reason: fc.constant('r') })),
  e('MemberStruckOff', fc.record({ memberId: member, associationId: assoc, struckOffOn: date, reason: fc.constant('r') })),
  e('MemberDeceased', fc.record({ memberId: member, associationId: assoc, diedOn: date })),
  e('MemberReferredToParty', fc.record({ memberId: member, associationId: assoc, referredOn: date })),
  e(
    'MemberDetailsCorrected',
    fc.record(
      { memberId: member, associationId: assoc, correctedOn: date, reason: fc.constant('r'), fullName: fc.constant('Lê Thị D'), cardNo: fc.constant('C9') },
      { requiredKeys: ['memberId', 'associationId', 'correctedOn', 'reason'] },
    ),
  ),
  e('MemberCategoryChanged', fc.record({ memberId: member, associationId: assoc, category: fc.constantFrom('official', 'honorary'), changedOn: date })),
  e(
    'ClubLaunched',
    fc.record({
      clubId: club,
      name: fc.constant('CLB'),
      model: fc.constantFrom('ishc', 'other'),
      hostAssociationId: assoc,
      areaCode: area,
      launchedOn: date,
      programme: fc.constantFrom('1336', 'other'),
      roster,
      flags: fc.constant([]),
    }),
  ),
  e('ClubRosterReported', fc.record({ clubId: club, reportedOn: date, roster, flags: fc.constant([]) })),
  e('ClubClosed', fc.record({ clubId: club, closedOn: date })),
  e(
    'ClubActivityRecorded',
    fc.record({ clubId: club, activityId: fc.constant('x'), area: fc.constantFrom('rights', 'self-help', 'health'), heldOn: date, title: fc.constant('t'), participants: fc.nat(50) }),
  ),
  e(
    'ReportSubmitted',
    fc.record(
      { associationId: assoc, period, submittedOn: date, indicators: fc.record({ activities: fc.nat(9) }), dueOn: date, late: fc.boolean(), narrative: fc.constant('n') },
      { requiredKeys: ['associationId', 'period', 'submittedOn', 'indicators', 'dueOn', 'late'] },
    ),
  ),
  e('ReportCorrected', fc.record({ associationId: assoc, period, correctedOn: date, indicators: fc.record({ activities: fc.nat(9) }), reason: fc.constant('r') })),
  e('ReportApproved', fc.record({ associationId: assoc, period, approvedOn: date })),
  e('ReportReturned', fc.record({ associationId: assoc, period, returnedOn: date, reason: fc.constant('r') })),
  e('ReportUnapproved', fc.record({ associationId: assoc, period, unapprovedOn: date, reason: fc.constant('r') })),
  e('LockExceptionGranted', fc.record({ associationId: assoc, period, grantedOn: date, until: date, reason: fc.constant('r') })),
  e('LockExceptionRevoked', fc.record({ associationId: assoc, period, revokedOn: date, reason: fc.constant('r') })),
  // administrative units, over the same codes as the associations' and clubs' areas, so that merges move them between areas
  e(
    'AdminUnitCreated',
    fc.record(
      { unitId: area, name: fc.constant('Xã A'), level: fc.constantFrom('province', 'district', 'commune'), createdOn: date, parentId: area },
      { requiredKeys: ['unitId', 'name', 'level', 'createdOn'] },
    ),
  ),
  e('AdminUnitRenamed', fc.record({ unitId: area, name: fc.constant('Xã B'), renamedOn: date })),
  e('AdminUnitMerged', fc.record({ unitId: area, intoId: area, mergedOn: date })),
  e('AdminUnitReparented', fc.record({ unitId: area, parentId: area, reparentedOn: date })),
  e('AdminUnitAbolished', fc.record({ unitId: area, abolishedOn: date })),
  e('SubunitAttached', fc.record({ unitId: area, childId: area, attachedOn: date })),
  e('SubunitDetached', fc.record({ unitId: area, childId: area, detachedOn: date })),
  // uniqueness claims (one seat per person and association, R10): no view reads them
  e('ClaimTaken', fc.record({ claimId: fc.constantFrom('membership~a0~m0', 'membership~a1~m1'), owner: member, takenOn: date })),
  e('ClaimReleased', fc.record({ claimId: fc.constantFrom('membership~a0~m0', 'membership~a1~m1'), owner: member, releasedOn: date })),
  e(
    'TargetSet',
    fc.record({
      targetId: target,
      ownerAssociationId: assoc,
      title: fc.constant('T'),
      metric: fc.oneof(
        fc.record({ kind: fc.constant('clubs-launched'), model: fc.constantFrom('ishc', 'any'), areaCode: area }),
        fc.record({ kind: fc.constant('members-admitted'), associationId: assoc }),
        fc.record({ kind: fc.constant('report-indicator'), associationId: assoc, indicator: fc.constant('activities') }),
      ),
      counting: fc.constantFrom('cumulative', 'new-since-start'),
      goal: fc.nat(5),
      startOn: fc.constant('2016-01-01'),
      dueOn: fc.constant('2024-12-31'),
      milestones: fc.constant([{ label: 'M', goal: 2, dueOn: '2019-12-31' }]),
      setOn: date,
    }),
  ),
  e('TargetRevised', fc.record({ targetId: target, revisedOn: date, reason: fc.constant('r'), goal: fc.nat(9) })),
  e('TargetWithdrawn', fc.record({ targetId: target, withdrawnOn: date, reason: fc.constant('r') })),
  e('EmulationMovementLaunched', fc.record({ movementId: movement, ownerAssociationId: assoc, title: fc.constant('M'), cycleStart: fc.constant(2020), cycleEnd: fc.constant(2025), launchedOn: date })),
  e(
    'CommendationAwarded',
    fc.record({
      movementId: movement,
      commendationId: fc.constantFrom('c0', 'c1'),
      form: fc.constant('bằng khen'),
      awardedOn: date,
      recipient: fc.oneof(fc.record({ kind: fc.constant('collective'), name: fc.constant('X') }), fc.record({ kind: fc.constant('individual'), name: fc.constant('Y') })),
    }),
  ),
  e('EmulationMovementConcluded', fc.record({ movementId: movement, concludedOn: date })),
  ...governanceEvents,
)

/**
 * Reorganisations (R21), apart from anyEvent so that its seeded samples stay what they were: a body
 * founded by one, a source that ends naming its heir, a takeover (possibly in a cycle, or of an
 * unknown id), a separation.
 */
export const reorganisationEvent = fc.oneof(
  e(
    'AssociationFounded',
    fc.record({
      associationId: assoc,
      name: fc.constant('Hội'),
      kind: fc.constantFrom('elderly', 'women'),
      regime: fc.constant('decree-126-2024'),
      scope: fc.constantFrom('district', 'commune'),
      areaCode: area,
      foundedOn: date,
      foundingMembers: fc.constant(0),
      flags: fc.constant([]),
      origin: fc.record({ how: fc.constantFrom('divided', 'separated', 'consolidated'), from: fc.array(assoc, { maxLength: 3 }) }),
    }),
  ),
  e(
    'AssociationReorganised',
    fc.record({
      associationId: assoc,
      how: fc.constantFrom('divided', 'absorbed', 'consolidated'),
      reorganisedOn: date,
      heirId: assoc,
      successorIds: fc.array(assoc, { maxLength: 2 }),
    }),
  ),
  e('AssociationTookOver', fc.record({ associationId: assoc, fromId: assoc, how: fc.constantFrom('absorbed', 'consolidated'), takenOverOn: date })),
  e('AssociationSeparated', fc.record({ associationId: assoc, separatedOn: date, newAssociationId: assoc })),
)

/**
 * The founding procedure (R4, R5), apart from anyEvent like the reorganisations: steps of a few ids
 * in any order, repeated, with and without a founding after them.
 */
export const foundingEvent = fc.oneof(
  e(
    'FoundingCommitteeRecognised',
    fc.record(
      {
        associationId: assoc,
        name: fc.constant('Hội'),
        kind: fc.constantFrom('elderly', 'women'),
        scope: fc.constantFrom('district', 'commune'),
        areaCode: area,
        recognisedOn: date,
        committee: fc.constant([
          { personId: 'p0', fullName: 'Lò Văn A' },
          { personId: 'p1', fullName: 'Nguyễn Thị B' },
          { personId: 'p2', fullName: 'Trần Văn C' },
        ]),
        parentId: assoc,
        decisionRef: fc.constant('QĐ 1'),
      },
      { requiredKeys: ['associationId', 'name', 'kind', 'scope', 'areaCode', 'recognisedOn', 'committee'] },
    ),
  ),
  e(
    'AssociationEstablishmentPermitted',
    fc.record(
      {
        associationId: assoc,
        permittedOn: date,
        congressDueBy: date,
        registrants: fc.array(fc.record(person), { maxLength: 3 }),
        decisionRef: fc.constant('QĐ 2'),
      },
      { requiredKeys: ['associationId', 'permittedOn', 'congressDueBy', 'registrants'] },
    ),
  ),
  e('EstablishmentPermitExtended', fc.record({ associationId: assoc, requestedOn: date, congressDueBy: date })),
  e('EstablishmentPermitLapsed', fc.record({ associationId: assoc, lapsedOn: date })),
)

/** Several steps of one procedure, so that repeated steps meet (the first record of each stands). */
const foundingSteps = fc.tuple(assoc, fc.array(foundingEvent, { minLength: 3, maxLength: 8 })).map(([id, steps]) => steps.map(([t, d]) => [t, { ...d, associationId: id }] as const))

const founding = (associationId: string) =>
  e(
    'AssociationFounded',
    fc.record({
      associationId: fc.constant(associationId),
      name: fc.constant('Hội'),
      kind: fc.constant('elderly'),
      regime: fc.constant('decree-45-2010'),
      scope: fc.constant('district'),
      areaCode: area,
      foundedOn: date,
      foundingMembers: fc.constant(20),
      flags: fc.constant([]),
    }),
  )
/**
 * A merger as the domain writes it (R21), amid the random events: two associations with members,
 * the source's end naming its heir and the heir's takeover, so carried members show in the views.
 */
export const mergerScenario = fc
  .tuple(
    fc.constantFrom('a0', 'a1'),
    fc.constantFrom('a2', 'a3'),
    date,
    fc.array(fc.tuple(member, date, fc.option(date, { nil: undefined })), { minLength: 1, maxLength: 3 }),
    fc.constantFrom('absorbed', 'consolidated'),
  )
  .chain(([heir, source, on, joined, how]) =>
    fc.tuple(founding(heir), founding(source)).map(([h, s]) => {
      const admitted = (memberId: string, associationId: string, personId: string, admittedOn: string) =>
        ['MemberAdmitted', { memberId, associationId, personId, fullName: 'Lò Văn A', birthDate: '1950-01-01', gender: 'male', category: 'official', admittedOn, flags: [] }] as const
      return [
        h,
        s,
        // a person may be a member of the heir too, before or after the takeover (R10: counted once there)
        ...joined.flatMap(([m, admittedOn, inHeir], i) => [admitted(`${m}-${source}-${i}`, source, m, admittedOn), ...(inHeir === undefined ? [] : [admitted(`${m}-${heir}-${i}`, heir, m, inHeir)])]),
        ['AssociationReorganised', { associationId: source, how, reorganisedOn: on, heirId: heir, successorIds: [heir] }] as const,
        ['AssociationTookOver', { associationId: heir, fromId: source, how, takenOverOn: on }] as const,
      ]
    }),
  )

/**
 * A merger of administrative units as the domain writes it, amid the random events: two units
 * created, then one merged into the other on a date, so that areas move in the geography of later dates.
 */
export const unitMergerScenario = fc
  .tuple(area, area, date, date, fc.constantFrom('province', 'commune'))
  .filter(([from, into]) => from !== into)
  .map(([from, into, createdOn, mergedOn, level]) => [
    ['AdminUnitCreated', { unitId: into, name: 'Xã Mới', level, createdOn }] as const,
    ['AdminUnitCreated', { unitId: from, name: 'Xã Cũ', level, createdOn }] as const,
    ['AdminUnitMerged', { unitId: from, intoId: into, mergedOn: mergedOn < createdOn ? createdOn : mergedOn }] as const,
  ])

/** Random events, with mergers among them. */
export const anyLog = fc
  .array(
    fc.oneof(
      { weight: 8, arbitrary: anyEvent.map((x) => [x]) },
      { weight: 1, arbitrary: reorganisationEvent.map((x) => [x]) },
      { weight: 1, arbitrary: mergerScenario },
      { weight: 1, arbitrary: unitMergerScenario },
      { weight: 1, arbitrary: foundingEvent.map((x) => [x]) },
      { weight: 1, arbitrary: foundingSteps },
    ),
    { maxLength: 40 },
  )
  .map((chunks) => chunks.flat().slice(0, 90))

/** Record time: event i was recorded on day i of 2025 (non-decreasing in position, as stores stamp it). */
export const recordedAtOf = (position: number): string => new Date(Date.UTC(2025, 0, 1) + position * 3_600_000).toISOString()

export const logOf = (events: ReadonlyArray<readonly [EventType, LooseData]>): Recorded[] =>
  events.map(([t, d], i) => {
    const r = recorded(t, d, { position: i + 1 })
    return { ...r, metadata: { ...r.metadata, recordedAt: recordedAtOf(i + 1) } }
  })

/** Writes a log into a SQLite store's events table as it stands (specs only: the store's own append stamps the clock). */
export const writeLog = (store: SqliteStore, events: ReadonlyArray<Recorded>): void => {
  const ins = store.db.prepare('INSERT INTO events (position, event_id, stream_id, revision, type, schema_version, data, metadata, command_id, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
  const last = store.db.prepare('SELECT coalesce(max(revision), -1) FROM events WHERE stream_id = ?').pluck()
  store.db.transaction(() => {
    for (const ev of events) {
      const rev = (last.get(ev.streamId) as number) + 1
      ins.run(ev.position, ev.eventId, ev.streamId, rev, ev.type, 1, JSON.stringify(ev.data), JSON.stringify(ev.metadata), ev.metadata.commandId, ev.metadata.recordedAt)
    }
  })()
}

/** What the reference engine folds: the events that decode, with their decoded data (the others are parked). */
export const decodable = (events: ReadonlyArray<Recorded>): Recorded[] =>
  events.flatMap((e) => {
    const d = decodeRecorded(e)
    return E.isLeft(d) ? [] : [{ ...e, data: d.right.data } as Recorded]
  })

/** The reference: the pure queries over the fold, with the engines' "unknown association" rule. */
export const foldReader = (m: ReadModel): ViewReader => ({
  registry: async (q) => P.registry(m, q),
  association: async (id, q) => P.association(m, id, q.asOf),
  roster: async (id, q) => (m.associations.has(id) ? P.roster(m, id, q) : undefined),
  statistics: async (q) => P.statistics(m, q),
  clubs: async (q) => P.clubs(m, q),
  clubsByArea: async (q) => P.clubsByArea(m, q),
  units: async (q) => P.units(m, q),
  targets: async (q) => P.targets(m, q),
  targetProgress: async (id, q) => P.targetProgress(m, id, q.asOf),
  reportRollup: async (q) => (m.associations.has(q.associationId) ? P.reportRollup(m, q) : undefined),
  reports: async (q) => P.reports(m, q),
  completeness: async (q) => P.completeness(m, q),
  commendations: async (q) => P.commendations(m, q),
  congressWatch: async (q) => P.congressWatch(m, q),
  foundings: async (q) => P.foundings(m, q),
  conferences: async (q) => P.conferences(m, q),
  resolutions: async (q) => P.resolutions(m, q),
  governance: async (id, q) => P.governance(m, id, q.asOf),
})

/** Every view asked the same questions; the answers as one value to compare. */
export const askAll = async (v: ViewReader, asOf: string, o: { recordedAsOf?: string; areaCode?: string; year: number; period: string }) => {
  const rt = o.recordedAsOf === undefined ? {} : { recordedAsOf: o.recordedAsOf }
  const ids = ['a0', 'a1', 'a2', 'a3', 'a4']
  const area = o.areaCode === undefined ? {} : { areaCode: o.areaCode }
  return {
    registry: await v.registry({ asOf, ...rt }),
    registryAll: await v.registry({ ...rt }),
    registryFiltered: await v.registry({ asOf, ...area, status: 'active', ...rt }),
    registryToday: await v.registry({ asOf, ...area, geography: '2030-01-01', ...rt }),
    association: await Promise.all(ids.map((id) => v.association(id, { asOf, ...rt }))),
    roster: await Promise.all(ids.map((id) => v.roster(id, { asOf, ...rt }))),
    rosterTree: await Promise.all(ids.map((id) => v.roster(id, { asOf, includeDescendants: true, category: 'official', ...rt }))),
    rosterSearch: await v.roster('a0', { search: 'thị', ...rt }),
    statistics: await v.statistics({ year: o.year, ...area, ...rt }),
    statisticsAll: await v.statistics({ year: o.year, asOf, regime: 'all', ...rt }),
    clubs: await v.clubs({ asOf, ...rt }),
    clubsFiltered: await v.clubs({ ...area, status: 'active', ...rt }),
    clubsToday: await v.clubs({ asOf, ...area, geography: '2030-01-01', ...rt }),
    clubsByHost: await Promise.all(ids.map((id) => v.clubs({ asOf, hostAssociationId: id, ...rt }))),
    clubsByArea: await v.clubsByArea({ asOf, depth: 1, ...rt }),
    clubsByAreaToday: await v.clubsByArea({ asOf, depth: 3, ...area, geography: '2030-01-01', ...rt }),
    statisticsByGeography: await v.statistics({ year: o.year, ...area, geography: asOf, ...rt }),
    units: await v.units({ asOf, ...rt }),
    unitsAll: await v.units({ ...area, ...rt }),
    targets: await v.targets({ asOf, ...rt }),
    targetsByOwner: await Promise.all(ids.map((id) => v.targets({ asOf, ownerAssociationId: id, ...rt }))),
    targetProgress: await Promise.all(['t0', 't1'].map((id) => v.targetProgress(id, { asOf, ...rt }))),
    rollup: await Promise.all(ids.map((id) => v.reportRollup({ associationId: id, period: o.period, asOf, ...rt }))),
    reports: await v.reports({ asOf, ...rt }),
    reportsTree: await v.reports({ associationId: 'a0', includeDescendants: true, period: o.period, ...rt }),
    commendations: await v.commendations({ asOf, ...rt }),
    congressWatch: await v.congressWatch({ asOf, withinMonths: 12, ...rt }),
    foundings: await v.foundings({ asOf, ...area, ...rt }),
    foundingsAll: await v.foundings({ ...rt }),
    foundingsToday: await v.foundings({ asOf, ...area, geography: '2030-01-01', ...rt }),
    completeness: await v.completeness({ period: o.period, asOf, ...rt }),
    completenessByArea: await v.completeness({ period: o.period, asOf, ...area, ...rt }),
    completenessToday: await v.completeness({ period: o.period, asOf, ...area, geography: '2030-01-01', ...rt }),
    conferences: await v.conferences({ asOf, ...rt }),
    conferencesTree: await v.conferences({ associationId: 'a0', includeDescendants: true, kind: 'review', ...rt }),
    resolutions: await v.resolutions({ asOf, ...rt }),
    resolutionsOne: await v.resolutions({ associationId: 'a1', ...rt }),
    governance: await Promise.all(ids.map((id) => v.governance(id, { asOf, ...rt }))),
    governanceAll: await Promise.all(ids.map((id) => v.governance(id, { ...rt }))),
  }
}
