import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { Clock } from '../../common/clock/clock';
import { startBackgroundInterval } from '../../common/scheduling/background-interval';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/app-config.token';
import { IdempotencyRepository } from './idempotency.repository';

const PURGE_INTERVAL_MS = 15 * 60_000;

/** Deletes idempotency keys past their 72-hour retention (safe on any number of instances). */
@Injectable()
export class IdempotencyPurger implements OnApplicationBootstrap, OnApplicationShutdown {
  private stop: (() => void) | null = null;

  constructor(
    private readonly keys: IdempotencyRepository,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.integrationWorkersEnabled) return;
    this.stop = startBackgroundInterval('IdempotencyPurger', 'purge', PURGE_INTERVAL_MS, () =>
      this.purge(),
    );
  }

  onApplicationShutdown(): void {
    this.stop?.();
  }

  /** Deletes expired keys now; returns how many. */
  purge(): Promise<number> {
    return this.keys.purgeExpired(this.clock.now());
  }
}
