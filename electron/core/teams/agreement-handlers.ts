import type { CommandName } from '../../shared/contract';
import type { Handlers } from '../handlers';
import { computeAgreement } from './agreement';
import { agreementChoices, compareArticle } from './agreement-compare';
import { agreementCsv } from './agreement-csv';

type AgreementCommand = Extract<CommandName, `agreement.${string}`>;

/** The comparison view's commands: reads only, over the session's connection. */
export const agreementHandlers: Pick<Handlers, AgreementCommand> = {
  'agreement.choices': ({ session }) => agreementChoices(session.lib.db),
  'agreement.compute': ({ session }, args) => computeAgreement(session.lib.db, args),
  'agreement.csv': ({ session }, args) => ({ csv: agreementCsv(computeAgreement(session.lib.db, args)) }),
  'agreement.article': ({ session }, args) => compareArticle(session.lib.db, args),
};
