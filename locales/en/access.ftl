# Access requests: a stranger asks, coordinators approve into a unit or reject.
access-sent = ✅ Request sent to the coordinators. I will write when it is decided.
access-sent-no-coordinators = Request saved, but there are no coordinators yet. Ask whoever runs the plan for an invite link.
access-already-pending = Your request was already sent and is waiting for a coordinator.
access-new-request = 🙋 Access request
    { $who } asks to be connected to srok.
    Telegram id: { $id }
access-btn-approve = ✅ Approve
access-btn-reject = ✖ Reject
access-btn-roles = ← Roles
access-pick-role = Where should { $who } be connected? Choose a role:
access-pick-unit = Where should { $who } be connected?
    Role “{ $role }” — choose an executor:
access-no-units = There is nowhere to connect { $who }: you have no executors yet. Create them in /units or reject the request.
access-approved = ✅ Request approved: { $who } — “{ $unit }”.
access-approved-short = Approved
access-rejected = ✖ Request rejected: { $who }.
access-rejected-short = Rejected
access-rejected-user = A coordinator rejected your request for access to srok. If this is a mistake, ask a coordinator for an invite link.
access-decided-already = This request has already been decided.
access-was-approved = The request of { $who } was already approved ({ $by }).
access-was-rejected = The request of { $who } was already rejected ({ $by }).
