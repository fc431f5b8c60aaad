import * as E from 'fp-ts/lib/Either.js'
import type { IsoDate } from '../codecs.js'
import { accept, nothing, reject, type Rejection } from '../decider.js'
import { DECREE_126_FROM, type Policy } from '../policy.js'
import { heldByOther, type State as ClaimState } from '../claim/claim.js'
import { eligibility, type Person } from './eligibility.js'
import { isErased, type Erased } from '../person/personal.js'
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
  /** the claim on the person's seat in the association joined: held by another member id while that one is active */
  readonly membership?: ClaimState
  /** the person's seat in each association the one joined carries on (R21), under `carriedKey(id)` */
  readonly [carried: `carried~${string}`]: ClaimState | undefined
}

/** The associations whose members the association joined carries on as their heir (R21), each once. */
export const carriedIds = (a: Association.State | undefined): ReadonlyArray<string> => (a === undefined || a.status === 'none' ? [] : [...new Set(a.predecessors.map((p) => p.fromId))])
export const carriedKey = (associationId: string): `carried~${string}` => `carried~${associationId}`
type Decision = E.Either<Rejection, ReadonlyArray<Event>>
type Data<T extends Command['type']> = Extract<Command, { type: T }>['data']

const leavingVi: Readonly<Record<Leaving, string>> = {
  resigned: 'xin ra khỏi hội',
  expelled: 'bị khai trừ',
  'struck-off': 'bị xóa tên',
  deceased: 'từ trần',
  'transferred-out': 'chuyển sinh hoạt đi hội khác',
}

/**
 * The member exists and belongs, on `on`, to the association the command names: its own, or the
 * heir that took its association over by then (R21). A reorganisation moves no member stream: the
 * heir's takeover (AssociationTookOver, loaded as `association`) is the record that the source's
 * members are the heir's from that date, so a carried member is commanded through its heir and its
 * history stays under its first association's id, which still names it too.
 */
const mustBeMember = (state: State, d: { memberId: string; associationId: string }, on: IsoDate, context: Context): E.Either<Rejection, Existing> => {
  if (state.status === 'none') return reject('MemberNotFound', 'design', `No member ${d.memberId}`, `Không có hội viên ${d.memberId}`, 'data.memberId')
  if (state.associationId === d.associationId) return E.right(state)
  const heir = context.association
  const took = heir === undefined || heir.status === 'none' ? undefined : heir.predecessors.find((p) => p.fromId === state.associationId)
  if (took === undefined)
    return reject(
      'MemberNotInAssociation',
      'design',
      `Member ${d.memberId} belongs to ${state.associationId}, not ${d.associationId}`,
      `Hội viên ${d.memberId} thuộc hội ${state.associationId}, không thuộc hội ${d.associationId}`,
      'data.associationId',
    )
  if (on < took.on)
    return reject(
      'BeforeCarriedOver',
      'R21',
      `Member ${d.memberId} belongs to ${d.associationId} only from ${took.on}, when it took over ${state.associationId}; before that, name ${state.associationId}`,
      `Hội viên ${d.memberId} chỉ thuộc hội ${d.associationId} từ ngày ${took.on} (khi kế thừa hội ${state.associationId}); trước ngày đó phải ghi theo hội ${state.associationId}`,
      'data.associationId',
    )
  return E.right(state)
}

/**
 * The facts R28 reads, when the person's personal data is still on record: an erased person (H1)
 * cannot be checked against an age or gender rule, so a decision that needs those facts is refused.
 */
const knownFacts = (p: { fullName: string; birthDate: IsoDate | Erased; gender: Person['gender'] | Erased }, memberId: string, field: string): E.Either<Rejection, Person> => {
  const { fullName, birthDate, gender } = p
  return isErased(birthDate) || isErased(gender)
    ? reject(
        'PersonalDataErased',
        'H1',
        `The personal data of ${memberId} was erased: the age and gender rules (R28) cannot be checked`,
        `Dữ liệu cá nhân của hội viên ${memberId} đã bị xoá: không thể kiểm tra điều kiện tuổi, giới tính (R28)`,
        field,
      )
    : E.right({ fullName, birthDate, gender })
}

