import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/app-config.token';
import { SweepService } from './sweep.service';

const SWEEP_INTERVAL_MS = 5 * 60_000;

/** Runs the sweep at start and every five minutes, unless SWEEP_ENABLED=false. */
@Injectable()
export class SweepScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger('SweepScheduler');

  constructor(
    private readonly sweeps: SweepService,
    private readonly registry: SchedulerRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.sweepEnabled) return;
    const run = () => {
      this.sweeps.sweep().catch((error: unknown) => {
        this.logger.error(`sweep failed: ${error instanceof Error ? error.stack : String(error)}`);
      });
    };
    this.registry.addInterval('deadline-sweep', setInterval(run, SWEEP_INTERVAL_MS));
    setTimeout(run, 1_000).unref();
  }
}
