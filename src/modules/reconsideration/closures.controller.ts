import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor } from '../../common/auth/current-actor.decorator';
import { ANY_USER_ROLE } from '../../common/auth/role';
import { Roles } from '../../common/auth/roles.decorator';
import { ProblemResponses } from '../../common/openapi/problem-responses.decorator';
import { ClosurePageDto, ClosureQueryDto } from './dto/closure.dto';
import { ReconsiderationService } from './reconsideration.service';

@ApiTags('reconsideration-cases')
@Controller('closures')
export class ClosuresController {
  constructor(private readonly cases: ReconsiderationService) {}

  @Get()
  @Roles(...ANY_USER_ROLE)
  @ApiOperation({ summary: 'Concluded cases: outcome, service, litigation window, archive' })
  @ProblemResponses(400)
  list(@CurrentActor() actor: Actor, @Query() query: ClosureQueryDto): Promise<ClosurePageDto> {
    return this.cases.closures(actor, query);
  }
}
