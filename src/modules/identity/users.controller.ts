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
import { CreateUserDto, UpdateUserDto, UserDto, UserPageDto, UserQueryDto } from './dto/user.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @Roles('admin', 'head')
  @ApiOperation({ summary: 'Create a user (a head: clerks and viewers of their own agency)' })
  @ProblemResponses(400, 404, 409)
  create(@CurrentActor() actor: Actor, @Body() body: CreateUserDto): Promise<UserDto> {
    return this.users.create(actor, body);
  }

  @Get()
  @Roles(...ANY_USER_ROLE)
  @ApiOperation({ summary: 'List the users of the caller’s agency (admins: all)' })
  @ProblemResponses(400)
  list(@CurrentActor() actor: Actor, @Query() query: UserQueryDto): Promise<UserPageDto> {
    return this.users.list(actor, query);
  }

  @Get(':id')
  @Roles(...ANY_USER_ROLE)
  @ApiOperation({ summary: 'Get a user' })
  @ProblemResponses(400, 404)
  async get(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<UserDto> {
    const user = await this.users.get(actor, id);
    setETag(response, user.version);
    return user;
  }

  @Patch(':id')
  @Roles('admin', 'head')
  @ApiOperation({ summary: 'Change a user; a new password or deactivation revokes their tokens' })
  @ProblemResponses(400, 404, 412)
  async update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateUserDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<UserDto> {
    const user = await this.users.update(actor, id, body, ifMatch);
    setETag(response, user.version);
    return user;
  }
}
