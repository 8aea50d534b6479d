import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Actor } from '../../common/auth/actor';
import { decodeCursor, toPage } from '../../common/pagination/cursor';
import { notFoundProblem } from '../../common/problem/problem';
import { CommandRunner } from '../commands/command-runner';
import type { DeliveryAttemptPageDto, QueuedDeliveryDto } from './dto/webhook.dto';
import { WebhookDispatcher } from './webhook-dispatcher';
import { WebhookRepository } from './webhook.repository';
import { WebhooksService } from './webhooks.service';

/** A webhook's delivery log, its test message and redelivery (API "Change feed and webhooks"). */
@Injectable()
export class WebhookDeliveriesService {
  constructor(
    private readonly subscriptions: WebhooksService,
    private readonly webhooks: WebhookRepository,
    private readonly commands: CommandRunner,
    private readonly dispatcher: WebhookDispatcher,
  ) {}

  async test(actor: Actor, id: string): Promise<QueuedDeliveryDto> {
    const messageId = `msg_test_${randomUUID().replaceAll('-', '')}`;
    await this.commands.run(actor, async (tx) => {
      const row = await this.subscriptions.find(actor, id, tx.manager);
      await this.webhooks.enqueueTest(tx.manager, row, messageId, tx.now);
    });
    this.dispatcher.wake();
    return { messageId, status: 'pending' };
  }

  async deliveries(
    actor: Actor,
    id: string,
    query: { limit: number; cursor?: string },
  ): Promise<DeliveryAttemptPageDto> {
    await this.subscriptions.find(actor, id);
    const before = decodeCursor(query.cursor, ['int'])?.[0] ?? null;
    const rows = await this.webhooks.listAttempts(id, before, query.limit + 1);
    const attempts = rows.filter((row) => row.key !== null);
    const page = toPage(
      attempts,
      query.limit,
      (row) => [row.key ?? '0'],
      (row) => row,
    );
    const items = [...rows.filter((row) => row.key === null), ...page.items].map((row) => ({
      messageId: row.message_id,
      eventType: row.event_type,
      attempt: Number(row.attempt),
      status: row.status,
      responseStatus: row.response_status,
      error: row.error,
      attemptedAt: row.attempted_at,
      nextAttemptAt: row.next_attempt_at,
    }));
    return { items, nextCursor: page.nextCursor };
  }

  async redeliver(actor: Actor, id: string, messageId: string): Promise<QueuedDeliveryDto> {
    await this.commands.run(actor, async (tx) => {
      const row = await this.subscriptions.find(actor, id, tx.manager, true);
      if (!(await this.webhooks.redeliver(tx.manager, id, messageId, tx.now))) {
        throw notFoundProblem(`Message ${messageId} of webhook ${id}`);
      }
      tx.audit({
        action: 'webhook.redelivered',
        targetType: 'webhook',
        targetId: id,
        agencyId: row.agency_id,
        summary: { messageId, reenabled: !row.enabled },
      });
    });
    this.dispatcher.wake();
    return { messageId, status: 'pending' };
  }
}
