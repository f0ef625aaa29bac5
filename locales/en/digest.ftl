# The daily digest (one message a working morning) and the coordinators' morning summary.
digest-greeting = Good morning! Deadlines for { $date }
digest-section-overdue = 🔴 Overdue
digest-section-gap = 🔴 Fell due over the weekend:
digest-section-today = 🟡 Today
digest-section-week = 🟡 This week
digest-section-opens = 🟢 Starts today
digest-section-new = 🆕 New deadlines
digest-section-confirm = 🔁 Confirm the work goes on in { $month }
digest-line-overdue = was due { $date } ({ $days } { $days ->
    [one] day
   *[other] days
} ago)
digest-line-gap = due { $date }
digest-line-today = due today
digest-line-week = by { $date } ({ $days ->
    [1] tomorrow
   *[other] in { $days } days
})
digest-line-opens = from today to { $date }
digest-line-new = by { $date }
digest-line-new-event = by { $date }, after «{ $event }»
digest-line-confirm = ongoing
digest-note-pending = 📎 report under review
digest-note-returned = ↩ report returned for rework
digest-more = …and { $count } more { $count ->
    [one] item
   *[other] items
} in «All tasks»
digest-button-done = ✅ { $n }
digest-button-report = 📎 { $n }
digest-button-confirm = 🔁 { $n }
digest-button-all = 📋 All tasks

summary-greeting = Summary for { $date }
summary-overdue = 🔴 Became overdue: { $count } { $count ->
    [one] item
   *[other] items
}{ $units ->
    [1] {""}
   *[other] {" "}for { $units } executors
}
summary-reports = 📎 Reports came in: { $count }{ $pending ->
    [0] {""}
   *[other] , awaiting review: { $pending }
}
summary-requests = 🙋 { $count } access { $count ->
    [one] request waits
   *[other] requests wait
} for a decision
summary-blocked = 🚫 Blocked the bot and get no messages: { $count }
summary-and-more = and { $count } more
summary-cut = …and { $count } more { $count ->
    [one] line
   *[other] lines
} — see /status
summary-button-status = 📊 Status
summary-button-overdue = 🔴 Overdue
