/**
 * The per-token limit, on top of the per-IP one: the rate-limit plugin runs one limiter per
 * request, so this second one uses createRateLimit() and a preHandler of its own.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { RateLimitConfig } from '../config.ts';
import { HttpError } from '../errors.ts';
import { tokenRateKey } from './access.ts';

export function perTokenRateLimit(fastify: FastifyInstance, config: RateLimitConfig) {
  const check = fastify.createRateLimit({
    max: config.perToken,
    timeWindow: config.windowMs,
    keyGenerator: (request) => tokenRateKey(request) ?? `ip:${request.ip}`,
  });
  return async function tokenLimit(request: FastifyRequest) {
    // Requests without a token are rejected by authorize() and counted by the IP limit.
    if (tokenRateKey(request) === undefined) return;
    const result = await check(request);
    // isAllowed means "on the allow list"; isExceeded is the verdict.
    if (result.isAllowed || !result.isExceeded) return;
    throw new HttpError(429, `rate limit for this share link exceeded, retry in ${result.ttlInSeconds} s`, {
      code: 'RATE_LIMITED',
      headers: { 'retry-after': String(result.ttlInSeconds) },
    });
  };
}
