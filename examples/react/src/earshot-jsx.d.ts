import type { EarshotEventMap, EarshotPlayer } from 'earshot-player';
import type { HTMLAttributes, RefAttributes } from 'react';

type EarshotAttributes = Partial<Record<'manifest' | 'feed' | 'src' | 'track-title' | 'program' | 'date' | 'image' | 'download' | 'duration' | 'start' | 'end' | 'link' | 'transcript' | 'embed-base' | 'controls' | 'preload' | 'theme' | 'track' | 't' | 'layout', string>>;
type EarshotListeners = { [K in keyof EarshotEventMap as `on${K}`]?: (event: EarshotEventMap[K]) => void };

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'earshot-player': HTMLAttributes<EarshotPlayer> & RefAttributes<EarshotPlayer> & EarshotAttributes & EarshotListeners & { autoplay?: boolean; independent?: boolean; tracks?: unknown };
    }
  }
}
