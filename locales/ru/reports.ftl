# The report dialogue («📎»), its answers, and the coordinators' notice of a new report.
report-intro-title = 📎 Отчёт по пункту { $number } «{ $title }»
report-due = Срок: { $due }.
report-intro-expects = План ожидает: { $result }.
report-intro-how = Пришлите файлы, фото, ссылку или текст — можно несколько. /cancel — отменить.
report-part-file = файл
report-part-photo = фото
report-part-text = текст ({ $chars } { $chars ->
    [one] знак
    [few] знака
   *[other] знаков
})
report-received = Получено: { $what }. Ещё что-нибудь?
report-finish = Готово
report-cancel = Отменить
report-send = Отправить
report-more = Добавить ещё
report-count-files = { $count } { $count ->
    [one] файл
    [few] файла
   *[other] файлов
}
report-count-photos = { $count } фото
report-count-links = { $count } { $count ->
    [one] ссылка
    [few] ссылки
   *[other] ссылок
}
report-count-texts = { $count ->
    [one] текст
   *[other] { $count } { $count ->
        [few] текста
       *[other] текстов
    }
}
report-confirm = Отправить отчёт по пункту { $number }? { $summary }.
report-hint = Жду файл, фото, ссылку или текст отчёта. Закончить — «Готово», отменить — /cancel.
report-nothing-yet = Сначала пришлите файл, фото, ссылку или текст.
report-too-large = Файл { $name } больше 20 МБ ({ $size }): бот не может принять такой. Сожмите его или пришлите ссылку на облако.
report-more-prompt = Пришлите ещё файлы, фото, ссылку или текст. Закончить — «Готово».
report-cancelled = Отчёт отменён, ничего не отправлено.
report-sent = Отчёт отправлен координатору.
report-sent-no-coordinator = Отчёт сохранён.
report-ask-done = Отметить пункт { $number } выполненным?
report-sent-already-done = Пункт { $number } уже отмечен выполненным.
report-yes-done = ✅ Да, выполнено
report-later = Позже
report-later-answer = Хорошо. Отметить можно в /tasks.
report-other-dialogue = Эта кнопка от другого отчёта. Сейчас идёт отчёт по пункту { $number }.
report-stale = Этот отчёт уже закончен. Начать новый — кнопка 📎 в /tasks.
report-download-failed = Не удалось сохранить копию файла { $name }; отчёт отправлен, файл доступен в Telegram.
report-notice-title = 📎 Новый отчёт: { $unit } · пункт { $number } «{ $title }»
report-notice-from = От: { $name }
