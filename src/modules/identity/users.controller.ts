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
import { CreateUserDto, UpdateUserDto, UserDto, UserPageDto, UserQueryDto } from './dto/user.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @CreateRoute(
    'Create a user (a head: clerks and viewers of their own agency)',
    ['admin', 'head'],
    [400, 404, 409],
  )
  create(@CurrentActor() actor: Actor, @Body() body: CreateUserDto): Promise<UserDto> {
    return this.users.create(actor, body);
  }

  @ListRoute('List the users of the caller’s agency (admins: any body)')
  list(@CurrentActor() actor: Actor, @Query() query: UserQueryDto): Promise<UserPageDto> {
    return this.users.list(actor, query);
  }

  @ReadRoute('Get a user')
  get(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<UserDto> {
    return this.users.get(actor, id);
  }

  @UpdateRoute('Change a user; a new password or deactivation revokes their tokens', [
    'admin',
    'head',
  ])
  update(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() body: UpdateUserDto,
    @IfMatch() ifMatch: string | undefined,
  ): Promise<UserDto> {
    return this.users.update(actor, id, body, ifMatch);
  }
}
