# /tasks: open assignments of the reader's units, and the marks made from the list.
tasks-title = 📋 Мои задачи: { $count } { $count ->
    [one] открытый пункт
    [few] открытых пункта
   *[other] открытых пунктов
}
tasks-overdue-count = 🔴 просрочено: { $count }
tasks-empty = 📋 Открытых пунктов нет. Новые появятся здесь и в утренней сводке.
tasks-refresh = 🔄 Обновить
tasks-bucket-overdue = 🔴 Просрочено
tasks-bucket-today = 🟡 Сегодня
tasks-bucket-week = 🟡 На этой неделе
tasks-bucket-opens_today = Начинаются сегодня
tasks-bucket-later = Позже
tasks-bucket-ongoing = Постоянно
tasks-bucket-on_demand = По мере необходимости
tasks-bucket-done = Выполнено
tasks-when-overdue = срок был { $due } ({ $days } { $days ->
    [one] день
    [few] дня
   *[other] дней
} назад)
tasks-when-today = срок сегодня
tasks-when-week = до { $due } ({ $days ->
    [1] завтра
   *[other] через { $days } { $days ->
        [one] день
        [few] дня
       *[other] дней
    }
})
tasks-when-later = до { $due }
tasks-when-confirm = подтвердите, что работа идёт, за { $month }
tasks-when-confirmed = подтверждено { $date }
tasks-review-pending = 📎 отчёт на проверке
tasks-review-returned = ↩ отчёт возвращён на доработку
tasks-done = выполнено
tasks-not-member = Вы пока не подключены ни к одному исполнителю. Попросите координатора прислать ссылку-приглашение.
tasks-coordinator-only = Своих пунктов у вас нет: вы координатор. Как идёт план — /status, просроченное — /overdue.
tasks-stale = Кнопка устарела. Откройте /tasks заново.
# Marks from /tasks, the digest and the report's last question.
done-marked = ✅ Пункт { $number } выполнен.
done-already = Пункт { $number } уже отмечен выполненным.
done-undone = ↩ Отметка снята: пункт { $number } снова открыт.
done-not-done = Пункт { $number } и так открыт.
done-confirmed = Подтверждено за { $month }.
done-confirm-already = За { $month } уже подтверждено.
done-stale = Кнопка устарела. Откройте /tasks заново.
done-not-found = Этого пункта больше нет. Откройте /tasks.
done-plan-replaced = План заменён новой версией. Откройте /tasks — там актуальные пункты.
done-plan-closed = План снят с исполнения: отметки по нему не принимаются.
done-not-yours = Этот пункт другого исполнителя: отмечать его могут только его участники.
done-comment-ask = 💬 Комментарий к пункту { $number } «{ $title }». Напишите его одним сообщением. /cancel — отменить.
done-comment-text-only = Напишите комментарий текстом одним сообщением. /cancel — отменить.
done-comment-saved = Комментарий к пункту { $number } сохранён.
