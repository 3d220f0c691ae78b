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

const TYPE_BY_EXTENSION: Record<string, string> = {
  mp3: 'audio/mpeg',
  ogg: 'audio/ogg',
  oga: 'audio/ogg',
  opus: 'audio/ogg; codecs=opus',
  m4a: 'audio/mp4',
  mp4: 'audio/mp4',
  aac: 'audio/aac',
  webm: 'audio/webm',
  wav: 'audio/wav',
  flac: 'audio/flac',
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
  // Only an audio extension: never the `.exe` or `.html` an address may end in.
  const fromUrl = extensionOfUrl(url);
  const audio = fromUrl !== undefined && Object.hasOwn(TYPE_BY_EXTENSION, fromUrl) ? fromUrl : undefined;
  return `${slug}.${extensionForType(contentType) ?? audio ?? 'mp3'}`;
}

/** howler picks a codec by extension; an address without a known one is left for the browser to sniff as mp3. */
export function formatOf(source: { src: string; type?: string }): string {
  if (source.type) return extensionForType(source.type) ?? source.type.split(';')[0]!.trim().toLowerCase().replace(/^audio\/(x-)?/, '');
  const extension = extensionOfUrl(source.src);
  return extension && extension in TYPE_BY_EXTENSION ? extension : 'mp3';
}

/** One element to ask, made on first use: each media element costs the browser milliseconds to make. */
let probe: HTMLAudioElement | undefined;

/** Can this browser play the source at all? It is asked about the type, given or read from the extension. */
export function canPlay(source: { src: string; type?: string }): boolean {
  if (typeof Audio === 'undefined') return false;
  const type = source.type ?? TYPE_BY_EXTENSION[formatOf(source)]!;
  probe ??= new Audio();
  return probe.canPlayType(type) !== '';
}
