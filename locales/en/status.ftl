# /status, /overdue and reminders: what coordinators see of how plans stand.
status-home-title = 📊 Plans · as of { $date }
status-plan-title = 📊 <b>{ $title }</b> · as of { $date }
status-done-line = Done { $done } of { $total } ({ $percent } %)
status-overdue-part = overdue { $count }
status-pending-line = 📎 Reports awaiting review: { $count }
status-empty = 📊 No published plans with your units yet.
status-no-section = No section
status-nearest = Nearest deadlines:
status-nearest-line = 🟡 { $date } — { $number }. { $title } · not done: { $open }
status-by-sections = By section
status-by-roles = By role
status-by-units = By unit
status-btn-sections = By section
status-btn-roles = By role
status-btn-units = By unit
status-btn-overdue = 🔴 Overdue
status-btn-xlsx = ⬇ Excel
status-btn-chart = 📈 Chart
status-btn-docx = 📄 Execution report
status-btn-plans = ← All plans
status-btn-back = ← Back
status-btn-reports = 📎 Reports ({ $count })
status-btn-remind-item = 🔔 Remind those not done
status-btn-remind-all = 🔔 Remind all ({ $count })
status-btn-needs-on = 📎 Count only an accepted report
status-btn-needs-off = ✅ Count the done mark
status-needs-accepted = 📎 This item counts as done only with an accepted report.
status-needs-set-on = The item now counts as done only with an accepted report.
status-needs-set-off = The item now counts as done by its done mark.
status-configure-refused = Items are configured by coordinators of the whole deployment.
status-btn-open = 📂 Open { $n }
status-btn-my-tasks = 📋 My tasks
status-and-more = …and { $count } more
status-nothing = Nothing here yet.
status-nothing-late = Nothing overdue.
status-days = { $count } { $count ->
    [one] day
   *[other] days
}
status-late = { $count } { $count ->
    [one] day
   *[other] days
} overdue
status-occurrences = { $count } { $count ->
    [one] deadline
   *[other] deadlines
}
status-until = by { $date }
status-of = of
status-with-children = With units below: { $counts }
status-unit-overdue = 🔴 Overdue:
status-children = Units below:
status-waits-review = report awaiting review
status-not-done = Not done
status-item-none = None of your units has this item.
status-reports-line = Reports: { $count } · awaiting review: { $pending }
status-reports-title = 📎 Reports on item { $number } “{ $title }”
status-parts = { $count } { $count ->
    [one] attachment
   *[other] attachments
}
status-review-pending = ⏳ awaiting review
status-review-accepted = ✅ accepted
status-review-returned = ↩ returned
status-overdue-none = 🔴 Nothing overdue as of { $date }.
status-overdue-title = 🔴 Overdue as of { $date }: { $items } { $items ->
    [one] assignment
   *[other] assignments
} of { $units } { $units ->
    [one] unit
   *[other] units
}
status-reminder-title = 🔔 A reminder from the coordinator
status-reminder-unit = Not done for “{ $unit }”:
status-reminder-was-due = was due { $date } ({ $days } { $days ->
    [one] day
   *[other] days
} ago)
status-not-coordinator = Plan status is for coordinators. Your tasks are in /tasks.
status-stale = This button is out of date: open /status again.
status-no-access = This is outside your units.
status-item-not-found = No item { $number } in the published plans.
status-item-choose = Item { $number } is in several plans. Which one?
status-reminded = 🔔 Reminder sent to { $count } { $count ->
    [one] unit
   *[other] units
}.
status-reminded-skipped = Already reminded today: { $count }.
status-reminded-nobody = Nobody to remind: these units have no linked members.
status-reminded-none = Nobody to remind: everything is done.
