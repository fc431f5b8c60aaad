/**
 * The 2025 restructuring as commands (Conclusion 167-KL/TW, Law 72/2025/QH15): from `on`
 * (2025-07-01) the district level ends, so every commune still under a district moves to that
 * district's province and every district is abolished. Replaying these commands on a register of
 * units gives the geography in force from that date; the history before it stays as it was.
 */
export type UnitRow = { readonly unitId: string; readonly level: 'province' | 'district' | 'commune'; readonly parentId?: string | undefined; readonly active: boolean }
export type RestructuringCommand =
  | { readonly type: 'ReparentAdminUnit'; readonly data: { unitId: string; parentId: string; reparentedOn: string; decisionRef: string } }
  | { readonly type: 'AbolishAdminUnit'; readonly data: { unitId: string; abolishedOn: string; decisionRef: string } }

export const districtAbolition = (units: ReadonlyArray<UnitRow>, on = '2025-07-01', decisionRef = 'Luật 72/2025/QH15'): RestructuringCommand[] => {
  const byId = new Map(units.map((u) => [u.unitId, u]))
  const districts = units.filter((u) => u.active && u.level === 'district')
  const moves = units.flatMap((u): RestructuringCommand[] => {
    const district = u.parentId === undefined ? undefined : byId.get(u.parentId)
    if (!u.active || u.level !== 'commune' || district?.level !== 'district' || district.parentId === undefined) return []
    return [{ type: 'ReparentAdminUnit', data: { unitId: u.unitId, parentId: district.parentId, reparentedOn: on, decisionRef } }]
  })
  return [...moves, ...districts.map((d): RestructuringCommand => ({ type: 'AbolishAdminUnit', data: { unitId: d.unitId, abolishedOn: on, decisionRef } }))]
}
