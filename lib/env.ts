/** The process environment as configuration reads it: names to raw strings. */
export type Env = Readonly<Record<string, string | undefined>>;
