import { randomUUID } from 'node:crypto'
import * as E from 'fp-ts/lib/Either.js'
import { handleCommand, type EventStore } from '@hoi/adapters'
import { DomainCommand, decodeWith } from '@hoi/domain'

/**
 * One request per command route, valid on a small province: two provincial Hội NCT (prov-a in
 * area 12, prov-b in area 13), each with a commune association below it. A case is built for a
 * side (whose tree it acts on) and a number that keeps its ids fresh, with the commands that must
 * be stored first (sent straight to the store, as an administrator).
 */
export type Side = 'A' | 'B'
export type Raw = { readonly type: string; readonly data: Record<string, unknown> }
export type Built = { readonly setup: ReadonlyArray<Raw>; readonly path: string; readonly body?: unknown }
export type Case = {
  readonly method: 'POST' | 'PUT' | 'DELETE'
  /** the route's pattern as registered */
  readonly route: string
  readonly label?: string
  readonly build: (side: Side, n: number) => Built
}

export const sides = {
  A: { prov: 'prov-a', commune: 'a-commune', area: '12', communeArea: '12.105.01' },
  B: { prov: 'prov-b', commune: 'b-commune', area: '13', communeArea: '13.101.01' },
} as const

const found = (id: string, name: string, scope: string, areaCode: string, foundedOn: string, parentId?: string): Raw => ({
  type: 'FoundAssociation',
  data: { associationId: id, name, kind: 'elderly', scope, areaCode, foundedOn, foundingMembers: scope === 'province' ? 60 : 12, ...(parentId === undefined ? {} : { parentId }) },
})

/** The tree every test starts from. */
export const baseSeed: ReadonlyArray<Raw> = [
  found('prov-a', 'Hội Người cao tuổi tỉnh A', 'province', '12', '2010-01-15'),
  found('a-commune', 'Hội Người cao tuổi xã A', 'commune', '12.105.01', '2012-03-01', 'prov-a'),
  found('prov-b', 'Hội Người cao tuổi tỉnh B', 'province', '13', '2010-01-15'),
  found('b-commune', 'Hội Người cao tuổi xã B', 'commune', '13.101.01', '2012-03-01', 'prov-b'),
]

const decode = decodeWith(DomainCommand)

/** Stores commands as an administrator would, failing loudly if one is refused. */
export const runSetup = async (store: EventStore, commands: ReadonlyArray<Raw>): Promise<void> => {
  for (const raw of commands) {
    const c = decode(raw)
    if (E.isLeft(c)) throw new Error(`setup ${raw.type} does not decode: ${JSON.stringify(c.left.issues)}`)
    const r = await handleCommand(store, c.right, { commandId: randomUUID(), actor: 'setup' })
    if (E.isLeft(r)) throw new Error(`setup ${raw.type} refused: ${JSON.stringify(r.left)}`)
  }
}

