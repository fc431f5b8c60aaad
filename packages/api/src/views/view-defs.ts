import * as t from 'io-ts'
import { Association, Club, Id, IsoDate, Member, Period, strict, strictPartial } from '@hoi/domain'
import type { ViewReader } from '@hoi/adapters'
import { AssociationStatus, ClubStatus, Geography, RecordedAsOf, RegimeScope, ReportStatus, SearchText, geographyDate, paging, qBool, qInt } from './query-codecs.js'
import { redactAssociation, redactCommendations, redactGovernance } from './redact.js'

/** What a view is run with: its decoded path and query (paging taken off), and today's date for the views that default to it. */
export type ViewInput<Params = Record<string, unknown>, Query = Record<string, unknown>> = { readonly params: Params; readonly query: Query; readonly today: string }

/**
 * One view, as both faces serve it: HTTP (path parameters and query string) and the CLI (positional
 * arguments in the order of `params`, and one `--kebab-case` flag per query parameter), decoded by the
 * same codecs. Erased to this shape by `view`, which is where the decoded input meets its type.
 */
export type ViewDef = {
  readonly name: string
  readonly summary: string
  /** path parameters, in the order the CLI takes them */
  readonly params: t.Props
  readonly paramsCodec: t.Type<Record<string, unknown>, unknown, unknown>
  /** query parameters (paging included for lists) */
  readonly queryProps: t.Props
  /** the query's codec: unknown parameters are refused */
  readonly query: t.Type<Record<string, unknown>, unknown, unknown>
  /** lists are paged with limit/offset */
  readonly paged: boolean
  /** undefined → 404 */
  readonly run: (v: ViewReader, input: ViewInput) => Promise<unknown>
  /** what the anonymous public may see of the result */
  readonly redact?: (result: unknown) => unknown
  /** the association whose personal data this reads: clerks only within their scope */
  readonly personalOf?: (input: ViewInput) => string
}

type Decoded<Props extends t.Props> = t.TypeOf<t.TypeC<Props>>
type Typed<PP extends t.Props, QP extends t.Props, R> = {
  readonly summary: string
  readonly params: PP
  readonly query: QP
  readonly paged: boolean
  readonly run: (v: ViewReader, input: ViewInput<Decoded<PP>, Partial<Decoded<QP>>>) => Promise<R | undefined>
  readonly redact?: (result: R) => unknown
  readonly personalOf?: (input: ViewInput<Decoded<PP>, Partial<Decoded<QP>>>) => string
}

/** Every view can be asked as the log stood at a record time. */
const recordTime = { recordedAsOf: RecordedAsOf }
const asOf = { asOf: IsoDate, ...recordTime }
const title = (name: string) => name.replace(/(^|-)([a-z])/gu, (_, __, c: string) => c.toUpperCase())

const view = <PP extends t.Props, QP extends t.Props, R>(name: string, d: Typed<PP, QP, R>): ViewDef => {
  const queryProps: t.Props = d.paged ? { ...d.query, ...paging } : d.query
  // the one place the erased input meets its type: it was decoded by exactly these codecs
  type In = ViewInput<Decoded<PP>, Partial<Decoded<QP>>>
  const typed = (input: ViewInput): In => {
    const { limit: _limit, offset: _offset, ...query } = input.query
    return { params: input.params, query, today: input.today } as In
  }
  const personalOf = d.personalOf
  const redact = d.redact
  return {
    name,
    summary: d.summary,
    params: d.params,
    queryProps,
    paged: d.paged,
    paramsCodec: strict(d.params, `${title(name)}Path`) as t.Type<Record<string, unknown>, unknown, unknown>,
    query: strictPartial({}, queryProps, `${title(name)}Query`),
    run: (v, input) => d.run(v, typed(input)),
    ...(redact === undefined ? {} : { redact: (r: unknown) => redact(r as R) }),
    ...(personalOf === undefined ? {} : { personalOf: (input: ViewInput) => personalOf(typed(input)) }),
  }
}

