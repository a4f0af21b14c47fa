import { formatNumber, plural, type PickerStrings } from '../strings.js';

const n = (count: number, one: string, many: string) => plural(count, one, many, 'es');

const ASSOCIATIONS: Record<string, string> = {
  exactMatchOf: 'Igual a',
  'exactMatchOf:incoming': 'Igual a',
  isRelatedTo: 'Relacionado con',
  'isRelatedTo:incoming': 'Relacionado con',
  replacedBy: 'Reemplazado por',
  'replacedBy:incoming': 'Reemplaza a',
  precedes: 'Va antes de',
  'precedes:incoming': 'Va después de',
  exemplar: 'Tiene ejemplo',
  'exemplar:incoming': 'Ejemplo de',
  isPeerOf: 'Par de',
  'isPeerOf:incoming': 'Par de',
  isPartOf: 'Parte de',
  'isPartOf:incoming': 'Incluye',
  hasSkillLevel: 'Tiene nivel',
  'hasSkillLevel:incoming': 'Nivel de',
  isTranslationOf: 'Traducción de',
  'isTranslationOf:incoming': 'Tiene traducción',
  isChildOf: 'Hijo de',
  'isChildOf:incoming': 'Padre de',
};

/** Spanish strings, used when `lang` (or the page's language) is `es`. */
export const spanishStrings: PickerStrings = {
  pickerLabel: 'Selector de estándares de aprendizaje',
  frameworks: 'Marcos',
  frameworkFilter: 'Filtrar marcos',
  frameworkFilterPlaceholder: 'Filtrar por título, autor o materia',
  allSubjects: 'Todas las materias',
  allCreators: 'Todos los autores',
  allStatuses: 'Todos los estados',
  subject: 'Materia',
  creator: 'Autor',
  adoptionStatus: 'Estado de adopción',
  showRetired: 'Mostrar obsoletos y retirados',
  frameworkCount: (shown, total) =>
    shown === total ? n(total, 'marco', 'marcos') : `${formatNumber(shown, 'es')} de ${n(total, 'marco', 'marcos')}`,
  noFrameworks: 'Ningún marco coincide.',
  showMoreFrameworks: more => `Mostrar ${n(more, 'marco más', 'marcos más')}`,
  lastChange: date => `Actualizado el ${date}`,
  version: version => `Versión ${version}`,
  back: 'Todos los marcos',
  loadingFrameworks: 'Cargando marcos…',
  loadingFramework: 'Cargando el marco…',
  downloading: (mb, total) => (total ? `Descargando ${mb} de ${total} MB…` : `Descargando ${mb} MB…`),
  building: 'Construyendo el árbol y el índice de búsqueda…',
  frameworkLoaded: (title, count) => `${title} cargado, ${n(count, 'estándar', 'estándares')}.`,
  offline: age => `Sin conexión: se muestra la copia guardada ${age}.`,
  updatedInBackground: 'El proveedor actualizó este marco; se muestra la versión nueva.',
  search: 'Buscar estándares',
  searchPlaceholder: 'Código o palabras, p. ej. 4.NF.A.1 o fracciones',
  filters: 'Filtros',
  grade: 'Grado',
  gradeFrom: 'Grado (desde)',
  gradeTo: 'Grado (hasta)',
  allGrades: 'Todos los grados',
  itemType: 'Tipo',
  allItemTypes: 'Todos los tipos',
  gradeName: level => (level === 'KG' ? 'Kínder' : level === 'PK' ? 'Prekínder' : /^\d+$/.test(level) ? `Grado ${Number(level)}` : level),
  resultCount: (count, total) =>
    count === total ? n(total, 'resultado', 'resultados') : `${formatNumber(count, 'es')} de ${n(total, 'resultado', 'resultados')}`,
  noResults: query =>
    query
      ? `Ningún estándar coincide con «${query}». Revise la ortografía, pruebe con menos palabras o quite los filtros.`
      : 'Ningún estándar coincide con estos filtros.',
  showInTree: 'Mostrar en el árbol',
  searchScope: 'Buscar en',
  scopeFramework: 'Este marco',
  scopeEndpoint: count => (count > 1 ? `Todos los marcos guardados (${count})` : 'Todos los marcos guardados'),
  expandAll: 'Expandir todo',
  collapseAll: 'Contraer todo',
  otherItems: 'Otros elementos',
  details: 'Detalles',
  showDetails: 'Ver el detalle sin seleccionar',
  detailsEmpty: 'Enfoque un estándar para ver sus detalles.',
  statement: 'Enunciado',
  abbreviatedStatement: 'Enunciado breve',
  code: 'Código',
  type: 'Tipo',
  grades: 'Grados',
  keywords: 'Palabras clave',
  notes: 'Notas',
  language: 'Idioma',
  lastChanged: 'Última modificación',
  uri: 'URI de CASE',
  associations: 'Asociaciones',
  associationType: type => ASSOCIATIONS[type] ?? (type.startsWith('ext:') ? type.slice(4).replace(/:incoming$/, ' (inversa)') : type),
  externalResource: 'recurso externo',
  license: 'Licencia',
  validity: 'Vigencia',
  inEffect: (from, to) => (from && to ? `Del ${from} al ${to}` : from ? `Desde el ${from}` : `Hasta el ${to}`),
  outsideFramework: 'fuera de este marco',
  breadcrumb: 'Ruta',
  selectionEmpty: 'Ningún estándar seleccionado.',
  selectedCount: count => n(count, 'estándar seleccionado', 'estándares seleccionados'),
  remove: label => `Quitar ${label}`,
  clearSelection: 'Quitar todos',
  copy: 'Copiar',
  copyAll: 'Copiar todos',
  downloadCsv: 'Descargar CSV',
  downloadCommonCartridge: 'Descargar Common Cartridge',
  copied: 'Copiado al portapapeles.',
  copyFailed: 'El portapapeles no está disponible aquí.',
  added: label => `Seleccionado: ${label}.`,
  removed: label => `Quitado: ${label}.`,
  maxReached: max => `Puede seleccionar como máximo ${n(max, 'estándar', 'estándares')}. Quite uno para elegir otro.`,
  outdated: (status, replacement) =>
    status === 'replaced'
      ? replacement
        ? `Reemplazado por ${replacement}`
        : 'Reemplazado por un estándar más reciente'
      : status === 'deprecated'
        ? 'Obsoleto: ya no se alinea a él'
        : status === 'expired'
          ? 'Vencido: ya no está vigente'
          : 'No encontrado en el servicio de estándares',
  equivalents: 'Estándares equivalentes',
  findingEquivalents: 'Buscando estándares equivalentes…',
  equivalentRelation: relation => (relation === 'exact' ? 'Igual a' : 'Relacionado'),
  addEquivalent: label => `Añadir ${label}`,
  codesFound: (found, missing) =>
    `${plural(found, 'estándar', 'estándares', 'es')} con estos códigos.` +
    (missing.length ? ` Ningún estándar tiene el código ${missing.join(', ')}.` : ''),
  selectCodes: count => `Seleccionar todos (${plural(count, 'estándar', 'estándares', 'es')})`,
  addedMany: (count, leftOut) =>
    `${plural(count, 'estándar seleccionado', 'estándares seleccionados', 'es')}.` +
    (leftOut ? ` ${formatNumber(leftOut, 'es')} más no cabían en el límite.` : ''),
  selectBranch: (count, branch) => `Seleccionar los ${plural(count, 'estándar', 'estándares', 'es')} de ${branch}`,
  partlySelected: 'en parte seleccionado',
  suggestions: 'Sugerencias para este recurso',
  findingSuggestions: 'Buscando sugerencias…',
  suggestionsFallback: 'El servicio de sugerencias no respondió: estas sugerencias se hicieron en la página.',
  noSuggestions: 'Ningún estándar coincide todavía con la descripción de este recurso.',
  openPicker: count => (count ? 'Cambiar estándares' : 'Añadir estándares'),
  dialogTitle: 'Elegir estándares',
  done: 'Listo',
  showSelectedOnly: 'Mostrar solo la selección',
  backToList: 'Volver a la lista',
  endpointFailed: (provider, words) => `Faltan los marcos de ${provider}: ${words}`,
  provider: 'Proveedor',
  allProviders: 'Todos los proveedores',
  recent: 'Usados recientemente',
  recentItem: (label, framework) => `${label} (${framework})`,
  statusBadge: status => ({ replaced: 'Reemplazado', deprecated: 'Obsoleto', expired: 'Vencido', 'not-found': 'No encontrado' })[status],
  frameworkOutdated: status =>
    status === 'deprecated'
      ? 'Este marco está obsoleto o retirado: ya no se deben alinear contenidos a sus estándares. Busque su sucesor en la lista.'
      : 'Este marco ya no está vigente (su fecha de fin ha pasado). Busque su sucesor en la lista.',
  replaceWith: label => `Reemplazar por ${label}`,
  replacedWith: (old, replacement) => `${old} reemplazado por ${replacement}.`,
  resolving: 'Cargando…',
  notFound: identifier => `No encontrado: ${identifier}`,
  required: 'Seleccione al menos un estándar.',
  retry: 'Reintentar',
  errors: {
    network:
      'No se pudo contactar con el servidor de estándares. Compruebe la conexión (o la configuración CORS del servidor) e inténtelo de nuevo.',
    http: 'El servidor de estándares informó de un error. Inténtelo de nuevo en un momento.',
    auth: 'Este servicio de estándares necesita que inicie sesión a través del sistema de su centro. Si ya lo hizo, pida a su administrador que lo conecte.',
    'not-found': 'No se encontró este marco o estándar en el servidor.',
    parse: 'El servidor envió algo que no es JSON (¿una página de inicio de sesión o una dirección equivocada?).',
    'invalid-data': 'El servidor envió datos que no están en formato CASE.',
    storage: 'Este navegador no puede guardar los marcos sin conexión; se descargarán cada vez.',
  },
  noEndpoint: 'No hay ninguna dirección CASE definida.',
  diagnostics: skipped =>
    `${n(skipped, 'registro no se pudo usar y se omitió', 'registros no se pudieron usar y se omitieron')} en este marco.`,
  untitled: '(sin enunciado)',
};
