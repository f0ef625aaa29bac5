# /tasks: open assignments of the reader's units, and the marks made from the list.
tasks-title = 📋 My tasks: { $count } open { $count ->
    [one] item
   *[other] items
}
tasks-overdue-count = 🔴 overdue: { $count }
tasks-empty = 📋 No open items. New ones will appear here and in the morning digest.
tasks-refresh = 🔄 Refresh
tasks-bucket-overdue = 🔴 Overdue
tasks-bucket-today = 🟡 Today
tasks-bucket-week = 🟡 This week
tasks-bucket-opens_today = Opening today
tasks-bucket-later = Later
tasks-bucket-ongoing = Ongoing
tasks-bucket-on_demand = When needed
tasks-bucket-done = Done
tasks-when-overdue = was due { $due } ({ $days } { $days ->
    [one] day
   *[other] days
} ago)
tasks-when-today = due today
tasks-when-week = by { $due } ({ $days ->
    [1] tomorrow
   *[other] in { $days } days
})
tasks-when-later = by { $due }
tasks-when-confirm = confirm the work goes on for { $month }
tasks-when-confirmed = confirmed { $date }
tasks-review-pending = 📎 report under review
tasks-review-returned = ↩ report returned for rework
tasks-done = done
tasks-not-member = You are not linked to any executor yet. Ask a coordinator for an invite link.
tasks-coordinator-only = You have no items of your own: you are a coordinator. How the plan stands: /status, overdue: /overdue.
tasks-stale = This button is out of date. Open /tasks again.
# Marks from /tasks, the digest and the report's last question.
done-marked = ✅ Item { $number } done.
done-already = Item { $number } is already marked done.
done-undone = ↩ Mark removed: item { $number } is open again.
done-not-done = Item { $number } is already open.
done-confirmed = Confirmed for { $month }.
done-confirm-already = { $month } is already confirmed.
done-stale = This button is out of date. Open /tasks again.
done-not-found = This item no longer exists. Open /tasks.
done-plan-replaced = The plan was replaced by a new version. Open /tasks for the current items.
done-plan-closed = The plan was withdrawn: marks on it are not accepted.
done-not-yours = This item belongs to another executor: only its members can mark it.
done-comment-ask = 💬 Comment on item { $number } “{ $title }”. Write it in one message. /cancel to stop.
done-comment-text-only = Write the comment as one text message. /cancel to stop.
done-comment-saved = The comment on item { $number } was saved.
