/** The first weaknesses.yaml of a new journal. */

/** The text of a new, commented weaknesses.yaml that explains the format. */
export function initialJournal(): string {
  return `# Debrief: the weaknesses your interviews revealed, and your plan for each.
#
# Each weakness has a stable id that interview files cite, e.g. in interviews/acme-backend.yaml:
#
#   weaknesses:
#     - weakness: thinking-aloud
#       round: 2            # 1 = the first entry of "rounds"
#       source: interviewer # or: self
#       quote: "We did not know what you were thinking."
#
# Where and when a weakness surfaced, how often, and whether it came back after you worked on it
# are computed from the interviews: never write them here.
#
# category: communication | technical | problem-solving | system-design | behavioral | domain
# status:   suspected | confirmed | improving | resolved
# improvements[].status: todo | doing | done | dropped  ("done" is the date you finished)
# improvements[].notes: workspace-relative paths of Markdown study notes
# Dates are written YYYY-MM-DD.

weaknesses:
  - id: thinking-aloud
    title: Going silent while solving
    category: communication
    status: suspected
    description: I stop talking while I think, and the interviewer loses track of my approach.
    improvements:
      - id: narrate-mock
        action: Do three mock interviews narrating every step out loud
        status: todo
        done-when: Three mocks in a row without a silence over 30 seconds
`;
}
