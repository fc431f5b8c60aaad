import type { ColumnType, Exists, ProjectionDefinition, RowChange, RowValue, ViewRow } from '@hoi/projections'
import type { SqlDriver, SqlValue, Stmt } from './driver.js'
import { tableName } from './schema.js'

/**
 * Rows per multi-row INSERT: well under SQLite's 32,766 and PostgreSQL's 65,535 parameters. A batch
 * is cut into powers of two up to this, so a table needs at most nine distinct statements (each
 * prepared once and reused) whatever the page holds.
 */
const ROWS_PER_INSERT = 256

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
type Pending = { readonly table: string; readonly cols: string[]; readonly params: SqlValue[] }

export class Compiler {
  private readonly stmts: Stmt[] = []
  /**
   * Plain inserts waiting, per table: they are written when a change that reads or writes the same
   * table's rows comes (or at the end of the page), so changes to other tables in between do not
   * cut the batch.
   */
  private pending = new Map<string, Pending>()

  constructor(
    private readonly dialect: SqlDriver['dialect'],
    private readonly def: ProjectionDefinition,
    private readonly generation: number,
  ) {}

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
    return cols
      .map((c) => `${alias}${c} = ?`)
      .concat(`${alias}known_to IS NULL`)
      .join(' AND ')
  }

  private exists(e: Exists, params: SqlValue[]): string {
    return `EXISTS (SELECT 1 FROM ${this.name(e.table)} WHERE ${this.where(e.table, e.key, params)})`
  }

  /** Writes a table's waiting inserts (never changes the buffer itself: a rollback may restore it). */
  private flush(table: string): void {
    const p = this.pending.get(table)
    if (p === undefined) return
    this.pending.delete(table)
    const width = p.cols.length
    const one = `(${p.cols.map(() => '?').join(', ')})`
    const rows = p.params.length / width
    let i = 0
    for (let n = ROWS_PER_INSERT; n >= 1; n >>= 1) {
      for (; rows - i >= n; i += n) {
        const params = n === rows ? p.params : p.params.slice(i * width, (i + n) * width)
        this.stmts.push({ sql: `INSERT INTO ${this.name(p.table)} (${p.cols.join(', ')}) VALUES ${one}${`, ${one}`.repeat(n - 1)}`, params })
      }
    }
  }

  /** Adds an event's change; throws (adding nothing) when the change names an unknown table or column. */
  add(c: RowChange, pos: number): void {
    if (c.op === 'insert' && c.when === undefined && c.unless === undefined) {
      // the hot path of a rebuild (one per admission): no arrays per row, types looked up once per table
      const types = this.columns(c.table)
      const row = c.row
      let p = this.pending.get(c.table)
      if (p === undefined || !sameKeys(p.cols, row)) {
        this.flush(c.table)
        p = { table: c.table, cols: [...Object.keys(row), 'known_from'], params: [] }
        this.pending.set(c.table, p)
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
    // the statement reads or changes these tables' rows: the inserts before it go first
    this.flush(c.table)
    if (c.op === 'insert') {
      if (c.when !== undefined) this.flush(c.when.table)
      if (c.unless !== undefined) this.flush(c.unless.table)
    }
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

  private mark: { stmts: number; pending: Array<readonly [Pending, number]> } | undefined

  /** Remembers where the statements stand, so that a change that cannot be compiled undoes the whole event. */
  checkpoint(): void {
    const pending: Array<readonly [Pending, number]> = []
    for (const p of this.pending.values()) pending.push([p, p.params.length])
    this.mark = { stmts: this.stmts.length, pending }
  }

  rollback(): void {
    const m = this.mark
    if (m === undefined) return
    this.stmts.length = m.stmts
    this.pending = new Map()
    for (const [p, n] of m.pending) {
      p.params.length = n
      this.pending.set(p.table, p)
    }
  }

  finish(): Stmt[] {
    for (const table of [...this.pending.keys()]) this.flush(table)
    return this.stmts
  }
}
