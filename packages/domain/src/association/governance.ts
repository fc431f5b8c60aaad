import * as E from 'fp-ts/lib/Either.js'
import type * as t from 'io-ts'
import { daysBetween, type IsoDate, type Text } from '../codecs.js'
import { accept, nothing, reject, type Flag } from '../decider.js'
import type { Policy } from '../policy.js'
import { associationMustBeOpen } from './guards.js'
import { beforeFounding, vi, type Decision } from './checks.js'
import type { commands } from './governance-messages.js'
import { paymentKey, pendingRequest, type Branch } from './governance-state.js'
import { officersOf, type Existing } from './state.js'
import type { Event } from './events.js'

type Data<K extends keyof typeof commands> = t.TypeOf<(typeof commands)[K]>['data']
type HoldCongressData = { readonly number: string; readonly kind: string; readonly heldOn: string }

/** R1: the decree's procedure binds only associations under a decree, not the six bodies under their own charters. */
const underDecree = (a: Existing): boolean => a.regime !== 'own-charter'

const sameRequest = (x: Data<'RequestExtraordinaryCongress'>, y: Data<'RequestExtraordinaryCongress'>): boolean =>
  x.requestedOn === y.requestedOn && x.by === y.by && x.requesting === y.requesting && x.outOf === y.outOf

/** R16: at least ⅔ of the leadership or ½ of the official members ask for the extraordinary congress. */
export const requestExtraordinaryCongress = (d: Data<'RequestExtraordinaryCongress'>, a: Existing): Decision => {
  const known = a.governance.requests.find((r) => r.requestId === d.requestId)
  if (known !== undefined)
    return sameRequest(known, d)
      ? nothing
      : reject('RequestAlreadyRecorded', 'design', `Request ${d.requestId} was already recorded with other facts`, `Đề nghị ${d.requestId} đã được ghi nhận với thông tin khác`, 'data.requestId')
  if (d.requestedOn < a.foundedOn) return beforeFounding(a, d.requestedOn, 'data.requestedOn')
  if (d.requesting > d.outOf)
    return reject('RequestingExceedsBody', 'R16', `${d.requesting} requesters out of ${d.outOf}`, `Số người đề nghị (${d.requesting}) vượt quá tổng số (${d.outOf})`, 'data.requesting')
  const enough = d.by === 'leadership' ? d.requesting * 3 >= d.outOf * 2 : d.requesting * 2 >= d.outOf
  if (underDecree(a) && !enough)
    return reject(
      'ExtraordinaryRequestBelowThreshold',
      'R16',
      d.by === 'leadership'
        ? `At least two thirds of the ${d.outOf} members of the leadership must ask; ${d.requesting} did`
        : `At least half of the ${d.outOf} official members must ask; ${d.requesting} did`,
      d.by === 'leadership'
        ? `Cần ít nhất hai phần ba trong số ${d.outOf} ủy viên ban lãnh đạo đề nghị; mới có ${d.requesting}`
        : `Cần ít nhất một nửa trong số ${d.outOf} hội viên chính thức đề nghị; mới có ${d.requesting}`,
      'data.requesting',
    )
  return accept({ type: 'ExtraordinaryCongressRequested', data: d })
}

/** R16: an extraordinary congress answers a recorded request made on or before it. */
export const checkExtraordinary = (d: HoldCongressData, a: Existing): Decision | undefined =>
  d.kind !== 'extraordinary' || !underDecree(a) || pendingRequest(a.governance, d.heldOn) !== undefined
    ? undefined
    : reject(
        'ExtraordinaryCongressNotRequested',
        'R16',
        `No request for an extraordinary congress (⅔ of the leadership or ½ of the official members) is recorded on or before ${d.heldOn}`,
        `Chưa có đề nghị đại hội bất thường (của ít nhất hai phần ba ban lãnh đạo hoặc một nửa hội viên chính thức) đến ngày ${d.heldOn}`,
        'data.kind',
      )