/** R11: after leaving, nothing happens to a member except corrections. */
const alreadyLeft = (m: Extract<State, { status: 'left' }>): Decision =>
  reject(
    'MemberAlreadyLeft',
    'R11',
    `Member ${m.memberId} left on ${m.leftOn} (${m.how}): only corrections are possible`,
    `Hội viên ${m.memberId} đã ${leavingVi[m.how]} ngày ${m.leftOn}: chỉ được đính chính thông tin`,
    'data.memberId',
  )

const beforeAdmission = (m: Existing, on: IsoDate, field: string): Decision =>
  reject('EventBeforeAdmission', 'design', `${on} is before ${m.memberId} joined on ${m.admittedOn}`, `Ngày ${on} trước ngày vào hội của hội viên ${m.memberId} (${m.admittedOn})`, field)

const changeCategory = (d: Data<'ChangeMemberCategory'>, state: State, context: Context): Decision => {
  const m = mustBeMember(state, d, d.changedOn, context)
  if (E.isLeft(m)) return m
  if (m.right.status === 'left') return alreadyLeft(m.right)
  if (m.right.category === d.category) return nothing
  if (d.changedOn < m.right.admittedOn) return beforeAdmission(m.right, d.changedOn, 'data.changedOn')
  return accept({ type: 'MemberCategoryChanged', data: d })
}

/** R11: corrections are the one change allowed after a member has left. */
const correctDetails = (d: Data<'CorrectMemberDetails'>, state: State, context: Context): Decision => {
  const m = mustBeMember(state, d, d.correctedOn, context)
  if (E.isLeft(m)) return m
  const given = (['fullName', 'birthDate', 'gender', 'cardNo'] as const).filter((k) => d[k] !== undefined)
  if (given.length === 0)
    return reject(
      'NothingToCorrect',
      'design',
      'A correction must give at least one of fullName, birthDate, gender or cardNo',
      'Cần đính chính ít nhất một trong các thông tin: họ tên, ngày sinh, giới tính, số thẻ',
      'data',
    )
  // a correction whose every value is already recorded is satisfied, so a retry yields nothing
  if (given.every((k) => d[k] === m.right[k])) return nothing
  if (d.correctedOn < m.right.admittedOn) return beforeAdmission(m.right, d.correctedOn, 'data.correctedOn')
  if (d.birthDate !== undefined && d.birthDate > d.correctedOn)
    return reject(
      'DateAfterCommand',
      'design',
      `The birth date ${d.birthDate} is after the correction itself (${d.correctedOn})`,
      `Ngày sinh ${d.birthDate} sau chính ngày đính chính (${d.correctedOn})`,
      'data.birthDate',
    )
  if (d.birthDate !== undefined && d.birthDate > m.right.admittedOn)
    return reject('BirthAfterAdmission', 'design', 'The birth date is after the admission date', 'Ngày sinh sau ngày kết nạp', 'data.birthDate')
  // R28: a corrected birth date or gender must still have allowed the person to join, on the day they joined
  if (d.birthDate === undefined && d.gender === undefined) return accept({ type: 'MemberDetailsCorrected', data: d })
  const association = context.association
  if (association === undefined || association.status === 'none')
    return reject('AssociationNotFound', 'design', `No association ${d.associationId}`, `Không có hội ${d.associationId}`, 'data.associationId')
  const person = knownFacts({ fullName: d.fullName ?? m.right.fullName, birthDate: d.birthDate ?? m.right.birthDate, gender: d.gender ?? m.right.gender }, d.memberId, 'data.memberId')
  if (E.isLeft(person)) return person
  const flags = eligibility(person.right, m.right.admittedOn, association, context.policy, { birthDate: 'data.birthDate', gender: 'data.gender' })
  if (E.isLeft(flags)) return flags
  return accept({ type: 'MemberDetailsCorrected', data: flags.right.length === 0 ? d : { ...d, flags: [...flags.right] } })
}

