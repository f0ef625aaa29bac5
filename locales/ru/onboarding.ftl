# /start: joining by an invite link, the greeting, the welcome of a stranger.
onboarding-hello = Здравствуйте, { $name }!
onboarding-hello-anon = Здравствуйте!
onboarding-linked-one = Вы подключены к srok как «{ $unit }».
onboarding-linked-many = Вы подключены к srok как:
onboarding-coordinator-all = Вы координатор всех исполнителей.
onboarding-coordinator-scoped = Вы координатор: { $scopes } { $count ->
    [one] и всё, что в него входит.
   *[other] и всё, что в них входит.
}
onboarding-digest = Каждое рабочее утро в { $time } ({ $zone }) я пришлю, что просрочено и что скоро.
onboarding-summary = Каждое рабочее утро в { $time } ({ $zone }) я пришлю сводку: что просрочено и какие отчёты пришли.
onboarding-digest-paused = Утренние сводки сейчас на паузе — включить их можно в настройках.
onboarding-open = { $count ->
    [0] Открытых пунктов сейчас нет.
    [one] Сейчас у вас { $count } открытый пункт.
    [few] Сейчас у вас { $count } открытых пункта.
   *[other] Сейчас у вас { $count } открытых пунктов.
}
onboarding-coordinator-commands = /invite — пригласить исполнителя, /units — исполнители, /status — как идёт план.
onboarding-upload-hint = Чтобы загрузить план, пришлите его файл (.docx, .xlsx, .csv или .txt) в этот чат.
onboarding-btn-tasks = 📋 Мои задачи
onboarding-btn-settings = ⚙ Настройки
onboarding-btn-request = Запросить доступ
onboarding-scope-all = координатор всех исполнителей
onboarding-about = srok напоминает исполнителям плана о сроках: каждое рабочее утро — что просрочено и что скоро.
    Отметить пункт выполненным или отправить отчёт можно прямо здесь, в чате.
onboarding-how-to-join = Чтобы подключиться, откройте ссылку-приглашение от координатора или запросите доступ.
onboarding-ask-new-link = Попросите у координатора новую ссылку или запросите доступ.
onboarding-request-pending = Ваш запрос на доступ отправлен и ждёт ответа координатора.
onboarding-already-linked = Вы уже подключены как «{ $target }» — ссылка осталась неиспользованной.
onboarding-already-yours = Вы уже подключены как «{ $target }».
onboarding-link-unknown = Ссылка не найдена: возможно, её скопировали не полностью.
onboarding-link-expired = Срок действия ссылки истёк ({ $date }).
onboarding-link-used = Эта ссылка уже использована.
onboarding-link-revoked = Эта ссылка отозвана координатором.
# Refusals of buttons, shared by /invite, /invites, /me, /units and access requests.
onboarding-button-stale = Эта кнопка устарела. Откройте команду заново.
onboarding-coordinators-only = Это доступно только координаторам.
onboarding-not-your-unit = Этот исполнитель вне вашей зоны. Ничего не изменено.
onboarding-done-already = Уже сделано.
