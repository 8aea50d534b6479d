import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/app-config.token';
import { AgenciesController } from './agencies.controller';
import { AgenciesService } from './agencies.service';
import { AgencyRepository } from './agency.repository';
import { ApiClientRepository } from './api-client.repository';
import { ApiClientsController } from './api-clients.controller';
import { ApiClientsService } from './api-clients.service';
import { ApiKeyStrategy } from './api-key.strategy';
import { AuthController } from './auth.controller';
import { AuthTokenService, JWT_AUDIENCE, JWT_ISSUER } from './auth-token.service';
import { AuthService } from './auth.service';
import { BootstrapAdminService } from './bootstrap-admin.service';
import { JwtStrategy } from './jwt.strategy';
import { LoginService } from './login.service';
import { SessionRepository } from './session.repository';
import { UserRepository } from './user.repository';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({
  imports: [
    PassportModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        secret: config.jwtSecret,
        signOptions: {
          algorithm: 'HS256',
          expiresIn: config.jwtTtlSeconds,
          issuer: JWT_ISSUER,
          audience: JWT_AUDIENCE,
        },
        verifyOptions: { algorithms: ['HS256'], issuer: JWT_ISSUER, audience: JWT_AUDIENCE },
      }),
    }),
  ],
  controllers: [AuthController, AgenciesController, UsersController, ApiClientsController],
  providers: [
    AgencyRepository,
    UserRepository,
    ApiClientRepository,
    AuthTokenService,
    LoginService,
    AuthService,
    AgenciesService,
    UsersService,
    ApiClientsService,
    JwtStrategy,
    ApiKeyStrategy,
    SessionRepository,
    BootstrapAdminService,
  ],
  exports: [AgencyRepository, UserRepository, AuthService],
})
export class IdentityModule {}
