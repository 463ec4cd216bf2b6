export { peopleRoutes } from './people.routes.ts';
export { createPerson } from './create-person.ts';
export { buildSearchKeys } from './name-keys.ts';
export { nameKeyColumns } from './people.repository.ts';
export { toE164 } from './phone.ts';
export * from './people.table.ts';
