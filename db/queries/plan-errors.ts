// Why a plan cannot be changed as asked, in words coordinators and operators read.
import type { PlansTable } from "../schema.js";

export type PlanStatus = PlansTable["status"];

/** Why a plan cannot be changed as asked; `message` is Russian, for coordinators and operators. */
export class PlanStateError extends Error {
  constructor(
    readonly code: "not_found" | "not_draft" | "not_published" | "same_plan" | "bad_item" | "bad_event",
    message: string,
  ) {
    super(message);
    this.name = "PlanStateError";
  }
}

/** The Russian word for a plan status, as lists and messages say it. */
export function statusText(status: PlanStatus): string {
  switch (status) {
    case "draft":
      return "черновик";
    case "published":
      return "опубликован";
    case "replaced":
      return "заменён";
    case "cancelled":
      return "отменён";
  }
}
