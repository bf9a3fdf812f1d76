/**
 * Header names → Debrief's fields. Names are compared after folding (foldHeader): any case, accents,
 * punctuation, `snake_case` and `camelCase`, plurals and stray spaces, so "Companies Name",
 * "company_name" and "CompanyName" are one name. The vocabulary holds what job-search spreadsheets
 * and trackers write in English, German (with Swiss usage: "Titel", "Stelle als", "Resultat"),
 * French, Spanish, Dutch, Swedish and Turkish.
 */
import type { Field, Preset } from './types';
import { FIELDS } from './types';
import { hasWords, normalizeWords } from './words';

/** One word without its plural ending: companies → company, notes → note, status stays status. */
function singular(word: string): string {
  if (word.length < 4 || word.endsWith('ss') || word.endsWith('us') || word.endsWith('is')) return word;
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (/(x|ch|sh)es$/.test(word)) return word.slice(0, -2);
  return word.endsWith('s') ? word.slice(0, -1) : word;
}

/** A header as compared: normalized words (words.ts), each without its plural ending. */
export function foldHeader(header: string): string {
  const words = normalizeWords(header);
  return words ? words.split(' ').map(singular).join(' ') : '';
}

interface Synonyms {
  /** Header names that mean this field on their own. */
  exact: string[];
  /** Words that point to this field wherever they stand in a longer header ("Name of the company"). */
  contains: string[];
}

