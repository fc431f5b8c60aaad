import type { AssociationState, ReadModel } from './model.js'
import { dissolvedBy } from './asOf.js'
import { geographyAt, type AbolishedLevels } from './units.js'

/**
 * R37 (2025 restructuring, guidance 05/HD-MTTW-BTT): an association still open on the date that
 * the restructuring asks to reorganise, and since when.
 * - `LevelAbolished`: its scope is a level the policy abolished by then (the district level from
 *   2025-07-01); it stays flagged until it ends (dissolved, absorbed, divided or consolidated).
 * - `CommuneMerged`: a commune association whose commune became one with others by then.
 *   `mergedCommunes` counts them (its own among them). With a third of them or more (its scope one
 *   commune of at most three) it `continues` and takes the new commune's name; with less, the
 *   commune's Front and Party committee decide, or it dissolves itself. It stays flagged until it
 *   is renamed or takes over another association on or after the merge, or ends.
 */
export type AwaitingReorganisation = {
  readonly rule: 'R37'
  readonly code: 'LevelAbolished' | 'CommuneMerged'
  readonly since: string
  readonly mergedCommunes?: number
  readonly continues?: boolean
  readonly en: string
  readonly vi: string
}

const levelVi: Readonly<Record<string, string>> = { national: 'trung ương', province: 'tỉnh', district: 'huyện', commune: 'xã' }

/** The communes that became one by the date, by the unit they became: how many, and the date of the latest merge among them. */
const mergeGroups = (m: ReadModel, date: string): Map<string, { readonly communes: number; readonly since: string }> => {
  const geo = geographyAt(m, date)
  const members = new Map<string, string[]>()
  for (const u of m.units.values()) {
    if (u.level !== 'commune' || u.createdOn > date) continue
    const into = geo(u.unitId)
    const list = members.get(into)
    if (list === undefined) members.set(into, [u.unitId])
    else list.push(u.unitId)
  }
  const out = new Map<string, { communes: number; since: string }>()
  for (const [into, ids] of members) {
    if (ids.length < 2) continue
    let since = ''
    for (const id of ids) {
      const ended = m.units.get(id)?.endedOn
      if (ended !== undefined && ended <= date && ended > since) since = ended
    }
    if (since !== '') out.set(into, { communes: ids.length, since })
  }
  return out
}

/** What the registry shows of R37 for each association on the date (undefined: nothing awaits it). */
export const restructuringWatch = (m: ReadModel, date: string, abolished: AbolishedLevels): ((a: AssociationState) => AwaitingReorganisation | undefined) => {
  let groups: ReturnType<typeof mergeGroups> | undefined
  let geo: ((code: string) => string) | undefined
  return (a) => {
    if (dissolvedBy(a, date) || (a.successor !== undefined && a.successor.on <= date)) return undefined
    const level = abolished.find((x) => x.scope === a.scope && x.from <= date)
    if (level !== undefined)
      return {
        rule: 'R37',
        code: 'LevelAbolished',
        since: level.from,
        en: `The ${a.scope} level is abolished from ${level.from}: the association awaits its reorganisation (merger, transfer of members or dissolution)`,
        vi: `Cấp ${levelVi[a.scope] ?? a.scope} không còn từ ngày ${level.from}: hội chờ sắp xếp lại (hợp nhất, sáp nhập, chuyển hội viên hoặc giải thể)`,
      }
    if (a.scope !== 'commune' || m.units.size === 0) return undefined
    groups ??= mergeGroups(m, date)
    geo ??= geographyAt(m, date)
    const group = groups.get(geo(a.areaCode))
    if (group === undefined) return undefined
    const acted = a.names.some((n) => n.on >= group.since && n.on <= date) || (a.predecessors ?? []).some((p) => p.on >= group.since && p.on <= date)
    if (acted) return undefined
    const continues = group.communes <= 3
    return {
      rule: 'R37',
      code: 'CommuneMerged',
      since: group.since,
      mergedCommunes: group.communes,
      continues,
      en: continues
        ? `Its commune became one of ${group.communes} merged on ${group.since}: covering at least a third of them, the association continues under the new commune's name`
        : `Its commune became one of ${group.communes} merged on ${group.since}: covering less than a third of them, the commune's Front and Party committee decide whether it continues; otherwise it dissolves itself`,
      vi: continues
        ? `Xã của hội được hợp nhất cùng ${group.communes - 1} xã khác ngày ${group.since}: phạm vi hội từ một phần ba số xã trở lên nên hội tiếp tục hoạt động và đổi tên theo xã mới`
        : `Xã của hội được hợp nhất cùng ${group.communes - 1} xã khác ngày ${group.since}: phạm vi hội dưới một phần ba số xã, Mặt trận và cấp ủy xã xem xét quyết định; nếu không tiếp tục, hội tự giải thể`,
    }
  }
}
