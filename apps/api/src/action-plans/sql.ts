/** A timestamptz column as ISO 8601 UTC, straight from SQL (raw rows otherwise carry Postgres' own text). */
export const iso = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