/** R20: a member is placed in an open branch or cell of its own association, from its admission on. */
const placeInBranch = (d: Data<'PlaceMemberInBranch'>, state: State, context: Context): Decision => {
  const m = mustBeMember(state, d, d.placedOn, context)
  if (E.isLeft(m)) return m
  if (m.right.branchId === d.branchId) return nothing
  if (m.right.status === 'left') return alreadyLeft(m.right)
  if (d.placedOn < m.right.admittedOn) return beforeAdmission(m.right, d.placedOn, 'data.placedOn')
  const association = associationMustBeOpen(context.association, d.associationId, 'data.associationId')
  if (E.isLeft(association)) return association
  const branch = association.right.governance.branches.find((b) => b.branchId === d.branchId)
  if (branch === undefined || branch.establishedOn > d.placedOn || (branch.closedOn !== undefined && branch.closedOn <= d.placedOn))
    return reject(
      'BranchNotOpen',
      'R20',
      `${d.associationId} has no branch or cell ${d.branchId} open on ${d.placedOn}`,
      `Hội ${d.associationId} không có chi hội, tổ hội ${d.branchId} đang hoạt động vào ngày ${d.placedOn}`,
      'data.branchId',
    )
  return accept({ type: 'MemberPlacedInBranch', data: d })
}

const referToParty = (d: Data<'ReferMemberToParty'>, state: State, context: Context): Decision => {
  const m = mustBeMember(state, d, d.referredOn, context)
  if (E.isLeft(m)) return m
  if (m.right.referredToParty) return nothing
  if (m.right.status === 'left') return alreadyLeft(m.right)
  if (m.right.category !== 'official')
    return reject(
      'ReferralNeedsOfficialMember',
      'design',
      `Only official members are referred to the Party; ${d.memberId} is ${m.right.category}`,
      `Chỉ hội viên chính thức mới được giới thiệu kết nạp Đảng`,
      'data.memberId',
    )
  if (d.referredOn < m.right.admittedOn) return beforeAdmission(m.right, d.referredOn, 'data.referredOn')
  return accept({ type: 'MemberReferredToParty', data: d })
}

/** Resignation, expulsion, striking off and death: the same leaving again is satisfied, any other is refused (R11). */
const leave = (state: State, d: { memberId: string; associationId: string }, how: Leaving, on: IsoDate, field: string, event: Event, context: Context): Decision => {
  const m = mustBeMember(state, d, on, context)
  if (E.isLeft(m)) return m
  if (m.right.status === 'left') return m.right.how === how && m.right.leftOn === on ? nothing : alreadyLeft(m.right)
  if (on < m.right.admittedOn) return beforeAdmission(m.right, on, field)
  return accept(event)
}

/** Compared with the record as it stands: after a later change, replaying the old admission is refused, never silently taken. */
const sameAdmission = (d: Data<'AdmitMember'>, m: Existing): boolean =>
  m.fromMemberId === undefined &&
  m.associationId === d.associationId &&
  m.personId === d.personId &&
  m.fullName === d.fullName &&
  m.birthDate === d.birthDate &&
  m.gender === d.gender &&
  m.category === d.category &&
  m.admittedOn === d.admittedOn &&
  m.cardNo === d.cardNo

const alreadyExists = (memberId: string): Decision =>
  reject(
    'MemberAlreadyExists',
    'R10',
    `Member ${memberId} already exists: its joining date never changes, and a re-admission needs a new member id`,
    `Hội viên ${memberId} đã tồn tại: ngày vào hội không thay đổi, kết nạp lại phải dùng mã hội viên mới`,
    'data.memberId',
  )

/** R10: one active membership per person and association; a re-admission after leaving is a new member id. */
const alreadyActive = (d: { associationId: string; memberId: string }, personId: string, holder: string): Decision =>
  reject(
    'PersonAlreadyActiveMember',
    'R10',
    `Person ${personId} is already an active member of ${d.associationId} as ${holder}`,
    `Người ${personId} đang là hội viên của hội ${d.associationId} (mã ${holder})`,
    'data.personId',
  )

