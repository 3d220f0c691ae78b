#!/usr/bin/env bash
# Makes every audio file Earshot's demo and tests use, from the text written
# below, with espeak-ng (speech), sox (editing), lame (MP3), opusenc (Ogg Opus)
# and ffmpeg (AAC/M4A, WebM Opus). The outputs are committed, so CI and other
# developers never need these tools; run this only to change the audio.
#
#   scripts/make-audio.sh        (from anywhere; it works from the repo root)
#
# Writes:
#   demo/audio/interview.{mp3,ogg,txt,vtt}, interview-chapters.json   spoken radio interview, ~2:45, its transcript and chapters
#   demo/audio/clip-{1,2,3}.{mp3,ogg}    three short news clips, same story
#   demo/audio/clips.txt                 clip titles, durations and texts
#   test/fixtures/speech.{mp3,ogg,m4a,webm}   8 s of speech, one per codec
#   test/fixtures/long.mp3               exactly 360 s, CBR 8 kbps
#   test/fixtures/corrupt.mp3            20 000 bytes of garbage, no audio
#   test/fixtures/not-audio.mp3          an HTML 404 page named .mp3
#   test/fixtures/README.md              what each fixture is for
#
# Idempotent and reproducible: every run overwrites the same files with the
# same bytes (fixed Ogg serial numbers, ffmpeg bitexact mode, no dates in
# tags), as long as the tool versions stay the same.
set -euo pipefail
export LC_ALL=C
# sox dithers with a new random seed each run by default; -R fixes the seed.
export SOX_OPTS="-R"

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
DEMO=$ROOT/demo/audio
FIX=$ROOT/test/fixtures

