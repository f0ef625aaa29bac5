# /invite and /invites: invite links for a unit or a coordinator scope.
invites-pick-role = 🔗 Приглашение. Кого пригласить? Выберите роль исполнителя:
invites-no-roles = 🔗 Ролей пока нет: они появятся, когда будет опубликован план (или загрузите список исполнителей в /units). Пригласить можно координатора:
invites-pick-unit = Роль «{ $role }». Выберите исполнителя или добавьте нового:
invites-pick-unit-empty = Роль «{ $role }»: исполнителей в вашей зоне пока нет. Добавьте нового:
invites-new-parent = Новый исполнитель роли «{ $role }». В какую организацию он входит?
invites-pick-scope = 👑 Приглашение координатора. Над кем он будет координатором?
invites-btn-coordinator = 👑 Координатора
invites-btn-new-unit = ➕ Новый
invites-btn-roles = ← Роли
invites-btn-back = ← Назад
invites-btn-no-parent = Ни в какую (верхний уровень)
invites-btn-scope-all = Над всеми исполнителями
invites-btn-create = ✅ Создать ссылку
invites-btn-revoke = ✖ Отозвать { $n }
invites-target-all = координатор всех исполнителей
invites-target-scope = координатор: { $unit }
invites-days-short = { $days } дн.
invites-options = 🔗 Приглашение: «{ $target }»
    Действует { $days } { $days ->
        [one] день
        [few] дня
       *[other] дней
    } · { $uses ->
        [one] для { $uses } человека
       *[other] для { $uses } человек
    }
    Измените срок и число использований или создайте ссылку:
invites-created = 🔗 Ссылка-приглашение: «{ $target }»
    { $link }

    Действует до { $date } · { $uses ->
        [one] одно использование
       *[other] использований: { $uses }
    }.
    Перешлите её { $kind ->
        [coordinator] координатору
       *[other] исполнителю
    }: по ссылке откроется srok и подключит его.
invites-created-short = Ссылка создана
invites-list-title = 🔗 Активные приглашения: { $count }
invites-list-line = { $n }. «{ $target }» — до { $date }, использовано { $uses } из { $max }
invites-list-empty = Активных приглашений нет. Создать — /invite.
invites-revoked-short = Приглашение отозвано
invites-not-active = Это приглашение уже не действует.
