#!/usr/bin/env bash
# Regenerates every image of the Quantum Dispatch example issue with ImageMagick 6 (`convert`).
# Run from anywhere: ./make-images.sh. Everything is drawn from vector primitives and the fonts
# bundled in the repository, with no random sources, so the same ImageMagick version writes the
# same bytes on every run. Metadata that would vary (PNG time and date chunks, JPEG profiles) is
# stripped.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
fonts="$here/../../../fonts"
inter_bold="$fonts/inter/Inter-Bold.otf"
inter_semi="$fonts/inter/Inter-SemiBold.otf"
inter="$fonts/inter/Inter-Regular.otf"
garamond="$fonts/ebgaramond/EBGaramond12-Regular.ttf"
garamond_italic="$fonts/ebgaramond/EBGaramond12-Italic.ttf"
cd "$here"

# Output settings shared by all covers (JPEG) and all portraits and figures (PNG).
jpeg=(-strip -colorspace sRGB -depth 8 -sampling-factor 4:2:0 -interlace none -quality 80)
png=(-strip -depth 8 -define png:exclude-chunks=date,time -define png:compression-level=9)

# A soft cloud: overlapping discs on a transparent layer, faded to the given opacity.
# usage: cloud_layer WIDTH HEIGHT OPACITY "circle ..." ... (writes the layer to stdout as MIFF)
cloud_layer() {
  local w=$1 h=$2 opacity=$3
  shift 3
  local draws=()
  for c in "$@"; do draws+=(-draw "$c"); done
  convert -size "${w}x${h}" xc:none -fill white "${draws[@]}" \
    -channel A -evaluate multiply "$opacity" +channel -blur 0x6 miff:-
}

# --- Microsoft and OpenAI Enter the Next Phase: two interlocking rings among clouds ----------
make_microsoft_openai_cover() {
  cloud_layer 1600 900 0.22 \
    "circle 260,250 260,340" "circle 380,210 380,330" "circle 500,260 500,350" \
    "roundrectangle 170,250 590,350 50,50" \
    "circle 1180,640 1180,720" "circle 1300,590 1300,710" "circle 1420,650 1420,730" \
    "roundrectangle 1100,640 1500,730 45,45" >mo-clouds.miff
  # The rings are drawn one after the other, then the part of the first ring near their upper
  # crossing (800,278) is laid over the second again, so the rings interlock.
  convert -size 1600x900 -define gradient:angle=135 gradient:'#0b1e3f-#1d6f8c' \
    \( -size 1600x900 xc:none -stroke 'rgba(255,255,255,0.08)' -strokewidth 2 \
       -draw "line 0,700 1600,300" -draw "line 0,780 1600,380" -draw "line 0,860 1600,460" \
       -draw "line 0,120 1600,520" -draw "line 0,40 1600,440" \) -composite \
    mo-clouds.miff -composite \
    -fill none -strokewidth 44 \
    -stroke '#f2b134' -draw "circle 680,450 680,240" \
    -stroke '#37c6d0' -draw "circle 920,450 920,240" \
    \( -size 1600x900 xc:none -fill none -stroke '#f2b134' -strokewidth 44 \
       -draw "circle 680,450 680,240" \
       \( -size 1600x900 xc:none -fill white -draw "circle 800,278 800,340" \) \
       -compose DstIn -composite \) -compose Over -composite \
    -fill 'rgba(255,255,255,0.10)' -stroke none \
    -draw "polygon 1240,120 1330,170 1330,270 1240,320 1150,270 1150,170" \
    -draw "polygon 250,600 310,635 310,705 250,740 190,705 190,635" \
    "${jpeg[@]}" microsoft-openai-cover.jpg
  rm -f mo-clouds.miff
}

# --- Post-quantum TLS: a lattice of points behind a key-shaped keyhole -----------------------
make_post_quantum_cover() {
  local dots=()
  for x in $(seq 100 100 1500); do
    for y in $(seq 100 100 800); do
      dots+=(-draw "circle $x,$y $((x + 5)),$y")
    done
  done
  convert -size 1600x900 -define gradient:angle=90 gradient:'#14122b-#3b1f5c' \
    -fill 'rgba(255,255,255,0.22)' "${dots[@]}" \
    -stroke 'rgba(120,220,200,0.35)' -strokewidth 3 -fill none \
    -draw "polyline 100,800 300,600 500,700 700,300 900,400 1100,200 1300,500 1500,100" \
    -draw "polyline 100,200 400,300 600,100 800,600 1000,500 1200,800 1500,600" \
    -stroke none -fill '#78dcc8' -draw "circle 800,380 800,250" \
    -fill '#14122b' -draw "circle 800,380 800,320" \
    -fill '#78dcc8' -draw "polygon 745,470 855,470 890,720 710,720" \
    -fill '#14122b' -draw "polygon 785,500 815,500 830,680 770,680" \
    "${jpeg[@]}" post-quantum-tls-cover.jpg
}

