import { Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor } from '../../common/auth/current-actor.decorator';
import { Public } from '../../common/auth/public.decorator';
import { ANY_USER_ROLE } from '../../common/auth/role';
import { Roles } from '../../common/auth/roles.decorator';
import { ProblemResponses } from '../../common/openapi/problem-responses.decorator';
import { AuthService } from './auth.service';
import { LoginDto, MeDto, TokenDto } from './dto/auth.dto';
import { LoginGuard, LoginThrottlerGuard } from './login.guards';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @UseGuards(LoginThrottlerGuard, LoginGuard)
  @ApiOperation({ summary: 'Log in with username and password; returns a bearer token' })
  @ApiBody({ type: LoginDto })
  @ProblemResponses(400, 401, 429)
  login(@CurrentActor() actor: Actor): Promise<TokenDto> {
    return this.auth.issueToken(actor);
  }

  @Get('me')
  @Roles(...ANY_USER_ROLE, 'court_liaison')
  @ApiOperation({ summary: 'Who the caller is: user or API client, roles and agency' })
  me(@CurrentActor() actor: Actor): Promise<MeDto> {
    return this.auth.me(actor);
  }
}
