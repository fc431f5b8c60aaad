import * as E from 'fp-ts/lib/Either.js'
import { ageOn, type IsoDate } from '../codecs.js'
import { accept, nothing, reject, type Flag, type Rejection } from '../decider.js'
import type { Policy } from '../policy.js'
import type * as Association from '../association/state.js'
import { associationMustBeOpen } from '../association/guards.js'
import type { Command } from './commands.js'
import type { Event } from './events.js'
import type { Existing, Leaving, State } from './state.js'

/**
 * `association`: the association joined (admission, arrival by transfer); `source`: the member stream
 * the person transfers from; `destination`: the association a member transfers to.
 */
export type Context = {
  readonly policy: Policy
  readonly association?: Association.State
  readonly source?: State
  readonly destination?: Association.State
}
type Decision = E.Either<Rejection, ReadonlyArray<Event>>
type Data<T extends Command['type']> = Extract<Command, { type: T }>['data']

const leavingVi: Readonly<Record<Leaving, string>> = {
  resigned: 'xin ra khỏi hội', expelled: 'bị khai trừ', 'struck-off': 'bị xóa tên', deceased: 'từ trần', 'transferred-out': 'chuyển sinh hoạt đi hội khác',
}

/** The member exists and belongs to the association the command names. */
const mustBeMember = (state: State, d: { memberId: string; associationId: string }): E.Either<Rejection, Existing> =>
  state.status === 'none'
    ? reject('MemberNotFound', 'design', `No member ${d.memberId}`, `Không có hội viên ${d.memberId}`, 'data.memberId')
    : state.associationId !== d.associationId
      ? reject('MemberNotInAssociation', 'design', `Member ${d.memberId} belongs to ${state.associationId}, not ${d.associationId}`, `Hội viên ${d.memberId} thuộc hội ${state.associationId}, không thuộc hội ${d.associationId}`, 'data.associationId')
      : E.right(state)

/** R11: after leaving, nothing happens to a member except corrections. */
const alreadyLeft = (m: Extract<State, { status: 'left' }>): Decision =>
  reject(
    'MemberAlreadyLeft', 'R11',
    `Member ${m.memberId} left on ${m.leftOn} (${m.how}): only corrections are possible`,
    `Hội viên ${m.memberId} đã ${leavingVi[m.how]} ngày ${m.leftOn}: chỉ được đính chính thông tin`,
    'data.memberId',
  )

const beforeAdmission = (m: Existing, on: IsoDate, field: string): Decision =>
  reject('EventBeforeAdmission', 'design', `${on} is before ${m.memberId} joined on ${m.admittedOn}`, `Ngày ${on} trước ngày vào hội của hội viên ${m.memberId} (${m.admittedOn})`, field)

const changeCategory = (d: Data<'ChangeMemberCategory'>, state: State): Decision => {
  const m = mustBeMember(state, d)
  if (E.isLeft(m)) return m
  if (m.right.status === 'left') return alreadyLeft(m.right)
  if (m.right.category === d.category) return nothing
  if (d.changedOn < m.right.admittedOn) return beforeAdmission(m.right, d.changedOn, 'data.changedOn')
  return accept({ type: 'MemberCategoryChanged', data: d })
}

/** R11: corrections are the one change allowed after a member has left. */
const correctDetails = (d: Data<'CorrectMemberDetails'>, state: State): Decision => {
  const m = mustBeMember(state, d)
  if (E.isLeft(m)) return m
  const given = (['fullName', 'birthDate', 'gender', 'cardNo'] as const).filter((k) => d[k] !== undefined)
  if (given.length === 0)
    return reject('NothingToCorrect', 'design', 'A correction must give at least one of fullName, birthDate, gender or cardNo', 'Cần đính chính ít nhất một trong các thông tin: họ tên, ngày sinh, giới tính, số thẻ', 'data')
  // a correction whose every value is already recorded is satisfied, so a retry yields nothing
  if (given.every((k) => d[k] === m.right[k])) return nothing
  if (d.correctedOn < m.right.admittedOn) return beforeAdmission(m.right, d.correctedOn, 'data.correctedOn')
  if (d.birthDate !== undefined && d.birthDate > m.right.admittedOn)
    return reject('BirthAfterAdmission', 'design', 'The birth date is after the admission date', 'Ngày sinh sau ngày kết nạp', 'data.birthDate')
  return accept({ type: 'MemberDetailsCorrected', data: d })
}