/**
 * R10 after a reorganisation (R21): the members of an association the heir took over by `on` are the
 * heir's, so a person still active there is already an active member of the heir.
 */
const carriedHolder = (a: Association.State | undefined, on: IsoDate, context: Context, memberId: string): { readonly fromId: string; readonly holder: string } | undefined => {
  if (a === undefined || a.status === 'none') return undefined
  for (const p of a.predecessors) {
    if (p.on > on) continue
    const holder = heldByOther(context[carriedKey(p.fromId)], memberId)
    if (holder !== undefined) return { fromId: p.fromId, holder }
  }
  return undefined
}

const alreadyCarried = (d: { associationId: string }, personId: string, c: { readonly fromId: string; readonly holder: string }): Decision =>
  reject(
    'PersonAlreadyActiveMember',
    'R10',
    `Person ${personId} is already an active member of ${d.associationId} as ${c.holder}, carried over from ${c.fromId}`,
    `Người ${personId} đang là hội viên của hội ${d.associationId} (mã ${c.holder}, kế thừa từ hội ${c.fromId})`,
    'data.personId',
  )

const admit = (d: Data<'AdmitMember'>, state: State, context: Context): Decision => {
  if (state.status !== 'none') return sameAdmission(d, state) ? nothing : alreadyExists(d.memberId)
  const association = associationMustBeOpen(context.association, d.associationId, 'data.associationId')
  if (E.isLeft(association)) return association
  if (d.birthDate > d.admittedOn) return reject('BirthAfterAdmission', 'design', 'The birth date is after the admission date', 'Ngày sinh sau ngày kết nạp', 'data.birthDate')
  if (d.admittedOn < association.right.foundedOn)
    return reject(
      'AdmissionBeforeFounding',
      'design',
      `The association was founded only on ${association.right.foundedOn}`,
      `Hội chỉ được thành lập từ ngày ${association.right.foundedOn}`,
      'data.admittedOn',
    )
  const holder = heldByOther(context.membership, d.memberId)
  if (holder !== undefined) return alreadyActive(d, d.personId, holder)
  const carried = carriedHolder(association.right, d.admittedOn, context, d.memberId)
  if (carried !== undefined) return alreadyCarried(d, d.personId, carried)
  // R9 (Decree 126, by the admission date R2; not for bodies under their own charter R1)
  if (d.representative !== undefined && !d.representative.vietnameseCitizen && association.right.regime !== 'own-charter' && d.admittedOn >= DECREE_126_FROM)
    return reject(
      'RepresentativeNotVietnamese',
      'R9',
      `The representative of the organisation member ${d.representative.organisation} must be a Vietnamese citizen`,
      `Người đại diện của hội viên tổ chức ${d.representative.organisation} phải là công dân Việt Nam`,
      'data.representative.vietnameseCitizen',
    )
  const flags = eligibility(d, d.admittedOn, association.right, context.policy, { birthDate: 'data.birthDate', gender: 'data.gender' })
  if (E.isLeft(flags)) return flags
  return accept({ type: 'MemberAdmitted', data: { ...d, flags: [...flags.right] } })
}

