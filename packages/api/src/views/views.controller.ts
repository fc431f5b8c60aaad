import { Controller, Inject, Req, Res } from '@nestjs/common'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { Route } from '../http/route.js'
import { viewDefs } from './view-defs.js'
import { ViewService } from './view.service.js'

const view = (path: string, name: string, access: 'public' | 'read' = 'public') => {
  const def = viewDefs.get(name)
  if (def === undefined) throw new Error(`no view ${name}`)
  return Route('GET', path, { access, tag: 'Views', summary: def.summary, view: name })
}

@Controller()
export class ViewsController {
  constructor(@Inject(ViewService) private readonly views: ViewService) {}

  @view('/views/registry', 'registry')
  registry(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.views.serve(req, reply)
  }

  @view('/views/associations/:associationId', 'association')
  association(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.views.serve(req, reply)
  }

  @view('/views/associations/:associationId/governance', 'governance')
  governance(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.views.serve(req, reply)
  }

  @view('/views/roster/:associationId', 'roster', 'read')
  roster(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.views.serve(req, reply)
  }

  @view('/views/statistics', 'statistics')
  statistics(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.views.serve(req, reply)
  }

  @view('/views/clubs', 'clubs')
  clubs(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.views.serve(req, reply)
  }

  @view('/views/clubs-by-area', 'clubs-by-area')
  clubsByArea(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.views.serve(req, reply)
  }

  @view('/views/units', 'units')
  units(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.views.serve(req, reply)
  }

  @view('/views/targets', 'targets')
  targets(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.views.serve(req, reply)
  }

  @view('/views/targets/:targetId', 'target')
  target(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.views.serve(req, reply)
  }

  @view('/views/reports/:associationId/:period/rollup', 'rollup')
  rollup(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.views.serve(req, reply)
  }

  @view('/views/reports', 'reports')
  reports(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.views.serve(req, reply)
  }

  @view('/views/reports/completeness/:period', 'completeness')
  completeness(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.views.serve(req, reply)
  }

  @view('/views/commendations', 'commendations')
  commendations(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.views.serve(req, reply)
  }

  @view('/views/congress-watch', 'congress-watch')
  congressWatch(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.views.serve(req, reply)
  }

  @view('/views/foundings', 'foundings')
  foundings(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.views.serve(req, reply)
  }

  @view('/views/conferences', 'conferences')
  conferences(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.views.serve(req, reply)
  }

  @view('/views/resolutions', 'resolutions')
  resolutions(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.views.serve(req, reply)
  }
}
