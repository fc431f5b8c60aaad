import * as E from 'fp-ts/lib/Either.js'
import { periodBounds } from '../codecs.js'
import { accept, nothing, reject, type Rejection } from '../decider.js'
import type { Policy } from '../policy.js'
import type * as Association from '../association/state.js'
import { associationMustExist } from '../association/guards.js'
import type { Command } from './commands.js'
import type { Event } from './events.js'
import type { Indicators } from './indicators.js'
import type { State } from './state.js'
import { entryMustBeOpen, indicatorsMustFit, reportDueOn } from './rules.js'
import { approvalNeedsChildren, unapprovalTopDown, type Hierarchy } from './approval.js'

export type Context = { readonly policy: Policy; readonly association?: Association.State } & Hierarchy

const sameIndicators = (a: Indicators, b: Indicators): boolean => {
  const ka = Object.keys(a)
  return ka.length === Object.keys(b).length && ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && a[k] === b[k])
}

const notSubmitted = (period: string) => reject('ReportNotSubmitted', 'design', `No report has been submitted for ${period}`, `Chưa nộp báo cáo kỳ ${period}`, 'data.period')
const locked = (period: string) => reject('ReportLocked', 'R33', `The report for ${period} is approved and locked`, `Báo cáo kỳ ${period} đã được duyệt và khóa`, 'data.period')

export const decide = (command: Command, state: State, context: Context): E.Either<Rejection, ReadonlyArray<Event>> => {
  switch (command.type) {
    case 'SubmitReport': {
      const d = command.data
      if (state.status !== 'none') {
        const s = state.submission
        return s.submittedOn === d.submittedOn && sameIndicators(s.indicators, d.indicators) && s.narrative === d.narrative
          ? nothing
          : reject(
              'ReportAlreadySubmitted',
              'design',
              `A report for ${d.period} was already submitted; use CorrectReport to change it`,
              `Báo cáo kỳ ${d.period} đã được nộp; hãy dùng chức năng sửa báo cáo`,
              'data.period',
            )
      }
      // a suspended association still owes its reports
      const association = associationMustExist(context.association, d.associationId, 'data.associationId')
      if (E.isLeft(association)) return association
      const { start } = periodBounds(d.period)
      if (d.submittedOn < start)
        return reject(
          'SubmittedBeforePeriod',
          'design',
          `A report for ${d.period} cannot be submitted before the period starts (${start})`,
          `Không thể nộp báo cáo kỳ ${d.period} trước khi kỳ bắt đầu (${start})`,
          'data.submittedOn',
        )
      const fits = indicatorsMustFit(d.indicators, association.right.kind, d.period)
      if (E.isLeft(fits)) return fits
      const open = entryMustBeOpen(d.period, d.submittedOn, state.lockExceptions, context.policy, 'data.submittedOn')
      if (E.isLeft(open)) return open
      const dueOn = reportDueOn(association.right, d.period)
      return accept({ type: 'ReportSubmitted', data: { ...d, dueOn, late: d.submittedOn > dueOn } })
    }
    case 'CorrectReport': {
      const d = command.data
      if (state.status === 'none') return notSubmitted(d.period)
      if (state.status === 'approved') return locked(d.period)
      // a returned report is re-submitted by a correction, even an unchanged one; an omitted narrative is kept
      if (state.status === 'submitted' && sameIndicators(state.indicators, d.indicators) && (d.narrative ?? state.narrative) === state.narrative) return nothing
      if (d.correctedOn < state.submittedOn)
        return reject(
          'CorrectionBeforeSubmission',
          'design',
          `A report cannot be corrected before it was submitted (${state.submittedOn})`,
          `Không thể sửa báo cáo trước khi nộp (${state.submittedOn})`,
          'data.correctedOn',
        )
      if (context.association !== undefined && context.association.status !== 'none') {
        const fits = indicatorsMustFit(d.indicators, context.association.kind, d.period)
        if (E.isLeft(fits)) return fits
      }
      const open = entryMustBeOpen(d.period, d.correctedOn, state.lockExceptions, context.policy, 'data.correctedOn')
      if (E.isLeft(open)) return open
      return accept({ type: 'ReportCorrected', data: d })
    }
    case 'ApproveReport': {
      const d = command.data
      if (state.status === 'none') return notSubmitted(d.period)
      if (state.status === 'approved') return nothing
      if (state.status === 'returned')
        return reject(
          'ReportReturned',
          'design',
          `The report for ${d.period} was returned; it must be corrected before approval`,
          `Báo cáo kỳ ${d.period} đã bị trả lại, cần sửa trước khi duyệt`,
          'data.period',
        )
      if (d.approvedOn < (state.correctedOn ?? state.submittedOn))
        return reject('ApprovalBeforeSubmission', 'design', 'A report cannot be approved before its latest submission', 'Không thể duyệt báo cáo trước lần nộp gần nhất', 'data.approvedOn')
      const children = approvalNeedsChildren(d.associationId, d.period, d.childAssociationIds ?? [], context)
      if (E.isLeft(children)) return children
      return accept({ type: 'ReportApproved', data: d })
    }
    case 'ReturnReport': {
      const d = command.data
      if (state.status === 'none') return notSubmitted(d.period)
      if (state.status === 'approved') return locked(d.period)
      if (state.status === 'returned') return nothing
      if (d.returnedOn < (state.correctedOn ?? state.submittedOn))
        return reject('ReturnBeforeSubmission', 'design', 'A report cannot be returned before its latest submission', 'Không thể trả lại báo cáo trước lần nộp gần nhất', 'data.returnedOn')
      return accept({ type: 'ReportReturned', data: d })
    }
    case 'UnapproveReport': {
      const d = command.data
      if (state.status === 'none') return notSubmitted(d.period)
      if (state.status !== 'approved') return nothing
      if (d.unapprovedOn < state.approvedOn!)
        return reject(
          'UnapprovalBeforeApproval',
          'design',
          `A report cannot be unapproved before it was approved (${state.approvedOn})`,
          `Không thể hủy duyệt trước ngày duyệt (${state.approvedOn})`,
          'data.unapprovedOn',
        )
      const topDown = unapprovalTopDown(d.associationId, d.period, d.parentAssociationId, context)
      if (E.isLeft(topDown)) return topDown
      return accept({ type: 'ReportUnapproved', data: { associationId: d.associationId, period: d.period, unapprovedOn: d.unapprovedOn, reason: d.reason } })
    }
    case 'GrantLockException': {
      const d = command.data
      const association = associationMustExist(context.association, d.associationId, 'data.associationId')
      if (E.isLeft(association)) return association
      if (d.until < d.grantedOn)
        return reject('LockExceptionEndsBeforeStart', 'R34', 'A lock exception must end on or after the day it is granted', 'Thời hạn mở khóa phải kết thúc sau ngày cấp', 'data.until')
      if (state.lockExceptions.some((x) => x.grantedOn === d.grantedOn && x.until === d.until)) return nothing
      return accept({ type: 'LockExceptionGranted', data: d })
    }
    case 'RevokeLockException': {
      const d = command.data
      const association = associationMustExist(context.association, d.associationId, 'data.associationId')
      if (E.isLeft(association)) return association
      // nothing open on or after that day: already revoked, or expired
      if (!state.lockExceptions.some((x) => x.until >= d.revokedOn)) return nothing
      return accept({ type: 'LockExceptionRevoked', data: d })
    }
  }
}
