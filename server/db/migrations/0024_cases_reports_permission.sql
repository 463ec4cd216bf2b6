-- New action reaches the orgs that already exist with the defaults new orgs get (authz/actions.ts).
INSERT INTO role_permissions (org_id, role, action)
SELECT o.id, d.role, d.action
FROM organizations o
CROSS JOIN (VALUES ('network_admin', 'cases.reports'), ('affiliate_admin', 'cases.reports'), ('coordinator', 'cases.reports')) AS d(role, action)
ON CONFLICT DO NOTHING;
