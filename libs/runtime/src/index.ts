export * from './env';
export * from './preflight';
export * from './redis-options';
