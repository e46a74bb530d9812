/**
 * "Did you mean …?" for names typed by people: unit names, agency names, communes.
 *
 * The score (0 … 1) is word overlap on the plain key (no diacritics, so "Phong Tai chinh" typed
 * without accents still matches): how much of the query's words the candidate covers, each word
 * weighted by how rare it is among the candidates ("UBND", "xã", "Phòng" say little), so
 * "Phòng Tài chính" finds "Phòng Tài chính - Kế hoạch" but "UBND xã Vĩnh Hoà" does not find every
 * "UBND xã …". Words match despite a typo (Damerau distance). The overlap is then multiplied by a
 * factor near 1 for matching diacritics, so that of "Vĩnh Hoà" and "Vĩnh Hóa" the right one wins.
 * Whole-string edit distance is not the main score on purpose: a shared "UBND xã Vĩnh " would make
 * "Vĩnh Sơn" look 88 % like "Vĩnh Hòa".
 */
import { foldForMatch, removeDiacritics } from './normalize';

export interface NameMatch {
  /** The candidate as given. */
  readonly candidate: string;
  /** Its position in the candidate list. */
  readonly index: number;
  /** 0 … 1; 1 is the same name after folding. */
  readonly score: number;
}

/** Below this a suggestion is more likely noise than help. */
export const DEFAULT_MIN_SCORE = 0.6;

/** Share of the score that rewards matching diacritics as well as letters. */
const DIACRITIC_WEIGHT = 0.15;

/** Weight of a word found in every candidate; rarer words add ln(candidates / frequency). */
const RARITY_FLOOR = 0.25;

/** Two words count as the same word from this similarity on (one typo in a 4-letter word). */
const TOKEN_MATCH_FLOOR = 0.75;

/** Damerau–Levenshtein distance (optimal string alignment: adjacent swaps cost 1). O(|a|·|b|). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let beforePrevious = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, beforePrevious[j - 2] + 1);
      }
      current[j] = best;
    }
    [beforePrevious, previous, current] = [previous, current, beforePrevious];
  }
  return previous[b.length];
}

function characterSimilarity(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  return longer === 0 ? 1 : 1 - editDistance(a, b) / longer;
}

interface Keys {
  readonly folded: string;
  readonly plain: string;
  readonly tokens: readonly string[];
  /** The plain key without spaces. */
  readonly joined: string;
}

/**
 * Long forms that unit names also use abbreviated ("Ủy ban nhân dân xã X" = "UBND xã X"), written
 * as they look after foldForMatch (the tone of a final "uy" on the y: "uỷ").
 */
const ABBREVIATIONS: ReadonlyArray<readonly [RegExp, string]> = [
  [/(^| )uỷ ban nhân dân(?= |$)/g, '$1ubnd'],
  [/(^| )hội đồng nhân dân(?= |$)/g, '$1hđnd'],
];

function keysOf(name: string): Keys {
  let folded = foldForMatch(name);
  for (const [longForm, abbreviation] of ABBREVIATIONS) folded = folded.replace(longForm, abbreviation);
  const plain = removeDiacritics(folded);
  return { folded, plain, tokens: plain === '' ? [] : plain.split(' '), joined: plain.replace(/ /g, '') };
}

/** The best similarity of `token` to any of `others` (1 when present). */
function bestTokenSimilarity(token: string, others: readonly string[]): number {
  let best = 0;
  for (const other of others) {
    if (other === token) return 1;
    // The length difference alone bounds the similarity: skip the edit distance when it cannot pass.
    const longer = Math.max(token.length, other.length);
    if (1 - Math.abs(token.length - other.length) / longer < TOKEN_MATCH_FLOOR) continue;
    const sim = characterSimilarity(token, other);
    if (sim > best) best = sim;
  }
  return best >= TOKEN_MATCH_FLOOR ? best : 0;
}

