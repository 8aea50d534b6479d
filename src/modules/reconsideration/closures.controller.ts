import { Controller, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor } from '../../common/auth/current-actor.decorator';
import { ListRoute } from '../../common/http/routes.decorator';
import { ClosurePageDto, ClosureQueryDto } from './dto/closure.dto';
import { CaseQueriesService } from './case-queries.service';

@ApiTags('reconsideration-cases')
@Controller('closures')
export class ClosuresController {
  constructor(private readonly cases: CaseQueriesService) {}

  @ListRoute('Concluded cases: outcome, service, litigation window, archive')
  list(@CurrentActor() actor: Actor, @Query() query: ClosureQueryDto): Promise<ClosurePageDto> {
    return this.cases.closures(actor, query);
  }
}
