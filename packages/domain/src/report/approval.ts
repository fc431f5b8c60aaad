import * as E from 'fp-ts/lib/Either.js'
import { periodBounds, type Period } from '../codecs.js'
import { reject, type Rejection } from '../decider.js'
import type * as Association from '../association/state.js'
import { associationMustExist } from '../association/guards.js'
import { templateOf } from './rules.js'
import type { State } from './state.js'

/**
 * What approval needs from other streams, loaded under positional keys (never a user string as a
 * key): the i-th listed child association and its report for the same period (R32), and the
 * parent's report for the same period (R33).
 */
export type Hierarchy = {
  readonly parentReport?: State
  readonly [child: `childAssociation.${number}`]: Association.State | undefined
  readonly [report: `childReport.${number}`]: State | undefined
}

/** Does this association owe a report for the period: in being during it, with a template for its kind? */
export const owesReport = (a: Association.Existing, period: Period): boolean => {
  const { start, end } = periodBounds(period)
  if (a.foundedOn > end || (a.dissolvedOn !== undefined && a.dissolvedOn <= start)) return false
  return templateOf(a.kind, period).template !== undefined
}

/**
 * R32: a report is approved only after the report of every child that owes one is approved. The
 * parent's own record of its children (kept by the children's follow-ups, R30) says who they are:
 * each must be listed, so its association and report are loaded and checked.
 */
export const approvalNeedsChildren = (
  parentId: string,
  period: Period,
  children: ReadonlyArray<string>,
  context: Hierarchy & { readonly association?: Association.State },
): E.Either<Rejection, true> => {
  const parent = context.association
  const unlisted = parent === undefined || parent.status === 'none' ? undefined : parent.children.find((c) => !children.includes(c))
  if (unlisted !== undefined)
    return reject(
      'ChildNotListed',
      'R32',
      `${unlisted} is a child association of ${parentId}: list it in childAssociationIds so its ${period} report is checked first`,
      `${unlisted} là hội cấp dưới của ${parentId}: cần liệt kê trong childAssociationIds để kiểm tra báo cáo kỳ ${period} của hội này trước`,
      'data.childAssociationIds',
    )
  for (const [i, id] of children.entries()) {
    const field = `data.childAssociationIds.${i}`
    const child = associationMustExist(context[`childAssociation.${i}`], id, field)
    if (E.isLeft(child) && child.left.code === 'AssociationNotFound') return child
    const a = E.isLeft(child) ? (context[`childAssociation.${i}`] as Association.Existing) : child.right
    if (a.parentId !== parentId) return reject('NotAChildAssociation', 'R32', `${id} is not a child association of ${parentId}`, `${id} không phải là hội cấp dưới của ${parentId}`, field)
    if (!owesReport(a, period)) continue
    const r = context[`childReport.${i}`]
    if (r === undefined || r.status !== 'approved')
      return reject(
        'ChildReportNotApproved',
        'R32',
        `The ${period} report of ${id} must be approved before its parent's (it is ${r === undefined || r.status === 'none' ? 'not submitted' : r.status})`,
        `Báo cáo kỳ ${period} của ${id} phải được duyệt trước báo cáo của hội cấp trên`,
        field,
      )
  }
  return E.right(true)
}

/** R33: unapproval is top-down: a report stays locked while its parent's report for the period is approved. */
export const unapprovalTopDown = (
  associationId: string,
  period: Period,
  parentAssociationId: string | undefined,
  context: Hierarchy & { readonly association?: Association.State },
): E.Either<Rejection, true> => {
  const a = associationMustExist(context.association, associationId, 'data.associationId')
  const existing = E.isLeft(a) ? (a.left.code === 'AssociationNotFound' ? undefined : (context.association as Association.Existing)) : a.right
  if (existing === undefined) return a as E.Either<Rejection, never>
  if (existing.parentId !== parentAssociationId)
    return reject(
      'ParentAssociationMismatch',
      'R33',
      existing.parentId === undefined ? `${associationId} has no parent` : `The parent of ${associationId} is ${existing.parentId}`,
      existing.parentId === undefined ? `${associationId} không có hội cấp trên` : `Hội cấp trên của ${associationId} là ${existing.parentId}`,
      'data.parentAssociationId',
    )
  if (context.parentReport?.status === 'approved')
    return reject(
      'ParentReportApproved',
      'R33',
      `The ${period} report of ${parentAssociationId} is approved; it must be unapproved first`,
      `Báo cáo kỳ ${period} của ${parentAssociationId} đã được duyệt; cần hủy duyệt cấp trên trước`,
      'data.parentAssociationId',
    )
  return E.right(true)
}
