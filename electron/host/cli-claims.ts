import { findCandidates } from '../core/claims/candidates';
import { describeValue } from '../core/claims/figures';
import { addAppearance, createClaim, deleteClaim } from '../core/claims/edits';
import { acceptAsLinkedClaim, linkClaims, mergeClaims, rejectAppearance, rejectRelated } from '../core/claims/links';
import { allClaims, getClaim } from '../core/claims/queries';
import { suggestionsFor } from '../core/claims/related';
import type { Edit } from '../core/edits';
import { MarginaliaError } from '../core/errors';
import { recordChange } from '../core/library/change-log';
import { writeTransaction } from '../core/library/write';
import type { Library } from '../core/library/open';
import { articleText } from '../core/passages/edits';
import { withLibrary } from './cli-library';
import type { CommandRun } from './cli-output';
import { CLAIM_KINDS, type ClaimKind, RELATIONS, type Relation, STANCES, type Stance } from '../shared/claims';

interface ClaimsCli {
  withLibrary<T>(values: Record<string, unknown>, fn: (lib: Library) => T): T;
  write(text: string): void;
}

const SUBCOMMANDS = ['list', 'show', 'candidates', 'add', 'related', 'link', 'accept', 'reject', 'merge', 'delete'] as const;

function usage(message: string): MarginaliaError {
  return new MarginaliaError('invalid-arguments', message);
}

function whole(raw: unknown, what: string, min = 1): number {
  const n = Number(raw);
  if (raw === undefined || !Number.isInteger(n) || n < min) throw usage(`${what} must be a whole number${min > 0 ? ' above 0' : ''}.`);
  return n;
}

function oneOf<T extends string>(raw: unknown, allowed: readonly T[], what: string): T | undefined {
  if (raw === undefined) return undefined;
  if (!allowed.includes(raw as T)) throw usage(`${what} is one of: ${allowed.join(', ')}.`);
  return raw as T;
}

/** Runs an edit in one transaction, logged for the app if it has the library open (the CLI keeps no undo history across runs). */
function apply<T>(lib: Library, edit: () => Edit<T>): T {
  return writeTransaction(lib.db, () => {
    const done = edit();
    recordChange(lib.db, done.changes);
    return done.value;
  });
}

function range(values: Record<string, unknown>): { articleId: number; start: number; end: number } {
  return { articleId: whole(values.article, '--article'), start: whole(values.start, '--start', 0), end: whole(values.end, '--end', 0) };
}

function printClaim(cli: ClaimsCli, claim: ReturnType<typeof getClaim>, asJson: boolean): void {
  if (asJson) return cli.write(JSON.stringify(claim, null, 2) + '\n');
  const money = ['%', 'USD', 'GBP', 'EUR', 'RUB', 'JPY'];
  const value = claim.value === null ? '' : describeValue({ value: claim.value, high: null, unit: claim.unit });
  const unit = claim.unit && !money.includes(claim.unit) ? ` ${claim.unit}` : '';
  const figure =
    claim.value === null
      ? ''
      : ` · ${claim.qualifier ? `${claim.qualifier} ` : ''}${value}${unit}${claim.counted ? ` · ${claim.counted}` : ''}`;
  cli.write(`claim ${claim.id}\t[${claim.kind}] ${claim.statement}\n\t${claim.speaker ?? 'no speaker'}${figure}\n`);
  for (const a of claim.appearances)
    cli.write(
      `\tappears in article ${a.articleId} (${a.outlet ?? 'no outlet'}, ${a.published ?? 'no date'}) ${a.start}–${a.end}: ${a.stance}\n`,
    );
  for (const l of claim.links) cli.write(`\t${l.fromClaimId} ${l.relation} ${l.toClaimId} (${l.status})${l.note ? `: ${l.note}` : ''}\n`);
}

/** `marginalia claims …`: list, show, find candidates, add, see related, link, accept and reject suggestions. */
export const claimsCommand: CommandRun = (values, positionals, out) =>
  runClaims({ withLibrary, write: (text) => out.write(text) }, values, positionals);

