import * as E from 'fp-ts/lib/Either.js'
import { addYears, daysBetween, type IsoDate } from '../codecs.js'
import { accept, nothing, reject } from '../decider.js'
import type { Policy } from '../policy.js'
import type * as Member from '../member/state.js'
import { associationMustBeOpen } from './guards.js'
import { beforeFounding, vi, type Decision } from './checks.js'
import type { Command } from './commands.js'
import { officersOf, type Congress, type Existing } from './state.js'
import { findIn, hasId } from '../ids.js'
import { checkExtraordinary, congressFlags } from './governance.js'
import { isErased } from '../person/personal.js'

/** Offices one person holds at a time; the others are committees or several deputies. */
export const singleSeatRoles: ReadonlyArray<string> = ['president', 'secretary-general', 'inspection-chair']

type Data<T extends Command['type']> = Extract<Command, { type: T }>['data']

const sameCongress = (c: Congress, d: Data<'HoldCongress'>): boolean =>
  c.kind === d.kind &&
  c.form === d.form &&
  c.heldOn === d.heldOn &&
  c.termStart === d.termStart &&
  c.termEnd === d.termEnd &&
  c.delegatesExpected === d.delegatesExpected &&
  c.delegatesPresent === d.delegatesPresent

/** A congress may be held while suspended: electing new leadership is often the remedy (R23). */
export const holdCongress = (d: Data<'HoldCongress'>, a: Existing, policy: Policy): Decision => {
  const held = findIn(a.congresses, (c) => c.number === d.number)
  if (held !== undefined)
    return sameCongress(held, d)
      ? nothing
      : reject('CongressAlreadyHeld', 'design', `Congress ${d.number} was already held with other facts`, `Đại hội ${d.number} đã được ghi nhận với thông tin khác`, 'data.number')
  if (d.heldOn < a.foundedOn) return beforeFounding(a, d.heldOn, 'data.heldOn')
  if (d.termStart < a.foundedOn) return beforeFounding(a, d.termStart, 'data.termStart')
  if (d.kind === 'founding' && a.congresses !== null)
    return reject(
      'FoundingCongressAlreadyHeld',
      'design',
      'A founding congress is only possible before any other congress',
      'Chỉ có thể tổ chức đại hội thành lập khi hội chưa có đại hội nào',
      'data.kind',
    )
  if (daysBetween(d.termStart, d.heldOn) > policy.termStartLeadDays)
    return reject(
      'TermStartsLongBeforeCongress',
      'R13',
      `A term opens at its congress: it may start at most ${policy.termStartLeadDays} days before ${d.heldOn}`,
      `Nhiệm kỳ bắt đầu từ đại hội: không được bắt đầu sớm hơn ${policy.termStartLeadDays} ngày trước ngày đại hội ${d.heldOn}`,
      'data.termStart',
    )
  if (d.termEnd <= d.termStart) return reject('TermEndsBeforeStart', 'R13', 'The term must end after it starts', 'Nhiệm kỳ phải kết thúc sau ngày bắt đầu', 'data.termEnd')
  const latest = addYears(d.termStart, policy.maxTermYears)
  if (d.termEnd > latest)
    return reject(
      'TermTooLong',
      'R13',
      `A term lasts at most ${policy.maxTermYears} years: it must end by ${latest}`,
      `Nhiệm kỳ tối đa ${policy.maxTermYears} năm: phải kết thúc chậm nhất ngày ${latest}`,
      'data.termEnd',
    )
  if (d.delegatesPresent * 2 <= d.delegatesExpected)
    return reject(
      'QuorumNotReached',
      'R15',
      `More than half of the ${d.delegatesExpected} expected must attend; ${d.delegatesPresent} did`,
      `Phải có hơn một nửa trong số ${d.delegatesExpected} đại biểu triệu tập tham dự; chỉ có ${d.delegatesPresent}`,
      'data.delegatesPresent',
    )
  if (a.term !== undefined && d.termStart < a.term.start)
    return reject(
      'TermStartsBeforeCurrentTerm',
      'design',
      `The new term cannot start before the current term (congress ${a.term.congressNumber}, from ${a.term.start})`,
      `Nhiệm kỳ mới không thể bắt đầu trước nhiệm kỳ hiện tại (đại hội ${a.term.congressNumber}, từ ${a.term.start})`,
      'data.termStart',
    )
  const unasked = checkExtraordinary(d, a)
  if (unasked !== undefined) return unasked
  const flags = congressFlags(d, a, policy)
  return accept({ type: 'CongressHeld', data: flags.length === 0 ? d : { ...d, flags: [...flags] } })
}

/** A member's own association, or the heir that had taken it over by the date (R21: its members carried over). */
const memberOf = (a: Existing, memberAssociationId: string, on: IsoDate): boolean =>
  memberAssociationId === a.associationId || a.predecessors.some((p) => p.fromId === memberAssociationId && p.on <= on)

