import { Controller, Inject, Req, Res } from '@nestjs/common'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { commandRoute } from './command-access.js'
import { CommandService } from './command.service.js'

const route = commandRoute('Members')
const id = '/members/:memberId'
/** The member's association comes from the register when the body leaves it out. */
const derived = ['associationId']

@Controller()
export class MembersController {
  constructor(@Inject(CommandService) private readonly commands: CommandService) {}

  @route('POST', '/associations/:associationId/members', 'Admit a member (age rules by kind, R28)', ['AdmitMember'])
  admit(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.commands.execute(req, reply)
  }

  @route('POST', '/associations/:associationId/members/transfer-in', 'Receive a member transferred out of another association (R12)', ['TransferMemberIn'])
  transferIn(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.commands.execute(req, reply)
  }

  @route('POST', `${id}/category`, "Change a member's category", ['ChangeMemberCategory'], derived)
  category(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.commands.execute(req, reply)
  }

  @route('POST', `${id}/corrections`, "Correct a member's details (allowed after leaving, R11)", ['CorrectMemberDetails'], derived)
  correct(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.commands.execute(req, reply)
  }

  @route('POST', `${id}/transfer-out`, 'Transfer a member out to another association (R12)', ['TransferMemberOut'], derived)
  transferOut(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.commands.execute(req, reply)
  }

  @route('POST', `${id}/resignation`, 'Record a resignation', ['RecordResignation'], derived)
  resign(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.commands.execute(req, reply)
  }

  @route('POST', `${id}/expulsion`, 'Expel a member', ['ExpelMember'], derived)
  expel(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.commands.execute(req, reply)
  }

  @route('POST', `${id}/striking-off`, 'Strike a member off', ['StrikeOffMember'], derived)
  strikeOff(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.commands.execute(req, reply)
  }

  @route('POST', `${id}/death`, "Record a member's death", ['RecordDeath'], derived)
  death(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.commands.execute(req, reply)
  }

  @route('POST', `${id}/party-referral`, 'Refer a member to the Party', ['ReferMemberToParty'], derived)
  partyReferral(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.commands.execute(req, reply)
  }

  @route('POST', `${id}/branch`, 'Place a member in a branch (chi hội) or cell (tổ hội) of the association (R20)', ['PlaceMemberInBranch'], derived)
  branch(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.commands.execute(req, reply)
  }
}
