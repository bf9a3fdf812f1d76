/** The first weaknesses.yaml of a new journal: no weakness yet, and an example in comments only. */

/** The text of a new, commented weaknesses.yaml that explains the format. */
export function initialJournal(): string {
  return `# Debrief: the weaknesses your interviews revealed, and your plan for each.
#
# Add one when an interview shows it (or run "Debrief: Add Weakness"). An example, to copy without
# the leading "# " once it is yours:
#
#   - id: thinking-aloud
#     title: Going silent while solving
#     category: communication  # technical, problem-solving, system-design, behavioral, domain
#     status: suspected        # then confirmed, improving, resolved
#     description: I stop talking while I think, and the interviewer loses track of my approach.
#     improvements:
#       - id: narrate-mock
#         action: Do three mock interviews narrating every step out loud
#         status: todo         # todo, doing, done, dropped
#         due: 2026-01-15      # dates are written YYYY-MM-DD
#         done-when: Three mocks in a row without a silence over 30 seconds
#         notes:
#           - notes/thinking-aloud.md   # a Markdown study note in the workspace
#
# Once an item's status is done, Debrief adds "done:" with the date you finished it.
#
# Interview files cite a weakness by its id, e.g. in interviews/acme-backend.yaml:
#
#   weaknesses:
#     - weakness: thinking-aloud
#       round: 2               # 1 = the first entry of "rounds"
#       source: interviewer    # or: self
#
# Where and when a weakness showed, how often, and whether the work on it paid off are worked out
# from the interviews: never write them here.

weaknesses: []
`;
}
