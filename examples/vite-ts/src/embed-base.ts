import { EarshotPlayer } from 'earshot-player/define';

EarshotPlayer.defaultEmbedBase = new URL('/earshot/embed.html', location.origin).href;
