import { EnableExtensions1764150000000 } from '../../migrations/1764150000000-EnableExtensions';
import { CreateIdentityAndAudit1795724609523 } from '../../migrations/1795724609523-CreateIdentityAndAudit';
import { CreateCalendarTimelineDeadlines1795725079088 } from '../../migrations/1795725079088-CreateCalendarTimelineDeadlines';
import { CreateReconsiderationCases1795726009459 } from '../../migrations/1795726009459-CreateReconsiderationCases';
import { CreateHearings1795726592522 } from '../../migrations/1795726592522-CreateHearings';
import { IndexOpenDeadlines1795730260235 } from '../../migrations/1795730260235-IndexOpenDeadlines';
import { PeriodRulesAndMail1795800000000 } from '../../migrations/1795800000000-PeriodRulesAndMail';
import { CreateLitigation1795900000000 } from '../../migrations/1795900000000-CreateLitigation';
import { IndexCourtSessionReminders1795900000001 } from '../../migrations/1795900000001-IndexCourtSessionReminders';
import { AccountSecurity1796000000000 } from '../../migrations/1796000000000-AccountSecurity';
import { SealIdNumbers1796000001000 } from '../../migrations/1796000001000-SealIdNumbers';
import { CreateStatistics1796100000000 } from '../../migrations/1796100000000-CreateStatistics';
import { IndexExtendedCases1796100000001 } from '../../migrations/1796100000001-IndexExtendedCases';
import { PartialAcceptedIndex1796100000002 } from '../../migrations/1796100000002-PartialAcceptedIndex';
import { ChangeFeed1796200000000 } from '../../migrations/1796200000000-ChangeFeed';
import { IdempotencyKeys1796200000001 } from '../../migrations/1796200000001-IdempotencyKeys';
import { Webhooks1796200000002 } from '../../migrations/1796200000002-Webhooks';
import { IntegrationExchange1796200000003 } from '../../migrations/1796200000003-IntegrationExchange';
import { StatisticsSinglePass1796300000000 } from '../../migrations/1796300000000-StatisticsSinglePass';

/** Every migration in order; listed explicitly so compiled and test runs load the same set. */
export const MIGRATIONS = [
  EnableExtensions1764150000000,
  CreateIdentityAndAudit1795724609523,
  CreateCalendarTimelineDeadlines1795725079088,
  CreateReconsiderationCases1795726009459,
  CreateHearings1795726592522,
  IndexOpenDeadlines1795730260235,
  PeriodRulesAndMail1795800000000,
  CreateLitigation1795900000000,
  IndexCourtSessionReminders1795900000001,
  AccountSecurity1796000000000,
  SealIdNumbers1796000001000,
  CreateStatistics1796100000000,
  IndexExtendedCases1796100000001,
  PartialAcceptedIndex1796100000002,
  ChangeFeed1796200000000,
  IdempotencyKeys1796200000001,
  Webhooks1796200000002,
  IntegrationExchange1796200000003,
  StatisticsSinglePass1796300000000,
];
