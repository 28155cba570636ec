/** Defaults of the history settings: plain numbers the browser may import without the settings parser. */
export const DEFAULT_HISTORY_S = 3600;
export const DEFAULT_HISTORY_MAX_MB = 256;
/** a request with no reply after this long is stuck: about five SPM monitor intervals */
export const DEFAULT_STUCK_S = 10;
