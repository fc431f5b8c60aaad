import type { IsoDate } from '../codecs.js'
import type { AssociationKind, Regime, Scope } from '../policy.js'
import type { Event } from './events.js'
import { addId, empty, noIds, push, type Chain, type IdList } from '../ids.js'
import { evolveGovernance, isGovernanceEvent, noGovernance, useRequest, type Governance } from './governance-state.js'

export type Congress = Extract<Event, { type: 'CongressHeld' }>['data']
export type Term = { readonly congressNumber: string; readonly start: IsoDate; readonly end: IsoDate }
export type Officer = { readonly memberId: string; readonly fullName: string; readonly role: string; readonly electedOn: IsoDate }
export type FormerOfficer = Officer & { readonly relievedOn: IsoDate }

/** Data of an association event, by type. */
type D<T extends Event['type']> = Extract<Event, { type: T }>['data']
export type Registrant = D<'AssociationEstablishmentPermitted'>['registrants'][number]
/** The permit and its deadline (R5): 90 days, or the one extension. */
export type Permit = {
  readonly permittedOn: IsoDate
  /** the deadline set by the permit, from which the extension window counts */
  readonly firstDueBy: IsoDate
  readonly congressDueBy: IsoDate
  readonly extendedOn: IsoDate | undefined
  readonly registrants: ReadonlyArray<Registrant>
  readonly decisionRef: D<'AssociationEstablishmentPermitted'>['decisionRef']
}
/** An association in founding: not yet an association, so nothing but the procedure's commands reach it (R4, R5). */
export type Founding = {
  readonly committee: D<'FoundingCommitteeRecognised'>
  readonly permit: Permit | undefined
  readonly lapsedOn: IsoDate | undefined
}

export type State =
  | { readonly status: 'none'; readonly founding?: Founding }
  | {
      readonly status: 'active' | 'suspended' | 'dissolved'
      readonly associationId: string
      readonly name: string
      readonly kind: AssociationKind
      readonly regime: Regime
      readonly scope: Scope
      readonly areaCode: string
      readonly parentId: string | undefined
      /** children not dissolved, as the children's follow-ups reported them (R30) */
      readonly children: ReadonlyArray<string>
      readonly foundedOn: IsoDate
      readonly foundingMembers: number
      readonly special: boolean
      readonly specialRevokedOn: IsoDate | undefined
      readonly staffQuota: number | undefined
      readonly congresses: Chain<Congress>
      readonly lastCongressOn: IsoDate | undefined
      /** the latest congress, conference, resolution or election: what refutes "inactive for 12 months" (R25) */
      readonly lastActivityOn: IsoDate | undefined
      readonly term: Term | undefined
      /** elections and reliefs, newest first: who holds what is read from it (see `officersOf`) */
      readonly officerLog: Chain<OfficerEntry>
      readonly resolutionIds: IdList
      readonly conferenceIds: IdList
      readonly suspendedOn: IsoDate | undefined
      readonly suspendedUntil: IsoDate | undefined
      /** the end of the one extension granted after the automatic grace (R23) */
      readonly extendedUntil: IsoDate | undefined
      readonly reinstatedOn: IsoDate | undefined
      readonly dissolvedOn: IsoDate | undefined
      readonly dissolution: Dissolution | undefined
      /** how a body founded by a reorganisation came about (R21, R22) */
      readonly origin: Origin | undefined
      /** set when a division, absorption or consolidation ended it (R21) */
      readonly reorganisation: Reorganisation | undefined
      /** the associations whose records it took over, as their heir (R21) */
      readonly predecessors: ReadonlyArray<{ readonly fromId: string; readonly on: IsoDate }>
      /** requests, notices, headquarters, charter, complaints, branches and payments (R16–R18, R20, R25, R27) */
      readonly governance: Governance
      /** who registered to found it through the procedure (R7); empty for a recorded founding */
      readonly founders: ReadonlyArray<Registrant>
    }
export type Dissolution = Extract<Event, { type: 'AssociationDissolved' }>['data']
export type Reorganisation = Extract<Event, { type: 'AssociationReorganised' }>['data']
export type Origin = NonNullable<Extract<Event, { type: 'AssociationFounded' }>['data']['origin']>
export type Existing = Exclude<State, { status: 'none' }>

export const initialState: State = { status: 'none' }

const latest = (a: IsoDate | undefined, b: IsoDate): IsoDate => (a === undefined || b > a ? b : a)