const SYNONYMS: Record<Field, Synonyms> = {
  company: {
    exact: [
      'company', 'company name', 'employer', 'employer name', 'organization', 'organisation', 'firm', 'business', 'hiring company',
      'Firma', 'Firmenname', 'Unternehmen', 'Unternehmensname', 'Arbeitgeber', 'Betrieb', 'Arbeitgeber Name Anschrift', 'Firma Adresse',
      'entreprise', 'société', 'employeur', 'nom de l entreprise', 'empresa', 'compañía', 'empleador', 'nombre de la empresa',
      'bedrijf', 'bedrijfsnaam', 'werkgever', 'organisatie', 'företag', 'företagsnamn', 'arbetsgivare', 'şirket', 'şirket adı', 'kurum', 'işveren',
    ],
    contains: ['company', 'employer', 'Firma', 'Unternehmen', 'Arbeitgeber', 'entreprise', 'empresa', 'bedrijf', 'werkgever', 'företag', 'şirket'],
  },
  role: {
    exact: [
      'role', 'position', 'job', 'job title', 'title', 'job position', 'position title', 'role title', 'job role', 'vacancy', 'opening', 'position applied for',
      'Stelle', 'Stelle als', 'Stellenbezeichnung', 'Berufsbezeichnung', 'Tätigkeit', 'Jobtitel', 'Beruf', 'Stellentitel', 'Stelle Tätigkeit', 'Angestrebte Tätigkeit', 'Titel', 'Funktion',
      'poste', 'intitulé du poste', 'intitulé', 'fonction', 'emploi', 'métier', 'puesto', 'cargo', 'vacante', 'posición', 'título del puesto',
      'functie', 'functietitel', 'vacature', 'rol', 'tjänst', 'roll', 'befattning', 'tjänstetitel', 'yrke', 'pozisyon', 'pozisyon adı', 'unvan', 'görev', 'iş',
    ],
    contains: ['job title', 'position', 'role', 'Stelle', 'Stellenbezeichnung', 'Tätigkeit', 'poste', 'puesto', 'functie', 'tjänst', 'pozisyon'],
  },
  applied: {
    exact: [
      'date applied', 'applied', 'applied on', 'applied at', 'applied date', 'application date', 'date of application', 'date', 'submitted', 'submitted on', 'date submitted', 'sent on', 'date sent',
      'Datum', 'Bewerbungsdatum', 'beworben am', 'Datum der Bewerbung', 'Bewerbung am', 'Bewerbung vom', 'eingereicht am', 'versendet am', 'gesendet am', 'Versanddatum',
      'date de candidature', 'date d envoi', 'envoyée le', 'postulé le', 'fecha', 'fecha de solicitud', 'fecha de postulación', 'fecha de aplicación', 'fecha de envío',
      'datum sollicitatie', 'sollicitatiedatum', 'verstuurd op', 'ansökningsdatum', 'datum för ansökan', 'ansökt', 'başvuru tarihi', 'tarih',
    ],
    contains: ['date applied', 'applied on', 'application date', 'Bewerbungsdatum', 'beworben am', 'Datum der Bewerbung', 'date de candidature', 'fecha de postulación', 'sollicitatiedatum', 'ansökningsdatum', 'başvuru tarihi'],
  },
  source: {
    exact: [
      'source', 'how applied', 'applied via', 'applied through', 'channel', 'via', 'platform', 'job board', 'found on', 'found via', 'application method', 'method', 'origin',
      'Quelle', 'Art der Bewerbung', 'Bewerbungsart', 'Bewerbungsweg', 'Kanal', 'über', 'Plattform', 'Jobbörse', 'Fundstelle', 'beworben über', 'Bewerbungsform', 'Form der Bewerbung',
      'canal', 'plateforme', 'moyen', 'fuente', 'origen', 'plataforma', 'medio', 'bron', 'kanaal', 'källa', 'kaynak', 'platform',
    ],
    contains: ['source', 'channel', 'how applied', 'Quelle', 'Bewerbungsart', 'Art der Bewerbung', 'Bewerbungsweg', 'Bewerbungsform'],
  },
  status: {
    exact: [
      'status', 'outcome', 'result', 'state', 'response', 'progress', 'application status', 'current status', 'list', 'list name',
      'Ergebnis', 'Resultat', 'Stand', 'Rückmeldung', 'Antwort', 'Ausgang', 'Reaktion', 'Stand der Bewerbung', 'Bewerbungsstatus',
      'statut', 'état', 'résultat', 'réponse', 'estado', 'resultado', 'respuesta', 'resultaat', 'reactie', 'uitkomst', 'svar', 'läge', 'durum', 'sonuç',
    ],
    contains: ['status', 'outcome', 'Ergebnis', 'Rückmeldung', 'statut', 'estado', 'durum'],
  },
  stage: {
    exact: ['stage', 'furthest stage', 'stage reached', 'phase', 'pipeline stage', 'interview stage', 'Stufe', 'Bewerbungsphase', 'erreichte Phase', 'étape', 'etapa', 'fase', 'fas', 'aşama'],
    contains: ['stage', 'Phase'],
  },
  rounds: {
    exact: [
      'rounds', 'interview rounds', 'interviews', 'interview dates', 'number of interviews', 'interview count', 'Runden', 'Gespräche', 'Vorstellungsgespräche', 'Gesprächstermine', 'Termine',
      'entretiens', 'entrevistas', 'gesprekken', 'intervjuer', 'mülakatlar', 'görüşme sayısı', 'mülakat sayısı', 'Anzahl Gespräche', 'nombre d entretiens',
    ],
    contains: ['rounds', 'interviews', 'interview count', 'Runden', 'Gespräche', 'Vorstellungsgespräche'],
  },
  feedback: {
    exact: [
      'feedback', 'feedback received', 'rejection reason', 'reason', 'reason for rejection', 'why rejected', 'Feedback erhalten', 'Absagegrund', 'Begründung', 'Grund',
      'retour', 'retours', 'motif', 'motif du refus', 'raison', 'motivo', 'motivo del rechazo', 'terugkoppeling', 'reden', 'reden afwijzing', 'återkoppling', 'geri bildirim',
    ],
    contains: ['feedback', 'rejection reason', 'Absagegrund'],
  },
  notes: {
    exact: [
      'notes', 'note', 'comments', 'comment', 'remarks', 'remark', 'details', 'memo',
      'Notizen', 'Notiz', 'Bemerkung', 'Bemerkungen', 'Kommentar', 'Kommentare', 'Anmerkung', 'Anmerkungen', 'Hinweise', 'Sonstiges',
      'remarques', 'commentaires', 'observations', 'notas', 'comentarios', 'observaciones', 'opmerkingen', 'notities', 'anteckningar', 'kommentarer', 'notlar', 'açıklama', 'yorum',
    ],
    contains: ['notes', 'comments', 'Notizen', 'Bemerkung', 'Bemerkungen', 'Kommentar', 'Anmerkungen', 'remarques', 'notas', 'opmerkingen', 'anteckningar', 'notlar'],
  },
  link: {
    exact: [
      'link', 'url', 'job link', 'job url', 'posting', 'posting url', 'job posting', 'job ad', 'listing', 'listing url', 'website',
      'Stellenanzeige', 'Anzeige', 'Link zur Stellenanzeige', 'Webseite', 'Internetadresse', 'Inserat',
      'lien', 'annonce', 'lien de l annonce', 'enlace', 'anuncio', 'vacaturelink', 'länk', 'annons', 'bağlantı', 'ilan',
    ],
    contains: ['url', 'link', 'Stellenanzeige', 'lien', 'enlace', 'länk'],
  },
  contact: {
    exact: [
      'contact', 'contact person', 'contact name', 'recruiter', 'hiring manager', 'contact email', 'email', 'e mail', 'referrer',
      'Ansprechpartner', 'Ansprechpartnerin', 'Ansprechpartner in', 'Kontakt', 'Kontaktperson', 'Ansprechperson',
      'interlocuteur', 'recruteur', 'contacto', 'persona de contacto', 'reclutador', 'contactpersoon', 'kontaktperson', 'rekryterare', 'iletişim', 'ilgili kişi',
    ],
    contains: ['contact', 'recruiter', 'Ansprechpartner', 'Kontakt', 'contacto', 'contactpersoon'],
  },
  tags: {
    exact: ['tags', 'tag', 'labels', 'label', 'keywords', 'categories', 'category', 'Schlagworte', 'Schlagwörter', 'Stichworte', 'Kategorie', 'Kategorien', 'étiquettes', 'mots clés', 'etiquetas', 'etiketten', 'taggar', 'etiketler'],
    contains: ['tags', 'labels'],
  },
};

