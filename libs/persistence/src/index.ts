export * from './orm-options';
export * from './database-setup';
export * from './seeders/catalogue.seeder';
export * from './seeders/demo.seeder';
export * from './seeders/demo-consortium';
export * from './transaction';
export * from './queries/pair-activity.query';
export * from './event-log';
