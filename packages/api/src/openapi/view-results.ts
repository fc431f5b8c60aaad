import type * as P from '@hoi/projections'

/** An association as the anonymous public sees it (redact.ts): officers by role only. */
export type PublicAssociationRow = Omit<P.AssociationRow, 'officers'> & { readonly officers: ReadonlyArray<{ readonly role: P.AssociationRow['officers'][number]['role'] }> }

type Award = P.CommendationsRow['awards'][number]
/** Commendations as the anonymous public sees them: individuals counted, not named. */
export type PublicCommendationsRow = Omit<P.CommendationsRow, 'awards'> & {
  readonly awards: ReadonlyArray<
    Award | { readonly commendationId: Award['commendationId']; readonly recipient: { readonly kind: 'individual' }; readonly form: Award['form']; readonly awardedOn: Award['awardedOn'] }
  >
}

type Reportable = P.Governance['reportable'][number]
/** Governance as the anonymous public sees it: officers' changes by role, not by name. */
export type PublicGovernance = Omit<P.Governance, 'reportable'> & {
  readonly reportable: ReadonlyArray<
    Exclude<Reportable, { readonly change: 'officer-elected' | 'officer-relieved' }> | { readonly on: string; readonly change: 'officer-elected' | 'officer-relieved'; readonly role: string }
  >
}

/**
 * What each view answers (a row of it for the paged lists), by view name: the source of the
 * OpenAPI response schemas (`pnpm gen:view-schemas` writes view-schemas.generated.ts from it).
 * The views' own signatures (ViewReader) are checked against it in view-defs.ts.
 */
export type ViewResults = {
  registry: P.AssociationRow | PublicAssociationRow
  association: P.AssociationRow | PublicAssociationRow
  roster: P.MemberRow
  statistics: P.Statistics
  clubs: P.ClubRow
  'clubs-by-area': P.ClubsByAreaRow[]
  units: P.UnitRow[]
  targets: P.TargetProgress
  target: P.TargetProgress
  rollup: P.ReportRollup
  reports: P.ReportRow
  completeness: P.Completeness
  commendations: P.CommendationsRow | PublicCommendationsRow
  'congress-watch': P.CongressWatch
  foundings: P.FoundingRow[]
  conferences: P.ConferenceRow
  resolutions: P.ResolutionRow
  governance: P.Governance | PublicGovernance
}
