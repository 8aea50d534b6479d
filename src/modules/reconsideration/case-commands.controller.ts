import { Body, Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { LegalDate } from '../../domain/calendar/legal-date.value';
import type { CaseCommand } from '../../domain/reconsideration/reconsideration-case.types';
import {
  CommandRoute,
  Target,
  type CommandTarget,
} from '../../common/http/command-route.decorator';
import { CaseFactsService } from './case-facts.service';
import { CaseQueriesService } from './case-queries.service';
import { CaseWorkflowService, type CommandExtras } from './case-workflow.service';
import {
  AcceptDto,
  ApprovedOnDto,
  ArchivedOnDto,
  AssignDto,
  ConcludeDto,
  ExtendCorrectionPeriodDto,
  ExtendDto,
  ReceivedOnDto,
  OpinionHeardDto,
  ReasonDto,
  RejectDto,
  RequestCorrectionDto,
  ResumeDto,
  SendCopyDto,
  ServedOnDto,
  SuspendDto,
} from './dto/case-commands.dto';
import type { CaseDto } from './dto/case.dto';
import { CorrectFactsDto } from './dto/correct-facts.dto';

const d = (date: string) => date as LegalDate;

/** The workflow commands of a reconsideration case: each answers the case as it now stands. */
@ApiTags('reconsideration-cases')
@Controller('reconsideration-cases')
export class CaseCommandsController {
  constructor(
    private readonly workflow: CaseWorkflowService,
    private readonly cases: CaseQueriesService,
    private readonly facts: CaseFactsService,
  ) {}

  private async run(
    target: CommandTarget,
    command: CaseCommand,
    extras?: CommandExtras,
  ): Promise<CaseDto> {
    const { actor, id, ifMatch } = target;
    await this.workflow.execute(actor, id, command, extras, ifMatch);
    return this.cases.get(actor, id);
  }

  @CommandRoute('assign', 'Assign the case handler', ['head', 'clerk'])
  assign(@Target() target: CommandTarget, @Body() body: AssignDto) {
    return this.run(target, { type: 'assign', handlerId: body.handlerId });
  }

  @CommandRoute(
    'request-correction',
    'Ask for corrected materials, listing every item at once (第三十一条)',
  )
  requestCorrection(@Target() target: CommandTarget, @Body() body: RequestCorrectionDto) {
    return this.run(target, {
      type: 'request_correction',
      noticeOn: d(body.noticeOn),
      items: body.items,
    });
  }

  @CommandRoute(
    'record-correction-notice-served',
    'Record when the applicant received the correction notice',
  )
  recordCorrectionNoticeServed(@Target() target: CommandTarget, @Body() body: ServedOnDto) {
    return this.run(target, {
      type: 'record_correction_notice_served',
      servedOn: d(body.servedOn),
    });
  }

  @CommandRoute(
    'receive-correction',
    'Receive corrected materials (postmark for mail); acceptance review restarts (第三十一条第三款)',
  )
  receiveCorrection(@Target() target: CommandTarget, @Body() body: ReceivedOnDto) {
    return this.run(target, {
      type: 'receive_correction',
      receivedOn: d(body.receivedOn),
      postmarkedOn: body.postmarkedOn ? d(body.postmarkedOn) : undefined,
    });
  }

  @CommandRoute(
    'extend-correction-period',
    'Extend the correction period for a justified reason (第三十一条第二款 延长合理的补正期限)',
  )
  extendCorrectionPeriod(@Target() target: CommandTarget, @Body() body: ExtendCorrectionPeriodDto) {
    return this.run(target, {
      type: 'extend_correction_period',
      approvedOn: d(body.approvedOn),
      days: body.days,
      reason: body.reason,
    });
  }

  @CommandRoute('accept', 'Accept the application (case number assigned)')
  accept(@Target() target: CommandTarget, @Body() body: AcceptDto) {
    return this.run(
      target,
      { type: 'accept', acceptedOn: d(body.acceptedOn), procedure: body.procedure },
      { caseNumber: body.caseNumber },
    );
  }

  @CommandRoute('reject', 'Decide not to accept (不予受理), with the reason')
  reject(@Target() target: CommandTarget, @Body() body: RejectDto) {
    return this.run(
      target,
      {
        type: 'reject',
        rejectedOn: d(body.rejectedOn),
        reason: body.reason,
        competentBody: body.competentBody,
      },
      { rejection: { reason: body.reason, competentBody: body.competentBody ?? null } },
    );
  }

  @CommandRoute('send-copy', 'Send the application copy to the respondent (第四十八条)')
  sendCopy(@Target() target: CommandTarget, @Body() body: SendCopyDto) {
    return this.run(target, {
      type: 'send_copy',
      sentOn: d(body.sentOn),
      respondentReceivedOn: body.respondentReceivedOn ? d(body.respondentReceivedOn) : undefined,
    });
  }

  @CommandRoute('record-reply', 'Record the respondent’s reply (第四十八条)')
  recordReply(@Target() target: CommandTarget, @Body() body: ReceivedOnDto) {
    return this.run(target, {
      type: 'record_reply',
      receivedOn: d(body.receivedOn),
      postmarkedOn: body.postmarkedOn ? d(body.postmarkedOn) : undefined,
    });
  }

  @CommandRoute('record-opinion-heard', 'Record that the parties’ opinions were heard (第四十九条)')
  recordOpinionHeard(@Target() target: CommandTarget, @Body() body: OpinionHeardDto) {
    return this.run(
      target,
      { type: 'record_opinion_heard', heardOn: d(body.heardOn), how: body.how },
      { opinionHeardHow: body.how },
    );
  }

  @CommandRoute(
    'record-written-review',
    'Record why opinions could not be heard: written review (第四十九条)',
  )
  recordWrittenReview(@Target() target: CommandTarget, @Body() body: ReasonDto) {
    return this.run(target, { type: 'record_written_review', reason: body.reason });
  }

  @CommandRoute('suspend', 'Suspend the review (中止, 第三十九条): the decision clock stops')
  suspend(@Target() target: CommandTarget, @Body() body: SuspendDto) {
    return this.run(target, {
      type: 'suspend',
      suspendedOn: d(body.suspendedOn),
      ground: body.ground,
    });
  }

  @CommandRoute('resume', 'Resume a suspended review: the decision clock restarts')
  resume(@Target() target: CommandTarget, @Body() body: ResumeDto) {
    return this.run(target, { type: 'resume', resumedOn: d(body.resumedOn) });
  }

  @CommandRoute(
    'extend',
    'Extend the decision period once, by at most 30 days (head, 第六十二条)',
    ['head'],
  )
  extend(@Target() target: CommandTarget, @Body() body: ExtendDto) {
    return this.run(target, {
      type: 'extend',
      approvedOn: d(body.approvedOn),
      days: body.days,
      reason: body.reason,
    });
  }

  @CommandRoute(
    'switch-procedure',
    'Switch a simplified case to ordinary procedure (head, 第五十五条)',
    ['head'],
  )
  switchProcedure(@Target() target: CommandTarget, @Body() body: ApprovedOnDto) {
    return this.run(target, { type: 'switch_procedure', approvedOn: d(body.approvedOn) });
  }

  @CommandRoute('conclude', 'Conclude the case with its outcome')
  conclude(@Target() target: CommandTarget, @Body() body: ConcludeDto) {
    return this.run(target, {
      type: 'conclude',
      concludedOn: d(body.concludedOn),
      outcome: body.outcome,
      terminationReason: body.terminationReason,
      decisionNumber: body.decisionNumber,
      lateReason: body.lateReason,
    });
  }

  @CommandRoute('serve', 'Record service of the decision (starts the 15-day window to sue)')
  serve(@Target() target: CommandTarget, @Body() body: ServedOnDto) {
    return this.run(target, { type: 'serve', servedOn: d(body.servedOn) });
  }

  @CommandRoute('archive', 'Archive a served case')
  archive(@Target() target: CommandTarget, @Body() body: ArchivedOnDto) {
    return this.run(target, { type: 'archive', archivedOn: d(body.archivedOn) });
  }

  @CommandRoute('reopen', 'Send a conclusion recorded by mistake back to review (head)', ['head'])
  reopen(@Target() target: CommandTarget, @Body() body: ReasonDto) {
    return this.run(target, { type: 'reopen', reason: body.reason });
  }

  @CommandRoute(
    'correct-facts',
    'Correct facts that legal rules decide on (head): re-runs the rules, re-plans the deadlines',
    ['head'],
  )
  correctFacts(@Target() target: CommandTarget, @Body() body: CorrectFactsDto) {
    return this.facts.correct(target.actor, target.id, body, target.ifMatch);
  }
}
