import { Controller, Inject, Req, Res } from '@nestjs/common'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { commandRoute } from './command-access.js'
import { CommandService } from './command.service.js'

const route = commandRoute('Administrative units')
const id = '/admin-units/:unitId'

/** The effective-dated geography (R30, R37): decisions of the state, so administrators only. */
@Controller()
export class UnitsController {
  constructor(@Inject(CommandService) private readonly commands: CommandService) {}

  @route('POST', '/admin-units', 'Create an administrative unit (province, district, commune) from a date (R30)', ['CreateAdminUnit'])
  create(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.commands.execute(req, reply)
  }

  @route('POST', `${id}/name`, 'Rename an administrative unit from a date', ['RenameAdminUnit'])
  rename(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.commands.execute(req, reply)
  }

  @route('POST', `${id}/merger`, 'Merge an administrative unit into another of its level (R30)', ['MergeAdminUnit'])
  merge(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.commands.execute(req, reply)
  }

  @route('POST', `${id}/parent`, 'Move an administrative unit under another parent (R30)', ['ReparentAdminUnit'])
  reparent(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.commands.execute(req, reply)
  }

  @route('POST', `${id}/abolition`, 'Abolish an administrative unit without subunits (R30, R37)', ['AbolishAdminUnit'])
  abolish(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.commands.execute(req, reply)
  }
}
