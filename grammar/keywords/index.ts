export * from './types.js';
export * from './schema.js';
