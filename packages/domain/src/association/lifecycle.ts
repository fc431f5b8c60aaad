import { daysBetween } from '../codecs.js'
import { accept, nothing, reject } from '../decider.js'
import { DECREE_126_FROM, type Policy } from '../policy.js'
import { beforeFounding, vi, type Decision } from './checks.js'
import type { Command } from './commands.js'
import type { Existing } from './state.js'

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
      : reject('AssociationAlreadySuspended', 'R23', `Association ${d.associationId} is already suspended until ${a.suspendedUntil ?? '?'}`, `Hội ${d.associationId} đang bị đình chỉ đến ngày ${a.suspendedUntil ?? '?'}`, 'data.until')
  if (d.suspendedOn < a.foundedOn) return beforeFounding(a, d.suspendedOn, 'data.suspendedOn')
  if (d.until <= d.suspendedOn)
    return reject('SuspensionEndsBeforeStart', 'R23', 'A suspension must end after it starts', 'Thời hạn đình chỉ phải kết thúc sau ngày bắt đầu', 'data.until')
  const days = daysBetween(d.suspendedOn, d.until)
  if (days > policy.maxSuspensionDays)
    return reject(
      'SuspensionTooLong', 'R23',
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
    return reject('DissolutionGroundNotVoluntary', 'R24', `${d.ground} is a ground for compulsory dissolution, not voluntary`, `Căn cứ "${vi.ground[d.ground]}" là căn cứ giải thể bắt buộc, không phải tự giải thể`, 'data.ground')
  // R1: a body under its own charter is not held to either decree's list
  if (a.regime !== 'own-charter') {
    const decree = d.dissolvedOn < DECREE_126_FROM ? 'decree-45-2010' : 'decree-126-2024'
    if (!voluntaryGrounds[decree].includes(d.ground))
      return reject(
        'DissolutionGroundNotAllowed', 'R24',
        `${d.ground} is not a ground for voluntary dissolution under ${decree} (allowed: ${voluntaryGrounds[decree].join(', ')})`,
        `"${vi.ground[d.ground]}" không phải căn cứ tự giải thể theo ${vi.regime[decree]}`,
        'data.ground',
      )
  }
  if (d.ground !== 'members-request') return undefined
  if (d.requestingMembers === undefined || d.officialMembers === undefined)
    return reject(
      'MembersRequestCountsMissing', 'R24',
      'A dissolution at the members\' request needs the number of requesting and of official members',
      'Giải thể theo đề nghị của hội viên cần số hội viên đề nghị và số hội viên chính thức',
      d.requestingMembers === undefined ? 'data.requestingMembers' : 'data.officialMembers',
    )
  if (d.requestingMembers > d.officialMembers)
    return reject('RequestingMembersExceedOfficial', 'design', 'More members request than there are official members', 'Số hội viên đề nghị vượt quá số hội viên chính thức', 'data.requestingMembers')
  if (d.requestingMembers * 2 <= d.officialMembers)
    return reject(
      'MembersRequestBelowMajority', 'R24',
      `More than half of the ${d.officialMembers} official members must request it; ${d.requestingMembers} did`,
      `Cần hơn một nửa trong số ${d.officialMembers} hội viên chính thức đề nghị; mới có ${d.requestingMembers}`,
      'data.requestingMembers',
    )
  return undefined
}

const checkCompulsory = (d: Data<'DissolveAssociation'>, a: Existing): Decision | undefined => {
  if (!compulsoryGrounds.includes(d.ground))
    return reject('DissolutionGroundNotCompulsory', 'R25', `${d.ground} is a ground for voluntary dissolution, not compulsory`, `Căn cứ "${vi.ground[d.ground]}" là căn cứ tự giải thể, không phải giải thể bắt buộc`, 'data.ground')
  if (d.ground !== 'suspension-unremedied') return undefined
  if (a.status !== 'suspended' || a.suspendedUntil === undefined)
    return reject('AssociationNotSuspended', 'R23', `Association ${d.associationId} is not suspended`, `Hội ${d.associationId} không bị đình chỉ`, 'data.ground')
  if (d.dissolvedOn <= a.suspendedUntil)
    return reject(
      'SuspensionStillRunning', 'R23',
      `The suspension runs until ${a.suspendedUntil}: the violation may still be remedied`,
      `Thời hạn đình chỉ đến ngày ${a.suspendedUntil}: hội vẫn còn thời gian khắc phục`,
      'data.dissolvedOn',
    )
  return undefined
}

export const dissolve = (d: Data<'DissolveAssociation'>, a: Existing): Decision => {
  if (d.dissolvedOn < a.foundedOn) return beforeFounding(a, d.dissolvedOn, 'data.dissolvedOn')
  const refused = d.dissolution === 'voluntary' ? checkVoluntary(d, a) : checkCompulsory(d, a)
  return refused ?? accept({ type: 'AssociationDissolved', data: d })
}
