import type { RouteOptions } from 'fastify';

type HookName = 'onRequest' | 'preValidation' | 'preHandler' | 'onSend';
type Hook<K extends HookName> = Extract<NonNullable<RouteOptions[K]>, readonly unknown[]>[number];

/**
 * Puts `hook` first among a route's own hooks of that kind, from an `onRoute` hook: it runs as a
 * global hook would (before the route's own), but only on the routes that need it, and without a
 * per-request lookup of what the route is.
 */
export function prependRouteHook<K extends HookName>(route: RouteOptions, name: K, hook: Hook<K>): void {
  const own = route[name] as Hook<K> | Hook<K>[] | undefined;
  route[name] = [hook, ...(own ? [own].flat() : [])] as RouteOptions[K];
}
