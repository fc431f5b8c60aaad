import { defaultPolicy, type Scope } from '@hoi/domain'
import type { ReadModel, UnitLevel, UnitState } from './model.js'
import { valueAt } from './model.js'
import { dateOf, inArea } from './asOf.js'

/** In force on the date: created on or before it, and not ended by then. */
export const unitInForce = (u: UnitState, date: string): boolean => u.createdOn <= date && (u.endedOn === undefined || date < u.endedOn)

/** Maps an area code to the code it has in a geography (see geographyAt). */
export type Geography = (areaCode: string) => string
const same: Geography = (code) => code

/**
 * The geography in force on `date`: an area code whose unit was merged on or before the date
 * stands for the unit it went into (and that one's merges in turn). Codes of units not merged by
 * then, and codes with no recorded unit, stay as they are.
 */
export const geographyAt = (m: ReadModel, date: string): Geography => {
  if (m.units.size === 0) return same
  return (code) => {
    let c = code
    // the domain refuses merging into an ended unit, so a chain cannot loop; the guard keeps a malformed log from doing so
    const seen = new Set<string>()
    for (;;) {
      const u = m.units.get(c)
      if (u?.mergedInto === undefined || u.endedOn === undefined || u.endedOn > date || seen.has(c)) return c
      seen.add(c)
      c = u.mergedInto
    }
  }
}

/** What a view's area filter is asked with: an area, and the date whose administrative units place each code in it. */
export type AreaFilterQuery = {
  /** An area and everything inside it. */
  readonly areaCode?: string
  /** The date whose administrative units place each code in `areaCode` (default: the view's date): an area merged by then counts under the unit it went into. */
  readonly geography?: string
}

/** The area filter of a view asked on `date`: a code is in when it lies in `areaCode` in the geography of `q.geography ?? date`. */
export const areaFilter = (m: ReadModel, q: AreaFilterQuery, date: string): ((code: string) => boolean) => {
  if (q.areaCode === undefined) return () => true
  const geo = geographyAt(m, q.geography ?? date)
  return (code) => inArea(geo(code), q.areaCode)
}

/**
 * The codes of units that lie outside `areaCode` but stand for a unit inside it in the geography
 * of `date`: what an area filter must take in besides the area's own codes.
 */
export const mergedIntoArea = (m: ReadModel, date: string, areaCode: string | undefined): string[] => {
  if (areaCode === undefined) return []
  const geo = geographyAt(m, date)
  const out: string[] = []
  for (const u of m.units.values()) if (u.mergedInto !== undefined && !inArea(u.unitId, areaCode) && inArea(geo(u.unitId), areaCode)) out.push(u.unitId)
  return out
}

/**
 * The unit in force on `date` that contains the area `code`: the narrowest recorded unit whose
 * code the area nests in, as the geography of that date has it (a merged unit stands for the one
 * it went into); a unit ended otherwise passes the area to the unit above. Undefined when no
 * recorded unit in force holds it.
 */
export const unitContaining = (m: ReadModel, code: string, date: string): UnitState | undefined => {
  const geo = geographyAt(m, date)
  const segments = code.split('.')
  for (let n = segments.length; n > 0; n--) {
    const id = segments.slice(0, n).join('.')
    if (!m.units.has(id)) continue
    const u = m.units.get(geo(id))
    if (u !== undefined && unitInForce(u, date)) return u
  }
  return undefined
}

export type UnitRow = {
  readonly unitId: string
  readonly name: string
  readonly level: UnitLevel
  /** The unit above it in this tree; a unit under an abolished level sits under the level above that. */
  readonly parentId?: string
  /** 0 for a root (a province) */
  readonly depth: number
  readonly createdOn: string
  /** when it ends (merged or abolished), if that is after the date */
  readonly endsOn?: string
  /** the unit it is merged into on `endsOn` */
  readonly mergesInto?: string
  /** the units merged into it on or before the date */
  readonly absorbed: ReadonlyArray<string>
}
export type UnitsQuery = { readonly asOf?: string; readonly areaCode?: string }
export type AbolishedLevels = ReadonlyArray<{ readonly scope: Scope; readonly from: string }>

const byId = (a: UnitState, b: UnitState): number => (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0)

/**
 * The units in force on the date as a tree, in depth-first order (children by id), with their
 * names on that date. A level abolished on the date (policy `abolishedScopes`: the district level
 * from 2025-07-01) shows no unit, whatever was recorded; its subunits sit under the unit above.
 */
export const units = (m: ReadModel, q: UnitsQuery = {}, abolished: AbolishedLevels = defaultPolicy.abolishedScopes): UnitRow[] => {
  const date = dateOf(q.asOf)
  const hidden = new Set(abolished.filter((a) => date >= a.from).map((a) => a.scope as string))
  const shown = new Map<string, UnitState>()
  const absorbed = new Map<string, string[]>()
  for (const u of m.units.values()) {
    if (unitInForce(u, date) && !hidden.has(u.level)) shown.set(u.unitId, u)
    if (u.mergedInto !== undefined && u.endedOn !== undefined && u.endedOn <= date) {
      const list = absorbed.get(u.mergedInto)
      if (list === undefined) absorbed.set(u.mergedInto, [u.unitId])
      else list.push(u.unitId)
    }
  }
  /** The nearest ancestor on the date that the tree shows. */
  const parentOf = (u: UnitState): string | undefined => {
    const seen = new Set([u.unitId])
    let p = valueAt(u.parents, date)
    while (p !== undefined && !shown.has(p) && !seen.has(p)) {
      seen.add(p)
      const above = m.units.get(p)
      p = above === undefined ? undefined : valueAt(above.parents, date)
    }
    return p !== undefined && shown.has(p) && p !== u.unitId ? p : undefined
  }
  const kids = new Map<string | undefined, UnitState[]>()
  for (const u of [...shown.values()].sort(byId)) {
    const p = parentOf(u)
    const list = kids.get(p)
    if (list === undefined) kids.set(p, [u])
    else list.push(u)
  }
  const out: UnitRow[] = []
  const placed = new Set<string>()
  const visit = (u: UnitState, parentId: string | undefined, depth: number): void => {
    if (placed.has(u.unitId)) return
    placed.add(u.unitId)
    if (inArea(u.unitId, q.areaCode))
      out.push({
        unitId: u.unitId,
        name: valueAt(u.names, date) ?? u.names[0]!.value,
        level: u.level,
        ...(parentId === undefined ? {} : { parentId }),
        depth,
        createdOn: u.createdOn,
        ...(u.endedOn === undefined ? {} : { endsOn: u.endedOn }),
        ...(u.mergedInto === undefined ? {} : { mergesInto: u.mergedInto }),
        absorbed: absorbed.get(u.unitId) ?? [],
      })
    for (const k of kids.get(u.unitId) ?? []) visit(k, u.unitId, depth + 1)
  }
  for (const r of kids.get(undefined) ?? []) visit(r, undefined, 0)
  // a parent chain that loops (a malformed log) reaches no root: its units are listed after the tree
  for (const u of [...shown.values()].sort(byId)) visit(u, parentOf(u), 0)
  return out
}
