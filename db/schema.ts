// The typed schema of srok's database (see migrations/). Row types for queries come from here.
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";

/** Telegram ids are 64-bit; SQLite returns them as numbers, which hold them exactly up to 2^53. */
type TgId = number;

export interface PlansTable {
  id: Generated<number>;
  title: string;
  status: "draft" | "published" | "replaced" | "cancelled";
  period_start: string;
  period_end: string;
  source_name: string | null;
  parsed_json: string;
  mark_counts_as_done: ColumnType<number, number | undefined, number>;
  replaces_plan_id: number | null;
  created_by: TgId | null;
  created_at: string;
  published_at: string | null;
}

export interface SectionsTable {
  id: Generated<number>;
  plan_id: number;
  number: string;
  title: string;
  position: number;
}

export interface ItemsTable {
  id: Generated<number>;
  plan_id: number;
  section_id: number | null;
  number: string;
  parent_number: string | null;
  title: string;
  result: string | null;
  deadline_raw: string;
  deadline_kind: string;
  deadline_json: string;
  /** The item's executors (`Executor[]` as JSON), from the draft on (migration 0002). */
  executors_json: ColumnType<string, string | undefined, string>;
  needs_accepted_report: ColumnType<number, number | undefined, number>;
  position: number;
}

export interface RolesTable {
  id: Generated<number>;
  name: string;
  aliases_json: ColumnType<string, string | undefined, string>;
  created_at: string;
}

export interface ItemRolesTable {
  item_id: number;
  role_id: number;
  people_json: ColumnType<string, string | undefined, string>;
}

export interface UnitsTable {
  id: Generated<number>;
  role_id: number;
  name: string;
  parent_unit_id: number | null;
  timezone: string | null;
  created_at: string;
  archived_at: string | null;
}

export interface EventsTable {
  id: Generated<number>;
  plan_id: number | null;
  name: string;
  occurred_on: string;
  recorded_by: TgId | null;
  recorded_at: string;
}

export interface OccurrencesTable {
  id: Generated<number>;
  item_id: number;
  seq: number;
  start_date: string | null;
  due_date: string | null;
  kind: string;
  event_id: number | null;
}

export interface AssignmentsTable {
  id: Generated<number>;
  occurrence_id: number;
  unit_id: number;
  status: ColumnType<"open" | "done", "open" | "done" | undefined, "open" | "done">;
  done_at: string | null;
  done_by: TgId | null;
  comment: string | null;
  review_state: ColumnType<
    "none" | "pending" | "accepted" | "returned",
    "none" | "pending" | "accepted" | "returned" | undefined,
    "none" | "pending" | "accepted" | "returned"
  >;
  last_confirmed_on: string | null;
  updated_at: string;
}

export interface UsersTable {
  id: TgId;
  first_name: string | null;
  last_name: string | null;
  username: string | null;
  language: ColumnType<string, string | undefined, string>;
  timezone: string | null;
  digest_time: string | null;
  digest_paused: ColumnType<number, number | undefined, number>;
  blocked_at: string | null;
  is_admin: ColumnType<number, number | undefined, number>;
  created_at: string;
}

export interface MembershipsTable {
  id: Generated<number>;
  user_id: TgId;
  unit_id: number;
  created_at: string;
  left_at: string | null;
}

export interface CoordinatorScopesTable {
  id: Generated<number>;
  user_id: TgId;
  /** null: coordinator over the whole deployment. */
  unit_id: number | null;
  created_at: string;
  revoked_at: string | null;
}

export interface InvitesTable {
  id: Generated<number>;
  token_hash: string;
  kind: "executor" | "coordinator";
  unit_id: number | null;
  created_by: TgId;
  created_at: string;
  expires_at: string;
  max_uses: ColumnType<number, number | undefined, number>;
  uses: ColumnType<number, number | undefined, number>;
  revoked_at: string | null;
}

export interface AccessRequestsTable {
  id: Generated<number>;
  user_id: TgId;
  message: string | null;
  status: "pending" | "approved" | "rejected";
  created_at: string;
  decided_by: TgId | null;
  decided_at: string | null;
}

export interface ReportsTable {
  id: Generated<number>;
  assignment_id: number;
  user_id: TgId;
  text: string | null;
  created_at: string;
  review_state: ColumnType<
    "pending" | "accepted" | "returned",
    "pending" | "accepted" | "returned" | undefined,
    "pending" | "accepted" | "returned"
  >;
  reviewed_by: TgId | null;
  reviewed_at: string | null;
  review_comment: string | null;
}

export interface ReportPartsTable {
  id: Generated<number>;
  report_id: number;
  kind: "document" | "photo" | "link" | "text";
  telegram_file_id: string | null;
  file_name: string | null;
  mime_type: string | null;
  size: number | null;
  local_path: string | null;
  text: string | null;
}

export interface OutboxTable {
  id: Generated<number>;
  idem_key: string;
  chat_id: TgId;
  kind: string;
  payload_json: string;
  status: "pending" | "sending" | "sent" | "failed";
  attempts: ColumnType<number, number | undefined, number>;
  next_attempt_at: string;
  last_error: string | null;
  telegram_message_id: number | null;
  created_at: string;
  sent_at: string | null;
}

export interface DigestLogTable {
  kind: "digest" | "summary";
  user_id: TgId;
  /** The user's local date the message is for. */
  day: string;
  outcome: "queued" | "empty";
  outbox_id: number | null;
  created_at: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  user_id: TgId | null;
  action: string;
  entity: string;
  entity_id: string | null;
  details_json: ColumnType<string, string | undefined, string>;
}

export interface KvTable {
  key: string;
  value: string;
  updated_at: string;
}

export interface ProcessedUpdatesTable {
  update_id: number;
  processed_at: string;
}

export interface BotStateTable {
  id: number;
  update_offset: number;
}

export interface Database {
  plans: PlansTable;
  sections: SectionsTable;
  items: ItemsTable;
  roles: RolesTable;
  item_roles: ItemRolesTable;
  units: UnitsTable;
  events: EventsTable;
  occurrences: OccurrencesTable;
  assignments: AssignmentsTable;
  users: UsersTable;
  memberships: MembershipsTable;
  coordinator_scopes: CoordinatorScopesTable;
  invites: InvitesTable;
  access_requests: AccessRequestsTable;
  reports: ReportsTable;
  report_parts: ReportPartsTable;
  outbox: OutboxTable;
  digest_log: DigestLogTable;
  audit_log: AuditLogTable;
  kv: KvTable;
  processed_updates: ProcessedUpdatesTable;
  bot_state: BotStateTable;
}

export type PlanRow = Selectable<PlansTable>;
export type ItemRow = Selectable<ItemsTable>;
export type UnitRow = Selectable<UnitsTable>;
export type RoleRow = Selectable<RolesTable>;
export type OccurrenceRow = Selectable<OccurrencesTable>;
export type AssignmentRow = Selectable<AssignmentsTable>;
export type UserRow = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type InviteRow = Selectable<InvitesTable>;
export type ReportRow = Selectable<ReportsTable>;
export type ReportPartRow = Selectable<ReportPartsTable>;
export type OutboxRow = Selectable<OutboxTable>;
export type EventRow = Selectable<EventsTable>;
