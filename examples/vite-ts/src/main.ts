import 'earshot-player/define';

const player = document.querySelector('earshot-player')!;
player.addEventListener('earshot-play', (event) => {
  console.log(event.detail.currentTime, event.detail.index);   // number, number
});
player.addEventListener('earshot-error', (event) => console.warn(event.detail.code, event.detail.message));
