import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { Clock } from '../../common/clock/clock';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/app-config.token';
import { IdempotencyRepository } from './idempotency.repository';

const PURGE_INTERVAL_MS = 15 * 60_000;

/** Deletes idempotency keys past their 72-hour retention (safe on any number of instances). */
@Injectable()
export class IdempotencyPurger implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('IdempotencyPurger');
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly keys: IdempotencyRepository,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.integrationWorkersEnabled) return;
    this.timer = setInterval(() => {
      this.purge().catch((error: unknown) => {
        this.logger.error(`purge failed: ${error instanceof Error ? error.stack : String(error)}`);
      });
    }, PURGE_INTERVAL_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Deletes expired keys now; returns how many. */
  purge(): Promise<number> {
    return this.keys.purgeExpired(this.clock.now());
  }
}
