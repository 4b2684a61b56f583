/** The part of nspell (no types of its own) the language check uses: a Hunspell dictionary's word test. */
declare module 'nspell' {
  export default function nspell(dictionary: { aff: Buffer | string; dic?: Buffer | string }): { correct(word: string): boolean };
}