const ids = (side: Side, n: number) => {
  const s = sides[side]
  const p = side.toLowerCase()
  return { ...s, x: `${p}-x${n}`, m: `${p}-m${n}`, club: `${p}-club${n}`, target: `${p}-target${n}`, movement: `${p}-mv${n}` }
}
/** A fresh commune association below the side's province association. */
const freshAssociation = (side: Side, n: number): Raw => {
  const i = ids(side, n)
  // a commune of its own: one Hội NCT per commune (R30)
  return found(i.x, `Hội Người cao tuổi xã mới ${n}`, 'commune', `${i.area}.x${n}.01`, '2015-01-01', i.prov)
}
export const member = (memberId: string, associationId: string, category = 'official'): Raw => ({
  type: 'AdmitMember',
  data: { memberId, associationId, personId: `person-${memberId}`, fullName: 'Nguyễn Văn An', birthDate: '1950-02-03', gender: 'male', category, admittedOn: '2016-01-01' },
})
const congress = (associationId: string): Raw => ({
  type: 'HoldCongress',
  data: { associationId, number: 'I', kind: 'term', form: 'delegate', heldOn: '2016-05-01', termStart: '2016-05-01', termEnd: '2021-05-01', delegatesExpected: 100, delegatesPresent: 90 },
})
export const roster = { total: 60, older: 40, women: 40, homeCareVolunteers: 6 }
const club = (clubId: string, side: Side): Raw => ({
  type: 'LaunchClub',
  data: { clubId, name: 'CLB Liên thế hệ tự giúp nhau', model: 'ishc', hostAssociationId: sides[side].commune, areaCode: sides[side].communeArea, launchedOn: '2021-05-10', programme: '1336', roster },
})
export const targetData = (targetId: string, side: Side) => ({
  targetId,
  ownerAssociationId: sides[side].commune,
  title: '72 câu lạc bộ liên thế hệ',
  metric: { kind: 'clubs-launched', model: 'ishc', areaCode: sides[side].area },
  counting: 'cumulative',
  goal: 72,
  startOn: '2021-01-01',
  dueOn: '2025-12-31',
  milestones: [{ label: '9 CLB mới', goal: 9, dueOn: '2022-07-01', counting: 'new-since-start' }],
  setOn: '2021-06-01',
})
const report = (associationId: string): Raw => ({
  type: 'SubmitReport',
  data: { associationId, period: '2023Q3', submittedOn: '2023-10-10', indicators: { 'propaganda-sessions': 5 } },
})
const movement = (movementId: string, side: Side): Raw => ({
  type: 'LaunchEmulationMovement',
  data: { movementId, ownerAssociationId: sides[side].commune, title: 'Cựu chiến binh gương mẫu', cycleStart: 2019, cycleEnd: 2024, launchedOn: '2019-07-01' },
})

const withoutId = ({ associationId: _, ...rest }: Record<string, unknown>): Record<string, unknown> => rest

const onFresh = (route: string, method: Case['method'], body: Record<string, unknown>, more: (side: Side, n: number) => ReadonlyArray<Raw> = () => []): Case => ({
  method,
  route,
  build: (side, n) => {
    const i = ids(side, n)
    return { setup: [freshAssociation(side, n), ...more(side, n)], path: route.replace(':associationId', i.x), body }
  },
})
const onMember = (suffix: string, body: (side: Side, n: number) => Record<string, unknown>, category = 'official'): Case => ({
  method: 'POST',
  route: `/members/:memberId/${suffix}`,
  build: (side, n) => {
    const i = ids(side, n)
    return { setup: [member(i.m, i.commune, category)], path: `/members/${i.m}/${suffix}`, body: body(side, n) }
  },
})

/** Reorganisations (R21): a fresh district association divided or split, a fresh commune one absorbed by its province or consolidated with a neighbour. */
/** The founding procedure (R4, R5, R7) of a fresh commune association below the side's province one. */
export const foundingCommittee = (id: string, parentId: string, areaCode: string, size = 3): Raw => ({
  type: 'RecogniseFoundingCommittee',
  data: {
    associationId: id,
    name: `Hội Người cao tuổi xã ${id}`,
    kind: 'elderly',
    scope: 'commune',
    areaCode,
    recognisedOn: '2025-01-06',
    parentId,
    committee: Array.from({ length: size }, (_, k) => ({ personId: `${id}-c${k}`, fullName: `Thành viên ${k}` })),
  },
})
export const registrants = (id: string, n = 10) =>
  Array.from({ length: n }, (_, k) => ({ personId: `${id}-p${k}`, fullName: `Người đăng ký ${k}`, birthDate: '1955-03-01', gender: k % 2 === 0 ? 'female' : 'male' }))
