import type { LegalDate } from '../calendar/legal-date.value';
import type { LitigationCommand } from './litigation-case.types';

/** The legal dates a litigation command carries, named for messages. */
export function litigationCommandDates(
  command: LitigationCommand,
): { what: string; on: LegalDate }[] {
  const dates: { what: string; on: LegalDate | undefined }[] = [];
  switch (command.type) {
    case 'submit_defense':
      dates.push({ what: 'the submission of the defence', on: command.submittedOn });
      break;
    case 'record_judgment':
      dates.push({ what: 'the judgment', on: command.decidedOn });
      dates.push({ what: 'the service of the judgment', on: command.servedOn });
      break;
    case 'record_service':
      dates.push({ what: 'the service of the judgment', on: command.servedOn });
      break;
    case 'appeal':
      dates.push({ what: 'the appeal', on: command.appealedOn });
      break;
    case 'close':
      dates.push({ what: 'the closing', on: command.closedOn });
      break;
    case 'record_judicial_recommendation':
      dates.push({ what: 'the receipt of the judicial recommendation', on: command.receivedOn });
      break;
  }
  return dates.filter((date): date is { what: string; on: LegalDate } => date.on !== undefined);
}
