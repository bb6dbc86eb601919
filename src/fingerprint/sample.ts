import { CHAR_GRAM, charGrams, sortedDistinct } from './grams';
import { fmix32 } from './hash';

/**
 * Which character 5-grams the index stores. Like passim and SuperFastMatch,
 * the index holds hashed n-grams and leaves judging to exact alignment; to
 * stay small it keeps a fixed, content-defined share of them: a gram is
 * kept when its mixed hash falls in one of SAMPLE_RATE classes. The choice
 * depends on the gram alone, so a page and a corpus text that share grams
 * keep the same ones, whatever surrounds them.
 *
 * One in eight, measured on the fixtures' reworded pairs: a sentence at the
 * lowest accepted overlap (0.40) keeps on average 0.4 × n/8 shared samples,
 * enough for the candidate rule (see match/candidates.ts), and an 800-word
 * article stores about 300 postings (bench: "index bytes per article").
 */
export const SAMPLE_RATE = 8;
const SAMPLE_SALT = 0x2f6b_9d15;

export const isSampled = (gram: number): boolean => fmix32(gram ^ SAMPLE_SALT) % SAMPLE_RATE === 0;

/**
 * The sampled grams of a sorted gram set, still sorted and distinct. A loop,
 * not Uint32Array.filter: its callback per gram was 4% of a warm page query.
 */
export function sampleGrams(grams: Uint32Array): Uint32Array {
  const out = new Uint32Array(grams.length);
  let n = 0;
  for (let i = 0; i < grams.length; i++) if (isSampled(grams[i])) out[n++] = grams[i];
  return out.slice(0, n);
}

// Reused between calls, so a paragraph allocates only its result.
let scratch = new Uint32Array(1024);

/**
 * sampleGrams(charGrams(canon)) without sorting the grams it drops, with
 * hashRange and isSampled inlined (a unit test checks they agree). On the
 * seeds this is 1.9× the generic path; the sort of all grams was 46% of it.
 */
export function sampledCharGrams(canon: string): Uint32Array {
  if (canon.length <= CHAR_GRAM) return sampleGrams(charGrams(canon));
  // Locals, not module bindings: under tsx each imported name read is a getter call.
  const gram = CHAR_GRAM;
  const rate = SAMPLE_RATE;
  const count = canon.length - gram + 1;
  if (scratch.length < count) scratch = new Uint32Array(count);
  const kept = scratch;
  let n = 0;
  for (let i = 0; i < count; i++) {
    let h = 0x811c9dc5; // hashRange's FNV-1a
    for (let k = i; k < i + gram; k++) h = Math.imul(h ^ canon.charCodeAt(k), 0x01000193);
    h = fmix32(h);
    if (fmix32(h ^ SAMPLE_SALT) % rate === 0) kept[n++] = h;
  }
  return sortedDistinct(kept.subarray(0, n));
}
