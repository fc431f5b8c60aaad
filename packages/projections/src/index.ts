/**
 * @hoi/projections: one read model folded from the whole log (`emptyModel`, `apply`, `applyAll`)
 * and pure queries over it. Every query reads business dates: `asOf` (YYYY-MM-DD, inclusive)
 * defaults to everything known; nothing here reads a clock.
 */
export type {
  ReadModel,
  Recorded,
  Dated,
  GovernanceRecord,
  AssociationState,
  FoundingState,
  AssociationStatus,
  MemberState,
  MemberChange,
  ClubState,
  UnitState,
  TargetState,
  ReportState,
  ReportStatus,
  MovementState,
} from './model.js'
export type { MemberIndex } from './members.js'
export { emptyModel, governanceTypes } from './model.js'
export { apply, applyAll } from './fold.js'
export { descendants } from './asOf.js'
export { registry, association, type AssociationRow, type RegistryQuery, type Officer, type Term, type MemberCount } from './registry.js'
export { restructuringWatch, type AwaitingReorganisation } from './restructuring.js'
export { roster, type MemberRow, type RosterQuery } from './roster.js'
export { statistics, type MemberFigures, type Statistics, type StatisticsQuery, type ByScope, type RegimeFilter } from './statistics.js'
export { clubs, clubsByArea, type ClubRow, type ClubsQuery, type ClubsByAreaRow, type ClubsByAreaQuery, type ClubStatus } from './clubs.js'
export { units, areaFilter, geographyAt, mergedIntoArea, unitContaining, unitInForce, type UnitRow, type UnitsQuery, type AreaFilterQuery, type Geography, type AbolishedLevels } from './units.js'
export { targets, targetProgress, statusOf, AT_RISK_FLOOR, type TargetProgress, type TargetStatus, type MilestoneProgress } from './targets.js'
export { reportRollup, reports, owesReport, type ReportRollup, type ReportRow, type RollupRow, type RollupStatus, type ChildTotals, type ReportsQuery } from './reports.js'
export { completeness, completenessStatuses, type Completeness, type CompletenessList, type CompletenessQuery, type CompletenessRow, type CompletenessStatus, type Counts } from './completeness.js'
export type { IndicatorValue, Aggregation } from './indicators.js'
export { commendations, type CommendationsRow } from './commendations.js'
export {
  congressWatch,
  foundings,
  type FoundingsQuery,
  overdueStage,
  FIRST_CONGRESS_WORKING_DAYS,
  type CongressWatch,
  type CongressWatchRow,
  type FirstCongressRow,
  type OverdueStage,
  type FoundingRow,
  type FoundingStage,
} from './congress.js'
export { conferences, resolutions, type ConferenceRow, type ResolutionRow, type ConferencesQuery, type MeetingsQuery } from './meetings.js'
export { carriedDuplicates, carriedFrom, dissolvedBy, heirOn, inArea } from './asOf.js'
export { governance, type Governance, type BranchRow, type NoticeRow, type ReportableChange, type GovernanceFlag } from './governance.js'
export { MemberIndex as MemberIndexClass } from './members.js'
export {
  projections,
  associationsProjection,
  membersProjection,
  clubsProjection,
  targetsProjection,
  reportsProjection,
  movementsProjection,
  governanceProjection,
  unitsProjection,
  CannotApply,
  insert as insertRow,
  update as updateRow,
  close as closeRows,
  type ProjectionDefinition,
  type RowChange,
  type TableSpec,
  type ColumnType,
  type Value as RowValue,
  type Row as ViewRow,
  type Exists,
} from './tables/index.js'
export type { MemberDeltas } from './metrics.js'
