/**
 * `/api/v1/registrations`: register visits (one, or a batch from an offline queue), list them,
 * read, correct and delete one, and read its audit trail. The rules live in
 * `server/services/registrations.ts`; this file maps callers, bodies and outcomes onto HTTP.
 */
import { Hono } from 'hono';
import * as op from '../../../sdk/operations/registrations.js';
import { BatchInput, RegistrationInput } from '../../../sdk/schemas/registration.js';
import { isUuid } from '../../../sdk/uuid.js';
import { mount } from '../../http/mount.js';
import { ApiError, fieldErrors, notFound } from '../../http/problem.js';
import { tryCheck } from '../../http/validate.js';
import {
  auditTrail,
  createRegistrations,
  deleteRegistration,
  getRegistration,
  listRegistrations,
  patchRegistration,
  type CreateItem,
} from '../../services/registrations.js';
import type { AppEnv } from '../../types.js';

const conflict = () =>
  new ApiError('conflict', {
    detail: {
      nl: 'Er is al een registratie met dit id, met andere gegevens, of verwijderd. Gebruik een nieuw id.',
      en: 'A registration with this id already exists with other content, or was deleted. Use a new id.',
    },
  });

/**
 * The registrations router. Desk keys may create, and read, correct and delete what their desk
 * made in the last 24 hours; the audit trail is for staff.
 */
export const registrationRoutes = new Hono<AppEnv>();

mount(registrationRoutes, op.createRegistration, async ({ c, caller, body: input }) => {
  const [result] = await createRegistrations(c.var.deps, caller, [{ input }], c.var.lang, { loadDuplicates: true });
  switch (result.status) {
    case 'invalid':
      throw new ApiError('validation', { issues: result.issues });
    case 'conflict':
      throw conflict();
    case 'duplicate':
      if (!result.registration) throw conflict(); // deleted in the instant since it matched
      return c.json(result.registration, 200);
    case 'created':
      c.header('Location', `/api/v1/registrations/${result.id}`);
      return c.json(result.registration!, 201);
  }
});

mount(
  registrationRoutes,
  op.createRegistrations,
  async ({ c, caller, body }) => {
    // Each item is checked on its own, so one broken item only marks itself invalid.
    const items: CreateItem[] = (body as { registrations: unknown[] }).registrations.map((raw) => {
      const parsed = tryCheck(RegistrationInput, raw);
      if (parsed.data) return { input: parsed.data };
      const id = (raw as { id?: unknown } | null)?.id;
      return { issues: parsed.issues, id: typeof id === 'string' ? id.slice(0, 64) : null };
    });
    const results = await createRegistrations(c.var.deps, caller, items, c.var.lang);
    return c.json({
      results: results.map((r) => ({
        id: r.id,
        status: r.status,
        ...(r.issues ? { errors: fieldErrors(r.issues, c.var.lang) } : {}),
      })),
    });
  },
  { bodySchema: BatchInput, bodyOptions: { itemsCheckedLater: 'registrations' } },
);

mount(registrationRoutes, op.listRegistrations, async ({ c, caller, query }) => c.json(await listRegistrations(c.var.deps, caller, query)));

mount(registrationRoutes, op.getRegistrationAudit, async ({ c, caller, params }) =>
  c.json(await auditTrail(c.var.deps, caller, params.id)),
);

mount(registrationRoutes, op.getRegistration, async ({ c, caller, params }) =>
  c.json(await getRegistration(c.var.deps, caller, params.id)),
);

mount(
  registrationRoutes,
  op.updateRegistration,
  async ({ c, caller, params, body: patch }) => c.json(await patchRegistration(c.var.deps, caller, params.id, patch, c.var.lang)),
  {
    // A path id that cannot exist is a 404 whatever the body says.
    load: ({ params }) => {
      if (!isUuid(params.id)) throw notFound();
      return undefined;
    },
  },
);

mount(registrationRoutes, op.deleteRegistration, async ({ c, caller, params }) => {
  await deleteRegistration(c.var.deps, caller, params.id);
  return c.body(null, 204);
});
