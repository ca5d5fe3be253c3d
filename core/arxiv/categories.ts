// arXiv category names ("cs.LG", "math-ph", "cond-mat.stat-mech") and whether a paper's
// categories fall under a category or a whole archive ("cs" covers "cs.LG").

/** An archive ("cs", "hep-th", "q-bio") optionally followed by a subject class (".LG", ".stat-mech"). */
const CATEGORY_SYNTAX = /^[a-z]+(?:-[a-z]+)?(?:\.[A-Za-z]+(?:-[A-Za-z]+)?)?$/;

export function isCategoryName(text: string): boolean {
  return CATEGORY_SYNTAX.test(text);
}

/** True when any of `paperCategories` is one of `wanted` or lies in one of its archives. */
export function inCategories(paperCategories: readonly string[], wanted: readonly string[]): boolean {
  return paperCategories.some((category) => {
    const have = category.toLowerCase();
    return wanted.some((w) => {
      const want = w.toLowerCase();
      return have === want || have.startsWith(`${want}.`);
    });
  });
}
