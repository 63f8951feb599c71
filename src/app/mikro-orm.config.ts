import { ormConfig } from './database';

/** Used by the MikroORM CLI only (the app builds its config from the resolved database). */
export default ormConfig(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/dmc_catalogue');
