# Common texts of the bot's runtime: errors, /cancel, hints, the commands menu.
common-error = Something went wrong. Please try again a bit later.
common-cancelled = Cancelled.
common-nothing-to-cancel = Nothing to cancel.

unhandled-button = This button no longer works. Open /tasks again.
unhandled-command = There is no such command. My tasks: /tasks, settings: /settings.
unhandled-message = I did not understand that. My tasks: /tasks, settings: /settings, cancel: /cancel.
unhandled-stranger-command = There is no such command. You are not connected yet: open an invite link from a coordinator or ask for access with /start
unhandled-stranger-message = I did not understand that. You are not connected yet: open an invite link from a coordinator or ask for access with /start

cmd-tasks = My tasks
cmd-me = My units and roles
cmd-settings = Settings: time, zone, language
cmd-cancel = Cancel the current action
cmd-status = How the plan stands
cmd-overdue = Overdue items by executor
cmd-invite = Invite an executor
cmd-invites = Invites
cmd-units = Executors by role
cmd-plans = Plans: upload and publish
cmd-event = Record an event date
cmd-export = Export: Excel, chart, report

help-title = What you can do:
help-upload = To load a plan, send the plan file (.docx, .xlsx, .csv or .txt) to this chat.
help-stranger = You are not connected yet. Open the invite link from your coordinator or ask for access — /start
cmd-help = What the bot can do
