import { Count, Id, IsoDate, Name, Ref, boundedArray, message, strictPartial } from '../codecs.js'
import { ClaimId } from '../claim/claim.js'
import { AreaCode, AssociationKind, Ending, Origin, Scope } from './events.js'

/**
 * Reorganisation of associations (R21, R22; Decree 45/2010 Art.25a, 126/2024): divide, separate,
 * absorb (merge into) and consolidate (merge into a new one). Divide, absorb and consolidate end
 * the sources; separate keeps its source. Each source that ends names its heir: the association
 * that carries on its members, clubs, targets and staff quota from the date.
 *
 * How they are carried: the heir records the takeover (AssociationTookOver, with its date); member,
 * club and target streams are not rewritten (the source ends without listing its members, and a
 * follow-up per member would need that list). From the takeover date the source's members are the
 * heir's: commands may name the heir, their history stays readable under the source's id, which
 * still names them. The source's clubs are hosted, and its targets owned, by the heir. A division
 * carries everything to its one heir; the other new bodies start with their own founding members,
 * and members move to them afterwards by ordinary transfers (R12), so no member is left unassigned.
 */
export const NewBody = strictPartial({ associationId: Id, name: Name, scope: Scope, areaCode: AreaCode }, { foundingMembers: Count }, 'NewBody')
export const NewBodies = boundedArray(NewBody, 20, 'NewBodies')
export const SourceIds = boundedArray(Id, 50, 'SourceIds')

const id = { associationId: Id }

export const DivideAssociation = message('DivideAssociation', { ...id, dividedOn: IsoDate, into: NewBodies }, { heirId: Id, decisionRef: Ref })
export const SeparateAssociation = message('SeparateAssociation', { ...id, separatedOn: IsoDate, newBody: NewBody }, { decisionRef: Ref })
export const AbsorbAssociation = message('AbsorbAssociation', { ...id, intoId: Id, absorbedOn: IsoDate }, { decisionRef: Ref })
/** Decided on the stream of the new association; the sources end by follow-ups. */
export const ConsolidateAssociations = message(
  'ConsolidateAssociations',
  {
    ...id,
    name: Name,
    kind: AssociationKind,
    scope: Scope,
    areaCode: AreaCode,
    consolidatedOn: IsoDate,
    sourceIds: SourceIds,
  },
  { parentId: Id, decisionRef: Ref },
)

/** Only follow-ups send these. */
export const FoundSuccessor = message(
  'FoundSuccessor',
  {
    ...id,
    name: Name,
    kind: AssociationKind,
    scope: Scope,
    areaCode: AreaCode,
    foundedOn: IsoDate,
    foundingMembers: Count,
    origin: Origin,
  },
  { parentId: Id, decisionRef: Ref },
)
export const EndByReorganisation = message(
  'EndByReorganisation',
  {
    ...id,
    how: Ending,
    reorganisedOn: IsoDate,
    heirId: Id,
    successorIds: boundedArray(Id, 50, 'SuccessorIds'),
  },
  { decisionRef: Ref },
)
/** `freedClaim`: the area claim the source released, which the heir takes when it is its own. */
export const TakeOver = message('TakeOver', { ...id, fromId: Id, how: Ending, takenOverOn: IsoDate }, { staffQuota: Count, freedClaim: ClaimId, alsoCarried: boundedArray(Id, 500, 'AlsoCarried') })
