import { Controller, Inject, Req, Res } from '@nestjs/common'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { Route } from '../http/route.js'
import type { ResolvedOptions } from '../options.js'
import { OPTIONS } from '../tokens.js'
import { ViewModelService } from '../views/view-model.service.js'

/** For operators: is the store reachable, how far is the view behind it, were events parked. */
@Controller()
export class HealthController {
  constructor(
    @Inject(OPTIONS) private readonly options: ResolvedOptions,
    @Inject(ViewModelService) private readonly views: ViewModelService,
  ) {}

  @Route('GET', '/health', { access: 'public', tag: 'Operations', summary: 'Store reachable, view position and lag behind the store head, parked events' })
  async health(@Req() _req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const store = this.options.store
    let head: number | undefined
    try {
      head = await store.head()
    } catch {
      head = undefined
    }
    const position = this.views.position
    const parked = this.views.parkedEvents
    const body = {
      status: head === undefined ? 'unavailable' : parked.count > 0 ? 'degraded' : 'ok',
      store: { kind: store.kind, reachable: head !== undefined, ...(head === undefined ? {} : { head }) },
      view: { position, lag: head === undefined ? null : Math.max(0, head - position), parked: parked.count },
    }
    reply.status(head === undefined ? 503 : 200).headers({ 'cache-control': 'no-store' }).type('application/json; charset=utf-8').send(JSON.stringify(body))
  }
}
