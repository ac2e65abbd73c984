#!/usr/bin/env bash
# Renders the app icons the web app manifest names (docs/offline.md) from their SVG drawings, with Debian's
# Chromium: icon-192.png, icon-512.png (purpose "any") and icon-maskable-192.png, icon-maskable-512.png. Run it
# after changing static/img/icon.svg or icon-maskable.svg, and commit the PNGs.
set -euo pipefail
cd "$(dirname "$0")/../src/main/resources/static/img"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for name in icon icon-maskable; do
  for size in 192 512; do
    cat > "$work/$name-$size.html" <<HTML
<!doctype html><html><head><style>html,body{margin:0;background:transparent}img{display:block;width:${size}px;height:${size}px}</style></head>
<body><img src="file://$PWD/$name.svg" alt=""></body></html>
HTML
    chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --default-background-color=00000000 \
      --window-size="$size,$size" --screenshot="$PWD/$name-$size.png" "file://$work/$name-$size.html" 2>/dev/null
    echo "$name-$size.png"
  done
done
