import * as E from 'fp-ts/lib/Either.js'
import { DomainCommand, decodeWith, type CommandMetadata } from '@hoi/domain'
import { scenario } from './scenario.js'

export { MEMBERS_END_2020 } from './people.js'
export { DEMO_LAST_COMMAND, DEMO_SEED, scenario, type RawCommand } from './scenario.js'

const decode = decodeWith(DomainCommand)

/**
 * The golden scenario as decoded commands, ready for `runBatch`. Every command goes through the
 * same codec a client's would; a command the codec refuses is a bug in the generator.
 */
export function* demoCommands(): Generator<{ command: DomainCommand; meta: CommandMetadata }> {
  for (const raw of scenario()) {
    const decoded = decode({ type: raw.type, data: raw.data })
    if (E.isLeft(decoded)) throw new Error(`demo command ${raw.commandId} (${raw.type}) does not decode: ${JSON.stringify(decoded.left.issues)}`)
    yield { command: decoded.right, meta: { commandId: raw.commandId, actor: 'demo' } }
  }
}
