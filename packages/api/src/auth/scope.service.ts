import { Inject, Injectable } from '@nestjs/common'
import { descendants } from '@hoi/projections'
import { ViewModelService } from '../views/view-model.service.js'
import type { ClerkScope } from './access.js'
import type { User } from './principal.js'

type Scopes = { readonly position: number; readonly own: ReadonlySet<string>; readonly below: ReadonlySet<string> }

/**
 * Which associations a clerk acts for: the listed ones and every one below them (`own`), or only
 * those strictly below one of them (`below`, for approving reports). Recomputed when the view moves.
 */
@Injectable()
export class ScopeService {
  private readonly cache = new Map<string, Scopes>()

  constructor(@Inject(ViewModelService) private readonly views: ViewModelService) {}

  private scopesOf(user: User): Scopes {
    const key = user.associations.join('\u0000')
    const position = this.views.position
    const cached = this.cache.get(key)
    if (cached !== undefined && cached.position === position) return cached
    const own = new Set<string>()
    const below = new Set<string>()
    for (const root of user.associations)
      for (const id of descendants(this.views.model, root)) {
        own.add(id)
        if (id !== root) below.add(id)
      }
    const scopes = { position, own, below }
    if (this.cache.size > 1000) this.cache.clear()
    this.cache.set(key, scopes)
    return scopes
  }

  /**
   * May this user act on every one of these associations? The guard has already checked the role
   * against the route's rule, so admins and auditors pass; a clerk only within the scope.
   */
  covers(user: User, associationIds: ReadonlyArray<string>, scope: ClerkScope): boolean {
    if (user.role !== 'clerk') return true
    if (scope === 'none' || associationIds.length === 0) return false
    const set = this.scopesOf(user)[scope]
    return associationIds.every((id) => set.has(id))
  }
}
