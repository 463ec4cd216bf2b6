/**
 * The action catalogue and the default role→action rules. Defaults are copied into each
 * org's role_permissions when the org is created; from then on they are data that the
 * org's admins edit. Modules add their actions here as they arrive.
 */
export const ROLES = [
  'network_admin',
  'affiliate_admin',
  'coordinator',
  'responder',
  'verifier',
  'attorney',
  'organizer',
  'volunteer',
] as const;
export type Role = (typeof ROLES)[number];

export const ACTIONS = {
  'people.read': 'See and search community members',
  'people.read_sensitive': 'See date of birth, immigration status and A-number',
  'people.write': 'Create and edit community members',
  'people.merge': 'Merge duplicate records',
  'members.read': 'See staff and volunteers of the organization',
  'members.manage': 'Add, remove and change the role of staff and volunteers',
  'roles.manage': 'Change what each role may do',
  'audit.read': 'Read the audit log',
  'tokens.manage': 'Create and revoke API tokens',
  'org.settings': 'Change organization settings',
  'network.read': 'See the affiliates of the network',
  'messaging.settings': 'Set up SMS and voice providers, numbers and pacing',
  'messaging.queue': 'See the message queue and send rates',
  'messaging.history': "Read a person's texts, calls and emails",
  'simulator.use': 'Use the phone and email simulator',
  'hotline.respond': 'Answer hotline conversations: read, reply, note, triage and close',
  'hotline.coordinate': 'Run the hotline: assign and transfer conversations, shifts, canned responses, surge mode',
  'hotline.reports': 'See hotline reports',
  'cases.read': 'See cases, their timelines and DACA dates',
  'cases.write': 'Open and work cases: screening, tasks, information notes',
  'cases.legal_advice': 'Write legal-advice notes (attorneys and accredited representatives)',
  'directory.manage': 'Keep the directory of attorneys and professionals: add, edit, import',
  'cases.reports': 'See case and referral reports (counts only)',
  'alerts.write': 'Write and translate policy alerts, choose their audience, submit them for approval',
  'alerts.approve': 'Review translations, approve, schedule, send, pause and cancel policy alerts',
  'alerts.subscribers': 'See alert subscribers and import them from a CSV file',
} as const;
export type Action = keyof typeof ACTIONS;
export const isAction = (s: string): s is Action => s in ACTIONS;
export const isRole = (s: string): s is Role => (ROLES as readonly string[]).includes(s);

/** Actions that reveal sensitive data: holding one makes two-factor mandatory when the org requires it. */
export const SENSITIVE_ACTIONS: readonly Action[] = ['people.read_sensitive', 'audit.read', 'messaging.history', 'cases.read'];

const all = Object.keys(ACTIONS) as Action[];

export const DEFAULT_ROLE_ACTIONS: Record<Role, Action[]> = {
  network_admin: all,
  affiliate_admin: all,
  coordinator: ['people.read', 'people.read_sensitive', 'people.write', 'people.merge', 'members.read', 'network.read', 'messaging.queue', 'messaging.history', 'simulator.use', 'hotline.respond', 'hotline.coordinate', 'hotline.reports', 'cases.read', 'cases.write', 'directory.manage', 'cases.reports', 'alerts.write', 'alerts.approve'],
  responder: ['people.read', 'people.read_sensitive', 'people.write', 'network.read', 'messaging.history', 'simulator.use', 'hotline.respond', 'cases.read', 'cases.write'],
  attorney: ['people.read', 'people.read_sensitive', 'simulator.use', 'cases.read', 'cases.write', 'cases.legal_advice'],
  verifier: ['network.read', 'simulator.use'],
  organizer: ['people.read', 'people.write', 'network.read', 'messaging.queue', 'simulator.use', 'alerts.write', 'alerts.subscribers'],
  volunteer: ['people.read', 'people.write', 'simulator.use', 'hotline.respond'],
};
