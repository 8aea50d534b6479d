import type { MixedList } from 'typeorm';
import { AuditEntryEntity } from '../modules/audit/audit-entry.entity';
import { AgencyEntity } from '../modules/identity/agency.entity';
import { ApiClientEntity } from '../modules/identity/api-client.entity';
import { UserEntity } from '../modules/identity/user.entity';
import {
  LoginAttemptEntity,
  MfaRecoveryCodeEntity,
  RevokedTokenEntity,
} from '../modules/identity/session-records.entity';
import { CalendarYearEntity } from '../modules/calendar/calendar-year.entity';
import { DeadlineEntity } from '../modules/deadlines/deadline.entity';
import { CaseEventEntity } from '../modules/timeline/case-event.entity';
import { OutboxMessageEntity } from '../modules/outbox/outbox-message.entity';
import { NumberSequenceEntity } from '../modules/reconsideration/number-sequence.entity';
import { ReconsiderationCaseEntity } from '../modules/reconsideration/reconsideration-case.entity';
import { HearingEntity } from '../modules/hearings/hearing.entity';
import { HearingParticipantEntity } from '../modules/hearings/hearing-participant.entity';
import { StatisticsSnapshotEntity } from '../modules/statistics/statistics-snapshot.entity';
import { LitigationCaseEntity } from '../modules/litigation/litigation-case.entity';
import { LitigationDefendantEntity } from '../modules/litigation/litigation-defendant.entity';
import { LitigationJudgmentEntity } from '../modules/litigation/litigation-judgment.entity';
import { CourtSessionEntity } from '../modules/litigation/court-session.entity';
import { CourtAppearanceEntity } from '../modules/litigation/court-appearance.entity';
import { IdempotencyKeyEntity } from '../modules/idempotency/idempotency-key.entity';
import {
  WebhookAttemptEntity,
  WebhookDeliveryEntity,
  WebhookSubscriptionEntity,
} from '../modules/webhooks/webhook.entities';
import { IntegrationExchangeEntity } from '../modules/court-liaison/integration-exchange.entity';

/** Every TypeORM entity of the app, listed explicitly so the app, the CLI and tests agree. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const ENTITIES: MixedList<Function> = [
  AgencyEntity,
  UserEntity,
  ApiClientEntity,
  AuditEntryEntity,
  CalendarYearEntity,
  CaseEventEntity,
  DeadlineEntity,
  OutboxMessageEntity,
  NumberSequenceEntity,
  ReconsiderationCaseEntity,
  HearingEntity,
  HearingParticipantEntity,
  StatisticsSnapshotEntity,
  LitigationCaseEntity,
  LitigationDefendantEntity,
  LitigationJudgmentEntity,
  CourtSessionEntity,
  CourtAppearanceEntity,
  RevokedTokenEntity,
  MfaRecoveryCodeEntity,
  LoginAttemptEntity,
  IdempotencyKeyEntity,
  WebhookSubscriptionEntity,
  WebhookDeliveryEntity,
  WebhookAttemptEntity,
  IntegrationExchangeEntity,
];
