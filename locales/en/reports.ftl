# The report dialogue («📎»), its answers, and the coordinators' notice of a new report.
report-intro-title = 📎 Report on item { $number } “{ $title }”
report-due = Due: { $due }.
report-intro-expects = The plan expects: { $result }.
report-intro-how = Send files, photos, a link or text — several are fine. /cancel to stop.
report-part-file = file
report-part-photo = photo
report-part-text = text ({ $chars } { $chars ->
    [one] character
   *[other] characters
})
report-received = Received: { $what }. Anything else?
report-finish = Done
report-cancel = Cancel
report-send = Send
report-more = Add more
report-count-files = { $count } { $count ->
    [one] file
   *[other] files
}
report-count-photos = { $count } { $count ->
    [one] photo
   *[other] photos
}
report-count-links = { $count } { $count ->
    [one] link
   *[other] links
}
report-count-texts = { $count ->
    [one] text
   *[other] { $count } texts
}
report-confirm = Send the report on item { $number }? { $summary }.
report-hint = Waiting for a file, photo, link or text of the report. Finish with “Done”, stop with /cancel.
report-nothing-yet = Send a file, photo, link or text first.
report-too-large = The file { $name } is larger than 20 MB ({ $size }): the bot cannot take it. Compress it or send a cloud link.
report-more-prompt = Send more files, photos, a link or text. Finish with “Done”.
report-cancelled = Report cancelled, nothing was sent.
report-sent = The report was sent to the coordinator.
report-sent-no-coordinator = The report was saved.
report-ask-done = Mark item { $number } as done?
report-sent-already-done = Item { $number } is already marked done.
report-yes-done = ✅ Yes, done
report-later = Later
report-later-answer = All right. You can mark it in /tasks.
report-other-dialogue = This button belongs to another report. The report on item { $number } is in progress.
report-stale = This report is finished. Start a new one with the 📎 button in /tasks.
report-download-failed = Could not keep a copy of { $name }; the report was sent, the file stays in Telegram.
report-notice-title = 📎 New report: { $unit } · item { $number } “{ $title }”
report-notice-from = From: { $name }
