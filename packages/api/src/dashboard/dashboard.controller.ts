import { Controller, Inject, Req, Res } from '@nestjs/common'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { Route } from '../http/route.js'
import { OPTIONS } from '../tokens.js'
import type { ResolvedOptions } from '../options.js'
import { dashboardPage, dashboardScript, dashboardStyle } from './page.js'

const page = (path: string, summary: string, produces: string) => Route('GET', path, { access: 'public', tag: 'Internal', summary, produces })

/** The public dashboard: one page, one script, one stylesheet, all of this origin (CSP: no inline script). */
@Controller()
export class DashboardController {
  private readonly script: string

  constructor(@Inject(OPTIONS) options: ResolvedOptions) {
    this.script = dashboardScript(options.dashboardYear)
  }

  @page('/', 'The dashboard', 'text/html')
  index(@Req() _req: FastifyRequest, @Res() reply: FastifyReply): void {
    reply.headers({ 'cache-control': 'no-cache' }).type('text/html; charset=utf-8').send(dashboardPage)
  }

  @page('/assets/dashboard.js', 'The dashboard script', 'text/javascript')
  js(@Req() _req: FastifyRequest, @Res() reply: FastifyReply): void {
    reply.headers({ 'cache-control': 'no-cache' }).type('text/javascript; charset=utf-8').send(this.script)
  }

  @page('/assets/dashboard.css', 'The dashboard stylesheet', 'text/css')
  css(@Req() _req: FastifyRequest, @Res() reply: FastifyReply): void {
    reply.headers({ 'cache-control': 'no-cache' }).type('text/css; charset=utf-8').send(dashboardStyle)
  }
}
