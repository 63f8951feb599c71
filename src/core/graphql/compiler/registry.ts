import { CATALOGUE_SQL } from '../../../modules/catalogue/catalogue.sql';
import { DMC_SQL } from '../../../modules/dmc/dmc.sql';
import { EPCL_SQL } from '../../../modules/epcl/epcl.sql';
import { TESTING_SQL } from '../../../modules/testing/testing.sql';
import type { TypeRegistry } from './compiler';

/** How every compiled GraphQL object type is computed from its rows. */
export const REGISTRY: TypeRegistry = { ...CATALOGUE_SQL, ...DMC_SQL, ...TESTING_SQL, ...EPCL_SQL };

export const COMPILED_TYPES = new Set(Object.keys(REGISTRY));
