import type * as t from 'io-ts'
import type { IsoDate } from '../codecs.js'
import type { events } from './governance-messages.js'

type Ev = { [K in keyof typeof events]: { readonly type: K; readonly data: t.TypeOf<(typeof events)[K]>['data'] } }[keyof typeof events]
export type GovernanceEvent = Ev
type Data<T extends Ev['type']> = Extract<Ev, { type: T }>['data']

export type Request = Data<'ExtraordinaryCongressRequested'> & { readonly usedOn: IsoDate | undefined }
export type Notice = Data<'CongressNotified'> & { readonly opinion: Data<'AuthorityOpinionRecorded'> | undefined }
export type Complaint = Data<'ComplaintLodged'> & { readonly resolvedOn: IsoDate | undefined }
export type Branch = Data<'BranchEstablished'> & { readonly closedOn: IsoDate | undefined }

/** What an association records of its own governance (R16–R18, R20, R25, R27); part of the association's state. */
export type Governance = {
  readonly requests: ReadonlyArray<Request>
  readonly notices: ReadonlyArray<Notice>
  readonly headquarters: { readonly address: string; readonly changedOn: IsoDate } | undefined
  readonly charter: { readonly version: string; readonly approvedOn: IsoDate } | undefined
  readonly complaints: ReadonlyArray<Complaint>
  readonly branches: ReadonlyArray<Branch>
  /** `memberId@paidOn` of each remuneration recorded: the same payment again is a retry */
  readonly payments: ReadonlyArray<string>
}

export const noGovernance: Governance = { requests: [], notices: [], headquarters: undefined, charter: undefined, complaints: [], branches: [], payments: [] }

const governanceTypes: ReadonlySet<string> = new Set<Ev['type']>([
  'ExtraordinaryCongressRequested',
  'CongressNotified',
  'AuthorityOpinionRecorded',
  'HeadquartersChanged',
  'CharterApproved',
  'ComplaintLodged',
  'ComplaintResolved',
  'BranchEstablished',
  'BranchClosed',
  'LeaderRemunerationRecorded',
])
export const isGovernanceEvent = <E extends { type: string }>(e: E): e is E & Ev => governanceTypes.has(e.type)

export const paymentKey = (memberId: string, paidOn: string): string => `${memberId}@${paidOn}`

/** The oldest request not yet answered by an extraordinary congress, made on or before the date (R16). */
export const pendingRequest = (g: Governance, on: string): Request | undefined => g.requests.find((r) => r.usedOn === undefined && r.requestedOn <= on)

/** An extraordinary congress answers the oldest pending request. */
export const useRequest = (g: Governance, on: IsoDate): Governance => {
  const r = pendingRequest(g, on)
  return r === undefined ? g : { ...g, requests: g.requests.map((x) => (x === r ? { ...x, usedOn: on } : x)) }
}

export const evolveGovernance = (g: Governance, e: Ev): Governance => {
  switch (e.type) {
    case 'ExtraordinaryCongressRequested':
      return { ...g, requests: [...g.requests, { ...e.data, usedOn: undefined }] }
    case 'CongressNotified':
      return { ...g, notices: [...g.notices.filter((n) => n.congressNumber !== e.data.congressNumber), { ...e.data, opinion: undefined }] }
    case 'AuthorityOpinionRecorded':
      return { ...g, notices: g.notices.map((n) => (n.congressNumber === e.data.congressNumber ? { ...n, opinion: e.data } : n)) }
    case 'HeadquartersChanged':
      return { ...g, headquarters: { address: e.data.address, changedOn: e.data.changedOn } }
    case 'CharterApproved':
      return { ...g, charter: { version: e.data.version, approvedOn: e.data.approvedOn } }
    case 'ComplaintLodged':
      return { ...g, complaints: [...g.complaints, { ...e.data, resolvedOn: undefined }] }
    case 'ComplaintResolved':
      return { ...g, complaints: g.complaints.map((c) => (c.complaintId === e.data.complaintId ? { ...c, resolvedOn: e.data.resolvedOn } : c)) }
    case 'BranchEstablished':
      return { ...g, branches: [...g.branches, { ...e.data, closedOn: undefined }] }
    case 'BranchClosed':
      return { ...g, branches: g.branches.map((b) => (b.branchId === e.data.branchId && b.closedOn === undefined ? { ...b, closedOn: e.data.closedOn } : b)) }
    case 'LeaderRemunerationRecorded':
      return { ...g, payments: [...g.payments, paymentKey(e.data.memberId, e.data.paidOn)] }
  }
}
