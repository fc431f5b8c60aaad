import * as t from 'io-ts'
import { jsonSchemaOf, type CommandType, type JsonSchema } from '@hoi/domain'
import { accessRules } from '../auth/access.js'
import type { CatalogueEntry, HoiRoute } from '../http/route.js'
import { logQuery, streamPath, streamQuery } from '../audit/audit.service.js'
import { viewDefs } from '../views/view-defs.js'
import { bodySchemaOf, commandResultSchema, dataSchemaOf, domainEventSchema, erasureResultSchema, problemSchema, recordedEventSchema } from './schemas.js'
import { viewComponentSchemas, viewResultSchemas } from './view-schemas.generated.js'

type Operation = Record<string, unknown>
const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } })
const pathParamsOf = (url: string): string[] => [...url.matchAll(/:([A-Za-z0-9_]+)/gu)].map((m) => m[1]!)
const openApiPath = (url: string): string => url.replace(/:([A-Za-z0-9_]+)/gu, '{$1}')

const propsOf = (schema: JsonSchema): { properties: Record<string, JsonSchema>; required: ReadonlyArray<string> } => ({
  properties: (schema.properties ?? {}) as Record<string, JsonSchema>,
  required: (schema.required ?? []) as ReadonlyArray<string>,
})
const parameters = (where: 'path' | 'query', schema: JsonSchema) => {
  const { properties, required } = propsOf(schema)
  return Object.entries(properties).map(([name, s]) => ({ name, in: where, required: where === 'path' || required.includes(name), schema: s }))
}

const commandHeaders = [
  {
    name: 'Idempotency-Key',
    in: 'header',
    required: false,
    schema: { type: 'string', pattern: '^[A-Za-z0-9._:-]{1,200}$' },
    description: 'The command id: a retry with the same key gets the same answer and stores nothing twice',
  },
  { name: 'If-Match', in: 'header', required: false, schema: { type: 'string' }, description: 'The stream revision (ETag) you saw, e.g. "3"; 409 if it moved since' },
  { name: 'X-Correlation-Id', in: 'header', required: false, schema: { type: 'string' } },
  { name: 'X-Reason', in: 'header', required: false, schema: { type: 'string' }, description: "Why (percent-encoded UTF-8), kept in the events' metadata" },
]

const access = (route: HoiRoute) => ({
  'x-hoi-access': route.access,
  description: `Access: ${accessRules[route.access].summary}.`,
  security: route.access === 'public' ? [{}, { bearerAuth: [] }] : [{ bearerAuth: [] }],
})

const commandOperation = (url: string, route: HoiRoute, commands: ReadonlyArray<CommandType>): Operation => {
  const path = pathParamsOf(url)
  const pathSchema = { type: 'object', properties: Object.fromEntries(path.map((p) => [p, propsOf(dataSchemaOf(commands[0]!)).properties[p] ?? { type: 'string' }])), required: path }
  const refs = commands.map((c) => ({ $ref: `#/components/schemas/${c}Body` }))
  return {
    operationId: commands.map((c) => c[0]!.toLowerCase() + c.slice(1)).join('Or'),
    tags: [route.tag],
    summary: route.summary,
    ...access(route),
    'x-hoi-commands': commands,
    parameters: [...parameters('path', pathSchema), ...commandHeaders],
    requestBody: { required: true, content: { 'application/json': { schema: refs.length === 1 ? refs[0] : { oneOf: refs } } } },
    responses: {
      201: {
        description: 'Stored (or already satisfied: no events)',
        headers: {
          ETag: { schema: { type: 'string' }, description: 'the stream revision' },
          Location: { schema: { type: 'string', format: 'uri-reference' }, description: 'the stream written: its history (GET /audit/streams/{streamId})' },
        },
        content: { 'application/json': { schema: { $ref: '#/components/schemas/CommandResult' } } },
      },
      400: problem('Undecodable input: the field is named'),
      401: problem('No or bad token'),
      403: problem('Not allowed for this role or association'),
      404: problem('No such resource'),
      409: problem('Revision conflict (If-Match) or Idempotency-Key reused'),
      413: problem('Body over the limit'),
      415: problem('Not JSON'),
      422: problem('A rule refused the command: code, R-number, English and Vietnamese'),
      429: problem('Rate limited'),
    },
  }
}

/** A route with a JSON body of its own (no domain command): its body and path from its codecs, answered as a command is. */
const bodyOperation = (url: string, route: HoiRoute, body: NonNullable<HoiRoute['body']>): Operation => ({
  operationId: url.replace(/[/:{}.-]+(.)?/gu, (_, c: string | undefined) => (c ?? '').toUpperCase()).replace(/^./u, (c) => c.toLowerCase()),
  tags: [route.tag],
  summary: route.summary,
  ...access(route),
  parameters: parameters('path', jsonSchemaOf(body.path)),
  requestBody: { required: true, content: { 'application/json': { schema: { $ref: `#/components/schemas/${body.name}` } } } },
  responses: {
    201: {
      description: 'Stored',
      headers: {
        ETag: { schema: { type: 'string' }, description: 'the stream revision' },
        Location: { schema: { type: 'string', format: 'uri-reference' }, description: 'the stream written: its history (GET /audit/streams/{streamId})' },
      },
      content: { 'application/json': { schema: { $ref: `#/components/schemas/${body.result}` } } },
    },
    400: problem('Undecodable input: the field is named'),
    401: problem('No or bad token'),
    403: problem('Not allowed for this role'),
    404: problem('No such resource'),
    413: problem('Body over the limit'),
    415: problem('Not JSON'),
    422: problem('A rule refused it: code, English and Vietnamese'),
    429: problem('Rate limited'),
  },
})

