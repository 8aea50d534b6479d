import {
  Body,
  Controller,
  Get,
  Headers,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor } from '../../common/auth/current-actor.decorator';
import { ANY_USER_ROLE } from '../../common/auth/role';
import { Roles } from '../../common/auth/roles.decorator';
import { setETag } from '../../common/http/etag';
import { ProblemResponses } from '../../common/openapi/problem-responses.decorator';
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

  @Post()
  @Roles('admin', 'head')
  @ApiOperation({
    summary: 'Create an agency (admins: reconsideration bodies; heads: agencies under their own)',
  })
  @ProblemResponses(400, 404, 409)
  create(@CurrentActor() actor: Actor, @Body() body: CreateAgencyDto): Promise<AgencyDto> {
    return this.agencies.create(actor, body);
  }

  @Get()
  @Roles(...ANY_USER_ROLE)
  @ApiOperation({ summary: 'List agencies of the caller’s reconsideration body (admins: all)' })
  @ProblemResponses(400)
  list(@CurrentActor() actor: Actor, @Query() query: AgencyQueryDto): Promise<AgencyPageDto> {
    return this.agencies.list(actor, query);
  }

  @Get(':id')
  @Roles(...ANY_USER_ROLE)
  @ApiOperation({ summary: 'Get an agency' })
  @ProblemResponses(400, 404)
  async get(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AgencyDto> {
    const agency = await this.agencies.get(actor, id);
    setETag(response, agency.version);
    return agency;
  }

  @Patch(':id')
  @Roles('admin', 'head')
  @ApiOperation({ summary: 'Change an agency’s name, code or number templates (If-Match)' })
  @ProblemResponses(400, 404, 409, 412)
  async update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateAgencyDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AgencyDto> {
    const agency = await this.agencies.update(actor, id, body, ifMatch);
    setETag(response, agency.version);
    return agency;
  }
}
