import { Body, Controller, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiExtraModels, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor } from '../../common/auth/current-actor.decorator';
import type { Role } from '../../common/auth/role';
import { Roles } from '../../common/auth/roles.decorator';
import {
  CreateRoute,
  DeleteRoute,
  IdParam,
  ListRoute,
  ReadRoute,
} from '../../common/http/routes.decorator';
import { ProblemResponses } from '../../common/openapi/problem-responses.decorator';
import { PageQueryDto } from '../../common/pagination/page-query.dto';
import { validationProblem } from '../../common/problem/problem';
import { Idempotent } from '../idempotency/idempotent.decorator';
import {
  CreatedWebhookDto,
  CreateWebhookDto,
  DeliveryAttemptPageDto,
  QueuedDeliveryDto,
  WebhookDto,
  WebhookPageDto,
  WebhookPayloadDto,
  WebhookQueryDto,
} from './dto/webhook.dto';
import { WebhookDeliveriesService } from './webhook-deliveries.service';
import { WebhooksService } from './webhooks.service';

/** Who manages a body's webhooks: its admins, its head, and its court liaison keys. */
const WEBHOOK_MANAGERS: readonly Role[] = ['admin', 'head', 'court_liaison'];

const MESSAGE_ID = /^msg_[A-Za-z0-9_]{1,100}$/;

@ApiTags('webhooks')
@ApiExtraModels(WebhookPayloadDto)
@Controller('webhooks')
export class WebhooksController {
  constructor(
    private readonly webhooks: WebhooksService,
    private readonly deliveryLog: WebhookDeliveriesService,
  ) {}

  @CreateRoute(
    'Register a webhook endpoint (Standard Webhooks); its whsec_ secret is shown only here',
    WEBHOOK_MANAGERS,
    [400, 404, 422],
  )
  @Idempotent('api_clients')
  create(@CurrentActor() actor: Actor, @Body() body: CreateWebhookDto): Promise<CreatedWebhookDto> {
    return this.webhooks.create(actor, body);
  }

  @ListRoute('List the body’s webhook endpoints', WEBHOOK_MANAGERS)
  list(@CurrentActor() actor: Actor, @Query() query: WebhookQueryDto): Promise<WebhookPageDto> {
    return this.webhooks.list(actor, query);
  }

  @ReadRoute('Get a webhook endpoint (never its secret)', WEBHOOK_MANAGERS)
  get(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<WebhookDto> {
    return this.webhooks.get(actor, id);
  }

  @DeleteRoute('Delete a webhook endpoint: nothing more is delivered to it', WEBHOOK_MANAGERS)
  remove(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<void> {
    return this.webhooks.remove(actor, id);
  }

  @Post(':id/test')
  @HttpCode(202)
  @Roles(...WEBHOOK_MANAGERS)
  @ApiOperation({ summary: 'Send a `webhook.test` message to the endpoint' })
  @ApiAcceptedResponse({ type: QueuedDeliveryDto })
  @ProblemResponses(400, 404)
  @Idempotent('api_clients')
  test(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<QueuedDeliveryDto> {
    return this.deliveryLog.test(actor, id);
  }

  @ListRoute(
    'The delivery log: every attempt, newest first, and messages not attempted yet',
    WEBHOOK_MANAGERS,
    ':id/deliveries',
    [400, 404],
  )
  deliveries(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Query() query: PageQueryDto,
  ): Promise<DeliveryAttemptPageDto> {
    return this.deliveryLog.deliveries(actor, id, query);
  }

  @Post(':id/deliveries/:messageId/redeliver')
  @HttpCode(202)
  @Roles(...WEBHOOK_MANAGERS)
  @ApiOperation({
    summary:
      'Deliver a message again now, with the same webhook-id; a disabled endpoint is enabled again',
  })
  @ApiAcceptedResponse({ type: QueuedDeliveryDto })
  @ProblemResponses(400, 404)
  @Idempotent('api_clients')
  redeliver(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Param('messageId') messageId: string,
  ): Promise<QueuedDeliveryDto> {
    if (!MESSAGE_ID.test(messageId)) {
      throw validationProblem([
        { field: 'messageId', message: 'messageId must be a webhook-id like msg_123' },
      ]);
    }
    return this.deliveryLog.redeliver(actor, id, messageId);
  }
}
