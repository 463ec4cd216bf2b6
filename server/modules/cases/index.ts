export { caseRoutes } from './cases.routes.ts';
export * from './cases.table.ts';
