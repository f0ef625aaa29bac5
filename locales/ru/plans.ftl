# Plans in chat: upload, preview, fixing unreadable deadlines, publishing, replacing, /plans.
plans-untitled = (без названия)
plans-period-school = { $start }/{ $end } учебный год
plans-preview-period = Период: { $period }
plans-preview-items = { $count } { $count ->
    [one] пункт
    [few] пункта
   *[other] пунктов
}
plans-preview-in-sections = в { $count } { $count ->
    [one] разделе
   *[other] разделах
}
plans-preview-roles = { $count } { $count ->
    [one] роль
    [few] роли
   *[other] ролей
} исполнителей
plans-preview-deadlines = Сроки: { $kinds }
plans-kind-dated = { $count } с датами
plans-kind-recurring = { $count } регулярно
plans-kind-continuous = { $count } постоянно
plans-kind-relative = { $count } после события
plans-kind-on_demand = { $count } по мере необходимости
plans-kind-none = { $count } без срока
plans-kind-unparsed = не прочитано: { $count }
plans-warning-item = Пункт { $number }: { $message }
plans-warnings-more = …и ещё { $count } { $count ->
    [one] предупреждение
    [few] предупреждения
   *[other] предупреждений
}
plans-preview-same-title = ℹ План с таким названием уже опубликован ({ $date }). При публикации предложу заменить его: отметки по неизменённым пунктам сохранятся.

plans-btn-publish = ✅ Опубликовать
plans-btn-fix = ✏ Исправить сроки
plans-btn-cancel = ✖ Отмена
plans-btn-replace-pick = 🔁 Заменить другой план
plans-btn-replace = 🔁 Заменить опубликованный план
plans-btn-publish-new = ➕ Опубликовать как отдельный план
plans-btn-back = ← Назад

plans-replace-same-title = План «{ $old }» уже опубликован ({ $date }). Заменить его новой версией?
plans-replace-question = Заменить опубликованный план «{ $old }» ({ $date }) планом «{ $title }»?
plans-replace-keeps = Отметки, комментарии и отчёты по пунктам, которые не изменились (тот же номер, название и срок), сохранятся. Изменённые пункты откроются заново.
plans-pick-title = Какой опубликованный план заменить?
plans-pick-none = Опубликованных планов нет — заменять нечего.

plans-published-answer = Опубликовано
plans-replaced-answer = План заменён
plans-published-title = ✅ План опубликован: «{ $title }»
plans-replaced-title = 🔁 План заменён новой версией: «{ $title }»
plans-replaced-kept = Без изменений: { $unchanged } { $unchanged ->
    [one] пункт
    [few] пункта
   *[other] пунктов
}, сохранено отметок: { $marks }
plans-replaced-changes = Изменено: { $changed } (открыты заново) · новых: { $added } · убрано: { $removed }
plans-replaced-reports = Отчёты перенесены: { $count }
plans-published-roles = Ролей исполнителей: { $count }{ $created ->
    [0] {""}
   *[other] {" "}(новых: { $created })
}
plans-published-assignments = Назначено исполнителям: { $count }
plans-published-waiting = Ждут события: { $count } { $count ->
    [one] пункт
    [few] пункта
   *[other] пунктов
} — дату события запишите командой /event
plans-published-invite = Пригласите исполнителей новых ролей: /invite

plans-cancelled-answer = Черновик отменён
plans-cancelled = ✖ Черновик отменён. Чтобы загрузить план, пришлите файл ещё раз.

plans-list-empty = 📋 Планов пока нет. Пришлите файл плана (.docx, .xlsx, .csv или .txt) — я покажу, как я его прочитал.
plans-list-title = 📋 Планы: { $count }
plans-list-status-published = опубликован { $date }
plans-list-status-draft = черновик от { $date }
plans-list-status-replaced = заменён новой версией
plans-list-status-cancelled = отменён
plans-list-done = выполнено { $done } из { $total }
plans-list-unparsed = не прочитано сроков: { $count }

