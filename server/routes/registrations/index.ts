/** PLACEHOLDER: being written. */
import { Hono } from 'hono';
import type { AppEnv } from '../../types.js';

export const registrationRoutes = new Hono<AppEnv>();
