import { METHODS } from 'node:http';
import type { Request } from 'express';

interface RouterLayer {
  route?: { methods: Record<string, boolean> };
  match(path: string): boolean;
}

/** Methods that another route answers on this path, for a 405 instead of a 404. */
export function allowedMethodsFor(request: Request): string[] {
  const router = (request.app as unknown as { router?: { stack: RouterLayer[] } }).router;
  if (!router) return [];
  const methods = new Set<string>();
  for (const layer of router.stack) {
    if (!layer.route || !layer.match(request.path)) continue;
    // A route answering every method is a catch-all (the not-found handler), not a real route.
    if (Object.keys(layer.route.methods).length >= METHODS.length) continue;
    for (const [method, enabled] of Object.entries(layer.route.methods)) {
      if (enabled && method !== '_all') methods.add(method.toUpperCase());
    }
  }
  return [...methods].sort();
}
