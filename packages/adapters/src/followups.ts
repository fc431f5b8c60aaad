import * as E from 'fp-ts/lib/Either.js'
import type { CommandMetadata, FollowUp } from '@hoi/domain'
import type { AnyAggregate, Aggregates, CommandFailure, CommandOutcome } from './handle.js'
import { moduleNamed } from './handle.js'

export type FollowUpFailure = { readonly key: string; readonly aggregate: string; readonly failure: CommandFailure }

/** The command id of a follow-up: derived from its cause, so running it again is a replay that stores nothing. */
export const followUpMeta = (meta: CommandMetadata, key: string): CommandMetadata => ({
  ...meta,
  commandId: `${meta.commandId}/${key}`,
  correlationId: meta.correlationId ?? meta.commandId,
  causationId: meta.commandId,
})

/**
 * Runs the follow-ups of a stored command one by one. A store failure stops and is returned (the
 * caller's retry replays the command and runs them again); a rule another stream refuses is
 * collected, since the causing events are already stored.
 */
export const runFollowUps = async (
  followUps: ReadonlyArray<FollowUp>,
  meta: CommandMetadata,
  run: (module: AnyAggregate, command: FollowUp['command'], meta: CommandMetadata) => Promise<E.Either<CommandFailure, CommandOutcome>>,
  aggregates: Aggregates,
): Promise<E.Either<CommandFailure, ReadonlyArray<FollowUpFailure>>> => {
  const failures: FollowUpFailure[] = []
  for (const f of followUps) {
    const outcome = await run(moduleNamed(aggregates, f.aggregate), f.command, followUpMeta(meta, f.key))
    if (E.isLeft(outcome)) {
      if (outcome.left._tag !== 'Rejection') return outcome
      failures.push({ key: f.key, aggregate: f.aggregate, failure: outcome.left })
    } else if (outcome.right.followUpFailures !== undefined) failures.push(...outcome.right.followUpFailures)
  }
  return E.right(failures)
}
