import type { AssociationState, Dated, EventData, GovernanceRecord, ReadModel } from './model.js'
import { changeOf, dateOf, dissolvedBy, memberActive } from './asOf.js'

type D<T extends GovernanceRecord['type']> = EventData<T>

export type BranchRow = {
  readonly branchId: string
  readonly name: string
  readonly level: D<'BranchEstablished'>['level']
  readonly withinBranchId?: string
  readonly establishedOn: string
  /** active members whose latest placement by the date is this branch or cell, in admission order */
  readonly members: ReadonlyArray<string>
}
export type NoticeRow = {
  readonly congressNumber: string
  readonly notifiedOn: string
  readonly plannedOn: string
  readonly opinion?: D<'AuthorityOpinionRecorded'>['opinion']
  readonly opinionOn?: string
}
/** R18: what an association reports to the authority that manages it. */
export type ReportableChange =
  | { readonly on: string; readonly change: 'officer-elected' | 'officer-relieved'; readonly role: string; readonly memberId: string; readonly fullName: string }
  | { readonly on: string; readonly change: 'headquarters-changed'; readonly address: string }
  | { readonly on: string; readonly change: 'charter-approved'; readonly version: string }
export type GovernanceFlag = { readonly on: string; readonly rule: string; readonly code: string; readonly message: string }

export type Governance = {
  readonly associationId: string
  readonly asOf: string
  readonly headquarters?: { readonly address: string; readonly since: string }
  readonly charter?: { readonly version: string; readonly approvedOn: string }
  /** branches (chi hội) and cells (tổ hội) open on the date; none once the association is dissolved (R20) */
  readonly branches: ReadonlyArray<BranchRow>
  /** requests for an extraordinary congress not yet answered by one (R16) */
  readonly pendingRequests: ReadonlyArray<D<'ExtraordinaryCongressRequested'>>
  /** notices of congresses to the authority and its opinion (R17) */
  readonly notices: ReadonlyArray<NoticeRow>
  /** complaints lodged and not resolved by the date: they block dissolution (R25) */
  readonly pendingComplaints: ReadonlyArray<{ readonly complaintId: string; readonly lodgedOn: string; readonly subject: string }>
  readonly reportable: ReadonlyArray<ReportableChange>
  /** soft rules that did not hold: congress notice (R17), remuneration above the cap (R27) */
  readonly flags: ReadonlyArray<GovernanceFlag>
}

const until = (list: ReadonlyArray<Dated<GovernanceRecord>>, date: string): GovernanceRecord[] => list.filter((x) => x.on <= date).map((x) => x.value)

const branchesOn = (m: ReadModel, records: ReadonlyArray<GovernanceRecord>, a: AssociationState, date: string): BranchRow[] => {
  if (dissolvedBy(a, date)) return []
  const established = new Map<string, BranchRow>()
  const closed = new Set<string>()
  for (const r of records) {
    if (r.type === 'BranchEstablished' && !established.has(r.data.branchId)) {
      const d = r.data
      established.set(d.branchId, {
        branchId: d.branchId,
        name: d.name,
        level: d.level,
        ...(d.withinBranchId === undefined ? {} : { withinBranchId: d.withinBranchId }),
        establishedOn: d.establishedOn,
        members: [],
      })
    } else if (r.type === 'BranchClosed') closed.add(r.data.branchId)
  }
  const placed = new Map<string, string>()
  for (const r of records) if (r.type === 'MemberPlacedInBranch') placed.set(r.data.memberId, r.data.branchId)
  const membersOf = new Map<string, string[]>()
  for (const s of m.membersOf.get(a.associationId) ?? []) {
    const branchId = placed.get(s.memberId)
    if (branchId === undefined || !memberActive(s, changeOf(m, s), a, date)) continue
    membersOf.set(branchId, [...(membersOf.get(branchId) ?? []), s.memberId])
  }
  return [...established.values()].filter((b) => !closed.has(b.branchId)).map((b) => ({ ...b, members: membersOf.get(b.branchId) ?? [] }))
}

const pendingRequestsOn = (records: ReadonlyArray<GovernanceRecord>, a: AssociationState, date: string): Array<D<'ExtraordinaryCongressRequested'>> => {
  const pending: Array<D<'ExtraordinaryCongressRequested'>> = []
  for (const r of records) if (r.type === 'ExtraordinaryCongressRequested' && !pending.some((p) => p.requestId === r.data.requestId)) pending.push(r.data)
  for (const c of a.congresses) {
    if (c.on > date || c.value.kind !== 'extraordinary') continue
    const i = pending.findIndex((p) => p.requestedOn <= c.on)
    if (i >= 0) pending.splice(i, 1)
  }
  return pending
}

