import {
  AdminUnit,
  Association,
  Claim,
  Club,
  Member,
  Movement,
  Report,
  Target,
  aggregateOfEvent,
  occurredOnField,
  regimeFor,
  type AssociationKind,
  type DomainEvent,
  type EventType,
} from '@hoi/domain'
import type { Recorded } from '../model.js'

/** Loose event data for specs: branded fields (Name, IsoDate, Id) are plain strings here. */
export type LooseData = Readonly<Record<string, unknown>>

const streamOf = (type: EventType, d: LooseData): string => {
  switch (aggregateOfEvent[type]) {
    case 'association':
      return Association.streamId(String(d['associationId']))
    case 'member':
      return Member.streamId(String(d['memberId']))
    case 'club':
      return Club.streamId(String(d['clubId']))
    case 'target':
      return Target.streamId(String(d['targetId']))
    case 'report':
      return Report.streamId(String(d['associationId']), String(d['period']))
    case 'movement':
      return Movement.streamId(String(d['movementId']))
    case 'unit':
      return AdminUnit.streamId(String(d['unitId']))
    case 'claim':
      return Claim.streamId(String(d['claimId']))
  }
}

/** A recorded event as a store would deliver it, for folding in specs. */
export const recorded = (type: EventType, data: LooseData, o: { position: number; occurredOn?: string; streamId?: string; revision?: number }): Recorded => {
  const occurredOn = o.occurredOn ?? String(data[occurredOnField[type]])
  return {
    eventId: `e-${o.position}`,
    type,
    schemaVersion: 1,
    streamId: o.streamId ?? streamOf(type, data),
    revision: o.revision ?? 0,
    position: o.position,
    data: data as unknown as DomainEvent['data'],
    metadata: { occurredOn, recordedAt: `${occurredOn}T00:00:00.000Z`, actor: 'spec', commandId: `c-${o.position}`, correlationId: `c-${o.position}`, causationId: `c-${o.position}` },
  } as Recorded
}

/** Numbers events 1, 2, 3… in the order given. */
export const log = (...events: ReadonlyArray<readonly [EventType, LooseData]>): Recorded[] => events.map(([type, data], i) => recorded(type, data, { position: i + 1 }))

/** Builds a log step by step, numbering positions from `from`. */
export const logBuilder = (from = 1) => {
  const events: Recorded[] = []
  const add = (type: EventType, data: LooseData): Recorded => {
    const e = recorded(type, data, { position: from + events.length })
    events.push(e)
    return e
  }
  return { events, add }
}

/** Event builders with plausible defaults, to keep specs to what they test. */
export const ev = {
  founded: (associationId: string, o: { scope?: string; areaCode?: string; parentId?: string; foundedOn?: string; kind?: AssociationKind; name?: string } = {}) =>
    [
      'AssociationFounded',
      {
        associationId,
        name: o.name ?? `Hội ${associationId}`,
        kind: o.kind ?? 'elderly',
        regime: regimeFor(o.kind ?? 'elderly', o.foundedOn ?? '2010-01-01'),
        scope: o.scope ?? 'province',
        areaCode: o.areaCode ?? '12',
        foundedOn: o.foundedOn ?? '2010-01-01',
        foundingMembers: 50,
        flags: [],
        ...(o.parentId === undefined ? {} : { parentId: o.parentId }),
      },
    ] as const,
  admitted: (memberId: string, associationId: string, admittedOn: string, o: { fullName?: string; category?: string; gender?: string; birthDate?: string } = {}) =>
    [
      'MemberAdmitted',
      {
        memberId,
        associationId,
        personId: `p-${memberId}`,
        fullName: o.fullName ?? `Nguyễn Văn ${memberId}`,
        birthDate: o.birthDate ?? '1950-01-01',
        gender: o.gender ?? 'male',
        category: o.category ?? 'official',
        admittedOn,
        flags: [],
      },
    ] as const,
  launched: (clubId: string, launchedOn: string, o: { areaCode?: string; model?: string; host?: string; programme?: string; total?: number } = {}) =>
    [
      'ClubLaunched',
      {
        clubId,
        name: `CLB ${clubId}`,
        model: o.model ?? 'ishc',
        hostAssociationId: o.host ?? 'nct',
        areaCode: o.areaCode ?? '12.105.03',
        launchedOn,
        programme: o.programme ?? '1336',
        roster: { total: o.total ?? 60, older: 40, women: 40, homeCareVolunteers: 6 },
        flags: [],
      },
    ] as const,
  submitted: (associationId: string, period: string, submittedOn: string, indicators: Record<string, number>, o: { dueOn?: string; late?: boolean } = {}) =>
    ['ReportSubmitted', { associationId, period, submittedOn, indicators, dueOn: o.dueOn ?? '2023-10-15', late: o.late ?? false }] as const,
}
