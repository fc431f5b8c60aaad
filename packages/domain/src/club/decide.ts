import * as E from 'fp-ts/lib/Either.js'
import { accept, nothing, reject, type Flag, type Rejection } from '../decider.js'
import type { Policy } from '../policy.js'
import type * as Association from '../association/state.js'
import { associationMustBeOpen } from '../association/guards.js'
import type { Command } from './commands.js'
import type { Event, Roster } from './events.js'
import type { State } from './state.js'
import { hasId } from '../ids.js'

export type Context = { readonly policy: Policy; readonly host?: Association.State }

const sameRoster = (a: Roster, b: Roster): boolean => a.total === b.total && a.older === b.older && a.women === b.women && a.homeCareVolunteers === b.homeCareVolunteers

const rosterMustBeConsistent = (r: Roster): E.Either<Rejection, Roster> => {
  for (const part of ['older', 'women', 'homeCareVolunteers'] as const)
    if (r[part] > r.total)
      return reject(
        'RosterInconsistent',
        'design',
        `The roster counts ${r[part]} ${part} but only ${r.total} members`,
        `Danh sách ghi ${r[part]} (${part}) nhưng chỉ có ${r.total} thành viên`,
        `data.roster.${part}`,
      )
  return E.right(r)
}

const percent = (share: number): string => `${Math.round(share * 1000) / 10}%`
const range = (r: { readonly min: number; readonly max: number }): string => `${percent(r.min)}–${percent(r.max)}`

/** R29: the ISHC composition is guidance; a club outside it is recorded with flags, never refused. */
export const compositionFlags = (model: string, r: Roster, policy: Policy): Flag[] => {
  if (model !== 'ishc') return []
  const p = policy.ishc
  const flags: Flag[] = []
  if (r.total < p.members.min || r.total > p.members.max)
    flags.push({
      rule: 'R29',
      code: 'MembersOutOfRange',
      message: `An ISHC should have ${p.members.min}–${p.members.max} members; this one has ${r.total} / CLB Liên thế hệ tự giúp nhau nên có ${p.members.min}–${p.members.max} thành viên; CLB này có ${r.total}`,
    })
  // shares of an empty roster mean nothing; the member count above already flags it
  if (r.total > 0) {
    const women = r.women / r.total
    if (women < p.womenShare.min || women > p.womenShare.max)
      flags.push({
        rule: 'R29',
        code: 'WomenShareOutOfRange',
        message: `Women should be ${range(p.womenShare)} of an ISHC; here ${percent(women)} (${r.women} of ${r.total}) / Nữ nên chiếm ${range(p.womenShare)} thành viên CLB; ở đây ${percent(women)} (${r.women}/${r.total})`,
      })
    const older = r.older / r.total
    if (older < p.olderShare.min || older > p.olderShare.max)
      flags.push({
        rule: 'R29',
        code: 'OlderShareOutOfRange',
        message: `Members aged ${p.olderThreshold} or over should be ${range(p.olderShare)} of an ISHC; here ${percent(older)} (${r.older} of ${r.total}) / Người từ ${p.olderThreshold} tuổi trở lên nên chiếm ${range(p.olderShare)} thành viên CLB; ở đây ${percent(older)} (${r.older}/${r.total})`,
      })
  }
  if (r.homeCareVolunteers < p.minHomeCareVolunteers)
    flags.push({
      rule: 'R29',
      code: 'TooFewHomeCareVolunteers',
      message: `An ISHC should have at least ${p.minHomeCareVolunteers} home-care volunteers; this one has ${r.homeCareVolunteers} / CLB nên có ít nhất ${p.minHomeCareVolunteers} tình nguyện viên chăm sóc tại nhà; CLB này có ${r.homeCareVolunteers}`,
    })
  return flags
}

const within = (area: string, hostArea: string): boolean => area === hostArea || area.startsWith(`${hostArea}.`)

