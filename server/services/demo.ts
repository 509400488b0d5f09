/** PLACEHOLDER: demo seeding is being written. */
import type { Deps } from '../types.js';

export interface DemoInfo { logins: { role: string; email: string; password: string }[]; deskKey: string }

export async function seedDemo(_deps: Deps, _options: { origin: string }): Promise<DemoInfo | null> {
  return null;
}
