import 'earshot-player/define';

const player = document.querySelector('earshot-player')!;
player.addEventListener('earshot-ended', (event) => console.log('finished track', event.detail.index));
await player.play();            // resolves when the sound starts
player.seek(90);                // seconds into the track (or segment)
player.playbackRate = 1.5;
console.log(player.status);     // idle | loading | playing | paused | ended | error
player.embedSnippet({ start: 90 });
