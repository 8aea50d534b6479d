import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';
import { RequestExample } from '../../../common/openapi/request-example.decorator';
import { PageQueryDto } from '../../../common/pagination/page-query.dto';
import { IsOptionalNotNull } from '../../../common/validation/is-optional-not-null.decorator';
import { IsOptionalString } from '../../../common/validation/is-optional-string.decorator';

@RequestExample({
  url: 'https://hooks.court.example.gov.cn/fuyi',
  events: ['litigation_case.created', 'court_session.scheduled', 'hearing.reminder'],
  description: '乐平市人民法院 府院联动',
})
export class CreateWebhookDto {
  /** Where deliveries go: http(s), no credentials; its host must be inside WEBHOOK_ALLOWED_HOSTS. */
  @IsString()
  @MaxLength(2000)
  @IsUrl({
    protocols: ['http', 'https'],
    require_protocol: true,
    require_tld: false,
    disallow_auth: true,
    allow_underscores: true,
  })
  url!: string;

  /** Event types to deliver, e.g. `litigation_case.created`, or `*` for every type. */
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsString({ each: true })
  @Matches(/^(\*|[a-z_]+\.[a-z_]+)$/, {
    each: true,
    message: 'each event must be an event type like litigation_case.created, or *',
  })
  events!: string[];

  @IsOptionalString()
  @MaxLength(500)
  description?: string;

  /** Admins only: the reconsideration body whose events to deliver. */
  @IsOptionalNotNull()
  @IsUUID()
  agencyId?: string;
}

export class WebhookQueryDto extends PageQueryDto {
  /** Admins only: webhooks of this reconsideration body. */
  @IsOptionalNotNull()
  @IsUUID()
  agencyId?: string;
}

export class WebhookDto {
  id!: string;
  agencyId!: string;
  url!: string;
  events!: string[];
  description!: string | null;
  /** False after a 410 Gone, after a delivery failed through its whole retry schedule, or once deleted. */
  enabled!: boolean;
  /** `gone` (the endpoint answered 410) or `failing` (retries exhausted); a redelivery enables it again. */
  disabledReason!: string | null;
  disabledAt!: string | null;
  createdAt!: string;
}

export class CreatedWebhookDto extends WebhookDto {
  /** Shown once: `whsec_` and the base64 key that signs deliveries (Standard Webhooks). */
  secret!: string;
}

export class WebhookPageDto {
  items!: WebhookDto[];
  nextCursor!: string | null;
}

export class QueuedDeliveryDto {
  /** The `webhook-id` of the message. */
  messageId!: string;
  status!: 'pending';
}

export class DeliveryAttemptDto {
  /** The `webhook-id`: the same on every retry and redelivery of a message. */
  messageId!: string;
  eventType!: string;
  /** 1 for the first attempt; 0 for a delivery not attempted yet. */
  attempt!: number;
  /** pending 待发送, succeeded 已送达, failed 失败, retrying 待重试 */
  status!: 'pending' | 'succeeded' | 'failed' | 'retrying';
  /** The receiver's HTTP status; null when no response came. */
  responseStatus!: number | null;
  /** Why no response came (timeout, refused address, connection error). */
  error!: string | null;
  attemptedAt!: string | null;
  nextAttemptAt!: string | null;
}

export class DeliveryAttemptPageDto {
  items!: DeliveryAttemptDto[];
  nextCursor!: string | null;
}

/** The body of every delivery (Standard Webhooks): thin data, no personal ID numbers. */
export class WebhookPayloadDto {
  /** The event type, e.g. `litigation_case.created`, `hearing.reminder`, `webhook.test`. */
  type!: string;
  /** When the event was committed (ISO 8601, UTC). */
  timestamp!: string;
  /**
   * `eventId` (the feed item's id), `aggregate: {kind, id}`, and the changed facts as in the
   * change feed's `data`.
   */
  data!: Record<string, unknown>;
}
