import * as E from 'fp-ts/lib/Either.js'
import { reject, type Rejection } from '../decider.js'
import type { Existing, State } from './state.js'

/** Other aggregates act only on an association that exists and is not dissolved (dissolved accepts nothing). */
export const associationMustExist = (association: State | undefined, id: string, field: string): E.Either<Rejection, Existing> =>
  association === undefined || association.status === 'none'
    ? reject('AssociationNotFound', 'design', `No association ${id}`, `Không có hội ${id}`, field)
    : association.status === 'dissolved' && association.reorganisation !== undefined
      ? reject(
          'AssociationReorganised',
          'R21',
          `Association ${id} was ${association.reorganisation.how} on ${association.reorganisation.reorganisedOn}; ${association.reorganisation.heirId} carries on its records`,
          `Hội ${id} đã được tổ chức lại (${{ divided: 'chia', absorbed: 'sáp nhập', consolidated: 'hợp nhất' }[association.reorganisation.how]}) từ ngày ${association.reorganisation.reorganisedOn}; hội ${association.reorganisation.heirId} kế thừa`,
          field,
        )
      : association.status === 'dissolved'
        ? reject('AssociationDissolved', 'R24', `Association ${id} is dissolved and accepts no further commands`, `Hội ${id} đã giải thể, không nhận thêm thao tác`, field)
        : E.right(association)

/** As above, and not suspended: during suspension only remedial activity is allowed (R23). */
export const associationMustBeOpen = (association: State | undefined, id: string, field: string): E.Either<Rejection, Existing> =>
  E.chain((a: Existing) =>
    a.status === 'suspended'
      ? reject('AssociationSuspended', 'R23', `Association ${id} is suspended: only remedial activity is allowed`, `Hội ${id} đang bị đình chỉ, chỉ được khắc phục vi phạm`, field)
      : E.right(a),
  )(associationMustExist(association, id, field))
