import type { AggregateName, SomeAggregate } from './decider.js'
import { association } from './association/index.js'
import { member } from './member/index.js'
import { club } from './club/index.js'
import { target } from './target/index.js'
import { report } from './report/index.js'
import { movement } from './movement/index.js'
import { parseStreamId as associationOf } from './association/commands.js'
import { parseStreamId as memberOf } from './member/commands.js'
import { parseStreamId as clubOf } from './club/commands.js'
import { parseStreamId as targetOf } from './target/commands.js'
import { parseStreamId as reportOf } from './report/commands.js'
import { parseStreamId as movementOf } from './movement/commands.js'
import { claim, parseStreamId as claimOf } from './claim/claim.js'
import { unit } from './unit/index.js'
import { parseStreamId as unitOf } from './unit/commands.js'

const modules = { association, member, club, target, report, movement, unit, claim }

/** Every aggregate by name: what a command handler needs to route, load and decide any command. */
export const aggregates: { readonly [K in AggregateName]: (typeof modules)[K] & SomeAggregate } = modules

export type ParsedStream =
  | { readonly aggregate: 'association' | 'member' | 'club' | 'target' | 'movement' | 'unit' | 'claim'; readonly id: string }
  | { readonly aggregate: 'report'; readonly associationId: string; readonly period: string }

/** A stream id read by the parser of each aggregate in turn; undefined when none owns it. */
export const parseStream = (streamId: string): ParsedStream | undefined => {
  const report = reportOf(streamId)
  if (report !== undefined) return { aggregate: 'report', ...report }
  for (const [aggregate, parse] of [
    ['association', associationOf],
    ['member', memberOf],
    ['club', clubOf],
    ['target', targetOf],
    ['movement', movementOf],
    ['unit', unitOf],
    ['claim', claimOf],
  ] as const) {
    const id = parse(streamId)
    if (id !== undefined) return { aggregate, id }
  }
  return undefined
}
