import { Inject, Injectable } from '@nestjs/common'
import { WriteSide } from '../commands/write-side.js'
import type { ClerkScope } from './access.js'
import type { User } from './principal.js'

/** Deeper than any association tree (national → province → district → commune); a malformed log cannot loop. */
const MAX_DEPTH = 32

/**
 * Which associations a clerk acts for: the listed ones and every one below them (`own`), or only
 * those strictly below one of them (`below`, for approving reports). Decided by walking up the
 * parents on the write side, so a new association counts the moment it is stored.
 */
@Injectable()
export class ScopeService {
  constructor(@Inject(WriteSide) private readonly writeSide: WriteSide) {}

  private async within(id: string, roots: ReadonlySet<string>, strictlyBelow: boolean): Promise<boolean> {
    let current = strictlyBelow ? await this.writeSide.parentOf(id) : id
    for (let depth = 0; current !== undefined && depth < MAX_DEPTH; depth++) {
      if (roots.has(current)) return true
      current = await this.writeSide.parentOf(current)
    }
    return false
  }

  /**
   * May this user act on every one of these associations? The guard has already checked the role
   * against the route's rule, so admins and auditors pass; a clerk only within the scope.
   */
  async covers(user: User, associationIds: ReadonlyArray<string>, scope: ClerkScope): Promise<boolean> {
    if (user.role !== 'clerk') return true
    if (scope === 'none' || associationIds.length === 0) return false
    const roots = new Set(user.associations)
    for (const id of associationIds) if (!(await this.within(id, roots, scope === 'below'))) return false
    return true
  }
}
