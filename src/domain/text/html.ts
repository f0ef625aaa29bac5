// Plan text and people's names go into messages sent with Telegram's HTML parse mode.

/** Escapes `&`, `<`, `>`: all that text outside tags needs in Telegram's HTML parse mode. */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * Escapes `&`, `<`, `>` and `"` (safe inside a tag's attribute too). Telegram shows the same text
 * either way; the digests and status screens were written with this one.
 */
export function escapeHtmlWithQuotes(s: string): string {
  return s.replace(/[&<>"]/g, (c) =>
    c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&quot;",
  );
}
