import { Controller, Inject, Req, Res } from '@nestjs/common'
import type { FastifyReply, FastifyRequest } from 'fastify'
import * as E from 'fp-ts/lib/Either.js'
import { Id, IsoDate, Period, decodeWith, strict, strictPartial } from '@hoi/domain'
import { Route } from '../http/route.js'
import { problems } from '../http/problem.js'
import { ViewModelService } from '../views/view-model.service.js'
import { printPage, printStyle } from './page.js'

const page = (path: string, summary: string, produces: string) => Route('GET', path, { access: 'public', tag: 'Views', summary, produces })
const params = decodeWith(strict({ associationId: Id, period: Period }, 'PrintPath'))
const query = decodeWith(strictPartial({}, { asOf: IsoDate }, 'PrintQuery'))

/** The printable report: the period roll-up of an association with its children (the same figures as the roll-up view). */
@Controller()
export class PrintController {
  constructor(@Inject(ViewModelService) private readonly views: ViewModelService) {}

  @page('/reports/:associationId/:period/print', 'Printable period roll-up of an association with its children (A4, print stylesheet)', 'text/html')
  async print(@Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const p = params(req.params ?? {})
    if (E.isLeft(p))
      throw problems.invalid(
        'The path is not valid',
        p.left.issues.map((i) => ({ field: `path.${i.field}`, message: i.message })),
      )
    const q = query(req.query ?? {})
    if (E.isLeft(q))
      throw problems.invalid(
        'The query is not valid',
        q.left.issues.map((i) => ({ field: i.field === '(body)' ? '(query)' : i.field, message: i.message })),
      )
    const r = await this.views.engine.reportRollup({ associationId: p.right.associationId, period: p.right.period, ...(q.right.asOf === undefined ? {} : { asOf: q.right.asOf }) })
    if (r === undefined) throw problems.notFound(`No association ${p.right.associationId}`)
    reply.headers({ 'cache-control': 'no-cache' }).type('text/html; charset=utf-8').send(printPage(r))
  }

  @page('/assets/report-print.css', 'The print stylesheet of report pages', 'text/css')
  css(@Req() _req: FastifyRequest, @Res() reply: FastifyReply): void {
    reply.headers({ 'cache-control': 'no-cache' }).type('text/css; charset=utf-8').send(printStyle)
  }
}
