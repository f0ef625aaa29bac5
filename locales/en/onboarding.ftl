# /start: joining by an invite link, the greeting, the welcome of a stranger.
onboarding-hello = Hello, { $name }!
onboarding-hello-anon = Hello!
onboarding-linked-one = You are connected to srok as “{ $unit }”.
onboarding-linked-many = You are connected to srok as:
onboarding-coordinator-all = You coordinate all executors.
onboarding-coordinator-scoped = You coordinate { $scopes } and everything within.
onboarding-digest = Every working morning at { $time } ({ $zone }) I will send what is overdue and what is due soon.
onboarding-summary = Every working morning at { $time } ({ $zone }) I will send a summary: what is overdue and which reports came in.
onboarding-digest-paused = Morning digests are paused — you can turn them back on in the settings.
onboarding-open = { $count ->
    [0] No open items right now.
    [one] You have { $count } open item.
   *[other] You have { $count } open items.
}
onboarding-coordinator-commands = /invite — invite an executor, /units — executors, /status — how the plan stands.
onboarding-upload-hint = To load a plan, send its file (.docx, .xlsx, .csv or .txt) to this chat.
onboarding-btn-tasks = 📋 My tasks
onboarding-btn-settings = ⚙ Settings
onboarding-btn-request = Request access
onboarding-scope-all = coordinator of all executors
onboarding-about = srok reminds a plan's executors of deadlines: every working morning, what is overdue and what is due soon.
    Mark items done or send reports right here in the chat.
onboarding-how-to-join = To join, open an invite link from your coordinator or request access.
onboarding-ask-new-link = Ask your coordinator for a new link, or request access.
onboarding-request-pending = Your access request was sent and is waiting for a coordinator.
onboarding-already-linked = You are already connected as “{ $target }” — the link was left unused.
onboarding-already-yours = You are already connected as “{ $target }”.
onboarding-link-unknown = This link was not found: perhaps it was not copied completely.
onboarding-link-expired = This link expired ({ $date }).
onboarding-link-used = This link has already been used.
onboarding-link-revoked = This link was revoked by a coordinator.
onboarding-button-stale = This button is out of date. Open the command again.
onboarding-coordinators-only = Only coordinators can do this.
onboarding-not-your-unit = This executor is outside your scope. Nothing was changed.
onboarding-done-already = Already done.