const FOLDED: Record<Field, { exact: Set<string>; contains: string[] }> = Object.fromEntries(FIELDS.map((f) => [f, {
  exact: new Set(SYNONYMS[f].exact.map(foldHeader)),
  contains: SYNONYMS[f].contains.map(foldHeader),
}])) as Record<Field, { exact: Set<string>; contains: string[] }>;

/** How strongly a (folded) header names a field: 3 its own name, 1 a word of it, 0 not at all. */
function scoreFolded(h: string, field: Field): number {
  if (!h) return 0;
  if (FOLDED[field].exact.has(h)) return 3;
  return FOLDED[field].contains.some((w) => hasWords(h, w)) ? 1 : 0;
}

/** How strongly a header names a field: 3 its own name, 1 a word of it, 0 not at all. */
export function headerScore(header: string, field: Field): number {
  return scoreFolded(foldHeader(header), field);
}

/** Headers that name a person or a way to reach one: a column of them holding one value in every row is the user's own. */
const PERSON_WORDS = ['contact', 'email', 'e mail', 'mail', 'phone', 'phone number', 'mobile', 'first name', 'last name', 'full name', 'creator', 'user', 'owner', 'applicant', 'candidate',
  'Kontakt', 'Telefon', 'Handy', 'Vorname', 'Nachname', 'Bewerber', 'téléphone', 'prénom', 'teléfono', 'telefoon', 'telefon', 'soyad'].map(foldHeader);
const PERSON_NAMES = new Set(['name', 'nom', 'nombre', 'naam', 'namn', 'ad soyad'].map(foldHeader));

export function namesPerson(header: string): boolean {
  const h = foldHeader(header);
  return PERSON_NAMES.has(h) || PERSON_WORDS.some((w) => hasWords(h, w));
}

/** Headers of dates that are not the date applied: a deadline, a follow-up, an update, an interview or a reply. */
const OTHER_DATE_WORDS = ['saved', 'bookmarked', 'gemerkt', 'deadline', 'due', 'follow up', 'followup', 'next', 'updated', 'update', 'modified', 'last', 'moved', 'reminder', 'interview', 'response', 'reply', 'rejection', 'closed', 'offer', 'birth', 'expires', 'expiry', 'start',
  'Frist', 'Bewerbungsfrist', 'Nachfassen', 'Absage', 'Zusage', 'Vorstellungsgespräch', 'Eingangsbestätigung', 'Antwort', 'Rückmeldung', 'Einladung', 'Gespräch', 'Eintritt',
  'relance', 'entretien', 'réponse', 'limite', 'seguimiento', 'entrevista', 'respuesta', 'límite', 'opvolgen', 'gesprek', 'reactie', 'uppföljning', 'intervju', 'svar', 'sista'].map(foldHeader);

export function namesOtherDate(header: string): boolean {
  const h = foldHeader(header);
  return OTHER_DATE_WORDS.some((w) => hasWords(h, w));
}

/** How many cells of a row read like column names (to find the header row), a preset's own names included. */
export function headerLikeness(cells: readonly string[], preset?: Preset): number {
  const presetNames = new Set(Object.values(preset?.columns ?? {}).flat().map(foldHeader));
  let n = 0;
  for (const c of cells) {
    if (c.length > 100) continue; // a value, not a column name
    const h = foldHeader(c);
    if (h && (presetNames.has(h) || FIELDS.some((f) => scoreFolded(h, f) > 0))) n++;
  }
  return n;
}
