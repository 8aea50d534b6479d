import type { MixedList } from 'typeorm';

/** Every TypeORM entity of the app, listed explicitly so the app, the CLI and tests agree. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const ENTITIES: MixedList<Function> = [];
