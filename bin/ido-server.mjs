#!/usr/bin/env node
// Runs the TypeScript server through tsx, so the package ships one source of truth.
import { register } from 'tsx/esm/api';

register();
await import('../server/cli.ts');
