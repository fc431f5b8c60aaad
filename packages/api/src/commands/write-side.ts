import { Inject, Injectable } from '@nestjs/common'
import * as E from 'fp-ts/lib/Either.js'
import { loadStream } from '@hoi/adapters'
import { Association, Club, Member, Movement, Report, Target, aggregates, type SomeAggregate } from '@hoi/domain'
import { problems } from '../http/problem.js'
import type { ResolvedOptions } from '../options.js'
import { OPTIONS } from '../tokens.js'

/**
 * What the command path needs to know of existing things (owners, a member's association, whether a
 * report exists), read from the write side: each stream's folded state, cached and checked against
 * the stream's head, so it is never behind the store and never depends on the read side.
 */
@Injectable()
export class WriteSide {
  constructor(@Inject(OPTIONS) private readonly options: ResolvedOptions) {}

  private async state<S>(module: SomeAggregate & { readonly decider: { readonly initialState: S } }, streamId: string): Promise<S> {
    const loaded = await loadStream(this.options.store, module, streamId)
    if (E.isLeft(loaded)) throw loaded.left._tag === 'StoreUnavailable' ? problems.unavailable('The event store is unavailable; retry shortly') : problems.internal()
    // folded by this module's own evolve from its own initial state: it is this module's state
    return loaded.right.state as S
  }

  async association(id: string): Promise<Association.Existing | undefined> {
    const s = await this.state(aggregates.association, Association.streamId(id))
    return s.status === 'none' ? undefined : s
  }
  async parentOf(id: string): Promise<string | undefined> {
    return (await this.association(id))?.parentId
  }
  /**
   * The association that holds `id`'s records now: itself, or the heir of a reorganisation that
   * ended it (and that heir's, in turn). A carried member, club or target is the heir's (R21).
   */
  private async holder(id: string): Promise<string> {
    const seen = new Set([id])
    let current = id
    for (let heir = (await this.association(current))?.reorganisation?.heirId; heir !== undefined && !seen.has(heir); heir = (await this.association(current))?.reorganisation?.heirId) {
      seen.add(heir)
      current = heir
    }
    return current
  }
  async memberAssociation(memberId: string): Promise<string | undefined> {
    const s = await this.state(aggregates.member, Member.streamId(memberId))
    return s.status === 'none' ? undefined : this.holder(s.associationId)
  }
  async clubHost(clubId: string): Promise<string | undefined> {
    const s = await this.state(aggregates.club, Club.streamId(clubId))
    return s.status === 'none' ? undefined : this.holder(s.hostAssociationId)
  }
  async targetOwner(targetId: string): Promise<string | undefined> {
    const s = await this.state(aggregates.target, Target.streamId(targetId))
    return s.status === 'none' ? undefined : this.holder(s.ownerAssociationId)
  }
  async movementOwner(movementId: string): Promise<string | undefined> {
    const s = await this.state(aggregates.movement, Movement.streamId(movementId))
    return s.status === 'none' ? undefined : s.ownerAssociationId
  }
  async reportExists(associationId: string, period: string): Promise<boolean> {
    return (await this.options.store.streamRevision(Report.streamId(associationId, period))) >= 0
  }
}
