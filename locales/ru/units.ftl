# /units: executors (units) by role, adding, renaming, moving, and a list uploaded in bulk.
units-title = 🏢 Исполнители в вашей зоне: { $count }
units-no-roles = 🏢 Ролей пока нет: они появятся, когда будет опубликован план. Можно загрузить список исполнителей файлом.
units-role-title = 🏢 Роль «{ $role }»: { $count } { $count ->
    [one] исполнитель
    [few] исполнителя
   *[other] исполнителей
}
units-role-empty = В вашей зоне исполнителей этой роли нет.
units-in = в: { $parent }
units-people = { $count ->
    [0] никто не подключён
    [one] { $count } человек
    [few] { $count } человека
   *[other] { $count } человек
}
units-card-role = Роль: { $role }
units-card-parent = Входит в: { $parent }
units-card-no-parent = Вышестоящего нет
units-card-people = Подключено: { $count ->
    [0] никого
    [one] { $count } человек
    [few] { $count } человека
   *[other] { $count } человек
}
units-and-more = …и ещё { $count }
units-btn-upload = 📥 Загрузить список
units-btn-add = ➕ Добавить
units-btn-roles = ← Роли
units-btn-rename = ✏ Переименовать
units-btn-parent = ↕ Куда входит
units-btn-invite = 🔗 Пригласить
units-btn-list = ← К списку
units-btn-back = ← Назад
units-btn-no-parent = Ни в какую (верхний уровень)
units-pick-parent = Куда входит «{ $unit }»? Выберите вышестоящего исполнителя:
units-add-parent = Новый исполнитель роли «{ $role }». Куда он входит?
units-parent-set = Сохранено
units-parent-loop = Так нельзя: исполнитель оказался бы внутри самого себя.
units-name-prompt = Напишите название нового исполнителя роли «{ $role }» (например, «Бежецкий район» или «МБОУ СОШ № 5»). /cancel — отменить.
units-rename-prompt = Напишите новое название для «{ $unit }». /cancel — отменить.
units-name-hint = Жду название текстом. /cancel — отменить.
units-name-empty = Название пустое. Напишите его текстом.
units-name-too_long = Слишком длинное название (больше 200 знаков). Напишите короче.
units-name-taken = Исполнитель «{ $unit }» с этой ролью уже есть. Напишите другое название.
units-exists = Исполнитель «{ $unit }» уже есть — новый не создан.
units-created = ✅ Исполнитель добавлен.
units-renamed = ✅ Переименовано.
units-upload-prompt = 📥 Пришлите файл <b>.csv</b> или <b>.xlsx</b> со списком исполнителей.
    Столбцы: <b>роль</b>, <b>исполнитель</b>, <b>вышестоящий</b> (необязательно) — в первой строке заголовки, порядок любой.
    В ответ пришлю файл со ссылкой-приглашением для каждого исполнителя. /cancel — отменить.
units-upload-hint = Жду файл .csv или .xlsx со списком исполнителей. /cancel — отменить.
units-file-empty = Файл пустой. Пришлите список: роль, исполнитель, вышестоящий.
units-file-too_large = Файл слишком большой (больше 20 МБ). Пришлите список поменьше.
units-file-unsupported = Этот файл я не прочитаю. Пришлите таблицу .xlsx или .csv.
units-file-corrupt = Файл повреждён: открыть его как таблицу Excel не получилось. Сохраните его заново как .xlsx и пришлите.
units-file-encrypted = Файл защищён паролем. Снимите пароль и пришлите снова.
units-file-old_or_encrypted = Это книга старого формата Excel (.xls) или файл с паролем. Сохраните его как «Книга Excel (.xlsx)» без пароля и пришлите снова.
units-file-no_header = Не нашёл заголовков: в первой строке должны быть столбцы «Роль» и «Исполнитель» (и, если нужно, «Вышестоящий»). Исправьте и пришлите снова.
units-file-no_rows = Под заголовками нет ни одной строки. Пришлите заполненный список.
units-file-too_many_rows = В файле больше 5000 строк. Разбейте список на части.
units-file-already = Этот файл уже обработан. Чтобы получить новые ссылки, загрузите список ещё раз.
units-summary-title = 📥 Список исполнителей: { $rows } { $rows ->
    [one] строка
    [few] строки
   *[other] строк
}
units-summary-counts = Создано: { $created } · уже были: { $existing } · с ошибками: { $problems }
units-summary-new-roles = Новые роли (их нет в опубликованных планах): { $roles }
units-summary-parent-differs = ⚠ У { $count ->
    [one] { $count } уже существующего исполнителя
   *[other] { $count } уже существующих исполнителей
} в файле другой вышестоящий — оставлен прежний (поменять — в карточке исполнителя).
units-summary-problem = ⚠ Строка { $line }: { $why }
units-summary-more-problems = …и ещё { $count } — все ошибки во втором листе файла.
units-summary-file = Ссылки-приглашения — в файле, по одной на исполнителя: перешлите каждому его ссылку.
units-summary-no-file = Ни одного исполнителя не создано: исправьте строки и загрузите список снова.
units-problem-no_role = не указана роль
units-problem-no_unit = не указан исполнитель
units-problem-too_long = слишком длинное название (больше 200 знаков)
units-problem-duplicate = повтор строки { $ref }
units-problem-unknown_role = такой роли нет в планах (новые роли создаёт координатор всех исполнителей)
units-problem-not_in_scope = такой исполнитель уже есть, но он вне вашей зоны
units-problem-parent_required = укажите вышестоящего: вы координатор только части исполнителей
units-problem-parent_not_found = вышестоящий «{ $parent }» не найден
units-problem-parent_ambiguous = исполнителей «{ $parent }» несколько — укажите как «Роль — Исполнитель»
units-problem-parent_not_in_scope = вышестоящий «{ $parent }» вне вашей зоны
units-problem-parent_bad = вышестоящий «{ $parent }» не создан: ошибка в строке { $ref }
units-problem-parent_cycle = вышестоящие по кругу: исполнитель оказался бы внутри самого себя
units-problem-parent_self = исполнитель указан вышестоящим самому себе
units-xlsx-sheet = Приглашения
units-xlsx-problems-sheet = Ошибки
units-xlsx-role = Роль
units-xlsx-unit = Исполнитель
units-xlsx-parent = Вышестоящий
units-xlsx-link = Ссылка
units-xlsx-expires = Действует до
units-xlsx-status = Статус
units-xlsx-line = Строка
units-xlsx-why = Что не так
units-xlsx-created = создан
units-xlsx-existing = уже был
units-xlsx-existing-parent-differs = уже был (вышестоящий не изменён)
