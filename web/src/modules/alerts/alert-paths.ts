/** Client paths of the staff alert pages (the public sign-up page lives in public/). */
export const alertPaths = {
  list: '/alerts',
  new: '/alerts/new',
  alert: (id: string) => `/alerts/${encodeURIComponent(id)}`,
};