/** R17: a term congress of a decree association is notified ≥ `congressNoticeDays` before, and held after the authority's opinion. */
export const congressFlags = (d: HoldCongressData, a: Existing, policy: Policy): ReadonlyArray<Flag> => {
  if (d.kind !== 'term' || !underDecree(a)) return []
  const notice = a.governance.notices.find((n) => n.congressNumber === d.number && n.notifiedOn <= d.heldOn)
  if (notice === undefined)
    return [{ rule: 'R17', code: 'CongressNotNotified', message: `The authority was not notified of congress ${d.number} / Chưa báo cáo cơ quan có thẩm quyền về đại hội ${d.number}` }]
  const flags: Flag[] = []
  const lead = daysBetween(notice.notifiedOn, d.heldOn as IsoDate)
  if (lead < policy.congressNoticeDays)
    flags.push({
      rule: 'R17',
      code: 'CongressNotifiedLate',
      message: `Notified ${lead} days before congress ${d.number}, fewer than ${policy.congressNoticeDays} / Báo cáo trước đại hội ${d.number} ${lead} ngày, chưa đủ ${policy.congressNoticeDays} ngày`,
    })
  if (notice.opinion === undefined || notice.opinion.receivedOn > d.heldOn)
    flags.push({
      rule: 'R17',
      code: 'AuthorityOpinionMissing',
      message: `Congress ${d.number} was held before the authority's written opinion / Đại hội ${d.number} được tổ chức khi chưa có ý kiến bằng văn bản của cơ quan có thẩm quyền`,
    })
  else if (notice.opinion.opinion === 'objected')
    flags.push({ rule: 'R17', code: 'AuthorityObjected', message: `The authority objected to congress ${d.number} / Cơ quan có thẩm quyền không đồng ý với đại hội ${d.number}` })
  return flags
}

export const notifyAuthority = (d: Data<'NotifyAuthorityOfCongress'>, a: Existing): Decision => {
  const known = a.governance.notices.find((n) => n.congressNumber === d.congressNumber)
  if (known !== undefined && known.notifiedOn === d.notifiedOn && known.plannedOn === d.plannedOn) return nothing
  if (d.notifiedOn < a.foundedOn) return beforeFounding(a, d.notifiedOn, 'data.notifiedOn')
  if (d.plannedOn < d.notifiedOn)
    return reject(
      'CongressPlannedBeforeNotice',
      'R17',
      `The congress is planned on ${d.plannedOn}, before the notice of ${d.notifiedOn}`,
      `Ngày dự kiến đại hội (${d.plannedOn}) trước ngày báo cáo (${d.notifiedOn})`,
      'data.plannedOn',
    )
  if (a.congresses !== null && findHeld(a, d.congressNumber))
    return reject('CongressAlreadyHeld', 'R17', `Congress ${d.congressNumber} was already held`, `Đại hội ${d.congressNumber} đã diễn ra`, 'data.congressNumber')
  return accept({ type: 'CongressNotified', data: d })
}

const findHeld = (a: Existing, number: string): boolean => {
  for (let l = a.congresses; l !== null; l = l.rest) if (l.head.number === number) return true
  return false
}

export const recordAuthorityOpinion = (d: Data<'RecordAuthorityOpinion'>, a: Existing): Decision => {
  const notice = a.governance.notices.find((n) => n.congressNumber === d.congressNumber)
  if (notice === undefined)
    return reject(
      'CongressNotNotified',
      'R17',
      `The authority was not notified of congress ${d.congressNumber}`,
      `Chưa có báo cáo gửi cơ quan có thẩm quyền về đại hội ${d.congressNumber}`,
      'data.congressNumber',
    )
  if (notice.opinion !== undefined)
    return notice.opinion.receivedOn === d.receivedOn && notice.opinion.opinion === d.opinion
      ? nothing
      : reject(
          'OpinionAlreadyRecorded',
          'R17',
          `An opinion on congress ${d.congressNumber} was already recorded on ${notice.opinion.receivedOn}`,
          `Ý kiến về đại hội ${d.congressNumber} đã được ghi nhận ngày ${notice.opinion.receivedOn}`,
          'data.congressNumber',
        )
  if (d.receivedOn < notice.notifiedOn)
    return reject('OpinionBeforeNotice', 'R17', `The authority was notified only on ${notice.notifiedOn}`, `Cơ quan có thẩm quyền chỉ nhận báo cáo từ ngày ${notice.notifiedOn}`, 'data.receivedOn')
  return accept({ type: 'AuthorityOpinionRecorded', data: d })
}

/** R18: a headquarters change is reportable to the authority (see the reportable-changes view). */
export const changeHeadquarters = (d: Data<'ChangeHeadquarters'>, a: Existing): Decision => {
  if (a.governance.headquarters?.address === d.address) return nothing
  const open = associationMustBeOpen(a, a.associationId, 'data.associationId')
  if (E.isLeft(open)) return open
  if (d.changedOn < a.foundedOn) return beforeFounding(a, d.changedOn, 'data.changedOn')
  const since = a.governance.headquarters?.changedOn
  if (since !== undefined && d.changedOn < since)
    return reject('ChangeBeforeLatest', 'design', `The headquarters last changed on ${since}`, `Trụ sở đã thay đổi gần nhất vào ngày ${since}`, 'data.changedOn')
  return accept({ type: 'HeadquartersChanged', data: d })
}

