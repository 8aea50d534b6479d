import type { LegalDate } from '../calendar/legal-date.value';
import type { CaseCommand } from './reconsideration-case.types';

/** The legal dates a command carries, named for messages. */
export function commandDates(command: CaseCommand): { what: string; on: LegalDate }[] {
  const dates: { what: string; on: LegalDate | undefined }[] = [];
  switch (command.type) {
    case 'request_correction':
      dates.push({ what: 'the correction notice', on: command.noticeOn });
      break;
    case 'record_correction_notice_served':
      dates.push({ what: 'the service of the correction notice', on: command.servedOn });
      break;
    case 'receive_correction':
      dates.push({ what: 'the receipt of the corrected materials', on: command.receivedOn });
      dates.push({ what: 'the postmark of the corrected materials', on: command.postmarkedOn });
      break;
    case 'extend_correction_period':
      dates.push({ what: 'the approval of the extension', on: command.approvedOn });
      break;
    case 'accept':
      dates.push({ what: 'the acceptance', on: command.acceptedOn });
      break;
    case 'reject':
      dates.push({ what: 'the rejection', on: command.rejectedOn });
      break;
    case 'send_copy':
      dates.push({ what: 'the sending of the copy', on: command.sentOn });
      dates.push({
        what: "the respondent's receipt of the copy",
        on: command.respondentReceivedOn,
      });
      break;
    case 'record_reply':
      dates.push({ what: "the receipt of the respondent's reply", on: command.receivedOn });
      dates.push({ what: "the postmark of the respondent's reply", on: command.postmarkedOn });
      break;
    case 'record_opinion_heard':
      dates.push({ what: 'the hearing of opinions', on: command.heardOn });
      break;
    case 'suspend':
      dates.push({ what: 'the suspension', on: command.suspendedOn });
      break;
    case 'resume':
      dates.push({ what: 'the resumption', on: command.resumedOn });
      break;
    case 'extend':
      dates.push({ what: 'the approval of the extension', on: command.approvedOn });
      break;
    case 'switch_procedure':
      dates.push({ what: 'the approval of the procedure switch', on: command.approvedOn });
      break;
    case 'conclude':
      dates.push({ what: 'the conclusion', on: command.concludedOn });
      break;
    case 'serve':
      dates.push({ what: 'the service of the decision', on: command.servedOn });
      break;
    case 'archive':
      dates.push({ what: 'the archiving', on: command.archivedOn });
      break;
    case 'assign':
    case 'record_written_review':
    case 'reopen':
    case 'deem_accept':
    case 'deem_abandon':
      break;
  }
  return dates.filter((date): date is { what: string; on: LegalDate } => date.on !== undefined);
}
