import { lexicographicSortSchema } from 'graphql';
import { builder } from './builder';
import './scalars';
import './organization';
import './viewer';
import './member';
import './session';
import './audit';
import './apiKey';
import './usage';
import './webhook';
import './leaks';
import './feed';

/** Sorted so that the printed SDL changes only when the schema does. */
export const schema = lexicographicSortSchema(builder.toSchema());
