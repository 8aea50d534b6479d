import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor } from '../../common/auth/current-actor.decorator';
import { Public } from '../../common/auth/public.decorator';
import { ANY_USER_ROLE } from '../../common/auth/role';
import { RestrictedSessionAllowed, Roles } from '../../common/auth/roles.decorator';
import { ProblemResponses } from '../../common/openapi/problem-responses.decorator';
import { AuthService } from './auth.service';
import { LoginService } from './login.service';
import {
  ChangePasswordDto,
  LoginDto,
  MeDto,
  MfaActivateDto,
  MfaActivatedDto,
  MfaEnrollmentDto,
  TokenDto,
} from './dto/auth.dto';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly logins: LoginService,
    private readonly auth: AuthService,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Log in with username, password and (with a second factor) otp; returns a bearer token',
  })
  @ProblemResponses(400, 401, 429)
  login(@Body() body: LoginDto, @Req() request: Request): Promise<TokenDto> {
    const requestId = (request as Request & { id?: unknown }).id;
    return this.logins.login(
      body,
      request.ip ?? 'unknown',
      typeof requestId === 'string' ? requestId : undefined,
    );
  }

  @Get('me')
  @Roles(...ANY_USER_ROLE, 'court_liaison')
  @RestrictedSessionAllowed()
  @ApiOperation({ summary: 'Who the caller is: user or API client, roles and agency' })
  me(@CurrentActor() actor: Actor): Promise<MeDto> {
    return this.auth.me(actor);
  }

  @Post('logout')
  @HttpCode(204)
  @Roles(...ANY_USER_ROLE)
  @RestrictedSessionAllowed()
  @ApiOperation({ summary: 'Revoke the caller’s token (its jti) on every instance' })
  async logout(@CurrentActor() actor: Actor): Promise<void> {
    await this.auth.logout(actor);
  }

  @Post('password')
  @HttpCode(200)
  @Roles(...ANY_USER_ROLE)
  @RestrictedSessionAllowed()
  @ApiOperation({
    summary: 'Change one’s own password; revokes every earlier token and answers a new one',
  })
  @ProblemResponses(400)
  changePassword(@CurrentActor() actor: Actor, @Body() body: ChangePasswordDto): Promise<TokenDto> {
    return this.auth.changePassword(actor, body);
  }

  @Post('mfa/enroll')
  @HttpCode(200)
  @Roles(...ANY_USER_ROLE)
  @RestrictedSessionAllowed()
  @ApiOperation({ summary: 'Start enrolling a TOTP second factor (RFC 6238): the secret, once' })
  @ProblemResponses(409)
  enrollMfa(@CurrentActor() actor: Actor): Promise<MfaEnrollmentDto> {
    return this.auth.enrollMfa(actor);
  }

  @Post('mfa/activate')
  @HttpCode(200)
  @Roles(...ANY_USER_ROLE)
  @RestrictedSessionAllowed()
  @ApiOperation({
    summary: 'Activate the enrolled factor with a current code; answers recovery codes once',
  })
  @ProblemResponses(400, 409)
  activateMfa(
    @CurrentActor() actor: Actor,
    @Body() body: MfaActivateDto,
  ): Promise<MfaActivatedDto> {
    return this.auth.activateMfa(actor, body.code);
  }
}
