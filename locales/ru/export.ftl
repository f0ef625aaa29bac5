# Exports: the status as .xlsx, the progress chart, the execution report .docx.
export-xlsx-summary = Сводка
export-xlsx-plan = План
export-xlsx-total = Назначений
export-xlsx-done = Выполнено
export-xlsx-open = Не выполнено
export-xlsx-overdue = Просрочено
export-xlsx-percent = % выполнения
export-xlsx-pending = Отчётов ждут проверки
export-xlsx-all = Всего
export-xlsx-as-of = По состоянию на
export-xlsx-number = №
export-xlsx-item = Мероприятие
export-xlsx-section = Раздел
export-xlsx-deadline = Срок
export-xlsx-unit = Исполнитель
export-xlsx-role = Роль
export-xlsx-state = Состояние
export-xlsx-days-late = Просрочено, дней
export-xlsx-done-at = Выполнено
export-xlsx-done-by = Кем отмечено
export-xlsx-review = Проверка отчёта
export-xlsx-report = Отчёт (файлы, ссылки)
export-xlsx-comment = Комментарий
export-state-done = выполнено
export-state-overdue = просрочено
export-state-review = ждёт проверки отчёта
export-state-returned = возвращено на доработку
export-state-open = не выполнено
export-review-pending = ждёт проверки
export-review-accepted = принят
export-review-returned = возвращён
export-evidence-text = текст отчёта
export-and-more = …и ещё { $count }
export-docx-heading = Информация об исполнении плана мероприятий
export-docx-as-of = по состоянию на { $date }
export-docx-number = № п/п
export-docx-title = Наименование мероприятия
export-docx-deadline = Срок
export-docx-executors = Ответственные исполнители
export-docx-state = Отметка об исполнении
export-docx-when = Дата исполнения
export-docx-who = Исполнил
export-docx-evidence = Подтверждающие материалы
export-docx-no-assignments = назначений нет
export-docx-overdue = не выполнено, просрочено на { $days } { $days ->
    [one] день
    [few] дня
   *[other] дней
}
export-docx-done-of = выполнено: { $done } из { $total }
export-docx-late = просрочили:
export-docx-days = { $days } { $days ->
    [one] день
    [few] дня
   *[other] дней
}
export-docx-comment = комментарий: { $comment }
export-chart-title-units = Выполнение по исполнителям
export-chart-title-sections = Выполнение по разделам
export-chart-subtitle = { $plan } · на { $date }
export-chart-legend-done = выполнено
export-chart-legend-overdue = просрочено
export-chart-legend-open = не выполнено
export-chart-caption = 📈 { $title }: { $plan }
export-chart-more = Показаны { $shown } из { $total } — с наименьшим процентом выполнения.
export-chart-other = По разделам
export-chart-other-units = По исполнителям
export-xlsx-caption = ⬇ Статус планов на { $date }
export-docx-caption = 📄 Информация об исполнении плана на { $date }
export-nothing = Выгружать нечего: опубликованных планов с вашими исполнителями нет.
export-not-coordinator = Выгрузки доступны координаторам.
export-stale = Кнопка устарела: откройте /status заново.
export-preparing = Готовлю файл…
