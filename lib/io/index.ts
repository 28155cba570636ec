import 'server-only';

export { readBuffer, readVolume } from './read-volume';
export { statVolume } from './stat-volume';
export type { IoError, IoErrorCode, ReadOptions, ReadResult, StatResult, VolumeStat } from './types';
export { VolumeReader, type VolumeReaderOptions, type VolumeReaderResult } from './volume-reader';
