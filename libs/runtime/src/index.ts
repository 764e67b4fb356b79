export * from './database';
export * from './env';
export * from './logging';
export * from './preflight';
export * from './redis-options';
export * from './supervisor';
