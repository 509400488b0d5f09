/** The contract: every request and response schema of the IDO API. */
export * from './common.js';
export * from './taxonomy.js';
export * from './registration.js';
export * from './location.js';
export * from './resources.js';
export * from './reports.js';
export * from './report-subscriptions.js';
export * from './imports.js';
export * from './health.js';
export * from './geocode.js';
