import type { ColumnType, Exists, ProjectionDefinition, RowChange, RowValue, ViewRow } from '@hoi/projections'
import type { SqlDriver, SqlValue, Stmt } from './driver.js'
import { tableName } from './schema.js'

/** Rows per multi-row INSERT: well under SQLite's 32,766 and PostgreSQL's 65,535 parameters. */
const ROWS_PER_INSERT = 200

const toSql = (t: ColumnType | undefined, v: RowValue): SqlValue => {
  if (v === undefined || v === null) return null
  if (t === 'json') return JSON.stringify(v)
  if (typeof v === 'boolean') return v ? 1 : 0
  if (typeof v === 'object') throw new Error(`an object for a ${t ?? 'unknown'} column`)
  return v
}

/** The row has exactly these columns (before `known_from`), in this order. */
const sameKeys = (cols: ReadonlyArray<string>, row: ViewRow): boolean => {
  let i = 0
  for (const k in row) if (cols[i++] !== k) return false
  return i === cols.length - 1
}

/**
 * Turns a projection's row changes into statements on the tables of one generation. Plain inserts
 * that follow each other into one table become multi-row INSERTs; conditional inserts and new
 * row versions are INSERT … SELECT and UPDATE, so the database never answers back mid-page.
 */
export class Compiler {
  private readonly stmts: Stmt[] = []
  private pending: { table: string; cols: string[]; params: SqlValue[] } | undefined

  constructor(private readonly dialect: SqlDriver['dialect'], private readonly def: ProjectionDefinition, private readonly generation: number) {}

  private name(table: string): string {
    if (!(table in this.def.tables)) throw new Error(`projection ${this.def.name} has no table ${table}`)
    return tableName(table, this.generation)
  }

  private readonly byTable = new Map<string, Map<string, ColumnType>>()

  private columns(table: string): Map<string, ColumnType> {
    let m = this.byTable.get(table)
    if (m === undefined) {
      this.name(table)
      m = new Map(Object.entries(this.def.tables[table]!.columns))
      this.byTable.set(table, m)
    }
    return m
  }

  private type(table: string, col: string): ColumnType {
    const t = this.def.tables[table]!.columns[col]
    if (t === undefined) throw new Error(`table ${table} of projection ${this.def.name} has no column ${col}`)
    return t
  }

  /** A parameter whose type PostgreSQL cannot infer (a SELECT without FROM). */
  private param(t: ColumnType | 'pos'): string {
    if (this.dialect === 'sqlite') return '?'
    return t === 'int' || t === 'bool' || t === 'pos' ? 'CAST(? AS BIGINT)' : 'CAST(? AS TEXT)'
  }

  private where(table: string, key: ViewRow, params: SqlValue[], alias = ''): string {
    const cols = Object.keys(key)
    for (const c of cols) params.push(toSql(this.type(table, c), key[c]))
    return cols.map((c) => `${alias}${c} = ?`).concat(`${alias}known_to IS NULL`).join(' AND ')
  }

  private exists(e: Exists, params: SqlValue[]): string {
    return `EXISTS (SELECT 1 FROM ${this.name(e.table)} WHERE ${this.where(e.table, e.key, params)})`
  }

  private flush(): void {
    const p = this.pending
    if (p === undefined) return
    this.pending = undefined
    const width = p.cols.length
    const one = `(${p.cols.map(() => '?').join(', ')})`
    const rows = p.params.length / width
    for (let i = 0; i < rows; i += ROWS_PER_INSERT) {
      const n = Math.min(ROWS_PER_INSERT, rows - i)
      const params = n === rows ? p.params : p.params.slice(i * width, (i + n) * width)
      this.stmts.push({ sql: `INSERT INTO ${this.name(p.table)} (${p.cols.join(', ')}) VALUES ${one}${`, ${one}`.repeat(n - 1)}`, params })
    }
  }

