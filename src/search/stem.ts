// Light stemming and stop words for ranking suggestions: English, French and Spanish (the UI
// languages), on folded words (lower case, no diacritics). "Light" on purpose: plurals and
// verb endings only, so that `fractions`, `comparing` and `multiplies` meet `fraction`,
// `compare` and `multiply`, while unrelated words that share a prefix stay apart.

const STOP_WORDS: Record<string, string> = {
  en:
    'a about above after again all also am an and any are as at be because been before being below between both but by can could did do ' +
    'does doing down during each few for from further had has have having he her here hers him his how i if in into is it its itself ' +
    'just me more most my no nor not now of off on once only or other our ours out over own same she should so some such than that the ' +
    'their theirs them then there these they this those through to too under until up upon us very was we were what when where which ' +
    'while who whom why will with would you your yours via using use used uses like get gets make makes made way ways one two ' +
    // Words of resource descriptions that say nothing about the standard.
    'student students learner learners pupil pupils teacher teachers lesson lessons activity activities worksheet worksheets unit ' +
    'units video videos resource resources class classroom practice learn learning learns help helps page pages grade grades',
  fr:
    'a au aux avec ce ces cet cette dans de des du elle elles en est et eux il ils je la le les leur leurs lui ma mais me meme mes moi ' +
    'mon ne nos notre nous on ou par pas pour qu que qui sa se ses son sont sur ta te tes toi ton tu un une vos votre vous y ete etre ' +
    'avoir ont fait faire comme plus tres aussi entre sans sous leur cela ceci dont ainsi apres avant eleve eleves lecon lecons ' +
    'activite activites fiche fiches classe enseignant enseignants',
  es:
    'a al algo ante como con contra cual cuando de del desde donde durante e el ella ellas ellos en entre era es esa ese eso esta este ' +
    'esto estos estas fue ha han hasta la las le les lo los mas me mi muy ni no nos o os otra otro para pero por que se sea ser si sin ' +
    'sobre su sus tambien te tiene tienen todo todos tu un una uno unos unas y ya alumno alumnos estudiante estudiantes leccion ' +
    'lecciones actividad actividades ficha clase profesor',
};

const stopSets = new Map<string, Set<string>>();

/** The base of a language tag: `fr-CA` → `fr`. */
const baseLanguage = (language: string) => language.toLowerCase().split(/[-_]/)[0];

/** The stop words of a language (its base: `fr-CA` → `fr`), with English's: frameworks are often in English. */
export function stopWords(language = 'en'): ReadonlySet<string> {
  const base = baseLanguage(language);
  let set = stopSets.get(base);
  if (!set) {
    set = new Set([...STOP_WORDS.en.split(' '), ...(STOP_WORDS[base] ?? '').split(' ')].filter(Boolean));
    stopSets.set(base, set);
  }
  return set;
}

const LATIN = /^[a-z]+$/;
const VOWEL = /[aeiouy]/;

function english(word: string): string {
  let w = word;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (/(?:ch|sh|x|z)es$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(?:ss|us|is)$/.test(w) && w.length > 3) w = w.slice(0, -1);
  let verb = false;
  for (const ending of ['ing', 'ed']) {
    const stem = w.slice(0, -ending.length);
    if (w.endsWith(ending) && stem.length >= 3 && VOWEL.test(stem)) {
      w = stem;
      verb = true;
      break;
    }
  }
  // `running` → `run`, `planned` → `plan` (not `fall`, `pass`, `buzz`).
  if (verb && /([b-df-hj-km-np-rtv-z])\1$/.test(w) && !/(?:ll|ss|zz)$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith('ly') && w.length > 5) w = w.slice(0, -2);
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  if (w.length > 3 && w.endsWith('y')) w = `${w.slice(0, -1)}i`;
  return w;
}

function romance(word: string): string {
  let w = word;
  if (/(?:aux)$/.test(w) && w.length > 4)
    w = `${w.slice(0, -3)}al`; // fr: `animaux` → `animal`
  else if (/(?:es|s|x)$/.test(w) && w.length > 3) w = w.replace(/(?:es|s|x)$/, '');
  if (w.endsWith('ment') && w.length > 7) w = w.slice(0, -4);
  if (w.length > 3 && /[aeo]$/.test(w)) w = w.slice(0, -1);
  return w;
}

/**
 * The stem of a folded word. Words that are not plain Latin letters (numbers, other scripts)
 * are their own stem.
 */
export function stem(word: string, language = 'en'): string {
  if (word.length <= 3 || !LATIN.test(word)) return word;
  const base = baseLanguage(language);
  return base === 'fr' || base === 'es' ? romance(word) : english(word);
}

/**
 * The prefix every word with this stem starts with, to find them in a sorted vocabulary: the
 * stem, less a final `i` that stands for `y` (`multipli` ← `multiply`).
 */
export function stemPrefix(stemmed: string): string {
  return stemmed.length > 3 && stemmed.endsWith('i') ? stemmed.slice(0, -1) : stemmed;
}