/**
 * Token overlap weighted by rarity: 0.7 × share of the query's weight the candidate covers,
 * 0.3 × weighted Jaccard (penalises candidates with many extra words).
 */
function tokenSimilarity(query: Keys, candidate: Keys, weight: (token: string) => number): number {
  if (query.tokens.length === 0 || candidate.tokens.length === 0) return 0;
  let queryWeight = 0;
  let covered = 0;
  for (const token of query.tokens) {
    const w = weight(token);
    queryWeight += w;
    covered += w * bestTokenSimilarity(token, candidate.tokens);
  }
  let candidateWeight = 0;
  for (const token of candidate.tokens) candidateWeight += weight(token);
  const coverage = covered / queryWeight;
  const jaccard = covered / (queryWeight + candidateWeight - covered);
  return 0.7 * coverage + 0.3 * jaccard;
}

/** Bound on remembered answers per matcher (memory stays small on any input). */
const MAX_REMEMBERED_ANSWERS = 2000;

/** Precomputes the candidates' keys and word rarities, for many queries against one list. */
export class NameMatcher {
  private readonly keys: readonly Keys[];
  private readonly documentFrequency = new Map<string, number>();
  private readonly answers = new Map<string, NameMatch[]>();

  constructor(private readonly candidates: readonly string[]) {
    this.keys = candidates.map(keysOf);
    for (const k of this.keys) {
      for (const token of new Set(k.tokens)) {
        this.documentFrequency.set(token, (this.documentFrequency.get(token) ?? 0) + 1);
      }
    }
  }

  /** Inverse document frequency: a word in every candidate weighs RARITY_FLOOR, rarer words more. */
  private weight(token: string): number {
    const df = this.documentFrequency.get(token) ?? 1;
    return RARITY_FLOOR + Math.log(Math.max(1, this.keys.length) / df);
  }

  private scoreAgainst(query: Keys, candidate: Keys, minScore: number): number {
    if (query.folded === candidate.folded) return 1;
    const weight = (token: string): number => this.weight(token);
    // Words run together ("VĩnhHòa") are the one case token overlap cannot see.
    const plain = query.joined === candidate.joined ? 1 : tokenSimilarity(query, candidate, weight);
    if (plain < minScore) return plain; // the diacritics factor is ≤ 1: it cannot lift it above
    const withDiacritics = characterSimilarity(query.folded, candidate.folded);
    // Multiplied, not added: matching accents can only confirm a match, never make one.
    return plain * (1 - DIACRITIC_WEIGHT + DIACRITIC_WEIGHT * withDiacritics);
  }

  /** The best candidates for `query`, best first (ties keep list order), scores ≥ minScore. */
  closest(query: string, limit = 3, minScore = DEFAULT_MIN_SCORE): NameMatch[] {
    // The same wrong name tends to repeat on many rows: answer it once.
    const memoKey = `${limit}|${minScore}|${query}`;
    const known = this.answers.get(memoKey);
    if (known !== undefined) return known.slice();
    const q = keysOf(query);
    const matches: NameMatch[] = [];
    if (q.folded !== '') {
      this.keys.forEach((k, index) => {
        const score = this.scoreAgainst(q, k, minScore);
        if (score >= minScore) matches.push({ candidate: this.candidates[index], index, score });
      });
      matches.sort((x, y) => y.score - x.score || x.index - y.index);
    }
    const answer = matches.slice(0, Math.max(0, limit));
    if (this.answers.size >= MAX_REMEMBERED_ANSWERS) this.answers.clear();
    this.answers.set(memoKey, answer);
    return answer.slice();
  }
}

/**
 * The candidates most similar to `query` after folding, best first, at most `limit`, each with its
 * score (0 … 1). For many queries against the same list, build one NameMatcher instead.
 */
export function closestMatches(
  query: string,
  candidates: readonly string[],
  limit = 3,
  minScore = DEFAULT_MIN_SCORE,
): NameMatch[] {
  return new NameMatcher(candidates).closest(query, limit, minScore);
}
