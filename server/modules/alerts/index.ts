// The alerts module's public surface: other modules and server/app.ts import only from here.
export * from './alerts.table.ts';
