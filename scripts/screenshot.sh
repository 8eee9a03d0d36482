#!/usr/bin/env bash
# A screenshot of a page from `npm run docs:comment` / `npm run docs:summary` as the docs keep them: 780 px
# (GitHub's comment width), the whole page (taken 9000 px tall, then cut 16 px below the last row that is not
# blank), every <details> open, quantised to at most 256 colours. Needs Debian's chromium and imagemagick.
#   scripts/screenshot.sh out/html/comment.html docs/screenshots/plan-comment.png
set -euo pipefail
page=$1
out=$2
tall=$(mktemp --suffix=.png)
profile=$(mktemp -d)
trap 'rm -rf "$tall" "$profile"' EXIT
chromium --headless --no-sandbox --disable-gpu --allow-file-access-from-files --virtual-time-budget=8000 \
  --hide-scrollbars --user-data-dir="$profile" --window-size=780,9000 --screenshot="$tall" "$page" >/dev/null 2>&1
geometry=$(convert "$tall" -trim -format '%h %Y' info:) # the content's height and top offset
height=${geometry% *}
top=${geometry#* }
convert "$tall" -crop "780x$((height + ${top#+} + 16))+0+0" +repage -strip -colors 256 "$out"
