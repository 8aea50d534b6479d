import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock } from '../../common/clock/clock';
import { failureText, startBackgroundInterval } from '../../common/scheduling/background-interval';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/app-config.token';
import { FeedRepository, type SequencedMessage } from './feed.repository';

const BATCH = 500;

/** Work done in the sequencer's transaction for each batch (webhook fan-out). */
export type SequencedHandler = (
  manager: EntityManager,
  messages: readonly SequencedMessage[],
) => Promise<void>;

/**
 * Gives committed outbox messages their feed positions (see FeedRepository). Runs on every feed
 * read and, when the integration workers are on, every `FEED_SEQUENCER_INTERVAL_MS` in the
 * background; instances that find the lock taken simply skip their turn.
 */
@Injectable()
export class FeedSequencer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('FeedSequencer');
  private readonly handlers: SequencedHandler[] = [];
  private readonly listeners: Array<() => void> = [];
  private stopTimer: (() => void) | null = null;
  private running: Promise<number> | null = null;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly feed: FeedRepository,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Adds work to run in the same transaction as each numbered batch. */
  onSequenced(handler: SequencedHandler): void {
    this.handlers.push(handler);
  }

  /** Called after a batch committed (wakes the webhook worker of this instance). */
  afterCommit(listener: () => void): void {
    this.listeners.push(listener);
  }

  onApplicationBootstrap(): void {
    if (!this.config.integrationWorkersEnabled) return;
    this.stopTimer = startBackgroundInterval(
      'FeedSequencer',
      'sequencing',
      this.config.feedSequencerIntervalMs,
      () => this.catchUp(),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.stopTimer?.();
    await this.running?.catch(() => 0);
  }

  /**
   * Numbers everything committed and due, batch by batch; returns how many. Concurrent calls in
   * one instance share the run in progress.
   */
  catchUp(): Promise<number> {
    if (this.stopped) return Promise.resolve(0);
    this.running ??= this.sequenceAll()
      .catch((error: unknown) => {
        this.logger.error(`sequencing failed: ${failureText(error)}`);
        return 0;
      })
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  private async sequenceAll(): Promise<number> {
    let total = 0;
    for (;;) {
      const count = await this.dataSource.transaction(async (manager) => {
        if (!(await this.feed.tryLockSequencer(manager))) return -1;
        const batch = await this.feed.sequenceDue(manager, this.clock.now(), BATCH);
        for (const handler of this.handlers) await handler(manager, batch);
        return batch.length;
      });
      if (count > 0) {
        total += count;
        for (const listener of this.listeners) listener();
      }
      if (count < BATCH) return total;
    }
  }
}
