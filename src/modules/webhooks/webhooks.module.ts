import { Module } from '@nestjs/common';
import { WebhookDeliveriesService } from './webhook-deliveries.service';
import { WebhookDispatcher } from './webhook-dispatcher';
import { HOST_RESOLVER, systemResolver, WebhookSender } from './webhook-sender';
import { WebhookRepository } from './webhook.repository';
import { WebhooksController } from './webhooks.controller';
import { WebhooksService } from './webhooks.service';

@Module({
  controllers: [WebhooksController],
  providers: [
    WebhookRepository,
    WebhookSender,
    WebhookDispatcher,
    WebhooksService,
    WebhookDeliveriesService,
    { provide: HOST_RESOLVER, useValue: systemResolver },
  ],
  exports: [WebhookRepository, WebhookDispatcher],
})
export class WebhooksModule {}
