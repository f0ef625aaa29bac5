# /units: executors (units) by role, adding, renaming, moving, and a list uploaded in bulk.
units-title = 🏢 Executors in your scope: { $count }
units-no-roles = 🏢 No roles yet: they appear when a plan is published. You can upload a list of executors as a file.
units-role-title = 🏢 Role “{ $role }”: { $count } { $count ->
    [one] executor
   *[other] executors
}
units-role-empty = No executors of this role in your scope.
units-in = in: { $parent }
units-people = { $count ->
    [0] nobody connected
    [one] { $count } person
   *[other] { $count } people
}
units-card-role = Role: { $role }
units-card-parent = Belongs to: { $parent }
units-card-no-parent = Top level
units-card-people = Connected: { $count ->
    [0] nobody
    [one] { $count } person
   *[other] { $count } people
}
units-and-more = …and { $count } more
units-btn-upload = 📥 Upload a list
units-btn-add = ➕ Add
units-btn-roles = ← Roles
units-btn-rename = ✏ Rename
units-btn-parent = ↕ Belongs to
units-btn-invite = 🔗 Invite
units-btn-list = ← To the list
units-btn-back = ← Back
units-btn-no-parent = None (top level)
units-pick-parent = Where does “{ $unit }” belong? Choose the executor above it:
units-add-parent = New executor of the role “{ $role }”. Where does it belong?
units-parent-set = Saved
units-parent-loop = Not possible: the executor would end up inside itself.
units-name-prompt = Type the name of the new executor of the role “{ $role }”. /cancel to cancel.
units-rename-prompt = Type the new name for “{ $unit }”. /cancel to cancel.
units-name-hint = I am waiting for the name as text. /cancel to cancel.
units-name-empty = The name is empty. Type it as text.
units-name-too_long = The name is too long (over 200 characters). Make it shorter.
units-name-taken = “{ $unit }” already exists with this role. Type another name.
units-exists = “{ $unit }” already exists — no new one was created.
units-created = ✅ Executor added.
units-renamed = ✅ Renamed.
units-upload-prompt = 📥 Send a <b>.csv</b> or <b>.xlsx</b> file with the list of executors.
    Columns: <b>role</b>, <b>unit</b>, <b>parent</b> (optional) — headers in the first row, any order.
    I will answer with a file of one invite link per executor. /cancel to cancel.
units-upload-hint = I am waiting for a .csv or .xlsx file with the list of executors. /cancel to cancel.
units-file-empty = The file is empty. Send a list: role, unit, parent.
units-file-too_large = The file is too large (over 20 MB). Send a smaller list.
units-file-unsupported = I cannot read this file. Send an .xlsx or .csv table.
units-file-corrupt = The file is damaged: it does not open as an Excel table. Save it again as .xlsx and send it.
units-file-encrypted = The file is password-protected. Remove the password and send it again.
units-file-old_or_encrypted = This is an old Excel workbook (.xls) or a password-protected file. Save it as an “Excel Workbook (.xlsx)” without a password and send it again.
units-file-no_header = No headers found: the first row must have the columns “Role” and “Unit” (and “Parent” if needed). Fix it and send it again.
units-file-no_rows = There are no rows under the headers. Send a filled-in list.
units-file-too_many_rows = The file has more than 5000 rows. Split the list.
units-file-already = This file was already processed. Upload the list again for new links.
units-summary-title = 📥 List of executors: { $rows } { $rows ->
    [one] row
   *[other] rows
}
units-summary-counts = Created: { $created } · already there: { $existing } · with problems: { $problems }
units-summary-new-roles = New roles (not in any published plan): { $roles }
units-summary-parent-differs = ⚠ { $count } existing { $count ->
    [one] executor has
   *[other] executors have
} another parent in the file — the current one was kept (change it on the executor's card).
units-summary-problem = ⚠ Row { $line }: { $why }
units-summary-more-problems = …and { $count } more — every problem is on the second sheet of the file.
units-summary-file = The invite links are in the file, one per executor: forward each their link.
units-summary-no-file = No executor was created: fix the rows and upload the list again.
units-problem-no_role = no role given
units-problem-no_unit = no unit given
units-problem-too_long = the name is too long (over 200 characters)
units-problem-duplicate = repeats row { $ref }
units-problem-unknown_role = no such role in the plans (new roles are created by a coordinator of all executors)
units-problem-not_in_scope = this executor exists, but outside your scope
units-problem-parent_required = give a parent: you coordinate only part of the executors
units-problem-parent_not_found = parent “{ $parent }” not found
units-problem-parent_ambiguous = there are several “{ $parent }” — write it as “Role — Unit”
units-problem-parent_not_in_scope = parent “{ $parent }” is outside your scope
units-problem-parent_bad = parent “{ $parent }” was not created: see row { $ref }
units-problem-parent_cycle = parents go round in a circle: the executor would end up inside itself
units-problem-parent_self = the executor is given as its own parent
units-xlsx-sheet = Invites
units-xlsx-problems-sheet = Problems
units-xlsx-role = Role
units-xlsx-unit = Unit
units-xlsx-parent = Parent
units-xlsx-link = Link
units-xlsx-expires = Valid until
units-xlsx-status = Status
units-xlsx-line = Row
units-xlsx-why = What is wrong
units-xlsx-created = created
units-xlsx-existing = already there
units-xlsx-existing-parent-differs = already there (parent not changed)
