import { addWorkingDays, addYears, daysBetween, type IsoDate } from '../codecs.js'
import { accept, nothing, reject } from '../decider.js'
import { DECREE_126_FROM, type Policy } from '../policy.js'
import { beforeFounding, vi, type Decision } from './checks.js'
import type { Command } from './commands.js'
import type { Existing } from './state.js'
import type { State } from './state.js'
import { branchesEnding, checkComplaints } from './governance.js'

type Data<T extends Command['type']> = Extract<Command, { type: T }>['data']
type Ground = Data<'DissolveAssociation'>['ground']

/** R24: voluntary grounds, by the decree in force on the dissolution date (R2). */
const voluntaryGrounds: Readonly<Record<'decree-45-2010' | 'decree-126-2024', ReadonlyArray<Ground>>> = {
  'decree-45-2010': ['purpose-achieved', 'term-ended', 'members-request'],
  'decree-126-2024': ['purpose-achieved', 'no-assets', 'members-request', 'executive-resolution'],
}
/** R25 (45/2010 Art.29; 126/2024 has no list of its own) and R23 (a suspension left unremedied). */
const compulsoryGrounds: ReadonlyArray<Ground> = ['inactive-12-months', 'ignored-dissolution-resolution', 'serious-violation', 'suspension-unremedied']

export const suspend = (d: Data<'SuspendAssociation'>, a: Existing, policy: Policy): Decision => {
  if (a.status === 'suspended')
    return a.suspendedUntil === d.until
      ? nothing
      : reject(
          'AssociationAlreadySuspended',
          'R23',
          `Association ${d.associationId} is already suspended until ${a.suspendedUntil ?? '?'}`,
          `Hội ${d.associationId} đang bị đình chỉ đến ngày ${a.suspendedUntil ?? '?'}`,
          'data.until',
        )
  if (d.suspendedOn < a.foundedOn) return beforeFounding(a, d.suspendedOn, 'data.suspendedOn')
  if (d.until <= d.suspendedOn) return reject('SuspensionEndsBeforeStart', 'R23', 'A suspension must end after it starts', 'Thời hạn đình chỉ phải kết thúc sau ngày bắt đầu', 'data.until')
  const days = daysBetween(d.suspendedOn, d.until)
  if (days > policy.maxSuspensionDays)
    return reject(
      'SuspensionTooLong',
      'R23',
      `A suspension lasts at most ${policy.maxSuspensionDays} days; ${days} asked`,
      `Thời hạn đình chỉ tối đa ${policy.maxSuspensionDays} ngày; đề nghị ${days} ngày`,
      'data.until',
    )
  return accept({ type: 'AssociationSuspended', data: d })
}

export const reinstate = (d: Data<'ReinstateAssociation'>, a: Existing): Decision => {
  if (a.status !== 'suspended')
    return a.reinstatedOn === d.reinstatedOn
      ? nothing
      : reject('AssociationNotSuspended', 'R23', `Association ${d.associationId} is not suspended`, `Hội ${d.associationId} không bị đình chỉ`, 'data.associationId')
  if (a.suspendedOn !== undefined && d.reinstatedOn < a.suspendedOn)
    return reject('ReinstatementBeforeSuspension', 'R23', `The suspension began only on ${a.suspendedOn}`, `Hội chỉ bị đình chỉ từ ngày ${a.suspendedOn}`, 'data.reinstatedOn')
  return accept({ type: 'AssociationReinstated', data: d })
}

const checkVoluntary = (d: Data<'DissolveAssociation'>, a: Existing): Decision | undefined => {
  if (compulsoryGrounds.includes(d.ground))
    return reject(
      'DissolutionGroundNotVoluntary',
      'R24',
      `${d.ground} is a ground for compulsory dissolution, not voluntary`,
      `Căn cứ "${vi.ground[d.ground]}" là căn cứ giải thể bắt buộc, không phải tự giải thể`,
      'data.ground',
    )
  // R1: a body under its own charter is not held to either decree's list
  if (a.regime !== 'own-charter') {
    const decree = d.dissolvedOn < DECREE_126_FROM ? 'decree-45-2010' : 'decree-126-2024'
    if (!voluntaryGrounds[decree].includes(d.ground))
      return reject(
        'DissolutionGroundNotAllowed',
        'R24',
        `${d.ground} is not a ground for voluntary dissolution under ${decree} (allowed: ${voluntaryGrounds[decree].join(', ')})`,
        `"${vi.ground[d.ground]}" không phải căn cứ tự giải thể theo ${vi.regime[decree]}`,
        'data.ground',
      )
  }
  if (d.ground !== 'members-request') return undefined
  if (d.requestingMembers === undefined || d.officialMembers === undefined)
    return reject(
      'MembersRequestCountsMissing',
      'R24',
      "A dissolution at the members' request needs the number of requesting and of official members",
      'Giải thể theo đề nghị của hội viên cần số hội viên đề nghị và số hội viên chính thức',
      d.requestingMembers === undefined ? 'data.requestingMembers' : 'data.officialMembers',
    )
  if (d.requestingMembers > d.officialMembers)
    return reject('RequestingMembersExceedOfficial', 'design', 'More members request than there are official members', 'Số hội viên đề nghị vượt quá số hội viên chính thức', 'data.requestingMembers')
  if (d.requestingMembers * 2 <= d.officialMembers)
    return reject(
      'MembersRequestBelowMajority',
      'R24',
      `More than half of the ${d.officialMembers} official members must request it; ${d.requestingMembers} did`,
      `Cần hơn một nửa trong số ${d.officialMembers} hội viên chính thức đề nghị; mới có ${d.requestingMembers}`,
      'data.requestingMembers',
    )
  return undefined
}