const registryQuery = {
  ...asOf,
  kind: Association.AssociationKind,
  scope: Association.Scope,
  parentId: Id,
  areaCode: Association.AreaCode,
  geography: Geography,
  status: AssociationStatus,
  special: qBool,
}
const meetings = { ...asOf, associationId: Id, includeDescendants: qBool }
/** Only the defined value: an optional property absent stays absent. */
const geographyOf = (g: string | undefined, today: string) => {
  const on = geographyDate(g, today)
  return on === undefined ? {} : { geography: on }
}

const defs: ReadonlyArray<ViewDef> = [
  view('registry', {
    summary:
      'Associations: kind, scope, area, parent, status, special, staff quota, current term, members. areaCode takes in the areas merged into it by the date of geography=today (or a date; default: asOf)',
    params: {},
    query: registryQuery,
    paged: true,
    run: (v, { query: { geography, ...query }, today }) => v.registry({ ...query, ...geographyOf(geography, today) }),
    redact: (rows) => rows.map(redactAssociation),
  }),
  view('association', {
    summary: 'One association as of a date',
    params: { associationId: Id },
    query: asOf,
    paged: false,
    run: (v, { params, query }) => v.association(params.associationId, query),
    redact: redactAssociation,
  }),
  view('governance', {
    summary:
      'Headquarters, charter, branches and cells, extraordinary-congress requests, congress notices, pending complaints, changes reportable to the authority and flags of one association (R16–R18, R20, R25, R27)',
    params: { associationId: Id },
    query: asOf,
    paged: false,
    run: (v, { params, query }) => v.governance(params.associationId, query),
    redact: redactGovernance,
  }),
  view('roster', {
    summary: 'Active members of an association (personal data: never public)',
    params: { associationId: Id },
    query: { ...asOf, includeDescendants: qBool, category: Member.MemberCategory, search: SearchText },
    paged: true,
    run: (v, { params, query }) => v.roster(params.associationId, query),
    personalOf: ({ params }) => params.associationId,
  }),
  view('statistics', {
    summary:
      "Statistics for a year (default: this year): associations, special, founded, members, clubs by scope. Counts the decree-regime associations by default (regime=decree); regime=all adds the socio-political bodies under their own charter, regime=own-charter counts only them. geography=today (or a date) places each area in the administrative units of that date, so areas merged by then count under the unit they went into (default: the units of the figures' date)",
    params: {},
    query: { year: qInt('year', 1900, 2199), areaCode: Association.AreaCode, regime: RegimeScope, geography: Geography, ...asOf },
    paged: false,
    run: (v, { query: { geography, ...query }, today }) => v.statistics({ ...query, ...geographyOf(geography, today), year: query.year ?? Number(today.slice(0, 4)) }),
  }),
  view('clubs', {
    summary: 'Clubs by host, area, programme, model and status, with composition flags. areaCode takes in the areas merged into it by the date of geography=today (or a date; default: asOf)',
    params: {},
    query: { ...asOf, hostAssociationId: Id, areaCode: Association.AreaCode, geography: Geography, programme: Club.ClubProgramme, model: Club.ClubModel, status: ClubStatus },
    paged: true,
    run: (v, { query: { geography, ...query }, today }) => v.clubs({ ...query, ...geographyOf(geography, today) }),
  }),
  view('clubs-by-area', {
    summary: 'Open clubs grouped by area (depth 2 = district); geography=today (or a date) groups them by the administrative units of that date (default: those of asOf)',
    params: {},
    query: { ...asOf, areaCode: Association.AreaCode, depth: qInt('depth', 1, 4), geography: Geography },
    paged: false,
    run: (v, { query: { geography, ...query }, today }) => v.clubsByArea({ ...query, ...geographyOf(geography, today) }),
  }),
  view('units', {
    summary: 'Administrative units in force on a date (default: today) as a tree, province → district (until 2025-07-01) → commune, with their names on that date and the units merged into them',
    params: {},
    query: { ...asOf, areaCode: Association.AreaCode },
    paged: false,
    run: (v, { query, today }) => v.units({ ...query, asOf: query.asOf ?? today }),
  }),
  view('targets', {
    summary: 'Progress of every target (asOf defaults to today)',
    params: {},
    query: { ...asOf, ownerAssociationId: Id },
    paged: true,
    run: (v, { query, today }) => v.targets({ ...query, asOf: query.asOf ?? today }),
  }),
  view('target', {
    summary: 'Progress of one target: series, milestones, status (asOf defaults to today)',
    params: { targetId: Id },
    query: asOf,
    paged: false,
    run: (v, { params, query, today }) => v.targetProgress(params.targetId, { ...query, asOf: query.asOf ?? today }),
  }),
  view('rollup', {
    summary: 'Report roll-up of an association and everything below it for a period (R31)',
    params: { associationId: Id, period: Period },
    query: asOf,
    paged: false,
    run: (v, { params, query }) => v.reportRollup({ ...query, associationId: params.associationId, period: params.period }),
  }),
  view('reports', {
    summary: 'Submitted reports with their latest figures',
    params: {},
    query: { ...asOf, period: Period, associationId: Id, includeDescendants: qBool, status: ReportStatus },
    paged: true,
    run: (v, { query }) => v.reports(query),
  }),
  view('completeness', {
    summary:
      'Who owes a report for the period and where each stands (R19, R35), per root and with the annual report as its own list; asOf defaults to today. areaCode counts only the associations in that area, taking in the areas merged into it by the date of geography=today (or a date; default: asOf)',
    params: { period: Period },
    query: { ...asOf, rootId: Id, areaCode: Association.AreaCode, geography: Geography },
    paged: false,
    run: (v, { params, query: { geography, ...query }, today }) => v.completeness({ ...query, ...geographyOf(geography, today), period: params.period, asOf: query.asOf ?? today }),
  }),
  view('commendations', {
    summary: 'Emulation movements and their commendations (individual names only with a token)',
    params: {},
    query: { ...asOf, movementId: Id },
    paged: true,
    run: (v, { query }) => v.commendations(query),
    redact: redactCommendations,
  }),
  view('congress-watch', {
    summary: 'Terms ending soon and congresses overdue (R14); asOf defaults to today',
    params: {},
    query: { ...asOf, withinMonths: qInt('withinMonths', 1, 60) },
    paged: false,
    run: (v, { query, today }) => v.congressWatch({ ...query, asOf: query.asOf ?? today }),
  }),
  view('foundings', {
    summary:
      'Associations in their founding procedure: committee recognised, permitted with the founding congress deadline and whether it is overdue, or lapsed (R4, R5). areaCode takes in the areas merged into it by the date of geography=today (or a date; default: asOf)',
    params: {},
    query: { ...asOf, areaCode: Association.AreaCode, geography: Geography },
    paged: false,
    run: (v, { query: { geography, ...query }, today }) => v.foundings({ ...query, ...geographyOf(geography, today) }),
  }),
  view('conferences', {
    summary: 'Review, training and deployment conferences of an association (and those below it), by date',
    params: {},
    query: { ...meetings, kind: Association.ConferenceKind },
    paged: true,
    run: (v, { query }) => v.conferences(query),
  }),
  view('resolutions', {
    summary: 'Congress resolutions with their targets, key tasks and programmes, by date',
    params: {},
    query: meetings,
    paged: true,
    run: (v, { query }) => v.resolutions(query),
  }),
]

/** Every view by name (a Map: names come from requests and argv). */
export const viewDefs: ReadonlyMap<string, ViewDef> = new Map(defs.map((d) => [d.name, d]))
export const viewNames: ReadonlyArray<string> = defs.map((d) => d.name)