export const establishmentPermit = (id: string): Raw => ({ type: 'PermitEstablishment', data: { associationId: id, permittedOn: '2025-02-03', registrants: registrants(id) } })
export const foundingCongress = { heldOn: '2025-04-20', form: 'plenary', termStart: '2025-04-20', termEnd: '2030-04-19', delegatesExpected: 10, delegatesPresent: 9 }
const foundingCases = (): Case[] => {
  const procedure = (suffix: string, body: Record<string, unknown>, after: (id: string) => Raw[]): Case => ({
    method: 'POST',
    route: `/foundings/:associationId/${suffix}`,
    build: (s, k) => {
      const i = ids(s, k)
      return { setup: [foundingCommittee(i.x, i.prov, `${i.area}.f${k}.01`), ...after(i.x)], path: `/foundings/${i.x}/${suffix}`, body }
    },
  })
  return [
    {
      method: 'POST',
      route: '/foundings',
      build: (side, n) => {
        const i = ids(side, n)
        return { setup: [], path: '/foundings', body: foundingCommittee(i.x, i.prov, `${i.area}.f${n}.01`).data }
      },
    },
    procedure('permit', { permittedOn: '2025-02-03', registrants: registrants('x') }, () => []),
    procedure('extension', { requestedOn: '2025-05-10', congressDueBy: '2025-06-03' }, (id) => [establishmentPermit(id)]),
    procedure('lapse', { lapsedOn: '2025-05-20' }, (id) => [establishmentPermit(id)]),
    procedure('congress', foundingCongress, (id) => [establishmentPermit(id)]),
  ]
}

const reorganisationCases = (): Case[] => {
  const district = (side: Side, n: number): Raw => {
    const i = ids(side, n)
    const d = found(i.x, `Hội Người cao tuổi huyện mới ${n}`, 'district', `${i.area}.x${n}`, '2014-01-01', i.prov)
    return { ...d, data: { ...d.data, foundingMembers: 20 } }
  }
  const body = (id: string, areaCode: string) => ({ associationId: id, name: `Hội Người cao tuổi ${id}`, scope: 'commune', areaCode })
  return [
    {
      method: 'POST',
      route: '/associations/:associationId/division',
      build: (side, n) => {
        const i = ids(side, n)
        return {
          setup: [district(side, n)],
          path: `/associations/${i.x}/division`,
          body: { dividedOn: '2016-01-01', into: [body(`${i.x}-1`, `${i.area}.x${n}.01`), body(`${i.x}-2`, `${i.area}.x${n}.02`)] },
        }
      },
    },
    {
      method: 'POST',
      route: '/associations/:associationId/separation',
      build: (side, n) => {
        const i = ids(side, n)
        return { setup: [district(side, n)], path: `/associations/${i.x}/separation`, body: { separatedOn: '2016-01-01', newBody: { ...body(`${i.x}-s`, `${i.area}.x${n}.01`), foundingMembers: 12 } } }
      },
    },
    {
      method: 'POST',
      route: '/associations/:associationId/absorption',
      build: (side, n) => {
        const i = ids(side, n)
        return { setup: [freshAssociation(side, n)], path: `/associations/${i.x}/absorption`, body: { intoId: i.prov, absorbedOn: '2016-01-01' } }
      },
    },
    {
      method: 'POST',
      route: '/associations/consolidations',
      build: (side, n) => {
        const i = ids(side, n)
        return {
          setup: [freshAssociation(side, n), found(`${i.x}-b`, `Hội Người cao tuổi xã bên ${n}`, 'commune', `${i.area}.x${n}.02`, '2015-01-01', i.prov)],
          path: '/associations/consolidations',
          body: {
            associationId: `${i.x}-c`,
            name: `Hội Người cao tuổi xã hợp nhất ${n}`,
            kind: 'elderly',
            scope: 'commune',
            areaCode: `${i.area}.x${n}.01`,
            consolidatedOn: '2016-01-01',
            sourceIds: [i.x, `${i.x}-b`],
            parentId: i.prov,
          },
        }
      },
    },
  ]
}

