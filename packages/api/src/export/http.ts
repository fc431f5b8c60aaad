import type { FastifyReply } from 'fastify'
import { tablesOf } from './views.js'
import { render } from './write.js'
import { mediaTypes, type ExportFormat } from './table.js'

export { formatAccepted } from './table.js'

/**
 * A view's answer as CSV or XLSX, for `Accept: text/csv` or the XLSX media type. The answer is the
 * same one JSON clients get (same decoding, scope checks, redaction and paging), turned into tables.
 */
export const sendExport = async (reply: FastifyReply, view: string, format: ExportFormat, entry: { readonly body: Buffer; readonly etag: string }): Promise<void> => {
  const bytes = await render(format, tablesOf(view, JSON.parse(entry.body.toString('utf8'))))
  reply.headers({ 'cache-control': 'no-cache', vary: 'authorization, accept', 'content-disposition': `attachment; filename="${view}.${format}"` })
  reply.status(200).type(mediaTypes[format]).send(bytes)
}
