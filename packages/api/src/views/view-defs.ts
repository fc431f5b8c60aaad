import * as t from 'io-ts'
import { Association, Club, Id, IsoDate, Member, Period, strictPartial } from '@hoi/domain'
import * as P from '@hoi/projections'
import { AssociationStatus, ClubStatus, ReportStatus, SearchText, paging, qBool, qInt } from './query-codecs.js'
import { redactAssociation, redactCommendations } from './redact.js'

/** What a view is run with: the decoded path and query, and today's date for views that default to it. */
export type ViewInput = { readonly params: Record<string, unknown>; readonly query: Record<string, unknown>; readonly today: string }

export type ViewDef = {
  readonly name: string
  readonly summary: string
  /** path parameters and their codecs */
  readonly params: t.Props
  /** the query's codec (unknown parameters are refused) */
  readonly query: t.Mixed
  /** lists are paged with limit/offset */
  readonly paged: boolean
  /** undefined → 404 */
  readonly run: (m: P.ReadModel, input: ViewInput) => unknown
  /** what the anonymous public may see of the result */
  readonly redact?: (result: unknown) => unknown
  /** the association whose personal data this reads: clerks only within their scope */
  readonly personalOf?: (input: ViewInput) => string
}

const q = (name: string, optional: t.Props, paged: boolean) => strictPartial({}, paged ? { ...optional, ...paging } : optional, `${name}Query`)
const asOf = { asOf: IsoDate }
const s = (x: unknown): string | undefined => x as string | undefined

const registryQuery = { ...asOf, kind: Association.AssociationKind, scope: Association.Scope, parentId: Id, areaCode: Association.AreaCode, status: AssociationStatus, special: qBool }

export const viewDefs: Readonly<Record<string, ViewDef>> = {
  registry: {
    name: 'registry', summary: 'Associations: kind, scope, area, parent, status, special, staff quota, current term, members', params: {},
    query: q('Registry', registryQuery, true), paged: true,
    run: (m, { query }) => P.registry(m, query as P.RegistryQuery),
    redact: (rows) => (rows as P.AssociationRow[]).map(redactAssociation),
  },
  association: {
    name: 'association', summary: 'One association as of a date', params: { associationId: Id },
    query: q('Association', asOf, false), paged: false,
    run: (m, { params, query }) => P.association(m, params.associationId as string, s(query.asOf)),
    redact: (row) => redactAssociation(row as P.AssociationRow),
  },
  roster: {
    name: 'roster', summary: 'Active members of an association (personal data: never public)', params: { associationId: Id },
    query: q('Roster', { ...asOf, includeDescendants: qBool, category: Member.MemberCategory, search: SearchText }, true), paged: true,
    run: (m, { params, query }) => (m.associations.has(params.associationId as string) ? P.roster(m, params.associationId as string, query as P.RosterQuery) : undefined),
    personalOf: ({ params }) => params.associationId as string,
  },
  statistics: {
    name: 'statistics', summary: 'Province statistics for a year: associations, special, founded, members, clubs by scope', params: {},
    query: q('Statistics', { year: qInt('year', 1900, 2199), areaCode: Association.AreaCode, ...asOf }, false), paged: false,
    run: (m, { query, today }) => P.statistics(m, { year: (query.year as number | undefined) ?? Number(today.slice(0, 4)), ...(query.areaCode === undefined ? {} : { areaCode: s(query.areaCode)! }), ...(query.asOf === undefined ? {} : { asOf: s(query.asOf)! }) }),
  },
  clubs: {
    name: 'clubs', summary: 'Clubs by host, area, programme, model and status, with composition flags', params: {},
    query: q('Clubs', { ...asOf, hostAssociationId: Id, areaCode: Association.AreaCode, programme: Club.ClubProgramme, model: Club.ClubModel, status: ClubStatus }, true), paged: true,
    run: (m, { query }) => P.clubs(m, query as P.ClubsQuery),
  },
  'clubs-by-area': {
    name: 'clubs-by-area', summary: 'Open clubs grouped by area (depth 2 = district)', params: {},
    query: q('ClubsByArea', { ...asOf, areaCode: Association.AreaCode, depth: qInt('depth', 1, 4) }, false), paged: false,
    run: (m, { query }) => P.clubsByArea(m, query as { asOf?: string; areaCode?: string; depth?: number }),
  },
  targets: {
    name: 'targets', summary: 'Progress of every target (asOf defaults to today)', params: {},
    query: q('Targets', { ...asOf, ownerAssociationId: Id }, true), paged: true,
    run: (m, { query, today }) => P.targets(m, { asOf: s(query.asOf) ?? today, ...(query.ownerAssociationId === undefined ? {} : { ownerAssociationId: s(query.ownerAssociationId)! }) }),
  },
  target: {
    name: 'target', summary: 'Progress of one target: series, milestones, status (asOf defaults to today)', params: { targetId: Id },
    query: q('Target', asOf, false), paged: false,
    run: (m, { params, query, today }) => P.targetProgress(m, params.targetId as string, s(query.asOf) ?? today),
  },
  rollup: {
    name: 'rollup', summary: 'Report roll-up of an association and everything below it for a period (R31)', params: { associationId: Id, period: Period },
    query: q('Rollup', asOf, false), paged: false,
    run: (m, { params, query }) =>
      m.associations.has(params.associationId as string)
        ? P.reportRollup(m, { associationId: params.associationId as string, period: params.period as string, ...(query.asOf === undefined ? {} : { asOf: s(query.asOf)! }) })
        : undefined,
  },
  reports: {
    name: 'reports', summary: 'Submitted reports with their latest figures', params: {},
    query: q('Reports', { ...asOf, period: Period, associationId: Id, includeDescendants: qBool, status: ReportStatus }, true), paged: true,
    run: (m, { query }) => P.reports(m, query as P.ReportsQuery),
  },
  commendations: {
    name: 'commendations', summary: 'Emulation movements and their commendations (individual names only with a token)', params: {},
    query: q('Commendations', { ...asOf, movementId: Id }, true), paged: true,
    run: (m, { query }) => P.commendations(m, query as { movementId?: string; asOf?: string }),
    redact: (rows) => redactCommendations(rows as P.CommendationsRow[]),
  },
  'congress-watch': {
    name: 'congress-watch', summary: 'Terms ending soon and congresses overdue (R14); asOf defaults to today', params: {},
    query: q('CongressWatch', { ...asOf, withinMonths: qInt('withinMonths', 1, 60) }, false), paged: false,
    run: (m, { query, today }) => P.congressWatch(m, { asOf: s(query.asOf) ?? today, ...(query.withinMonths === undefined ? {} : { withinMonths: query.withinMonths as number }) }),
  },
}
