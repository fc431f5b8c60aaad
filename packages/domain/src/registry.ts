import type { AggregateModule, AggregateName } from './decider.js'
import { association } from './association/index.js'
import { member } from './member/index.js'
import { club } from './club/index.js'
import { target } from './target/index.js'
import { report } from './report/index.js'
import { movement } from './movement/index.js'

/** Every aggregate by name: what a command handler needs to route, load and decide any command. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const aggregates: Readonly<Record<AggregateName, AggregateModule<any, any, any, any>>> = { association, member, club, target, report, movement }
