# /me: my units and coordinator scopes; leaving a unit.
me-title = 👤 Ваши подключения
me-units = Исполнитель:
me-scopes = Координатор:
me-scope-all = всех исполнителей
me-scope-unit = { $unit } и всё, что в него входит
me-nothing = Вы пока ни к чему не подключены. Откройте ссылку-приглашение от координатора или запросите доступ: /start
me-btn-leave = Покинуть: { $unit }
me-btn-leave-yes = Да, покинуть
me-btn-back = ← Назад
me-leave-confirm = Покинуть «{ $unit }»? Вы перестанете получать сроки и отмечать пункты за этого исполнителя. Вернуться можно только по новой ссылке-приглашению.
me-left = Вы больше не подключены к «{ $unit }».
me-left-short = Готово
me-not-member = Вы уже не подключены к этому исполнителю.
