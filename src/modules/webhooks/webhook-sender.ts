import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/app-config.token';
import { hostOf, WebhookHostPolicy } from './webhook-host-policy';
import { signWebhook } from './webhook-signature';

export interface WebhookRequest {
  url: string;
  secret: string;
  messageId: string;
  body: string;
  /** Unix seconds of the attempt (`webhook-timestamp`). */
  timestamp: number;
}

export interface WebhookResponse {
  /** Null when no response came (refused address, connection error, timeout). */
  status: number | null;
  retryAfter: string | undefined;
  error: string | null;
}

/** Resolves a host name to its addresses (replaced in tests to simulate DNS rebinding). */
export type HostResolver = (host: string) => Promise<string[]>;

export const HOST_RESOLVER = Symbol('HOST_RESOLVER');

export function systemResolver(host: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    dnsLookup(host, { all: true }, (error, addresses: LookupAddress[]) => {
      if (error) reject(error);
      else resolve(addresses.map((entry) => entry.address));
    });
  });
}

class AddressNotAllowed extends Error {}

/**
 * Sends one signed webhook POST. The host is resolved here and every address checked against
 * WEBHOOK_ALLOWED_HOSTS; the connection goes to the checked address (no second lookup a DNS
 * rebinding could change); redirects are not followed; the attempt times out.
 */
@Injectable()
export class WebhookSender {
  readonly policy: WebhookHostPolicy;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(HOST_RESOLVER) private readonly resolve: HostResolver,
  ) {
    this.policy = new WebhookHostPolicy(config.webhookAllowedHosts);
  }

  async send(webhook: WebhookRequest): Promise<WebhookResponse> {
    const url = new URL(webhook.url);
    const host = hostOf(url);
    try {
      const address = isIP(host) !== 0 ? host : await this.checkedAddress(host);
      if (!this.policy.allowsAddress(host, address)) {
        throw new AddressNotAllowed(`address ${address} of ${host} is not allowed`);
      }
      return await this.post(url, address, webhook);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { status: null, retryAfter: undefined, error: message.slice(0, 500) };
    }
  }

  private async checkedAddress(host: string): Promise<string> {
    const addresses = await this.resolve(host);
    if (addresses.length === 0) throw new Error(`${host} did not resolve`);
    const refused = addresses.find((address) => !this.policy.allowsAddress(host, address));
    if (refused !== undefined) {
      throw new AddressNotAllowed(`address ${refused} of ${host} is not allowed`);
    }
    return addresses[0];
  }

  private post(url: URL, address: string, webhook: WebhookRequest): Promise<WebhookResponse> {
    const pinned: LookupFunction = (_hostname, options, callback) => {
      const family = isIP(address);
      if ((options as { all?: boolean }).all) {
        (callback as (error: null, addresses: LookupAddress[]) => void)(null, [
          { address, family },
        ]);
      } else callback(null, address, family);
    };
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise((resolve) => {
      const request = send(
        url,
        {
          method: 'POST',
          lookup: pinned,
          timeout: this.config.webhookTimeoutMs,
          headers: {
            'content-type': 'application/json',
            'user-agent': 'Fuyi-Webhooks/1',
            'webhook-id': webhook.messageId,
            'webhook-timestamp': String(webhook.timestamp),
            'webhook-signature': signWebhook(
              webhook.secret,
              webhook.messageId,
              webhook.timestamp,
              webhook.body,
            ),
          },
        },
        (response: IncomingMessage) => {
          response.resume();
          const retryAfter = response.headers['retry-after'];
          response.on('end', () =>
            resolve({ status: response.statusCode ?? null, retryAfter, error: null }),
          );
          response.on('error', (error) =>
            resolve({ status: null, retryAfter: undefined, error: error.message }),
          );
        },
      );
      request.on('timeout', () => request.destroy(new Error('timed out')));
      request.on('error', (error) =>
        resolve({ status: null, retryAfter: undefined, error: error.message.slice(0, 500) }),
      );
      request.end(webhook.body);
    });
  }
}
