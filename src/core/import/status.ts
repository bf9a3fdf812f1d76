/**
 * Status words of spreadsheets and trackers ("Rejected", "Absage", "No response 🔕", "Interviewing",
 * "Offer", "I withdrew", …) → Debrief's outcome, and the stage they imply when it is beyond applied.
 */
import { OUTCOMES, Outcome, Stage, STAGES } from '../model';
import { normalizeWords } from './words';

export interface StatusMeaning {
  outcome: Outcome;
  /** How far the application got, when the word says so (never `applied`: that is the default). */
  stage?: Stage;
  /** Saved or planned, not sent yet ("Wishlist", "Bookmarked"): not an application to import. */
  notApplied?: boolean;
}

type Meaning = { outcome?: Outcome; stage?: Stage; notApplied?: boolean };

/**
 * Phrases as people and trackers (Huntr's lists, Teal's statuses, LinkedIn) write them, in English,
 * German (with Swiss usage: "hängig", "Anstellung"), French, Spanish, Dutch, Swedish and Turkish.
 */
const PHRASES: [Meaning, string[]][] = [
  [{ notApplied: true }, ['wishlist', 'wish list', 'bookmarked', 'bookmark', 'saved', 'applying', 'to apply', 'not applied', 'not yet applied', 'interested', 'planned', 'draft', 'Merkliste', 'gemerkt', 'vorgemerkt', 'geplant', 'noch nicht beworben', 'Entwurf',
    'à postuler', 'sauvegardée', 'por aplicar', 'guardada', 'guardado', 'opgeslagen', 'nog solliciteren', 'sparad', 'sparat', 'kaydedildi']],
  [{ outcome: 'pending' }, ['applied', 'application sent', 'sent', 'submitted', 'pending', 'waiting', 'awaiting response', 'awaiting', 'in review', 'under review', 'in progress', 'open', 'active', 'ongoing', 'not contacted', 'no reply yet', 'acknowledged',
    'beworben', 'Bewerbung versendet', 'gesendet', 'versendet', 'verschickt', 'offen', 'in Bearbeitung', 'Eingangsbestätigung', 'eingegangen', 'warten', 'wartend', 'ausstehend', 'läuft', 'laufend', 'hängig', 'pendent', 'in Prüfung',
    'candidature envoyée', 'envoyée', 'envoyé', 'postulé', 'en attente', 'en cours', 'enviada', 'enviado', 'aplicado', 'postulado', 'pendiente', 'en proceso', 'gesolliciteerd', 'verstuurd', 'in behandeling', 'afwachten',
    'ansökt', 'skickad', 'väntar', 'pågående', 'başvuruldu', 'beklemede', 'değerlendirmede']],
  [{ outcome: 'pending', stage: 'screening' }, ['screening', 'screen', 'phone screen', 'phone screening', 'phone interview', 'phone call', 'interview', 'interviews', 'interviewing', 'interviewed', 'interview scheduled', 'invited', 'invitation', 'in interview',
    'Telefoninterview', 'Telefonat', 'Telefongespräch', 'Vorstellungsgespräch', 'Einladung', 'eingeladen', 'Einladung zum Vorstellungsgespräch', 'Gespräch', 'Bewerbungsgespräch', 'Interview vereinbart',
    'entretien', 'entretien prévu', 'entrevista', 'sollicitatiegesprek', 'gesprek', 'uitgenodigd', 'intervju', 'kallad till intervju', 'mülakat', 'görüşme']],
  [{ outcome: 'pending', stage: 'recruiter' }, ['recruiter', 'recruiter call', 'recruiter screen', 'recruiter interview', 'HR interview', 'HR call', 'HR Gespräch', 'Personalgespräch', 'Erstgespräch', 'Kennenlerngespräch', 'first interview', 'first round']],
  [{ outcome: 'pending', stage: 'coding' }, ['coding', 'coding interview', 'live coding', 'technical', 'technical interview', 'technical screen', 'tech interview', 'technisches Interview', 'technisches Gespräch', 'Fachgespräch', 'Fachinterview', 'entretien technique', 'entrevista técnica']],
  [{ outcome: 'pending', stage: 'take-home' }, ['take home', 'take home assignment', 'take home test', 'assignment', 'home assignment', 'coding challenge', 'challenge', 'case study', 'test task', 'assessment', 'online assessment', 'Probeaufgabe', 'Testaufgabe', 'Fallstudie', 'Hausaufgabe']],
  [{ outcome: 'pending', stage: 'system-design' }, ['system design', 'system design interview', 'architecture interview', 'design interview', 'Systemdesign']],
  [{ outcome: 'pending', stage: 'behavioral' }, ['behavioral', 'behavioural', 'behavioral interview', 'culture fit', 'team fit', 'values interview', 'hiring manager', 'hiring manager interview']],
  [{ outcome: 'pending', stage: 'onsite' }, ['onsite', 'on site', 'final', 'final round', 'final interview', 'final interviews', 'panel', 'loop', 'superday', 'Zweitgespräch', 'zweites Gespräch', 'zweites Vorstellungsgespräch', 'finale Runde', 'letzte Runde', 'Assessment Center', 'Probearbeiten', 'Probetag', 'Schnuppertag', 'Hospitation']],
  [{ outcome: 'offer', stage: 'offer' }, ['offer', 'offered', 'offer received', 'negotiating', 'negotiation', 'Angebot', 'Vertragsangebot', 'Jobangebot', 'Zusage', 'Verhandlung', 'Vertrag erhalten', 'offre', 'proposition', 'oferta', 'aanbod', 'erbjudande', 'teklif']],
  [{ outcome: 'accepted', stage: 'offer' }, ['accepted', 'offer accepted', 'accepted offer', 'hired', 'signed', 'angenommen', 'Zusage angenommen', 'Angebot angenommen', 'eingestellt', 'Anstellung', 'Vertrag unterschrieben', 'unterschrieben',
    'acceptée', 'embauché', 'aceptada', 'contratado', 'aangenomen', 'anställd', 'accepterat', 'işe alındı']],
  [{ outcome: 'declined', stage: 'offer' }, ['declined', 'offer declined', 'declined offer', 'turned down offer', 'I declined', 'Angebot abgelehnt', 'Zusage abgelehnt', 'offre refusée', 'oferta rechazada', 'aanbod afgewezen']],
  [{ outcome: 'rejected' }, ['rejected', 'rejection', 'reject', 'declined by company', 'declined by employer', 'not selected', 'not selected by employer', 'no offer', 'unsuccessful', 'not successful', 'denied', 'refused', 'turned down', 'no current opportunity',
    'Absage', 'abgesagt', 'abgelehnt', 'nicht erfolgreich', 'nicht ausgewählt', 'negativ', 'refus', 'refusé', 'refusée', 'non retenu', 'rechazado', 'rechazada', 'no seleccionado', 'afgewezen', 'afwijzing', 'avslag', 'nekad', 'reddedildi', 'olumsuz']],
  [{ outcome: 'ghosted' }, ['ghosted', 'no response', 'no reply', 'no answer', 'no news', 'never heard back', 'no feedback', 'unanswered', 'silence', 'keine Antwort', 'keine Rückmeldung', 'keine Reaktion', 'ohne Antwort', 'ohne Rückmeldung',
    'pas de réponse', 'sans réponse', 'sin respuesta', 'geen reactie', 'geen antwoord', 'inget svar', 'yanıt yok', 'cevap yok']],
  [{ outcome: 'withdrawn' }, ['withdrawn', 'withdrew', 'I withdrew', 'withdraw', 'not interested', 'no longer interested', 'dropped out', 'not pursued', 'closed by', 'zurückgezogen', 'Bewerbung zurückgezogen', 'kein Interesse', 'selbst abgesagt',
    'retirée', 'désisté', 'retirada', 'teruggetrokken', 'återkallad', 'geri çekildi']],
  [{ outcome: 'role-closed' }, ['role closed', 'position closed', 'job closed', 'posting closed', 'application closed', 'position filled', 'role filled', 'filled', 'closed by company', 'no longer available', 'hiring freeze', 'cancelled', 'canceled',
    'Stelle besetzt', 'besetzt', 'anderweitig besetzt', 'Stelle vergeben', 'vergeben', 'Stelle gestrichen', 'Ausschreibung beendet', 'nicht mehr verfügbar', 'poste pourvu', 'vacante cubierta', 'vacature vervuld', 'tjänsten tillsatt', 'pozisyon kapandı']],
];

