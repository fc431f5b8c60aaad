import type { ProjectionDefinition } from './changes.js'
import { associationsProjection } from './associations.js'
import { membersProjection } from './members.js'
import { clubsProjection } from './clubs.js'
import { targetsProjection } from './targets.js'
import { reportsProjection } from './reports.js'
import { movementsProjection } from './movements.js'
import { governanceProjection } from './governance.js'
import { unitsProjection } from './units.js'

export * from './changes.js'
export { associationsProjection, membersProjection, clubsProjection, targetsProjection, reportsProjection, movementsProjection, governanceProjection, unitsProjection }

/** Every table-backed projection; together their tables hold what the fold's ReadModel holds. */
export const projections: ReadonlyArray<ProjectionDefinition> = [
  associationsProjection,
  membersProjection,
  clubsProjection,
  targetsProjection,
  reportsProjection,
  movementsProjection,
  governanceProjection,
  unitsProjection,
]
