import { createCipheriv, createDecipheriv, createHmac } from 'node:crypto'

/**
 * Personal fields are stored as `enc1:<personId>:<base64url(iv ‖ ciphertext ‖ tag)>`, AES-256-GCM
 * under the person's key. The IV is synthetic (as in AES-GCM-SIV / RFC 5297): HMAC-SHA256 of the
 * event id, the field and the clear value under a second key derived from the person's key, cut
 * to 12 bytes. The same value sealed for the same event and field is the same text, so a repeated
 * append (same command, same data) is recognised by the stores' byte comparison; a different value
 * gets a different IV, so an IV is never reused for two texts. The person and the field are the
 * additional data: a ciphertext moved to another field or person does not open (a move between
 * events is the hash chain's to detect; readers of the log's fast path do not carry event ids).
 */
export const PREFIX = 'enc1:'

export type PersonKey = { readonly enc: Buffer; readonly iv: Buffer }

/** The two working keys of a person's 32-byte key: one encrypts, one makes IVs. */
export const deriveKey = (key: Buffer): PersonKey => ({
  enc: createHmac('sha256', key).update('hoi personal data: encryption').digest(),
  iv: createHmac('sha256', key).update('hoi personal data: iv').digest(),
})

const aad = (personId: string, field: string): Buffer => Buffer.from(`${personId}\u0000${field}`, 'utf8')

export const seal = (personId: string, key: PersonKey, eventId: string, field: string, value: unknown): string => {
  const clear = Buffer.from(JSON.stringify(value), 'utf8')
  const iv = createHmac('sha256', key.iv).update(`${eventId}\u0000${field}\u0000`).update(clear).digest().subarray(0, 12)
  const c = createCipheriv('aes-256-gcm', key.enc, iv)
  c.setAAD(aad(personId, field))
  const body = Buffer.concat([iv, c.update(clear), c.final(), c.getAuthTag()])
  return `${PREFIX}${personId}:${body.toString('base64url')}`
}

/** The person a sealed value belongs to; undefined for a value that is not sealed. */
export const sealedPerson = (value: unknown): string | undefined => {
  if (typeof value !== 'string' || !value.startsWith(PREFIX)) return undefined
  const end = value.indexOf(':', PREFIX.length)
  return end < 0 ? undefined : value.slice(PREFIX.length, end)
}

/** The clear value, or undefined when the text does not open under this key (changed, or moved). */
export const open = (key: PersonKey, field: string, value: string): unknown => {
  const end = value.indexOf(':', PREFIX.length)
  const body = Buffer.from(value.slice(end + 1), 'base64url')
  if (body.length < 12 + 16) return undefined
  try {
    const d = createDecipheriv('aes-256-gcm', key.enc, body.subarray(0, 12))
    d.setAAD(aad(value.slice(PREFIX.length, end), field))
    d.setAuthTag(body.subarray(body.length - 16))
    return JSON.parse(Buffer.concat([d.update(body.subarray(12, body.length - 16)), d.final()]).toString('utf8')) as unknown
  } catch {
    return undefined
  }
}
