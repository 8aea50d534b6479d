import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { Request } from 'express';
import { Strategy } from 'passport-custom';
import type { Actor } from '../../common/auth/actor';
import { ApiClientsService } from './api-clients.service';

/** `X-API-Key` for integration clients; without the header the next strategy (JWT) is tried. */
@Injectable()
export class ApiKeyStrategy extends PassportStrategy(Strategy, 'api-key') {
  constructor(private readonly apiClients: ApiClientsService) {
    super();
  }

  async validate(request: Request): Promise<Actor | false> {
    const apiKey = request.headers['x-api-key'];
    if (typeof apiKey !== 'string') return false;
    return (await this.apiClients.authenticate(apiKey)) ?? false;
  }
}