/** A view's answer: its generated schema, inside a page for the lists. */
const viewResponseSchema = (name: string, paged: boolean): JsonSchema => {
  const result = viewResultSchemas[name]
  if (result === undefined) throw new Error(`No generated schema for the view ${name}: run pnpm -F @hoi/api gen:view-schemas`)
  if (!paged) return result
  return {
    type: 'object',
    required: ['total', 'offset', 'limit', 'items'],
    additionalProperties: false,
    properties: { total: { type: 'integer', minimum: 0 }, offset: { type: 'integer', minimum: 0 }, limit: { type: 'integer', minimum: 1 }, items: { type: 'array', items: result } },
  }
}

const viewOperation = (route: HoiRoute, name: string): Operation => {
  const def = viewDefs.get(name)!
  return {
    operationId: `view${name.replace(/(^|-)([a-z])/gu, (_, __, c: string) => c.toUpperCase())}`,
    tags: [route.tag],
    summary: def.summary,
    ...access(route),
    parameters: [
      ...parameters('path', jsonSchemaOf(t.type(def.params))),
      ...parameters('query', jsonSchemaOf(def.query)),
      { name: 'If-None-Match', in: 'header', required: false, schema: { type: 'string' } },
    ],
    responses: {
      200: {
        description: def.paged ? 'A page: { total, offset, limit, items }' : 'The view',
        headers: { ETag: { schema: { type: 'string' }, description: 'W/"<view position>-<hash>"' } },
        content: { 'application/json': { schema: viewResponseSchema(name, def.paged) } },
      },
      304: { description: 'Not modified (If-None-Match)' },
      400: problem('A bad parameter, named'),
      401: problem('No or bad token'),
      403: problem('Outside your associations'),
      404: problem('Not found'),
    },
  }
}

const otherOperation = (url: string, route: HoiRoute): Operation => {
  const audit = url.startsWith('/audit/')
  const params =
    url === '/audit/streams/:streamId'
      ? [...parameters('path', jsonSchemaOf(t.type(streamPath))), ...parameters('query', jsonSchemaOf(streamQuery))]
      : url === '/audit/log'
        ? parameters('query', jsonSchemaOf(logQuery))
        : []
  return {
    operationId: url === '/' ? 'dashboard' : url.replace(/[/:{}.-]+(.)?/gu, (_, c: string | undefined) => (c ?? '').toUpperCase()).replace(/^./u, (c) => c.toLowerCase()),
    tags: [route.tag],
    summary: route.summary,
    ...access(route),
    parameters: params,
    responses: {
      200: {
        description: 'OK',
        content: {
          [route.produces ?? 'application/json']: {
            schema: audit
              ? { type: 'object', properties: { events: { type: 'array', items: { $ref: '#/components/schemas/RecordedEvent' } } } }
              : { type: route.produces === undefined ? 'object' : 'string' },
          },
        },
      },
      ...(route.access === 'public' ? {} : { 401: problem('No or bad token'), 403: problem('Not allowed') }),
    },
  }
}

/** The OpenAPI 3.1 document, from the routes Fastify registered and the domain's codecs (no hand-written schemas). */
export const buildOpenApi = (catalogue: ReadonlyArray<CatalogueEntry>): Record<string, unknown> => {
  const paths: Record<string, Record<string, Operation>> = {}
  const bodies: Record<string, JsonSchema> = {}
  for (const { method, url, route } of catalogue) {
    if (route === undefined || method === 'HEAD' || route.tag === 'Internal') continue
    const m = method.toLowerCase()
    let op: Operation
    if (route.commands !== undefined) {
      for (const c of route.commands) bodies[`${c}Body`] = bodySchemaOf(c, pathParamsOf(url), route.derived ?? [])
      op = commandOperation(url, route, route.commands)
    } else if (route.body !== undefined) {
      bodies[route.body.name] = jsonSchemaOf(route.body.codec)
      op = bodyOperation(url, route, route.body)
    } else if (route.view !== undefined) op = viewOperation(route, route.view)
    else op = otherOperation(url, route)
    ;(paths[openApiPath(url)] ??= {})[m] = op
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'hoi — records of Vietnamese mass associations',
      version: '0.1.0',
      description:
        'Commands are decoded by the domain codecs; every error is RFC 9457 problem+json. Authenticate with `Authorization: Bearer <token>` (the Authorize button). Every answer carries an `X-Request-Id` (yours if valid), also in problems as `requestId`. See docs/api.md and docs/authorisation.md.',
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    servers: [{ url: '/' }],
    tags: ['Associations', 'Members', 'Clubs', 'Targets', 'Reports', 'Movements', 'Views', 'Audit', 'Operations'].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', description: 'An HS256 JWT or an API key' } },
      schemas: {
        Problem: problemSchema,
        RecordedEvent: recordedEventSchema,
        CommandResult: commandResultSchema,
        ErasureResult: erasureResultSchema,
        DomainEvent: domainEventSchema(),
        ...bodies,
        ...viewComponentSchemas,
      },
    },
  }
}
