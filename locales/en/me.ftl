# /me: my units and coordinator scopes; leaving a unit.
me-title = 👤 Your connections
me-units = Executor:
me-scopes = Coordinator:
me-scope-all = all executors
me-scope-unit = { $unit } and everything within
me-nothing = You are not connected to anything yet. Open an invite link from your coordinator or request access: /start
me-btn-leave = Leave: { $unit }
me-btn-leave-yes = Yes, leave
me-btn-back = ← Back
me-leave-confirm = Leave “{ $unit }”? You will stop getting its deadlines and marking its items. You can only come back with a new invite link.
me-left = You are no longer connected to “{ $unit }”.
me-left-short = Done
me-not-member = You are no longer connected to this executor.
