// The production calendar module: working days by the Russian decrees, and relative deadlines on it.
export {
  addDays,
  dayNumber,
  daysInMonth,
  formatRuDate,
  fromDayNumber,
  isoDate,
  isoWeekday,
  isValidDate,
} from "./iso-date.js";
export { occurrenceAfterEvent } from "./occurrence-after-event.js";
export {
  createProductionCalendar,
  type ProductionCalendar,
  type ProductionCalendarData,
  type ProductionCalendarYear,
  russianCalendar,
  unknownYearWarning,
} from "./production-calendar.js";
