import type { Database } from 'better-sqlite3';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { Claim, ClaimAppearance } from '../../shared/claims';
import { offsetConverter } from '../anchoring/offsets';
import { claimsInOrder } from '../claims/exchange';

/** Our own terms (kind, figure, stance, relations between claims) beside schema.org's. */
export const MARGINALIA_VOCAB = 'urn:marginalia:vocab:';

/**
 * The JSON-LD context: schema.org's terms by @vocab (written out rather than fetched from
 * https://schema.org, so the file expands offline), ours under the "mg" prefix.
 */
export const CLAIMS_CONTEXT = { '@vocab': 'https://schema.org/', mg: MARGINALIA_VOCAB };

interface Source {
  passageUid: string;
  articleUid: string;
  url: string | null;
  byline: string | null;
  text: string;
}

const person = (name: string | null) => (name ? { '@type': 'Person', name } : undefined);

/** One appearance: the quoted passage (a schema.org Quotation) in its article (a NewsArticle). */
function quotation(a: ClaimAppearance, source: Source, positions: ReturnType<typeof offsetConverter>): object {
  return {
    '@id': `urn:uuid:${source.passageUid}`,
    '@type': 'Quotation',
    text: a.quote,
    spokenByCharacter: person(a.speaker),
    isPartOf: {
      '@id': `urn:uuid:${source.articleUid}`,
      '@type': 'NewsArticle',
      headline: a.articleTitle,
      publisher: a.outlet ? { '@type': 'Organization', name: a.outlet } : undefined,
      author: person(source.byline),
      datePublished: a.published ?? undefined,
      url: source.url ?? undefined,
    },
    'mg:stance': a.stance,
    // Characters (code points) into the article's text, as W3C annotations count them.
    'mg:start': positions.toCodePoints(a.start),
    'mg:end': positions.toCodePoints(a.end),
  };
}

/**
 * Every claim as a schema.org Claim (the vocabulary of fact-checkers' ClaimReview): its statement,
 * who made it (author), every appearance and the first one (by publication date), plus its kind,
 * figure and its links to other claims in our own terms. One JSON-LD document with an @graph,
 * written claim by claim with backpressure. Returns the number of claims.
 */
export async function exportClaimsJsonLd(db: Database, out: Writable): Promise<number> {
  const sourceOf = db.prepare(
    'SELECT p.uid AS passageUid, a.uid AS articleUid, a.url, a.byline, a.text FROM passages p JOIN articles a ON a.id = p.article_id WHERE p.id = ?',
  );
  const uidOf = db.prepare('SELECT uid FROM claims WHERE id = ?').pluck();
  const write = async (chunk: string): Promise<void> => {
    if (!out.write(chunk)) await once(out, 'drain');
  };
  const claimNode = (claim: Claim): object => {
    const appearances = claim.appearances.map((a) => {
      const source = sourceOf.get(a.passageId) as Source;
      return quotation(a, source, offsetConverter(source.text));
    });
    const outgoing = claim.links.filter((l) => l.fromClaimId === claim.id);
    return {
      '@id': `urn:uuid:${claim.uid}`,
      '@type': 'Claim',
      text: claim.statement,
      author: person(claim.speaker),
      dateCreated: claim.createdAt,
      dateModified: claim.updatedAt,
      // Appearances come in the order their articles were published: the first is where it first appeared.
      firstAppearance: appearances.length > 0 ? { '@id': (appearances[0] as { '@id': string })['@id'] } : undefined,
      appearance: appearances.length > 0 ? appearances : undefined,
      description: claim.note || undefined,
      'mg:kind': claim.kind,
      'mg:value': claim.value ?? undefined,
      'mg:unit': claim.unit ?? undefined,
      'mg:counted': claim.counted ?? undefined,
      'mg:qualifier': claim.qualifier ?? undefined,
      'mg:link':
        outgoing.length === 0
          ? undefined
          : outgoing.map((l) => ({
              'mg:relation': l.relation,
              'mg:status': l.status,
              'mg:target': { '@id': `urn:uuid:${uidOf.get(l.toClaimId) as string}` },
              'mg:note': l.note || undefined,
            })),
    };
  };
  await write(`{\n"@context": ${JSON.stringify(CLAIMS_CONTEXT)},\n"@graph": [\n`);
  let count = 0;
  for (const claim of claimsInOrder(db)) await write((count++ === 0 ? '' : ',\n') + JSON.stringify(claimNode(claim)));
  out.end('\n]\n}\n');
  await finished(out);
  return count;
}
