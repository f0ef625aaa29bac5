# Common texts of the bot's runtime: errors, /cancel, hints, the commands menu.
common-error = Что-то пошло не так. Попробуйте ещё раз чуть позже.
common-cancelled = Отменено.
common-nothing-to-cancel = Нечего отменять.

unhandled-button = Эта кнопка уже не работает. Откройте /tasks заново.
unhandled-command = Такой команды нет. Мои задачи — /tasks, настройки — /settings.
unhandled-message = Не понял сообщение. Мои задачи — /tasks, настройки — /settings, отменить действие — /cancel.
unhandled-stranger-command = Такой команды нет. Вы пока не подключены: откройте ссылку-приглашение от координатора или запросите доступ — /start
unhandled-stranger-message = Не понял сообщение. Вы пока не подключены: откройте ссылку-приглашение от координатора или запросите доступ — /start

cmd-tasks = Мои задачи
cmd-me = Мои подразделения и роли
cmd-settings = Настройки: время, пояс, язык
cmd-cancel = Отменить действие
cmd-status = Как выполняется план
cmd-overdue = Просроченное по исполнителям
cmd-invite = Пригласить исполнителя
cmd-invites = Приглашения
cmd-units = Исполнители по ролям
cmd-plans = Планы: загрузка и публикация
cmd-event = Записать дату события
cmd-export = Выгрузка: Excel, график, отчёт

help-title = Что можно сделать:
help-upload = Чтобы загрузить план, пришлите файл плана (.docx, .xlsx, .csv или .txt) в этот чат.
help-stranger = Вы пока не подключены. Откройте ссылку-приглашение от координатора или запросите доступ — /start
cmd-help = Что умеет бот