/** R23: a suspension left unremedied runs on for the automatic grace, and then for the one extension if granted. */
const graceEnd = (a: Existing, policy: Policy): IsoDate | undefined => (a.suspendedUntil === undefined ? undefined : addWorkingDays(a.suspendedUntil, policy.suspensionGraceWorkingDays))

export const extendSuspension = (d: Data<'ExtendSuspension'>, a: Existing, policy: Policy): Decision => {
  if (a.status !== 'suspended' || a.suspendedUntil === undefined || a.suspendedOn === undefined)
    return reject('AssociationNotSuspended', 'R23', `Association ${d.associationId} is not suspended`, `Hội ${d.associationId} không bị đình chỉ`, 'data.associationId')
  if (a.extendedUntil !== undefined)
    return a.extendedUntil === d.until
      ? nothing
      : reject(
          'SuspensionAlreadyExtended',
          'R23',
          `The suspension was already extended until ${a.extendedUntil}; only one extension is allowed`,
          `Thời hạn đình chỉ đã được gia hạn đến ngày ${a.extendedUntil}; chỉ được gia hạn một lần`,
          'data.until',
        )
  if (d.extendedOn < a.suspendedOn)
    return reject('ExtensionBeforeSuspension', 'R23', `The suspension began only on ${a.suspendedOn}`, `Hội chỉ bị đình chỉ từ ngày ${a.suspendedOn}`, 'data.extendedOn')
  const grace = graceEnd(a, policy)!
  const latest = addWorkingDays(grace, policy.maxSuspensionExtensionWorkingDays)
  if (d.until <= grace || d.until > latest)
    return reject(
      'SuspensionExtensionOutOfRange',
      'R23',
      `After the suspension (until ${a.suspendedUntil}) and its automatic ${policy.suspensionGraceWorkingDays} working days (until ${grace}), an extension runs at most ${policy.maxSuspensionExtensionWorkingDays} working days: until a date after ${grace} and by ${latest}`,
      `Sau thời hạn đình chỉ (đến ${a.suspendedUntil}) và ${policy.suspensionGraceWorkingDays} ngày làm việc tự động (đến ${grace}), chỉ được gia hạn tối đa ${policy.maxSuspensionExtensionWorkingDays} ngày làm việc: sau ngày ${grace} và chậm nhất ngày ${latest}`,
      'data.until',
    )
  return accept({ type: 'SuspensionExtended', data: d })
}

