# /event: recording the date of an event relative deadlines wait for.
events-coordinators-only = Записывать события могут только координаторы всего плана.
events-none = 📅 Ни один пункт опубликованных планов не ждёт события — записывать нечего.
events-list-title = 📅 Какое событие произошло? Выберите его — сроки пунктов, которые его ждут, я отсчитаю от его даты.
events-list-waiting = Ждут: { $count ->
    [one] пункт
   *[other] пункты
} { $numbers }
events-list-more = …и ещё { $count } { $count ->
    [one] событие
    [few] события
   *[other] событий
}
events-more-items = и ещё { $count }
events-ask-title = 📅 Событие «{ $event }»
events-ask-how = Когда оно произошло? Напишите дату: ДД.ММ.ГГГГ или «сегодня». /cancel — отменить.
events-btn-today = Сегодня
events-hint = Жду дату события: ДД.ММ.ГГГГ или «сегодня». Отменить — /cancel.
events-date-format = Не понял дату. Напишите её так: 04.10.2021, или «сегодня».
events-date-invalid = Такой даты нет. Проверьте число и месяц.
events-date-future = Эта дата ещё не наступила. Запишите событие, когда оно произойдёт.
events-stale = Эта кнопка уже не работает. Список событий — /event.
events-recorded = ✅ Записано: «{ $event }» — { $date }.
events-recorded-count = Новые сроки: { $count }
events-recorded-nothing-new = Новых сроков нет: это событие с этой датой уже было записано.
events-occurrence = Пункт { $number }: до { $due } ({ $why })
events-why-after = { $business ->
    [yes] { $days } { $days ->
        [one] рабочий день
        [few] рабочих дня
       *[other] рабочих дней
    }
   *[no] { $days } { $days ->
        [one] день
        [few] дня
       *[other] дней
    }
}
events-why-before = за { $business ->
    [yes] { $days } { $days ->
        [one] рабочий день
        [few] рабочих дня
       *[other] рабочих дней
    }
   *[no] { $days } { $days ->
        [one] день
        [few] дня
       *[other] дней
    }
} до события
events-why-same-day = в день события
events-why-eve = накануне события
events-more-lines = …и ещё { $count } { $count ->
    [one] строка
    [few] строки
   *[other] строк
}
