import type { CommandName } from '../../shared/contract';
import type { Handlers } from '../handlers';
import { articleText } from '../passages/edits';
import { checkRange } from '../passages/range';
import { dismissCandidate, isDismissed, readerCandidates } from './dismissals';
import {
  addAppearance,
  createClaim,
  deleteClaim,
  type PassageRef,
  passageRange,
  removeAppearance,
  updateAppearance,
  updateClaim,
} from './edits';
import {
  acceptAsLinkedClaim,
  linkClaims,
  mergeClaims,
  rejectAppearance,
  rejectRelated,
  setLinkNote,
  splitAppearance,
  unlinkClaims,
} from './links';
import { claimContexts, withArticles } from './contexts';
import { claimGraph } from './graph';
import { claimFacets, listClaims } from './list';
import { prefillClaim } from './prefill';
import { getClaim } from './queries';
import { suggestionsFor } from './related';

type ClaimCommand = Extract<CommandName, `claims.${string}`>;

function placeOf(args: {
  passageId?: number | undefined;
  articleId?: number | undefined;
  start?: number | undefined;
  end?: number | undefined;
}): PassageRef {
  return args.passageId !== undefined ? { passageId: args.passageId } : { articleId: args.articleId!, start: args.start!, end: args.end! };
}

/** The claims commands: queries read the library, edits go through the session's undo history. */
export const claimHandlers: Pick<Handlers, ClaimCommand> = {
  'claims.list': ({ session }, args) => listClaims(session.lib.db, args),
  'claims.facets': ({ session }) => claimFacets(session.lib.db),
  'claims.get': ({ session }, { id }) => getClaim(session.lib.db, id),
  'claims.contexts': ({ session }, { id }) => claimContexts(session.lib.db, id),
  'claims.graph': ({ session }, args) => claimGraph(session.lib.db, args),
  'claims.candidates': ({ session }, { articleId }) => readerCandidates(session.lib.db, articleId),
  'claims.prefill': ({ session }, place) => {
    const { db } = session.lib;
    const at =
      place.passageId !== undefined
        ? passageRange(db, place.passageId)
        : { articleId: place.articleId!, start: place.start!, end: place.end! };
    const text = articleText(db, at.articleId);
    checkRange(text, at.start, at.end);
    return prefillClaim(text, at.start, at.end);
  },
  // Dismissed already (another window): nothing to write, and no empty step in the undo history.
  'claims.dismissCandidate': async ({ session }, { articleId, start, end }) =>
    isDismissed(session.lib.db, articleId, start, end)
      ? { dismissed: true as const }
      : session.apply(() => dismissCandidate(session.lib.db, session.lib.clock, articleId, start, end)),
  'claims.create': ({ session }, { passageId, articleId, start, end, ...fields }) =>
    session.apply(() => createClaim(session.lib.db, session.lib.clock, { ...placeOf({ passageId, articleId, start, end }), ...fields })),
  'claims.update': ({ session }, { id, ...patch }) => session.apply(() => updateClaim(session.lib.db, session.lib.clock, id, patch)),
  'claims.delete': ({ session }, { id }) => session.apply(() => deleteClaim(session.lib.db, id)),
  'claims.addAppearance': ({ session }, { claimId, stance, speaker, ...place }) =>
    session.apply(() => addAppearance(session.lib.db, session.lib.clock, claimId, placeOf(place), stance, speaker ?? null)),
  'claims.updateAppearance': ({ session }, { id, ...patch }) => session.apply(() => updateAppearance(session.lib.db, id, patch)),
  'claims.removeAppearance': ({ session }, { id }) => session.apply(() => removeAppearance(session.lib.db, id)),
  'claims.merge': ({ session }, { sourceId, targetId }) =>
    session.apply(() => mergeClaims(session.lib.db, session.lib.clock, sourceId, targetId)),
  'claims.split': ({ session }, { appearanceId }) => session.apply(() => splitAppearance(session.lib.db, session.lib.clock, appearanceId)),
  'claims.link': ({ session }, { fromId, toId, relation, note }) =>
    session.apply(() => linkClaims(session.lib.db, session.lib.clock, fromId, toId, relation, note)),
  'claims.linkNote': ({ session }, { linkId, note }) => session.apply(() => setLinkNote(session.lib.db, session.lib.clock, linkId, note)),
  'claims.unlink': ({ session }, { linkId }) => session.apply(() => unlinkClaims(session.lib.db, linkId)),
  'claims.related': ({ session }, { id, limit }) => withArticles(session.lib.db, suggestionsFor(session.lib.db, id, limit)),
  'claims.accept': async ({ session }, { claimId, otherClaimId, relation, as, stance, articleId, start, end }) => {
    const { db, clock } = session.lib;
    if (otherClaimId !== undefined) {
      await session.apply(() => linkClaims(db, clock, claimId, otherClaimId, relation!));
      return getClaim(db, claimId);
    }
    const place = { articleId: articleId!, start: start!, end: end! };
    if (as === 'claim') return session.apply(() => acceptAsLinkedClaim(db, clock, claimId, place, relation ?? 'varies', stance));
    return session.apply(() => addAppearance(db, clock, claimId, place, stance ?? 'asserts'));
  },
  'claims.reject': async ({ session }, { claimId, otherClaimId, relation, articleId, start, end }) => {
    const { db, clock } = session.lib;
    if (otherClaimId !== undefined) await session.apply(() => rejectRelated(db, clock, claimId, otherClaimId, relation ?? 'related'));
    else await session.apply(() => rejectAppearance(db, clock, claimId, articleId!, start!, end!));
    return { rejected: true as const };
  },
};
