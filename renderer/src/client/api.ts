import type { Args, CommandName, ContractError, Result } from '../../../electron/shared/contract';
import { electronTransport } from './electron-transport';
import { httpTransport } from './http-transport';
import type { Transport } from './transport';

/** A failed command, carrying the contract's typed error. */
export class CommandError extends Error {
  readonly code: string;
  readonly issues: ContractError['issues'];
  constructor(error: ContractError) {
    super(error.message);
    this.code = error.code;
    this.issues = error.issues;
  }
}

export const transport: Transport = window.marginalia ? electronTransport(window.marginalia) : httpTransport();

/** Runs a contract command: resolves with its result or throws CommandError. */
export async function call<K extends CommandName>(name: K, args: Args<K>): Promise<Result<K>> {
  const envelope = await transport.invoke(name, args);
  if (!envelope.ok) throw new CommandError(envelope.error);
  return envelope.value as Result<K>;
}
