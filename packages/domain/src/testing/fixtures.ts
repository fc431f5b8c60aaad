import type { Event as AssociationEvent } from '../association/events.js'
import { regimeFor, type AssociationKind, type Scope } from '../policy.js'

/** An `AssociationFounded` event with plausible defaults, for specs. */
export const founded = (o: { associationId: string; kind?: AssociationKind; scope?: Scope; areaCode?: string; foundedOn?: string; parentId?: string; name?: string }): AssociationEvent => {
  const kind = o.kind ?? 'elderly'
  const foundedOn = o.foundedOn ?? '2015-05-01'
  return {
    type: 'AssociationFounded',
    data: {
      associationId: o.associationId,
      name: o.name ?? `Hội ${o.associationId}`,
      kind,
      regime: regimeFor(kind, foundedOn),
      scope: o.scope ?? 'province',
      areaCode: o.areaCode ?? '12',
      foundedOn,
      foundingMembers: 120,
      flags: [],
      ...(o.parentId === undefined ? {} : { parentId: o.parentId }),
    },
  } as unknown as AssociationEvent
}

/** Builds events or commands of one type union from loose records, for specs that write them by hand. */
export const loose =
  <T extends { readonly type: string }>() =>
  (type: T['type'], data: Record<string, unknown>): T =>
    ({ type, data }) as unknown as T
