import { Controller, Inject, Injectable, Req, Res } from '@nestjs/common'
import type { FastifyReply, FastifyRequest } from 'fastify'
import * as E from 'fp-ts/lib/Either.js'
import { erasePerson } from '@hoi/adapters'
import { decodeWith, Id, IsoDate, strict, strictPartial, Text } from '@hoi/domain'
import { userOf } from '../auth/request-principal.js'
import { problems } from '../http/problem.js'
import { Route } from '../http/route.js'
import { todayOf, type ResolvedOptions } from '../options.js'
import { OPTIONS } from '../tokens.js'

const ErasurePath = strict({ personId: Id }, 'ErasurePath')
const ErasureBody = strictPartial({ reason: Text }, { erasedOn: IsoDate }, 'ErasureBody')
const decodePath = decodeWith(ErasurePath)
const decodeBody = decodeWith(ErasureBody)

/** H1 (Decree 13/2023): an administrator erases a person's personal data (docs/audit.md, "Personal data"). */
@Injectable()
export class ErasureService {
  constructor(@Inject(OPTIONS) private readonly options: ResolvedOptions) {}

  async erase(req: FastifyRequest, reply: FastifyReply): Promise<void> {
    const path = decodePath(req.params ?? {})
    if (E.isLeft(path))
      throw problems.invalid(
        'The path is not valid',
        path.left.issues.map((i) => ({ field: `path.${i.field}`, message: i.message })),
      )
    const body = decodeBody(req.body ?? {})
    if (E.isLeft(body)) throw problems.invalid('The body is not valid', body.left.issues)
    const user = userOf(req)
    const erasedOn = body.right.erasedOn ?? todayOf(this.options.clock)
    if (!IsoDate.is(erasedOn)) throw problems.internal()
    const r = await erasePerson(this.options.backingStore, { personId: path.right.personId, reason: body.right.reason, actor: user.sub, erasedOn, now: this.options.clock })
    if (E.isLeft(r)) {
      const f = r.left
      if (f._tag === 'Rejection') throw problems.rule(f.code === 'PersonNotFound' ? 404 : 422, f.code, f.rule, f.en, f.vi, [{ field: 'path.personId', message: f.en }])
      throw problems.unavailable('The event store could not record the erasure; retry shortly')
    }
    // the table engines (SQLite, PostgreSQL) had the person's rows scrubbed by the erasure; a fold in memory holds what it folded: fold again
    const views = this.options.views
    const tables = this.options.backingStore.kind === 'sqlite' || this.options.backingStore.kind === 'postgres'
    if (views !== undefined && !tables) await views.rebuild()
    else if (views !== undefined) await views.catchUp()
    // answered as every command is: the stored events, the stream's revision as ETag, the stream's history as Location
    const last = r.right.events[r.right.events.length - 1]
    if (last === undefined) throw problems.internal()
    reply
      .status(201)
      .headers({ etag: `"${last.revision}"`, location: `/audit/streams/${encodeURIComponent(last.streamId)}`, 'cache-control': 'no-store' })
      .type('application/json; charset=utf-8')
      .send(JSON.stringify({ personId: r.right.personId, streamId: last.streamId, revision: last.revision, position: r.right.position, events: r.right.events }))
  }
}

@Controller()
export class ErasureController {
  constructor(@Inject(ErasureService) private readonly erasure: ErasureService) {}

  @Route('POST', '/people/:personId/erasure', {
    access: 'admin',
    tag: 'Audit',
    summary: "Erase a person's personal data (Decree 13/2023): their key is destroyed, PersonErased recorded; every answer then shows [đã xoá]",
    body: { name: 'ErasureBody', path: ErasurePath, codec: ErasureBody, result: 'ErasureResult' },
  })
  erase(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.erasure.erase(req, reply)
  }
}
