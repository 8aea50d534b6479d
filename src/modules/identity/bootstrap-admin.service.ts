import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/app-config.token';
import { hashPassword } from './password-hasher';
import { UserRepository } from './user.repository';

/**
 * First start: with an empty user table, create `admin` from BOOTSTRAP_ADMIN_PASSWORD; on the
 * embedded development database without it, with a random password printed once. Production
 * never gets a default password.
 */
@Injectable()
export class BootstrapAdminService implements OnApplicationBootstrap {
  private readonly logger = new Logger('BootstrapAdmin');

  constructor(
    private readonly users: UserRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if ((await this.users.count()) > 0) return;
    let password = this.config.bootstrapAdminPassword;
    const generated =
      !password && this.config.embeddedDatabase && this.config.nodeEnv !== 'production';
    if (generated) password = randomBytes(12).toString('base64url');
    if (!password) {
      this.logger.warn('No users exist: set BOOTSTRAP_ADMIN_PASSWORD to create the first admin');
      return;
    }
    // A generated password is temporary: changed at the first login.
    if (!(await this.users.insertFirstAdmin(await hashPassword(password), generated))) return;
    if (generated) {
      // Printed once, to stdout, so that `npm start` is usable on a fresh machine.
      process.stdout.write(
        `\n  First admin created — username: admin  password: ${password}\n` +
          '  (shown only now, on the embedded development database; change it at the first login)\n\n',
      );
    } else {
      this.logger.log('Created the first admin from BOOTSTRAP_ADMIN_PASSWORD');
    }
  }
}
