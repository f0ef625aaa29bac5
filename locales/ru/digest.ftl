# The daily digest (one message a working morning) and the coordinators' morning summary.
digest-greeting = Доброе утро! Сроки на { $date }
digest-section-overdue = 🔴 Просрочено
digest-section-gap = 🔴 За выходные наступил срок:
digest-section-today = 🟡 Сегодня
digest-section-week = 🟡 На этой неделе
digest-section-opens = 🟢 Начинается сегодня
digest-section-new = 🆕 Новые сроки
digest-section-confirm = 🔁 Подтвердите, что работа идёт, за { $month }
digest-line-overdue = срок был { $date } ({ $days } { $days ->
    [one] день
    [few] дня
   *[other] дней
} назад)
digest-line-gap = срок { $date }
digest-line-today = срок сегодня
digest-line-week = до { $date } ({ $days ->
    [1] завтра
   *[other] через { $days } { $days ->
        [one] день
        [few] дня
       *[other] дней
    }
})
digest-line-opens = с сегодня до { $date }
digest-line-new = до { $date }
digest-line-new-event = до { $date }, после события «{ $event }»
digest-line-confirm = постоянно
digest-note-pending = 📎 отчёт на проверке
digest-note-returned = ↩ отчёт возвращён на доработку
digest-more = …и ещё { $count } { $count ->
    [one] пункт
    [few] пункта
   *[other] пунктов
} — все в «Все задачи»
digest-button-done = ✅ { $n }
digest-button-report = 📎 { $n }
digest-button-confirm = 🔁 { $n }
digest-button-all = 📋 Все задачи

summary-greeting = Сводка на { $date }
summary-overdue = 🔴 Стали просроченными: { $count } { $count ->
    [one] пункт
    [few] пункта
   *[other] пунктов
}{ $units ->
    [1] {""}
   *[other] {" "}у { $units } { $units ->
        [one] исполнителя
       *[other] исполнителей
    }
}
summary-reports = 📎 Пришли отчёты: { $count }{ $pending ->
    [0] {""}
   *[other] , ждут проверки: { $pending }
}
summary-requests = 🙋 Ждут решения { $count } { $count ->
    [one] запрос
    [few] запроса
   *[other] запросов
} доступа
summary-blocked = 🚫 Заблокировали бота и не получают сообщения: { $count } { $count ->
    [one] человек
    [few] человека
   *[other] человек
}
summary-and-more = и ещё { $count }
summary-cut = …и ещё { $count } { $count ->
    [one] строка
    [few] строки
   *[other] строк
} — подробнее в /status
summary-button-status = 📊 Статус
summary-button-overdue = 🔴 Просрочено