const noticesOn = (records: ReadonlyArray<GovernanceRecord>): NoticeRow[] => {
  const byNumber = new Map<string, NoticeRow>()
  for (const r of records) {
    if (r.type === 'CongressNotified') byNumber.set(r.data.congressNumber, { congressNumber: r.data.congressNumber, notifiedOn: r.data.notifiedOn, plannedOn: r.data.plannedOn })
    else if (r.type === 'AuthorityOpinionRecorded') {
      const n = byNumber.get(r.data.congressNumber)
      if (n !== undefined) byNumber.set(n.congressNumber, { ...n, opinion: r.data.opinion, opinionOn: r.data.receivedOn })
    }
  }
  return [...byNumber.values()]
}

const complaintsOn = (records: ReadonlyArray<GovernanceRecord>) => {
  const lodged = new Map<string, { complaintId: string; lodgedOn: string; subject: string }>()
  const resolved = new Set<string>()
  for (const r of records) {
    if (r.type === 'ComplaintLodged' && !lodged.has(r.data.complaintId)) lodged.set(r.data.complaintId, { complaintId: r.data.complaintId, lodgedOn: r.data.lodgedOn, subject: r.data.subject })
    else if (r.type === 'ComplaintResolved') resolved.add(r.data.complaintId)
  }
  return [...lodged.values()].filter((c) => !resolved.has(c.complaintId))
}

const reportableOn = (records: ReadonlyArray<GovernanceRecord>, a: AssociationState, date: string): ReportableChange[] => {
  const out: ReportableChange[] = []
  for (const o of a.officers) {
    const who = { role: o.role, memberId: o.memberId, fullName: o.fullName }
    if (o.electedOn <= date) out.push({ on: o.electedOn, change: 'officer-elected', ...who })
    if (o.relievedOn !== undefined && o.relievedOn <= date) out.push({ on: o.relievedOn, change: 'officer-relieved', ...who })
  }
  for (const r of records) {
    if (r.type === 'HeadquartersChanged') out.push({ on: r.data.changedOn, change: 'headquarters-changed', address: r.data.address })
    else if (r.type === 'CharterApproved') out.push({ on: r.data.approvedOn, change: 'charter-approved', version: r.data.version })
  }
  return out.sort((x, y) => (x.on < y.on ? -1 : x.on > y.on ? 1 : 0))
}

const flagsOn = (records: ReadonlyArray<GovernanceRecord>, a: AssociationState, date: string): GovernanceFlag[] => {
  const out: GovernanceFlag[] = []
  for (const c of a.congresses) if (c.on <= date) for (const f of c.value.flags ?? []) out.push({ on: c.on, ...f })
  for (const r of records) if (r.type === 'LeaderRemunerationRecorded') for (const f of r.data.flags) out.push({ on: r.data.paidOn, ...f })
  return out.sort((x, y) => (x.on < y.on ? -1 : x.on > y.on ? 1 : 0))
}

/** The governance of one association as of the date; undefined if unknown or not yet founded. */
export const governance = (m: ReadModel, associationId: string, asOf?: string): Governance | undefined => {
  const date = dateOf(asOf)
  const a = m.associations.get(associationId)
  if (a === undefined || a.foundedOn > date) return undefined
  const records = until(m.governance.get(associationId) ?? [], date)
  let headquarters: Governance['headquarters']
  let charter: Governance['charter']
  for (const r of records) {
    if (r.type === 'HeadquartersChanged') headquarters = { address: r.data.address, since: r.data.changedOn }
    else if (r.type === 'CharterApproved') charter = { version: r.data.version, approvedOn: r.data.approvedOn }
  }
  return {
    associationId,
    asOf: date,
    ...(headquarters === undefined ? {} : { headquarters }),
    ...(charter === undefined ? {} : { charter }),
    branches: branchesOn(m, records, a, date),
    pendingRequests: pendingRequestsOn(records, a, date),
    notices: noticesOn(records),
    pendingComplaints: complaintsOn(records),
    reportable: reportableOn(records, a, date),
    flags: flagsOn(records, a, date),
  }
}
