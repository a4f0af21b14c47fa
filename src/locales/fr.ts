import { formatNumber, plural, type PickerStrings } from '../strings.js';

const n = (count: number, one: string, many: string) => plural(count, one, many, 'fr');

const ASSOCIATIONS: Record<string, string> = {
  exactMatchOf: 'Identique à',
  'exactMatchOf:incoming': 'Identique à',
  isRelatedTo: 'Lié à',
  'isRelatedTo:incoming': 'Lié à',
  replacedBy: 'Remplacé par',
  'replacedBy:incoming': 'Remplace',
  precedes: 'Précède',
  'precedes:incoming': 'Suit',
  exemplar: 'A pour exemple',
  'exemplar:incoming': 'Exemple de',
  isPeerOf: 'Pair de',
  'isPeerOf:incoming': 'Pair de',
  isPartOf: 'Fait partie de',
  'isPartOf:incoming': 'Comprend',
  hasSkillLevel: 'A pour niveau',
  'hasSkillLevel:incoming': 'Niveau de',
  isTranslationOf: 'Traduction de',
  'isTranslationOf:incoming': 'A pour traduction',
  isChildOf: 'Enfant de',
  'isChildOf:incoming': 'Parent de',
};

/** French strings, used when `lang` (or the page's language) is `fr`. */
export const frenchStrings: PickerStrings = {
  pickerLabel: 'Sélecteur de standards d’apprentissage',
  frameworks: 'Référentiels',
  frameworkFilter: 'Filtrer les référentiels',
  frameworkFilterPlaceholder: 'Filtrer par titre, auteur ou matière',
  allSubjects: 'Toutes les matières',
  allCreators: 'Tous les auteurs',
  allStatuses: 'Tous les statuts',
  subject: 'Matière',
  creator: 'Auteur',
  adoptionStatus: 'Statut d’adoption',
  showRetired: 'Afficher les référentiels obsolètes et retirés',
  frameworkCount: (shown, total) =>
    shown === total
      ? n(total, 'référentiel', 'référentiels')
      : `${formatNumber(shown, 'fr')} sur ${n(total, 'référentiel', 'référentiels')}`,
  noFrameworks: 'Aucun référentiel ne correspond.',
  showMoreFrameworks: more => `Afficher ${n(more, 'autre référentiel', 'autres référentiels')}`,
  lastChange: date => `Mis à jour le ${date}`,
  version: version => `Version ${version}`,
  back: 'Tous les référentiels',
  loadingFrameworks: 'Chargement des référentiels…',
  loadingFramework: 'Chargement du référentiel…',
  downloading: (mb, total) => (total ? `Téléchargement : ${mb} Mo sur ${total}…` : `Téléchargement : ${mb} Mo…`),
  building: 'Construction de l’arbre et de l’index de recherche…',
  preparingSearch: 'Préparation de la recherche…',
  frameworkLoaded: (title, count) => `${title} chargé, ${n(count, 'standard', 'standards')}.`,
  offline: age => `Hors ligne : copie enregistrée ${age}.`,
  updatedInBackground: 'Ce référentiel a été mis à jour par son fournisseur ; la nouvelle version est affichée.',
  search: 'Rechercher des standards',
  searchPlaceholder: 'Code ou mots, p. ex. 4.NF.A.1 ou fractions',
  filters: 'Filtres',
  grade: 'Niveau',
  gradeFrom: 'Niveau (de)',
  gradeTo: 'Niveau (à)',
  allGrades: 'Tous les niveaux',
  itemType: 'Type',
  allItemTypes: 'Tous les types',
  gradeName: level =>
    level === 'KG' ? 'Maternelle' : level === 'PK' ? 'Pré-maternelle' : /^\d+$/.test(level) ? `Niveau ${Number(level)}` : level,
  resultCount: (count, total) =>
    count === total ? n(total, 'résultat', 'résultats') : `${formatNumber(count, 'fr')} sur ${n(total, 'résultat', 'résultats')}`,
  noResults: query =>
    query
      ? `Aucun standard ne correspond à « ${query} ». Vérifiez l’orthographe, essayez moins de mots ou retirez les filtres.`
      : 'Aucun standard ne correspond à ces filtres.',
  showInTree: 'Afficher dans l’arbre',
  searchScope: 'Rechercher dans',
  scopeFramework: 'Ce référentiel',
  scopeEndpoint: count => (count > 1 ? `Tous les référentiels enregistrés (${count})` : 'Tous les référentiels enregistrés'),
  expandAll: 'Tout déplier',
  collapseAll: 'Tout replier',
  otherItems: 'Autres éléments',
  details: 'Détails',
  showDetails: 'Voir le détail sans sélectionner',
  detailsEmpty: 'Placez le focus sur un standard pour voir ses détails.',
  statement: 'Énoncé',
  abbreviatedStatement: 'Énoncé court',
  code: 'Code',
  type: 'Type',
  grades: 'Niveaux',
  keywords: 'Mots-clés',
  notes: 'Notes',
  language: 'Langue',
  lastChanged: 'Dernière modification',
  uri: 'URI CASE',
  associations: 'Associations',
  associationType: type => ASSOCIATIONS[type] ?? (type.startsWith('ext:') ? type.slice(4).replace(/:incoming$/, ' (inverse)') : type),
  externalResource: 'ressource externe',
  license: 'Licence',
  validity: 'En vigueur',
  inEffect: (from, to) => (from && to ? `Du ${from} au ${to}` : from ? `Depuis le ${from}` : `Jusqu’au ${to}`),
  outsideFramework: 'hors de ce référentiel',
  breadcrumb: 'Chemin',
  selectionEmpty: 'Aucun standard sélectionné.',
  selectedCount: count => `${n(count, 'standard sélectionné', 'standards sélectionnés')}`,
  remove: label => `Retirer ${label}`,
  clearSelection: 'Tout retirer',
  copy: 'Copier',
  copyAll: 'Tout copier',
  downloadCsv: 'Télécharger en CSV',
  downloadCommonCartridge: 'Télécharger en Common Cartridge',
  copied: 'Copié dans le presse-papiers.',
  copyFailed: 'Le presse-papiers n’est pas disponible ici.',
  added: label => `${label} sélectionné.`,
  removed: label => `${label} retiré.`,
  maxReached: max => `Vous pouvez sélectionner au plus ${n(max, 'standard', 'standards')}. Retirez-en un pour en choisir un autre.`,
  outdated: (status, replacement) =>
    status === 'replaced'
      ? replacement
        ? `Remplacé par ${replacement}`
        : 'Remplacé par un standard plus récent'
      : status === 'deprecated'
        ? 'Obsolète : ne plus s’y aligner'
        : status === 'expired'
          ? 'Expiré : n’est plus en vigueur'
          : 'Introuvable sur le service de standards',
  equivalents: 'Standards équivalents',
  findingEquivalents: 'Recherche de standards équivalents…',
  equivalentRelation: relation => (relation === 'exact' ? 'Identique à' : 'Apparenté'),
  addEquivalent: label => `Ajouter ${label}`,
  codesFound: (found, missing) =>
    `${plural(found, 'standard', 'standards', 'fr')} avec ces codes.` +
    (missing.length ? ` Aucun standard n’a le code ${missing.join(', ')}.` : ''),
  selectCodes: count => `Tout sélectionner (${plural(count, 'standard', 'standards', 'fr')})`,
  addedMany: (count, leftOut) =>
    `${plural(count, 'standard sélectionné', 'standards sélectionnés', 'fr')}.` +
    (leftOut ? ` ${formatNumber(leftOut, 'fr')} de plus dépassaient la limite.` : ''),
  selectBranch: (count, branch) => `Sélectionner les ${plural(count, 'standard', 'standards', 'fr')} de ${branch}`,
  partlySelected: 'en partie sélectionné',
  suggestions: 'Suggestions pour cette ressource',
  findingSuggestions: 'Recherche de suggestions…',
  suggestionsFallback: 'Le service de suggestions n’a pas répondu : ces suggestions ont été faites dans la page.',
  noSuggestions: 'Aucun standard ne correspond encore à la description de cette ressource.',
  openPicker: count => (count ? 'Modifier les standards' : 'Ajouter des standards'),
  dialogTitle: 'Choisir des standards',
  done: 'Terminé',
  showSelectedOnly: 'Afficher la sélection seulement',
  backToList: 'Retour à la liste',
  endpointFailed: (provider, words) => `Les référentiels de ${provider} manquent : ${words}`,
  provider: 'Fournisseur',
  allProviders: 'Tous les fournisseurs',
  recent: 'Utilisés récemment',
  recentItem: (label, framework) => `${label} (${framework})`,
  statusBadge: status => ({ replaced: 'Remplacé', deprecated: 'Obsolète', expired: 'Expiré', 'not-found': 'Introuvable' })[status],
  frameworkOutdated: status =>
    status === 'deprecated'
      ? 'Ce référentiel est obsolète ou retiré : ne plus aligner de contenu sur ses standards. Cherchez son successeur dans la liste.'
      : 'Ce référentiel n’est plus en vigueur (sa date de fin est passée). Cherchez son successeur dans la liste.',
  replaceWith: label => `Remplacer par ${label}`,
  replacedWith: (old, replacement) => `${old} remplacé par ${replacement}.`,
  resolving: 'Chargement…',
  notFound: identifier => `Introuvable : ${identifier}`,
  required: 'Sélectionnez au moins un standard.',
  retry: 'Réessayer',
  errors: {
    network: 'Le serveur de standards est injoignable. Vérifiez la connexion (ou la configuration CORS du serveur) et réessayez.',
    http: 'Le serveur de standards a signalé une erreur. Réessayez dans un instant.',
    auth: 'Ce service de standards demande que vous vous connectiez via le système de votre établissement. Si c’est déjà fait, demandez à votre administrateur de le relier.',
    'not-found': 'Ce référentiel ou ce standard est introuvable sur le serveur.',
    parse: 'Le serveur a envoyé autre chose que du JSON (une page de connexion ou une mauvaise adresse ?).',
    'invalid-data': 'Le serveur a envoyé des données qui ne sont pas au format CASE.',
    storage: 'Ce navigateur ne peut pas conserver les référentiels hors ligne ; ils seront téléchargés à chaque fois.',
  },
  noEndpoint: 'Aucune adresse CASE n’est définie.',
  diagnostics: skipped =>
    `${n(skipped, 'enregistrement inutilisable a été ignoré', 'enregistrements inutilisables ont été ignorés')} dans ce référentiel.`,
  untitled: '(sans énoncé)',
};
