import { EnableExtensions1764150000000 } from '../../migrations/1764150000000-EnableExtensions';

/** Every migration in order; listed explicitly so compiled and test runs load the same set. */
export const MIGRATIONS = [EnableExtensions1764150000000];