export const evolve = (state: State, event: Event): State => {
  if (event.type === 'AssociationFounded') {
    const d = event.data
    return {
      status: 'active',
      associationId: d.associationId,
      name: d.name,
      kind: d.kind,
      regime: d.regime,
      scope: d.scope,
      areaCode: d.areaCode,
      parentId: d.parentId,
      children: [],
      foundedOn: d.foundedOn,
      foundingMembers: d.foundingMembers,
      special: false,
      specialRevokedOn: undefined,
      staffQuota: undefined,
      congresses: empty,
      lastCongressOn: undefined,
      lastActivityOn: undefined,
      term: undefined,
      officerLog: empty,
      resolutionIds: noIds,
      conferenceIds: noIds,
      suspendedOn: undefined,
      suspendedUntil: undefined,
      extendedUntil: undefined,
      reinstatedOn: undefined,
      dissolvedOn: undefined,
      dissolution: undefined,
      origin: d.origin,
      reorganisation: undefined,
      predecessors: [],
      governance: noGovernance,
      founders: state.status === 'none' ? (state.founding?.permit?.registrants ?? []) : [],
    }
  }
  if (state.status === 'none') return evolveFounding(state, event)
  if (isGovernanceEvent(event)) return { ...state, governance: evolveGovernance(state.governance, event) }
  switch (event.type) {
    case 'AssociationRenamed':
      return { ...state, name: event.data.name }
    case 'SpecialStatusGranted':
      return { ...state, special: true }
    case 'SpecialStatusRevoked':
      return { ...state, special: false, specialRevokedOn: event.data.revokedOn }
    case 'StaffQuotaAssigned':
      return { ...state, staffQuota: event.data.quota }
    case 'CongressHeld': {
      const d = event.data
      return {
        ...state,
        congresses: push(state.congresses, d),
        lastCongressOn: d.heldOn,
        lastActivityOn: latest(state.lastActivityOn, d.heldOn),
        term: { congressNumber: d.number, start: d.termStart, end: d.termEnd },
        governance: d.kind === 'extraordinary' ? useRequest(state.governance, d.heldOn) : state.governance,
      }
    }
    case 'OfficerElected': {
      const d = event.data
      return {
        ...state,
        lastActivityOn: latest(state.lastActivityOn, d.electedOn),
        officerLog: push(state.officerLog, { memberId: d.memberId, fullName: d.fullName, role: d.role, electedOn: d.electedOn }),
      }
    }
    case 'OfficerRelieved': {
      const d = event.data
      return { ...state, officerLog: push(state.officerLog, { memberId: d.memberId, role: d.role, relievedOn: d.relievedOn }) }
    }
    case 'ResolutionAdopted':
      return { ...state, lastActivityOn: latest(state.lastActivityOn, event.data.adoptedOn), resolutionIds: addId(state.resolutionIds, event.data.resolutionId) }
    case 'ConferenceHeld':
      return { ...state, lastActivityOn: latest(state.lastActivityOn, event.data.heldOn), conferenceIds: addId(state.conferenceIds, event.data.conferenceId) }
    case 'AssociationSuspended':
      return { ...state, status: 'suspended', suspendedOn: event.data.suspendedOn, suspendedUntil: event.data.until, extendedUntil: undefined }
    case 'AssociationReinstated':
      return { ...state, status: 'active', suspendedOn: undefined, suspendedUntil: undefined, extendedUntil: undefined, reinstatedOn: event.data.reinstatedOn }
    case 'SuspensionExtended':
      return { ...state, extendedUntil: event.data.until }
    case 'AssociationReparented':
      return { ...state, parentId: event.data.parentId }
    case 'ChildAttached':
      return state.children.includes(event.data.childId) ? state : { ...state, children: [...state.children, event.data.childId] }
    case 'ChildDetached':
      return { ...state, children: state.children.filter((c) => c !== event.data.childId) }
    case 'AssociationDissolved':
      return { ...state, status: 'dissolved', dissolvedOn: event.data.dissolvedOn, dissolution: event.data }
    case 'AssociationReorganised':
      return { ...state, status: 'dissolved', dissolvedOn: event.data.reorganisedOn, reorganisation: event.data }
    case 'AssociationSeparated':
      return state
    case 'FoundingCommitteeRecognised':
    case 'AssociationEstablishmentPermitted':
    case 'EstablishmentPermitExtended':
    case 'EstablishmentPermitLapsed':
      return state
    case 'AssociationTookOver': {
      // what the source carried comes with it, from the same date: its members are the heir's too
      const on = event.data.takenOverOn
      return { ...state, predecessors: [...state.predecessors, ...[event.data.fromId, ...(event.data.alsoCarried ?? [])].map((fromId) => ({ fromId, on }))] }
    }
  }
}

/** The procedure before the association exists; any other event leaves a non-existent association as it is. */
const evolveFounding = (state: Extract<State, { status: 'none' }>, event: Event): State => {
  const f = state.founding
  switch (event.type) {
    case 'FoundingCommitteeRecognised':
      return f === undefined ? { status: 'none', founding: { committee: event.data, permit: undefined, lapsedOn: undefined } } : state
    case 'AssociationEstablishmentPermitted': {
      const d = event.data
      return f === undefined
        ? state
        : {
            status: 'none',
            founding: {
              ...f,
              permit: { permittedOn: d.permittedOn, firstDueBy: d.congressDueBy, congressDueBy: d.congressDueBy, extendedOn: undefined, registrants: d.registrants, decisionRef: d.decisionRef },
            },
          }
    }
    case 'EstablishmentPermitExtended':
      return f?.permit === undefined ? state : { status: 'none', founding: { ...f, permit: { ...f.permit, congressDueBy: event.data.congressDueBy, extendedOn: event.data.requestedOn } } }
    case 'EstablishmentPermitLapsed':
      return f === undefined ? state : { status: 'none', founding: { ...f, lapsedOn: event.data.lapsedOn } }
    default:
      return state
  }
}

export type OfficerEntry = Officer | { readonly memberId: string; readonly role: string; readonly relievedOn: IsoDate }

/**
 * Current and former officers, read from the log newest first: an election is current unless a
 * relief of the same member and role came after it, and then it ended on the nearest such relief.
 */
export const officersOf = (a: Existing): { current: Officer[]; former: FormerOfficer[] } => {
  const relievedOn = new Map<string, IsoDate>()
  const current: Officer[] = []
  const former: FormerOfficer[] = []
  for (let l = a.officerLog; l !== null; l = l.rest) {
    const e = l.head
    const key = `${e.memberId}\u0000${e.role}`
    if ('relievedOn' in e) relievedOn.set(key, e.relievedOn)
    else {
      const end = relievedOn.get(key)
      if (end === undefined) current.push(e)
      else former.push({ ...e, relievedOn: end })
    }
  }
  return { current: current.reverse(), former: former.reverse() }
}
