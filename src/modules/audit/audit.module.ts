import { Global, Module } from '@nestjs/common';
import { SecurityEvents } from '../../common/audit/security-events';
import { AuditController } from './audit.controller';
import { AuditSecurityEvents } from './audit-security-events';
import { AuditRepository } from './audit.repository';
import { AuditService } from './audit.service';

@Global()
@Module({
  controllers: [AuditController],
  providers: [
    AuditService,
    AuditRepository,
    { provide: SecurityEvents, useClass: AuditSecurityEvents },
  ],
  exports: [AuditRepository, SecurityEvents],
})
export class AuditModule {}
