import { Inject, Injectable } from '@nestjs/common'
import type { FastifyReply, FastifyRequest } from 'fastify'
import * as E from 'fp-ts/lib/Either.js'
import { handleCommand, type CommandFailure, type CommandOutcome } from '@hoi/adapters'
import { DomainCommand, aggregateOfCommand, aggregates, decodeWith, type CommandType } from '@hoi/domain'
import { accessRules } from '../auth/access.js'
import type { User } from '../auth/principal.js'
import { userOf } from '../auth/request-principal.js'
import { ScopeService } from '../auth/scope.service.js'
import { problems, type ProblemException } from '../http/problem.js'
import { hoiRouteOf, type HoiRoute } from '../http/route.js'
import type { ResolvedOptions } from '../options.js'
import type { CommandWatch, Telemetry } from '../observability/telemetry.js'
import { OPTIONS, TELEMETRY } from '../tokens.js'
import { ViewModelService } from '../views/view-model.service.js'
import { apiField, commandData } from './command-body.js'
import { commandHeaders, type CommandHeaders } from './command-headers.js'
import { fingerprintOf, keyInFlight, keyReused, KeysInFlight, sameRequest } from './idempotency.js'
import { ownersOf } from './ownership.js'
import { WriteSide } from './write-side.js'

const decodeCommand = decodeWith(DomainCommand)

/** Commands on one existing member, reached by /members/:memberId/…: scope is checked against the member's association. */
const memberCommands: ReadonlySet<CommandType> = new Set([
  'ChangeMemberCategory',
  'CorrectMemberDetails',
  'TransferMemberOut',
  'RecordResignation',
  'ExpelMember',
  'StrikeOffMember',
  'RecordDeath',
  'ReferMemberToParty',
  'PlaceMemberInBranch',
])
const memberNotFound = (memberId: string): ProblemException => problems.notFound(`No member ${memberId}`, { errors: [{ field: 'path.memberId', message: 'is not a known member' }] })

/**
 * One path for every command route: body + path → `{ type, data }` decoded by the domain codec →
 * object-level authorisation → handleCommand → 201 with the stored events, or a problem.
 */
@Injectable()
export class CommandService {
  private readonly inFlight = new KeysInFlight()

  constructor(
    @Inject(OPTIONS) private readonly options: ResolvedOptions,
    @Inject(ViewModelService) private readonly views: ViewModelService,
    @Inject(ScopeService) private readonly scopes: ScopeService,
    @Inject(WriteSide) private readonly writeSide: WriteSide,
    @Inject(TELEMETRY) private readonly telemetry: Telemetry,
  ) {}

  async execute(req: FastifyRequest, reply: FastifyReply): Promise<void> {
    const route = hoiRouteOf(req)
    if (route?.commands === undefined) throw problems.forbidden('This route sends no command')
    // timed (and traced) by command type and outcome, refusals included
    const watch = this.telemetry.command(req, route.commands)
    try {
      await this.checked(req, reply, route, route.commands, watch)
      watch.end(reply.statusCode)
    } catch (e) {
      watch.fail(e)
      throw e
    }
  }

  private async checked(req: FastifyRequest, reply: FastifyReply, route: HoiRoute, commands: ReadonlyArray<CommandType>, watch: CommandWatch): Promise<void> {
    const user = userOf(req)
    const headers = commandHeaders(req)
    if (!headers.ok) throw headers.problem
    const { commandId, keyGiven } = headers.value
    if (!keyGiven) return this.run(req, reply, route, commands, user, headers.value, watch)
    // a client's key: one request at a time, and only the request it was first used for is answered again
    if (!this.inFlight.enter(commandId)) throw keyInFlight()
    try {
      const fingerprint = fingerprintOf(user.sub, req.method, req.url, req.body)
      if (!sameRequest(await this.options.store.eventsOfCommand(commandId), fingerprint, user.sub)) throw keyReused()
      await this.run(req, reply, route, commands, user, { ...headers.value, fingerprint }, watch)
    } finally {
      this.inFlight.leave(commandId)
    }
  }

  private async run(
    req: FastifyRequest,
    reply: FastifyReply,
    route: HoiRoute,
    commands: ReadonlyArray<CommandType>,
    user: User,
    headers: CommandHeaders & { fingerprint?: string },
    watch: CommandWatch,
  ): Promise<void> {
    const params = { ...(req.params as Record<string, string>) }
    const pathNames = Object.keys(params)
    const built = commandData(req.body, params)
    if (!built.ok) throw built.problem
    const data = built.data
    await this.fillDerived(route, data)
    const type = await this.commandType(commands, data, headers.commandId)
    watch.type(type)
    const decoded = decodeCommand({ type, data })
    if (E.isLeft(decoded))
      throw problems.invalid(
        `The ${type} command is not valid`,
        decoded.left.issues.map((i) => ({ field: apiField(i.field, pathNames), message: i.message })),
      )
    const command = decoded.right
    await this.authorise(user, command, route)
    const outcome = await handleCommand(
      this.options.store,
      command,
      {
        commandId: headers.commandId,
        actor: user.sub,
        ...(headers.correlationId === undefined ? {} : { correlationId: headers.correlationId }),
        ...(headers.reason === undefined ? {} : { reason: headers.reason }),
        ...(headers.fingerprint === undefined ? {} : { fingerprint: headers.fingerprint }),
      },
      { ...(this.options.policy === undefined ? {} : { policy: this.options.policy }), ...(headers.expectedRevision === undefined ? {} : { expectedRevision: headers.expectedRevision }) },
    )
    if (E.isLeft(outcome)) throw this.failure(req, outcome.left, pathNames)
    const done = outcome.right
    const stream = aggregates[aggregateOfCommand[command.type]].streamOf(command)
    // another process may have stored the same key meanwhile: its request must be this one
    if (done.replayed && (done.streamId !== stream || !sameRequest(done.events, headers.fingerprint ?? '', user.sub))) throw keyReused()
    await this.views.committed(done.events)
    this.send(reply, done)
  }

