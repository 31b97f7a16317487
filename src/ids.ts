const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An ID that is not even well-formed names nothing: callers report it as not found. */
export const isUuid = (value: string) => UUID.test(value);
