import type { AssociationRow, CommendationsRow, Governance } from '@hoi/projections'
import type { PublicGovernance } from '../openapi/view-results.js'

/** The registry as the public sees it: officers by role only, never by name. */
export const redactAssociation = (row: AssociationRow): unknown => (row === undefined ? undefined : { ...row, officers: row.officers.map((o) => ({ role: o.role })) })

/** Commendations as the public sees them: collectives by name, individuals counted but not named. */
export const redactCommendations = (rows: ReadonlyArray<CommendationsRow>): unknown =>
  rows.map((r) => ({
    ...r,
    awards: r.awards.map((a) => (a.recipient.kind === 'individual' ? { commendationId: a.commendationId, recipient: { kind: 'individual' }, form: a.form, awardedOn: a.awardedOn } : a)),
  }))

/** Governance as the public sees it: officer changes by role only, without who. */
export const redactGovernance = (g: Governance | undefined): PublicGovernance | undefined =>
  g === undefined ? undefined : { ...g, reportable: g.reportable.map((r) => (r.change === 'officer-elected' || r.change === 'officer-relieved' ? { on: r.on, change: r.change, role: r.role } : r)) }
