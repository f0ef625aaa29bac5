# Plans in chat: upload, preview, fixing unreadable deadlines, publishing, replacing, /plans.
plans-untitled = (untitled)
plans-period-school = school year { $start }/{ $end }
plans-preview-period = Period: { $period }
plans-preview-items = { $count } { $count ->
    [one] item
   *[other] items
}
plans-preview-in-sections = in { $count } { $count ->
    [one] section
   *[other] sections
}
plans-preview-roles = { $count } executor { $count ->
    [one] role
   *[other] roles
}
plans-preview-deadlines = Deadlines: { $kinds }
plans-kind-dated = { $count } dated
plans-kind-recurring = { $count } recurring
plans-kind-continuous = { $count } ongoing
plans-kind-relative = { $count } after an event
plans-kind-on_demand = { $count } on demand
plans-kind-none = { $count } without a deadline
plans-kind-unparsed = not read: { $count }
plans-warning-item = Item { $number }: { $message }
plans-warnings-more = …and { $count } more { $count ->
    [one] warning
   *[other] warnings
}
plans-preview-same-title = ℹ A plan with this title is already published ({ $date }). When you publish, I will offer to replace it: marks on unchanged items are kept.

plans-btn-publish = ✅ Publish
plans-btn-fix = ✏ Fix deadlines
plans-btn-cancel = ✖ Cancel
plans-btn-replace-pick = 🔁 Replace another plan
plans-btn-replace = 🔁 Replace the published plan
plans-btn-publish-new = ➕ Publish as a separate plan
plans-btn-back = ← Back

plans-replace-same-title = The plan “{ $old }” is already published ({ $date }). Replace it with the new version?
plans-replace-question = Replace the published plan “{ $old }” ({ $date }) with “{ $title }”?
plans-replace-keeps = Marks, comments and reports on items that did not change (same number, title and deadline) are kept. Changed items open again.
plans-pick-title = Which published plan should be replaced?
plans-pick-none = There are no published plans to replace.

plans-published-answer = Published
plans-replaced-answer = Plan replaced
plans-published-title = ✅ Plan published: “{ $title }”
plans-replaced-title = 🔁 Plan replaced by the new version: “{ $title }”
plans-replaced-kept = Unchanged: { $unchanged } { $unchanged ->
    [one] item
   *[other] items
}, marks kept: { $marks }
plans-replaced-changes = Changed: { $changed } (open again) · new: { $added } · removed: { $removed }
plans-replaced-reports = Reports moved over: { $count }
plans-published-roles = Executor roles: { $count }{ $created ->
    [0] {""}
   *[other] {" "}(new: { $created })
}
plans-published-assignments = Assigned to executors: { $count }
plans-published-waiting = Waiting for an event: { $count } { $count ->
    [one] item
   *[other] items
} — record the event's date with /event
plans-published-invite = Invite the executors of the new roles: /invite

plans-cancelled-answer = Draft cancelled
plans-cancelled = ✖ Draft cancelled. To upload the plan, send the file again.

plans-list-empty = 📋 No plans yet. Send a plan file (.docx, .xlsx, .csv or .txt) and I will show how I read it.
plans-list-title = 📋 Plans: { $count }
plans-list-status-published = published { $date }
plans-list-status-draft = draft of { $date }
plans-list-status-replaced = replaced by a new version
plans-list-status-cancelled = cancelled
plans-list-done = done { $done } of { $total }
plans-list-unparsed = deadlines not read: { $count }

plans-coordinators-only = Only coordinators over the whole deployment (not a single district) can upload, publish and replace plans.
plans-upload-not-coordinator = Only coordinators upload plans. A report on an item is sent with the «📎 Отчёт» button in /tasks or in the morning digest.
plans-upload-too-large = The file is too large ({ $size }): Telegram gives bots files up to { $limit }. Save the plan without pictures or split it, and send it again.
plans-upload-unreadable = Could not read a plan from “{ $name }”.
plans-upload-report-hint = If this is a report on an item, send it with the «📎 Отчёт» button in /tasks.
plans-button-stale = This button no longer works. The list of plans: /plans.
plans-not-yours = Another coordinator uploaded this draft.
plans-draft-published = This plan is already published. Nothing was changed. The list of plans: /plans.
plans-draft-cancelled = This draft was cancelled. Nothing was changed.
plans-draft-replaced = This plan was already replaced by a new version. Nothing was changed.
plans-old-not-published = That plan is no longer published. Open the draft again: /plans.

plans-fix-btn-skip = ⏭ Skip
plans-fix-btn-stop = ⏹ Finish
plans-fix-btn-yes = ✅ Correct
plans-fix-btn-again = ✏ Type it differently
plans-fix-ask-title = ✏ Deadline { $index } of { $total } · item { $number } “{ $title }”
plans-fix-ask-raw = In the plan: “{ $raw }”
plans-fix-ask-how = Type the deadline as a person would read it (in Russian, as plans say it): «до 30.09.2021», «ежеквартально», «постоянно» — or just a date. /cancel to stop.
plans-fix-understood = Item { $number }. I read it as: { $reading }
plans-fix-save-question = Save it?
plans-fix-not-understood = I could not read the deadline “{ $text }”. Try another wording, for example «до 15.10.2021» or «ежемесячно до 5 числа».
plans-fix-hint = I am waiting for a deadline as text. Skip the item with «⏭ Skip», stop with /cancel.
plans-fix-again = Type the deadline again.
plans-fix-nothing-typed = Type the deadline first.
plans-fix-saved = Saved
plans-fix-skipped = Skipped
plans-fix-old-button = This button belongs to another item.
plans-fix-stale = This dialogue is over. Open the draft: /plans.
plans-fix-nothing-left = Every deadline of this draft was read — nothing to fix.
plans-fix-draft-gone = The draft was already published or cancelled — the deadline was not saved.
plans-fix-summary = Fixed: { $fixed } · skipped: { $skipped }

plans-when-due = by { $due }
plans-when-window = from { $start } to { $due }
plans-when-more = and { $count } more
plans-when-recurring = recurring, { $count } { $count ->
    [one] deadline
   *[other] deadlines
}: first { $first }, last by { $last }
plans-when-recurring-none = recurring, but no deadline falls within the plan's period
plans-when-continuous = ongoing
plans-when-continuous-period = ongoing, the whole period from { $start } to { $due }
plans-when-on-demand = on demand, no deadline
plans-when-none = no deadline
plans-when-unparsed = not read
plans-when-after-event = after the event “{ $event }”, due the same day
plans-when-after-event-days = within { $days } { $days ->
    [one] day
   *[other] days
} after the event “{ $event }”
plans-when-after-event-workdays = within { $days } working { $days ->
    [one] day
   *[other] days
} after the event “{ $event }”
plans-when-before-event = the day before the event “{ $event }”
plans-when-before-event-days = { $days } { $days ->
    [one] day
   *[other] days
} before the event “{ $event }”
plans-when-before-event-workdays = { $days } working { $days ->
    [one] day
   *[other] days
} before the event “{ $event }”
