import { buildSync } from 'esbuild';
import path from 'node:path';

/**
 * The fingerprinting code, bundled for a page, so a test can compute
 * signatures inside each browser engine and compare them with Node's.
 */
export function fingerprintBundle(): string {
  const result = buildSync({
    stdin: {
      contents: `
        import { MinHasher } from './src/fingerprint/minhash';
        import { charGrams } from './src/fingerprint/grams';
        import { canonical } from './src/text/normalize';
        const h = new MinHasher();
        globalThis.__reprintSignature = (text) => Array.from(h.signature(charGrams(canonical(text))));
      `,
      resolveDir: path.resolve(import.meta.dirname, '../..'),
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    write: false,
  });
  return result.outputFiles[0].text;
}

export const SIGNATURE_SAMPLES = [
  'Senior Chinese officials "told" senior Russian officials in early February not to invade Ukraine.',
  'Сhinеsе оffiсiаls\u200B said ＮＡＴＯ ﬁnal',
  '中国外交部发言人周三表示，中方尊重所有国家的主权和领土完整。',
  'Официальные лица заявили во вторник, что новые правила вступят в силу.',
  // One gram: nearly every bin is borrowed, most past the precomputed probes.
  'Yes.',
];