  /** 201 Created: the stream the command wrote is the resource, its history at Location (GET /audit/streams/…). */
  private send(reply: FastifyReply, done: CommandOutcome): void {
    reply
      .status(201)
      .headers({
        etag: `"${done.revision}"`,
        location: `/audit/streams/${encodeURIComponent(done.streamId)}`,
        'cache-control': 'no-store',
        ...(done.replayed ? { 'idempotent-replayed': 'true' } : {}),
      })
      .type('application/json; charset=utf-8')
      .send(JSON.stringify({ streamId: done.streamId, revision: done.revision, replayed: done.replayed, events: done.events }))
  }

  /** Member routes name the member only; its association comes from the member's stream when the body leaves it out. */
  private async fillDerived(route: HoiRoute, data: Record<string, unknown>): Promise<void> {
    if (route.derived === undefined || typeof data.memberId !== 'string') return
    for (const field of route.derived) {
      if (data[field] !== undefined) continue
      const associationId = await this.writeSide.memberAssociation(data.memberId)
      if (associationId === undefined) throw memberNotFound(data.memberId)
      data[field] = associationId
    }
  }

  /** PUT of a report submits it, or corrects it once one exists; a retried PUT keeps its first meaning. */
  private async commandType(candidates: ReadonlyArray<CommandType>, data: Record<string, unknown>, commandId: string): Promise<CommandType> {
    if (candidates.length === 1) return candidates[0]!
    const earlier = await this.options.store.eventsOfCommand(commandId)
    if (earlier[0] !== undefined) return earlier[0].type === 'ReportCorrected' ? 'CorrectReport' : 'SubmitReport'
    // a lock exception (R34) can open the stream before any submission: the body's date field decides
    if (typeof data.submittedOn === 'string' && data.correctedOn === undefined) return 'SubmitReport'
    const exists = typeof data.associationId === 'string' && typeof data.period === 'string' && (await this.writeSide.reportExists(data.associationId, data.period))
    return exists ? 'CorrectReport' : 'SubmitReport'
  }

  /** A clerk acts only for associations in scope; the owner of an existing stream comes from the write side. */
  private async authorise(user: User, command: DomainCommand, route: HoiRoute): Promise<void> {
    if (user.role !== 'clerk') return
    const owners = await ownersOf(command, this.writeSide)
    const memberId = memberCommands.has(command.type) ? (command.data as { memberId: string }).memberId : undefined
    if (owners.missing !== undefined) throw memberId === undefined ? problems.notFound(`No ${owners.missing}`) : memberNotFound(memberId)
    const scope = accessRules[route.access].clerkScope
    if (owners.owners.length > 0 && (await this.scopes.covers(user, owners.owners, scope))) return
    // a member outside the clerk's associations is answered as one that does not exist: no membership leaks
    if (memberId !== undefined) {
      const associationId = await this.writeSide.memberAssociation(memberId)
      if (associationId === undefined || !(await this.scopes.covers(user, [associationId], 'own'))) throw memberNotFound(memberId)
    }
    // the associations are not named: one of them may be known to the register only
    throw problems.forbidden(owners.owners.length === 0 ? 'Only an administrator may do this without a parent association' : `This acts outside the associations of ${user.sub}`)
  }

  private failure(req: FastifyRequest, f: CommandFailure, pathNames: ReadonlyArray<string>): ProblemException {
    switch (f._tag) {
      case 'Rejection': {
        const field = apiField(f.field, pathNames)
        const notFound = /NotFound$|^TargetNotSet$|^ReportNotSubmitted$/u.test(f.code) && (field === '(body)' || field.startsWith('path.'))
        return problems.rule(notFound ? 404 : 422, f.code, f.rule, f.en, f.vi, [{ field, message: f.en }])
      }
      case 'RevisionConflict':
        return problems.conflict(`${f.streamId} is at revision ${f.actual}, not ${String(f.expected)}: read it again and retry`, {
          streamId: f.streamId,
          expected: f.expected,
          actual: f.actual,
          errors: [{ field: 'header.if-match', message: `does not match the current revision ${f.actual}` }],
        })
      case 'IdConflict':
        return problems.conflict(`The Idempotency-Key was used for a different command on ${f.streamId}`, {
          errors: [{ field: 'header.idempotency-key', message: 'was used for a different command' }],
        })
      case 'RetriesExhausted':
        return problems.conflict(`${f.streamId} kept changing while this command was decided; retry`, { errors: [{ field: '(body)', message: 'concurrent changes, retry' }] })
      case 'StoreUnavailable':
        return problems.unavailable('The event store is unavailable; retry shortly')
      case 'StoreFailure':
        // logged for the operator; the client learns nothing of the internals
        req.log.error(`store failure: ${f.message}`)
        return problems.internal()
    }
  }
}