export const commandCases: ReadonlyArray<Case> = [
  { method: 'POST', route: '/associations', build: (side, n) => ({ setup: [], path: '/associations', body: freshAssociation(side, n).data }) },
  onFresh('/associations/:associationId/name', 'POST', { name: 'Hội Người cao tuổi xã đổi tên', renamedOn: '2016-01-01' }),
  onFresh('/associations/:associationId/special-status', 'POST', { grantedOn: '2016-01-01', decisionRef: 'QĐ 68/2010/QĐ-TTg' }),
  onFresh('/associations/:associationId/special-status', 'DELETE', { revokedOn: '2017-01-01' }, (side, n) => [
    { type: 'GrantSpecialStatus', data: { associationId: ids(side, n).x, grantedOn: '2016-01-01' } },
  ]),
  onFresh('/associations/:associationId/staff-quota', 'POST', { quota: 3, assignedOn: '2016-01-01' }, (side, n) => [
    { type: 'GrantSpecialStatus', data: { associationId: ids(side, n).x, grantedOn: '2016-01-01' } },
  ]),
  onFresh('/associations/:associationId/congresses', 'POST', withoutId(congress('x').data)),
  {
    method: 'POST',
    route: '/associations/:associationId/officers',
    build: (side, n) => {
      const i = ids(side, n)
      return { setup: [freshAssociation(side, n), member(i.m, i.x)], path: `/associations/${i.x}/officers`, body: { memberId: i.m, role: 'president', electedOn: '2016-06-01' } }
    },
  },
  {
    method: 'DELETE',
    route: '/associations/:associationId/officers/:memberId',
    build: (side, n) => {
      const i = ids(side, n)
      return {
        setup: [freshAssociation(side, n), member(i.m, i.x), { type: 'ElectOfficer', data: { associationId: i.x, memberId: i.m, role: 'president', electedOn: '2016-06-01' } }],
        path: `/associations/${i.x}/officers/${i.m}`,
        body: { role: 'president', relievedOn: '2017-01-01' },
      }
    },
  },
  onFresh(
    '/associations/:associationId/resolutions',
    'POST',
    { resolutionId: 'nq-1', congressNumber: 'I', adoptedOn: '2016-05-02', title: 'Nghị quyết Đại hội I', targets: ['72 CLB liên thế hệ'], keyTasks: ['Phát triển hội viên'], programmes: [] },
    (side, n) => [congress(ids(side, n).x)],
  ),
  onFresh('/associations/:associationId/conferences', 'POST', { conferenceId: 'hn-1', kind: 'training', title: 'Hội nghị tập huấn', heldOn: '2016-04-26', attendees: 160 }),
  onFresh('/associations/:associationId/suspension', 'POST', { suspendedOn: '2016-01-01', until: '2016-03-01', reason: 'Vi phạm điều lệ' }),
  onFresh('/associations/:associationId/suspension-extension', 'POST', { extendedOn: '2016-04-01', until: '2016-05-20' }, (side, n) => [
    { type: 'SuspendAssociation', data: { associationId: ids(side, n).x, suspendedOn: '2016-01-01', until: '2016-03-01', reason: 'Vi phạm' } },
  ]),
  onFresh('/associations/:associationId/reinstatement', 'POST', { reinstatedOn: '2016-02-01' }, (side, n) => [
    { type: 'SuspendAssociation', data: { associationId: ids(side, n).x, suspendedOn: '2016-01-01', until: '2016-03-01', reason: 'Vi phạm' } },
  ]),
  onFresh('/associations/:associationId/dissolution', 'POST', { dissolvedOn: '2016-01-01', dissolution: 'voluntary', ground: 'purpose-achieved' }),
  onFresh('/associations/:associationId/extraordinary-congress-requests', 'POST', { requestId: 'rq1', requestedOn: '2016-01-01', by: 'leadership', requesting: 20, outOf: 30 }),
  onFresh('/associations/:associationId/congress-notices', 'POST', { congressNumber: 'II', notifiedOn: '2016-01-01', plannedOn: '2016-03-01' }),
  onFresh('/associations/:associationId/congress-opinions', 'POST', { congressNumber: 'II', receivedOn: '2016-02-01', opinion: 'agreed' }, (side, n) => [
    { type: 'NotifyAuthorityOfCongress', data: { associationId: ids(side, n).x, congressNumber: 'II', notifiedOn: '2016-01-01', plannedOn: '2016-03-01' } },
  ]),
  onFresh('/associations/:associationId/headquarters', 'POST', { address: 'Số 5 đường Trần Hưng Đạo', changedOn: '2016-01-01' }),
  onFresh('/associations/:associationId/charter', 'POST', { version: 'Điều lệ 2016', approvedOn: '2016-01-01' }),
  onFresh('/associations/:associationId/complaints', 'POST', { complaintId: 'k1', lodgedOn: '2016-01-01', subject: 'Khiếu nại quyết định' }),
  onFresh('/associations/:associationId/complaint-resolutions', 'POST', { complaintId: 'k1', resolvedOn: '2016-02-01', outcome: 'Đã giải quyết' }, (side, n) => [
    { type: 'LodgeComplaint', data: { associationId: ids(side, n).x, complaintId: 'k1', lodgedOn: '2016-01-01', subject: 'Khiếu nại quyết định' } },
  ]),
  onFresh('/associations/:associationId/branches', 'POST', { branchId: 'b1', name: 'Chi hội bản 1', level: 'branch', establishedOn: '2016-01-01' }),
  onFresh('/associations/:associationId/branch-closures', 'POST', { branchId: 'b1', closedOn: '2017-01-01' }, (side, n) => [
    { type: 'EstablishBranch', data: { associationId: ids(side, n).x, branchId: 'b1', name: 'Chi hội bản 1', level: 'branch', establishedOn: '2016-01-01' } },
  ]),
  {
    method: 'POST',
    route: '/associations/:associationId/remuneration',
    build: (side, n) => {
      const i = ids(side, n)
      return {
        setup: [freshAssociation(side, n), member(i.m, i.x), { type: 'ElectOfficer', data: { associationId: i.x, memberId: i.m, role: 'president', electedOn: '2016-06-01' } }],
        path: `/associations/${i.x}/remuneration`,
        body: { memberId: i.m, paidOn: '2017-01-01', monthlyAmount: 3_000_000, retired: true },
      }
    },
  },
  {
    method: 'POST',
    route: '/associations/:associationId/parent',
    build: (side, n) => {
      const i = ids(side, n)
      const parent: Raw = {
        type: 'FoundAssociation',
        data: { associationId: `${i.x}-up`, name: 'Liên hiệp các hội tỉnh', kind: 'other', scope: 'province', areaCode: i.area, foundedOn: '2010-01-15', foundingMembers: 60 },
      }
      return { setup: [freshAssociation(side, n), parent], path: `/associations/${i.x}/parent`, body: { parentId: `${i.x}-up`, reparentedOn: '2016-01-01' } }
    },
  },
  ...reorganisationCases(),
  ...foundingCases(),
  ...unitCases(),
  {
    method: 'POST',
    route: '/associations/:associationId/members',
    build: (side, n) => {
      const i = ids(side, n)
      return { setup: [], path: `/associations/${i.commune}/members`, body: withoutId(member(i.m, i.commune).data) }
    },
  },
  {
    method: 'POST',
    route: '/associations/:associationId/members/transfer-in',
    build: (side, n) => {
      const i = ids(side, n)
      const from = `${i.m}-src`
      return {
        setup: [member(from, i.prov), { type: 'TransferMemberOut', data: { memberId: from, associationId: i.prov, toAssociationId: i.commune, toMemberId: i.m, transferredOn: '2021-01-01' } }],
        path: `/associations/${i.commune}/members/transfer-in`,
        body: { memberId: i.m, fromAssociationId: i.prov, fromMemberId: from, transferredOn: '2021-01-01' },
      }
    },
  },
  onMember('category', () => ({ category: 'honorary', changedOn: '2021-01-01' })),
  onMember('corrections', () => ({ correctedOn: '2021-01-01', reason: 'Sai chính tả', fullName: 'Nguyễn Văn Ân' })),
  onMember('transfer-out', (side, n) => ({ toAssociationId: sides[side].prov, toMemberId: `${ids(side, n).m}-out`, transferredOn: '2021-01-01' })),
  onMember('resignation', () => ({ resignedOn: '2021-01-01' })),
  onMember('expulsion', () => ({ expelledOn: '2021-01-01', reason: 'Vi phạm điều lệ' })),
  onMember('striking-off', () => ({ struckOffOn: '2021-01-01', reason: 'Không sinh hoạt' })),
  onMember('death', () => ({ diedOn: '2021-01-01' })),
  onMember('party-referral', () => ({ referredOn: '2021-01-01' })),
  {
    method: 'POST',
    route: '/members/:memberId/branch',
    build: (side, n) => {
      const i = ids(side, n)
      const branch: Raw = { type: 'EstablishBranch', data: { associationId: i.commune, branchId: `br${n}`, name: `Chi hội ${n}`, level: 'branch', establishedOn: '2015-01-01' } }
      return { setup: [branch, member(i.m, i.commune)], path: `/members/${i.m}/branch`, body: { branchId: `br${n}`, placedOn: '2017-01-01' } }
    },
  },
  {
    method: 'POST',
    route: '/people/:personId/erasure',
    build: (side, n) => ({ setup: [member(ids(side, n).m, ids(side, n).commune)], path: `/people/person-${ids(side, n).m}/erasure`, body: { reason: 'Đơn yêu cầu xoá dữ liệu cá nhân' } }),
  },
  { method: 'POST', route: '/clubs', build: (side, n) => ({ setup: [], path: '/clubs', body: club(ids(side, n).club, side).data }) },
  {
    method: 'POST',
    route: '/clubs/:clubId/roster',
    build: (side, n) => ({ setup: [club(ids(side, n).club, side)], path: `/clubs/${ids(side, n).club}/roster`, body: { reportedOn: '2022-01-01', roster: { ...roster, total: 64 } } }),
  },
  {
    method: 'POST',
    route: '/clubs/:clubId/activities',
    build: (side, n) => ({
      setup: [club(ids(side, n).club, side)],
      path: `/clubs/${ids(side, n).club}/activities`,
      body: { activityId: 'hd-1', area: 'health-care', heldOn: '2022-02-01', title: 'Khám sức khỏe', participants: 40 },
    }),
  },
  { method: 'POST', route: '/clubs/:clubId/closure', build: (side, n) => ({ setup: [club(ids(side, n).club, side)], path: `/clubs/${ids(side, n).club}/closure`, body: { closedOn: '2023-01-01' } }) },
  { method: 'POST', route: '/targets', build: (side, n) => ({ setup: [], path: '/targets', body: targetData(ids(side, n).target, side) }) },
  {
    method: 'POST',
    route: '/targets/:targetId/revisions',
    build: (side, n) => ({
      setup: [{ type: 'SetTarget', data: targetData(ids(side, n).target, side) }],
      path: `/targets/${ids(side, n).target}/revisions`,
      body: { revisedOn: '2022-01-01', reason: 'Điều chỉnh', goal: 80 },
    }),
  },
  {
    method: 'POST',
    route: '/targets/:targetId/withdrawal',
    build: (side, n) => ({
      setup: [{ type: 'SetTarget', data: targetData(ids(side, n).target, side) }],
      path: `/targets/${ids(side, n).target}/withdrawal`,
      body: { withdrawnOn: '2022-01-01', reason: 'Không còn phù hợp' },
    }),
  },
  {
    method: 'PUT',
    route: '/reports/:associationId/:period',
    label: 'submit',
    build: (side, n) => ({
      setup: [freshAssociation(side, n)],
      path: `/reports/${ids(side, n).x}/2023Q3`,
      body: { submittedOn: '2023-10-10', indicators: { 'propaganda-sessions': 5 }, narrative: 'Báo cáo quý III' },
    }),
  },
  {
    method: 'PUT',
    route: '/reports/:associationId/:period',
    label: 'correct',
    build: (side, n) => ({
      setup: [freshAssociation(side, n), report(ids(side, n).x)],
      path: `/reports/${ids(side, n).x}/2023Q3`,
      body: { correctedOn: '2023-10-12', indicators: { 'propaganda-sessions': 6 }, reason: 'Sai số liệu' },
    }),
  },
  {
    method: 'POST',
    route: '/reports/:associationId/:period/approval',
    build: (side, n) => ({ setup: [freshAssociation(side, n), report(ids(side, n).x)], path: `/reports/${ids(side, n).x}/2023Q3/approval`, body: { approvedOn: '2023-10-20' } }),
  },
  {
    method: 'POST',
    route: '/reports/:associationId/:period/return',
    build: (side, n) => ({ setup: [freshAssociation(side, n), report(ids(side, n).x)], path: `/reports/${ids(side, n).x}/2023Q3/return`, body: { returnedOn: '2023-10-20', reason: 'Thiếu số liệu' } }),
  },
  {
    method: 'POST',
    route: '/reports/:associationId/:period/unapproval',
    build: (side, n) => ({
      setup: [freshAssociation(side, n), report(ids(side, n).x), { type: 'ApproveReport', data: { associationId: ids(side, n).x, period: '2023Q3', approvedOn: '2023-10-20' } }],
      path: `/reports/${ids(side, n).x}/2023Q3/unapproval`,
      body: { unapprovedOn: '2023-10-25', reason: 'Rà soát lại', parentAssociationId: ids(side, n).prov },
    }),
  },
  {
    method: 'POST',
    route: '/reports/:associationId/:period/lock-exceptions',
    build: (side, n) => ({
      setup: [freshAssociation(side, n)],
      path: `/reports/${ids(side, n).x}/2023Q2/lock-exceptions`,
      body: { grantedOn: '2023-10-18', until: '2023-10-25', reason: 'Bổ sung báo cáo' },
    }),
  },
  {
    method: 'POST',
    route: '/reports/:associationId/:period/lock-exceptions/revocation',
    build: (side, n) => ({
      setup: [
        freshAssociation(side, n),
        { type: 'GrantLockException', data: { associationId: ids(side, n).x, period: '2023Q2', grantedOn: '2023-10-18', until: '2023-10-25', reason: 'Bổ sung báo cáo' } },
      ],
      path: `/reports/${ids(side, n).x}/2023Q2/lock-exceptions/revocation`,
      body: { revokedOn: '2023-10-20', reason: 'Đã bổ sung xong' },
    }),
  },
  { method: 'POST', route: '/movements', build: (side, n) => ({ setup: [], path: '/movements', body: movement(ids(side, n).movement, side).data }) },
  {
    method: 'POST',
    route: '/movements/:movementId/commendations',
    build: (side, n) => ({
      setup: [movement(ids(side, n).movement, side)],
      path: `/movements/${ids(side, n).movement}/commendations`,
      body: { commendationId: 'kt-1', recipient: { kind: 'individual', name: 'Trần Văn Bình' }, form: 'Giấy khen', awardedOn: '2024-06-25' },
    }),
  },
  {
    method: 'POST',
    route: '/movements/:movementId/conclusion',
    build: (side, n) => ({ setup: [movement(ids(side, n).movement, side)], path: `/movements/${ids(side, n).movement}/conclusion`, body: { concludedOn: '2024-06-28' } }),
  },
]

