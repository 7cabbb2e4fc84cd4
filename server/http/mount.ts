/**
 * Mounting a handler under path prefixes without an Express mount path: Express trims the
 * prefix off `req.url` for a mounted handler and puts it back after, and matches the prefix
 * with a regular expression, on every request that passes the layer.
 */
import type { RequestHandler } from 'express';

/**
 * Runs `handler` only for requests under `prefix` (or any of several), matched as Express
 * matches a mount path: case-insensitive, the prefix itself or followed by "/". The URL is kept
 * as it is (a router's own routes name the whole path). Other requests skip it entirely. For
 * handlers that do not read the URL relative to the prefix.
 */
export function onlyUnder(prefix: string | readonly string[], handler: RequestHandler): RequestHandler {
  const prefixes = (typeof prefix === 'string' ? [prefix] : prefix).map((one) => one.toLowerCase());
  const under = (path: string): boolean => {
    for (const lower of prefixes) {
      if (path.startsWith(lower) && (path.length === lower.length || path.charCodeAt(lower.length) === 47)) return true;
    }
    return false;
  };
  return (req, res, next) => {
    if (under(req.path.toLowerCase())) handler(req, res, next);
    else next();
  };
}
