import { Body, Controller, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor } from '../../common/auth/current-actor.decorator';
import {
  CreateRoute,
  IdParam,
  IfMatch,
  ListRoute,
  ReadRoute,
  UpdateRoute,
} from '../../common/http/routes.decorator';
import { AgenciesService } from './agencies.service';
import {
  AgencyDto,
  AgencyPageDto,
  AgencyQueryDto,
  CreateAgencyDto,
  UpdateAgencyDto,
} from './dto/agency.dto';

@ApiTags('agencies')
@Controller('agencies')
export class AgenciesController {
  constructor(private readonly agencies: AgenciesService) {}

  @CreateRoute(
    'Create an agency (admins: reconsideration bodies; heads: agencies under their own)',
    ['admin', 'head'],
    [400, 404, 409],
  )
  create(@CurrentActor() actor: Actor, @Body() body: CreateAgencyDto): Promise<AgencyDto> {
    return this.agencies.create(actor, body);
  }

  @ListRoute('List agencies of the caller’s reconsideration body (admins: any body)')
  list(@CurrentActor() actor: Actor, @Query() query: AgencyQueryDto): Promise<AgencyPageDto> {
    return this.agencies.list(actor, query);
  }

  @ReadRoute('Get an agency')
  get(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<AgencyDto> {
    return this.agencies.get(actor, id);
  }

  @UpdateRoute('Change an agency’s name, code or number templates (If-Match)', ['admin', 'head'])
  update(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() body: UpdateAgencyDto,
    @IfMatch() ifMatch: string | undefined,
  ): Promise<AgencyDto> {
    return this.agencies.update(actor, id, body, ifMatch);
  }
}
