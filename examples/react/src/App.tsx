import 'earshot-player/define';
import type { EarshotPlayer } from 'earshot-player';
import { useRef } from 'react';

export function App() {
  const player = useRef<EarshotPlayer>(null);
  return (
    <>
      <earshot-player
        ref={player}
        manifest="/demo/interview.json"
        embed-base="/dist/embed.html"
        onearshot-play={(event) => console.log('playing from', event.detail.currentTime)}
        onearshot-ended={(event) => console.log('finished track', event.detail.index)}
      />
      <button onClick={() => player.current?.seek(40)}>Jump to the gale</button>
    </>
  );
}
