import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock/clock';
import { SecretBox } from '../../common/crypto/secret-box';
import { failureText } from '../../common/scheduling/background-interval';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/app-config.token';
import { FeedSequencer } from '../feed/feed-sequencer';
import { redactPersonalIds } from '../feed/redact';
import { decideOutcome } from './delivery-outcome';
import { WebhookSender, type WebhookResponse } from './webhook-sender';
import { WebhookRepository, type ClaimedDelivery } from './webhook.repository';

/**
 * Delivers webhooks from the outbox. New events are fanned out to deliveries in the feed
 * sequencer's transaction (so nothing committed is lost across restarts); each instance then
 * claims due deliveries with a lease (`FOR UPDATE SKIP LOCKED`, committed at once) so a message
 * goes to one instance at a time, sends them concurrently, and logs each attempt.
 */
@Injectable()
export class WebhookDispatcher
  implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown
{
  private readonly logger = new Logger('WebhookDispatcher');
  readonly instance = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private stopped = false;
  private loop: Promise<void> | null = null;
  private wakeUp: (() => void) | null = null;
  private woken = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly webhooks: WebhookRepository,
    private readonly sender: WebhookSender,
    private readonly sequencer: FeedSequencer,
    private readonly box: SecretBox,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.sequencer.onSequenced(async (manager, batch) => {
      await this.webhooks.fanOut(
        manager,
        batch.map((message) => message.id),
        this.clock.now(),
      );
    });
    this.sequencer.afterCommit(() => this.wake());
  }

  onApplicationBootstrap(): void {
    if (this.config.integrationWorkersEnabled) this.loop = this.run();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.wake();
    await this.loop;
  }

  /** Looks for due deliveries now rather than at the next poll. */
  wake(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  /** Claims and sends one batch of due deliveries; returns how many were attempted. */
  async deliverDue(): Promise<number> {
    const lease = Math.ceil(this.config.webhookTimeoutMs / 1000) * 2 + 10;
    const claimed = await this.webhooks.claimDue(
      this.clock.now(),
      this.config.webhookConcurrency,
      lease,
    );
    await Promise.all(
      claimed.map((delivery) =>
        this.deliver(delivery).catch((error: unknown) => {
          // Not recorded (the database failed): the lease runs out and the delivery is retried.
          this.logger.error(
            `delivery ${delivery.id} not recorded: ${error instanceof Error ? error.message : String(error)}`,
          );
        }),
      ),
    );
    return claimed.length;
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      let count = 0;
      try {
        this.woken = false;
        count = await this.deliverDue();
      } catch (error) {
        this.logger.error(`delivery failed: ${failureText(error)}`);
      }
      if (count > 0 || this.woken || this.stopped) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.config.webhookPollMs);
        this.wakeUp = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wakeUp = null;
    }
  }

  private async deliver(delivery: ClaimedDelivery): Promise<void> {
    const started = Date.now();
    let response: WebhookResponse;
    try {
      response = await this.sender.send({
        url: delivery.url,
        secret: this.box.open(delivery.secretSealed),
        messageId: delivery.messageId,
        body: JSON.stringify(redactPersonalIds(delivery.payload)),
        // Transport time, not legal time: receivers compare it with their own clock (replay guard).
        timestamp: Math.floor(Date.now() / 1000),
      });
    } catch (error) {
      // E.g. a secret sealed under another PII_ENCRYPTION_KEY: logged as a failed attempt.
      const message = error instanceof Error ? error.message : String(error);
      response = { status: null, retryAfter: undefined, error: `not sent: ${message}` };
    }
    const now = this.clock.now();
    const outcome = decideOutcome(
      response.status,
      response.retryAfter,
      delivery.attemptSinceQueued,
      this.config.webhookRetrySchedule,
      now,
    );
    await this.dataSource.transaction((manager) =>
      this.webhooks.recordAttempt(manager, {
        deliveryId: delivery.id,
        subscriptionId: delivery.subscriptionId,
        attempt: delivery.attempt,
        status: outcome.status,
        responseStatus: response.status,
        error: response.error,
        durationMs: Date.now() - started,
        attemptedAt: now,
        nextAttemptAt: outcome.nextAttemptAt,
        instance: this.instance,
        disable: outcome.disable,
      }),
    );
  }
}
