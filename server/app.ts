/** Builds the Hono application from its dependencies; `main.ts` is the only file that listens. */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { secureHeaders } from 'hono/secure-headers';
import { ApiError, problemBody } from './http/problem.js';
import { pickLang } from './http/messages.js';
import { authenticate } from './http/auth.js';
import { rateLimit } from './http/rate-limit.js';
import { staticFiles } from './http/static.js';
import { balieFiles } from './http/balie.js';
import type { AppEnv, Deps } from './types.js';
import { authRoutes } from './routes/auth/index.js';
import { taxonomyRoutes } from './routes/taxonomy/index.js';
import { registrationRoutes } from './routes/registrations/index.js';
import { locationRoutes } from './routes/locations/index.js';
import { partnerRoutes } from './routes/partners/index.js';
import { courseRoutes } from './routes/courses/index.js';
import { organisationRoutes } from './routes/organisations/index.js';
import { userRoutes } from './routes/users/index.js';
import { keyRoutes } from './routes/keys/index.js';
import { reportRoutes } from './routes/reports/index.js';
import { publicRoutes } from './routes/public/index.js';
import { openApiRoutes } from './routes/openapi/index.js';
import { importRoutes } from './routes/imports/index.js';
import { reportSubscriptionRoutes } from './routes/report-subscriptions/index.js';
import { geocodeRoutes } from './routes/geocode/index.js';

const MiB = 1024 * 1024;

export function createApp(deps: Deps) {
  const app = new Hono<AppEnv>();

  app.onError((error, c) => {
    const lang = c.get('lang') ?? pickLang(undefined, c.req.header('accept-language'));
    const apiError = error instanceof ApiError ? error : new ApiError('internal');
    if (!(error instanceof ApiError)) {
      deps.logger.error({ msg: 'unhandled error', requestId: c.get('requestId'), path: c.req.path, error });
    }
    for (const [name, value] of Object.entries(apiError.headers)) c.header(name, value);
    return c.body(JSON.stringify(problemBody(apiError, lang)), apiError.status as 400, {
      'Content-Type': 'application/problem+json; charset=utf-8',
    });
  });
  app.notFound((c) => {
    const lang = c.get('lang') ?? 'nl';
    return c.body(JSON.stringify(problemBody(new ApiError('not-found'), lang)), 404, {
      'Content-Type': 'application/problem+json; charset=utf-8',
    });
  });

  // Structured request log, one JSON line a request.
  app.use(async function requestLog(c, next) {
    const started = performance.now();
    c.set('requestId', c.req.header('x-request-id')?.slice(0, 100) || crypto.randomUUID());
    c.set('deps', deps);
    c.set('lang', pickLang(c.req.query('lang'), c.req.header('accept-language')));
    await next();
    // On the headers of the response rather than c.header(): that would rebuild the finished
    // response, which makes @hono/node-server build a full web Response and stream its body instead
    // of writing the string at once (secureHeaders sets its headers the same way).
    c.res.headers.set('X-Request-Id', c.var.requestId);
    deps.logger.info({
      requestId: c.var.requestId,
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
      principal: c.var.principal?.kind,
    });
  });

  app.use(
    secureHeaders({
      crossOriginResourcePolicy: 'cross-origin', // the widget script is loaded by other sites
      crossOriginEmbedderPolicy: false,
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'https://service.pdok.nl'],
        connectSrc: ["'self'"],
        frameAncestors: ["'self'"],
      },
      referrerPolicy: 'strict-origin-when-cross-origin',
    }),
  );

  // Any origin, never cookies: credentials are only ever a Bearer header.
  const exposeHeaders = ['Retry-After', 'ETag', 'X-Request-Id', 'RateLimit-Limit', 'RateLimit-Remaining', 'Location'];
  const preflight = cors({
    origin: '*',
    allowMethods: ['GET', 'POST', 'PATCH', 'DELETE', 'OPTIONS'],
    allowHeaders: ['Authorization', 'Content-Type', 'Accept-Language', 'If-None-Match', 'If-Match', 'X-Request-Id'],
    exposeHeaders,
    maxAge: 600,
    credentials: false,
  });
  // Other requests get the same two headers as hono's cors() gives them, but set on the finished
  // response: cors() touches c.res before the route runs, after which every response is rebuilt as a
  // full web Response and streamed by @hono/node-server.
  const exposed = exposeHeaders.join(',');
  app.use('/api/*', async function corsHeaders(c, next) {
    if (c.req.method === 'OPTIONS') return preflight(c, next);
    await next();
    c.res.headers.set('Access-Control-Allow-Origin', '*');
    c.res.headers.set('Access-Control-Expose-Headers', exposed);
  });

  const tooLarge = () => {
    throw new ApiError('payload-too-large');
  };
  const largeBodyPaths = /^\/api\/v1\/(registrations\/batch|imports)$/;
  app.use('/api/*', async function sizeLimit(c, next) {
    // GET and HEAD carry no body, and asking for one makes @hono/node-server build a full web Request.
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const maxSize = largeBodyPaths.test(c.req.path) ? 5 * MiB : MiB;
    return bodyLimit({ maxSize, onError: tooLarge })(c, next);
  });

  app.use('/api/*', authenticate());

  const publicLimit = rateLimit({ name: 'public', limit: (c) => c.var.deps.config.publicRateLimit });
  app.use('/api/v1/public/*', publicLimit);
  app.use('/api/v1/taxonomy', publicLimit);
  app.use('/api/v1/taxonomy/*', publicLimit);
  app.use('/api/v1/openapi.json', publicLimit);
  app.use('/api/v1/auth/login', rateLimit({ name: 'login', limit: (c) => c.var.deps.config.loginRateLimit, windowSeconds: 15 * 60 }));

  // Each feature's router mounts its declared operations (sdk/operations) at their full paths.
  for (const routes of [
    authRoutes,
    taxonomyRoutes,
    registrationRoutes,
    locationRoutes,
    partnerRoutes,
    courseRoutes,
    organisationRoutes,
    userRoutes,
    keyRoutes,
    reportRoutes,
    reportSubscriptionRoutes,
    importRoutes,
    publicRoutes,
    openApiRoutes,
    userRoutes,
    keyRoutes,
    reportRoutes,
    importRoutes,
    geocodeRoutes,
    publicRoutes,
    openApiRoutes,
  ])
    app.route('/', routes);

  app.route('/', balieFiles());
  app.route('/', staticFiles());
  return app;
}
