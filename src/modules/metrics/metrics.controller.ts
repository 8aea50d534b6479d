import { Controller, Get, Header, Headers, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { createHash, timingSafeEqual } from 'node:crypto';
import { ProblemResponses } from '../../common/openapi/problem-responses.decorator';
import { unauthorizedProblem } from '../../common/problem/problem';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/app-config.token';
import { Public } from '../../common/auth/public.decorator';
import { MetricsService } from './metrics.service';

@ApiTags('operations')
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: MetricsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Prometheus metrics (process and HTTP request durations)',
    description: 'With METRICS_TOKEN set: `Authorization: Bearer <METRICS_TOKEN>`, else 401.',
  })
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: 'Prometheus text exposition format', type: String })
  @ProblemResponses(401)
  scrape(@Headers('authorization') authorization: string | undefined): Promise<string> {
    // With METRICS_TOKEN set, only a scraper holding it reads the metrics.
    const expected = this.config.metricsToken;
    if (expected !== undefined && !bearerMatches(authorization, expected)) {
      throw unauthorizedProblem('GET /metrics needs Authorization: Bearer <METRICS_TOKEN>');
    }
    return this.metrics.render();
  }
}

function bearerMatches(authorization: string | undefined, expected: string): boolean {
  const given = /^Bearer (.+)$/.exec(authorization ?? '')?.[1] ?? '';
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}