/** R6: a charter takes effect from its approval; R18: its approval is reportable. */
export const approveCharter = (d: Data<'ApproveCharter'>, a: Existing): Decision => {
  if (a.governance.charter?.version === d.version) return nothing
  if (d.approvedOn < a.foundedOn) return beforeFounding(a, d.approvedOn, 'data.approvedOn')
  const since = a.governance.charter?.approvedOn
  if (since !== undefined && d.approvedOn < since)
    return reject('ChangeBeforeLatest', 'R6', `The charter in force was approved on ${since}`, `Điều lệ hiện hành được phê duyệt ngày ${since}`, 'data.approvedOn')
  return accept({ type: 'CharterApproved', data: d })
}

export const lodgeComplaint = (d: Data<'LodgeComplaint'>, a: Existing): Decision => {
  const known = a.governance.complaints.find((c) => c.complaintId === d.complaintId)
  if (known !== undefined)
    return known.lodgedOn === d.lodgedOn && known.subject === d.subject
      ? nothing
      : reject(
          'ComplaintAlreadyLodged',
          'design',
          `Complaint ${d.complaintId} was already lodged with other facts`,
          `Khiếu nại ${d.complaintId} đã được ghi nhận với thông tin khác`,
          'data.complaintId',
        )
  if (d.lodgedOn < a.foundedOn) return beforeFounding(a, d.lodgedOn, 'data.lodgedOn')
  return accept({ type: 'ComplaintLodged', data: d })
}

export const resolveComplaint = (d: Data<'ResolveComplaint'>, a: Existing): Decision => {
  const c = a.governance.complaints.find((x) => x.complaintId === d.complaintId)
  if (c === undefined) return reject('ComplaintNotFound', 'R25', `No complaint ${d.complaintId}`, `Không có khiếu nại ${d.complaintId}`, 'data.complaintId')
  if (c.resolvedOn !== undefined)
    return c.resolvedOn === d.resolvedOn
      ? nothing
      : reject(
          'ComplaintAlreadyResolved',
          'R25',
          `Complaint ${d.complaintId} was resolved on ${c.resolvedOn}`,
          `Khiếu nại ${d.complaintId} đã được giải quyết ngày ${c.resolvedOn}`,
          'data.complaintId',
        )
  if (d.resolvedOn < c.lodgedOn)
    return reject('ResolvedBeforeLodged', 'R25', `Complaint ${d.complaintId} was lodged only on ${c.lodgedOn}`, `Khiếu nại ${d.complaintId} chỉ được gửi từ ngày ${c.lodgedOn}`, 'data.resolvedOn')
  return accept({ type: 'ComplaintResolved', data: d })
}

/** R25: no dissolution while a complaint lodged on or before it is still pending. */
export const checkComplaints = (dissolvedOn: string, a: Existing): Decision | undefined => {
  const pending = a.governance.complaints.filter((c) => c.resolvedOn === undefined && c.lodgedOn <= dissolvedOn)
  return pending.length === 0
    ? undefined
    : reject(
        'ComplaintPending',
        'R25',
        `Complaints still pending: ${pending.map((c) => `${c.complaintId} (${c.lodgedOn})`).join(', ')}; they must be resolved before dissolution`,
        `Còn khiếu nại chưa được giải quyết: ${pending.map((c) => `${c.complaintId} (${c.lodgedOn})`).join(', ')}; phải giải quyết xong trước khi giải thể`,
        'data.associationId',
      )
}

const levelVi = { branch: 'chi hội', cell: 'tổ hội' } as const

/** R20: a branch or cell belongs to this association only; a cell may sit in one of its open branches. */
export const establishBranch = (d: Data<'EstablishBranch'>, a: Existing): Decision => {
  const known = a.governance.branches.find((b) => b.branchId === d.branchId)
  if (known !== undefined)
    return known.name === d.name && known.level === d.level && known.establishedOn === d.establishedOn && known.withinBranchId === d.withinBranchId
      ? nothing
      : reject('BranchAlreadyExists', 'R20', `Branch ${d.branchId} already exists in ${a.associationId}`, `${levelVi[known.level]} ${d.branchId} đã có trong hội ${a.associationId}`, 'data.branchId')
  const open = associationMustBeOpen(a, a.associationId, 'data.associationId')
  if (E.isLeft(open)) return open
  if (d.establishedOn < a.foundedOn) return beforeFounding(a, d.establishedOn, 'data.establishedOn')
  if (d.withinBranchId === undefined) return accept({ type: 'BranchEstablished', data: d })
  const parent = a.governance.branches.find((b) => b.branchId === d.withinBranchId)
  if (parent === undefined || parent.closedOn !== undefined)
    return reject(
      'BranchNotOpen',
      'R20',
      `${a.associationId} has no open branch ${d.withinBranchId}`,
      `Hội ${a.associationId} không có chi hội ${d.withinBranchId} đang hoạt động`,
      'data.withinBranchId',
    )
  if (d.level !== 'cell' || parent.level !== 'branch')
    return reject('OnlyCellsInBranches', 'R20', 'Only a cell (tổ hội) sits inside a branch (chi hội)', 'Chỉ tổ hội mới trực thuộc chi hội', 'data.level')
  if (d.establishedOn < parent.establishedOn)
    return reject(
      'BranchBeforeParent',
      'R20',
      `Branch ${parent.branchId} was established only on ${parent.establishedOn}`,
      `Chi hội ${parent.branchId} chỉ được thành lập từ ngày ${parent.establishedOn}`,
      'data.establishedOn',
    )
  return accept({ type: 'BranchEstablished', data: d })
}

