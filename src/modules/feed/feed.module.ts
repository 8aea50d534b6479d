import { Global, Module } from '@nestjs/common';
import { FeedController } from './feed.controller';
import { FeedRepository } from './feed.repository';
import { FeedSequencer } from './feed-sequencer';
import { FeedService } from './feed.service';

@Global()
@Module({
  controllers: [FeedController],
  providers: [FeedRepository, FeedSequencer, FeedService],
  exports: [FeedSequencer, FeedRepository],
})
export class FeedModule {}
