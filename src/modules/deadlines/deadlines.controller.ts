import { Controller, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor } from '../../common/auth/current-actor.decorator';
import { ListRoute } from '../../common/http/routes.decorator';
import { WorklistPageDto, WorklistQueryDto } from './dto/worklist.dto';
import { WorklistService } from './worklist.service';

@ApiTags('deadlines')
@Controller('deadlines')
export class DeadlinesController {
  constructor(private readonly worklist: WorklistService) {}

  @ListRoute('The worklist of deadlines across cases, soonest first')
  list(@CurrentActor() actor: Actor, @Query() query: WorklistQueryDto): Promise<WorklistPageDto> {
    return this.worklist.list(actor, query);
  }
}