const referToParty = (d: Data<'ReferMemberToParty'>, state: State): Decision => {
  const m = mustBeMember(state, d)
  if (E.isLeft(m)) return m
  if (m.right.referredToParty) return nothing
  if (m.right.status === 'left') return alreadyLeft(m.right)
  if (m.right.category !== 'official')
    return reject('ReferralNeedsOfficialMember', 'design', `Only official members are referred to the Party; ${d.memberId} is ${m.right.category}`, `Chỉ hội viên chính thức mới được giới thiệu kết nạp Đảng`, 'data.memberId')
  if (d.referredOn < m.right.admittedOn) return beforeAdmission(m.right, d.referredOn, 'data.referredOn')
  return accept({ type: 'MemberReferredToParty', data: d })
}

/** Resignation, expulsion, striking off and death: the same leaving again is satisfied, any other is refused (R11). */
const leave = (
  state: State, d: { memberId: string; associationId: string }, how: Leaving, on: IsoDate, field: string, event: Event,
): Decision => {
  const m = mustBeMember(state, d)
  if (E.isLeft(m)) return m
  if (m.right.status === 'left') return m.right.how === how && m.right.leftOn === on ? nothing : alreadyLeft(m.right)
  if (on < m.right.admittedOn) return beforeAdmission(m.right, on, field)
  return accept(event)
}

/** Compared with the record as it stands: after a later change, replaying the old admission is refused, never silently taken. */
const sameAdmission = (d: Data<'AdmitMember'>, m: Existing): boolean =>
  m.fromMemberId === undefined && m.associationId === d.associationId && m.personId === d.personId && m.fullName === d.fullName &&
  m.birthDate === d.birthDate && m.gender === d.gender && m.category === d.category && m.admittedOn === d.admittedOn && m.cardNo === d.cardNo

const alreadyExists = (memberId: string): Decision =>
  reject(
    'MemberAlreadyExists', 'R10',
    `Member ${memberId} already exists: its joining date never changes, and a re-admission needs a new member id`,
    `Hội viên ${memberId} đã tồn tại: ngày vào hội không thay đổi, kết nạp lại phải dùng mã hội viên mới`,
    'data.memberId',
  )

/** R28: the age rule of the association's kind; between `exceptionFrom` and `minimum` admits with a flag. */
const ageFlags = (d: Data<'AdmitMember'>, association: Association.Existing, policy: Policy): E.Either<Rejection, ReadonlyArray<Flag>> => {
  const rule = policy.memberAge[association.kind]
  if (rule === undefined) return E.right([])
  const age = ageOn(d.birthDate, d.admittedOn)
  if (age >= rule.minimum) return E.right([])
  if (rule.exceptionFrom !== undefined && age >= rule.exceptionFrom)
    return E.right([{
      rule: 'R28', code: 'AgeException',
      message: `Admitted at ${age}, under the minimum age of ${rule.minimum}, as an exception / Kết nạp ở tuổi ${age}, dưới ${rule.minimum} tuổi, theo diện ngoại lệ`,
    }])
  return reject(
    'AgeBelowMinimum', 'R28',
    `${d.fullName} is ${age} on ${d.admittedOn}; members of a ${association.kind} association must be at least ${rule.exceptionFrom ?? rule.minimum}`,
    `${d.fullName} mới ${age} tuổi vào ngày ${d.admittedOn}; hội viên của hội này phải từ ${rule.exceptionFrom ?? rule.minimum} tuổi trở lên`,
    'data.birthDate',
  )
}

const admit = (d: Data<'AdmitMember'>, state: State, context: Context): Decision => {
  if (state.status !== 'none') return sameAdmission(d, state) ? nothing : alreadyExists(d.memberId)
  const association = associationMustBeOpen(context.association, d.associationId, 'data.associationId')
  if (E.isLeft(association)) return association
  if (d.birthDate > d.admittedOn)
    return reject('BirthAfterAdmission', 'design', 'The birth date is after the admission date', 'Ngày sinh sau ngày kết nạp', 'data.birthDate')
  if (d.admittedOn < association.right.foundedOn)
    return reject('AdmissionBeforeFounding', 'design', `The association was founded only on ${association.right.foundedOn}`, `Hội chỉ được thành lập từ ngày ${association.right.foundedOn}`, 'data.admittedOn')
  const flags = ageFlags(d, association.right, context.policy)
  if (E.isLeft(flags)) return flags
  return accept({ type: 'MemberAdmitted', data: { ...d, flags: [...flags.right] } })
}

