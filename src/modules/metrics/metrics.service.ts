import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

@Injectable()
export class MetricsService {
  readonly registry = new Registry();
  readonly httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by method, route template and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  readonly sweepFailures = new Counter({
    name: 'fuyi_sweep_case_failures_total',
    help: 'Cases whose sweep command failed unexpectedly (the sweep went on with the others)',
    labelNames: ['command'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
    // The Node version helps an attacker more than an operator (ASVS 4.0 V14.3.3).
    this.registry.removeSingleMetric('nodejs_version_info');
  }

  render(): Promise<string> {
    return this.registry.metrics();
  }
}
