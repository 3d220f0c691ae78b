import { EarshotPlayer, defineEarshotPlayer } from 'earshot-player';

EarshotPlayer.defaultEmbedBase = 'https://cdn.example.com/earshot/embed.html';
defineEarshotPlayer();   // once; if another copy already registered the tag, that copy stays
