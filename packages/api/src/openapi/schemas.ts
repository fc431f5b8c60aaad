import { DomainEvent, EventMetadata, commandCodecs, jsonSchemaOf, type CommandType, type JsonSchema } from '@hoi/domain'

/** The schema of a command's `data`, from its codec: `{ type, data }` → data. */
export const dataSchemaOf = (type: CommandType): JsonSchema => {
  const message = jsonSchemaOf(commandCodecs[type]) as { properties?: Record<string, JsonSchema> }
  const data = message.properties?.data
  if (data === undefined) throw new Error(`The codec of ${type} has no data schema`)
  return data
}

/** The request body of a route: the data schema without the fields the path gives; derived fields become optional. */
export const bodySchemaOf = (type: CommandType, pathParams: ReadonlyArray<string>, derived: ReadonlyArray<string>): JsonSchema => {
  const data = dataSchemaOf(type) as { properties: Record<string, JsonSchema>; required?: ReadonlyArray<string> }
  const properties = Object.fromEntries(Object.entries(data.properties).filter(([k]) => !pathParams.includes(k)))
  const required = (data.required ?? []).filter((k) => !pathParams.includes(k) && !derived.includes(k))
  return { ...data, properties, required, title: `${type} body` }
}

export const problemSchema: JsonSchema = {
  type: 'object',
  description: 'RFC 9457 problem details',
  required: ['type', 'title', 'status', 'detail'],
  properties: {
    type: { type: 'string', format: 'uri-reference' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string', description: 'English' },
    instance: { type: 'string' },
    errors: { type: 'array', items: { type: 'object', required: ['field', 'message'], properties: { field: { type: 'string' }, message: { type: 'string' } } } },
    code: { type: 'string', description: 'stable code of the domain rule' },
    rule: { type: 'string', description: 'the rule, e.g. R28' },
    vi: { type: 'string', description: 'the message in Vietnamese' },
    requestId: { type: 'string', description: 'the X-Request-Id of the request, also on its log lines' },
  },
}

export const recordedEventSchema: JsonSchema = {
  type: 'object',
  description: 'A stored event: the envelope of every event; `data` follows the DomainEvent schema of its type',
  required: ['eventId', 'type', 'schemaVersion', 'streamId', 'revision', 'position', 'data', 'metadata'],
  properties: {
    eventId: { type: 'string', format: 'uuid' },
    type: { type: 'string' },
    schemaVersion: { type: 'integer' },
    streamId: { type: 'string' },
    revision: { type: 'integer', description: '0-based index in its stream' },
    position: { type: 'integer', description: 'dense 1-based global order' },
    data: { type: 'object' },
    metadata: { ...jsonSchemaOf(EventMetadata), description: 'who, when (business and record time), why; the hash chain' },
  },
}

export const commandResultSchema: JsonSchema = {
  type: 'object',
  required: ['streamId', 'revision', 'replayed', 'events'],
  properties: {
    streamId: { type: 'string' },
    revision: { type: 'integer', description: 'the stream revision after the command (also the ETag)' },
    replayed: { type: 'boolean', description: 'true when the Idempotency-Key was seen before: the same answer, nothing stored' },
    events: { type: 'array', items: { $ref: '#/components/schemas/RecordedEvent' } },
  },
}

/** The answer of a person's erasure: the PersonErased event stored in the person's stream. */
export const erasureResultSchema: JsonSchema = {
  type: 'object',
  required: ['personId', 'streamId', 'revision', 'position', 'events'],
  properties: {
    personId: { type: 'string' },
    streamId: { type: 'string', description: 'person-<personId>' },
    revision: { type: 'integer', description: 'the stream revision after the erasure (also the ETag)' },
    position: { type: 'integer', description: 'the log position of the PersonErased event' },
    events: { type: 'array', items: { $ref: '#/components/schemas/RecordedEvent' } },
  },
}

export const domainEventSchema = (): JsonSchema => jsonSchemaOf(DomainEvent)
