import type { Update } from "grammy/types";
import { describe, expect, it } from "vitest";
import { classifyReportInput } from "../../../src/bot/features/reports/input.js";

const chat = { id: 1, type: "private" as const, first_name: "И" };
const from = { id: 1, is_bot: false, first_name: "И" };
const msg = (over: object): Update => ({
  update_id: 1,
  message: { message_id: 1, date: 1, chat, from, ...over } as never,
});
const press = (data: string): Update => ({
  update_id: 1,
  callback_query: {
    id: "q",
    from,
    chat_instance: "c",
    data,
    message: { message_id: 1, date: 1, chat } as never,
  },
});

describe("classifyReportInput", () => {
  it("takes documents, photos (the largest size), video, text with links, captions", () => {
    expect(
      classifyReportInput(
        msg({
          document: {
            file_id: "D",
            file_unique_id: "d",
            file_name: "a.pdf",
            mime_type: "application/pdf",
            file_size: 10,
          },
        }),
        7,
      ),
    ).toEqual({
      kind: "parts",
      parts: [
        { kind: "document", telegramFileId: "D", fileName: "a.pdf", mimeType: "application/pdf", size: 10 },
      ],
    });
    const photo = classifyReportInput(
      msg({
        photo: [
          { file_id: "small", file_unique_id: "s", width: 90, height: 90, file_size: 1 },
          { file_id: "big", file_unique_id: "b", width: 1280, height: 960, file_size: 99 },
        ],
        caption: "акт https://example.org/act",
      }),
      7,
    );
    expect(photo).toEqual({
      kind: "parts",
      parts: [
        { kind: "photo", telegramFileId: "big", fileName: null, mimeType: "image/jpeg", size: 99 },
        { kind: "link", text: "https://example.org/act" },
        { kind: "text", text: "акт https://example.org/act" },
      ],
    });
    expect(
      classifyReportInput(
        msg({ video: { file_id: "V", file_unique_id: "v", width: 1, height: 1, duration: 1, file_size: 5 } }),
        7,
      ),
    ).toMatchObject({
      kind: "parts",
      parts: [{ kind: "document", telegramFileId: "V" }],
    });
    expect(classifyReportInput(msg({ text: "Готово всё" }), 7)).toEqual({
      kind: "parts",
      parts: [{ kind: "text", text: "Готово всё" }],
    });
  });

  it("refuses files over 20 MB and hints at stickers and voice", () => {
    const big = 20 * 1024 * 1024 + 1;
    expect(
      classifyReportInput(
        msg({ document: { file_id: "D", file_unique_id: "d", file_name: "big.zip", file_size: big } }),
        7,
      ),
    ).toEqual({
      kind: "too_large",
      name: "big.zip",
      size: big,
    });
    expect(
      classifyReportInput(msg({ voice: { file_id: "v", file_unique_id: "v", duration: 3 } }), 7),
    ).toEqual({ kind: "unsupported" });
    expect(classifyReportInput(msg({ location: { latitude: 1, longitude: 2 } }), 7)).toEqual({
      kind: "unsupported",
    });
  });

  it("passes commands, other buttons and «Позже» on; tells its own buttons from another report's", () => {
    expect(classifyReportInput(msg({ text: "/tasks" }), 7)).toEqual({ kind: "pass" });
    expect(classifyReportInput(press("a:done:7"), 7)).toEqual({ kind: "pass" });
    expect(classifyReportInput(press("r:later:7"), 7)).toEqual({ kind: "pass" });
    expect(classifyReportInput(press("r:send:7"), 7)).toEqual({
      kind: "button",
      action: "send",
      sameReport: true,
    });
    expect(classifyReportInput(press("r:fin:8"), 7)).toEqual({
      kind: "button",
      action: "fin",
      sameReport: false,
    });
    expect(classifyReportInput(press("r:bogus:7"), 7)).toEqual({ kind: "pass" });
    expect(
      classifyReportInput(
        {
          update_id: 1,
          edited_message: { message_id: 1, date: 1, edit_date: 2, chat, from, text: "x" } as never,
        },
        7,
      ),
    ).toEqual({ kind: "pass" });
  });
});
