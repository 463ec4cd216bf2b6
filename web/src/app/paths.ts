/** Client paths. The server answers every unknown non-API path with index.html, so each works on reload. */
export const paths = {
  home: '/',
  signIn: '/sign-in',
  mfaVerify: '/mfa/verify',
  mfaEnrol: '/mfa/enrol',
  forgotPassword: '/forgot-password',
  resetPassword: '/reset-password',
  people: '/people',
  newPerson: '/people/new',
  person: (id: string) => `/people/${id}`,
  editPerson: (id: string) => `/people/${id}/edit`,
  members: '/org/members',
  roles: '/org/roles',
  settings: '/org/settings',
  apiTokens: '/org/api-tokens',
  audit: '/audit',
};