# --- Open silicon in Europe: a stylised chip with traces running off its edges ---------------
make_open_silicon_cover() {
  local pins=()
  for i in $(seq 0 7); do
    local p=$((300 + i * 43))
    pins+=(-draw "line 560,$p 420,$p" -draw "line 1040,$p 1180,$p")
    local q=$((560 + i * 55))
    pins+=(-draw "line $q,220 $q,100" -draw "line $q,680 $q,800")
  done
  convert -size 1600x900 -define gradient:angle=45 gradient:'#0f2e2a-#1f5f4a' \
    -stroke '#d8c27a' -strokewidth 8 "${pins[@]}" \
    -draw "line 420,300 260,140" -draw "line 1180,601 1360,780" -draw "line 1180,300 1480,300" \
    -stroke none -fill '#d8c27a' -draw "circle 260,140 260,160" -draw "circle 1360,780 1360,800" \
    -draw "circle 1480,300 1480,320" \
    -fill '#17423a' -stroke '#d8c27a' -strokewidth 10 -draw "roundrectangle 560,220 1040,680 24,24" \
    -fill none -stroke 'rgba(216,194,122,0.55)' -strokewidth 4 \
    -draw "rectangle 640,300 960,600" -draw "line 640,400 960,400" -draw "line 640,500 960,500" \
    -draw "line 747,300 747,600" -draw "line 854,300 854,600" \
    -stroke none -fill 'rgba(255,255,255,0.10)' \
    -draw "polygon 0,900 0,620 320,900" -draw "polygon 1600,0 1280,0 1600,280" \
    "${jpeg[@]}" open-silicon-europe-cover.jpg
}

# --- Logical qubits: a grid of qubits with a highlighted error-correcting patch -----------------
make_logical_qubits_cover() {
  local grid=()
  for x in $(seq 260 120 1340); do
    for y in $(seq 150 120 750); do
      grid+=(-draw "circle $x,$y $((x + 14)),$y")
    done
  done
  convert -size 1600x900 -define gradient:angle=180 gradient:'#101820-#22364f' \
    -stroke 'rgba(160,190,230,0.25)' -strokewidth 3 -fill none \
    -draw "rectangle 260,150 1340,750" \
    -fill 'rgba(160,190,230,0.35)' -stroke none "${grid[@]}" \
    -fill 'rgba(255,120,90,0.18)' -stroke '#ff785a' -strokewidth 6 \
    -draw "roundrectangle 560,330 1040,570 30,30" \
    -stroke none -fill '#ff785a' \
    -draw "circle 620,390 638,390" -draw "circle 740,390 758,390" -draw "circle 860,390 878,390" \
    -draw "circle 980,390 998,390" -draw "circle 620,510 638,510" -draw "circle 740,510 758,510" \
    -draw "circle 860,510 878,510" -draw "circle 980,510 998,510" \
    -fill '#ffd2c4' -draw "circle 800,450 800,420" \
    "${jpeg[@]}" logical-qubits-cover.jpg
}

# --- Portraits: flat-colour silhouettes and initials, never photographs -----------------------
# Nova Chen: a silhouette on a disc, transparent outside the disc (the one portrait with alpha).
make_nova_chen() {
  convert -size 256x256 xc:'#e76f51' \
    -fill '#264653' -draw "circle 128,100 128,40" -draw "roundrectangle 68,96 188,170 18,18" \
    -fill '#f4a261' -draw "ellipse 128,250 92,84 0,360" -draw "circle 128,110 128,66" \
    -fill '#264653' -draw "ellipse 150,66 50,22 0,360" \
    \( -size 256x256 xc:none -fill white -draw "circle 128,128 128,2" \) \
    -alpha set -compose DstIn -composite \
    "${png[@]}" -define png:color-type=6 nova-chen.png
}

