import { Injectable, Logger } from '@nestjs/common';
import { SecurityEvents, type ForbiddenAccess } from '../../common/audit/security-events';
import { CommandRunner } from '../commands/command-runner';

/** Refused accesses (403) in the audit trail, with actor, address, route and rule. */
@Injectable()
export class AuditSecurityEvents extends SecurityEvents {
  private readonly logger = new Logger('SecurityEvents');

  constructor(private readonly commands: CommandRunner) {
    super();
  }

  async forbidden(event: ForbiddenAccess): Promise<void> {
    try {
      await this.commands.run(event.actor, (tx) => {
        tx.audit({
          action: 'access.forbidden',
          targetType: 'route',
          targetId: `${event.method} ${event.path}`,
          summary: {
            result: 'refused',
            detail: event.detail,
            rule: event.rule ?? null,
            address: event.actor.address ?? null,
          },
        });
        return Promise.resolve();
      });
    } catch (error) {
      this.logger.error(`could not audit a refused access: ${String(error)}`);
    }
  }
}