/** The branch and the cells inside it close on the same date, cells first. */
export const closeBranch = (d: Data<'CloseBranch'>, a: Existing): Decision => {
  const b = a.governance.branches.find((x) => x.branchId === d.branchId)
  if (b === undefined) return reject('BranchNotFound', 'R20', `${a.associationId} has no branch ${d.branchId}`, `Hội ${a.associationId} không có chi hội, tổ hội ${d.branchId}`, 'data.branchId')
  if (b.closedOn !== undefined)
    return b.closedOn === d.closedOn
      ? nothing
      : reject('BranchAlreadyClosed', 'R20', `Branch ${d.branchId} closed on ${b.closedOn}`, `${levelVi[b.level]} ${d.branchId} đã giải thể ngày ${b.closedOn}`, 'data.branchId')
  if (d.closedOn < b.establishedOn)
    return reject(
      'BranchClosedBeforeEstablished',
      'R20',
      `Branch ${d.branchId} was established only on ${b.establishedOn}`,
      `${levelVi[b.level]} ${d.branchId} chỉ được thành lập từ ngày ${b.establishedOn}`,
      'data.closedOn',
    )
  const cells = a.governance.branches.filter((x) => x.withinBranchId === d.branchId && x.closedOn === undefined)
  return accept(...closing(cells, d.closedOn, `Chi hội ${d.branchId} giải thể`), { type: 'BranchClosed', data: d })
}

const closing = (branches: ReadonlyArray<Branch>, on: string, reason: string): Event[] =>
  branches.map((b): Event => ({
    type: 'BranchClosed',
    data: { associationId: b.associationId, branchId: b.branchId, closedOn: (on < b.establishedOn ? b.establishedOn : on) as IsoDate, reason: reason as Text },
  }))

/** R20: the branches and cells of a dissolved association end with it, recorded before its dissolution. */
export const branchesEnding = (a: Existing, dissolvedOn: string): ReadonlyArray<Event> =>
  closing(
    a.governance.branches.filter((b) => b.closedOn === undefined),
    dissolvedOn,
    'Hội giải thể / association dissolved',
  )

/** R27: the cap for the association's scope and area, in đồng a month. */
export const remunerationCapOf = (a: Existing, policy: Policy): number => {
  const c = policy.remunerationCap
  const area = c.byArea.find((x) => x.scope === a.scope && (a.areaCode === x.areaPrefix || a.areaCode.startsWith(`${x.areaPrefix}.`)))
  return Math.round((area?.multiplier ?? c.multiplier[a.scope]) * c.baseWage)
}

/** R27: remuneration of a retired full-time leader above the cap is recorded, and flagged. */
export const recordRemuneration = (d: Data<'RecordLeaderRemuneration'>, a: Existing, policy: Policy): Decision => {
  if (a.governance.payments.includes(paymentKey(d.memberId, d.paidOn))) return nothing
  if (d.paidOn < a.foundedOn) return beforeFounding(a, d.paidOn, 'data.paidOn')
  const officer = officersOf(a).current.find((o) => o.memberId === d.memberId && o.electedOn <= d.paidOn)
  if (officer === undefined)
    return reject(
      'NotALeader',
      'R27',
      `${d.memberId} holds no office in ${a.associationId} on ${d.paidOn}`,
      `${d.memberId} không giữ chức danh nào của hội ${a.associationId} vào ngày ${d.paidOn}`,
      'data.memberId',
    )
  const cap = remunerationCapOf(a, policy)
  const flags: Flag[] =
    d.retired && d.monthlyAmount > cap
      ? [
          {
            rule: 'R27',
            code: 'RemunerationAboveCap',
            message: `${d.monthlyAmount} đồng a month exceeds the cap of ${cap} for a retired leader of a ${a.scope} association / Thù lao ${d.monthlyAmount} đồng/tháng vượt mức trần ${cap} đồng của người đã nghỉ hưu giữ chức danh lãnh đạo hội ${vi.scope[a.scope]}`,
          },
        ]
      : []
  return accept({ type: 'LeaderRemunerationRecorded', data: { ...d, flags } })
}
