// Words too common to say anything about what a paper is about: plain English function words
// plus the boilerplate of abstracts ("we propose", "in this paper"). Checked on lower-case words.

const ENGLISH = `
a about above after again against all almost along also although always am among an and
another any are around as at be because been before being below between both but by can
cannot could did do does doing done down during each either else enough etc even ever
every for from further had has have having he her here hers herself him himself his how
however i if in into is it its itself just least less let like many may me might more
most much must my myself neither no nor not now of off often on once one only onto or
other others otherwise our ours ourselves out over own per perhaps rather same several
shall she should since so some such than that the their theirs them themselves then there
therefore these they this those though through thus to too toward towards under until up
upon us very via was we well were what whatever when where whereas whether which while who
whom whose why will with within without would yet you your yours yourself yourselves
dont doesnt didnt isnt arent wasnt cant wont
`;

// Words that appear in nearly every abstract whatever its topic; left in, they would show up
// as "shared terms" in reasons and blur the similarity of unrelated papers.
const ABSTRACT_BOILERPLATE = `
paper papers propose proposed proposes present presented presents show shows showed shown
demonstrate demonstrates demonstrated result results use used uses using based new novel
approach approaches method methods work works study studied studies find found finds obtain
obtained provide provided provides given give gives introduce introduced introduces consider
considered discuss discussed investigate investigated furthermore moreover addition recent recently
additionally respectively first second et al able two three
`;

export const STOP_WORDS: ReadonlySet<string> = new Set(`${ENGLISH} ${ABSTRACT_BOILERPLATE}`.split(/\s+/).filter((word) => word.length > 0));

export function isStopWord(lowerCaseWord: string): boolean {
  return STOP_WORDS.has(lowerCaseWord);
}
