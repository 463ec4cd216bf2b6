export { organizationRoutes } from './organizations.routes.ts';
export { createOrganization } from './create-organization.ts';
export { orgRepo, type OrganizationRow, type UserRow } from './organizations.repository.ts';
export { issuePasswordLink, consumePasswordLink, sendPasswordMail, sha256 } from './password-links.ts';
export * from './organizations.table.ts';
