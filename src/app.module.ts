import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { ScheduleModule } from '@nestjs/schedule';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from './config/app-config';
import { APP_CONFIG } from './config/app-config.token';
import { ProblemFilter } from './common/problem/problem.filter';
import { LoggingModule } from './common/logging/logging.module';
import { dataSourceOptions } from './database/data-source-options';
import { AuthenticationGuard } from './common/auth/authentication.guard';
import { RolesGuard } from './common/auth/roles.guard';
import { AuditModule } from './modules/audit/audit.module';
import { CalendarModule } from './modules/calendar/calendar.module';
import { DeadlinesModule } from './modules/deadlines/deadlines.module';
import { TimelineModule } from './modules/timeline/timeline.module';
import { OutboxModule } from './modules/outbox/outbox.module';
import { ReconsiderationModule } from './modules/reconsideration/reconsideration.module';
import { HearingsModule } from './modules/hearings/hearings.module';
import { LitigationModule } from './modules/litigation/litigation.module';
import { CommandsModule } from './modules/commands/commands.module';
import { WorkflowModule } from './modules/workflow/workflow.module';
import { Clock } from './common/clock/clock';
import { SecretBox } from './common/crypto/secret-box';
import { secretBoxOf } from './common/crypto/encryption-key';
import { usePiiBox } from './common/crypto/pii-fields';
import { ETagInterceptor } from './common/http/etag.interceptor';
import { IdentityModule } from './modules/identity/identity.module';
import { HealthModule } from './modules/health/health.module';
import { MetricsModule } from './modules/metrics/metrics.module';
import { StatisticsModule } from './modules/statistics/statistics.module';
import { FeedModule } from './modules/feed/feed.module';
import { IdempotencyModule } from './modules/idempotency/idempotency.module';
import { WebhooksModule } from './modules/webhooks/webhooks.module';
import { CourtLiaisonModule } from './modules/court-liaison/court-liaison.module';

/**
 * The application. `databaseUrl` is resolved before the module is built (embedded PostgreSQL
 * or DATABASE_URL) and migrations have already run.
 */
@Module({})
export class AppModule {
  static register(config: AppConfig & { databaseUrl: string }): DynamicModule {
    // One box for the app and the column transformers of personal data.
    const secretBox = secretBoxOf(config);
    usePiiBox(secretBox);
    return {
      module: AppModule,
      global: true,
      imports: [
        LoggingModule.register(config),
        TypeOrmModule.forRoot(dataSourceOptions(config.databaseUrl, config.databasePoolSize)),
        HealthModule,
        MetricsModule,
        AuditModule,
        IdentityModule,
        TimelineModule,
        DeadlinesModule,
        CalendarModule,
        OutboxModule,
        ScheduleModule.forRoot(),
        CommandsModule,
        ReconsiderationModule,
        WorkflowModule,
        HearingsModule,
        StatisticsModule,
        LitigationModule,
        FeedModule,
        IdempotencyModule,
        WebhooksModule,
        CourtLiaisonModule,
      ],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        Clock,
        { provide: SecretBox, useValue: secretBox },
        { provide: APP_FILTER, useClass: ProblemFilter },
        { provide: APP_INTERCEPTOR, useClass: ETagInterceptor },
        // Order matters: authenticate first, then check the route's roles.
        { provide: APP_GUARD, useClass: AuthenticationGuard },
        { provide: APP_GUARD, useClass: RolesGuard },
      ],
      exports: [APP_CONFIG, Clock, SecretBox],
    };
  }
}
