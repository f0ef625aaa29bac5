// How people are named to coordinators: by their Telegram name and handle.

/** The Telegram name fields of a person (any may be missing). */
export interface PersonNameParts {
  first_name?: string | null;
  last_name?: string | null;
  username?: string | null;
}

/** «Ирина Петрова (@irina)», «Ирина Петрова», «@irina», or `fallback` when there is no name. */
export function personName(u: PersonNameParts | null, fallback: string): string {
  if (!u) return fallback;
  const name = [u.first_name, u.last_name].filter(Boolean).join(" ").trim();
  const handle = u.username ? `@${u.username}` : "";
  if (name && handle) return `${name} (${handle})`;
  return name || handle || fallback;
}
