/**
 * The 2025 restructuring replayed on the Lai Châu data (Conclusion 167-KL/TW, Law 72/2025/QH15):
 * the province's administrative units as they were, the district level abolished from 2025-07-01,
 * communes merged, and the commune associations of merged communes merged per R37.
 *
 * The seeds carry no official list of the merged communes: the groups below are demo data (each
 * district's communes in list order, three by three, the first keeping its code and name; a
 * remainder of one joins the last group, so some groups have four communes).
 */
import { AdminUnit } from '@hoi/domain'
import { districts, PROVINCE, type AssociationSpec } from './province.js'
import type { RawCommand } from './scenario.js'

type Cmd = (type: string, data: Record<string, unknown>) => RawCommand

export const CUT = '2025-07-01'
const DECISION = 'Nghị quyết của UBTVQH về sắp xếp đơn vị hành chính cấp xã tỉnh Lai Châu năm 2025 (dữ liệu minh họa)'

type Commune = { readonly code: string; readonly name: string; readonly districtCode: string }

const communesOf = (d: (typeof districts)[number]): Commune[] => d.communes.map((name, i) => ({ code: `${d.code}.${String(i + 1).padStart(2, '0')}`, name, districtCode: d.code }))

/** Each district's communes in groups of three (a lone remainder joins the last group); the first is the survivor. */
export const communeGroups = (): ReadonlyArray<ReadonlyArray<Commune>> =>
  districts.flatMap((d) => {
    const cs = communesOf(d)
    const groups: Commune[][] = []
    for (let i = 0; i < cs.length; i += 3) groups.push(cs.slice(i, i + 3))
    if (groups.length > 1 && groups[groups.length - 1]!.length === 1) groups[groups.length - 2]!.push(...groups.pop()!)
    return groups
  })

/** What R37 makes of one commune association on the cut: absorbed, consolidated into a new body, dissolved, or it continues. */
export type Fate = { readonly how: 'absorbed'; readonly into: string } | { readonly how: 'consolidated'; readonly into: string } | { readonly how: 'dissolved' }

export type Plan = {
  /** the fate of every commune association that does not simply continue */
  readonly fates: ReadonlyMap<string, Fate>
  /** the associations founded on the cut by consolidation */
  readonly newBodies: ReadonlyArray<AssociationSpec & { readonly sourceIds: ReadonlyArray<string> }>
}

/**
 * R37: in each group, same-kind associations merge — into the survivor commune's association when
 * it has one (absorption), else into a new association of the merged commune (consolidation). A
 * lone association continues if its commune was at least ⅓ of the merged communes; otherwise, with
 * no decision to keep it, it dissolves itself.
 */
export const restructuringPlan = (mass: ReadonlyArray<AssociationSpec>): Plan => {
  const fates = new Map<string, Fate>()
  const newBodies: Plan['newBodies'][number][] = []
  const byArea = new Map<string, AssociationSpec[]>()
  for (const a of mass.filter((x) => x.scope === 'commune')) byArea.set(a.areaCode, [...(byArea.get(a.areaCode) ?? []), a])
  for (const group of communeGroups()) {
    const survivor = group[0]!
    const inGroup = group.flatMap((c) => byArea.get(c.code) ?? [])
    const kinds = [...new Set(inGroup.map((a) => a.id.split('-').pop()!))]
    for (const key of kinds) {
      const same = inGroup.filter((a) => a.id.endsWith(`-${key}`))
      const own = same.find((a) => a.areaCode === survivor.code)
      if (own !== undefined) {
        for (const a of same) if (a !== own) fates.set(a.id, { how: 'absorbed', into: own.id })
      } else if (same.length >= 2) {
        const first = same[0]!
        const id = `lc-${survivor.code.slice(3)}-${key}-2025`
        newBodies.push({
          id,
          name: first.name.replace(/xã .*$/, `xã ${survivor.name}`),
          kind: first.kind,
          scope: 'commune',
          areaCode: survivor.code,
          ...(first.parentId === undefined ? {} : { parentId: first.parentId }),
          special: false,
          weight: 0,
          sourceIds: same.map((a) => a.id),
        })
        for (const a of same) fates.set(a.id, { how: 'consolidated', into: id })
      } else if (3 * same.length < group.length) fates.set(same[0]!.id, { how: 'dissolved' }) // under ⅓ of the merged communes
    }
  }
  return { fates, newBodies }
}