/** Read routes: each built for a side, with what must exist first. */
export type ReadCase = { readonly route: string; readonly build: (side: Side, n: number) => Built }
export const readCases: ReadonlyArray<ReadCase> = [
  { route: '/views/registry', build: () => ({ setup: [], path: '/views/registry' }) },
  { route: '/views/associations/:associationId', build: (side) => ({ setup: [], path: `/views/associations/${sides[side].commune}` }) },
  { route: '/views/associations/:associationId/governance', build: (side) => ({ setup: [], path: `/views/associations/${sides[side].commune}/governance` }) },
  { route: '/views/roster/:associationId', build: (side) => ({ setup: [], path: `/views/roster/${sides[side].commune}` }) },
  { route: '/views/statistics', build: () => ({ setup: [], path: '/views/statistics?year=2020' }) },
  { route: '/views/clubs', build: () => ({ setup: [], path: '/views/clubs' }) },
  { route: '/views/clubs-by-area', build: () => ({ setup: [], path: '/views/clubs-by-area' }) },
  { route: '/views/units', build: () => ({ setup: [], path: '/views/units' }) },
  { route: '/views/targets', build: () => ({ setup: [], path: '/views/targets' }) },
  {
    route: '/views/targets/:targetId',
    build: (side, n) => ({ setup: [{ type: 'SetTarget', data: targetData(`${side.toLowerCase()}-rt${n}`, side) }], path: `/views/targets/${side.toLowerCase()}-rt${n}` }),
  },
  { route: '/views/reports/:associationId/:period/rollup', build: (side) => ({ setup: [], path: `/views/reports/${sides[side].prov}/2023Q3/rollup` }) },
  { route: '/views/reports', build: () => ({ setup: [], path: '/views/reports' }) },
  { route: '/views/reports/completeness/:period', build: () => ({ setup: [], path: '/views/reports/completeness/2023Q3' }) },
  { route: '/reports/:associationId/:period/print', build: (side) => ({ setup: [], path: `/reports/${sides[side].prov}/2023Q3/print` }) },
  { route: '/assets/report-print.css', build: () => ({ setup: [], path: '/assets/report-print.css' }) },
  { route: '/views/commendations', build: () => ({ setup: [], path: '/views/commendations' }) },
  { route: '/views/congress-watch', build: () => ({ setup: [], path: '/views/congress-watch' }) },
  { route: '/views/foundings', build: () => ({ setup: [], path: '/views/foundings' }) },
  { route: '/views/conferences', build: (side) => ({ setup: [], path: `/views/conferences?associationId=${sides[side].prov}&includeDescendants=true` }) },
  { route: '/views/resolutions', build: () => ({ setup: [], path: '/views/resolutions' }) },
  { route: '/audit/streams/:streamId', build: (side) => ({ setup: [], path: `/audit/streams/association-${sides[side].commune}` }) },
  { route: '/audit/log', build: () => ({ setup: [], path: '/audit/log?after=0&limit=5' }) },
  { route: '/audit/head', build: () => ({ setup: [], path: '/audit/head' }) },
  { route: '/metrics', build: () => ({ setup: [], path: '/metrics' }) },
  { route: '/health', build: () => ({ setup: [], path: '/health' }) },
  { route: '/openapi.json', build: () => ({ setup: [], path: '/openapi.json' }) },
  { route: '/docs', build: () => ({ setup: [], path: '/docs' }) },
  { route: '/docs/init.js', build: () => ({ setup: [], path: '/docs/init.js' }) },
  { route: '/docs/assets/:file', build: () => ({ setup: [], path: '/docs/assets/swagger-ui.css' }) },
  { route: '/', build: () => ({ setup: [], path: '/' }) },
  { route: '/assets/dashboard.js', build: () => ({ setup: [], path: '/assets/dashboard.js' }) },
  { route: '/assets/dashboard.css', build: () => ({ setup: [], path: '/assets/dashboard.css' }) },
]

