import type { Award, ReadModel } from './model.js'
import { dateOf } from './asOf.js'

export type CommendationsRow = {
  readonly movementId: string
  readonly title: string
  readonly ownerAssociationId: string
  readonly cycleStart: number
  readonly cycleEnd: number
  readonly launchedOn: string
  readonly status: 'active' | 'concluded'
  readonly concludedOn?: string
  readonly collectives: number
  readonly individuals: number
  /** By award date. */
  readonly awards: ReadonlyArray<Award>
}

/** Emulation movements launched by the date, with the commendations awarded by then. */
export const commendations = (m: ReadModel, q: { readonly movementId?: string; readonly asOf?: string } = {}): CommendationsRow[] => {
  const date = dateOf(q.asOf)
  const out: CommendationsRow[] = []
  for (const v of m.movements.values()) {
    if (v.launchedOn > date || (q.movementId !== undefined && v.movementId !== q.movementId)) continue
    const awards = v.awards.filter((a) => a.awardedOn <= date)
    const collectives = awards.filter((a) => a.recipient.kind === 'collective').length
    const concluded = v.concludedOn !== undefined && v.concludedOn <= date
    out.push({
      movementId: v.movementId,
      title: v.title,
      ownerAssociationId: v.ownerAssociationId,
      cycleStart: v.cycleStart,
      cycleEnd: v.cycleEnd,
      launchedOn: v.launchedOn,
      status: concluded ? 'concluded' : 'active',
      ...(concluded ? { concludedOn: v.concludedOn! } : {}),
      collectives,
      individuals: awards.length - collectives,
      awards,
    })
  }
  return out
}
