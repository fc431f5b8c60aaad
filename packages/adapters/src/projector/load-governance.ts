import type { GovernanceRecord, ReadModel } from '@hoi/projections'
import type { SqlValue } from './driver.js'
import { json, type Snapshot } from './snapshot.js'

/** The governance events of one association dated by `upTo`, in the fold's order (business date, then log position). */
export const loadGovernance = async (s: Snapshot, m: ReadModel, associationId: string, upTo: string): Promise<void> => {
  const p: SqlValue[] = []
  const known = s.known('g', p)
  p.push(associationId, upTo)
  const rows = await s.all<Record<string, unknown>>(
    `SELECT fact, valid_from, value FROM ${s.t('governance_facts')} g WHERE ${known} AND g.association_id = ? AND g.valid_from <= ? ORDER BY g.valid_from, g.known_from`,
    p,
  )
  // rows hold what the governance projection stored: each event's type and data as written
  m.governance.set(
    associationId,
    rows.map((r) => ({ on: r['valid_from'] as string, value: { type: r['fact'], data: json(r['value']) } as GovernanceRecord })),
  )
}
