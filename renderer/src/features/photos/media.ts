// URLs of files in the media folder (renditions, thumbnails), whichever transport is in use.
import { transport } from '../../api/client.ts'

export const mediaUrl = (relPath: string): string => transport.mediaUrl(relPath)
