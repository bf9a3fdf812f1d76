/** The text of a new journal's weaknesses.yaml. */
export function initialWeaknessesText(): string {
  return [
    '# Debrief journal: the weaknesses you are working on.',
    '# Interviews live next to this file, one per file, in interviews/<id>.yaml.',
    '#',
    '# Each weakness has an id (referenced from interviews), a title, a category',
    '# (communication, technical, problem-solving, system-design, behavioral, domain),',
    '# a status (suspected, confirmed, improving, resolved) and improvement items.',
    '#',
    '# weaknesses:',
    '#   - id: rambling-answers',
    '#     title: Answers run long and lose the question',
    '#     category: communication',
    '#     status: suspected',
    '#     improvements:',
    '#       - id: star-practice',
    '#         action: Practise STAR answers out loud, two minutes each',
    '#         status: todo',
    '#         due: 2026-12-15',
    '#         notes:',
    '#           - notes/star-answers.md',
    'weaknesses: []',
    '',
  ].join('\n');
}