/** The association that carries `id` on `on`: itself before the cut or if it continues, its heir after; undefined once dissolved. */
export const carrierOn = (plan: Plan, id: string, on: string): string | undefined => {
  if (on < CUT) return id
  const fate = plan.fates.get(id)
  return fate === undefined ? id : fate.how === 'dissolved' ? undefined : fate.into
}

/** The units as they stood before the restructuring: the province, its districts and their communes. */
export function* adminUnits(cmd: Cmd): Generator<RawCommand> {
  // Lai Châu was re-established from 2004-01-01 (Resolution 22/2003/QH11); a district's communes are
  // created with it here, a demo simplification (Tân Uyên's and Nậm Nhùn's came from older districts)
  yield cmd('CreateAdminUnit', { unitId: PROVINCE.code, name: `Tỉnh ${PROVINCE.name}`, level: 'province', createdOn: '2004-01-01', decisionRef: 'Nghị quyết 22/2003/QH11' })
  for (const d of districts) {
    const createdOn = `${d.since}-01-01`
    yield cmd('CreateAdminUnit', { unitId: d.code, name: d.name.startsWith('Thành phố') ? d.name : `Huyện ${d.name}`, level: 'district', createdOn, parentId: PROVINCE.code })
    for (const c of communesOf(d)) yield cmd('CreateAdminUnit', { unitId: c.code, name: `Xã ${c.name}`, level: 'commune', createdOn, parentId: d.code })
  }
}

/** On the cut: communes merged, the survivors moved under the province, the districts abolished; then the associations per R37. */
export function* restructure(plan: Plan, cmd: Cmd): Generator<RawCommand> {
  const groups = communeGroups()
  for (const group of groups) for (const c of group.slice(1)) yield cmd('MergeAdminUnit', { unitId: c.code, intoId: group[0]!.code, mergedOn: CUT, decisionRef: DECISION })
  const rows: Parameters<typeof AdminUnit.districtAbolition>[0] = [
    { unitId: PROVINCE.code, level: 'province', active: true },
    ...districts.map((d) => ({ unitId: d.code, level: 'district' as const, parentId: PROVINCE.code, active: true })),
    ...groups.map((g) => ({ unitId: g[0]!.code, level: 'commune' as const, parentId: g[0]!.districtCode, active: true })),
  ]
  for (const c of AdminUnit.districtAbolition(rows, CUT)) yield cmd(c.type, c.data)
  for (const b of plan.newBodies)
    yield cmd('ConsolidateAssociations', {
      associationId: b.id,
      name: b.name,
      kind: b.kind,
      scope: b.scope,
      areaCode: b.areaCode,
      consolidatedOn: CUT,
      sourceIds: b.sourceIds,
      ...(b.parentId === undefined ? {} : { parentId: b.parentId }),
      decisionRef: DECISION,
    })
  for (const [id, fate] of plan.fates) {
    if (fate.how === 'absorbed') yield cmd('AbsorbAssociation', { associationId: id, intoId: fate.into, absorbedOn: CUT, decisionRef: DECISION })
    if (fate.how === 'dissolved') yield cmd('DissolveAssociation', { associationId: id, dissolvedOn: CUT, dissolution: 'voluntary', ground: 'executive-resolution' })
  }
  // R21: a body founded by consolidation holds its first congress within 30 working days
  for (const b of plan.newBodies)
    yield cmd('HoldCongress', {
      associationId: b.id,
      number: 'I',
      kind: 'founding',
      form: 'plenary',
      heldOn: '2025-07-25',
      termStart: '2025-07-25',
      termEnd: '2030-07-25',
      delegatesExpected: 60,
      delegatesPresent: 52,
    })
}