/** R8: only an active official member of this association may stand for its leadership or inspection committee. */
export const electOfficer = (d: Data<'ElectOfficer'>, a: Existing, member: Member.State | undefined): Decision => {
  if (officersOf(a).current.some((o) => o.memberId === d.memberId && o.role === d.role)) return nothing
  if (d.electedOn < a.foundedOn) return beforeFounding(a, d.electedOn, 'data.electedOn')
  if (d.termEnd !== undefined && d.termEnd <= d.electedOn)
    return reject('OfficerTermEndsBeforeElection', 'design', 'The officer term must end after the election', 'Nhiệm kỳ của chức danh phải kết thúc sau ngày bầu', 'data.termEnd')
  if (member === undefined || member.status === 'none' || !memberOf(a, member.associationId, d.electedOn))
    return reject('MemberNotInAssociation', 'R8', `${d.memberId} is not a member of ${a.associationId}`, `${d.memberId} không phải hội viên của hội ${a.associationId}`, 'data.memberId')
  if (member.status === 'left')
    return reject('MemberNotInAssociation', 'R8', `${d.memberId} has left ${a.associationId} (${member.how})`, `${d.memberId} đã không còn là hội viên của hội ${a.associationId}`, 'data.memberId')
  if (member.category !== 'official')
    return reject(
      'OfficerMustBeOfficialMember',
      'R8',
      `Only official members may be elected; ${d.memberId} is ${member.category}`,
      `Chỉ hội viên chính thức mới được bầu vào ban lãnh đạo, ban kiểm tra; ${d.memberId} là hội viên ${member.category === 'associate' ? 'liên kết' : 'danh dự'}`,
      'data.memberId',
    )
  if (d.electedOn < member.admittedOn)
    return reject('ElectedBeforeAdmission', 'R8', `${d.memberId} was not yet a member on ${d.electedOn}`, `Ngày ${d.electedOn} ${d.memberId} chưa là hội viên`, 'data.electedOn')
  const holder = singleSeatRoles.includes(d.role) ? officersOf(a).current.find((o) => o.role === d.role) : undefined
  if (holder !== undefined)
    return reject(
      'SeatOccupied',
      'design',
      `${holder.fullName} (${holder.memberId}) holds the single seat of ${d.role} since ${holder.electedOn}: relieve them first`,
      `${holder.fullName} (${holder.memberId}) đang giữ chức ${vi.role[d.role]} từ ngày ${holder.electedOn}: phải miễn nhiệm trước khi bầu người khác`,
      'data.role',
    )
  const fullName = member.fullName
  if (isErased(fullName)) return reject('PersonalDataErased', 'H1', `The personal data of ${d.memberId} was erased`, `Dữ liệu cá nhân của hội viên ${d.memberId} đã bị xoá`, 'data.memberId')
  return accept({ type: 'OfficerElected', data: { ...d, fullName } })
}

export const relieveOfficer = (d: Data<'RelieveOfficer'>, a: Existing): Decision => {
  const holds = (o: { memberId: string; role: string }) => o.memberId === d.memberId && o.role === d.role
  const officers = officersOf(a)
  const officer = officers.current.find(holds)
  if (officer === undefined)
    return officers.former.some((o) => holds(o) && o.relievedOn === d.relievedOn)
      ? nothing
      : reject('OfficerNotInRole', 'design', `${d.memberId} does not hold the role ${d.role}`, `${d.memberId} không giữ chức danh ${vi.role[d.role]}`, 'data.role')
  if (d.relievedOn < officer.electedOn)
    return reject(
      'ReliefBeforeElection',
      'design',
      `${d.memberId} was elected ${d.role} only on ${officer.electedOn}`,
      `${d.memberId} chỉ được bầu giữ chức danh ${vi.role[d.role]} từ ngày ${officer.electedOn}`,
      'data.relievedOn',
    )
  return accept({ type: 'OfficerRelieved', data: d })
}

export const adoptResolution = (d: Data<'AdoptResolution'>, a: Existing): Decision => {
  if (hasId(a.resolutionIds, d.resolutionId)) return nothing
  const open = associationMustBeOpen(a, a.associationId, 'data.associationId')
  if (E.isLeft(open)) return open
  const congress = findIn(a.congresses, (c) => c.number === d.congressNumber)
  if (congress === undefined) return reject('CongressNotHeld', 'design', `No congress ${d.congressNumber} was held`, `Chưa có đại hội ${d.congressNumber}`, 'data.congressNumber')
  if (d.adoptedOn < congress.heldOn)
    return reject(
      'ResolutionBeforeCongress',
      'design',
      `Congress ${d.congressNumber} was held only on ${congress.heldOn}`,
      `Đại hội ${d.congressNumber} chỉ diễn ra ngày ${congress.heldOn}`,
      'data.adoptedOn',
    )
  return accept({ type: 'ResolutionAdopted', data: d })
}

export const holdConference = (d: Data<'HoldConference'>, a: Existing): Decision => {
  if (hasId(a.conferenceIds, d.conferenceId)) return nothing
  const open = associationMustBeOpen(a, a.associationId, 'data.associationId')
  if (E.isLeft(open)) return open
  if (d.heldOn < a.foundedOn) return beforeFounding(a, d.heldOn, 'data.heldOn')
  return accept({ type: 'ConferenceHeld', data: d })
}