/**
 * Every phrase, normalized, by its first word, longest first: a longer phrase ("no offer") wins over
 * the words in it ("offer"). Looked up by first word, so reading a text is linear in its words.
 */
const BY_FIRST_WORD = new Map<string, { words: string[]; meaning: Meaning }[]>();
for (const entry of PHRASES
  .flatMap(([meaning, phrases]) => phrases.map((p) => ({ words: normalizeWords(p).split(' '), meaning })))
  .concat(OUTCOMES.map((o) => ({ words: normalizeWords(o).split(' '), meaning: { outcome: o } })))
  .sort((a, b) => b.words.length - a.words.length)) {
  const list = BY_FIRST_WORD.get(entry.words[0]);
  if (list) list.push(entry);
  else BY_FIRST_WORD.set(entry.words[0], [entry]);
}

/** The later of two stages in the order of a process. */
export function furtherStage(a: Stage | undefined, b: Stage | undefined): Stage | undefined {
  if (!a) return b;
  if (!b) return a;
  return STAGES.indexOf(a) >= STAGES.indexOf(b) ? a : b;
}

/**
 * What a status text means, or undefined when no word of it is known. An outcome other than pending
 * wins over pending ("Rejected after interview" is rejected, after the screening stage); the stage is
 * the furthest one named.
 */
export function readStatus(text: string): StatusMeaning | undefined {
  const words = normalizeWords(text).split(' ').filter(Boolean);
  if (!words.length) return undefined;
  const found: Meaning[] = [];
  // From left to right, the longest phrase that starts at each word; its words are not read again.
  for (let i = 0; i < words.length;) {
    const match = BY_FIRST_WORD.get(words[i])?.find(({ words: phrase }) => i + phrase.length <= words.length && phrase.every((w, k) => words[i + k] === w));
    if (!match) {
      i++;
      continue;
    }
    found.push(match.meaning);
    i += match.words.length;
  }
  if (!found.length) return undefined;
  const outcome = found.find((m) => m.outcome && m.outcome !== 'pending')?.outcome ?? found.find((m) => m.outcome)?.outcome;
  let stage: Stage | undefined;
  for (const m of found) stage = furtherStage(stage, m.stage);
  if (!outcome) return { outcome: 'pending', notApplied: true };
  return { outcome, ...(stage && stage !== 'applied' ? { stage } : {}) };
}

/** A stage named in a "stage" column: its own name or a status word that implies one. */
export function readStage(text: string): { stage?: Stage } | undefined {
  const n = normalizeWords(text);
  const own = STAGES.find((s) => normalizeWords(s) === n);
  if (own) return own === 'applied' ? {} : { stage: own };
  const m = readStatus(text);
  if (!m || m.notApplied) return undefined;
  return m.stage ? { stage: m.stage } : m.outcome === 'pending' ? {} : undefined;
}
