import { RequestMethod, type INestApplication } from '@nestjs/common';
import { INTERCEPTORS_METADATA, METHOD_METADATA } from '@nestjs/common/constants';
import { MetadataScanner, ModulesContainer } from '@nestjs/core';
import { IdempotencyInterceptor } from './idempotency.interceptor';

/**
 * Puts the idempotency interceptor on every POST route, and only there (it acts on POSTs alone). As a global
 * interceptor it also wrapped every read and socket message in Nest's rxjs interceptor pipeline, which a
 * route without interceptors skips. Call it between creating the app and `init()`: each route then keeps
 * the interceptors it finds; the instance is this app's (another app in the process replaces it for its own).
 */
export function interceptPosts(app: INestApplication): void {
  const interceptor = app.get(IdempotencyInterceptor);
  const scanner = new MetadataScanner();
  for (const module of app.get(ModulesContainer).values()) {
    for (const { metatype } of module.controllers.values()) {
      const prototype = (metatype as { prototype?: object } | null)?.prototype;
      if (!prototype) continue;
      for (const name of scanner.getAllMethodNames(prototype)) {
        const handler = (prototype as Record<string, unknown>)[name];
        if (typeof handler !== 'function' || Reflect.getMetadata(METHOD_METADATA, handler) !== RequestMethod.POST)
          continue;
        const others = ((Reflect.getMetadata(INTERCEPTORS_METADATA, handler) ?? []) as unknown[]).filter(
          (i) => !(i instanceof IdempotencyInterceptor),
        );
        Reflect.defineMetadata(INTERCEPTORS_METADATA, [interceptor, ...others], handler);
      }
    }
  }
}
