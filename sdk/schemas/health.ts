/** `GET /healthz`: the process runs and reaches its database. */
import * as z from 'zod/mini';

/** The one shape of the health answer: the server writes it, the SDK parses it, the document shows it. */
export const Health = /* @__PURE__ */ z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']) });
export type Health = z.output<typeof Health>;
