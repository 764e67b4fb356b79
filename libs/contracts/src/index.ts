export * from './errors';
export * from './roles';
export * from './events';
export * from './mentoring';
export * from './jobs';
export * from './password-policy';
export * from './realtime';
export * from './audit';
