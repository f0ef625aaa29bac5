# /event: recording the date of an event relative deadlines wait for.
events-coordinators-only = Only coordinators over the whole deployment record events.
events-none = 📅 No item of the published plans waits for an event — nothing to record.
events-list-title = 📅 Which event happened? Pick it — I will count the deadlines of the items waiting for it from its date.
events-list-waiting = Waiting: { $count ->
    [one] item
   *[other] items
} { $numbers }
events-list-more = …and { $count } more { $count ->
    [one] event
   *[other] events
}
events-more-items = and { $count } more
events-ask-title = 📅 Event “{ $event }”
events-ask-how = When did it happen? Type the date: DD.MM.YYYY or «сегодня» (today). /cancel to cancel.
events-btn-today = Today
events-hint = I am waiting for the event's date: DD.MM.YYYY or «сегодня». Cancel with /cancel.
events-date-format = I could not read the date. Type it like 04.10.2021, or «сегодня».
events-date-invalid = There is no such date. Check the day and the month.
events-date-future = This date has not come yet. Record the event once it happens.
events-stale = This button no longer works. The list of events: /event.
events-recorded = ✅ Recorded: “{ $event }” — { $date }.
events-recorded-count = New deadlines: { $count }
events-recorded-nothing-new = No new deadlines: this event with this date was already recorded.
events-occurrence = Item { $number }: by { $due } ({ $why })
events-why-after = { $days } { $business ->
    [yes] working { $days ->
        [one] day
       *[other] days
    }
   *[no] { $days ->
        [one] day
       *[other] days
    }
}
events-why-before = { $days } { $business ->
    [yes] working { $days ->
        [one] day
       *[other] days
    }
   *[no] { $days ->
        [one] day
       *[other] days
    }
} before the event
events-why-same-day = on the event's day
events-why-eve = the day before the event
events-more-lines = …and { $count } more { $count ->
    [one] line
   *[other] lines
}