  /** Adds an event's change; throws (adding nothing) when the change names an unknown table or column. */
  add(c: RowChange, pos: number): void {
    if (c.op === 'insert' && c.when === undefined && c.unless === undefined) {
      // the hot path of a rebuild (one per admission): no arrays per row, types looked up once per table
      const types = this.columns(c.table)
      const row = c.row
      let p = this.pending
      if (p === undefined || p.table !== c.table || !sameKeys(p.cols, row)) {
        this.flush()
        p = this.pending = { table: c.table, cols: [...Object.keys(row), 'known_from'], params: [] }
      }
      // a bad value throws halfway: the runner rolls the compiler back to the event's start
      for (const k in row) {
        const t = types.get(k)
        if (t === undefined) throw new Error(`table ${c.table} of projection ${this.def.name} has no column ${k}`)
        p.params.push(toSql(t, row[k]))
      }
      p.params.push(pos)
      return
    }
    this.flush()
    const t = this.name(c.table)
    if (c.op === 'insert') {
      const cols = Object.keys(c.row)
      const params: SqlValue[] = cols.map((k) => toSql(this.type(c.table, k), c.row[k]))
      params.push(pos)
      const conds: string[] = []
      if (c.when !== undefined) conds.push(this.exists(c.when, params))
      if (c.unless !== undefined) conds.push(`NOT ${this.exists(c.unless, params)}`)
      const values = cols.map((k) => this.param(this.type(c.table, k))).concat(this.param('pos'))
      this.stmts.push({ sql: `INSERT INTO ${t} (${cols.join(', ')}, known_from) SELECT ${values.join(', ')} WHERE ${conds.join(' AND ')}`, params })
      return
    }
    if (c.op === 'close') {
      const params: SqlValue[] = [pos]
      this.stmts.push({ sql: `UPDATE ${t} SET known_to = ? WHERE ${this.where(c.table, c.key, params)}`, params })
      return
    }
    const setCols = Object.keys(c.set)
    if (setCols.length === 0) return
    const setVals = setCols.map((k) => toSql(this.type(c.table, k), c.set[k]))
    const current = (params: SqlValue[]): string => {
      let w = this.where(c.table, c.key, params)
      if (c.onlyIfNull !== undefined) w += ` AND ${c.onlyIfNull} IS NULL`
      if (c.last === true) w += ` AND ord = (SELECT max(ord) FROM ${t} WHERE ${this.where(c.table, c.key, params)}${c.onlyIfNull === undefined ? '' : ` AND ${c.onlyIfNull} IS NULL`})`
      return w
    }
    // a new version of the current row (unless this very event wrote it), then the old one is superseded
    const cols = Object.keys(this.def.tables[c.table]!.columns)
    const p1: SqlValue[] = []
    const select = cols.map((k) => {
      const i = setCols.indexOf(k)
      if (i < 0) return k
      p1.push(setVals[i]!)
      return this.param(this.type(c.table, k))
    })
    p1.push(pos)
    const w1 = current(p1)
    p1.push(pos)
    this.stmts.push({ sql: `INSERT INTO ${t} (${cols.join(', ')}, known_from) SELECT ${select.join(', ')}, ${this.param('pos')} FROM ${t} WHERE ${w1} AND known_from < ?`, params: p1 })
    const p2: SqlValue[] = [pos]
    const w2 = current(p2)
    p2.push(pos)
    this.stmts.push({ sql: `UPDATE ${t} SET known_to = ? WHERE ${w2} AND known_from < ?`, params: p2 })
    const p3: SqlValue[] = [...setVals]
    const w3 = current(p3)
    p3.push(pos)
    this.stmts.push({ sql: `UPDATE ${t} SET ${setCols.map((k) => `${k} = ?`).join(', ')} WHERE ${w3} AND known_from = ?`, params: p3 })
  }

  private mark: { stmts: number; pending: { table: string; cols: string[]; params: SqlValue[] } | undefined; params: number } | undefined

  /** Remembers where the statements stand, so that a change that cannot be compiled undoes the whole event. */
  checkpoint(): void {
    this.mark = { stmts: this.stmts.length, pending: this.pending, params: this.pending?.params.length ?? 0 }
  }

  rollback(): void {
    const m = this.mark
    if (m === undefined) return
    this.stmts.length = m.stmts
    this.pending = m.pending
    if (m.pending !== undefined) m.pending.params.length = m.params
  }

  finish(): Stmt[] {
    this.flush()
    return this.stmts
  }
}