const transferOut = (d: Data<'TransferMemberOut'>, state: State, context: Context): Decision => {
  const m = mustBeMember(state, d, d.transferredOn, context)
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
  m.fromMemberId === d.fromMemberId &&
  m.fromAssociationId === d.fromAssociationId &&
  m.associationId === d.associationId &&
  m.admittedOn === d.transferredOn &&
  (d.category === undefined || d.category === m.category) &&
  (d.cardNo === undefined || d.cardNo === m.cardNo)

/** R12: the arrival half of a transfer; the person's facts come from the matching departure. */
const transferIn = (d: Data<'TransferMemberIn'>, state: State, context: Context): Decision => {
  if (state.status !== 'none') return sameArrival(d, state) ? nothing : alreadyExists(d.memberId)
  const source = context.source
  if (
    source === undefined ||
    source.status !== 'left' ||
    source.how !== 'transferred-out' ||
    (source.associationId !== d.fromAssociationId && source.outOfAssociationId !== d.fromAssociationId) ||
    source.toAssociationId !== d.associationId ||
    source.toMemberId !== d.memberId
  )
    return reject(
      'TransferOutMissing',
      'R12',
      `Member ${d.fromMemberId} of ${d.fromAssociationId} has not transferred out to ${d.associationId} as ${d.memberId}`,
      `Hội viên ${d.fromMemberId} của hội ${d.fromAssociationId} chưa được chuyển sinh hoạt sang hội ${d.associationId} với mã ${d.memberId}`,
      'data.fromMemberId',
    )
  if (d.transferredOn < source.leftOn)
    return reject(
      'TransferInBeforeOut',
      'R12',
      `The member left ${d.fromAssociationId} only on ${source.leftOn}`,
      `Hội viên chỉ chuyển đi khỏi hội ${d.fromAssociationId} từ ngày ${source.leftOn}`,
      'data.transferredOn',
    )
  const association = associationMustBeOpen(context.association, d.associationId, 'data.associationId')
  if (E.isLeft(association)) return association
  if (d.transferredOn < association.right.foundedOn)
    return reject(
      'AdmissionBeforeFounding',
      'design',
      `The association was founded only on ${association.right.foundedOn}`,
      `Hội chỉ được thành lập từ ngày ${association.right.foundedOn}`,
      'data.transferredOn',
    )
  if (d.personId !== undefined && d.personId !== source.personId)
    return reject(
      'TransferPersonMismatch',
      'R12',
      `${d.fromMemberId} is person ${source.personId}, not ${d.personId}`,
      `Hội viên ${d.fromMemberId} là người ${source.personId}, không phải ${d.personId}`,
      'data.personId',
    )
  const holder = heldByOther(context.membership, d.memberId)
  if (d.personId !== undefined && holder !== undefined) return alreadyActive(d, source.personId, holder)
  const carried = d.personId === undefined ? undefined : carriedHolder(association.right, d.transferredOn, context, d.memberId)
  if (carried !== undefined) return alreadyCarried(d, source.personId, carried)
  // R28 on arrival too: a transfer is no way round the destination's age or gender rule
  const facts = knownFacts(source, d.fromMemberId, 'data.fromMemberId')
  if (E.isLeft(facts)) return facts
  const flags = eligibility(facts.right, d.transferredOn, association.right, context.policy, { birthDate: 'data.fromMemberId', gender: 'data.fromMemberId' })
  if (E.isLeft(flags)) return flags
  return accept({
    type: 'MemberTransferredIn',
    data: {
      memberId: d.memberId,
      associationId: d.associationId,
      personId: source.personId,
      fullName: source.fullName,
      birthDate: source.birthDate,
      gender: source.gender,
      category: d.category ?? source.category,
      fromAssociationId: d.fromAssociationId,
      fromMemberId: d.fromMemberId,
      transferredOn: d.transferredOn,
      flags: [...flags.right],
      ...(d.cardNo === undefined ? {} : { cardNo: d.cardNo }),
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
      return changeCategory(command.data, state, context)
    case 'CorrectMemberDetails':
      return correctDetails(command.data, state, context)
    case 'ReferMemberToParty':
      return referToParty(command.data, state, context)
    case 'PlaceMemberInBranch':
      return placeInBranch(command.data, state, context)
    case 'RecordResignation':
      return leave(state, command.data, 'resigned', command.data.resignedOn, 'data.resignedOn', { type: 'MemberResigned', data: command.data }, context)
    case 'ExpelMember':
      return leave(state, command.data, 'expelled', command.data.expelledOn, 'data.expelledOn', { type: 'MemberExpelled', data: command.data }, context)
    case 'StrikeOffMember':
      return leave(state, command.data, 'struck-off', command.data.struckOffOn, 'data.struckOffOn', { type: 'MemberStruckOff', data: command.data }, context)
    case 'RecordDeath':
      return leave(state, command.data, 'deceased', command.data.diedOn, 'data.diedOn', { type: 'MemberDeceased', data: command.data }, context)
  }
}
