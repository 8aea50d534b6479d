import { Body, Controller, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor } from '../../common/auth/current-actor.decorator';
import {
  CreateRoute,
  DeleteRoute,
  IdParam,
  ListRoute,
  ReadRoute,
} from '../../common/http/routes.decorator';
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

  @CreateRoute('Register an integration client; its API key is shown only here', ['admin'])
  create(
    @CurrentActor() actor: Actor,
    @Body() body: CreateApiClientDto,
  ): Promise<CreatedApiClientDto> {
    return this.apiClients.create(actor, body);
  }

  @ListRoute('List integration clients', ['admin'])
  list(@Query() query: ApiClientQueryDto): Promise<ApiClientPageDto> {
    return this.apiClients.list(query);
  }

  @ReadRoute('Get an integration client (never its key)', ['admin'])
  get(@IdParam() id: string): Promise<ApiClientDto> {
    return this.apiClients.get(id);
  }

  @DeleteRoute('Revoke an integration client’s key', ['admin'])
  @ApiNoContentResponse({ description: 'Revoked (also when it already was)' })
  revoke(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<void> {
    return this.apiClients.revoke(actor, id);
  }
}
