# /invite and /invites: invite links for a unit or a coordinator scope.
invites-pick-role = 🔗 Invite. Whom to invite? Choose an executor role:
invites-no-roles = 🔗 No roles yet: they appear when a plan is published (or upload a list of executors in /units). You can invite a coordinator:
invites-pick-unit = Role “{ $role }”. Choose an executor or add a new one:
invites-pick-unit-empty = Role “{ $role }”: no executors in your scope yet. Add a new one:
invites-new-parent = New executor of the role “{ $role }”. Which organisation does it belong to?
invites-pick-scope = 👑 Coordinator invite. Whom will they coordinate?
invites-btn-coordinator = 👑 A coordinator
invites-btn-new-unit = ➕ New
invites-btn-roles = ← Roles
invites-btn-back = ← Back
invites-btn-no-parent = None (top level)
invites-btn-scope-all = All executors
invites-btn-create = ✅ Create the link
invites-btn-revoke = ✖ Revoke { $n }
invites-target-all = coordinator of all executors
invites-target-scope = coordinator: { $unit }
invites-days-short = { $days } d
invites-options = 🔗 Invite: “{ $target }”
    Valid for { $days } { $days ->
        [one] day
       *[other] days
    } · { $uses ->
        [one] for { $uses } person
       *[other] for { $uses } people
    }
    Change the validity and the number of uses, or create the link:
invites-created = 🔗 Invite link: “{ $target }”
    { $link }

    Valid until { $date } · { $uses ->
        [one] single use
       *[other] uses: { $uses }
    }.
    Forward it to the { $kind ->
        [coordinator] coordinator
       *[other] executor
    }: the link opens srok and connects them.
invites-created-short = Link created
invites-list-title = 🔗 Active invites: { $count }
invites-list-line = { $n }. “{ $target }” — until { $date }, used { $uses } of { $max }
invites-list-empty = No active invites. Create one with /invite.
invites-revoked-short = Invite revoked
invites-not-active = This invite is no longer active.
