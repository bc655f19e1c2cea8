import { randomBytes, timingSafeEqual } from 'node:crypto';

/** How long a ticket may wait for its request: a page asks for one just before it connects. */
export const TICKET_LIFETIME_MS = 30_000;

/**
 * One-use tickets for the one request a browser page cannot add a header to (an EventSource): the
 * page asks for one with its token in the header, and the ticket goes in the URL instead of the
 * token. Each ticket opens one request, and only within its lifetime.
 */
export class Tickets {
  private readonly open = new Map<string, number>();

  constructor(
    private readonly lifetimeMs = TICKET_LIFETIME_MS,
    private readonly now: () => number = Date.now,
  ) {}

  issue(): string {
    const now = this.now();
    for (const [ticket, expires] of this.open) if (expires < now) this.open.delete(ticket);
    const ticket = randomBytes(24).toString('base64url');
    this.open.set(ticket, now + this.lifetimeMs);
    return ticket;
  }

  /** True once for a ticket issued and not yet expired; it is used up either way. */
  redeem(ticket: string | null): boolean {
    if (!ticket) return false;
    const expires = this.open.get(ticket);
    this.open.delete(ticket);
    return expires !== undefined && expires >= this.now();
  }
}

/** Compares a token given with the expected one in constant time. */
export function sameToken(given: string | undefined, expected: Buffer): boolean {
  if (!given) return false;
  const candidate = Buffer.from(given);
  return candidate.length === expected.length && timingSafeEqual(candidate, expected);
}
