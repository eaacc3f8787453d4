/**
 * A base-form check for the rule linter, backed by compromise. Kept out of the pure
 * core: compromise is slow to import and to run, so only the linter (CLI, scripts)
 * loads it; the tagging path never does.
 */
import nlp from 'compromise';

/**
 * Creates `isBaseForm(word)`: false for an inflected verb ("asked", "seen", "wishes")
 * or a plural noun ("children") whose base form differs; true otherwise. Gerunds
 * count as base forms because so many are nouns in this domain ("meeting",
 * "safeguarding"). Results are memoised per checker.
 */
export function createBaseFormCheck(): (word: string) => boolean {
  const memo = new Map<string, boolean>();
  return (word: string): boolean => {
    const key = word.toLowerCase();
    const known = memo.get(key);
    if (known !== undefined) return known;
    const result = checkWord(key);
    memo.set(key, result);
    return result;
  };
}

function checkWord(word: string): boolean {
  const term = nlp(word).json()[0]?.terms?.[0] as { tags?: string[] } | undefined;
  const tags = new Set(term?.tags ?? []);
  if (tags.has('Verb') && !tags.has('Gerund') && !tags.has('Infinitive')) {
    const infinitive = nlp(word).verbs().toInfinitive().text().toLowerCase();
    if (infinitive && infinitive !== word) return false;
  }
  if (tags.has('Noun') && tags.has('Plural')) {
    const singular = nlp(word).nouns().toSingular().text().toLowerCase();
    if (singular && singular !== word) return false;
  }
  return true;
}
