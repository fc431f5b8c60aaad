import * as E from 'fp-ts/lib/Either.js'
import type { DecodeFailure, DomainEvent } from '@hoi/domain'
import type { ProjectionDefinition, Recorded } from '@hoi/projections'
import type { EventStore } from '../store.js'
import { decodeRecorded } from '../upcast.js'
import type { Progress } from '../views.js'
import { Compiler } from './compile.js'
import { StaleCheckpoint, type LogEvent, type SqlDriver, type Stmt } from './driver.js'
import { createIndexes, createTables, dropTables, metaDdl, PARKED_TABLE, PROJECTIONS_TABLE, tableName } from './schema.js'

/** Events per page: one transaction, one fsync, per page. */
export const PAGE_SIZE = 5000

export type StateRow = {
  name: string
  version: number
  position: number
  state: 'live' | 'rebuilding'
  generation: number
  next_generation: number | null
  next_version: number | null
  next_position: number | null
}

/** Where one projection is being written: its live tables, or the next generation during a rebuild. */
type Target = { readonly def: ProjectionDefinition; readonly generation: number; position: number; readonly building: boolean }

/** The events of a page (in log order) up to a position. */
const upTo = <T extends { readonly position: number }>(page: ReadonlyArray<T>, position: number): ReadonlyArray<T> => {
  let n = page.length
  while (n > 0 && page[n - 1]!.position > position) n--
  return n === page.length ? page : page.slice(0, n)
}

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e))

/**
 * Applies projection definitions to their tables page by page: each projection's rows and its new
 * checkpoint are written in one transaction (a savepoint per projection inside the page's
 * transaction), so a view is never ahead of or behind its checkpoint.
 */
export class Runner {
  private queue: Promise<unknown> = Promise.resolve()
  readonly handles: ReadonlyMap<string, ReadonlySet<string>>

  constructor(
    readonly driver: SqlDriver,
    private readonly store: EventStore,
    readonly defs: ReadonlyArray<ProjectionDefinition>,
    private readonly now: () => Date = () => new Date(),
    private readonly pageSize: number = PAGE_SIZE,
  ) {
    this.handles = new Map(defs.map((d) => [d.name, new Set<string>(d.handles)]))
  }

  /** One catch-up or rebuild at a time in this process; other processes are fenced by the checkpoint guards. */
  serial<A>(f: () => Promise<A>): Promise<A> {
    const run = this.queue.then(f)
    this.queue = run.catch(() => undefined)
    return run
  }

  async states(): Promise<Map<string, StateRow>> {
    const rows = await this.driver.all<StateRow>(`SELECT name, version, position, state, generation, next_generation, next_version, next_position FROM ${PROJECTIONS_TABLE}`)
    return new Map(rows.map((r) => [r.name, { ...r, version: Number(r.version), position: Number(r.position), generation: Number(r.generation) }]))
  }

  /** Creates what is missing; a definition whose version changed (or whose rebuild was cut short) is rebuilt. */
  async init(onProgress?: Progress): Promise<void> {
    await this.driver.exec(metaDdl(this.driver.dialect))
    const states = await this.states()
    // a new projection is built like a rebuild, from generation 0 (no tables) to 1
    for (const def of this.defs) {
      if (states.has(def.name)) continue
      await this.driver.transaction([
        [
          {
            sql: `INSERT INTO ${PROJECTIONS_TABLE} (name, version, position, state, generation) VALUES (?, ?, 0, 'rebuilding', 0) ON CONFLICT DO NOTHING`,
            params: [def.name, def.version],
          },
        ],
      ])
    }
    const stale = this.defs.filter((d) => {
      const s = states.get(d.name)
      return s === undefined || s.version !== d.version || s.state === 'rebuilding'
    })
    if (stale.length > 0)
      await this.rebuild(
        stale.map((d) => d.name),
        onProgress,
      )
    // views built before their tables had statistics get them once
    const live = await this.states()
    const generations = this.defs.map((d) => [d, live.get(d.name)?.generation ?? 0] as const).filter(([, g]) => g > 0)
    await this.driver.analyze?.(
      generations.flatMap(([d, g]) => Object.keys(d.tables).map((t) => tableName(t, g))),
      true,
    )
  }

  /**
   * Every event of the page that some target still has to apply, decoded once for all of them;
   * the others (already applied, or handled by none) are not decoded at all.
   */
  private decode(targets: ReadonlyArray<Target>, page: ReadonlyArray<LogEvent>): Array<E.Either<DecodeFailure, DomainEvent> | undefined> {
    return page.map((e) => (targets.some((t) => e.position > t.position && this.handles.get(t.def.name)!.has(e.type)) ? decodeRecorded(e) : undefined))
  }