# The other authors: initials on a coloured disc, on an opaque square (no alpha channel).
# usage: make_initials FILE INITIALS BACKGROUND DISC INK
make_initials() {
  convert -size 256x256 xc:"$3" -fill "$4" -draw "circle 128,128 128,10" \
    -font "$inter_bold" -pointsize 96 -fill "$5" -gravity center -annotate +0+4 "$2" \
    -alpha off "${png[@]}" -define png:color-type=2 "$1"
}

# --- Figure for the open-silicon article: a small bar chart with its own labels ---------------
make_risc_v_chart() {
  local values=(9 14 22 31 40) years=(2022 2023 2024 2025 2026) bars=() labels=()
  for i in "${!values[@]}"; do
    local x0=$((140 + i * 150)) top=$((440 - values[i] * 8))
    bars+=(-draw "rectangle $x0,$top $((x0 + 90)),440")
    labels+=(-annotate "+$((x0 + 20))+472" "${years[i]}")
    labels+=(-annotate "+$((x0 + 22))+$((top - 12))" "${values[i]}%")
  done
  convert -size 900x520 xc:'#fbf8f1' \
    -stroke '#8a8a8a' -strokewidth 2 -draw "line 110,440 860,440" -stroke none \
    -fill '#1f5f4a' "${bars[@]}" \
    -font "$inter" -pointsize 22 -fill '#333333' "${labels[@]}" \
    -font "$inter_semi" -pointsize 26 -fill '#111111' \
    -annotate +40+52 "RISC-V share of new chip design starts, Europe" \
    -font "$inter" -pointsize 18 -fill '#666666' \
    -annotate +40+84 "Per cent of surveyed projects; 2026 is a projection" \
    -annotate +40+505 "Source: Quantum Dispatch survey of 120 design teams" \
    -colors 32 "${png[@]}" risc-v-share.png
}

# --- Issue cover: portrait A4 proportions, publication name and month set large ---------------
make_issue_cover() {
  cloud_layer 1240 1754 0.16 \
    "circle 300,1250 300,1350" "circle 440,1200 440,1340" "circle 580,1260 580,1360" \
    "roundrectangle 190,1260 700,1370 55,55" \
    "circle 860,1420 860,1500" "circle 970,1380 970,1490" "roundrectangle 780,1420 1080,1510 45,45" \
    >issue-clouds.miff
  # The same interlocking rings as the lead article's cover; their upper crossing is at (620,898).
  convert -size 1240x1754 -define gradient:angle=160 gradient:'#0b1e3f-#1d6f8c' \
    issue-clouds.miff -composite \
    -fill none -strokewidth 30 \
    -stroke '#f2b134' -draw "circle 520,1010 520,860" \
    -stroke '#37c6d0' -draw "circle 720,1010 720,860" \
    \( -size 1240x1754 xc:none -fill none -stroke '#f2b134' -strokewidth 30 \
       -draw "circle 520,1010 520,860" \
       \( -size 1240x1754 xc:none -fill white -draw "circle 620,898 620,942" \) \
       -compose DstIn -composite \) -compose Over -composite \
    -stroke none -fill '#f2b134' -draw "rectangle 100,150 1140,158" \
    -font "$garamond" -pointsize 72 -fill white -annotate +100+280 "The" \
    -pointsize 150 -annotate +100+430 "Quantum" -annotate +100+580 "Dispatch" \
    -fill '#f2b134' -draw "rectangle 100,640 1140,646" \
    -font "$inter_bold" -pointsize 120 -fill white -annotate +100+1620 "May 2026" \
    -font "$inter_semi" -pointsize 40 -fill '#cfe6ee' -annotate +100+1680 "Issue No. 5" \
    -font "$garamond_italic" -pointsize 46 -fill '#cfe6ee' \
    -annotate +100+740 "Clouds, keys, chips and qubits:" \
    -annotate +100+800 "the month in technology" \
    "${jpeg[@]}" issue-cover.jpg
  rm -f issue-clouds.miff
}

make_microsoft_openai_cover
make_post_quantum_cover
make_open_silicon_cover
make_logical_qubits_cover
make_nova_chen
make_initials leila-haddad.png "LH" '#f1e4d3' '#2a6f97' '#ffffff'
make_initials mireille-duval.png "MD" '#e3eee8' '#1f5f4a' '#f6e7b0'
make_initials theo-vasquez.png "TV" '#e9e4f0' '#5b3f8c' '#ffffff'
make_risc_v_chart
make_issue_cover
