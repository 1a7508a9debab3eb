// The schema queries hover and completion use live in the core (core/schema/info.ts); this
// module keeps the language server's imports short.

export {
  bodySchema,
  descriptionOf,
  keysOf,
  lineSchemasAt,
  propertyInfo,
  schemasAt,
  typesOf,
  valuesOf,
} from '../core/schema/info';
export type { PropertyInfo, SchemaNode, Segment } from '../core/schema/info';