  private compile(t: Target, page: ReadonlyArray<LogEvent>, events: ReadonlyArray<E.Either<DecodeFailure, DomainEvent> | undefined>, last: number): Stmt[] {
    const guard: Stmt = t.building
      ? { sql: `UPDATE ${PROJECTIONS_TABLE} SET next_position = ? WHERE name = ? AND next_generation = ? AND next_position = ?`, params: [last, t.def.name, t.generation, t.position], expect: 1 }
      : { sql: `UPDATE ${PROJECTIONS_TABLE} SET position = ? WHERE name = ? AND generation = ? AND position = ?`, params: [last, t.def.name, t.generation, t.position], expect: 1 }
    const stmts: Stmt[] = [guard]
    const parked: Stmt[] = []
    const handles = this.handles.get(t.def.name)!
    const compiler = new Compiler(this.driver.dialect, t.def, t.generation)
    const park = (e: LogEvent, reason: string): void => {
      parked.push({
        sql: `INSERT INTO ${PARKED_TABLE} (position, projection, generation, stream_id, type, reason, parked_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
        params: [e.position, t.def.name, t.generation, e.streamId, e.type, reason, this.now().toISOString()],
      })
    }
    for (let i = 0; i < page.length; i++) {
      const e = page[i]!
      if (e.position <= t.position || !handles.has(e.type)) continue
      // checked in full, as the reference engine does: an event whose data does not decode is parked, never half-applied
      const decoded = events[i]!
      if (E.isLeft(decoded)) {
        park(e, decoded.left.issues.map((i) => `${i.field} ${i.message}`).join('; '))
        continue
      }
      let changes
      try {
        // the envelope as read when no upcaster changed it: spreading it would parse every event's metadata
        changes = t.def.changes((decoded.right.data === e.data ? e : { ...e, data: decoded.right.data }) as Recorded)
      } catch (err) {
        park(e, message(err))
        continue
      }
      try {
        compiler.checkpoint()
        for (const c of changes) compiler.add(c, e.position)
      } catch (err) {
        compiler.rollback()
        park(e, message(err))
      }
    }
    return [...stmts, ...compiler.finish(), ...parked]
  }

  /**
   * Applies the log after the targets' checkpoints up to the head it had when this run started,
   * page by page: under constant writes a run still ends, and the next one picks up the rest. A
   * projection whose page fails is left at its checkpoint (rows and checkpoint rolled back
   * together) and reported; the others go on.
   */
  private async run(targets: Target[], onProgress?: Progress): Promise<Array<{ name: string; error: Error }>> {
    const failed: Array<{ name: string; error: Error }> = []
    if (targets.length === 0) return failed
    const start = Math.min(...targets.map((t) => t.position))
    const head = this.driver.head === undefined ? await this.store.head() : await this.driver.head()
    const read = (from: number): Promise<ReadonlyArray<LogEvent>> => (this.driver.readLog === undefined ? this.store.readPage(from, this.pageSize) : this.driver.readLog(from, this.pageSize))
    let ahead: { readonly after: number; readonly page: Promise<ReadonlyArray<LogEvent>> } | undefined
    let after = start
    for (;;) {
      const active = targets.filter((t) => !failed.some((f) => f.name === t.def.name))
      if (active.length === 0) break
      after = Math.min(after, ...active.map((t) => t.position))
      if (after >= head) break
      // the page read ahead is used when every projection went on from where it ended
      const page = upTo(await (ahead?.after === after ? ahead.page : read(after)), head)
      ahead = undefined
      if (page.length === 0) break
      const last = page[page.length - 1]!.position
      if (last < head) {
        // the next page is read while this one is written (on PostgreSQL the server does both at once)
        ahead = { after: last, page: read(last) }
        ahead.page.catch(() => undefined)
      }
      const due = active.filter((t) => t.position < last)
      const events = this.decode(due, page)
      const errors = await this.driver.transaction(due.map((t) => this.compile(t, page, events, last)))
      for (let i = 0; i < due.length; i++) {
        const t = due[i]!
        const error = errors[i]
        if (error === undefined) t.position = last
        else if (error instanceof StaleCheckpoint) {
          const s = (await this.states()).get(t.def.name)
          const moved = t.building ? (s?.next_generation === t.generation ? s.next_position : undefined) : s?.generation === t.generation ? s.position : undefined
          if (moved === undefined || moved === null) failed.push({ name: t.def.name, error: new Error(`projection ${t.def.name} was switched by another process`) })
          else t.position = Number(moved)
        } else failed.push({ name: t.def.name, error })
      }
      after = last
      onProgress?.(Math.max(0, last - start), Math.max(head - start, last - start))
    }
    return failed
  }

  /** Catches every projection up to the log's head as it was when this started; returns the position all of them reached. */
  catchUp(onProgress?: Progress): Promise<number> {
    return this.serial(async () => {
      const states = await this.states()
      const targets = this.defs.map((def): Target => {
        const s = states.get(def.name)
        if (s === undefined) throw new Error(`projection ${def.name} has no checkpoint: open the view engine first`)
        return { def, generation: s.generation, position: s.position, building: false }
      })
      const failed = await this.run(targets, onProgress)
      if (failed.length > 0) throw new Error(failed.map((f) => `projection ${f.name} stopped at its checkpoint: ${f.error.message}`).join('; '))
      return Math.min(...targets.map((t) => t.position))
    })
  }

  /**
   * Blue/green: fills a new generation of the named projections' tables from the start of the log
   * (parked events are tried again) while the live generation keeps serving, then switches every
   * one of them in one transaction and drops the old tables.
   */
  rebuild(names: ReadonlyArray<string> = [], onProgress?: Progress): Promise<void> {
    return this.serial(async () => {
      const unknown = names.filter((n) => !this.defs.some((d) => d.name === n))
      if (unknown.length > 0) throw new Error(`unknown view ${unknown.join(', ')}: known are ${this.defs.map((d) => d.name).join(', ')}`)
      const defs = names.length === 0 ? this.defs : this.defs.filter((d) => names.includes(d.name))
      const states = await this.states()
      const targets: Target[] = []
      for (const def of defs) {
        const s = states.get(def.name)!
        const generation = Math.max(s.generation, s.next_generation ?? 0) + 1
        for (const sql of createTables(this.driver.dialect, def, generation)) await this.driver.exec(sql)
        await this.driver.transaction([
          [
            {
              sql: `UPDATE ${PROJECTIONS_TABLE} SET state = 'rebuilding', next_generation = ?, next_version = ?, next_position = 0 WHERE name = ?`,
              params: [generation, def.version, def.name],
              expect: 1,
            },
          ],
        ])
        targets.push({ def, generation, position: 0, building: true })
      }
      const failed = await this.run(targets, onProgress)
      // the projections that were built switch; a failed one keeps its old generation serving (a new one retries on the next open)
      const built = targets.filter((t) => !failed.some((f) => f.name === t.def.name))
      for (const t of built) for (const sql of createIndexes(t.def, t.generation)) await this.driver.exec(sql)
      await this.driver.analyze?.(
        built.flatMap((t) => Object.keys(t.def.tables).map((n) => tableName(n, t.generation))),
        false,
      )
      const now = await this.states()
      const sw: Stmt[] = []
      const retired: string[] = []
      for (const t of built) {
        const old = now.get(t.def.name)!.generation
        sw.push(
          {
            sql: `UPDATE ${PROJECTIONS_TABLE} SET generation = next_generation, version = next_version, position = next_position, state = 'live', next_generation = NULL, next_version = NULL, next_position = NULL WHERE name = ? AND next_generation = ?`,
            params: [t.def.name, t.generation],
            expect: 1,
          },
          { sql: `DELETE FROM ${PARKED_TABLE} WHERE projection = ? AND generation <> ?`, params: [t.def.name, t.generation] },
        )
        retired.push(...dropTables(t.def, old))
      }
      for (const t of targets.filter((x) => !built.includes(x))) {
        if (now.get(t.def.name)!.generation > 0)
          sw.push({ sql: `UPDATE ${PROJECTIONS_TABLE} SET state = 'live', next_generation = NULL, next_version = NULL, next_position = NULL WHERE name = ?`, params: [t.def.name] })
        sw.push(...dropTables(t.def, t.generation).map((sql) => ({ sql, params: [] })))
      }
      const [error] = await this.driver.transaction([sw])
      if (error !== undefined) throw new Error(`switching to the rebuilt tables failed, the old ones still serve: ${error.message}`)
      // dropped one by one after the switch: a drop waits for the reads still on that table, and
      // holding one table's lock while waiting for another's could deadlock with a read
      for (const sql of retired) {
        try {
          await this.driver.exec(sql)
        } catch {
          await this.driver.exec(sql).catch(() => undefined)
        }
      }
      if (failed.length > 0) throw new Error(failed.map((f) => `rebuild of ${f.name} failed, its old tables still serve: ${f.error.message}`).join('; '))
    })
  }

  /** The live table of a projection's table, for readers. */
  static table(table: string, generation: number): string {
    return tableName(table, generation)
  }
}
