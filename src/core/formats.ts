/** Audio MIME types, the file extensions howler and downloads go by, and download filenames. */
const EXTENSION_BY_TYPE: Record<string, string> = {
  'audio/mpeg': 'mp3',
  'audio/mp3': 'mp3',
  'audio/ogg': 'ogg',
  'audio/opus': 'opus',
  'audio/mp4': 'm4a',
  'audio/x-m4a': 'm4a',
  'audio/aac': 'aac',
  'audio/webm': 'webm',
  'audio/wav': 'wav',
  'audio/wave': 'wav',
  'audio/x-wav': 'wav',
  'audio/flac': 'flac',
  'audio/x-flac': 'flac',
};

/** `audio/ogg; codecs=opus` → `ogg`; undefined for a type we do not know. */
export function extensionForType(type: string | null | undefined): string | undefined {
  return type ? EXTENSION_BY_TYPE[type.split(';')[0]!.trim().toLowerCase()] : undefined;
}

/** `…/interview.MP3?x=1` → `mp3`; undefined where the path has no extension. */
export function extensionOfUrl(url: string): string | undefined {
  try {
    return /\.([a-z0-9]{2,5})$/i.exec(new URL(url).pathname)?.[1]?.toLowerCase();
  } catch {
    return undefined;
  }
}

/** "The Gale of 1962!" + …/storm.mp3 → `the-gale-of-1962.mp3`. */
export function downloadFilename(title: string, url: string, contentType?: string | null): string {
  const slug =
    title
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80)
      .replace(/-+$/, '') || 'audio';
  return `${slug}.${extensionForType(contentType) ?? extensionOfUrl(url) ?? 'mp3'}`;
}