# --- tools ------------------------------------------------------------------
missing=()
need() { command -v "$1" >/dev/null 2>&1 || missing+=("$2"); }
need espeak-ng espeak-ng
need sox sox
need soxi sox
need lame lame
need opusenc opus-tools
need ffmpeg ffmpeg
need ffprobe ffmpeg
need openssl openssl
need awk mawk
if ((${#missing[@]})); then
  pkgs=$(printf '%s\n' "${missing[@]}" | sort -u | tr '\n' ' ')
  echo "make-audio: missing tools. On Debian/Ubuntu install them with:" >&2
  echo "  sudo apt-get install -y ${pkgs% }" >&2
  exit 1
fi
encoders=$(ffmpeg -hide_banner -encoders 2>/dev/null)
for enc in aac libopus; do
  if ! grep -qw "$enc" <<<"$encoders"; then
    echo "make-audio: this ffmpeg has no '$enc' encoder; Debian's ffmpeg package has it." >&2
    exit 1
  fi
done

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
mkdir -p "$DEMO" "$FIX"

# --- helpers ----------------------------------------------------------------
RATE=22050 # espeak-ng's native rate; everything but long.mp3 stays at it

HOST_NAME="Daniel Reyes"
HOST_VOICE=(-v en-us -s 160)
GUEST_NAME="Margaret Hale"
GUEST_VOICE=(-v en-gb+f3 -s 150)
NEWS_VOICE=(-v en-gb-x-rp -s 160)
NEWSROOM="North Coast Newsroom"
SHOW="Coastlines"
HEADLINE="The Lighthouse Keepers of Harrow Point"
SUMMARY="For ninety-one years, three keepers at a time lived on the cliff at Harrow Point and kept its light turning through every storm, until a computer took over in 1994 and they were sent away. Margaret Hale, daughter of the last principal keeper, remembers the night of the 1962 gale, when her father wound the light by hand until dawn to guide a fishing boat home. Now she wants the village to turn the empty keepers' cottages into a small museum, and the council votes in March."

# Text is written for readers (1962); espeak-ng would say "nineteen hundred
# sixty two", so years are spelled out just before speaking.
speakable() {
  sed -e 's/\b1903\b/nineteen oh three/g' \
      -e 's/\b1962\b/nineteen sixty-two/g' \
      -e 's/\b1994\b/nineteen ninety-four/g' <<<"$1"
}

# say OUT.wav TEXT VOICE-ARGS...: speech, mono 16-bit at $RATE, with the
# synthesiser's own leading and trailing silence cut off and the peak at -3 dB,
# so that the gaps added later are the only pauses between turns.
say() {
  local out=$1 text=$2
  shift 2
  espeak-ng "$@" -w "$TMP/raw.wav" -- "$(speakable "$text")"
  sox "$TMP/raw.wav" -r "$RATE" -c 1 -b 16 "$out" \
    silence 1 0.02 0.5% reverse silence 1 0.02 0.5% reverse norm -3
}

# silence OUT.wav SAMPLES [RATE]
silence() { sox -r "${3:-$RATE}" -c 1 -n -b 16 "$1" trim 0 "${2}s"; }

samples() { soxi -s "$1"; }
secs() { awk -v s="$1" -v r="${2:-$RATE}" 'BEGIN { printf "%.2f", s / r }'; }
duration() { ffprobe -v error -show_entries format=duration -of csv=p=0 "$1"; }
codec() { ffprobe -v error -select_streams a:0 -show_entries stream=codec_name -of csv=p=0 "$1"; }

# mp3 IN.wav OUT.mp3 KBPS [lame options...]: mono CBR MP3 whose decoded length
# is a whole number of frames and whose sound is where it is in IN.wav.
#
# lame writes no Info/Xing header at these bitrates (its frames, 72 to 105
# bytes, are too small to hold one; LAME then silently skips it), so players
# take the duration from the file size and decode the encoder's delay and
# padding as part of the sound. Hence: cut the 1105 samples of delay that lame
# (576) and the decoder (529) add in front off IN.wav's leading silence, and
# give lame exactly F*576-1152 samples, for which it writes exactly F frames
# (576 samples each at 8 to 24 kHz). The MP3 then decodes to
# F*576 samples aligned with IN.wav (F = IN.wav's length in frames, rounded),
# and its duration from the bitrate is that length. Checked after encoding.
MP3_DELAY=1105
mp3() {
  local in=$1 out=$2 kbps=$3 n frames decoded
  shift 3
  n=$(samples "$in")
  frames=$(((n + 288) / 576))
  sox "$in" "$TMP/mp3-padded.wav" trim "${MP3_DELAY}s" pad 0 1
  sox "$TMP/mp3-padded.wav" "$TMP/mp3-in.wav" trim 0 "$((frames * 576 - 1152))s"
  lame --quiet --noreplaygain -m m --cbr -b "$kbps" "$@" "$TMP/mp3-in.wav" "$out"
  decoded=$(ffmpeg -nostdin -v error -i "$out" -f s16le - | wc -c)
  if ((decoded != frames * 576 * 2)); then
    echo "mp3: $out decodes to $((decoded / 2)) samples, not $((frames * 576)); lame changed?" >&2
    exit 1
  fi
}
# ogg IN.wav OUT.ogg SERIAL [opusenc tag options...]: Ogg Opus, 24 kbps.
ogg() {
  local in=$1 out=$2 serial=$3
  shift 3
  opusenc --quiet --bitrate 24 --serial "$serial" "$@" "$in" "$out"
}
# Bitexact ffmpeg: no encoder strings, dates or random IDs in the output.
ff() { ffmpeg -nostdin -hide_banner -loglevel error -y "$@"; }
FFX=(-map_metadata -1 -fflags +bitexact -flags:a +bitexact)

# --- 1. the interview ---------------------------------------------------------
# One line per turn: H (host) or G (guest), then the words. "#" starts a
# section; the pause between sections is longer than between turns, and the
# section boundaries are put in the middle of those pauses.
TURN_GAP=$((RATE * 4 / 10))     # 0.4 s between turns
SECTION_GAP=$((RATE * 12 / 10)) # 1.2 s between sections
LEAD=$((RATE * 3 / 10))         # 0.3 s before the first word
TAIL=$((RATE * 8 / 10))         # 0.8 s after the last
SEGMENT_SECTION=2               # the section suggested as a standalone clip

kinds=() texts=()
while IFS='|' read -r kind text; do
  [[ -z $kind ]] && continue
  kinds+=("$kind") texts+=("$text")
done <<'EOF'
#|Growing up at the light
H|Good evening, and welcome to Coastlines, from the North Coast Newsroom. I'm Daniel Reyes. Tonight: the lighthouse keepers of Harrow Point. For ninety-one years, a handful of keepers lived on that cliff and kept its light turning. My guest, Margaret Hale, grew up there. Margaret, welcome.
G|Thank you, Daniel. It's lovely to be asked.
H|Your father was the last principal keeper at Harrow Point. What do you remember first?
G|The sound. The lens made a soft ticking as it turned, all night, every night. When it stopped for repairs, I couldn't sleep. The quiet felt wrong.
#|The gale of 1962
H|Let's talk about the night that everyone in the village still talks about. The great gale of 1962.
G|I was six. The wind tore the roof off the oil store, and the power failed just after midnight. My father and the two other keepers wound the clockwork by hand, every twenty minutes, until morning. There was a fishing boat, the Morning Star, out beyond the rocks. She saw our light, and she came home.
H|With all her crew?
G|All five of them. Her skipper brought my father a bottle of whisky every Christmas for thirty years.
#|The keepers leave
H|In 1994, the light was automated. What changed?
G|Everything, and nothing. The light still turned. But now a computer in the city watched over it, and the keepers were sent to other jobs. My father locked the tower door for the last time on a Tuesday morning. He didn't say a word all the way down the hill.
H|And the keepers' cottages?
G|Empty, for thirty years. The gulls moved in and the paint came off. People walked their dogs past and forgot that anyone had ever lived there.
H|Did your father ever go back?
G|Once a year, on the night of the gale. He'd sit on the bench by the tower door with a flask of tea, and listen to the light turn.
#|What comes next
H|Now you want to bring them back. Tell me about the plan.
G|We want to turn the cottages into a small museum. The logbooks, the brass lamps, my father's old oilskin coat. And a room where children can wind the clockwork themselves, and feel how heavy it was.
H|When could it open?
G|Next summer, if the money comes through. The village council votes on the eleventh of March.
H|What would your father have made of it?
G|He'd have complained about the colour of the paint. And then he'd have given the tours himself, every single day, whatever the weather.
H|Margaret Hale, thank you. That was Coastlines, from the North Coast Newsroom. I'm Daniel Reyes. Good night.
EOF

silence "$TMP/turn-gap.wav" "$TURN_GAP"
silence "$TMP/section-gap.wav" "$SECTION_GAP"
silence "$TMP/lead.wav" "$LEAD"
silence "$TMP/tail.wav" "$TAIL"

parts=("$TMP/lead.wav")
cursor=$LEAD
turn=0
sec_titles=() sec_starts=() sec_ends=()
transcript=()
new_section=""
for i in "${!kinds[@]}"; do
  kind=${kinds[$i]} text=${texts[$i]}
  if [[ $kind == "#" ]]; then
    new_section=$text
    continue
  fi
  if ((turn > 0)); then
    if [[ -n $new_section ]]; then gap=$SECTION_GAP gapfile=section-gap.wav
    else gap=$TURN_GAP gapfile=turn-gap.wav; fi
    parts+=("$TMP/$gapfile")
    cursor=$((cursor + gap))
  fi
  if [[ -n $new_section ]]; then
    # Section boundaries sit in the middle of the pause before the section.
    if ((${#sec_titles[@]} == 0)); then boundary=0; else boundary=$((cursor - gap / 2)); fi
    ((${#sec_titles[@]})) && sec_ends+=("$boundary")
    sec_titles+=("$new_section") sec_starts+=("$boundary")
    new_section=""
  fi
  turn=$((turn + 1))
  wav=$(printf '%s/turn-%02d.wav' "$TMP" "$turn")
  if [[ $kind == H ]]; then say "$wav" "$text" "${HOST_VOICE[@]}"; name=$HOST_NAME
  else say "$wav" "$text" "${GUEST_VOICE[@]}"; name=$GUEST_NAME; fi
  n=$(samples "$wav")
  transcript+=("[$(secs "$cursor")-$(secs $((cursor + n)))] $name: $text")
  parts+=("$wav")
  cursor=$((cursor + n))
done
parts+=("$TMP/tail.wav")
cursor=$((cursor + TAIL))
sec_ends+=("$cursor")

sox "${parts[@]}" "$TMP/interview.wav"
[[ $(samples "$TMP/interview.wav") == "$cursor" ]] || { echo "interview: timeline mismatch" >&2; exit 1; }

TAGS_MP3=(--id3v2-only --ta "$NEWSROOM" --tl "$SHOW")
TAGS_OGG=(--artist "$NEWSROOM" --comment "ALBUM=$SHOW")
mp3 "$TMP/interview.wav" "$DEMO/interview.mp3" 32 --tt "$HEADLINE" "${TAGS_MP3[@]}"
ogg "$TMP/interview.wav" "$DEMO/interview.ogg" 1001 --title "$HEADLINE" "${TAGS_OGG[@]}"

seg=$((SEGMENT_SECTION - 1))
{
  echo "duration: $(duration "$DEMO/interview.mp3")"
  echo "segment: $(secs "${sec_starts[$seg]}") $(secs "${sec_ends[$seg]}") \"${sec_titles[$seg]}\""
  for i in "${!sec_titles[@]}"; do
    echo "section: $(secs "${sec_starts[$i]}") $(secs "${sec_ends[$i]}") \"${sec_titles[$i]}\""
  done
  echo "title: $HEADLINE"
  echo "show: $SHOW, $NEWSROOM (fictional)"
  echo "speakers: $HOST_NAME (host, espeak-ng ${HOST_VOICE[*]}); $GUEST_NAME (guest, espeak-ng ${GUEST_VOICE[*]})"
  echo "summary: $SUMMARY"
  echo
  printf '%s\n' "${transcript[@]}"
} >"$DEMO/interview.txt"

# The same words as WebVTT, for the player's Transcript panel: one cue per turn, at the times measured above.
vtt_time() { awk -v s="$1" 'BEGIN { m = int(s / 60); printf "%02d:%06.3f", m, s - m * 60 }'; }
{
  echo WEBVTT
  for line in "${transcript[@]}"; do
    [[ $line =~ ^\[([0-9.]+)-([0-9.]+)\]\ (.*)$ ]] || continue
    printf '\n%s --> %s\n%s\n' "$(vtt_time "${BASH_REMATCH[1]}")" "$(vtt_time "${BASH_REMATCH[2]}")" "${BASH_REMATCH[3]}"
  done
} >"$DEMO/interview.vtt"

# Its sections as podcast-namespace JSON chapters, for the player's Chapters list and timeline marks.
{
  printf '{\n  "version": "1.2.0",\n  "chapters": [\n'
  for i in "${!sec_titles[@]}"; do
    sep=','
    ((i == ${#sec_titles[@]} - 1)) && sep=''
    printf '    { "startTime": %s, "title": "%s" }%s\n' "$(secs "${sec_starts[$i]}")" "${sec_titles[$i]}" "$sep"
  done
  printf '  ]\n}\n'
} >"$DEMO/interview-chapters.json"

# --- 2. three news clips --------------------------------------------------------
clip_titles=(
  "Part 1: The light"
  "Part 2: The keepers"
  "Part 3: What comes next"
)
clip_texts=(
  "Harrow Point, part one: the light. The lighthouse at Harrow Point was first lit in 1903. Its lamp can be seen twenty-two miles out to sea, and it flashes white twice every fifteen seconds, a rhythm that fishermen on this coast learn as children. Since 1994 it has been run by a computer in the city."
  "Harrow Point, part two: the keepers. For ninety-one years, three keepers at a time lived beside the light, taking four-hour watches through the night. They wound the clockwork, trimmed the wicks, and wrote the weather in a logbook every hour. The last principal keeper, Thomas Hale, locked the tower door in 1994."
  "Harrow Point, part three: what comes next. The empty keepers' cottages could open as a small museum next summer. The plan, led by Thomas Hale's daughter Margaret, would show the logbooks, the brass lamps and a working clockwork. The village council votes on the eleventh of March. If it agrees, work on the roofs begins in April."
)
silence "$TMP/clip-lead.wav" $((RATE * 3 / 10))
silence "$TMP/clip-tail.wav" $((RATE * 6 / 10))
{
  echo "story: $HEADLINE"
  echo "read by: newsreader (espeak-ng ${NEWS_VOICE[*]}), $NEWSROOM (fictional)"
} >"$TMP/clips.txt"
for i in 0 1 2; do
  n=$((i + 1))
  say "$TMP/clip-body.wav" "${clip_texts[$i]}" "${NEWS_VOICE[@]}"
  sox "$TMP/clip-lead.wav" "$TMP/clip-body.wav" "$TMP/clip-tail.wav" "$TMP/clip-$n.wav"
  title="$HEADLINE, ${clip_titles[$i]}"
  mp3 "$TMP/clip-$n.wav" "$DEMO/clip-$n.mp3" 32 --tt "$title" --tn "$n/3" "${TAGS_MP3[@]}"
  ogg "$TMP/clip-$n.wav" "$DEMO/clip-$n.ogg" $((1010 + n)) --title "$title" "${TAGS_OGG[@]}" --comment "TRACKNUMBER=$n"
  {
    echo
    echo "clip-$n: duration: $(duration "$DEMO/clip-$n.mp3") title: \"${clip_titles[$i]}\""
    echo "text: ${clip_texts[$i]}"
  } >>"$TMP/clips.txt"
done
mv "$TMP/clips.txt" "$DEMO/clips.txt"

# --- 3. test fixtures -----------------------------------------------------------
# speech.*: exactly 8.000 s of one voice (padded with silence), one file per codec.
SPEECH_TEXT="This is the Earshot test recording. It lasts eight seconds. One, two, three, four, five."
say "$TMP/speech-body.wav" "$SPEECH_TEXT" "${HOST_VOICE[@]}"
sox "$TMP/speech-body.wav" "$TMP/speech-padded.wav" pad 0.25 8
sox "$TMP/speech-padded.wav" "$TMP/speech.wav" trim 0 $((RATE * 8))s
mp3 "$TMP/speech.wav" "$FIX/speech.mp3" 32
ogg "$TMP/speech.wav" "$FIX/speech.ogg" 2001
ff -i "$TMP/speech.wav" -ac 1 -c:a aac -b:a 32k -movflags +faststart "${FFX[@]}" "$FIX/speech.m4a"
ff -i "$TMP/speech.wav" -ac 1 -ar 48000 -c:a libopus -b:a 24k "${FFX[@]}" -f webm "$FIX/speech.webm"

# long.mp3: exactly 360 s at 8 kHz. Twelve 30-second blocks, each a spoken time
# mark (so a listener can check a seek) followed by a quiet, slowly sweeping tone.
LRATE=8000
BLOCK=$((30 * LRATE))
marks=(
  "Earshot long test file. Six minutes. Zero minutes."
  "Thirty seconds." "One minute." "One minute thirty." "Two minutes."
  "Two minutes thirty." "Three minutes." "Three minutes thirty." "Four minutes."
  "Four minutes thirty." "Five minutes." "Five minutes thirty. Thirty seconds to the end."
)
blocks=()
for i in "${!marks[@]}"; do
  say "$TMP/mark.wav" "${marks[$i]}" "${HOST_VOICE[@]}"
  sox "$TMP/mark.wav" -r "$LRATE" "$TMP/mark8k.wav" pad 0.2 0.3
  rest=$((BLOCK - $(samples "$TMP/mark8k.wav")))
  if ((i % 2)); then sweep=330:220; else sweep=220:330; fi
  sox -r "$LRATE" -c 1 -n -b 16 "$TMP/tone.wav" synth "${rest}s" sine "$sweep" vol 0.12 fade q 1 "${rest}s" 1
  b=$(printf '%s/block-%02d.wav' "$TMP" "$i")
  sox "$TMP/mark8k.wav" "$TMP/tone.wav" "$b"
  blocks+=("$b")
done
sox "${blocks[@]}" "$TMP/long.wav"
[[ $(samples "$TMP/long.wav") == $((360 * LRATE)) ]] || { echo "long: not 360 s" >&2; exit 1; }
mp3 "$TMP/long.wav" "$FIX/long.mp3" 8 --resample 8

# corrupt.mp3: 20 000 deterministic pseudo-random bytes (AES-CTR keystream of a
# fixed key) with every 0xFF byte removed, so that no MPEG/ADTS frame sync can
# occur anywhere, and no ID3 or Ogg header at the start.
head -c 30000 /dev/zero >"$TMP/zeros"
openssl enc -aes-128-ctr -nosalt -K 45617273686f742d636f727275707421 -iv 00000000000000000000000000000000 \
  -in "$TMP/zeros" -out "$TMP/keystream"
tr -d '\377' <"$TMP/keystream" >"$TMP/garbage"
head -c 20000 "$TMP/garbage" >"$FIX/corrupt.mp3"
case $(head -c 4 "$FIX/corrupt.mp3") in ID3* | OggS | RIFF | fLaC) echo "corrupt: looks like a header" >&2; exit 1 ;; esac

# not-audio.mp3: what a misconfigured server returns instead of the audio.
printf '<html><body>Not found</body></html>\n' >"$FIX/not-audio.mp3"

# --- 4. check ---------------------------------------------------------------------
fail=0
check() { # FILE CODEC MIN MAX
  local c d
  c=$(codec "$1") d=$(duration "$1")
  if [[ $c != "$2" ]] || ! awk -v d="$d" -v lo="$3" -v hi="$4" 'BEGIN { exit !(d >= lo && d <= hi) }'; then
    echo "CHECK FAILED: $1: codec '$c' (want $2), duration $d (want $3..$4)" >&2
    fail=1
  fi
}
for f in "$DEMO/interview" "$DEMO/clip-1" "$DEMO/clip-2" "$DEMO/clip-3"; do
  if [[ $f == */interview ]]; then lo=150 hi=180; else lo=15 hi=25; fi
  check "$f.mp3" mp3 $lo $hi
  check "$f.ogg" opus $lo $hi
done
check "$FIX/speech.mp3" mp3 7.9 8.1
check "$FIX/speech.ogg" opus 7.9 8.1
check "$FIX/speech.m4a" aac 7.9 8.1
check "$FIX/speech.webm" opus 7.9 8.1
check "$FIX/long.mp3" mp3 359.999 360.001
for f in "$FIX/corrupt.mp3" "$FIX/not-audio.mp3"; do
  if ffmpeg -nostdin -v error -i "$f" -f null - >/dev/null 2>&1; then
    echo "CHECK FAILED: $f decodes" >&2
    fail=1
  fi
done
# long.mp3 must be strict CBR: 5000 frames of 72 bytes, nothing else.
if [[ $(stat -c %s "$FIX/long.mp3") != 360000 ]]; then
  echo "CHECK FAILED: long.mp3 is not 5000 frames of 72 bytes" >&2
  fail=1
fi

# --- 5. fixtures README and summary ---------------------------------------------------
dur2() { echo "$(duration "$1") s"; }
{
  cat <<'EOF'
# Test fixtures

Made by `scripts/make-audio.sh` (espeak-ng, sox, lame, opus-tools, ffmpeg); do not edit by hand,
change the script and run it again. Durations are what `ffprobe` reports.

| file | codec | duration | purpose |
| --- | --- | --- | --- |
EOF
  echo "| \`speech.mp3\` | MP3, 32 kbps CBR, mono, 22.05 kHz | $(dur2 "$FIX/speech.mp3") | basic load, play, pause, seek, end; the default test file |"
  echo "| \`speech.ogg\` | Ogg Opus, 24 kbps, mono | $(dur2 "$FIX/speech.ogg") | the same speech in Ogg Opus (don't assert its duration under wtr's dev server, which ignores range requests) |"
  echo "| \`speech.m4a\` | AAC-LC in MP4, 32 kbps, mono | $(dur2 "$FIX/speech.m4a") | the same speech in AAC/M4A |"
  echo "| \`speech.webm\` | Opus in WebM, 24 kbps, mono, 48 kHz | $(dur2 "$FIX/speech.webm") | the same speech in WebM |"
  echo "| \`long.mp3\` | MP3, 8 kbps CBR, mono, 8 kHz: exactly 5000 frames of 72 bytes, no Info/Xing header (a frame this small cannot hold one), so the duration from the bitrate is exact | $(dur2 "$FIX/long.mp3") | exactly 6 minutes: time display past 5:59, seeking far ahead, progress bars; a spoken mark every 30 s (\"One minute.\", \"One minute thirty.\", ...) then a quiet tone |"
  echo "| \`corrupt.mp3\` | none (20 000 bytes of pseudo-random data with no frame sync) | - | the player's decode-error state |"
  echo "| \`not-audio.mp3\` | none (an HTML \"Not found\" page) | - | a server that answers with HTML instead of audio |"
  cat <<EOF

Speech in \`speech.*\`: "$SPEECH_TEXT" (0.25 s of silence before it, padded to 8.000 s).
The Opus files decode to exactly 8.000 s; ffprobe's figure for them is a few milliseconds more.
\`speech.mp3\` is 306 whole MP3 frames (7.9935 s), the nearest an MP3 at 22.05 kHz gets to 8 s,
and its speech starts at the same moment as in the others (lame's encoder delay is compensated).
Assert durations with a tolerance of about 0.05 s.
EOF
} >"$FIX/README.md"

echo
echo "file                                 bytes  duration  codec"
total=0
for f in "$DEMO"/interview.{mp3,ogg} "$DEMO"/clip-{1,2,3}.{mp3,ogg} "$FIX"/speech.{mp3,ogg,m4a,webm} "$FIX"/long.mp3 "$FIX"/corrupt.mp3 "$FIX"/not-audio.mp3; do
  size=$(stat -c %s "$f")
  total=$((total + size))
  d=$(duration "$f" 2>/dev/null || true)
  printf '%-34s %8d  %8s  %s\n' "${f#"$ROOT"/}" "$size" "${d:+$(printf '%.2f' "$d")}" "$(codec "$f" 2>/dev/null || true)"
done
echo "total audio bytes: $total"
grep -E '^(duration|segment):' "$DEMO/interview.txt"
if ((total > 2500000)); then echo "WARNING: audio is over 2.5 MB" >&2; fail=1; fi
exit "$fail"
