import { Controller, Inject, Req, Res } from '@nestjs/common'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { commandRoute } from './command-access.js'
import { CommandService } from './command.service.js'

const route = commandRoute('Governance')
const id = '/associations/:associationId'

/** Congress preparation, changes reportable to the authority, complaints, branches and remuneration of an association. */
@Controller()
export class GovernanceController {
  constructor(@Inject(CommandService) private readonly commands: CommandService) {}

  @route('POST', `${id}/extraordinary-congress-requests`, 'Record a request for an extraordinary congress (⅔ of the leadership or ½ of the official members, R16)', ['RequestExtraordinaryCongress'])
  request(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.commands.execute(req, reply)
  }

  @route('POST', `${id}/congress-notices`, 'Notify the authority of a coming congress (R17)', ['NotifyAuthorityOfCongress'])
  notify(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.commands.execute(req, reply)
  }

  @route('POST', `${id}/congress-opinions`, "Record the authority's opinion on a notified congress (R17)", ['RecordAuthorityOpinion'])
  opinion(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.commands.execute(req, reply)
  }

  @route('POST', `${id}/headquarters`, 'Record a change of headquarters (reportable, R18)', ['ChangeHeadquarters'])
  headquarters(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.commands.execute(req, reply)
  }

  @route('POST', `${id}/charter`, 'Record the approval of a charter (in force from approval R6, reportable R18)', ['ApproveCharter'])
  charter(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.commands.execute(req, reply)
  }

  @route('POST', `${id}/complaints`, 'Record a complaint lodged (pending complaints block dissolution, R25)', ['LodgeComplaint'])
  lodge(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.commands.execute(req, reply)
  }

  @route('POST', `${id}/complaint-resolutions`, 'Record the resolution of a complaint (R25)', ['ResolveComplaint'])
  resolve(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.commands.execute(req, reply)
  }

  @route('POST', `${id}/branches`, 'Establish a branch (chi hội) or a cell (tổ hội) of the association (R20)', ['EstablishBranch'])
  branch(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.commands.execute(req, reply)
  }

  @route('POST', `${id}/branch-closures`, 'Close a branch and its cells (R20)', ['CloseBranch'])
  closeBranch(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.commands.execute(req, reply)
  }

  @route('POST', `${id}/remuneration`, "Record a leader's monthly remuneration (flagged above the cap for retired leaders, R27)", ['RecordLeaderRemuneration'])
  remuneration(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.commands.execute(req, reply)
  }
}
