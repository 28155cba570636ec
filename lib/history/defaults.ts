/** Defaults of the history settings: plain numbers the browser may import without the settings parser. */
export const DEFAULT_HISTORY_S = 3600;
export const DEFAULT_HISTORY_MAX_MB = 256;
/** a request with no reply after this long is stuck: about five SPM monitor intervals */
export const DEFAULT_STUCK_S = 10;
/** a tear heals at the writer's next write; ten reads (5 s at the default poll) of the same failing bytes is not one */
export const DEFAULT_PERSISTENT_READS = 10;
