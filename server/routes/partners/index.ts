/** PLACEHOLDER: being written. */
import { Hono } from 'hono';
import type { AppEnv } from '../../types.js';

export const partnerRoutes = new Hono<AppEnv>();
