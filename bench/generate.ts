/** Synthetic, realistic journals for the benchmark (deterministic). */
import { OUTCOMES, ROUND_TYPES, STAGES, WEAKNESS_CATEGORIES, WEAKNESS_STATUSES } from '../src/core/model';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COMPANIES = ['Acme', 'Globex', 'Initech', 'Hooli', 'Umbrella', 'Stark Industries', 'Wayne Enterprises', 'Cyberdyne', 'Soylent', 'Tyrell', 'Wonka', 'Aperture', 'Black Mesa', 'Pied Piper', 'Massive Dynamic'];
const ROLES = ['Backend Engineer', 'Frontend Developer', 'Full-Stack Developer', 'Site Reliability Engineer', 'Data Engineer', 'Platform Engineer', 'Mobile Developer'];
const SOURCES = ['referral', 'linkedin', 'job-board', 'recruiter-outreach', 'company-site', 'meetup'];
const QUESTIONS = ['Merge overlapping intervals', 'Design an LRU cache', 'Design a URL shortener for 100M users', 'Tell me about a conflict with a teammate', 'Find the k most frequent words in a stream', 'Design a rate limiter', 'Explain how a hash map resizes', 'Walk me through a production incident you handled'];
const WORDS = ['clear', 'structured', 'silent', 'rushed', 'thorough', 'vague', 'confident', 'nervous', 'concise', 'rambling', 'the design', 'edge cases', 'complexity', 'testing'];

function date(r: () => number, start: number, spanDays: number): string {
  return new Date(start + Math.floor(r() * spanDays) * 86400000).toISOString().slice(0, 10);
}

export interface Journal {
  files: Map<string, string>;
  notes: Set<string>;
  weaknessIds: string[];
  totalBytes: number;
}

export function generateJournal(interviews: number, weaknesses = 300, seed = 42): Journal {
  const r = rng(seed);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(r() * a.length)];
  const files = new Map<string, string>();
  const notes = new Set<string>();
  const wIds: string[] = [];
  let w = '# Generated journal\nweaknesses:\n';
  for (let i = 0; i < weaknesses; i++) {
    const id = `weakness-${i}-${pick(WORDS).replace(/ /g, '-')}`;
    wIds.push(id);
    w += `  - id: ${id}\n    title: ${pick(WORDS)} ${pick(WORDS)} ${i}\n    category: ${pick(WEAKNESS_CATEGORIES)}\n    status: ${pick(WEAKNESS_STATUSES)}\n    description: Tends to be ${pick(WORDS)} when ${pick(WORDS)} matters.\n    improvements:\n`;
    const items = 1 + Math.floor(r() * 3);
    for (let j = 0; j < items; j++) {
      const done = r() < 0.3;
      const note = `notes/w${i}-${j}.md`;
      notes.add(note);
      w += `      - id: item-${j}\n        action: Practice ${pick(WORDS)} answers, round ${j}\n        status: ${done ? 'done' : pick(['todo', 'doing', 'dropped'])}\n        due: ${date(r, Date.UTC(2024, 0, 1), 700)}\n`;
      if (done) w += `        done: ${date(r, Date.UTC(2024, 0, 1), 700)}\n`;
      w += `        done-when: Three mocks without ${pick(WORDS)}\n        notes:\n          - ${note}\n`;
    }
  }
  files.set('debrief/weaknesses.yaml', w);
  for (let n = 0; n < interviews; n++) {
    const company = pick(COMPANIES);
    const id = `${company.toLowerCase().replace(/ /g, '-')}-${n}`;
    const applied = Date.UTC(2023, 0, 1) + Math.floor(r() * 900) * 86400000;
    const a = new Date(applied).toISOString().slice(0, 10);
    let t = `# ${company}: application ${n}\nid: ${id}\ncompany: ${company}\nrole: ${pick(ROLES)}\napplied: ${a}\nsource: ${pick(SOURCES)}\nstage: ${pick(STAGES)}\noutcome: ${pick(OUTCOMES)}\n`;
    const rounds = Math.floor(r() * 5);
    if (rounds) t += 'rounds:\n';
    for (let k = 0; k < rounds; k++) {
      t += `  - type: ${pick(ROUND_TYPES)}\n    date: ${date(r, applied + (k + 1) * 7 * 86400000, 6)}\n    interviewers: [${pick(['Sam', 'Lee', 'Priya', 'Chen', 'Alex'])}, ${pick(['Morgan', 'Dana', 'Kim'])}]\n    rating: ${1 + Math.floor(r() * 5)}\n    questions:\n      - ${pick(QUESTIONS)}\n      - ${pick(QUESTIONS)}\n`;
      if (r() < 0.5) t += `    went-well: Stayed ${pick(WORDS)} on ${pick(WORDS)}\n`;
      if (r() < 0.5) t += `    went-badly: Was ${pick(WORDS)} about ${pick(WORDS)}\n`;
    }
    if (r() < 0.6) {
      t += `feedback:\n  requested: ${date(r, applied + 40 * 86400000, 3)}\n`;
      if (r() < 0.6) t += `  received: ${date(r, applied + 45 * 86400000, 10)}\n  summary: The interviewers found me ${pick(WORDS)} and ${pick(WORDS)}.\n  quotes:\n    - "You were ${pick(WORDS)} on ${pick(WORDS)}."\n`;
    }
    const cites = Math.floor(r() * 4);
    if (cites) t += 'weaknesses:\n';
    for (let c = 0; c < cites; c++) {
      t += `  - weakness: ${pick(wIds)}\n`;
      if (rounds) t += `    round: ${1 + Math.floor(r() * rounds)}\n`;
      t += `    source: ${pick(['interviewer', 'self'])}\n`;
      if (r() < 0.5) t += `    quote: Seemed ${pick(WORDS)}.\n`;
    }
    if (r() < 0.4) t += `next:\n  action: Follow up with the recruiter\n  due: ${date(r, applied + 60 * 86400000, 10)}\n`;
    t += `tags: [${pick(['remote', 'hybrid', 'onsite'])}, ${pick(['fintech', 'saas', 'games', 'health'])}]\n`;
    if (r() < 0.3) t += `notes: |\n  Met ${pick(['Sam', 'Lee'])} at a meetup before applying.\n  Salary band discussed early.\n`;
    files.set(`debrief/interviews/${id}.yaml`, t);
  }
  let totalBytes = 0;
  for (const t of files.values()) totalBytes += Buffer.byteLength(t);
  return { files, notes, weaknessIds: wIds, totalBytes };
}