/** The geography's routes: a province, and what each route needs under it; ids stay fresh per side and number. */
function unitCases(): Case[] {
  const unit = (unitId: string, level: string, parentId?: string): Raw => ({
    type: 'CreateAdminUnit',
    data: { unitId, name: `Đơn vị ${unitId}`, level, createdOn: '2004-01-01', ...(parentId === undefined ? {} : { parentId }) },
  })
  const p = (side: Side, n: number, k = '') => `u${side}${n}${k}`
  return [
    { method: 'POST', route: '/admin-units', build: (side, n) => ({ setup: [], path: '/admin-units', body: unit(p(side, n), 'province').data }) },
    {
      method: 'POST',
      route: '/admin-units/:unitId/name',
      build: (side, n) => ({ setup: [unit(p(side, n), 'province')], path: `/admin-units/${p(side, n)}/name`, body: { name: 'Tỉnh mới', renamedOn: '2025-07-01' } }),
    },
    {
      method: 'POST',
      route: '/admin-units/:unitId/merger',
      build: (side, n) => ({
        setup: [unit(p(side, n), 'province'), unit(p(side, n, 'b'), 'province')],
        path: `/admin-units/${p(side, n, 'b')}/merger`,
        body: { intoId: p(side, n), mergedOn: '2025-07-01' },
      }),
    },
    {
      method: 'POST',
      route: '/admin-units/:unitId/parent',
      build: (side, n) => ({
        setup: [unit(p(side, n), 'province'), unit(`${p(side, n)}.1`, 'district', p(side, n)), unit(`${p(side, n)}.1.1`, 'commune', `${p(side, n)}.1`)],
        path: `/admin-units/${p(side, n)}.1.1/parent`,
        body: { parentId: p(side, n), reparentedOn: '2025-07-01' },
      }),
    },
    {
      method: 'POST',
      route: '/admin-units/:unitId/abolition',
      build: (side, n) => ({ setup: [unit(p(side, n), 'province')], path: `/admin-units/${p(side, n)}/abolition`, body: { abolishedOn: '2025-07-01' } }),
    },
  ]
}
