import { type ContractError, type Envelope, commands, isCommandName } from '../shared/contract';
import { MarginaliaError } from './errors';
import { describeFailure } from './library/failures';
import { type Context, handlers } from './handlers';
import { resolvePathArguments } from './path-policy';

/**
 * The one path from a transport to core: checks the command exists, validates the (untrusted)
 * arguments against its schema, runs it, and turns every failure into a typed, readable error.
 * Electron's IPC registration and the HTTP host both call this; neither has logic of its own.
 */
export async function dispatch(ctx: Context, name: string, rawArgs: unknown): Promise<Envelope<unknown>> {
  if (!isCommandName(name)) return failure({ code: 'unknown-command', message: `Unknown command "${name}".` });
  const parsed = commands[name].args.safeParse(rawArgs ?? {});
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
    return failure({
      code: 'invalid-arguments',
      message: `Invalid arguments for ${name}: ${issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ')}`,
      issues,
    });
  }
  try {
    const handler = handlers[name] as (ctx: Context, args: unknown) => unknown;
    const args = ctx.resolvePath ? resolvePathArguments(name, parsed.data, ctx.resolvePath) : parsed.data;
    return { ok: true, value: await handler(ctx, args) };
  } catch (error) {
    return failure(toContractError(error));
  }
}

export function toContractError(error: unknown): ContractError {
  if (error instanceof MarginaliaError) return { code: error.code, message: error.message };
  const message = error instanceof Error ? error.message : String(error);
  if (/UNIQUE constraint failed/.test(message)) return { code: 'conflict', message: 'That name is already taken here.' };
  const failure = describeFailure(error);
  if (failure) {
    const what = failure.reason.charAt(0).toUpperCase() + failure.reason.slice(1);
    return { code: failure.code, message: `${what}: nothing was saved, and the library is as it was before. ${failure.advice}` };
  }
  return { code: 'internal', message: `Something went wrong: ${message}` };
}

function failure(error: ContractError): Envelope<never> {
  return { ok: false, error };
}
