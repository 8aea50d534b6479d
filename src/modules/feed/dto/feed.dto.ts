import { Type } from 'class-transformer';
import { IsInt, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsOptionalNotNull } from '../../../common/validation/is-optional-not-null.decorator';

export class FeedQueryDto {
  /** Resume right after this item: any item's `cursor` or a page's `nextCursor`; absent: from the start. */
  @IsOptionalNotNull()
  @IsString()
  @MaxLength(512)
  after?: string;

  /** Page size, 1–1000. */
  @IsOptionalNotNull()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit: number = 100;

  /** Comma-separated event types, e.g. `litigation_case.created,court_session.scheduled`. */
  @IsOptionalNotNull()
  @IsString()
  @MaxLength(2000)
  @Matches(/^[a-z_]+\.[a-z_]+(,[a-z_]+\.[a-z_]+)*$/, {
    message: 'types must be comma-separated event types like litigation_case.created',
  })
  types?: string;

  /** Admins only: the reconsideration body whose events to read. */
  @IsOptionalNotNull()
  @IsUUID()
  agencyId?: string;
}

export class FeedAggregateDto {
  /** e.g. `reconsideration_case`, `litigation_case`, `hearing`, `court_session`. */
  kind!: string;
  id!: string;
}

export class FeedEventDto {
  /** The event's id; also the `webhook-id` (`msg_<id>`) of its webhook deliveries. */
  id!: string;
  /** Opaque: pass as `after` to resume right after this event. */
  cursor!: string;
  /** Dotted event type, e.g. `reconsideration_case.accepted`, `hearing.reminder`. */
  type!: string;
  /** The record the event is about. */
  aggregate!: FeedAggregateDto | null;
  /** When the change was committed (recorded), ISO 8601 in China Standard Time. */
  occurredAt!: string;
  /** The changed facts; personal ID numbers are left out. */
  data!: Record<string, unknown>;
}

export class FeedPageDto {
  items!: FeedEventDto[];
  /**
   * Where to resume: the last item's cursor, or the `after` given when nothing new has committed
   * (null only for an empty feed read from the start). Never null-terminated: poll again with it.
   */
  nextCursor!: string | null;
}