const transferOut = (d: Data<'TransferMemberOut'>, state: State, context: Context): Decision => {
  const m = mustBeMember(state, d)
  if (E.isLeft(m)) return m
  if (m.right.status === 'left')
    return m.right.how === 'transferred-out' && m.right.leftOn === d.transferredOn && m.right.toAssociationId === d.toAssociationId && m.right.toMemberId === d.toMemberId
      ? nothing
      : alreadyLeft(m.right)
  if (d.toAssociationId === d.associationId)
    return reject('TransferToSameAssociation', 'R12', 'A transfer must go to another association', 'Chỉ chuyển sinh hoạt sang hội khác', 'data.toAssociationId')
  if (d.toMemberId === d.memberId)
    return reject('TransferNeedsNewMemberId', 'R10', 'The person needs a new member id in the destination association', 'Hội viên cần mã mới tại hội chuyển đến', 'data.toMemberId')
  if (d.transferredOn < m.right.admittedOn) return beforeAdmission(m.right, d.transferredOn, 'data.transferredOn')
  const destination = associationMustBeOpen(context.destination, d.toAssociationId, 'data.toAssociationId')
  if (E.isLeft(destination)) return destination
  return accept({ type: 'MemberTransferredOut', data: { ...d, personId: m.right.personId } })
}

const sameArrival = (d: Data<'TransferMemberIn'>, m: Existing): boolean =>
  m.fromMemberId === d.fromMemberId && m.fromAssociationId === d.fromAssociationId && m.associationId === d.associationId &&
  m.admittedOn === d.transferredOn && (d.category === undefined || d.category === m.category) && (d.cardNo === undefined || d.cardNo === m.cardNo)

/** R12: the arrival half of a transfer; the person's facts come from the matching departure. */
const transferIn = (d: Data<'TransferMemberIn'>, state: State, context: Context): Decision => {
  if (state.status !== 'none') return sameArrival(d, state) ? nothing : alreadyExists(d.memberId)
  const source = context.source
  if (
    source === undefined || source.status !== 'left' || source.how !== 'transferred-out' || source.associationId !== d.fromAssociationId ||
    source.toAssociationId !== d.associationId || source.toMemberId !== d.memberId
  )
    return reject(
      'TransferOutMissing', 'R12',
      `Member ${d.fromMemberId} of ${d.fromAssociationId} has not transferred out to ${d.associationId} as ${d.memberId}`,
      `Hội viên ${d.fromMemberId} của hội ${d.fromAssociationId} chưa được chuyển sinh hoạt sang hội ${d.associationId} với mã ${d.memberId}`,
      'data.fromMemberId',
    )
  if (d.transferredOn < source.leftOn)
    return reject('TransferInBeforeOut', 'R12', `The member left ${d.fromAssociationId} only on ${source.leftOn}`, `Hội viên chỉ chuyển đi khỏi hội ${d.fromAssociationId} từ ngày ${source.leftOn}`, 'data.transferredOn')
  const association = associationMustBeOpen(context.association, d.associationId, 'data.associationId')
  if (E.isLeft(association)) return association
  if (d.transferredOn < association.right.foundedOn)
    return reject('AdmissionBeforeFounding', 'design', `The association was founded only on ${association.right.foundedOn}`, `Hội chỉ được thành lập từ ngày ${association.right.foundedOn}`, 'data.transferredOn')
  return accept({
    type: 'MemberTransferredIn',
    data: {
      memberId: d.memberId, associationId: d.associationId, personId: source.personId, fullName: source.fullName, birthDate: source.birthDate,
      gender: source.gender, category: d.category ?? source.category, fromAssociationId: d.fromAssociationId, fromMemberId: d.fromMemberId,
      transferredOn: d.transferredOn, flags: [], ...(d.cardNo === undefined ? {} : { cardNo: d.cardNo }),
    },
  })
}

export const decide = (command: Command, state: State, context: Context): Decision => {
  switch (command.type) {
    case 'AdmitMember':
      return admit(command.data, state, context)
    case 'TransferMemberOut':
      return transferOut(command.data, state, context)
    case 'TransferMemberIn':
      return transferIn(command.data, state, context)
    case 'ChangeMemberCategory':
      return changeCategory(command.data, state)
    case 'CorrectMemberDetails':
      return correctDetails(command.data, state)
    case 'ReferMemberToParty':
      return referToParty(command.data, state)
    case 'RecordResignation':
      return leave(state, command.data, 'resigned', command.data.resignedOn, 'data.resignedOn', { type: 'MemberResigned', data: command.data })
    case 'ExpelMember':
      return leave(state, command.data, 'expelled', command.data.expelledOn, 'data.expelledOn', { type: 'MemberExpelled', data: command.data })
    case 'StrikeOffMember':
      return leave(state, command.data, 'struck-off', command.data.struckOffOn, 'data.struckOffOn', { type: 'MemberStruckOff', data: command.data })
    case 'RecordDeath':
      return leave(state, command.data, 'deceased', command.data.diedOn, 'data.diedOn', { type: 'MemberDeceased', data: command.data })
  }
}
