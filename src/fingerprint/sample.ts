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

/** The sampled grams of a sorted gram set, still sorted and distinct. */
export const sampleGrams = (grams: Uint32Array): Uint32Array => grams.filter(isSampled);
