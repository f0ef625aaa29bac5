# Exports: the status as .xlsx, the progress chart, the execution report .docx.
export-xlsx-summary = Summary
export-xlsx-plan = Plan
export-xlsx-total = Assignments
export-xlsx-done = Done
export-xlsx-open = Not done
export-xlsx-overdue = Overdue
export-xlsx-percent = % done
export-xlsx-pending = Reports awaiting review
export-xlsx-all = Total
export-xlsx-as-of = As of
export-xlsx-number = No.
export-xlsx-item = Item
export-xlsx-section = Section
export-xlsx-deadline = Deadline
export-xlsx-unit = Unit
export-xlsx-role = Role
export-xlsx-state = State
export-xlsx-days-late = Days overdue
export-xlsx-done-at = Done on
export-xlsx-done-by = Marked by
export-xlsx-review = Report review
export-xlsx-report = Report (files, links)
export-xlsx-comment = Comment
export-state-done = done
export-state-overdue = overdue
export-state-review = report awaiting review
export-state-returned = returned for rework
export-state-open = not done
export-review-pending = awaiting review
export-review-accepted = accepted
export-review-returned = returned
export-evidence-text = report text
export-and-more = …and { $count } more
export-docx-heading = Information on the execution of the plan
export-docx-as-of = as of { $date }
export-docx-number = No.
export-docx-title = Item
export-docx-deadline = Deadline
export-docx-executors = Responsible
export-docx-state = Execution
export-docx-when = Date done
export-docx-who = Done by
export-docx-evidence = Evidence
export-docx-no-assignments = no assignments
export-docx-overdue = not done, { $days } { $days ->
    [one] day
   *[other] days
} overdue
export-docx-done-of = done: { $done } of { $total }
export-docx-late = overdue:
export-docx-days = { $days } { $days ->
    [one] day
   *[other] days
}
export-docx-comment = comment: { $comment }
export-chart-title-units = Progress by unit
export-chart-title-sections = Progress by section
export-chart-subtitle = { $plan } · as of { $date }
export-chart-legend-done = done
export-chart-legend-overdue = overdue
export-chart-legend-open = not done
export-chart-caption = 📈 { $title }: { $plan }
export-chart-more = Showing { $shown } of { $total }, those with the lowest progress.
export-chart-other = By section
export-chart-other-units = By unit
export-xlsx-caption = ⬇ Plan status as of { $date }
export-docx-caption = 📄 Information on the execution of the plan as of { $date }
export-nothing = Nothing to export: no published plans with your units.
export-not-coordinator = Exports are for coordinators.
export-stale = This button is out of date: open /status again.
export-preparing = Preparing the file…
