import type { SqlDriver, SqlValue } from './driver.js'

/**
 * The views as of one log position: the live generation of every table, and the record-time
 * cutoff that every row version is filtered by (at most the lowest checkpoint, so the views of
 * different projections agree with one another).
 */
export class Snapshot {
  constructor(
    readonly driver: SqlDriver,
    private readonly tables: ReadonlyMap<string, string>,
    readonly cutoff: number,
  ) {}

  t(table: string): string {
    const name = this.tables.get(table)
    if (name === undefined) throw new Error(`no view table ${table}`)
    return name
  }

  /** The row versions known at the cutoff, for the table aliased `alias`. */
  known(alias: string, params: SqlValue[]): string {
    params.push(this.cutoff, this.cutoff)
    return `(${alias}.known_from <= ? AND (${alias}.known_to IS NULL OR ${alias}.known_to > ?))`
  }

  all<T = Record<string, unknown>>(sql: string, params: ReadonlyArray<SqlValue>): Promise<T[]> {
    return this.driver.all<T>(sql, params)
  }
}

/** `col IN (?, ?, …)` over ids, or a condition that matches nothing for none. */
export const inList = (col: string, ids: ReadonlyArray<string>, params: SqlValue[]): string => {
  if (ids.length === 0) return '1 = 0'
  params.push(...ids)
  return `${col} IN (${ids.map(() => '?').join(', ')})`
}

/** Area codes nest by segment: the area itself and every code below it (indexable prefix match). */
export const inAreaSql = (col: string, area: string | undefined, params: SqlValue[]): string => {
  if (area === undefined) return '1 = 1'
  params.push(area, `${area}.`, `${area}/`)
  // '/' sorts right after '.', so the range holds exactly the codes that start with `${area}.`
  return `(${col} = ? OR (${col} >= ? AND ${col} < ?))`
}

export const json = <T>(v: unknown): T => (v === null || v === undefined ? (undefined as T) : (JSON.parse(v as string) as T))
export const opt = <T>(v: T | null | undefined): T | undefined => (v === null ? undefined : v)
