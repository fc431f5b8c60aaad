import type { AssociationState, EventData, ReadModel } from './model.js'
import { dateOf, descendants, nameAt } from './asOf.js'

type ConferenceKind = EventData<'ConferenceHeld'>['kind']

export type ConferenceRow = {
  readonly associationId: string
  readonly associationName: string
  readonly conferenceId: string
  readonly kind: ConferenceKind
  readonly title: string
  readonly heldOn: string
  readonly attendees: number
}

export type ResolutionRow = {
  readonly associationId: string
  readonly associationName: string
  readonly resolutionId: string
  readonly congressNumber: string
  readonly title: string
  readonly adoptedOn: string
  readonly targets: ReadonlyArray<string>
  readonly keyTasks: ReadonlyArray<string>
  readonly programmes: ReadonlyArray<string>
}

export type MeetingsQuery = {
  /** YYYY-MM-DD, inclusive; default: everything known. */
  readonly asOf?: string
  /** One association (and those below it with includeDescendants); default: all. */
  readonly associationId?: string
  readonly includeDescendants?: boolean
}
export type ConferencesQuery = MeetingsQuery & { readonly kind?: ConferenceKind }

/** The associations a query covers, in founding (log) order or tree order. */
const covered = (m: ReadModel, q: MeetingsQuery): AssociationState[] => {
  if (q.associationId === undefined) return [...m.associations.values()]
  const ids = q.includeDescendants === true ? descendants(m, q.associationId) : [q.associationId]
  return ids.map((id) => m.associations.get(id)).filter((a): a is AssociationState => a !== undefined)
}

/** Conferences held on or before the date, by date (log order breaks ties), named as of the date. */
export const conferences = (m: ReadModel, q: ConferencesQuery = {}): ConferenceRow[] => {
  const date = dateOf(q.asOf)
  const out: ConferenceRow[] = []
  for (const a of covered(m, q))
    for (const { on, value: c } of a.conferences) {
      if (on > date) break
      if (q.kind !== undefined && c.kind !== q.kind) continue
      out.push({ associationId: a.associationId, associationName: nameAt(a, date), conferenceId: c.conferenceId, kind: c.kind, title: c.title, heldOn: c.heldOn, attendees: c.attendees })
    }
  return out.sort((x, y) => (x.heldOn < y.heldOn ? -1 : x.heldOn > y.heldOn ? 1 : 0))
}

/** Congress resolutions adopted on or before the date, by date, with their targets, key tasks and programmes. */
export const resolutions = (m: ReadModel, q: MeetingsQuery = {}): ResolutionRow[] => {
  const date = dateOf(q.asOf)
  const out: ResolutionRow[] = []
  for (const a of covered(m, q))
    for (const { on, value: r } of a.resolutions) {
      if (on > date) break
      out.push({
        associationId: a.associationId,
        associationName: nameAt(a, date),
        resolutionId: r.resolutionId,
        congressNumber: r.congressNumber,
        title: r.title,
        adoptedOn: r.adoptedOn,
        targets: r.targets,
        keyTasks: r.keyTasks,
        programmes: r.programmes,
      })
    }
  return out.sort((x, y) => (x.adoptedOn < y.adoptedOn ? -1 : x.adoptedOn > y.adoptedOn ? 1 : 0))
}
