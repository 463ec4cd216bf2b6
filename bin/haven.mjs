#!/usr/bin/env node
// Runs the TypeScript sources directly through tsx (no separate server build step).
import { register } from 'tsx/esm/api';

register();
await import('../server/main.ts');
