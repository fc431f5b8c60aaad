import { addDays, type IsoDate } from '@hoi/domain'
import { massAssociations, socioPolitical, PROVINCE, type AssociationSpec } from './province.js'
import { personName } from './names.js'
import { dateBetween, seeded, type Random } from './random.js'
import { membersAndClubs, type Deferred } from './people.js'
import { adminUnits, restructure, restructuringPlan } from './restructuring.js'
import { nationalElderly } from './national.js'
import { bacKan } from './backan.js'
import { annualReports, quarterReports, ratioTargets } from './reporting.js'

/** A command as a client would send it, with the id that makes re-running the demo a no-op. */
export type RawCommand = { readonly type: string; readonly data: Record<string, unknown>; readonly commandId: string }

export const DEMO_SEED = 20201218 // the day of article 002's conference

const later = (x: string, y: string): string => (x > y ? x : y)
/** Founding dates keep parents first and put exactly the article's eleven in 2020. */
const foundedOnOf = (r: Random, a: AssociationSpec, parentFounded: string | undefined): string => {
  const afterParent = parentFounded === undefined ? '2005-01-10' : addDays(parentFounded as IsoDate, 30)
  if (a.foundedIn !== undefined) return dateBetween(r, later(afterParent, `${a.foundedIn}-01-15`), `${a.foundedIn}-10-31`)
  if (a.scope === 'province') return dateBetween(r, '2005-01-10', '2010-12-20')
  const since = a.areaCode.startsWith('12.112') ? 2013 : a.areaCode.startsWith('12.111') ? 2009 : 2005
  return a.scope === 'district' ? dateBetween(r, later(afterParent, `${since + 1}-03-01`), '2017-12-20') : dateBetween(r, later(afterParent, `${since + 2}-03-01`), '2019-12-20')
}

/**
 * The id of the scenario's last command. runBatch writes a prefix of a batch even on a store without
 * multi-stream transactions, so a store that holds this command holds the whole scenario: a restart
 * of `serve --demo` checks it without generating the scenario again (a second of CPU).
 */
export const DEMO_LAST_COMMAND = 'demo-last'

/** Every command of the golden scenario, in causal order. Same seed, same commands. */
export function* scenario(): Generator<RawCommand> {
  let held: RawCommand | undefined
  for (const c of commands()) {
    if (held !== undefined) yield held
    held = c
  }
  if (held !== undefined) yield { ...held, commandId: DEMO_LAST_COMMAND }
}

function* commands(): Generator<RawCommand> {
  const r = seeded(DEMO_SEED)
  const mass = massAssociations()
  const founded = new Map<string, string>()
  const plan = restructuringPlan(mass)
  let seq = 0
  const cmd = (type: string, data: Record<string, unknown>): RawCommand => ({ type, data, commandId: `demo-${String(++seq).padStart(7, '0')}` })

  // 0. the administrative units of Lai Châu before 2025, and Hội NCT Việt Nam with its Congress VI
  yield* adminUnits(cmd)
  yield* nationalElderly(cmd)

  // 1. associations, parents first (list order is province → district → commune)
  for (const a of mass) {
    const foundedOn = foundedOnOf(r, a, a.parentId === undefined ? undefined : founded.get(a.parentId))
    founded.set(a.id, foundedOn)
    const minimum = a.scope === 'province' ? 50 : a.scope === 'district' ? 20 : 10
    yield cmd('FoundAssociation', {
      associationId: a.id,
      name: a.name,
      kind: a.kind,
      scope: a.scope,
      areaCode: a.areaCode,
      foundedOn,
      foundingMembers: minimum + r.int(0, minimum),
      ...(a.parentId === undefined ? {} : { parentId: a.parentId }),
      decisionRef: `QĐ ${r.int(100, 2999)}/QĐ-UBND`,
    })
  }
  for (const s of socioPolitical) {
    founded.set(s.id, '2004-01-15')
    yield cmd('FoundAssociation', {
      associationId: s.id,
      name: s.name,
      kind: s.kind,
      scope: 'province',
      areaCode: PROVINCE.code,
      foundedOn: s.id === 'lc-ccb-khoi' ? '2008-05-19' : '2004-01-15',
      foundingMembers: 0,
      ...(s.parentId === undefined ? {} : { parentId: s.parentId }),
    })
  }
  // 2. special status (Decision 68/2010/QĐ-TTg lists, set by the provincial chair) and staff quotas
  for (const a of mass.filter((x) => x.special)) {
    const on = [founded.get(a.id)!, '2011-03-15'].sort()[1]!
    yield cmd('GrantSpecialStatus', { associationId: a.id, grantedOn: on, decisionRef: 'QĐ 68/2010/QĐ-TTg' })
    if (a.scope === 'province') yield cmd('AssignStaffQuota', { associationId: a.id, quota: r.int(3, 9), assignedOn: on, decisionRef: 'QĐ giao biên chế của UBND tỉnh' })
  }
  // 3. members (with their deaths), congresses, officers, clubs, targets (people.ts); what is dated
  // after the 2025 restructuring and names a commune association waits until it is recorded
  const deferred: Deferred = []
  yield* membersAndClubs(r, mass, founded, plan, deferred, cmd)
  yield* restructure(plan, cmd)
  for (const c of deferred) yield c()
  // 4. the 2023 Q3 report of the socio-political bodies through approval (article 001), and the
  // annual reports behind the percentage targets of Hội NCT tỉnh (article 000)
  yield* quarterReports(cmd)
  yield* ratioTargets(cmd)
  yield* annualReports(cmd)
  // 5. the veterans' movement "Cựu chiến binh gương mẫu" 2019–2024 (article 003)
  yield* veteransMovement(r, cmd)
  // 6. Bắc Kạn's special associations and the merge of similar ones (article 004)
  yield* bacKan(cmd)
}

type Cmd = (type: string, data: Record<string, unknown>) => RawCommand

function* veteransMovement(r: Random, cmd: Cmd): Generator<RawCommand> {
  const movementId = 'ccb-guong-mau-2019-2024'
  yield cmd('LaunchEmulationMovement', { movementId, ownerAssociationId: 'lc-ccb-khoi', title: 'Cựu chiến binh gương mẫu', cycleStart: 2019, cycleEnd: 2024, launchedOn: '2019-07-01' })
  const collectives = ['Chi hội CCB Sở Tài chính', 'Chi hội CCB Sở Nội vụ', 'Chi hội CCB Công ty Điện lực', 'Chi hội CCB Ngân hàng Chính sách xã hội tỉnh', 'Chi hội CCB Sở Giao thông vận tải']
  let n = 0
  for (const name of collectives) yield cmd('AwardCommendation', { movementId, commendationId: `kt-${++n}`, recipient: { kind: 'collective', name }, form: 'Giấy khen', awardedOn: '2024-06-25' })
  for (let i = 0; i < 12; i++)
    yield cmd('AwardCommendation', {
      movementId,
      commendationId: `kt-${++n}`,
      recipient: { kind: 'individual', name: personName(r, i % 5 === 0 ? 'female' : 'male') },
      form: i < 3 ? 'Bằng khen' : 'Giấy khen',
      awardedOn: '2024-06-25',
    })
  yield cmd('ConcludeEmulationMovement', { movementId, concludedOn: '2024-06-28', summary: 'Hội nghị tổng kết phong trào thi đua "Cựu chiến binh gương mẫu" giai đoạn 2019–2024.' })
}
