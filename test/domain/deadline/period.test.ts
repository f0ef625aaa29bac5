// The period of a plan: from its title, else from the explicit dates of its table.
import { describe, expect, it } from "vitest";
import { periodFromTitle, scanExplicitDates } from "../../../src/domain/deadline/index.js";
import { seedHead, seedText } from "./support.js";

const calendar = (first: number, last = first) => ({
  period: { start: `${first}-01-01`, end: `${last}-12-31` },
  schoolYear: false,
});
const school = (first: number) => ({
  period: { start: `${first}-09-01`, end: `${first + 1}-08-31` },
  schoolYear: true,
});

describe("periodFromTitle", () => {
  it("reads the titles of the five seeds", () => {
    expect(periodFromTitle(seedHead("000"))).toEqual(calendar(2021));
    expect(periodFromTitle(seedHead("001"))).toEqual(calendar(2020));
    // 002: the decree around the title also cites «от 29 декабря 2012 г.» and «от 17 января 2020 года».
    expect(periodFromTitle(seedHead("002"))).toEqual(calendar(2020));
    expect(periodFromTitle(seedHead("003"))).toEqual(calendar(2016, 2018));
    expect(periodFromTitle(seedHead("004"))).toBeNull();
  });

  it.each([
    ["План мероприятий в 2021 году", calendar(2021)],
    ["План работы на 2020 год", calendar(2020)],
    ["План на 2016-2018 годы", calendar(2016, 2018)],
    ["План на 2016 – 2018 гг.", calendar(2016, 2018)],
    ["Дорожная карта на период 2019 - 2024 годов", calendar(2019, 2024)],
    ["План на 2021 год и плановый период 2022 и 2023 годов", calendar(2021, 2023)],
    ["План по итогам НОКО в 2019 году на 2020 год", calendar(2020)],
    ["План работы на 2021/2022 учебный год", school(2021)],
    ["План работы на 2021-2022 учебный год", school(2021)],
    ["План работы на 2021/22 уч. год", school(2021)],
    ["План работы, учебный год 2023/2024", school(2023)],
  ])("%j", (title, expected) => {
    expect(periodFromTitle(title)).toEqual(expected);
  });

  it("a full date is not a period, and no year at all is null", () => {
    expect(periodFromTitle("Распоряжение от 29 декабря 2012 г. № 273")).toBeNull();
    expect(periodFromTitle("Распоряжение от 17.01.2020 № 47-р")).toBeNull();
    expect(periodFromTitle("План мероприятий по организации оценки")).toBeNull();
  });
});

describe("scanExplicitDates", () => {
  it.each([
    ["до 30.09.2021", ["2021-09-30"]],
    ["09.06 – 17.07.21", ["2021-06-09", "2021-07-17"]],
    ["19.05.2021\n22.05.2021", ["2021-05-19", "2021-05-22"]],
    ["18 мая 2021", ["2021-05-18"]],
    ["IV квартал 2016 г.", ["2016-10-01", "2016-12-31"]],
    ["сентябрь 2021 – май", ["2021-09-01", "2022-05-31"]],
    ["2017г\n2018 г.", ["2017-01-01", "2017-12-31", "2018-01-01", "2018-12-31"]],
    ["март", []],
    ["до 1 марта", []],
    ["до конца учебного года", []],
    ["постоянно", []],
    ["до 31.02.2021", []],
  ])("%j", (raw, dates) => {
    expect(scanExplicitDates(raw)).toEqual(dates);
  });

  it("seed 004, with no year in its title, spans 2021", () => {
    const dates = scanExplicitDates(seedText("004")).sort();
    expect(dates[0]).toBe("2021-05-18");
    expect(dates.at(-1)).toBe("2021-09-30");
  });
});
