/** The current instant. Injected everywhere so tests (and `digest run --date`) control time. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();
