import { Controller, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor } from '../../common/auth/current-actor.decorator';
import { ListRoute } from '../../common/http/routes.decorator';
import { FeedPageDto, FeedQueryDto } from './dto/feed.dto';
import { FeedService } from './feed.service';

/** Roles that follow a body's change feed (an admin names the body). */
const FEED_READERS = ['admin', 'head', 'clerk', 'viewer', 'court_liaison'] as const;

@ApiTags('events')
@Controller('events')
export class FeedController {
  constructor(private readonly feed: FeedService) {}

  @ListRoute(
    'The change feed: every domain event of the body in commit order, resumable from any cursor; never skips, never repeats',
    FEED_READERS,
  )
  read(@CurrentActor() actor: Actor, @Query() query: FeedQueryDto): Promise<FeedPageDto> {
    return this.feed.read(actor, query);
  }
}
