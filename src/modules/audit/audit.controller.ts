import { Controller, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor } from '../../common/auth/current-actor.decorator';
import { ListRoute } from '../../common/http/routes.decorator';
import { AuditService } from './audit.service';
import { AuditQueryDto } from './dto/audit-query.dto';
import { AuditPageDto } from './dto/audit-entry.dto';

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @ListRoute('The audit trail, newest first (a head sees their own agency)', ['admin', 'head'])
  list(@CurrentActor() actor: Actor, @Query() query: AuditQueryDto): Promise<AuditPageDto> {
    return this.audit.list(actor, query);
  }
}
