import { Controller, Inject, Req, Res } from '@nestjs/common'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { Route } from '../http/route.js'
import { TELEMETRY } from '../tokens.js'
import type { Telemetry } from './telemetry.js'

/** Prometheus metrics, for an admin's or an auditor's token (a scraper's `authorization` credentials): read-only, no personal data. */
@Controller()
export class MetricsController {
  constructor(@Inject(TELEMETRY) private readonly telemetry: Telemetry) {}

  @Route('GET', '/metrics', {
    access: 'audit-log',
    tag: 'Operations',
    produces: 'text/plain; version=0.0.4',
    summary: 'Prometheus metrics: command latency by type and outcome, event store call latency, view lag, parked events',
  })
  async metrics(@Req() _req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const registry = this.telemetry.metrics.registry
    const body = await registry.metrics()
    reply.headers({ 'cache-control': 'no-store' }).type(registry.contentType).send(body)
  }
}
