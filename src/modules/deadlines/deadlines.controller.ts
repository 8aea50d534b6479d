import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor } from '../../common/auth/current-actor.decorator';
import { ANY_USER_ROLE } from '../../common/auth/role';
import { Roles } from '../../common/auth/roles.decorator';
import { ProblemResponses } from '../../common/openapi/problem-responses.decorator';
import { WorklistPageDto, WorklistQueryDto } from './dto/worklist.dto';
import { WorklistService } from './worklist.service';

@ApiTags('deadlines')
@Controller('deadlines')
export class DeadlinesController {
  constructor(private readonly worklist: WorklistService) {}

  @Get()
  @Roles(...ANY_USER_ROLE)
  @ApiOperation({ summary: 'The worklist of deadlines across cases, soonest first' })
  @ProblemResponses(400)
  list(@CurrentActor() actor: Actor, @Query() query: WorklistQueryDto): Promise<WorklistPageDto> {
    return this.worklist.list(actor, query);
  }
}