const notFound = (clubId: string) => reject('ClubNotFound', 'design', `No club ${clubId}`, `Không có câu lạc bộ ${clubId}`, 'data.clubId')
const closed = (clubId: string) => reject('ClubClosed', 'design', `Club ${clubId} is closed`, `Câu lạc bộ ${clubId} đã giải thể`, 'data.clubId')

export const decide = (command: Command, state: State, context: Context): E.Either<Rejection, ReadonlyArray<Event>> => {
  switch (command.type) {
    case 'LaunchClub': {
      const d = command.data
      if (state.status !== 'none')
        return state.name === d.name &&
          state.model === d.model &&
          state.hostAssociationId === d.hostAssociationId &&
          state.areaCode === d.areaCode &&
          state.launchedOn === d.launchedOn &&
          state.programme === d.programme &&
          sameRoster(state.foundingRoster, d.roster)
          ? nothing
          : reject('ClubAlreadyLaunched', 'design', `Club ${d.clubId} was already launched with other details`, `Câu lạc bộ ${d.clubId} đã được thành lập với thông tin khác`, 'data.clubId')
      const roster = rosterMustBeConsistent(d.roster)
      if (E.isLeft(roster)) return roster
      const host = associationMustBeOpen(context.host, d.hostAssociationId, 'data.hostAssociationId')
      if (E.isLeft(host)) return host
      if (!within(d.areaCode, host.right.areaCode))
        return reject(
          'ClubOutsideHostArea',
          'design',
          `Area ${d.areaCode} is outside the host's area ${host.right.areaCode}`,
          `Địa bàn ${d.areaCode} nằm ngoài địa bàn ${host.right.areaCode} của hội chủ quản`,
          'data.areaCode',
        )
      if (d.launchedOn < host.right.foundedOn)
        return reject(
          'ClubBeforeHost',
          'design',
          `A club cannot be launched before its host was founded (${host.right.foundedOn})`,
          `Không thể thành lập câu lạc bộ trước khi hội chủ quản ra đời (${host.right.foundedOn})`,
          'data.launchedOn',
        )
      return accept({ type: 'ClubLaunched', data: { ...d, flags: compositionFlags(d.model, d.roster, context.policy) } })
    }
    case 'ReportClubRoster': {
      const d = command.data
      if (state.status === 'none') return notFound(d.clubId)
      if (sameRoster(state.roster, d.roster)) return nothing
      if (state.status === 'closed') return closed(d.clubId)
      const roster = rosterMustBeConsistent(d.roster)
      if (E.isLeft(roster)) return roster
      if (d.reportedOn < state.launchedOn)
        return reject('RosterBeforeLaunch', 'design', 'A roster cannot be reported before the club was launched', 'Không thể báo cáo danh sách trước khi thành lập câu lạc bộ', 'data.reportedOn')
      return accept({ type: 'ClubRosterReported', data: { ...d, flags: compositionFlags(state.model, d.roster, context.policy) } })
    }
    case 'RecordClubActivity': {
      const d = command.data
      if (state.status === 'none') return notFound(d.clubId)
      if (hasId(state.activityIds, d.activityId)) return nothing
      if (state.status === 'closed') return closed(d.clubId)
      if (d.heldOn < state.launchedOn)
        return reject('ActivityBeforeLaunch', 'design', 'An activity cannot precede the club', 'Hoạt động không thể diễn ra trước khi thành lập câu lạc bộ', 'data.heldOn')
      return accept({ type: 'ClubActivityRecorded', data: d })
    }
    case 'CloseClub': {
      const d = command.data
      if (state.status === 'none') return notFound(d.clubId)
      if (state.status === 'closed') return nothing
      if (d.closedOn < state.launchedOn)
        return reject('ClosureBeforeLaunch', 'design', 'A club cannot be closed before it was launched', 'Không thể giải thể câu lạc bộ trước khi thành lập', 'data.closedOn')
      return accept({ type: 'ClubClosed', data: d })
    }
  }
}
