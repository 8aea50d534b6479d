import { isIP } from 'node:net';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../common/auth/actor';
import { SecretBox } from '../../common/crypto/secret-box';
import { decodeCursor, toPage } from '../../common/pagination/cursor';
import { notFoundProblem, ProblemException } from '../../common/problem/problem';
import { ProblemType } from '../../common/problem/problem-type';
import { TenantScope } from '../../common/tenancy/tenant-scope';
import { CommandRunner } from '../commands/command-runner';
import type {
  CreatedWebhookDto,
  CreateWebhookDto,
  WebhookDto,
  WebhookPageDto,
  WebhookQueryDto,
} from './dto/webhook.dto';
import { hostOf } from './webhook-host-policy';
import { HOST_RESOLVER, type HostResolver, WebhookSender } from './webhook-sender';
import { newWebhookSecret } from './webhook-signature';
import { WebhookRepository, type SubscriptionRow } from './webhook.repository';

/**
 * Webhook subscriptions of a body (API "Change feed and webhooks"); their delivery log, test
 * message and redelivery: WebhookDeliveriesService.
 */
@Injectable()
export class WebhooksService {
  constructor(
    private readonly webhooks: WebhookRepository,
    private readonly commands: CommandRunner,
    private readonly box: SecretBox,
    private readonly sender: WebhookSender,
    @Inject(HOST_RESOLVER) private readonly resolve: HostResolver,
  ) {}

  async create(actor: Actor, body: CreateWebhookDto): Promise<CreatedWebhookDto> {
    const agencyId = TenantScope.agencyForNew(actor, body.agencyId);
    const url = new URL(body.url);
    await this.checkHost(url);
    const secret = newWebhookSecret();
    const row = await this.commands.run(actor, async (tx) => {
      const created = await this.webhooks.insertSubscription(tx.manager, {
        agencyId,
        url: url.toString(),
        events: body.events,
        description: body.description ?? null,
        secretSealed: this.box.seal(secret),
      });
      tx.audit({
        action: 'webhook.created',
        targetType: 'webhook',
        targetId: created.id,
        agencyId,
        summary: { url: created.url, events: created.events },
      });
      return created;
    });
    return { ...toWebhook(row), secret };
  }

  async list(actor: Actor, query: WebhookQueryDto): Promise<WebhookPageDto> {
    const scope = TenantScope.forList(actor, query.agencyId);
    const key = decodeCursor(query.cursor, ['instant', 'uuid']);
    const rows = await this.webhooks.listInScope(
      scope,
      key ? { createdAt: key[0], id: key[1] } : null,
      query.limit + 1,
    );
    return toPage(rows, query.limit, (row) => [row.created_at_key, row.id], toWebhook);
  }

  async get(actor: Actor, id: string): Promise<WebhookDto> {
    return toWebhook(await this.find(actor, id));
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.commands.run(actor, async (tx) => {
      const row = await this.find(actor, id, tx.manager, true);
      await this.webhooks.markDeleted(tx.manager, id);
      tx.audit({
        action: 'webhook.deleted',
        targetType: 'webhook',
        targetId: id,
        agencyId: row.agency_id,
        summary: { url: row.url },
      });
    });
  }

  /** The caller's webhook, or 404; in a command, read on its transaction (`lock`: row locked). */
  async find(
    actor: Actor,
    id: string,
    manager: EntityManager | null = null,
    lock = false,
  ): Promise<SubscriptionRow> {
    const row = await this.webhooks.findInScope(manager, TenantScope.forRecords(actor), id, lock);
    if (!row) throw notFoundProblem(`Webhook ${id}`);
    return row;
  }

  /**
   * WEBHOOK_ALLOWED_HOSTS at registration: a host listed by name, an address inside a listed
   * range, or a name all of whose addresses are inside listed ranges; else 422, nothing stored.
   */
  private async checkHost(url: URL): Promise<void> {
    const policy = this.sender.policy;
    if (policy.allowsEverything) return;
    const host = hostOf(url);
    if (isIP(host) !== 0 ? policy.inRanges(host) : policy.listsName(host)) return;
    if (isIP(host) === 0) {
      const addresses = await this.resolve(host).catch(() => []);
      if (addresses.length > 0 && addresses.every((address) => policy.inRanges(address))) return;
    }
    throw new ProblemException({
      type: ProblemType.WebhookHostNotAllowed,
      detail: `The host ${host} is outside WEBHOOK_ALLOWED_HOSTS; nothing was stored`,
      errors: [{ field: 'url', message: 'host is not among the allowed webhook hosts' }],
    });
  }
}

function toWebhook(row: SubscriptionRow): WebhookDto {
  return {
    id: row.id,
    agencyId: row.agency_id,
    url: row.url,
    events: row.events,
    description: row.description,
    enabled: row.enabled,
    disabledReason: row.disabled_reason,
    disabledAt: row.disabled_at,
    createdAt: row.created_at,
  };
}