plans-coordinators-only = Загружать, публиковать и заменять планы могут только координаторы всего плана (не отдельного района).
plans-upload-not-coordinator = Загружать планы могут только координаторы. Отчёт по пункту отправляется кнопкой «📎 Отчёт» в /tasks или в утренней сводке.
plans-upload-too-large = Файл слишком большой ({ $size }): Telegram отдаёт боту файлы до { $limit }. Сохраните план без картинок или разделите его и пришлите снова.
plans-upload-unreadable = Не получилось прочитать план из файла «{ $name }».
plans-upload-report-hint = Если это отчёт по пункту — отправьте его кнопкой «📎 Отчёт» в /tasks.
plans-button-stale = Эта кнопка уже не работает. Список планов — /plans.
plans-not-yours = Этот черновик загрузил другой координатор.
plans-draft-published = Этот план уже опубликован. Ничего не изменено. Список планов — /plans.
plans-draft-cancelled = Этот черновик отменён. Ничего не изменено.
plans-draft-replaced = Этот план уже заменён новой версией. Ничего не изменено.
plans-old-not-published = Тот план уже не опубликован. Откройте черновик заново: /plans.

plans-fix-btn-skip = ⏭ Пропустить
plans-fix-btn-stop = ⏹ Закончить
plans-fix-btn-yes = ✅ Верно
plans-fix-btn-again = ✏ Написать иначе
plans-fix-ask-title = ✏ Срок { $index } из { $total } · пункт { $number } «{ $title }»
plans-fix-ask-raw = В плане: «{ $raw }»
plans-fix-ask-how = Напишите срок, как его понял бы человек: «до 30.09.2021», «ежеквартально», «постоянно», «в течение 10 дней после …» — или просто дату. /cancel — прервать.
plans-fix-understood = Пункт { $number }. Понял так: { $reading }
plans-fix-save-question = Сохранить?
plans-fix-not-understood = Не понял срок «{ $text }». Напишите иначе — например, «до 15.10.2021» или «ежемесячно до 5 числа».
plans-fix-hint = Жду срок текстом. Пропустить пункт — «⏭ Пропустить», прервать — /cancel.
plans-fix-again = Напишите срок ещё раз.
plans-fix-nothing-typed = Сначала напишите срок.
plans-fix-saved = Сохранено
plans-fix-skipped = Пропущено
plans-fix-old-button = Эта кнопка относится к другому пункту.
plans-fix-stale = Этот диалог уже закончен. Откройте черновик: /plans.
plans-fix-nothing-left = Все сроки этого черновика прочитаны — исправлять нечего.
plans-fix-draft-gone = Черновик уже опубликован или отменён — срок не сохранён.
plans-fix-summary = Исправлено: { $fixed } · пропущено: { $skipped }

plans-when-due = до { $due }
plans-when-window = с { $start } по { $due }
plans-when-more = и ещё { $count }
plans-when-recurring = регулярно, { $count } { $count ->
    [one] срок
    [few] срока
   *[other] сроков
}: первый { $first }, последний до { $last }
plans-when-recurring-none = регулярно, но в период плана не попадает ни одного срока
plans-when-continuous = постоянно
plans-when-continuous-period = постоянно, весь период с { $start } по { $due }
plans-when-on-demand = по мере необходимости, без срока
plans-when-none = без срока
plans-when-unparsed = не прочитано
plans-when-after-event = после события «{ $event }», срок — в день события
plans-when-after-event-days = в течение { $days } { $days ->
    [one] дня
   *[other] дней
} после события «{ $event }»
plans-when-after-event-workdays = в течение { $days } { $days ->
    [one] рабочего дня
   *[other] рабочих дней
} после события «{ $event }»
plans-when-before-event = накануне события «{ $event }»
plans-when-before-event-days = за { $days } { $days ->
    [one] день
    [few] дня
   *[other] дней
} до события «{ $event }»
plans-when-before-event-workdays = за { $days } { $days ->
    [one] рабочий день
    [few] рабочих дня
   *[other] рабочих дней
} до события «{ $event }»
