import { Module } from '@nestjs/common';
import { LitigationModule } from '../litigation/litigation.module';
import { CourtLiaisonController } from './court-liaison.controller';
import { CourtLiaisonService } from './court-liaison.service';
import { ExchangeLogInterceptor } from './exchange-log.interceptor';
import { IntegrationExchangeRepository } from './integration-exchange.repository';

/** The court liaison integration (府院联动), on the litigation services. */
@Module({
  imports: [LitigationModule],
  controllers: [CourtLiaisonController],
  providers: [CourtLiaisonService, IntegrationExchangeRepository, ExchangeLogInterceptor],
})
export class CourtLiaisonModule {}
