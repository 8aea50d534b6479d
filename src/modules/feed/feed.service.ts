import { Injectable } from '@nestjs/common';
import type { Actor } from '../../common/auth/actor';
import { decodeCursor, encodeCursor } from '../../common/pagination/cursor';
import { validationProblem } from '../../common/problem/problem';
import { TenantScope } from '../../common/tenancy/tenant-scope';
import { FeedSequencer } from './feed-sequencer';
import { FeedRepository, type FeedRow } from './feed.repository';
import type { FeedEventDto, FeedPageDto, FeedQueryDto } from './dto/feed.dto';
import { redactPersonalIds } from './redact';

/** The change feed of one reconsideration body (API, "Change feed and webhooks"). */
@Injectable()
export class FeedService {
  constructor(
    private readonly feed: FeedRepository,
    private readonly sequencer: FeedSequencer,
  ) {}

  async read(actor: Actor, query: FeedQueryDto): Promise<FeedPageDto> {
    const scope = TenantScope.forList(actor, query.agencyId);
    if (scope.agencyId === null) {
      throw validationProblem([
        { field: 'agencyId', message: 'an admin of no body names the body whose feed to read' },
      ]);
    }
    const after = decodeCursor(query.after, ['int'])?.[0] ?? null;
    const types = query.types ? [...new Set(query.types.split(','))] : null;
    // Whoever reads gives committed events their positions first: the feed lags by no timer.
    await this.sequencer.catchUp();
    const rows = await this.feed.pageForAgency(scope.agencyId, after, types, query.limit);
    const items = rows.map(toFeedEvent);
    return {
      items,
      nextCursor: items.length > 0 ? items[items.length - 1].cursor : (query.after ?? null),
    };
  }
}

export function toFeedEvent(row: FeedRow): FeedEventDto {
  return {
    id: row.id,
    cursor: encodeCursor([row.position]),
    type: row.topic,
    aggregate:
      row.aggregateType !== null && row.aggregateId !== null
        ? { kind: row.aggregateType, id: row.aggregateId }
        : null,
    occurredAt: row.createdAt,
    data: redactPersonalIds(row.payload) as Record<string, unknown>,
  };
}
