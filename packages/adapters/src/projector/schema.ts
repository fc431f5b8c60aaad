import type { ColumnType, ProjectionDefinition, TableSpec } from '@hoi/projections'
import type { SqlDriver } from './driver.js'

export const PROJECTIONS_TABLE = 'hoi_projections'
export const PARKED_TABLE = 'hoi_parked'

/** A view table of one generation: a rebuild fills the next generation while this one serves. */
export const tableName = (table: string, generation: number): string => `hv_${table}_g${generation}`

/** Text compares byte by byte on both (PostgreSQL's "C" collation), so date and area-code ranges mean the same. */
const sqlType = (dialect: SqlDriver['dialect'], t: ColumnType): string =>
  dialect === 'sqlite' ? (t === 'int' || t === 'bool' ? 'INTEGER' : 'TEXT') : t === 'int' || t === 'bool' ? 'BIGINT' : 'TEXT COLLATE "C"'

export const metaDdl = (dialect: SqlDriver['dialect']): string => {
  const int = dialect === 'sqlite' ? 'INTEGER' : 'BIGINT'
  return `
CREATE TABLE IF NOT EXISTS ${PROJECTIONS_TABLE} (
  name TEXT PRIMARY KEY, version ${int} NOT NULL, position ${int} NOT NULL, state TEXT NOT NULL, generation ${int} NOT NULL,
  next_generation ${int}, next_version ${int}, next_position ${int}
);
CREATE TABLE IF NOT EXISTS ${PARKED_TABLE} (
  position ${int} NOT NULL, projection TEXT NOT NULL, generation ${int} NOT NULL, stream_id TEXT NOT NULL, type TEXT NOT NULL,
  reason TEXT NOT NULL, parked_at TEXT NOT NULL, PRIMARY KEY (projection, generation, position)
);`
}

/** Each row version: known from the position that wrote it until the one that superseded it (NULL: current). */
const tableDdl = (dialect: SqlDriver['dialect'], name: string, spec: TableSpec): string[] => {
  const int = dialect === 'sqlite' ? 'INTEGER' : 'BIGINT'
  const cols = Object.entries(spec.columns).map(([c, t]) => `${c} ${sqlType(dialect, t)}`)
  const out = [`CREATE TABLE ${name} (${cols.join(', ')}, known_from ${int} NOT NULL, known_to ${int})`]
  if (spec.key !== undefined) out.push(`CREATE INDEX ${name}_k ON ${name} (${spec.key.join(', ')}, known_to)`)
  return out
}

/** A new generation's tables, with only the key indexes the changes need while it fills. */
export const createTables = (dialect: SqlDriver['dialect'], def: ProjectionDefinition, generation: number): string[] =>
  Object.entries(def.tables).flatMap(([t, spec]) => [`DROP TABLE IF EXISTS ${tableName(t, generation)}`, ...tableDdl(dialect, tableName(t, generation), spec)])

/** The readers' indexes, built once the bulk load is done (cheaper than keeping them up row by row). */
export const createIndexes = (def: ProjectionDefinition, generation: number): string[] =>
  Object.entries(def.tables).flatMap(([t, spec]) => spec.indexes.map((ix, i) => `CREATE INDEX IF NOT EXISTS ${tableName(t, generation)}_i${i} ON ${tableName(t, generation)} (${ix.join(', ')})`))

export const dropTables = (def: ProjectionDefinition, generation: number): string[] => Object.keys(def.tables).map((t) => `DROP TABLE IF EXISTS ${tableName(t, generation)}`)
