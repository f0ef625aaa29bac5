# Access requests: a stranger asks, coordinators approve into a unit or reject.
access-sent = ✅ Запрос отправлен координаторам. Я напишу, когда его рассмотрят.
access-sent-no-coordinators = Запрос сохранён, но координаторов пока нет. Попросите ссылку-приглашение у того, кто ведёт план.
access-already-pending = Ваш запрос уже отправлен и ждёт ответа координатора.
access-new-request = 🙋 Запрос доступа
    { $who } просит подключить к srok.
    Telegram id: { $id }
access-btn-approve = ✅ Одобрить
access-btn-reject = ✖ Отклонить
access-btn-roles = ← Роли
access-pick-role = Запрос доступа: { $who }. Куда подключить? Выберите роль:
access-pick-unit = Запрос доступа: { $who }. Куда подключить?
    Роль «{ $role }» — выберите исполнителя:
access-no-units = Запрос доступа: { $who }. Подключить некуда: у вас пока нет исполнителей. Создайте их в /units или отклоните запрос.
access-approved = ✅ Запрос одобрен: { $who } — «{ $unit }».
access-approved-short = Одобрено
access-rejected = ✖ Запрос отклонён: { $who }.
access-rejected-short = Отклонено
access-rejected-user = Координатор отклонил ваш запрос на доступ к srok. Если это ошибка, попросите у координатора ссылку-приглашение.
access-decided-already = Этот запрос уже рассмотрен.
access-was-approved = Запрос { $who } уже одобрен ({ $by }).
access-was-rejected = Запрос { $who } уже отклонён ({ $by }).
