import * as t from 'io-ts'

/** A JSON Schema (draft 2020-12 subset) describing a codec: the one source for docs and OpenAPI. */
export type JsonSchema = { readonly [k: string]: unknown }

const schemas = new WeakMap<t.Mixed, JsonSchema | (() => JsonSchema)>()

/** Attach the schema of a hand-written codec (the io-ts structure of `new t.Type` cannot be walked). */
export const describeAs = <C extends t.Mixed>(codec: C, schema: JsonSchema | (() => JsonSchema)): C => {
  schemas.set(codec, schema)
  return codec
}

/** The JSON Schema of a codec: attached schemas first, then io-ts's own combinators. */
export const jsonSchemaOf = (codec: t.Mixed): JsonSchema => {
  const attached = schemas.get(codec)
  if (attached !== undefined) return typeof attached === 'function' ? attached() : attached
  if (codec instanceof t.StringType) return { type: 'string' }
  if (codec instanceof t.NumberType) return { type: 'number' }
  if (codec instanceof t.BooleanType) return { type: 'boolean' }
  if (codec instanceof t.LiteralType) return { const: codec.value }
  if (codec instanceof t.KeyofType) return { enum: Object.keys(codec.keys as object) }
  if (codec instanceof t.ArrayType) return { type: 'array', items: jsonSchemaOf(codec.type as t.Mixed) }
  if (codec instanceof t.ExactType) return { ...jsonSchemaOf(codec.type as t.Mixed), additionalProperties: false }
  if (codec instanceof t.InterfaceType) return objectSchema(codec.props as t.Props, [])
  if (codec instanceof t.PartialType) return objectSchema({}, Object.entries<t.Mixed>(codec.props as t.Props))
  if (codec instanceof t.IntersectionType) return { allOf: (codec.types as t.Mixed[]).map(jsonSchemaOf) }
  if (codec instanceof t.UnionType) return { anyOf: (codec.types as t.Mixed[]).map(jsonSchemaOf) }
  if (codec instanceof t.RefinementType) return jsonSchemaOf(codec.type as t.Mixed)
  return { description: codec.name }
}

export const objectSchema = (required: t.Props, optional: ReadonlyArray<[string, t.Mixed]>): JsonSchema => ({
  type: 'object',
  properties: Object.fromEntries([...Object.entries(required).map(([k, c]) => [k, jsonSchemaOf(c)]), ...optional.map(([k, c]) => [k, jsonSchemaOf(c)])]),
  required: Object.keys(required),
  additionalProperties: false,
})
