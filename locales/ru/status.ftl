# /status, /overdue and reminders: what coordinators see of how plans stand.
status-home-title = 📊 Планы · на { $date }
status-plan-title = 📊 <b>{ $title }</b> · на { $date }
status-done-line = Выполнено { $done } из { $total } ({ $percent } %)
status-overdue-part = просрочено { $count }
status-pending-line = 📎 Отчётов ждут проверки: { $count }
status-empty = 📊 Опубликованных планов с вашими исполнителями пока нет.
status-no-section = Без раздела
status-nearest = Ближайшие сроки:
status-nearest-line = 🟡 { $date } — { $number }. { $title } · не выполнили: { $open }
status-by-sections = По разделам
status-by-roles = По ролям
status-by-units = По исполнителям
status-btn-sections = По разделам
status-btn-roles = По ролям
status-btn-units = По исполнителям
status-btn-overdue = 🔴 Просрочено
status-btn-xlsx = ⬇ Excel
status-btn-chart = 📈 График
status-btn-docx = 📄 Отчёт об исполнении
status-btn-plans = ← Все планы
status-btn-back = ← Назад
status-btn-reports = 📎 Отчёты ({ $count })
status-btn-remind-item = 🔔 Напомнить не выполнившим
status-btn-remind-all = 🔔 Напомнить всем ({ $count })
status-btn-needs-on = 📎 Засчитывать только принятый отчёт
status-btn-needs-off = ✅ Засчитывать отметку о выполнении
status-needs-accepted = 📎 Пункт засчитывается только с принятым отчётом.
status-needs-set-on = Теперь пункт засчитывается только с принятым отчётом.
status-needs-set-off = Теперь пункт засчитывается по отметке о выполнении.
status-configure-refused = Настраивать пункты могут координаторы всего развёртывания.
status-btn-open = 📂 Открыть { $n }
status-btn-my-tasks = 📋 Мои задачи
status-and-more = …и ещё { $count }
status-nothing = Здесь пока ничего нет.
status-nothing-late = Просроченных пунктов нет.
status-days = { $count } { $count ->
    [one] день
    [few] дня
   *[other] дней
}
status-late = просрочено на { $count } { $count ->
    [one] день
    [few] дня
   *[other] дней
}
status-occurrences = { $count } { $count ->
    [one] срок
    [few] срока
   *[other] сроков
}
status-until = до { $date }
status-of = из
status-with-children = Вместе с подчинёнными: { $counts }
status-unit-overdue = 🔴 Просрочено:
status-children = Подчинённые:
status-waits-review = отчёт ждёт проверки
status-not-done = Не выполнили
status-item-none = У ваших исполнителей этого пункта нет.
status-reports-line = Отчёты: { $count } · ждут проверки: { $pending }
status-reports-title = 📎 Отчёты по пункту { $number } «{ $title }»
status-parts = { $count } { $count ->
    [one] вложение
    [few] вложения
   *[other] вложений
}
status-review-pending = ⏳ ждёт проверки
status-review-accepted = ✅ принят
status-review-returned = ↩ возвращён
status-overdue-none = 🔴 Просроченных пунктов на { $date } нет.
status-overdue-title = 🔴 Просрочено на { $date }: { $items } { $items ->
    [one] назначение
    [few] назначения
   *[other] назначений
} у { $units } { $units ->
    [one] исполнителя
   *[other] исполнителей
}
status-reminder-title = 🔔 Напоминание координатора
status-reminder-unit = Не выполнено у «{ $unit }»:
status-reminder-was-due = срок был { $date } ({ $days } { $days ->
    [one] день
    [few] дня
   *[other] дней
} назад)

# Answers of the /status feature.
status-not-coordinator = Статус планов видят координаторы. Ваши задачи — в /tasks.
status-stale = Кнопка устарела: откройте /status заново.
status-no-access = Это вне ваших исполнителей.
status-item-not-found = Пункта { $number } в опубликованных планах нет.
status-item-choose = Пункт { $number } есть в нескольких планах. Какой открыть?
status-reminded = 🔔 Напоминание отправлено: { $count } { $count ->
    [one] исполнителю
   *[other] исполнителям
}.
status-reminded-skipped = Сегодня уже напоминали: { $count }.
status-reminded-nobody = Напоминать некому: у этих исполнителей нет подключённых участников.
status-reminded-none = Напоминать некому: всё выполнено.
