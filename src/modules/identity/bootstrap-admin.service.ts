import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/app-config.token';
import { hashPassword } from './password-hasher';

/**
 * First start: with an empty user table, create `admin` from BOOTSTRAP_ADMIN_PASSWORD; on the
 * embedded development database without it, with a random password printed once. Production
 * never gets a default password.
 */
@Injectable()
export class BootstrapAdminService implements OnApplicationBootstrap {
  private readonly logger = new Logger('BootstrapAdmin');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const [{ count }] = await this.dataSource.query<Array<{ count: number }>>(
      'SELECT count(*)::int AS count FROM app_user',
    );
    if (count > 0) return;
    let password = this.config.bootstrapAdminPassword;
    const generated =
      !password && this.config.embeddedDatabase && this.config.nodeEnv !== 'production';
    if (generated) password = randomBytes(12).toString('base64url');
    if (!password) {
      this.logger.warn('No users exist: set BOOTSTRAP_ADMIN_PASSWORD to create the first admin');
      return;
    }
    const inserted = await this.dataSource.query<unknown[]>(
      `INSERT INTO app_user (username, display_name, password_hash, roles, agency_id, active, token_version, version)
       SELECT 'admin', 'Administrator', $1, '{admin}', NULL, true, 0, 1
        WHERE NOT EXISTS (SELECT 1 FROM app_user)
       ON CONFLICT (username) DO NOTHING RETURNING id`,
      [await hashPassword(password)],
    );
    if (inserted.length === 0) return;
    if (generated) {
      // Printed once, to stdout, so that `npm start` is usable on a fresh machine.
      process.stdout.write(
        `\n  First admin created — username: admin  password: ${password}\n` +
          '  (shown only now; set BOOTSTRAP_ADMIN_PASSWORD to choose it)\n\n',
      );
    } else {
      this.logger.log('Created the first admin from BOOTSTRAP_ADMIN_PASSWORD');
    }
  }
}
