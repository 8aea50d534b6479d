import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
} from '@nestjs/common';
import { ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor } from '../../common/auth/current-actor.decorator';
import { Roles } from '../../common/auth/roles.decorator';
import { ProblemResponses } from '../../common/openapi/problem-responses.decorator';
import { ApiClientsService } from './api-clients.service';
import {
  ApiClientDto,
  ApiClientPageDto,
  ApiClientQueryDto,
  CreateApiClientDto,
  CreatedApiClientDto,
} from './dto/api-client.dto';

@ApiTags('api-clients')
@Controller('api-clients')
export class ApiClientsController {
  constructor(private readonly apiClients: ApiClientsService) {}

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Register an integration client; its API key is shown only here' })
  @ProblemResponses(400, 404)
  create(
    @CurrentActor() actor: Actor,
    @Body() body: CreateApiClientDto,
  ): Promise<CreatedApiClientDto> {
    return this.apiClients.create(actor, body);
  }

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: 'List integration clients' })
  @ProblemResponses(400)
  list(@Query() query: ApiClientQueryDto): Promise<ApiClientPageDto> {
    return this.apiClients.list(query);
  }

  @Get(':id')
  @Roles('admin')
  @ApiOperation({ summary: 'Get an integration client (never its key)' })
  @ProblemResponses(400, 404)
  get(@Param('id', ParseUUIDPipe) id: string): Promise<ApiClientDto> {
    return this.apiClients.get(id);
  }

  @Delete(':id')
  @Roles('admin')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke an integration client’s key' })
  @ApiNoContentResponse({ description: 'Revoked (also when it already was)' })
  @ProblemResponses(400, 404)
  revoke(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.apiClients.revoke(actor, id);
  }
}
