import { Controller, Inject, Req, Res } from '@nestjs/common'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { Route } from '../http/route.js'
import { AuditService } from './audit.service.js'

@Controller()
export class AuditController {
  constructor(@Inject(AuditService) private readonly audit: AuditService) {}

  @Route('GET', '/audit/streams/:streamId', { access: 'read', tag: 'Audit', summary: "A stream's full history with metadata (who, when, why); ETag is its revision" })
  stream(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.audit.stream(req, reply)
  }

  @Route('GET', '/audit/log', { access: 'audit-log', tag: 'Audit', summary: 'The global log by position, paged with after/limit' })
  log(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.audit.log(req, reply)
  }

  @Route('GET', '/audit/head', {
    access: 'audit-log',
    tag: 'Audit',
    summary: "The log's last position and its hash (docs/audit.md): keep it, and `hoi verify --expect POSITION:HASH` later proves the history up to it unchanged",
  })
  head(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.audit.head(req, reply)
  }
}
