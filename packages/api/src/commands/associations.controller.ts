import { Controller, Inject, Req, Res } from '@nestjs/common'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { commandRoute } from './command-access.js'
import { CommandService } from './command.service.js'

const route = commandRoute('Associations')
const id = '/associations/:associationId'
const founding = '/foundings/:associationId'

@Controller()
export class AssociationsController {
  constructor(@Inject(CommandService) private readonly commands: CommandService) {}

  @route('POST', '/associations', 'Found an association (regime follows from kind and date, R1–R3)', ['FoundAssociation'])
  found(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.commands.execute(req, reply)
  }

  @route('POST', '/foundings', 'Recognise the founding committee of a proposed association (≥ 10 / 5 / 3 / 3 members, R4); its area is reserved', ['RecogniseFoundingCommittee'])
  recogniseCommittee(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.commands.execute(req, reply)
  }

  @route('POST', `${founding}/permit`, 'Permit the establishment (registrants R3); the founding congress is due within 90 days (R5)', ['PermitEstablishment'])
  permit(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.commands.execute(req, reply)
  }

  @route('POST', `${founding}/extension`, 'Extend the founding congress deadline once (≤ 30 days, requested within 15 days from the deadline, R5)', ['ExtendEstablishmentPermit'])
  extendPermit(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.commands.execute(req, reply)
  }

  @route('POST', `${founding}/lapse`, 'Record that the establishment permit lapsed after its deadline (scheduler or operator, R5)', ['LapseEstablishmentPermit'])
  lapsePermit(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.commands.execute(req, reply)
  }

  @route('POST', `${founding}/congress`, 'Hold the founding congress: founds the association (R5); from Decree 126 its registrants become members (R7)', ['HoldFoundingCongress'])
  foundingCongress(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.commands.execute(req, reply)
  }

  @route('POST', `${id}/name`, 'Rename an association', ['RenameAssociation'])
  rename(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.commands.execute(req, reply)
  }

  @route('POST', `${id}/special-status`, 'Grant special status (hội đặc thù)', ['GrantSpecialStatus'])
  grantSpecial(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.commands.execute(req, reply)
  }

  @route('DELETE', `${id}/special-status`, 'Revoke special status', ['RevokeSpecialStatus'])
  revokeSpecial(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.commands.execute(req, reply)
  }

  @route('POST', `${id}/staff-quota`, 'Assign a staff quota (biên chế, R26)', ['AssignStaffQuota'])
  staffQuota(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.commands.execute(req, reply)
  }

  @route('POST', `${id}/congresses`, 'Record a congress (term ≤ 5 years R13, quorum R15)', ['HoldCongress'])
  congress(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.commands.execute(req, reply)
  }

  @route('POST', `${id}/officers`, 'Elect an officer (official members only, R8)', ['ElectOfficer'])
  elect(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.commands.execute(req, reply)
  }

  @route('DELETE', `${id}/officers/:memberId`, 'Relieve an officer', ['RelieveOfficer'])
  relieve(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.commands.execute(req, reply)
  }

  @route('POST', `${id}/resolutions`, 'Adopt a congress resolution', ['AdoptResolution'])
  resolution(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.commands.execute(req, reply)
  }

  @route('POST', `${id}/conferences`, 'Record a conference', ['HoldConference'])
  conference(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.commands.execute(req, reply)
  }

  @route('POST', `${id}/suspension`, 'Suspend an association (≤ 180 days, R23)', ['SuspendAssociation'])
  suspend(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.commands.execute(req, reply)
  }

  @route('POST', `${id}/suspension-extension`, 'Extend a suspension once, after its automatic 30 working days (≤ 60 working days, R23)', ['ExtendSuspension'])
  extendSuspension(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.commands.execute(req, reply)
  }

  @route('POST', `${id}/reinstatement`, 'Reinstate a suspended association', ['ReinstateAssociation'])
  reinstate(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.commands.execute(req, reply)
  }

  @route('POST', `${id}/dissolution`, 'Dissolve an association (R24, R25)', ['DissolveAssociation'])
  dissolve(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.commands.execute(req, reply)
  }

  @route('POST', `${id}/parent`, 'Move an association under another parent (R30)', ['ReparentAssociation'])
  reparent(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.commands.execute(req, reply)
  }

  @route('POST', `${id}/division`, 'Divide an association into new ones; the source ends (R21, R22)', ['DivideAssociation'])
  divide(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.commands.execute(req, reply)
  }

  @route('POST', `${id}/separation`, 'Separate a part of an association into a new one; the source carries on (R21, R22)', ['SeparateAssociation'])
  separate(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.commands.execute(req, reply)
  }

  @route('POST', `${id}/absorption`, 'Merge an association into another (sáp nhập, R21)', ['AbsorbAssociation'])
  absorb(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.commands.execute(req, reply)
  }

  @route('POST', '/associations/consolidations', 'Merge associations into a new one (hợp nhất, R21, R22)', ['ConsolidateAssociations'])
  consolidate(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.commands.execute(req, reply)
  }
}
