import type { EventType } from '@hoi/domain'
import type { Recorded } from '../model.js'

/**
 * Table-backed projections, declared without SQL: a definition names its tables and, per event,
 * the changes to their rows. A runner (in @hoi/adapters) turns the changes into statements and
 * keeps record time itself: every row version carries the log position from which it is known
 * (`known_from`) and the one at which a later change superseded it (`known_to`), so a definition
 * only says what the view looks like after the event.
 */
export type ColumnType = 'text' | 'int' | 'bool' | 'json'
/** `undefined` is stored as NULL; objects and arrays as JSON (columns typed 'json'). */
export type Value = string | number | boolean | null | undefined | object
export type Row = Readonly<Record<string, Value>>

export type TableSpec = {
  readonly columns: Readonly<Record<string, ColumnType>>
  /** The columns changes find current rows by (key, when, unless): indexed from the start. */
  readonly key?: ReadonlyArray<string>
  /** Index column lists for the readers; a rebuild creates them after its bulk load. */
  readonly indexes: ReadonlyArray<ReadonlyArray<string>>
}

/** "A current row of `table` matches `key`." */
export type Exists = { readonly table: string; readonly key: Row }

export type RowChange =
  /** A new row, known from this event; only if `when` holds and `unless` does not. */
  | { readonly op: 'insert'; readonly table: string; readonly row: Row; readonly when?: Exists; readonly unless?: Exists }
  /**
   * A new version of the current rows matching `key`, with `set` changed; only rows whose column
   * `onlyIfNull` is still NULL (first-wins facts); with `last`, only the one of greatest `ord`.
   */
  | { readonly op: 'update'; readonly table: string; readonly key: Row; readonly set: Row; readonly onlyIfNull?: string; readonly last?: boolean }
  /** The current rows matching `key` stop being current (they stay visible to earlier record times). */
  | { readonly op: 'close'; readonly table: string; readonly key: Row }

/** What a definition answers for an event it cannot apply: the runner parks it with the reason. */
export class CannotApply extends Error {
  constructor(readonly reason: string) {
    super(reason)
    this.name = 'CannotApply'
  }
}

export type ProjectionDefinition = {
  readonly name: string
  /** Bump on any change of tables or changes: the runner rebuilds the projection. */
  readonly version: number
  readonly handles: ReadonlyArray<EventType>
  readonly tables: Readonly<Record<string, TableSpec>>
  /**
   * Pure; throws CannotApply (or anything) for an event it cannot apply. Reads the event's type,
   * data, position and stream only (a rebuild does not read metadata).
   */
  readonly changes: (e: Recorded) => ReadonlyArray<RowChange>
}

export const insert = (table: string, row: Row, o: { when?: Exists; unless?: Exists } = {}): RowChange => ({ op: 'insert', table, row, ...o })
export const update = (table: string, key: Row, set: Row, o: { onlyIfNull?: string; last?: boolean } = {}): RowChange => ({ op: 'update', table, key, set, ...o })
export const close = (table: string, key: Row): RowChange => ({ op: 'close', table, key })

/** A required text field of the event's data, or CannotApply naming it. */
export const text = (d: unknown, field: string): string => {
  const v: unknown = typeof d === 'object' && d !== null ? Reflect.get(d, field) : undefined
  if (typeof v !== 'string') throw new CannotApply(`data.${field} is not a string`)
  return v
}

/** Only the defined fields: a change that leaves out a field keeps the stored value. */
export const defined = (row: Readonly<Record<string, Value>>): Row => {
  const out: Record<string, Value> = {}
  for (const [k, v] of Object.entries(row)) if (v !== undefined) out[k] = v
  return out
}
