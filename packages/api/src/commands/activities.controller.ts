import { Controller, Inject, Req, Res } from '@nestjs/common'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { commandRoute } from './command-access.js'
import { CommandService } from './command.service.js'

const clubs = commandRoute('Clubs')
const targets = commandRoute('Targets')
const reports = commandRoute('Reports')
const movements = commandRoute('Movements')
const report = '/reports/:associationId/:period'

/** Clubs, targets, reports and emulation movements: the activity of associations. */
@Controller()
export class ActivitiesController {
  constructor(@Inject(CommandService) private readonly commands: CommandService) {}

  @clubs('POST', '/clubs', 'Launch a club (ISHC composition is a soft rule, R29)', ['LaunchClub'])
  launchClub(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.commands.execute(req, reply)
  }

  @clubs('POST', '/clubs/:clubId/roster', "Report a club's roster", ['ReportClubRoster'])
  clubRoster(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.commands.execute(req, reply)
  }

  @clubs('POST', '/clubs/:clubId/activities', 'Record a club activity', ['RecordClubActivity'])
  clubActivity(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.commands.execute(req, reply)
  }

  @clubs('POST', '/clubs/:clubId/closure', 'Close a club', ['CloseClub'])
  closeClub(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.commands.execute(req, reply)
  }

  @targets('POST', '/targets', 'Set a target (chỉ tiêu)', ['SetTarget'])
  setTarget(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.commands.execute(req, reply)
  }

  @targets('POST', '/targets/:targetId/revisions', 'Revise a target', ['ReviseTarget'])
  reviseTarget(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.commands.execute(req, reply)
  }

  @targets('POST', '/targets/:targetId/withdrawal', 'Withdraw a target', ['WithdrawTarget'])
  withdrawTarget(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.commands.execute(req, reply)
  }

  @reports('PUT', report, 'Submit the report of a period, or correct it once submitted (R19, R33, R35)', ['SubmitReport', 'CorrectReport'])
  putReport(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.commands.execute(req, reply)
  }

  @reports('POST', `${report}/approval`, 'Approve a report (by a superior association)', ['ApproveReport'])
  approveReport(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.commands.execute(req, reply)
  }

  @reports('POST', `${report}/return`, 'Return a report for correction (by a superior association)', ['ReturnReport'])
  returnReport(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.commands.execute(req, reply)
  }

  @reports('POST', `${report}/unapproval`, 'Withdraw an approval, top-down (R33)', ['UnapproveReport'])
  unapproveReport(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.commands.execute(req, reply)
  }

  @reports('POST', `${report}/lock-exceptions`, 'Re-open entry after the period locked, for a time (R34)', ['GrantLockException'])
  grantLockException(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.commands.execute(req, reply)
  }

  @reports('POST', `${report}/lock-exceptions/revocation`, 'End the lock exceptions of a report from a date (R34)', ['RevokeLockException'])
  revokeLockException(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.commands.execute(req, reply)
  }

  @movements('POST', '/movements', 'Launch an emulation movement', ['LaunchEmulationMovement'])
  launchMovement(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.commands.execute(req, reply)
  }

  @movements('POST', '/movements/:movementId/commendations', 'Award a commendation', ['AwardCommendation'])
  commend(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.commands.execute(req, reply)
  }

  @movements('POST', '/movements/:movementId/conclusion', 'Conclude an emulation movement', ['ConcludeEmulationMovement'])
  concludeMovement(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.commands.execute(req, reply)
  }
}
