import { Global, Module } from '@nestjs/common';
import { IdempotencyInterceptor } from './idempotency.interceptor';
import { IdempotencyPurger } from './idempotency-purger';
import { IdempotencyRepository } from './idempotency.repository';

@Global()
@Module({
  providers: [IdempotencyRepository, IdempotencyInterceptor, IdempotencyPurger],
  exports: [IdempotencyRepository, IdempotencyInterceptor, IdempotencyPurger],
})
export class IdempotencyModule {}