const checkCompulsory = (d: Data<'DissolveAssociation'>, a: Existing, policy: Policy): Decision | undefined => {
  if (!compulsoryGrounds.includes(d.ground))
    return reject(
      'DissolutionGroundNotCompulsory',
      'R25',
      `${d.ground} is a ground for voluntary dissolution, not compulsory`,
      `Căn cứ "${vi.ground[d.ground]}" là căn cứ tự giải thể, không phải giải thể bắt buộc`,
      'data.ground',
    )
  if (d.ground === 'inactive-12-months') {
    // R25 against the facts: a year of inactivity needs a year of existence and no recorded activity in it
    const yearBefore = addYears(d.dissolvedOn, -1)
    if (a.foundedOn > yearBefore)
      return reject(
        'InactivityImpossible',
        'R25',
        `Founded on ${a.foundedOn}, ${a.associationId} cannot have been inactive for 12 months by ${d.dissolvedOn}`,
        `Hội ${a.associationId} thành lập ngày ${a.foundedOn}, chưa thể không hoạt động 12 tháng liên tục tính đến ngày ${d.dissolvedOn}`,
        'data.ground',
      )
    if (a.lastActivityOn !== undefined && a.lastActivityOn > yearBefore && a.lastActivityOn <= d.dissolvedOn)
      return reject(
        'ActivityWithinYear',
        'R25',
        `${a.associationId} recorded activity on ${a.lastActivityOn}, within the 12 months before ${d.dissolvedOn}`,
        `Hội ${a.associationId} có hoạt động ngày ${a.lastActivityOn}, trong vòng 12 tháng trước ngày ${d.dissolvedOn}`,
        'data.ground',
      )
  }
  if (d.ground !== 'suspension-unremedied') return undefined
  if (a.status !== 'suspended' || a.suspendedUntil === undefined)
    return reject('AssociationNotSuspended', 'R23', `Association ${d.associationId} is not suspended`, `Hội ${d.associationId} không bị đình chỉ`, 'data.ground')
  const runsUntil = a.extendedUntil ?? graceEnd(a, policy)!
  if (d.dissolvedOn <= runsUntil)
    return reject(
      'SuspensionStillRunning',
      'R23',
      `The suspension (until ${a.suspendedUntil}) runs on, with its automatic working days${a.extendedUntil === undefined ? '' : ' and extension'}, until ${runsUntil}: the violation may still be remedied`,
      `Thời hạn đình chỉ (đến ${a.suspendedUntil}) còn kéo dài${a.extendedUntil === undefined ? ' thêm các ngày làm việc tự động' : ' thêm thời gian gia hạn'} đến ngày ${runsUntil}: hội vẫn còn thời gian khắc phục`,
      'data.dissolvedOn',
    )
  return undefined
}

/** R30: a parent is never dissolved leaving its children pointing at it; the command says what becomes of each. */
const checkChildren = (d: Data<'DissolveAssociation'>, a: Existing): Decision | undefined => {
  const listed = d.children ?? []
  const missing = a.children.filter((c) => !listed.some((f) => f.associationId === c))
  if (missing.length > 0)
    return reject(
      'ChildrenFateMissing',
      'R30',
      `Say what becomes of every child of ${a.associationId} (re-parented or dissolved): ${missing.join(', ')} not listed`,
      `Phải nêu rõ các hội trực thuộc ${a.associationId} được chuyển về hội cấp trên khác hay giải thể theo: chưa nêu ${missing.join(', ')}`,
      'data.children',
    )
  const stranger = listed.find((f) => !a.children.includes(f.associationId))
  if (stranger !== undefined)
    return reject('NotAChild', 'R30', `${stranger.associationId} is not a child of ${a.associationId}`, `Hội ${stranger.associationId} không trực thuộc hội ${a.associationId}`, 'data.children')
  const toItself = listed.find((f) => f.fate === 'reparent' && (f.parentId === a.associationId || f.parentId === f.associationId))
  if (toItself !== undefined)
    return reject(
      'NewParentInvalid',
      'R30',
      `${toItself.associationId} needs a new parent other than ${a.associationId} and itself`,
      `Hội ${toItself.associationId} cần hội cấp trên mới khác hội đang giải thể và chính nó`,
      'data.children',
    )
  return undefined
}

export const dissolve = (d: Data<'DissolveAssociation'>, a: Existing, policy: Policy): Decision => {
  if (d.dissolvedOn < a.foundedOn) return beforeFounding(a, d.dissolvedOn, 'data.dissolvedOn')
  if (d.ground === 'parent-dissolved')
    return reject(
      'GroundOnlyWithParent',
      'R30',
      "An association is dissolved with its parent only through the parent's dissolution",
      'Hội chỉ giải thể theo hội cấp trên thông qua quyết định giải thể hội cấp trên',
      'data.ground',
    )
  const refused = (d.dissolution === 'voluntary' ? checkVoluntary(d, a) : checkCompulsory(d, a, policy)) ?? checkChildren(d, a) ?? checkComplaints(d.dissolvedOn, a)
  return refused ?? accept(...branchesEnding(a, d.dissolvedOn), { type: 'AssociationDissolved', data: d })
}

/** The same dissolution again is a retry and stores nothing; any other is a second dissolution, refused (R24). */
export const dissolvedAgain = (d: Data<'DissolveAssociation'>, state: State): Decision => {
  const done = state.status === 'dissolved' ? state.dissolution : undefined
  if (done !== undefined && done.dissolvedOn === d.dissolvedOn && done.dissolution === d.dissolution && done.ground === d.ground) return nothing
  return reject(
    'AssociationAlreadyDissolved',
    'R24',
    `Association ${d.associationId} was already dissolved${done === undefined ? '' : ` on ${done.dissolvedOn} (${done.ground})`}`,
    `Hội ${d.associationId} đã giải thể${done === undefined ? '' : ` từ ngày ${done.dissolvedOn} (${vi.ground[done.ground]})`}`,
    'data.associationId',
  )
}