async function runClaims(cli: ClaimsCli, values: Record<string, unknown>, [sub, ...rest]: string[]): Promise<number> {
  if (!SUBCOMMANDS.includes(sub as (typeof SUBCOMMANDS)[number])) throw usage(`claims what? One of: ${SUBCOMMANDS.join(', ')}.`);
  const asJson = values.json === true;
  return cli.withLibrary(values, (lib) => {
    const { db, clock } = lib;
    switch (sub) {
      case 'list': {
        const claims = allClaims(db);
        if (asJson) cli.write(JSON.stringify(claims, null, 2) + '\n');
        else for (const claim of claims) printClaim(cli, claim, false);
        return 0;
      }
      case 'show':
        printClaim(cli, getClaim(db, whole(rest[0], 'The claim id')), asJson);
        return 0;
      case 'candidates': {
        const candidates = findCandidates(articleText(db, whole(rest[0], 'The article id')));
        if (asJson) cli.write(JSON.stringify(candidates, null, 2) + '\n');
        else
          for (const c of candidates)
            cli.write(`${c.start}–${c.end}\t[${c.kind}] ${c.speaker ?? '?'}${c.verb ? ` (${c.verb})` : ''}: ${c.text}\n`);
        return 0;
      }
      case 'add': {
        const claim = apply(lib, () =>
          createClaim(db, clock, {
            ...range(values),
            statement: values.statement as string | undefined,
            kind: oneOf<ClaimKind>(values.kind, CLAIM_KINDS, '--kind'),
            ...(values.speaker !== undefined ? { speaker: values.speaker as string } : {}),
            stance: oneOf<Stance>(values.stance, STANCES, '--stance'),
          }),
        );
        printClaim(cli, claim, asJson);
        return 0;
      }
      case 'related': {
        const limit = values.limit === undefined ? 20 : whole(values.limit, '--limit');
        if (limit > 500) throw usage('--limit is at most 500.');
        const items = suggestionsFor(db, whole(rest[0], 'The claim id'), limit);
        if (asJson) cli.write(JSON.stringify(items, null, 2) + '\n');
        else
          for (const i of items)
            cli.write(
              `${i.score.toFixed(2)}\t${i.type === 'claim' ? `claim ${i.claimId}` : `article ${i.articleId} ${i.start}–${i.end}`}\t${i.relation}\t${i.text}\n\t${i.reasons.join(' · ')}\n`,
            );
        return 0;
      }
      case 'link': {
        const relation = oneOf<Relation>(values.relation, RELATIONS, '--relation');
        if (!relation) throw usage(`link needs --relation (${RELATIONS.join(', ')}).`);
        const link = apply(lib, () =>
          linkClaims(db, clock, whole(rest[0], 'FROM_ID'), whole(rest[1], 'TO_ID'), relation, values.note as string | undefined),
        );
        cli.write(
          asJson ? JSON.stringify(link, null, 2) + '\n' : `link ${link.id}: ${link.fromClaimId} ${link.relation} ${link.toClaimId}\n`,
        );
        return 0;
      }
      case 'accept': {
        const claimId = whole(rest[0], 'The claim id');
        const relation = oneOf<Relation>(values.relation, RELATIONS, '--relation');
        const stance = oneOf<Stance>(values.stance, STANCES, '--stance');
        let claim;
        if (values.claim !== undefined) {
          if (!relation) throw usage('accepting a related claim needs --relation.');
          apply(lib, () => linkClaims(db, clock, claimId, whole(values.claim, '--claim'), relation));
          claim = getClaim(db, claimId);
        } else if (oneOf(values.as, ['appearance', 'claim'] as const, '--as') === 'claim') {
          claim = apply(lib, () => acceptAsLinkedClaim(db, clock, claimId, range(values), relation ?? 'varies', stance));
        } else {
          claim = apply(lib, () => addAppearance(db, clock, claimId, range(values), stance ?? 'asserts'));
        }
        printClaim(cli, claim, asJson);
        return 0;
      }
      case 'reject': {
        const claimId = whole(rest[0], 'The claim id');
        if (values.claim !== undefined) {
          const relation = oneOf<Relation>(values.relation, RELATIONS, '--relation') ?? 'related';
          apply(lib, () => rejectRelated(db, clock, claimId, whole(values.claim, '--claim'), relation));
        } else {
          const at = range(values);
          apply(lib, () => rejectAppearance(db, clock, claimId, at.articleId, at.start, at.end));
        }
        cli.write(asJson ? '{ "rejected": true }\n' : 'Rejected: it will not be suggested again.\n');
        return 0;
      }
      case 'merge':
        printClaim(
          cli,
          apply(lib, () => mergeClaims(db, clock, whole(rest[0], 'SOURCE_ID'), whole(rest[1], 'TARGET_ID'))),
          asJson,
        );
        return 0;
      default: {
        const { deleted } = apply(lib, () => deleteClaim(db, whole(rest[0], 'The claim id')));
        cli.write(asJson ? JSON.stringify({ deleted }) + '\n' : `Deleted ${deleted} claim.\n`);
        return 0;
      }
    }
  });
}
